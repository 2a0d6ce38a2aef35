"""Things an article names besides its subjects (a dashboard, a managed offering, a compound term written
out in full), and the short forms people use for them: asked about, pointed back at, abbreviated, claimed
as a row's value; and what a follow-up or a short sentence carries with it (dev10 round)."""

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
    # a name alone after a question naming no subject by its name is no follow-up to rewrite
    ([U("how much does outerbounds cost?"), A("...")], "prefect?", "prefect?"),
    ([U("which one is easiest to learn?"), A("...")], "kubeflow?", "kubeflow?"),
    # "A anyway" is no thing of A's: "it" is A
    ([U("what is metaflow anyway?"), A("...")], "does it need kubernetes?", "does Metaflow need kubernetes?"),
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
    reply = queues_bot.ask("what does flower actually show you?")  # a lone close sentence, said with its neighbour
    assert "active workers" in reply.text and "limited in-memory history" in reply.text, reply.text
    reply = queues_bot.ask("what's celery beat?")  # the subject's part, not an overview of the subject
    assert reply.text.startswith("Scheduling is handled by Celery Beat"), reply.text


def test_a_false_premise_is_answered_no_first(queues_bot, bot):
    reply = queues_bot.ask("temporal's server is python based right? so i can just pip install it next to my app")
    assert reply.text.startswith("No — that premise doesn't match the article") and "**Go**" in reply.text, reply.text
    reply = bot.ask("Since Metaflow was developed at Google, does it integrate best with GCP?")
    assert reply.text.startswith("No — ") and "Netflix" in reply.text, reply.text


def test_a_follow_up_with_words_of_its_own_keeps_the_last_question():
    # "workflows" is a word of a row's label, but the follow-up asks more than that row
    from conftest import TASK_QUEUES
    model = load_corpus(TASK_QUEUES).model
    history = [U("what does self-hosting temporal involve?"), A("...")]
    assert standalone_question("and if we want advanced search over workflows?", history, model) == \
        "and if we want advanced search over workflows? (following: what does self-hosting temporal involve?)"
    assert standalone_question("and the license?", history, model) == "What about the license for Temporal?"


def test_a_short_sentence_is_answered_with_the_short_one_after_it(bot):
    # "Flows are Python classes. Steps are methods.": the second is too short to be weighed alone
    reply = bot.ask("In Metaflow, what Python constructs do you use to write a flow and its steps?")
    assert "Flows are Python classes" in reply.text and "Steps are methods" in reply.text, reply.text


def test_a_name_the_corpus_lacks_said_as_a_rows_value_is_corrected_by_the_table(queues_bot):
    # "GPL" is nowhere in the article, but it is clearly a license: the table's license corrects it
    reply = queues_bot.ask("temporal is GPL so we can't ship it inside our proprietary product, what are the "
                           "alternatives?")
    assert not reply.refused and reply.text.startswith("No — ") and "**MIT**" in reply.text, reply.text
    reply = queues_bot.ask("Since Celery is GPL, we'd have to open source our backend if we use it, correct?")
    assert "**BSD-3-Clause**" in reply.text, reply.text
    # a name close to no row stays a topic the article lacks
    reply = queues_bot.ask("since celery is kafka-backed, do we need zookeeper?")
    assert reply.refused, reply.text


def test_rows_as_close_as_the_closest_are_weighed_by_retrieval(bot):
    # "Setup complexity" and "Learning curve" are about as close to the words; the passage retrieval
    # finds first is the learning curve's ("... write their first Metaflow flow within hours")
    reply = bot.ask("How fast can a typical data scientist get their first metaflow pipeline written?")
    assert "learning curve" in reply.text.split("[")[0] and "within hours" in reply.text, reply.text


def test_a_thing_named_beside_a_subject_is_heard_from_too(queues_bot):
    # "Flower" is written only in the other subject's section; the answer is not kept to the subject named
    reply = queues_bot.ask("for debugging a stuck job, how does Flower compare with what Temporal gives you?")
    assert "limited in-memory history" in reply.text, reply.text
    # and a row that never says the thing is not read as the question's ("Operational effort")
    reply = queues_bot.ask("which makes it easier to debug a stuck job, flower or temporal's UI?")
    assert not reply.refused and "stuck" in reply.text, reply.text
    assert "Operational effort" not in reply.text and "operational effort" not in reply.text, reply.text


def test_advice_is_followed_by_its_own_paragraph_on_the_askers_concern(bot):
    # the default advice's paragraph goes on to the managed platform that removes the self-hosting burden
    reply = bot.ask("we went with metaflow and like it but running it ourselves is getting painful as we scale up. "
                    "what do you suggest?")
    assert "Outerbounds managed platform removes the operational overhead" in reply.text, reply.text
    cited = {c.chunk_id for c in reply.citations}
    assert len(cited) == 1, reply.citations  # the advice and its reason, from the one passage shown


def test_each_subject_is_heard_from_in_the_paragraph_saying_the_same_of_it(queues_bot):
    # nothing of Celery's is close to "debugging a stuck job", but its paragraph "For observability, most
    # teams deploy Flower ..." is the one saying of it what "For observability, Temporal ships ..." says
    reply = queues_bot.ask("how do they differ when it comes to debugging a job that got stuck? what tooling "
                           "does each give you")
    assert "Flower" in reply.text and "Temporal Web UI" in reply.text, reply.text
    from assistant.retrieval import parallel_passage
    index = queues_bot.index
    celery = [p for p in index.passages if p.kind == "paragraph" and index.model.section_subject(p) == "celery"]
    web_ui = next(p for p in index.passages if p.text.startswith("For observability, Temporal"))
    assert parallel_passage(index, web_ui.chunk_id, celery).text.startswith("For observability, most teams")
    adopter = next(p for p in index.passages if p.text.startswith("The typical Temporal adopter"))
    assert parallel_passage(index, adopter.chunk_id, celery) is None  # nothing clearly says the same of Celery


def test_a_definition_is_a_name_said_first_not_after_a_preposition():
    from assistant.shapes import defining
    found = defining("what's celery?", lambda thing: True)
    assert found.search("Celery is a distributed task queue") and not found.search("In Celery, a task is a function")
    assert defining("what are the alternatives?", lambda thing: False) is None  # no name: no definition sought


def test_names_the_corpus_writes_only_inside_longer_names_are_no_things_of_their_own(bot, queues_bot):
    assert "series" not in bot.index.model.things and "expert" not in bot.index.model.things  # "Series A"
    assert {"flower", "beat"} <= set(queues_bot.index.model.things)
    assert "prefect cloud" in bot.index.model.parts and "temporal web ui" in queues_bot.index.model.parts
