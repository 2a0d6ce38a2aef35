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
    from assistant.rows import row_of_kind
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
