"""Which sentences and which advice answer a question, and how its words are read (dev13 round): on
several subjects, each subject's own sentence on the topic asked, not one that only names the others
too; a subject named only in the setting of "which tool fits?" leaves the choice open; an acronym the
corpus spells out; "the managed version called"; "built-in"; "A being X"; "what tool fits?"."""

from assistant.spelling import spelled_as_corpus

from conftest import after


def test_each_subject_answers_with_its_own_sentence_on_the_topic(queues_bot):
    # The Temporal sentence "Where Celery hands messages to a broker, Temporal keeps state ..." names
    # both subjects, so it is closest to any question naming both; it says nothing of dashboards or retries
    reply = queues_bot.ask("compare the monitoring dashboards for celery vs temporal")
    assert "Flower" in reply.text and "Temporal Web UI" in reply.text, reply.text
    reply = queues_bot.ask("temporal gives up after 3 retries by default just like celery does, correct?")
    assert "no maximum number of attempts" in reply.text, reply.text
    assert "three attempts" in reply.text, reply.text  # and what Celery does, which the premise had right
    # where the two-subject sentence is on the topic, it is still the one that answers
    reply = queues_bot.ask("where do celery and temporal each keep their state?")
    assert "Temporal keeps state in its own server" in reply.text, reply.text


def test_a_subject_named_only_in_the_setting_leaves_the_choice_open(queues_bot, bot):
    question = ("I'm on the payments platform team (~60 engineers). Our charge-and-settle flow has like 8 steps "
                "and if one gets dropped or runs twice we lose money. Celery chords are getting scary. Which tool fits?")
    reply = queues_bot.ask(question)
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    # a question that asks about the subject it names keeps to it
    index = queues_bot.index
    q = queues_bot.prepare(index, "We send emails in the background. Is Celery a good fit for that?").question
    assert q.subjects == ["celery"], q.subjects
    q = queues_bot.prepare(index, "We send emails with Celery today. Which tool fits best for a multi-step payment flow?").question
    assert q.subjects == [], q.subjects
    # "which <thing of it> ...?" after choosing one asks about the one chosen
    reply = bot.ask("We've settled on Metaflow. Which managed option should we use?")
    assert "**Metaflow**" in reply.text and "Outerbounds" in reply.text, reply.text


def test_an_acronym_is_read_as_the_compound_of_the_corpus_it_spells(vector_bot):
    index = vector_bot.index
    assert spelled_as_corpus("what handles the WAL?", index.model, index) == "what handles the write-ahead log?"
    reply = vector_bot.ask("in milvus distributed what handles the WAL?")
    assert "Pulsar or Kafka" in reply.text, reply.text
    # only a compound or a name's words: not "object storage such" for "OSS", nor a word English uses
    assert spelled_as_corpus("is it OSS?", index.model, index) == "is it OSS?"
    assert spelled_as_corpus("is it a bus?", index.model, index) == "is it a bus?"


def test_a_version_called_something_is_a_name_and_a_minimum_version_a_number(bot, vector_bot):
    reply = vector_bot.ask("if I don't want to run milvus myself, what's the managed version called?")
    assert not reply.refused and "Zilliz Cloud" in reply.text, reply.text
    reply = bot.ask("what's the minimum kubernetes version the latest kubeflow release supports")
    assert reply.refused and "doesn't say which version" in reply.text, reply.text


def test_a_compound_of_known_words_and_which_one_are_no_unknown_words(bot):
    reply = bot.ask("which one comes with built-in hyperparameter tuning?")
    assert not reply.refused and reply.text.startswith("**Kubeflow**"), reply.text


def test_a_subject_being_something_is_a_claim_the_table_corrects(queues_bot):
    reply = queues_bot.ask("celery being GPL means we can't ship it, right?")
    assert not reply.refused and "BSD-3-Clause" in reply.text and reply.text.startswith("No"), reply.text


