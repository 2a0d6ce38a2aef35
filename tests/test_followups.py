"""Follow-ups become standalone questions before retrieval (rule-based, no model)."""

import pytest

from assistant.corpus import load_corpus
from assistant.asks import split_asks
from assistant.followups import standalone_question as rewrite
from assistant.types import QuestionError, check_history

from conftest import CORPUS

MODEL = load_corpus(CORPUS).model  # the follow-up rules know the subjects only through the model


def standalone_question(question, history):
    return rewrite(question, history, MODEL)


def U(text):
    return {"role": "user", "content": text}


def A(text):
    return {"role": "assistant", "content": text}


@pytest.mark.parametrize("history, question, expected", [
    ([U("Tell me about Metaflow."), A("Metaflow was built at Netflix.")], "What's its learning curve?",
     "What's Metaflow's learning curve?"),
    ([U("Which team size suits Kubeflow?"), A("20+")], "and for Prefect?", "Which team size suits Prefect?"),
    ([U("Which team size suits Kubeflow?"), A("20+")], "What about the other two?",
     "Which team size suits Metaflow and Prefect?"),
    ([U("Tell me about Metaflow."), A("...")], "How does it compare to Prefect?",
     "How does Metaflow compare to Prefect?"),
    ([U("How hard is Kubeflow to set up?"), A("High")], "What about Prefect?", "How hard is Prefect to set up?"),
    ([U("Compare Kubeflow and Metaflow"), A("...")], "Are they expensive to self-host?",
     "Are Kubeflow and Metaflow expensive to self-host?"),
    # "it" after a question asking for some thing is the thing the answer named, not the subject
    ([U("What do most teams use to track Prefect runs?"), A("For tracking, most teams add Neptune, a hosted "
                                                           "tracker [1].")], "does it cost anything?",
     "does Neptune cost anything?"),
    ([U("What is Metaflow?"), A("Metaflow was built at Netflix and open-sourced in 2019 [1].")], "who maintains it?",
     "who maintains Metaflow?"),
    # a new question that names no subject is not a follow-up: "the best one" points at nothing said
    ([U("How hard is Kubeflow to set up?"), A("...")], "Which is the best one for a 4-person team?",
     "Which is the best one for a 4-person team?"),
    # a question that still points back carries the previous one with it
    ([U("Is there a managed Kubeflow?"), A("...")], "any downside to going that route?",
     "any downside to going that route? (following: Is there a managed Kubeflow?)"),
    ([U("How does Prefect handle experiment tracking?"), A("...")], "what is it paired with for that?",
     "what is Prefect paired with for that? (following: How does Prefect handle experiment tracking?)"),
    # the previous question asked of another subject
    ([U("Does Kubeflow have a managed option?"), A("...")], "is there something like that for Prefect?",
     "Does Prefect have a managed option?"),
    # "it" after the subject the question itself names, in a clause of its own, stands for that subject;
    # in the same clause, for the one discussed
    ([U("What does Kubeflow need to run?"), A("...")], "Metaflow is free so legal will approve it, right?",
     "Metaflow is free so legal will approve it, right?"),
    ([U("What is Metaflow?"), A("...")], "Does Prefect integrate with it?", "Does Prefect integrate with Metaflow?"),
    # "the same" inside a question of its own is no request to repeat the last one
    ([U("How does Kubeflow handle scheduling?"), A("...")], "Do Prefect and Metaflow use the same storage backend?",
     "Do Prefect and Metaflow use the same storage backend?"),
])
def test_follow_ups_are_rewritten(history, question, expected):
    assert standalone_question(question, history) == expected


def test_pronoun_after_an_answer_naming_one_subject():
    history = [U("Which framework has the lowest learning curve?"), A("Prefect has the lowest learning curve.")]
    assert "Prefect" in standalone_question("Is it expensive to self-host?", history)


