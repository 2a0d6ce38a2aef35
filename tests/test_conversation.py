"""What a conversation carries from turn to turn, and what a question that shares nothing with the
corpus gets (dev11 round): a follow-up naming a subject after a preposition ("and in B?"), a pronoun
after "which of them has X?", "that <thing>" the last answer spoke of, "anything else?", a downside
already inside the last answer, and a short sentence whose point the next one makes."""

import pytest

from assistant.corpus import load_corpus
from assistant.followups import standalone_question
from assistant.language import stem

from conftest import CORPUS, TASK_QUEUES, VECTOR_DBS


def U(text):
    return {"role": "user", "content": text}


def A(text):
    return {"role": "assistant", "content": text}


def test_a_question_sharing_no_word_with_the_corpus_gets_no_row(queues_bot, bot):
    # "where state lives" embeds close to a capital city; no word of the question is the article's
    reply = queues_bot.ask("what's the capital of australia?")
    assert reply.refused and reply.reason == "weak_match", reply.text
    assert reply.text.startswith("The article doesn't cover that."), reply.text
    # a level word ("cheap") and a clipped compound ("self host") still find the cost row
    reply = bot.ask("which ones are cheap if you self host")
    assert not reply.refused and "Cost (self-hosted)" in reply.text, reply.text


@pytest.mark.parametrize("word, expected", [
    ("stopped", "stop"), ("running", "run"), ("embedded", "embed"), ("setting", "set"),
    ("called", "call"), ("passed", "pass"), ("buzzing", "buzz"), ("seeded", "seed"), ("stuffed", "stuff"),
    ("diffing", "diff"), ("staffing", "staff"),
])
def test_a_doubled_consonant_before_an_ending_is_folded(word, expected):
    assert stem(word) == expected


def test_a_pronoun_for_a_failure_the_last_question_described(queues_bot):
    # "stop" is the article's word only as "stopped": the follow-up is read with the last question
    history = [U("what happens if a celery worker crashes halfway through a task?"), A("...")]
    reply = queues_bot.ask("how do i stop that from happening?", history)
    assert not reply.refused and "late acknowledgement" in reply.text, reply.text


def test_a_subject_after_a_preposition_asks_the_last_question_of_it():
    model = load_corpus(TASK_QUEUES).model
    history = [U("celery retries"), A("..."), U("is exponential backoff on by default?"), A("...")]
    assert standalone_question("and in temporal?", history, model) == \
        "is exponential backoff on by default for Temporal?"
    history = [U("what's celery's license?"), A("...")]
    assert standalone_question("what about for temporal?", history, model) == "what's Temporal's license?"
    # a word of its own besides the name is another question, not the license one asked again
    assert standalone_question("and in temporal workflows?", history, model) == "and in temporal workflows?"


def test_it_after_which_of_them_has_a_name_is_that_name():
    model = load_corpus(VECTOR_DBS).model
    history = [U("which of the engines has DiskANN?"), A("**Milvus** ...")]
    assert standalone_question("what does it buy you?", history, model) == "what does DiskANN buy you?"
    # asked of a tool, not of a thing ("is it hosted?"), "it" is the tool the answer led with
    assert standalone_question("is it hosted?", history, model) == "is Milvus hosted?"
    # an everyday thing is no name: "it" stays the subject the answer led with
    model = load_corpus(CORPUS).model
    history = [U("which tool has a managed service?"), A("**Kubeflow** ...")]
    assert standalone_question("what does it buy you?", history, model) == "what does Kubeflow buy you?"


def test_that_thing_and_anything_else_go_on_from_the_last_answer(vector_bot):
    history = [U("how does weaviate do filtering?")]
    history.append(A(vector_bot.ask(history[0]["content"]).text))
    reply = vector_bot.ask("is that index used for anything else?", history)
    assert "(following: how does weaviate do filtering?)" in reply.standalone_question
    assert "BM25 keyword scoring" in reply.text, reply.text
    assert "roaring bitmaps" not in reply.text, reply.text  # said already


def test_a_downside_inside_the_last_answer_is_said_again(queues_bot):
    history = [U("how do people build multi-step processes in celery?")]
    first = queues_bot.ask(history[0]["content"])
    history.append(A(first.text))
    reply = queues_bot.ask("what's wrong with that approach?", history)
    assert "hard to reason about" in reply.text, reply.text


def test_a_short_sentence_comes_with_the_one_that_makes_its_point(queues_bot):
    # "Running it yourself is real work." is closest; what the work is comes next, in other words
    reply = queues_bot.ask("what would bite me if I self-host temporal? what's involved?")
    assert reply.text.startswith("Running Temporal yourself is real work") and "several server services" in reply.text


