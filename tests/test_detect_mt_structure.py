"""The structural MT detectors (issue 13, parts 2-4): untranslated text, number damage and calque families.

Every input here was written for these tests: sentences with the artefact, and correct English that
looks like it (the near misses each family must leave alone).
"""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.untranslated import UntranslatedTextDetector
from pipeline.detect.registry import DETECTORS

CONFIG = PipelineConfig()


def found(detector: type[Detector], text: str) -> list[Finding]:
    return list(detector(CONFIG).detect(DetectContext(text, CONFIG)))


def flagged(detector: type[Detector], text: str) -> list[str]:
    return [text[f.start : f.end] for f in found(detector, text)]


def test_the_structural_detectors_are_registered():
    for name in ("UntranslatedTextDetector",):
        assert any(target.endswith(":" + name) for target in DETECTORS)


# --------------------------------------------------------------------------- untranslated text
@pytest.mark.parametrize(
    "text, span",
    [
        ("The delegation toured the 工厂 near the port before lunch.", "工厂"),
        ("Protesters chanted Мы здесь власть outside the building on Friday.", "Мы здесь власть"),
        ("The festival opens with a रंगीन parade every spring.", "रंगीन"),
        ("The mayor later posted 안녕하세요 여러분 on her account.", "안녕하세요 여러분"),
    ],
)
def test_foreign_script_inside_an_english_sentence_is_flagged(text, span):
    assert flagged(UntranslatedTextDetector, text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "The pavilion is known locally by its old name (望海楼), which means sea-view tower.",
        "The slogan “Жить не по лжи” became famous after the essay was published.",
        "The word comes from the Greek, λόγος, meaning word or reason.",
        "Patients on a β-blocker were compared with those given a placebo; π was rounded to 3.14.",
        "Xi Jinping met Łukasz Nowak and Ştefan Ionescu in Bălţi, and Sergei Shoigu joined later.",
        "The menu promised a real borscht, and the chef said it was his grandmother's recipe.",
    ],
)
def test_glosses_symbols_and_latin_script_names_are_not_untranslated(text):
    assert flagged(UntranslatedTextDetector, text) == []


def test_a_clause_in_another_language_is_flagged_with_its_language():
    text = "The spokesman added that el ministerio no tiene ninguna información sobre el caso."
    findings = found(UntranslatedTextDetector, text)
    assert len(findings) == 1
    assert "ministerio no tiene ninguna información sobre el caso" in text[findings[0].start : findings[0].end]
    assert findings[0].details["language"] == "Spanish"


def test_a_whole_french_sentence_is_flagged_although_its_words_are_frequent_in_english_lists():
    text = "Le ministre a dit que la décision est définitive et que le projet sera abandonné."
    assert len(found(UntranslatedTextDetector, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "He ordered a croissant at the café before the briefing started.",
        "The film “La vita è bella” won three awards, the jury said.",
        "She described the Estonian custom of mardipäev, when children go from door to door.",
        "The recipe calls for paprika, cumin, oregano and a pinch of saffron.",
    ],
)
def test_english_with_a_foreign_word_or_a_quoted_title_is_not_untranslated(text):
    assert found(UntranslatedTextDetector, text) == []


def test_untranslated_flags_ask_the_rewriter_for_no_change():
    for text in ("The 工厂 was closed.", "Officials said que la situación es muy grave y sin solución."):
        for finding in found(UntranslatedTextDetector, text):
            assert finding.suggestion is None and finding.replacement is None
            assert finding.details["rewrite"] is False
            assert finding.details["mqm"] == "Accuracy/Untranslated"
            assert finding.category == "mt_artefact"
