"""How questions are read and answered (dev18 round): a product name the corpus never writes is not a
typo of a subject's; a release the corpus never names; "what's the X called?"; an example the asker
gives in brackets; a row whose label asks "where"; "which language ...?"; a premise saying a subject
lacks what its section says it has; a name given to the wrong subject; "how do you kick off a task?".
Each test also asks what must not fire."""


def test_a_name_no_english_list_has_is_no_typo_of_a_subject(bot):
    # "mlflow" is two letters off "metaflow": another product, not a misspelling, however close a sentence is
    reply = bot.ask("how does kubeflow stack up against mlflow for experiment tracking?")
    assert reply.refused and "mlflow" in reply.text, reply.text
    # a typo is still forgiven
    reply = bot.ask("what is the learning curve of metaflw?")
    assert not reply.refused and "Metaflow" in reply.text, reply.text


def test_a_release_the_corpus_never_names_is_not_covered(bot, queues_bot):
    reply = bot.ask("What's new in Prefect 3.0 compared to 2.x?")
    assert reply.refused and "prefect 3.0" in reply.text, reply.text
    reply = queues_bot.ask("which celery version first supported python 3.12")
    assert reply.refused, reply.text
    # a release the corpus writes is answered from it
    reply = bot.ask("what changed in Prefect 2.x?")
    assert not reply.refused and "significant rewrite" in reply.text, reply.text


def test_what_is_the_thing_called_asks_its_name_not_a_thing_called_called(bot):
    reply = bot.ask("What's the commercial platform for Metaflow called?")
    assert not reply.refused and "Outerbounds" in reply.text, reply.text


def test_an_example_the_asker_gives_in_brackets_is_not_the_topic(queues_bot):
    reply = queues_bot.ask("In Temporal, where should code with side effects (like calling an API) go?")
    assert not reply.refused and "activity" in reply.text, reply.text
    # a thing named alone in brackets may be the very thing asked about
    reply = queues_bot.ask("Can Temporal keep its state in a document store (like MongoDB)?")
    assert reply.refused and "mongodb" in reply.text, reply.text


def test_a_row_whose_label_asks_where_is_the_row_of_a_where_question(queues_bot):
    # "workflow" pulls the embedding to "Long-running workflows"; "where ... state" says "Where state lives"
    reply = queues_bot.ask("Where does Temporal persist the state of a workflow?")
    assert reply.text.startswith("Temporal — Where state lives"), reply.text
    reply = queues_bot.ask("How long can a Temporal workflow run?")  # no "where": the other row
    assert "Native, days to months" in reply.text.split(". ")[0], reply.text


def test_which_language_should_i_learn_is_the_language_row_not_advice(queues_bot):
    reply = queues_bot.ask("if I wanted to contribute to the temporal server, which language should I brush up on?")
    assert reply.text.startswith("Temporal — Written in: **Go**"), reply.text
    # a pick among the subjects, by a word for a tool, is still advice
    reply = queues_bot.ask("We run short jobs and already have Redis; which tool should we pick?")
    assert reply.text.startswith("For that situation the article points to **Celery**"), reply.text


def test_a_premise_that_a_subject_lacks_what_its_section_says_it_has_is_corrected(queues_bot):
    reply = queues_bot.ask("Temporal has no built-in scheduling, so which cron tool should I pair it with?")
    assert reply.text.startswith("Scheduling is built into the server through Schedules"), reply.text
    # a premise that holds (its sentence says the same negation) is no contradiction
    from assistant.claims import negated_premise
    index = queues_bot.index
    held = queues_bot.prepare(index, "Celery has no official managed offering, so which host should we rent?")
    assert held.question.premise and negated_premise(held.question, held.evidence.sentences, index.model) == ""


def test_a_name_given_to_the_wrong_subject_is_said_to_be_the_others(bot):
    reply = bot.ask("Is Outerbounds, Kubeflow's managed service, worth paying for?")
    first = reply.text.split(" [")[0]
    assert "Vertex AI Pipelines" in first and "Metaflow's managed options are **Outerbounds" in first, reply.text
    # the right owner: nothing else to say
    reply = bot.ask("Is Outerbounds Metaflow's managed service?")
    assert "Kubeflow" not in reply.text.split(" [")[0], reply.text


def test_how_do_you_kick_off_a_task_brings_the_call_that_does_it(queues_bot):
    reply = queues_bot.ask("How do you kick off a Celery task?")
    assert "`.delay()`" in reply.text and "operational effort" not in reply.text, reply.text
    # getting started with a subject is no call
    from assistant import shapes
    assert not shapes.HOW_TO_WRITE.match("How do I start with Celery?")