def test_a_clearly_closest_level_row_beats_one_retrieval_happened_to_rank(vector_bot):
    reply = vector_bot.ask("Is Qdrant a lot of work to keep running day to day?")
    assert "operational footprint" in reply.text.lower() and "memory appetite" not in reply.text.lower(), reply.text


def test_a_passage_the_question_all_but_quotes_is_heard_whoever_it_is_about(queues_bot):
    # the question names one subject, but its words are those of a sentence in the other's section,
    # which is said as that subject's
    reply = queues_bot.ask("we model a subscription lifecycle with a web of celery tasks and db status flags and "
                           "it's a mess. is there a better way?")
    assert reply.text.startswith("**Temporal**: “A subscription lifecycle"), reply.text
    assert "managed service" not in reply.text.lower(), reply.text  # no row the words never asked for


def test_a_subjects_name_alone_makes_no_passage_decisive(bot):
    # one passage says the subject's name far more than any other: that is no reason to quote it
    reply = bot.ask("how hard is prefect to pick up for someone who has never used it?")
    assert not reply.refused and "learning curve" in reply.text.lower(), reply.text


def test_a_question_asking_nothing_else_or_pointing_there_goes_on_from_the_last():
    model = load_corpus(TASK_QUEUES).model
    history = [U("can a temporal workflow just sleep and wait around for a while?"), A("...")]
    assert standalone_question("how long?", history, model) == \
        "how long? (following: can a temporal workflow just sleep and wait around for a while?)"
    history = [U("Tell me about the Temporal Web UI."), A("...")]
    assert "(following: Tell me about the Temporal Web UI.)" in standalone_question(
        "Can I see individual retries and the inputs/outputs there?", history, model)
    assert standalone_question("is there a way to pause schedules?", history, model) == \
        "is there a way to pause schedules?"  # "is there" points nowhere


def test_a_short_question_naming_no_subject_goes_on_with_the_last_ones(queues_bot):
    history = [U("how does celery handle retries?"), A("...")]
    reply = queues_bot.ask("is exponential backoff on by default?", history)
    assert reply.standalone_question == "is exponential backoff on by default for Celery?"
    assert "switched on explicitly" in reply.text and "no maximum" not in reply.text, reply.text
    # not a pick among the subjects, nor what something is, nor a question the corpus has no word of
    reply = queues_bot.ask("what is a durable workflow engine?", history)
    assert reply.standalone_question == "what is a durable workflow engine?"
    reply = queues_bot.ask("which one is easier to operate?", history)
    assert reply.standalone_question == "which one is easier to operate?"
    reply = queues_bot.ask("what's the capital of australia?", history)
    assert reply.refused and reply.standalone_question == "what's the capital of australia?"


def test_a_paragraph_going_on_with_it_is_about_the_subject_named_just_before():
    corpus = load_corpus(TASK_QUEUES)
    going_on = next(p for p in corpus.passages if p.text.startswith("It does not call itself a task queue"))
    assert going_on.subjects == ("temporal",) and corpus.model.owner(going_on) == "temporal"
    # "This article walks through ...": the sentence before names no one subject
    after = next(p for p in corpus.passages if p.text.startswith("This article walks through"))
    assert after.subjects == () and corpus.model.owner(after) is None
    # only the paragraph's first sentence is the subject's: the next one speaks of both
    both = next(x for x in corpus.passages[corpus.passages.index(going_on)].text.split(". ") if x.startswith("Both"))
    assert corpus.model.owner(going_on, both + ".") is None


def test_a_pronoun_for_a_subject_outside_its_section_is_answered_and_named(queues_bot):
    reply = queues_bot.ask("Does Temporal describe itself as a task queue?")
    # (the sentence denies what is asked: a "No" first, the quote still naming whom "It" stands for)
    assert reply.text.startswith("No — **Temporal**: “It does not call itself a task queue at all"), reply.text
    reply = queues_bot.ask("do both tools run functions in the background?")
    assert "**Temporal**: “Both tools" not in reply.text and "Both tools can run a function" in reply.text, reply.text


def test_a_row_is_not_settled_when_both_rankings_put_another_passage_first(bot):
    # "learning curve" agreed weakly with the words; the passage both rankings put first says what
    # the subject is good at
    reply = bot.ask("what core problem is metaflow said to be really good at?")
    assert "reproducible" in reply.text and "learning curve" not in reply.text.lower(), reply.text


