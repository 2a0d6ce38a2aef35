"""How questions are read and answered (dev23 round): a name only one
subject's section writes, asked "which one needs X?"; names set against a subject or offered as the choice
however they are written; a catch asked of a false premise; "should we go with A?" when another subject fits
better; "how does that stack up against B's?"; a head count asked; "those" for the thing the last answer
named. Each test also asks what must not fire."""


def test_which_one_needs_a_name_only_one_section_writes(bot):
    reply = bot.ask("which framework needs istio installed?")
    assert not reply.refused and reply.text.startswith("Kubeflow requires a Kubernetes cluster"), reply.text
    assert any("Istio" in c.quote for c in reply.citations), reply.citations
    reply = bot.ask("which framework needs kafka installed?")  # a name the corpus never writes
    assert reply.refused and "kafka" in reply.text, reply.text


def test_a_name_set_against_a_subject_is_a_topic_however_written(bot, queues_bot):
    reply = bot.ask("what does the article say about airflow vs prefect?")
    assert reply.refused and "“airflow”" in reply.text, reply.text
    reply = bot.ask("which feature store should i use with my pipelines, feast or tecton?")
    assert reply.refused and "tecton" in reply.text, reply.text
    reply = bot.ask("metaflow vs kubeflow for a small team?")  # both the article's
    assert not reply.refused, reply.text
    reply = bot.ask("is metaflow or something simpler better for a small team?")  # an everyday word
    assert not reply.refused, reply.text
    reply = queues_bot.ask("temporal licence - is it something permissive or copyleft?")  # the row's value says which
    assert not reply.refused and "**MIT**" in reply.text, reply.text


def test_a_catch_asked_of_a_false_premise_corrects_it(bot):
    reply = bot.ask("given that self-hosting kubeflow is cheap, what's the catch with it?")
    assert reply.text.startswith("No — that premise doesn't match the article: Kubeflow's self-hosted cost is "
                                 "**High"), reply.text
    reply = bot.ask("given that self-hosting kubeflow is expensive, what's the catch with it?")  # a true premise
    assert not reply.text.startswith("No"), reply.text


def test_should_we_go_with_a_when_another_fits_better_is_a_no(bot):
    reply = bot.ask("none of our data scientists know kubernetes and there's no platform team. "
                    "should we go with kubeflow anyway?")
    assert reply.text.startswith("No — for that situation the article points to **Metaflow**"), reply.text
    reply = bot.ask("we're a 50-person company with a dedicated ML platform team on GCP. should we go with kubeflow?")
    assert not reply.text.startswith("No") and "**Kubeflow**" in reply.text, reply.text
    reply = bot.ask("we're a series A startup, should we use metaflow or prefect?")  # a choice, not a yes or no
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text


def test_that_set_against_another_subject_is_what_was_just_asked(bot):
    history = [{"role": "user", "content": "tell me about prefect's learning curve"}]
    history.append({"role": "assistant", "content": bot.ask(history[0]["content"]).text})
    reply = bot.ask("how does that stack up against metaflow's?", history)
    assert reply.text.startswith("Learning curve — Prefect: **Low**; Metaflow: **Low–Medium**"), reply.text
    reply = bot.ask("and metaflow's?", history)  # no pointer: the last question asked of Metaflow
    assert reply.text.startswith("Metaflow's learning curve is **Low–Medium**") or \
        reply.text.startswith("Metaflow's learning curve is **Low to medium**"), reply.text


def test_a_head_count_asked_is_the_row_of_head_counts(bot):
    reply = bot.ask("How many people does each of these tools really suit?")
    assert reply.text.startswith("Best team size — Kubeflow: **20+ (ML platform team)**"), reply.text
    reply = bot.ask("Roughly how big does an org need to be before Kubeflow is worth it?")
    assert reply.text.startswith("Kubeflow's best team size is **20+"), reply.text
    reply = bot.ask("we're a team of 8, which one?")  # a head count stated: a pick, as before
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text


def test_those_after_an_answer_naming_a_thing_is_that_thing(queues_bot):
    history = [{"role": "user", "content": "what handles periodic/scheduled jobs in celery?"}]
    history.append({"role": "assistant", "content": queues_bot.ask(history[0]["content"]).text})
    reply = queues_bot.ask("how many of those can I run at once?", history)
    assert "Celery Beat" in reply.standalone_question and "exactly one instance" in reply.text, reply.text
    history = [{"role": "user", "content": "how does celery retry?"}]  # no thing named: the subject
    history.append({"role": "assistant", "content": queues_bot.ask(history[0]["content"]).text})
    reply = queues_bot.ask("are those configurable?", history)
    assert "Celery" in reply.standalone_question and "Beat" not in reply.standalone_question, reply.standalone_question


def test_a_request_to_act_is_declined_not_answered(bot):
    reply = bot.ask("can you book me that free 30-minute ML architecture call for thursday afternoon?")
    assert reply.refused and reply.reason == "action" and "can't book" in reply.text, reply.text
    reply = bot.ask("is the architecture call free?")  # asked about: the article says
    assert not reply.refused and "free 30-minute" in reply.text, reply.text
    reply = bot.ask("how do I schedule a flow in prefect?")  # "schedule" asked about, not asked of us
    assert reply.reason != "action", reply.text


