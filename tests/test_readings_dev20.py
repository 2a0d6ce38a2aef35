"""How questions are read and answered (dev20 round): "hard to pick up"; what a product charges; names the
corpus lacks offered as the choice; a sentence comparing the subjects in a table answer; a premise that gives
one subject another's trait, in another form of the word; "it" after "what's A Beat for?" and after a
question naming A's own part; advice against the one subject asked about; a head count inside a subject's
range; a thing the corpus says frameworks lack. Each test also asks what must not fire."""

from conftest import after


def test_hard_to_pick_up_asks_the_learning_curve(bot):
    reply = bot.ask("Our data scientists mostly live in notebooks. Will they find Kubeflow hard to pick up?")
    assert reply.text.startswith("Kubeflow's learning curve is **High**"), reply.text
    from assistant import language as lang
    assert lang.phrased_as_one_word("how hard is it to pick up?") == "how hard is it to learn?"
    assert lang.phrased_as_one_word("another worker picks up the task") == "another worker picks up the task"


def test_what_a_product_charges_is_a_price_the_article_does_not_give(bot):
    reply = bot.ask("What does Vertex AI Pipelines charge per pipeline run?")
    assert reply.refused and "prices" in reply.text, reply.text
    reply = bot.ask("what does it cost to self-host Kubeflow?")  # the cost row still answers
    assert not reply.refused and "**High (K8s overhead)**" in reply.text, reply.text


def test_names_the_corpus_lacks_offered_as_the_choice_are_refused(bot, queues_bot):
    reply = bot.ask("Which feature store should we buy — Feast or Tecton?")
    assert reply.refused and "tecton" in reply.text.lower(), reply.text
    reply = queues_bot.ask("Should we use RQ or Dramatiq instead of Celery?")
    assert reply.refused and "dramatiq" in reply.text.lower(), reply.text
    reply = queues_bot.ask("Is the Celery broker Redis or RabbitMQ?")  # names the corpus writes
    assert not reply.refused and "Redis or RabbitMQ" in reply.text, reply.text


def test_a_sentence_comparing_the_subjects_comes_first_in_a_table_answer(bot):
    reply = bot.ask("For simple workflows, how does prefect's learning curve stack up against metaflow's?")
    assert reply.text.startswith("Learning curve — Prefect: **Low**"), reply.text
    assert "roughly comparable to Metaflow" in reply.text, reply.text
    reply = bot.ask("what's prefect's learning curve?")  # one subject, no comparison: its labelled line
    assert "Python API is clean" in reply.text, reply.text


def test_a_premise_giving_a_subject_anothers_trait_is_corrected(bot):
    # "containerise" is the corpus's "containerising", said of Kubeflow
    reply = bot.ask("Since Metaflow forces you to containerise every single step, won't iteration be slow for "
                    "our data scientists?")
    assert reply.text.startswith("No — that premise doesn't match the article, which says this of Kubeflow"), reply.text
    # a row the question names by its cells' words corrects the premise itself
    reply = bot.ask("why does prefect need a whole kubernetes cluster just to run flows?")
    assert reply.text.startswith("Prefect's infrastructure requirement is **Minimal**"), reply.text


def test_it_after_what_a_subjects_part_is_for_is_that_part(queues_bot, bot):
    reply = queues_bot.ask("how many copies of it should I be running?", after("What's Celery Beat for?"))
    assert "celery beat" in reply.standalone_question.lower(), reply.standalone_question
    assert "exactly one instance" in reply.text, reply.text
    # "AWS Batch or k8s" are Metaflow's words, but "it" still stands for the subject asked about before
    reply = bot.ask("does it also require AWS Batch or k8s?", after("What does Metaflow need for artifact storage "
                                                                    "in production?"))
    assert "metaflow" in reply.standalone_question.lower(), reply.standalone_question


def test_advice_against_the_one_subject_asked_about_answers_first(bot):
    reply = bot.ask("Is Kubeflow a sensible pick for a 10-person AI startup?")
    assert reply.text.startswith("No — for that situation the article advises against **Kubeflow**"), reply.text
    assert "almost certainly too much" in reply.text, reply.text
    reply = bot.ask("Is Kubeflow a sensible pick for a 50-person company with a dedicated ML platform team?")
    assert "advises against" not in reply.text and "legitimate choice" in reply.text, reply.text


def test_a_head_count_inside_a_subjects_range_asks_that_row(bot):
    reply = bot.ask("We're 12 ML engineers right now. Is that inside Metaflow's sweet spot?")
    assert reply.text.startswith("Metaflow's best team size is **3–15 ML engineers**"), reply.text
    # a head count that is only the asker's context (outside the subject's range) leaves the row asked
    reply = bot.ask("we're a team of 6 with zero k8s people. realistically, how painful is it to stand up kubeflow?")
    assert reply.text.startswith("Kubeflow's setup complexity is **High**"), reply.text


def test_a_thing_the_corpus_says_is_not_handled_is_answered_no(bot, queues_bot):
    reply = bot.ask("Do frameworks like these usually give you a feature store too?")
    # ("They" opens the sentence: the one before it, which says who they are, follows)
    assert reply.text.startswith("No — They don’t typically handle: model serving, monitoring, feature stores"), reply.text
    assert "A framework like Kubeflow or Metaflow handles" in reply.text, reply.text
    reply = queues_bot.ask("does celery keep any state of its own?")  # the denial, and the row it names
    assert reply.text.startswith("No — Celery does not keep state of its own [1]."), reply.text
    assert "Message broker" in reply.text, reply.text
    # a negation that falls on nothing asked ("For teams that would rather not, ... keep running ...")
    reply = queues_bot.ask("is temporal a lot of work to keep running?")
    assert not reply.text.startswith("No"), reply.text
    # what frameworks in general lack is not said of a subject the article says has it
    reply = bot.ask("does kubeflow include model serving?")
    assert not reply.text.startswith("No"), reply.text


def test_a_follow_up_naming_only_a_thing_of_the_subject_goes_on_with_it(queues_bot, bot):
    reply = queues_bot.ask("is elasticsearch mandatory?", after("what's involved in self-hosting temporal?"))
    assert reply.standalone_question == "is elasticsearch mandatory for Temporal?", reply.standalone_question
    reply = queues_bot.ask("what specifically goes wrong when redis is the broker?",
                           after("is celery a good fit for long running jobs?"))
    assert "celery" in reply.standalone_question.lower() and "twice" in reply.text, reply.text
    # a name of another subject's is not carried onto the last one
    reply = queues_bot.ask("is elasticsearch mandatory?", after("what's involved in running celery?"))
    assert "for Celery" not in reply.standalone_question, reply.standalone_question
