"""Generic English the rules read questions with (no article, no model)."""

import pytest

from assistant import language as lang, numbers, shapes


@pytest.mark.parametrize("text, subjects, every", [
    ("how do the two differ on scheduling?", 2, True),
    ("between the two?", 2, True),
    ("how does monitoring differ between them?", 2, True),
    ("all three of them", 3, True),
    ("which of the three tools is lightest?", 3, True),
    ("What are the two retry modes?", 2, False),  # two of something else
    ("all three of the steps", 3, False),
    ("the two-phase commit", 2, False),
    ("both the web UI and the CLI", 2, False),
    ("how do the two differ?", 3, False),  # "the two" of three subjects is not every one
    ("how do they differ on retries?", 2, True),
    ("what tooling does each give you?", 3, True),
    ("does each other team use it?", 2, False),
    ("does each task need an id?", 2, False),  # each of something else
])
def test_every_subject_spoken_of_without_names(text, subjects, every):
    assert shapes.every_subject(text, subjects) is every


def test_contractions_typed_without_apostrophes_read_as_asked():
    assert lang.with_apostrophes("whats the latest version? Whats up, dont know") == \
        "what's the latest version? what's up, don't know"
    assert lang.with_apostrophes("WHATS its name") == "WHATS its name"  # shouting and "its" are left alone


def test_what_a_count_counts():
    assert numbers.COUNTED_NOUN.search("how many people use it")["noun"] == "people"
    assert numbers.COUNTED_NOUN.search("how many github stars does it have")["noun"] == "stars"
    assert numbers.COUNTED_NOUN.search("how many does it support") is None
    assert [m["a"] for m in numbers.NUMBER_NOUN.finditer("runs ten to twenty workers")] == ["workers"]
    assert shapes.answer_shape("how long does it wait?") is numbers.DURATION
    assert shapes.answer_shape("what's the catch?") is shapes.DOWNSIDE


@pytest.mark.parametrize("typed, meant", [
    ("accidentaly", "accidentally"),  # a doubled letter typed once
    ("recomend", "recommend"),
    ("untill", "until"),  # a letter doubled
    ("recieve", "receive"),  # two neighbours swapped
    ("sharding", ""),  # a term, not "sharing" with a letter slipped in
    ("outgrow", ""),  # a real word, however rare
    ("qdrant", ""), ("jupyter", ""),  # names
])
def test_an_everyday_word_mistyped_is_known_for_what_it_misspells(typed, meant):
    assert lang.misspelled_everyday(typed) == meant


def test_shapes_a_review_found_too_broad_stay_narrow():
    assert shapes.ASKS_MAKER.search("is A a fork of some other project?")
    assert not shapes.ASKS_MAKER.search("does A's worker fork from the parent process?")
    assert not shapes.MAKER.search("Workers are forked from the main process.")
    assert not shapes.CONDITION.search("does A guarantee at-least-once delivery?")
    assert lang.claimed_polarity("is it less work to run?") == -1.0
    assert lang.claimed_polarity("is it more or less stable?") is None


def test_a_choice_made_in_a_clause_setting_the_case_asks_for_no_pick():
    assert not shapes.outside_setting(shapes.RECOMMEND, "once we pick a stack, are we locked in forever?")
    assert not shapes.outside_setting(shapes.RECOMMEND, "if we go with the hosted one who runs the workers?")
    assert shapes.outside_setting(shapes.RECOMMEND, "which should we pick if we have 5 engineers?")
    assert shapes.outside_setting(shapes.RECOMMEND, "should we use it if we only send emails?")
    assert shapes.outside_setting(shapes.RECOMMEND, "is it overkill and if so what should we use instead?")
    assert shapes.outside_setting(shapes.RECOMMEND, "if we have 5 engineers which one should we pick?")  # no comma
    assert shapes.outside_setting(shapes.RECOMMEND, "if we're a small team what would you recommend?")
    assert shapes.RECOMMEND.search("how should we decide between the two?")
    assert not shapes.ASKS_MORE.search("more expensive than that?") and shapes.ASKS_MORE.search("any more details?")
    assert shapes.answer_shape("out of the box, how many tries does it make?") is numbers.NUMBER
    assert not shapes.RECOMMEND.search("how should I tune autovacuum for a write-heavy table?")  # a procedure
    assert shapes.RECOMMEND.search("how should we choose between the two?")


def test_a_figures_magnitude_is_read_as_a_word():
    assert numbers.magnitudes_in_words("pick one for 1B vectors, ~50M rows or 10k tasks") == \
        "pick one for 1 billion vectors, 50 million rows or 10 thousand tasks"
    assert numbers.magnitudes_in_words("a 5m timeout, version 2.5, 100GB") == "a 5m timeout, version 2.5, 100GB"
    assert numbers.magnitudes_in_words("3 b-tree indexes, plan 2 b, 10mm") == "3 b-tree indexes, plan 2 b, 10mm"
