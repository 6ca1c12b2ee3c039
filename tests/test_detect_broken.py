"""Broken sentences: each kind is found in text written for these tests, and clean prose passes."""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.broken.attribution import AttributionDetector
from pipeline.detect.broken.punctuation import StrayPunctuationDetector
from pipeline.detect.broken.quotes import QuoteBalanceDetector
from pipeline.detect.broken.syntax import SentenceStructureDetector

CONFIG = PipelineConfig()


@pytest.fixture(scope="module")
def syntax() -> SentenceStructureDetector:
    return SentenceStructureDetector(CONFIG)


def found(detector, text):
    return [(text[f.start : f.end], f.message) for f in detector.detect(DetectContext(text, CONFIG))]


def test_capitalised_pronoun_mid_sentence_marks_a_missing_boundary(syntax):
    hits = found(syntax, "The storm weakened over the mountains They had expected heavy rain in the valley.")
    assert [h[0] for h in hits] == ["mountains They had"]
    assert "boundary" in hits[0][1]


def test_capitalised_common_noun_mid_sentence(syntax):
    hits = found(syntax, "The company lost Hundreds of customers after the outage last spring.")
    assert [h[0] for h in hits] == ["Hundreds"]


def test_spurious_full_stop_splitting_a_clause(syntax):
    text = (
        "Talks stalled after the collapse of the coalition. Agreement on wages – despite weeks of "
        "effort by mediators, said a union leader."
    )
    hits = found(syntax, text)
    assert any("spurious full stop" in m and "coalition. Agreement on wages" in t for t, m in hits)


def test_fragment_without_a_verb_in_running_text(syntax):
    hits = found(
        syntax, "The mayor spoke for an hour. A long and difficult afternoon for the entire council. Then she left."
    )
    assert [m for _, m in hits] == ["fragment with no finite verb"]


def test_sentence_ending_on_an_article_or_conjunction(syntax):
    hits = found(syntax, "Rescue crews reached the village late on Monday and. Officials counted the damage.")
    assert [t for t, _ in hits] == ["and."]


def test_attribution_split_from_its_statement(syntax):
    hits = found(syntax, "The ministry will cut the budget for roads next year. The minister said this on Friday.")
    assert [t for t, _ in hits] == ["The minister said this on Friday."]


def test_truncated_paragraph(syntax):
    text = (
        "The council approved the plan on Tuesday. The vote followed months of debate over the cost of the "
        "new bridge and whether the city could afford to pay for it without raising"
    )
    assert [m for _, m in found(syntax, text)] == ["paragraph stops mid-sentence (truncated?)"]


def test_clean_wire_prose_passes(syntax):
    text = (
        "BERLIN (AP) — The European Central Bank kept rates on hold Thursday, President Christine Lagarde said.\n\n"
        "“We are not there yet,” she told reporters. “But we are getting closer.”\n\n"
        "Turnout in the capital was low. Gov. Mark DeLuca and Sen. Amy O’Neill of St. Louis disagreed: "
        "The plan, they said, was “too little, too late.”\n\n"
        "Inflation slowed to 2.4% in May from 2.6% in April, the Federal Statistical Office said.\n\n"
        "The envoys met in the U.S. They agreed to meet again at 10 a.m. Monday.\n\n"
        "Prices rose 4% in May. The highest level since 2008. The final score: Porto 3, Benfica 1."
    )
    assert found(syntax, text) == []


def test_duplicated_attribution():
    hits = found(AttributionDetector(CONFIG), "“The road is closed,” the officer said. she said. Traffic was diverted.")
    assert [t for t, _ in hits] == ["said. she said."]


def test_lowercase_sentence_start_after_a_full_stop():
    hits = found(AttributionDetector(CONFIG), "The bridge reopened on Monday. but traffic stayed light until noon.")
    assert [t for t, _ in hits] == ["but"]


def test_lowercase_after_abbreviations_is_fine():
    assert (
        found(AttributionDetector(CONFIG), "The meeting began at 9 a.m. and ended at noon, the U.S. envoy said.") == []
    )


def test_unclosed_quotation_is_found_but_a_continued_quote_is_not():
    detector = QuoteBalanceDetector(CONFIG)
    broken = "“We will rebuild the school, the mayor said on Monday.\n\nWork starts in May."
    assert [m for _, m in found(detector, broken)] == ["opening quotation mark never closed"]
    continued = "“We will rebuild the school.\n\n“It will take a year,” the mayor said."
    assert found(detector, continued) == []
    assert [m for _, m in found(detector, 'He said "no and left. She said "yes."')] == [
        "unbalanced straight quotation marks"
    ]


