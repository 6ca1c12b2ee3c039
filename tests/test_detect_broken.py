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
    hits = found(syntax, "Snow fell over the hills They had hoped for a mild winter in the valley.")
    assert [h[0] for h in hits] == ["hills They had"]
    assert "boundary" in hits[0][1]


def test_the_suggestion_keeps_the_words_as_written_and_only_lowers_the_capital(syntax):
    text = "Snow fell over the hills,They had hoped for a mild winter in the valley."
    (finding,) = SentenceStructureDetector(CONFIG).detect(DetectContext(text, CONFIG))
    assert text[finding.start : finding.end] == ",They had"
    assert finding.suggestion == ",they had"  # no space put between the comma and the word


@pytest.mark.parametrize("opener", ["«", "„", "‹", "»"])
def test_a_capital_after_any_opening_quotation_mark_is_a_sentence_start(syntax, opener):
    closer = {"«": "»", "„": "“", "‹": "›", "»": "«"}[opener]
    text = f"The spokesman spoke to reporters on Monday.\n\n{opener}The situation is under control{closer}, he said."
    assert found(syntax, text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Prices for bread and Milk rose sharply in the spring.", "Milk"),
        ("The union said its members had Rejected the offer by a wide margin.", "Rejected"),
    ],
)
def test_capitalised_common_word_mid_sentence(syntax, text, word):
    hits = found(syntax, text)
    assert hits == [(word, f"common word '{word}' capitalised mid-sentence")]


def test_spurious_full_stop_splitting_a_clause(syntax):
    text = (
        "The council approved the budget on Monday. Renovation of the station – at a cost of 4 million "
        "euros, according to the mayor."
    )
    hits = found(syntax, text)
    assert hits == [("budget on Monday. Renovation of the", "sentence split mid-clause by a spurious full stop")]


def test_fragment_without_a_verb_in_running_text(syntax):
    hits = found(
        syntax, "The mayor spoke for an hour. A long and difficult afternoon for the entire council. Then she left."
    )
    assert [m for _, m in hits] == ["fragment with no finite verb"]


def test_a_verb_the_tagger_read_as_a_noun_does_not_make_a_fragment(syntax):
    text = "The agency answered quickly. A large share of the calls concern the late payments from the agency."
    assert found(syntax, text) == []


def test_sentence_ending_on_an_article_or_conjunction(syntax):
    hits = found(syntax, "Rescue crews reached the village late on Monday and. Officials counted the damage.")
    assert [t for t, _ in hits] == ["and."]


def test_attribution_split_from_its_statement(syntax):
    hits = found(syntax, "The airline will cancel 40 flights next week. Its chief executive announced that to staff.")
    assert hits == [
        ("Its chief executive announced that to staff.", "attribution split from the statement it belongs to")
    ]


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
    text = "Two roads were closed, according to police. police said. Traffic was diverted."
    hits = found(AttributionDetector(CONFIG), text)
    assert [t for t, _ in hits] == ["according to police. police said."]


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
        "opening quotation mark never closed"
    ]


@pytest.mark.parametrize(
    "text, mark_at",
    [
        ("“We will rebuild the school, the mayor said on Monday.\n\nWork starts in May.", 0),
        ("The mayor said “we will rebuild and then “it will take a year” to finish.", 15),
        ('He said "no and left. She said "yes."', 8),
        ('The sign read no entry" and we left, "slowly."', 22),
    ],
)
def test_an_unpaired_quotation_mark_is_flagged_on_the_mark_not_on_the_quoted_words(text, mark_at):
    findings = list(QuoteBalanceDetector(CONFIG).detect(DetectContext(text, CONFIG)))
    assert [(f.start, f.end) for f in findings] == [(mark_at, mark_at + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "The new centre is 6'8\" tall and was picked second in the draft.",  # feet and inches
        'The band pressed the single on 7" vinyl for the tour.',
        "The buoy was found at 52°10'14\"N off the coast.",  # seconds of arc
        'The coach called the result "a fair 2-2" after the match.',  # a quotation ending in a digit
        '"We were not told," the driver said, “and nobody came.”',  # mixed straight and curly marks
        '“The road is shut," police said.',
        '"Locals call it "the long walk" for good reason," the guide said.',  # nested straight marks
        '"We waited all night. Nobody came.\n\n“Then the bus came.”',  # runs on in the other style
    ],
)
def test_unit_signs_mixed_typography_and_nested_quotations_are_not_broken(text):
    assert found(QuoteBalanceDetector(CONFIG), text) == []


def test_stray_punctuation_gets_a_suggestion():
    detector = StrayPunctuationDetector(CONFIG)
    findings = list(
        detector.detect(DetectContext("The ferry sailed at dawn. . Passengers were evacuated from the .", CONFIG))
    )
    assert [(f.category, f.suggestion) for f in findings] == [
        ("broken_sentence", "dawn."),
        ("broken_sentence", "the"),
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
        "Posted on 14.03.2023 at 09:40 | ": "metadata",
        "Home > Regions > North": "boilerplate",
        "Advertisement": "boilerplate",
        "Photo: Ana Ribeiro / Reuters": "metadata",  # a credit is metadata, kept and flagged
        "READ MORE: Storm warnings": "boilerplate",
        "© 2023 Valley Herald": "boilerplate",
        "confirmed this by phone": "broken_sentence",
        "dam Nevertheless the": "broken_sentence",
        "Milk": "broken_sentence",
        "“We lost everything": "broken_sentence",
        "noted. it added.": "broken_sentence",
        "until the .": "broken_sentence",
        "said..": "broken_sentence",
        "water. but": "broken_sentence",
        "Thursday.Two": "glued_words",
        "lostthey": "glued_words",
    }
    for snippet, category in planted.items():
        start = text.index(snippet)
        end = start + len(snippet)
        assert any(f.category == category and f.start < end and start < f.end for f in doc.flags), snippet
    clean = text.index("Heavy rain over"), text.index("Shelters will open")
    mine = ("boilerplate", "metadata", "glued_words", "broken_sentence")
    assert not [f for f in doc.flags if f.category in mine and clean[0] <= f.start < clean[1]]
    assert doc.cleaned_text.startswith("River bursts its banks")
    assert "Thursday. Two bridges" in doc.cleaned_text
    assert "Advertisement" not in doc.cleaned_text and "Valley Herald" not in doc.cleaned_text


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
