"""How questions are read and answered (dev15-dev17 round): software "implemented in" a language;
"is A just another Y?" and "what does A call itself?" bring what A is; a label word the whole corpus
uses; code sentences for "how do you enqueue ...?"; each subject's own side; rows retrieval never puts
first; "A or B?"; practices vs choices after "should"; everyday acronyms; premises a sentence negates;
"the article points us to"; who made it; follow-ups pointing back; the asker's own code; unbounded
counts; version numbers, rates and "X or Y" names. Most tests also ask what must not fire."""

from conftest import after


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
    assert reply.text.startswith("No — for that situation the article points to **Celery**"), reply.text
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


def test_the_kind_asked_is_no_row_said(vector_bot, queues_bot):
    # "index" of "vector index" is the kind asked, not the row "Index choices"
    reply = vector_bot.ask("Is Weaviate just another vector index, or is it pitched differently?")
    assert reply.text.startswith("**Weaviate**: “It presents itself as an AI-native database"), reply.text
    # a row's word outside the kind still asks the row
    reply = queues_bot.ask("is celery basically just another task queue with automatic retries?")
    assert "Per task, opt-in in code" in reply.text, reply.text


def test_a_second_ask_after_a_tie_is_about_all_tied(bot):
    reply = bot.ask("I want the cheapest to self-host. Which one, and what is its learning curve?")
    assert reply.text.startswith("Metaflow and Prefect have the lowest self-hosted cost"), reply.text
    assert "Metaflow: **Low–Medium**; Prefect: **Low**" in reply.text, reply.text


def test_is_it_x_or_y_gets_the_value_not_a_yes(queues_bot):
    reply = queues_bot.ask("is celery written in rust or python?")
    assert reply.text.startswith("Celery — Written in: **Python**"), reply.text
    reply = queues_bot.ask("is celery written in python?")  # one value asked: the verdict
    assert reply.text.startswith("Yes — Celery — Written in: **Python**"), reply.text
