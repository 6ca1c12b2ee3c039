"""Glued words: run-together words and sentences are found by frequency, not by example lists."""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.glued import GluedWordDetector, best_split
from pipeline.detect.stage import record_findings
from pipeline.document import Document


@pytest.fixture(scope="module")
def detector() -> GluedWordDetector:
    return GluedWordDetector(PipelineConfig())


def findings(detector, text):
    return list(detector.detect(DetectContext(text, PipelineConfig())))


def test_full_stop_without_space_before_a_capital_is_fixed(detector):
    doc = Document("t", "The museum reopened in May.Visitors queued for hours.")
    view = doc.view()
    record_findings(doc, view, "detect", findings(detector, view.text))
    assert doc.cleaned_text == "The museum reopened in May. Visitors queued for hours."
    assert doc.flags[0].category == "glued_words" and "May.Visitors" in doc.flags[0].message


def test_comma_glue_in_a_list_gives_separate_edits(detector):
    doc = Document("t", "Trains to Porto,Braga,Faro were cancelled.")
    view = doc.view()
    record_findings(doc, view, "detect", findings(detector, view.text))
    assert doc.cleaned_text == "Trains to Porto, Braga, Faro were cancelled."
    assert len([e for e in doc.edits if e.applied]) == 2


def test_numbers_abbreviations_and_addresses_are_not_glue(detector):
    text = (
        "About 18,500 people met at 10.30 a.m. in the U.S. capital; see www.example.org or "
        "mail press@example.org, or visit example.com/news for the 2.5% figure."
    )
    assert findings(detector, text) == []


def test_lowercase_word_glued_to_a_function_word_is_flagged_with_its_split(detector):
    (found,) = findings(detector, "Volunteers cleaned the harborthey said it needed dredging.")
    assert found.suggestion == "harbor they"
    assert found.replacement is None and not found.apply


def test_case_change_inside_an_unknown_token_is_flagged(detector):
    (found,) = findings(detector, "The statement from the ministryOfficials was brief.")
    assert found.suggestion == "ministry Officials"


def test_brands_names_and_closed_compounds_pass(detector):
    text = (
        "YouTube, PlayStation and McDonald's were named, as were LinkedIn and DeSantis; "
        "the weekslong talks onto within therein forego attest cannot."
    )
    assert findings(detector, text) == []


@pytest.mark.parametrize(
    "token, expected",
    [
        ("ofthe", ("of", "the")),
        ("tothe", ("to", "the")),
        ("marketthey", ("market", "they")),
        ("onto", None),
        ("atone", None),
    ],
)
def test_best_split(token, expected):
    assert best_split(token) == expected


def test_numbers_run_into_words_are_flagged_but_units_pass(detector):
    text = "Troops from 12countries have been there since2019, in 5th place, 10km away, in the 1990s at 3pm."
    assert [(f.suggestion) for f in findings(detector, text)] == ["12 countries", "since 2019"]


def test_capitalised_word_glued_to_a_pronoun(detector):
    (found,) = findings(detector, "Exports from Chilethey said rose sharply.")
    assert found.suggestion == "Chile they"


def test_rare_names_are_not_split(detector):
    text = "Officials in Khmelnytskyi, Drohobych, Berdychiv and Zhashkiv spoke with Tkachenko, Shevchuk and Yermak."
    assert findings(detector, text) == []


def test_two_frequent_words_run_together_get_a_low_confidence_flag(detector):
    (found,) = findings(detector, "The ministry announced new militaryaid for the region.")
    assert found.suggestion == "military aid" and found.confidence == 0.5


def test_closed_compounds_of_frequent_words_pass(detector):
    assert findings(detector, "After monthslong talks, the citywide and yearslong efforts ended.") == []


def test_sentence_run_into_the_next_after_a_year_or_a_closing_quote_is_fixed(detector):
    doc = Document("t", "The port opened in 1998.The ferry followed. “It is late,” she said.”Nobody came.")
    view = doc.view()
    record_findings(doc, view, "detect", findings(detector, view.text))
    assert doc.cleaned_text == "The port opened in 1998. The ferry followed. “It is late,” she said.” Nobody came."
