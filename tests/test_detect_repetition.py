"""mt.repetition: a word or phrase repeated straight after itself (a translation loop).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from detector_runs import flagged, found

from pipeline.detect.mt.repetition import RepetitionDetector, repeats
from pipeline.detect.registry import DETECTORS


def test_the_detector_is_registered():
    assert "pipeline.detect.mt.repetition:RepetitionDetector" in DETECTORS


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The harvest harvest harvest was poor this year.", ["harvest harvest harvest"]),
        ("Pilgrims walked to the shrine of the shrine of the shrine near the river.", ["the shrine of the shrine of"]),
        ("The mayor opened the new bridge over the the the river.", ["the the the"]),
        ("Teachers asked for higher wages higher wages.", ["higher wages higher wages"]),
    ],
)
def test_a_piece_repeated_straight_after_itself_is_flagged(text, spans):
    assert flagged(RepetitionDetector, text) == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "The envoy spoke of the old harbour, the old harbour, the old harbour all evening.",
            ["the old harbour, the old harbour, the old harbour"],
        ),
        (
            "Talks went on about the border of the lake, of the lake, of the lake until noon.",
            ["of the lake, of the lake, of the lake"],
        ),
        (
            "Fares on the coastal line will rise by a fifth in spring, in spring.",
            ["in spring, in spring"],
        ),
        (
            "Shops stay shut on Sundays under the deal, under the deal, the union said.",
            ["under the deal, under the deal"],
        ),
    ],
)
def test_a_fragment_repeated_with_commas_between_the_copies_is_a_loop(text, spans):
    assert flagged(RepetitionDetector, text) == spans


@pytest.mark.parametrize(
    "text",
    [
        "Vote, vote, vote: the union's message to members was short.",  # a one-word tricolon
        "The lesson is simple, the lesson is simple.",  # a phrase said twice
        "Stop, stop, stop, stop!",  # an exclamation standing alone
        "She kept saying “not now, not now, not now” at the door.",  # quoted
        "The crowd roared score, score, score, score as the winger broke clear.",  # a chant
        "He began with thank you, thank you, thank you to the nurses on the ward.",  # a clause
        "Marchers sang build it now, build it now, build it now past the town hall.",  # a slogan
        "It was a very, very, very, very long night for the rescue crews.",  # emphasis
        "The old harbour, the old harbour was all they talked about.",  # a noun phrase twice
        "They searched in the barn, in the barn loft and in the cellar.",  # the second copy goes on
        "To the barricades, to the barricades!",  # a call standing alone
    ],
)
def test_rhetorical_repetition_with_commas_is_not_a_loop(text):
    assert found(RepetitionDetector, text) == []


def test_a_quotation_running_over_several_sentences_keeps_its_repetitions():
    text = "“The rain came at night. Then the water the water the water came in,” she said."
    assert found(RepetitionDetector, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was a very, very difficult season for the club.",
        "Plan, plan, plan: that is the coach's advice.",
        "He was charged with theft of a car, theft of a bicycle and assault.",
        "The storm hit the coast. Coast guards rescued six fishermen.",
        "She said that that decision had had no effect on prices.",
        "The ferry left on on Monday.",  # a doubled word: the grammar checkers' duplication
        "Keepers at the zoo said Ling Ling ate well.",
        "The studio announced the 'The Long Road' sequel on Monday.",
        "Revenue rose from 20 20 percent a decade ago.",
        "Goods now travel door to door within two days.",
        "The < unk > < unk > < unk > rite is old.",
        'Fans chanted "we want more we want more" until midnight.',  # quoted chant
        "Ha ha ha! The mayor laughed off the question.",  # an exclamation standing alone
        "The coach shouted: go go go, and they ran.",  # the unknown-word token: mt.untranslated's
    ],
)
def test_rhetoric_lists_doubled_words_names_and_numbers_are_not_loops(text):
    assert found(RepetitionDetector, text) == []


def test_one_flag_covers_the_piece_and_its_copies_and_counts_the_extra_ones():
    (finding,) = found(RepetitionDetector, "Officials promised reform reform reform reform before the vote.")
    assert finding.details["copies"] == 3 and finding.details["piece"] == "reform"
    assert "3 more times" in finding.message


def test_loop_flags_ask_the_rewriter_for_no_change():
    (finding,) = found(RepetitionDetector, "Farmers sold the grain the grain at the market.")
    assert finding.category == "mt_artefact"
    assert finding.suggestion is None and finding.replacement is None
    assert finding.details["rewrite"] is False and finding.details["mqm"] == "Fluency/Duplication"


def test_the_punctuation_around_the_loop_is_not_part_of_the_flag():
    text = "The children sang (songs of joy songs of joy all day)."
    assert flagged(RepetitionDetector, text) == ["songs of joy songs of joy"]
    assert flagged(RepetitionDetector, "They planted trees trees trees.") == ["trees trees trees"]


def test_repeats_returns_the_extra_copies_with_the_piece_size():
    tokens = "we went to the market to the market to the market yesterday".split()
    assert repeats(tokens) == [(5, 11, 3)]  # "to the market" twice more
