"""Things an article names besides its subjects (a dashboard, a managed offering, a compound term written
out in full), and the short forms people use for them: asked about, pointed back at, abbreviated."""

import re

import pytest

from assistant.corpus import load_corpus
from assistant.followups import standalone_question
from assistant.language import initialisms

from conftest import CORPUS

MODEL = load_corpus(CORPUS).model


def U(text):
    return {"role": "user", "content": text}


def A(text):
    return {"role": "assistant", "content": text}


@pytest.mark.parametrize("history, question, expected", [
    # a subject's name alone after a question asks that question of it, turn after turn
    ([U("what's the learning curve for kubeflow?"), A("High")], "metaflow?", "what's the learning curve for Metaflow?"),
    ([U("what's the learning curve for kubeflow?"), A("High"), U("metaflow?"), A("Low–Medium")], "and prefect?",
     "what's the learning curve for Prefect?"),
    # "it" after "what's <subject> <thing>?" is the thing, not the subject
    ([U("What's Prefect Cloud?"), A("...")], "so what do I still have to run on my side with it?",
     "What do I still have to run on my side with Prefect Cloud?"),
    # but after "what's <subject>'s <row>?" or "what is <subject> good for?" it is the subject
    ([U("what is metaflow good for?"), A("...")], "does it need kubernetes?", "does Metaflow need kubernetes?"),
    # a question asking by its own words, after a thing was named, is not made "What about can I ...?"
    ([U("what is kubeflow?"), A("...")], "is the learning curve steep?", "Is the learning curve steep for Kubeflow?"),
])
def test_a_follow_up_points_at_what_was_asked_about(history, question, expected):
    assert standalone_question(question, history, MODEL) == expected


def test_a_compound_term_written_out_gives_its_initials():
    found = initialisms("Both solve approximate nearest-neighbour search for retrieval-augmented generation, "
                        "with a write-ahead log. Cloud lock-in is real; the 2024-05-14 release.")
    assert {"ann", "rag", "wal"} <= found
    assert "cli" not in found  # "lock-in": a run with a stop word makes none
    assert not any(re.search(r"\d", f) for f in found)


def test_an_acronym_of_a_term_the_article_writes_in_full_is_no_missing_topic(vector_bot):
    reply = vector_bot.ask("What ANN index types can I choose from in Weaviate?")
    assert not reply.refused and "HNSW" in reply.text and "dynamic" in reply.text, reply.text
    reply = vector_bot.ask("does qdrant support GPU indexing?")  # an acronym of nothing it writes
    assert reply.refused and "gpu" in reply.text.lower(), reply.text


def test_which_names_the_subject_itself_not_a_name_of_its_thing(vector_bot):
    # the sentence opens with the subject's own module name ("Vectorizer modules ..."), which a
    # newcomer cannot tell is Weaviate's
    reply = vector_bot.ask("Which one lets me just insert raw text or images and have the DB create the vectors "
                           "at import time?")
    assert reply.text.startswith("**Weaviate**"), reply.text


def test_what_is_a_named_thing_is_answered_by_the_sentence_saying_what_it_is(queues_bot):
    reply = queues_bot.ask("what's flower?")  # no table row: the sentence "..., Flower, a lightweight web dashboard"
    assert "dashboard" in reply.text and "Retries" not in reply.text, reply.text
    reply = queues_bot.ask("what's celery beat?")  # the subject's part, not an overview of the subject
    assert reply.text.startswith("Scheduling is handled by Celery Beat"), reply.text


def test_a_false_premise_is_answered_no_first(queues_bot, bot):
    reply = queues_bot.ask("temporal's server is python based right? so i can just pip install it next to my app")
    assert reply.text.startswith("No — that premise doesn't match the article") and "**Go**" in reply.text, reply.text
    reply = bot.ask("Since Metaflow was developed at Google, does it integrate best with GCP?")
    assert reply.text.startswith("No — ") and "Netflix" in reply.text, reply.text