def test_one_unknown_everyday_word_among_the_corpus_own_words_is_phrasing(queues_bot, bot):
    reply = queues_bot.ask("we have loads of fire-and-forget email jobs but also one critical multi-step order "
                           "fulfilment flow. do we have to standardize on one tool?")
    assert not reply.refused and "Plenty of teams keep Celery" in reply.text, reply.text
    # a name the corpus lacks stays the topic, however many of its words the question uses
    assert bot.ask("Should I use MLflow for experiment tracking?").refused
    assert queues_bot.ask("does temporal's event history replay survive a kubernetes outage?").refused


def test_the_typical_adopter_is_advice_and_a_third_statement_meets_the_rest(queues_bot):
    reply = queues_bot.ask("we're a payouts platform team at a company with ~60 engineers, and a lost or "
                           "double-executed step costs real money. which tool is built for teams like us?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    reply = queues_bot.ask("Payments team, about 40 engineers. Our flows have many steps and a dropped step costs "
                           "real money, but nobody wants to babysit a database cluster. Recommendation?")
    assert "choose Temporal Cloud rather than self-hosting" in reply.text, reply.text


def test_a_rare_name_the_question_asks_about_is_answered_by_the_sentence_saying_it(queues_bot):
    corpus = load_corpus(TASK_QUEUES)
    assert "typescript" in corpus.model.proper_names and "python" in corpus.model.proper_names
    assert "embeddings" not in load_corpus(VECTOR_DBS).model.proper_names  # written in lower case too
    # "workflows" is a word of a row's label, but the row never says the name asked about
    reply = queues_bot.ask("Can I write Temporal workflows in TypeScript?")
    assert reply.text.startswith("The server is written in Go") and "TypeScript" in reply.text, reply.text
    assert "Long-running workflows —" not in reply.text and "**Native" not in reply.text, reply.text


def test_a_rare_name_beside_a_row_the_question_says_keeps_the_row(vector_bot):
    reply = vector_bot.ask("what's qdrant's memory appetite when run in docker?")
    assert reply.text.startswith("Qdrant's memory appetite is **Modest**"), reply.text
    # and a name the asked subject's own sentences say is not heard from another subject's
    reply = vector_bot.ask("does qdrant run on docker?")
    assert "Weaviate" not in reply.text, reply.text


def test_a_common_word_written_as_a_name_steers_nothing(bot):
    # "Python" is written capitalised, but it is a word of English: no thing of its own
    reply = bot.ask("how do you turn plain python functions into prefect pipeline pieces")
    assert "@flow" in reply.text and "@task" in reply.text, reply.text


def test_asking_words_are_no_situation_an_advice_shares(bot):
    # "what fits best?" shares "best fit" with every "Best fit:" line; the situation is data engineering
    reply = bot.ask("our ml stuff is basically wired into a bigger data engineering setup with tons of non-ml etl "
                    "jobs. what fits best?")
    assert reply.text.startswith("For that situation the article points to **Prefect**"), reply.text


def test_a_recommendation_gives_its_reason_from_any_paragraph_of_the_picks_advice(bot):
    reply = bot.ask("we're on metaflow and self-hosting it is getting painful as we scale. what would you suggest?")
    assert "Outerbounds managed platform removes the operational overhead" in reply.text, reply.text
    assert "Prefect" not in reply.text and "Kubeflow" not in reply.text.replace("from Kubeflow", ""), reply.text


def test_it_after_a_question_naming_no_subject_is_what_that_one_asked_about(bot):
    history = [U("is the mlops stack decision permanent?")]
    history.append(A(bot.ask(history[0]["content"]).text))
    reply = bot.ask("how much does getting it right upfront save?", history)
    assert reply.standalone_question == \
        "how much does getting it right upfront save? (following: is the mlops stack decision permanent?)"
    # the follow-up's own words weigh as much as the last question's: the sentence saying what it saves
    assert "a quarter of engineering time" in reply.text and "Cost (self-hosted)" not in reply.text, reply.text
    # but "it" after a question about the article itself is no part of the article's topic
    history = [U("who wrote this article?"), A("The article is by ...")]
    reply = bot.ask("is it hard to set up?", history)
    assert reply.standalone_question == "is it hard to set up?" and "Setup complexity" in reply.text, reply.text


def test_what_people_pay_each_month_is_a_price_the_article_does_not_give(bot):
    reply = bot.ask("what do folks pay monthly?")
    assert reply.refused and reply.reason == "price" and reply.text.startswith("The article doesn't give prices")


def test_a_two_letter_term_the_corpus_writes_rarely_is_a_topic_it_covers(queues_bot, bot):
    reply = queues_bot.ask("which one has a web ui?")  # "UI": few passages, no everyday English word
    assert not reply.refused and "Temporal Web UI" in reply.text, reply.text
    # an everyday two-letter word is no such term
    assert bot.ask("how do I bake bread? is it ok to go out?").refused