def test_a_value_named_of_the_wrong_subjects_is_shown_with_its_own(bot):
    reply = bot.ask("Given that Kubeflow's managed version is Outerbounds, how does that compare with Prefect Cloud?")
    assert reply.text.startswith("Managed options — Kubeflow: **Vertex AI Pipelines**; Prefect: **Prefect Cloud**; "
                                 "Metaflow: **Outerbounds**"), reply.text
    reply = bot.ask("how do the managed options of kubeflow and prefect compare?")  # nothing named: the two asked
    assert "Outerbounds" not in reply.text.split(" [1]")[0], reply.text


def test_whats_is_a_question_word_not_a_topic(queues_bot):
    from assistant import language as lang
    assert lang.tokenize("what's its weakness?") == lang.tokenize("what its weakness?")
    assert "celery" in lang.tokenize("Celery's weakness")  # a name's possessive keeps the name
    reply = queues_bot.ask("What is Flower and what's its weakness?")
    assert not reply.refused and "in-memory history" in reply.text, reply.text


def test_dash_after_what_the_article_is_said_to_say_is_still_a_premise(bot):
    reply = bot.ask("The article says Kubeflow is the default pick for Series A startups — what's the reasoning?")
    assert reply.text.startswith("No — that premise doesn't match the article, which says this of Metaflow"), reply.text
    reply = bot.ask("The article says Metaflow is the default pick for Series A startups — what's the reasoning?")
    assert not reply.refused and "No — that premise" not in reply.text, reply.text


def test_a_hosted_version_named_is_no_version_number_and_a_headcount_is_the_row(bot):
    reply = bot.ask("whats the hosted version of metaflow called")
    assert not reply.refused and "Outerbounds" in reply.text, reply.text
    reply = bot.ask("which version of metaflow should we install?")  # a version number, which it never gives
    assert reply.refused, reply.text
    reply = bot.ask("For what headcount is Metaflow the sweet spot, per the table?")
    assert reply.text.startswith("Metaflow's best team size is **3–15 ML engineers**"), reply.text


def test_a_place_in_the_article_said_is_where_the_answer_comes_from(bot):
    reply = bot.ask("according to the intro, what happens if you pick the wrong mlops stack?")
    assert reply.text.startswith("The wrong choice means either rebuilding when you scale"), reply.text
    reply = bot.ask("does the blog offer some kind of consultation at the end?")
    assert reply.text.startswith("Book a free 30-minute ML architecture scope call"), reply.text
    reply = bot.ask("what's the capital of france? answer at the end")  # a place is no topic of its own
    assert reply.refused, reply.text


def test_which_one_has_x_is_answered_by_a_subjects_sentence_saying_x(bot):
    reply = bot.ask("Which framework ships with model serving built in?")
    assert reply.text.startswith("**Kubeflow**: “It’s a full ML platform built on Kubernetes"), reply.text
    reply = bot.ask("Do these frameworks handle model serving?")  # of them all: what they don't typically handle
    assert reply.text.startswith("No — They don’t typically handle"), reply.text


def test_subjects_given_as_examples_of_a_kind_ask_about_the_kind(bot):
    reply = bot.ask("What jobs does a framework like Kubeflow or Metaflow take care of?")
    assert reply.text.startswith("A framework like Kubeflow or Metaflow handles: pipeline orchestration"), reply.text
    reply = bot.ask("do frameworks like kubeflow or metaflow normally take care of monitoring and feature stores too?")
    assert reply.text.startswith("No — They don’t typically handle"), reply.text
    reply = bot.ask("is there something like kubeflow for small teams?")  # "something like A": A itself is asked of
    assert "Kubeflow" in reply.text.split(" [1]")[0], reply.text


# From the round's review: what the new rules must not do.
def test_review_cases_of_over_broad_rules(bot, queues_bot, vector_bot):
    for question in ("Could you remind me which license Temporal uses?", "Can you schedule a task to run every night with Celery?"):
        reply = queues_bot.ask(question)  # asked about, not a request to act
        assert not reply.refused, reply.text
    reply = bot.ask("Should we avoid Kubeflow at a 10-person startup?")  # avoiding it is what the article advises
    assert reply.text.startswith("Yes — for that situation the article advises against **Kubeflow**"), reply.text
    reply = bot.ask("Our last tool was a mistake. Should we go with Kubeflow at a 10-person startup?")  # the background
    assert reply.text.startswith("No — for that situation"), reply.text  # judges nothing
    reply = bot.ask("How many users does Metaflow have?")  # not the head count it suits
    assert "best team size" not in reply.text, reply.text
    reply = vector_bot.ask("Which one needs a garbage collector?")  # not the sentence saying it has none
    assert "no garbage collector" not in reply.text.split(" [1]")[0], reply.text
    reply = queues_bot.ask("Should we use Celery or Dramatiq?")  # the other choice is what is asked about
    assert reply.refused and "dramatiq" in reply.text, reply.text
    history = [{"role": "user", "content": "What stores Temporal's state?"}]
    history.append({"role": "assistant", "content": queues_bot.ask(history[0]["content"]).text})
    reply = queues_bot.ask("is it open source?", history)  # "it" is Temporal, not a name the answer gave
    assert "Temporal" in reply.standalone_question and "Cassandra" not in reply.standalone_question, \
        reply.standalone_question
    reply = bot.ask("What's the article's conclusion?")
    assert reply.text.startswith("Book a free 30-minute ML architecture scope call"), reply.text