def test_what_tool_fits_asks_for_the_advice(queues_bot):
    reply = queues_bot.ask("modeling a subscription lifecycle that goes on for months with renewals and stuff. what tool fits?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text


def test_the_same_question_of_the_other_subject_parallels_the_last_answer(queues_bot):
    # "the typical <A> shop is ..." was said of A; of B the article says "the typical <B> adopter is ...",
    # a sentence the rewritten question alone ("what kind of team usually runs B?") is not close to
    question = "what kind of team usually runs celery?"
    first = queues_bot.ask(question)
    assert "The typical Celery shop" in first.text, first.text
    reply = queues_bot.ask("and the other one?", after(question, first.text))
    assert reply.standalone_question == "what kind of team usually runs Temporal?", reply.standalone_question
    assert "The typical Temporal adopter is a platform or payments team" in reply.text, reply.text
    # asked alone, without the answer to parallel, the same question finds other sentences first
    alone = queues_bot.ask("what kind of team usually runs Temporal?")
    assert "The typical Temporal adopter" not in alone.text, alone.text
    # an empty last answer leaves nothing to parallel, and no error
    reply = queues_bot.ask("and the other one?", after(question, "  "))
    assert reply.standalone_question == "what kind of team usually runs Temporal?", reply.standalone_question


def test_does_that_points_back_at_the_last_question(queues_bot):
    question = "what happens in temporal when a worker dies in the middle of a workflow?"
    reply = queues_bot.ask("does that put any restrictions on how i write my code?", after(question))
    assert "(following: " + question in reply.standalone_question, reply.standalone_question
    assert "Workflow code must be deterministic" in reply.text, reply.text


def test_two_words_the_corpus_writes_as_one_compound_are_joined(queues_bot, bot):
    index = queues_bot.index
    assert spelled_as_corpus("if we self host temporal", index.model, index) == "if we self-host temporal"
    assert spelled_as_corpus("is it long running?", index.model, index) == "is it long-running?"
    assert spelled_as_corpus("we host it ourselves", index.model, index) == "we host it ourselves"
    reply = queues_bot.ask("if we self host temporal what pieces do we have to run besides our workers")
    assert "Elasticsearch" in reply.text and "a database to size and back up" in reply.text, reply.text
    # "which ones are cheap if you self host?": the cost row's levels, not a recommendation; a pick asked for is one
    reply = bot.ask("which ones are cheap if you self host")
    assert reply.text.startswith("Metaflow and Prefect have the lowest self-hosted cost"), reply.text
    reply = bot.ask("which would you pick for a team that wants an easy setup?")
    assert reply.text.startswith("For that situation the article points to"), reply.text
    # a verb and its preposition are no compound ("built in", not "built-in")
    assert spelled_as_corpus("is it built in go?", bot.index.model, bot.index) == "is it built in go?"
    assert spelled_as_corpus("is it production ready?", bot.index.model, bot.index) == "is it production-ready?"


def test_having_to_rip_one_out_asks_for_the_advice_to_use_both(queues_bot):
    reply = queues_bot.ask("we've got tons of celery tasks already but our onboarding flow waits on humans for days "
                           "and keeps breaking. do we have to rip out celery entirely to use temporal?")
    assert reply.text.startswith("For that situation the article points to **Celery** and **Temporal** together"), reply.text
    # one replacing a thing of its own, or something lost entirely, is no question of using both
    for question in ("does temporal replace cron jobs?", "does celery lose the job entirely if a worker crashes?"):
        reply = queues_bot.ask(question)
        assert not reply.text.startswith("For that situation"), reply.text
    # a question on one subject's fit, with no all-or-nothing in it, is no question of using both
    reply = queues_bot.ask("our onboarding flow waits on humans for days and keeps breaking. which tool fits it?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text


def test_a_label_alike_only_by_part_of_its_compound_is_not_the_row(bot):
    # "hosted" is the second part of "Cost (self-hosted)": a hosted version is no self-hosted cost
    reply = bot.ask("Is there a hosted version of Metaflow so we don't have to run it ourselves?")
    assert "Outerbounds" in reply.text and "self-hosted cost" not in reply.text, reply.text
    reply = bot.ask("what does kubeflow cost to self host?")
    assert "High (K8s overhead)" in reply.text, reply.text


def test_is_it_just_another_kind_answers_with_what_the_article_calls_it(queues_bot):
    reply = queues_bot.ask("Is Temporal basically just another task queue?")
    assert "durable" in reply.text.split(". ")[0], reply.text  # "a durable execution platform / workflow engine"
    assert "durable workflow engine" in reply.text, reply.text
    assert "Long-running workflows —" not in reply.text, reply.text  # no table row the question never names
    # "just a heavier B?" weighs A against another subject: the row of levels answers
    reply = queues_bot.ask("Is Temporal just a heavier Celery?")
    assert reply.text.startswith("Operational effort — Temporal: **Significant**"), reply.text


def test_how_to_do_it_from_code_brings_the_subjects_passages_showing_code(queues_bot):
    reply = queues_bot.ask("how do you actually kick off a celery task from code")
    assert "`.delay()`" in reply.text.split(". ")[0], reply.text


def test_which_kind_of_thing_asks_the_row_whose_cells_are_of_that_kind(queues_bot):
    reply = queues_bot.ask("temporal server is built with which programming language")
    assert reply.text.startswith("Temporal — Written in: **Go**"), reply.text
    # a kind no row's cells are clearly closest to is no row
    from assistant.question import row_of_kind
    dims = list(queues_bot.index.model.dimensions.values())
    assert row_of_kind("built with which programming language", dims, queues_bot.index) == "written in"
    assert row_of_kind("which dashboard do teams deploy?", dims, queues_bot.index) == ""


def test_a_product_weighed_against_the_subjects_is_the_topic(queues_bot, bot):
    for question in ("how does temporal compare to airflow for scheduled data pipelines?",
                     "is dramatiq a better choice than celery for a django app?"):
        reply = queues_bot.ask(question)
        assert reply.refused and reply.reason == "unknown_terms", reply.text
    reply = bot.ask("is zenml a better pick than these three for a small startup?")
    assert reply.refused and "“zenml”" in reply.text, reply.text
    # the subjects weighed against each other are answered
    reply = queues_bot.ask("how does celery compare with temporal for retries?")
    assert not reply.refused and reply.text.startswith("Retries —"), reply.text
    reply = queues_bot.ask("is celery a better fit than temporal for emails?")
    assert not reply.refused and "**Celery**" in reply.text, reply.text


def test_which_release_of_a_subject_is_a_version_number(queues_bot, bot):
    reply = queues_bot.ask("which celery version dropped python 2 support?")
    assert reply.refused and "doesn't say which version" in reply.text, reply.text
    # a kind of version (managed, hosted, current managed) is a name the table gives
    for question in ("which managed version does metaflow have?", "is the current managed version of metaflow any good?"):
        reply = bot.ask(question)
        assert not reply.refused and "Outerbounds" in reply.text, reply.text


def test_an_adjective_judging_a_level_prefers_the_row_of_levels_it_names(bot):
    # "learn" names "Learning curve" and "team" names "Best team size"; "hard" judges a level
    reply = bot.ask("is kubeflow hard to learn for a team that's new to it?")
    assert reply.text.startswith("Yes — Kubeflow's learning curve is **High**"), reply.text


def test_picking_it_up_is_learning_it_not_picking_one(bot):
    history = after("prefect isn't made specifically for ML, right?")
    reply = bot.ask("so why do ml engineers pick it up then", history)
    assert not reply.text.startswith("For that situation"), reply.text


def test_two_rare_words_in_a_row_from_the_subjects_sentence_are_what_is_asked(bot):
    reply = bot.ask("is todays prefect basically the same thing as the original version or did it change a lot")
    assert not reply.refused and "significant rewrite" in reply.text, reply.text
    from assistant.scope import quotes_a_phrase
    index = bot.index
    said = bot.prepare(index, "is todays prefect basically the same thing as the original version?")
    assert quotes_a_phrase(said.question, said.evidence.sentences, index)
    # no two words in a row of the best sentence: the phrase does not vouch for the question
    other = bot.prepare(index, "is prefect basically the same thing as a kitchen blender?")
    assert not quotes_a_phrase(other.question, other.evidence.sentences, index)


def test_who_does_it_is_not_what_is_asked(bot):
    # "teams" says who pairs Prefect with something, not the row "Best team size"
    reply = bot.ask("we've settled on prefect but we still need experiment tracking somewhere - "
                    "what do teams usually pair it with?")
    assert "Weights & Biases" in reply.text and "best team size" not in reply.text, reply.text
    reply = bot.ask("what do teams usually pair prefect with?")
    assert "best team size" not in reply.text, reply.text
    reply = bot.ask("what size of team is prefect best for?")
    assert "Prefect's best team size is **Any**" in reply.text, reply.text


def test_an_acronym_in_the_plural_is_a_common_noun_not_a_product(queues_bot):
    # "APIs" beside the corpus's own words ("code", "calls", "side effects") is the asker's phrasing
    reply = queues_bot.ask("in temporal where am i supposed to put code that calls external APIs or has side effects")
    assert not reply.refused and "goes into an activity" in reply.text, reply.text
    # a product's name in capitals is still a name the corpus lacks
    reply = queues_bot.ask("can celery use amazon SQS as its broker?")
    assert reply.refused and "“sqs”" in reply.text, reply.text


def test_software_implemented_in_something_is_written_in_it(queues_bot):
    for question in ("What is the Temporal server implemented in?", "what's the temporal server coded in"):
        reply = queues_bot.ask(question)
        assert reply.text.startswith("Temporal — Written in: **Go**"), reply.text
    # "implemented in A" with a topic before it asks how, inside A: not the language row
    reply = queues_bot.ask("how are retries implemented in temporal?")
    assert "Written in" not in reply.text and "retry policy" in reply.text, reply.text


def test_is_it_just_another_kind_brings_the_passages_that_say_what_it_is(queues_bot):
    # the intro ("It does not call itself a task queue at all, but a durable workflow engine") and the
    # section's opening ("Temporal is a durable execution platform") are not among the closest passages
    reply = queues_bot.ask("Is Temporal just another task queue like Celery, or is it pitched differently?")
    assert "Temporal is a durable execution platform" in reply.text, reply.text
    assert "does not call itself a task queue" in reply.text, reply.text
    # only for a subject: a thing of the corpus that is no subject brings no passage defining one
    index = queues_bot.index
    from assistant.retrieval import defining_passages
    assert defining_passages(index, queues_bot.prepare(index, "is flower just another task queue?").question) == []
    assert defining_passages(index, queues_bot.prepare(index, "is temporal just another task queue?").question)


def test_a_label_word_the_whole_corpus_uses_points_at_its_row_only_half(queues_bot):
    # "workflows" is in about half the passages: "Long-running workflows" is not the row for where state is kept
    reply = queues_bot.ask("Where is workflow state actually persisted when you use Temporal?")
    assert reply.text.startswith("Temporal — Where state lives"), reply.text
    reply = queues_bot.ask("how long can temporal workflows run?")  # the label's own words still find it
    assert "Native, days to months" in reply.text, reply.text


def test_how_do_i_do_it_from_some_code_brings_the_sentence_with_code(queues_bot):
    reply = queues_bot.ask("How do I enqueue a celery task from my view code?")
    assert "`.delay()`" in reply.text.split(". ")[0], reply.text


def test_each_subjects_own_side_is_not_a_passage_contrasting_it_with_the_other(queues_bot):
    # "Where Celery hands messages to a broker, Temporal keeps state ..." is Temporal's section, but names
    # Celery: it says how they differ, and the Temporal passage on observability must still be retrieved
    reply = queues_bot.ask("compare the monitoring / observability story of celery vs temporal")
    assert "Temporal Web UI" in reply.text and "Flower" in reply.text, reply.text
    # "the two" after a subject's name may be two things of its own
    reply = queues_bot.ask("With Celery, chains and chords - how do the two differ?")
    assert "chains and chords" in reply.text and "Temporal" not in reply.text, reply.text


def test_a_row_retrieval_never_puts_first_is_not_settled(bot, queues_bot, vector_bot):
    # dense and lexical retrieval put two different passages first, neither the row's nor stating its cell
    reply = bot.ask("According to the post, what jobs does an MLOps framework like Kubeflow or Metaflow cover?")
    assert "pipeline orchestration" in reply.text and "Setup complexity" not in reply.text, reply.text
    # a passage stating the row's cell, or a word of the label said, keeps the row
    reply = queues_bot.ask("what language is the temporal server actually built in?")
    assert reply.text.startswith("Temporal — Written in: **Go**"), reply.text
    reply = vector_bot.ask("how many vectors can weavaite comfortably handle")
    assert "Hundreds of millions" in reply.text, reply.text


def test_a_or_b_after_a_situation_asks_which(queues_bot):
    reply = queues_bot.ask("We're building a payments pipeline with a bunch of steps that all have to eventually "
                           "complete — a dropped or doubled step literally costs us money. Celery or Temporal?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    # a subject and a name of its own is no choice between two subjects
    reply = queues_bot.ask("Celery or RabbitMQ?")
    assert "the article points to" not in reply.text, reply.text


def test_a_or_b_then_a_question_of_its_own_is_no_choice(vector_bot):
    reply = vector_bot.ask("Qdrant or Weaviate - do either of them generate embeddings for our 10 person team?")
    assert "Qdrant does not create embeddings" in reply.text, reply.text
    reply = vector_bot.ask("Weaviate or Milvus for hybrid search?")  # a row named: its values, no "lowest"
    assert "has the lowest" not in reply.text and "hybrid search" in reply.text, reply.text


def test_should_i_do_something_of_one_subject_is_no_choice_between_them(queues_bot, bot):
    # a practice asked of one subject: no recommendation, the sentence on that practice answers
    reply = queues_bot.ask("Because Temporal workflow code can call external APIs directly, should I just do my "
                           "HTTP requests inside the workflow function?")
    assert "the article points to" not in reply.text and "deterministic" in reply.text, reply.text
    # choosing is still asked: "should we go with", "which ... should we start with?"
    reply = bot.ask("We just raised our Series A. Which MLOps framework should we start with?")
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text
    reply = queues_bot.ask("we're a 3 person django shop sending emails, should we go with celery?")
    assert "**Celery**" in reply.text.split(". ")[0], reply.text
    # any verb but a practice's still weighs a choice: no refusal on the asker's own setting, the advice heard
    reply = queues_bot.ask("We have a Django monolith and 4 engineers; should we bother with Temporal?")
    assert reply.text.startswith("For that situation the article points to"), reply.text
    reply = queues_bot.ask("Should we self-host Temporal or pay for Temporal Cloud?")
    assert "choose Temporal Cloud rather than self-hosting" in reply.text, reply.text


def test_an_everyday_acronym_modifying_a_corpus_word_is_english(queues_bot):
    reply = queues_bot.ask("can temporal workflows make HTTP calls?")
    assert not reply.refused, reply.text
    # an acronym standing alone is still a name the corpus lacks
    for question in ("what did the BBC say about temporal?",
                     "How much RAM should I give the Redis instance for a Celery setup handling 100k tasks a day?"):
        reply = queues_bot.ask(question)
        assert reply.refused and reply.reason == "unknown_terms", (question, reply.text)


def test_a_premise_the_article_says_with_a_negation_is_corrected_not_advised_on(bot, queues_bot):
    reply = bot.ask("Since the MLOps stack decision is basically permanent and you can never migrate later, "
                    "shouldn't we just go with the biggest platform?")
    assert reply.text.startswith("The MLOps stack decision is not permanent"), reply.text
    # a premise the article does not negate leaves the advice
    reply = bot.ask("Since we just raised our Series A, which framework should we pick?")
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text
    # a negation beside other words of the sentence ("... run locally without any infrastructure setup") is none
    reply = bot.ask("Given that Metaflow can run locally, should we start with it?")
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text


def test_what_would_the_article_point_us_to_asks_for_its_advice(queues_bot):
    reply = queues_bot.ask("Our loan application process can sit for days waiting on a human underwriter to "
                           "approve it. What would the article point us to?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    reply = queues_bot.ask("Does Flower point you at the failed tasks?")  # the article is not the one pointing
    assert "the article points to" not in reply.text and "Flower" in reply.text, reply.text


def test_the_company_behind_it_is_who_made_it(queues_bot, vector_bot):
    reply = queues_bot.ask("what's the name of the company behind temporal?")  # the article never names it
    assert reply.refused and "doesn't say who made it" in reply.text, reply.text
    reply = vector_bot.ask("what's the name of the company behind qdrant?")
    assert "Qdrant Solutions" in reply.text, reply.text


def test_a_second_ask_about_it_after_which_is_about_the_one_the_answer_names(bot):
    reply = bot.ask("I want the least setup hassle. Which tool, and what is its learning curve?")
    assert reply.text.startswith("Prefect has the lowest setup complexity"), reply.text
    assert "Prefect's learning curve is **Low**" in reply.text, reply.text


def test_the_askers_own_code_in_a_why_question_is_no_missing_topic(queues_bot):
    reply = queues_bot.ask("why cant i just call requests.get() or datetime.now() inside a temporal workflow function?")
    assert not reply.refused and "deterministic" in reply.text, reply.text
    # code asked about is still the thing asked
    for question in ("does celery support asyncio.gather()?", "How do I use asyncio.gather() inside a Temporal workflow?"):
        reply = queues_bot.ask(question)
        assert reply.refused and reply.reason == "unknown_terms", (question, reply.text)


def test_no_maximum_answers_how_many(queues_bot):
    reply = queues_bot.ask("How many attempts will Temporal make on a failed activity by default?")
    assert not reply.refused and "no maximum number of attempts" in reply.text, reply.text
    # no number and no bound, or a bound on another thing ("no maximum number of attempts" for timeouts): not said
    for question in ("how many workers can celery run?", "how many timeouts can I configure per activity in temporal?"):
        reply = queues_bot.ask(question)
        assert reply.refused and "doesn't say how many" in reply.text, (question, reply.text)


def test_what_is_x_for_asks_its_purpose_not_a_thing_called_for(queues_bot):
    reply = queues_bot.ask("what's the elasticsearch for?", after("What does self-hosting a Temporal cluster involve?"))
    assert not reply.refused and "advanced search over workflows" in reply.text, reply.text


def test_how_do_you_enqueue_a_task_brings_the_sentence_with_code(queues_bot):
    reply = queues_bot.ask("how do you enqueue a celery task?")
    assert "`.delay()`" in reply.text, reply.text
    reply = queues_bot.ask("how do you trigger periodic jobs in celery?")  # how it is done, not its code
    assert reply.text.startswith("Scheduling is handled by Celery Beat"), reply.text


def test_moving_everything_to_one_gets_the_advice_to_use_it_with_the_other(queues_bot):
    reply = queues_bot.ask("we have tons of fire-and-forget jobs plus a couple of critical multi-step checkout flows. "
                           "should we move everything to temporal?")
    assert reply.text.startswith("For that situation the article points to **Celery** and **Temporal** together"), reply.text
    reply = queues_bot.ask("should we use temporal for a payments flow?")  # no all-or-nothing: its own advice
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text


def test_the_two_with_one_named_and_a_thing_of_the_other_hears_from_both(queues_bot):
    reply = queues_bot.ask("How does observability compare between the two — Flower versus Temporal's UI?")
    assert "Temporal Web UI" in reply.text and "Flower" in reply.text, reply.text
    # "the two" after a subject's name may be two things of its own
    reply = queues_bot.ask("With Celery, chains and chords - how do the two differ?")
    assert "chains and chords" in reply.text and "Temporal" not in reply.text, reply.text


def test_that_as_an_object_points_back_at_the_last_question(bot):
    reply = bot.ask("is there a way to not operate that ourselves?",
                    after("What does Metaflow need for a production deployment?"))
    assert not reply.refused and "Outerbounds" in reply.text, reply.text


def test_what_inside_another_question_is_no_which_kind_asked(bot, queues_bot):
    reply = bot.ask("Why does the article make a point of what MLOps frameworks don't do?")
    assert "ML-specific features —" not in reply.text and "don’t typically handle" in reply.text, reply.text
    reply = queues_bot.ask("temporal server is built with which programming language")
    assert reply.text.startswith("Temporal — Written in: **Go**"), reply.text


def test_a_second_how_do_you_goes_on_with_the_first_asks_subject(queues_bot):
    reply = queues_bot.ask("how do you enqueue a celery task, and how do you scale the processing?")
    assert "`.delay()`" in reply.text and "you scale by starting more of them" in reply.text, reply.text
    assert "Operational effort" not in reply.text, reply.text  # how code is written: no row settled


def test_why_prefers_the_sentence_giving_a_reason(bot):
    reply = bot.ask("Why does the article stress being clear about what frameworks cover? what mistake do companies make?")
    assert reply.text.startswith("This distinction matters because"), reply.text


def test_a_common_word_of_the_corpus_and_an_everyday_one_written_as_one_is_known(queues_bot):
    reply = queues_bot.ask("How does Temporal replace our crontab?")  # "cron" + "tab"
    assert not reply.refused and "Schedules" in reply.text, reply.text
    reply = queues_bot.ask("does celery work with redisson?")  # a name of the corpus + "son": a product
    assert reply.refused and reply.reason == "unknown_terms", reply.text


def test_whys_that_points_back(queues_bot):
    reply = queues_bot.ask("why's that dangerous?", after("when does celery ack a task by default?"))
    assert not reply.refused and "silently loses that job" in reply.text, reply.text


def test_a_version_number_asked_in_a_choice_is_still_a_number(bot):
    reply = bot.ask("which kubeflow release version should we install on our cluster?")
    assert reply.refused and "doesn't say which version" in reply.text, reply.text
    reply = bot.ask("we're a series A startup, which one should we pick?")  # no version asked: the advice
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text


def test_what_throughput_asks_for_a_rate(queues_bot):
    reply = queues_bot.ask("what throughput in tasks/sec can celery with redis handle on a single worker?")
    assert reply.refused and "doesn't say how fast" in reply.text, reply.text


def test_a_name_the_corpus_writes_offered_as_the_other_side_answers_which(queues_bot):
    reply = queues_bot.ask("temporal server - golang or java?")  # "Java" is the corpus's (its SDKs), however everyday
    assert not reply.refused and "The server is written in Go" in reply.text, reply.text


def test_what_does_it_call_itself_is_what_it_says_it_is(queues_bot):
    reply = queues_bot.ask("If Temporal doesn't call itself a task queue, what does it call itself?")
    assert "durable workflow engine" in reply.text.split("[1]")[0], reply.text
    assert "Retries" not in reply.text, reply.text  # no row
    reply = queues_bot.ask("what does celery call itself?")  # nothing said of itself: what the article says it is
    assert reply.text.startswith("Celery is a distributed task queue"), reply.text