def test_stray_punctuation_gets_a_suggestion():
    detector = StrayPunctuationDetector(CONFIG)
    findings = list(
        detector.detect(
            DetectContext("Prices rose in the south. . Sales fell among retailers and wholesalers .", CONFIG)
        )
    )
    assert [(f.category, f.suggestion) for f in findings] == [
        ("broken_sentence", "south."),
        ("broken_sentence", "wholesalers"),
    ]
    assert all(f.replacement is not None and not f.apply for f in findings)


def test_capitalised_sentence_adverb_after_a_name_marks_a_missing_boundary(syntax):
    hits = found(syntax, "Shelling continued near Porto Meanwhile the mayor asked residents to stay indoors.")
    assert [t for t, _ in hits] == ["Porto Meanwhile the"]


def test_dependent_clause_standing_alone_is_a_fragment(syntax):
    hits = found(syntax, "Exports fell sharply. Despite the measures announced by the government. Imports rose.")
    assert [m for _, m in hits] == ["fragment with no finite verb"]


def test_passive_attribution_split_from_its_statement(syntax):
    text = "The bridge will stay closed until June. This was stated by the regional governor on Monday."
    assert [m for _, m in found(syntax, text)] == ['attribution split from its statement ("This was stated by ...")']
    assert found(syntax, "The bridge will stay closed. This was confirmed by two engineers at the site.") == []


def test_planted_problems_in_a_scraped_article_are_all_found():
    """An article written for this test with one problem of each kind planted in it, run through the stages."""
    from pathlib import Path

    from pipeline.boilerplate.stage import BoilerplateStage
    from pipeline.detect.stage import DetectStage
    from pipeline.document import Document

    text = (Path(__file__).parent / "data" / "scraped_article.txt").read_text(encoding="utf-8")
    doc = Document("scraped", text)
    BoilerplateStage(CONFIG).process(doc)
    DetectStage(CONFIG).process(doc)
    planted = {
        " date 2023-03-14 ": "metadata",
        "Share this article": "boilerplate",
        "Kato.Maria": "glued_words",
        "Maria Lopez / AFP via Getty Images": "boilerplate",
        "Opposition leader accuses government": "boilerplate",
        "READ ALSO": "boilerplate",
        "© 2023 Daily Courier": "boilerplate",
        "said this on Monday": "broken_sentence",
        "area As the": "broken_sentence",
        "no time. he said.": "broken_sentence",
        "not enough and.": "broken_sentence",
        "Thursday .": "broken_sentence",
        "floods,the": "glued_words",
        "priorityis": "glued_words",
    }
    for snippet, category in planted.items():
        start = text.index(snippet)
        end = start + len(snippet)
        assert any(f.category == category and f.start < end and start < f.end for f in doc.flags), snippet
    clean = text.index("The floods, caused"), text.index("Officials said the water")
    mine = ("boilerplate", "metadata", "glued_words", "broken_sentence")
    assert not [f for f in doc.flags if f.category in mine and clean[0] <= f.start < clean[1]]
    assert doc.cleaned_text.startswith("Home ministry says floods")
    assert "Kato.\n" in doc.cleaned_text and "Daily Courier" not in doc.cleaned_text


@pytest.mark.parametrize(
    "clause", ["Because the roads were closed by the floods.", "Which was destroyed in the storm."]
)
def test_dependent_clause_split_off_by_a_full_stop(syntax, clause):
    hits = found(syntax, f"The trucks waited at the border for two days. {clause} Drivers slept in their cabs.")
    assert [t for t, _ in hits] == [clause]


def test_complete_sentences_opening_with_a_subordinate_clause_pass(syntax):
    text = (
        "Because the roads were closed, the trucks waited. If the talks fail, prices will rise. "
        "While the talks continued, the shelling went on. Since then, prices have risen."
    )
    assert found(syntax, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Turnout in the capital, officials said, was low.",
        "Security at the summit — the tightest in years — was handled by the army.",
    ],
)
def test_sentences_opening_with_a_bare_noun_and_a_break_are_fine_when_the_noun_has_a_verb(syntax, sentence):
    assert found(syntax, f"Voters went to the polls on Sunday. {sentence}") == []
