"""The confusable-word detector (grammar.confusable) on the real SmolLM2 scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.confusables import ConfusableWordDetector, confusable_pairs

CONFIG = PipelineConfig()
CLEAN = Path(__file__).parent / "data" / "clean_news"


@pytest.fixture(scope="module")
def detector():
    from pipeline.lm.scorer import get_scorer

    get_scorer(CONFIG)  # loaded once per process
    return ConfusableWordDetector(CONFIG)


def findings(detector, text):
    return list(detector.detect(DetectContext(text, CONFIG)))


def test_lexicon_pairs_go_both_ways_and_a_word_keeps_every_partner():
    pairs = confusable_pairs()
    assert "waver" in pairs["waiver"] and "waiver" in pairs["waver"]
    # "site" is in two rows (cite/site, sight/site): it keeps both partners, each once
    assert sorted(pairs["site"]) == ["cite", "sight"]
    assert pairs["cite"] == ("site",) and pairs["sight"] == ("site",)


@pytest.mark.parametrize(
    "text, word, suggestion",
    [
        ("Her resolve did not waiver during the long trial.", "waiver", "waver"),
        ("Support for the plan began to waiver after the vote.", "waiver", "waver"),
        ("The city counsel voted to close the bridge for repairs.", "counsel", "council"),
        ("The talks will precede on Monday despite the protests.", "precede", "proceed"),
        ("Investors fear they could loose billions if the currency collapses.", "loose", "lose"),
    ],
)
def test_misused_confusable_is_flagged_with_its_partner(detector, text, word, suggestion):
    found = findings(detector, text)
    assert len(found) == 1
    f = found[0]
    assert text[f.start : f.end] == word
    assert f.suggestion == suggestion
    assert f.category == "grammar" and f.detector == "grammar.confusable" and f.apply is False
    assert f.replacement is None and f.details["lm_gain"] >= 2.0


def test_case_of_the_word_is_kept_in_the_suggestion(detector):
    found = findings(detector, "The city Counsel voted to close the bridge.")
    assert [f.suggestion for f in found] == ["Council"]


@pytest.mark.parametrize(
    "text",
    [
        "Farmers received a tax waiver from the regional authority last spring.",
        "The waiver was granted after a long review by the trade commission.",
        "A waiver would let the airline fly the route until March.",
        "Her voice did not waver as she read the verdict.",
        "The new law could effect real change in how the ports are run.",
        "The strike will affect rail services across the north.",
        "The school's principal resigned on Friday after the audit.",
        "The lawyer gave her client sound advice before the hearing.",
        "The ministry must ensure that the funds reach the villages.",
        "The governor will lead the delegation to the summit.",
        "Prices could peak in the summer.",
    ],
)
def test_correct_uses_are_not_flagged(detector, text):
    assert findings(detector, text) == []


def test_clean_control_set_raises_no_flags(detector):
    for path in sorted(CLEAN.glob("*.txt")):
        assert findings(detector, path.read_text(encoding="utf-8")) == [], path.name


def test_no_lm_no_flags():
    text = "Her resolve did not waiver during the long trial."
    for config in (CONFIG.replace(rewrite=False), CONFIG.replace(stages=("normalize", "detect"))):
        assert list(ConfusableWordDetector(config).detect(DetectContext(text, config))) == []