def test_three_turns_carry_the_topic():
    history = [U("Tell me about Kubeflow."), A("..."), U("How hard is it to set up?"), A("High")]
    rewritten = standalone_question("And for the other two?", history)
    assert "Metaflow" in rewritten and "Prefect" in rewritten and "set up" in rewritten


def test_standalone_questions_are_left_alone():
    history = [U("Tell me about Metaflow."), A("...")]
    assert standalone_question("What is the capital of France?", history) == "What is the capital of France?"
    assert standalone_question("How hard is Kubeflow to set up?", []) == "How hard is Kubeflow to set up?"


@pytest.mark.parametrize("bad", [
    "not a list", [{"role": "system", "content": "x"}], [{"role": "user"}], [{"role": "user", "content": 3}],
    ["hello"],
])
def test_malformed_history_is_a_clear_error(bad):
    with pytest.raises(QuestionError):
        check_history(bad)


def test_a_follow_up_that_is_only_a_noun_phrase_becomes_a_question(bot):
    history = [{"role": "user", "content": "Tell me about Prefect."},
               {"role": "assistant", "content": "Prefect is a general-purpose workflow orchestration tool [1]."}]
    reply = bot.ask("and its learning curve?", history)
    assert reply.standalone_question == "What about Prefect's learning curve?"
    assert reply.text.startswith("Prefect's learning curve is **Low** [1]")
    assert bot.ask("and how hard is it to set up?", history).standalone_question == "How hard is Prefect to set up?"


@pytest.mark.parametrize("question, asks", [
    ("who built Metaflow, and where does its managed platform run?",
     ["who built Metaflow?", "where does Metaflow's managed platform run?"]),
    ("Is Prefect hosted? is it cheap to self-host?", ["Is Prefect hosted?", "is Prefect cheap to self-host?"]),
    # one ask: a premise before the question, a situation before it, a choice offered
    ("Since Prefect came out of Netflix, is it tuned for their workloads?", None),
    ("we run on GKE and have no ML platform team, which should we pick?", None),
    ("how do you define a pipeline in Prefect, is it decorators or some yaml thing?", None),
    ("How does Kubeflow, which came out of Google, compare to Metaflow?", None),  # a clause, not an ask
    ("What's the difference between Prefect and what Metaflow calls a flow?", None),
    ("What is Metaflow, and is there a poem about it you could write?", None),  # declined whole
    ("Is Kubeflow better than Metaflow, and is it cheaper?", ["Is Kubeflow better than Metaflow?", "is Kubeflow cheaper?"]),
    # a second question after a "?" (a belief put up on top of the first) is asked too; a statement is not
    ("metaflow came out of google right? so i assume its managed version is part of vertex ai?",
     ["metaflow came out of google right?", "so i assume Metaflow's managed version is part of vertex ai?"]),
    ("Which should we use? We are a 5-person team using Kubeflow today.", None),
])
def test_a_question_asking_two_things_is_split_into_standalone_asks(question, asks):
    assert split_asks(question, MODEL) == (asks or [question])


@pytest.mark.parametrize("question, more", [
    ("why?", True), ("why's that?", True), ("how come?", True), ("why that one though", True),
    ("what's the reasoning behind that?", True), ("what's the catch?", True), ("any downside there?", True),
    ("What's the tradeoff I pay for that?", True),
    # a question of its own, about a subject or a table dimension, or asking how long
    ("why is Kubeflow hard to set up?", False), ("what are the downsides of Prefect?", False),
    ("why is the learning curve steep?", False), ("how long?", False), ("explain artifact tracking", False),
])
def test_a_question_asking_more_on_the_last_answer_is_told_from_its_own(question, more):
    from assistant.followups import asks_more
    assert asks_more(question, MODEL) is more


def test_it_after_a_question_about_a_thing_is_that_thing():
    history = [U("what is a message broker"), A("...")]
    assert standalone_question("does Metaflow need it?", history) == "does Metaflow need a message broker?"

