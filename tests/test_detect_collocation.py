"""Intensifier collocations (Magn): the language model decides which intensifier English uses with a noun.

Every sentence here was written for these tests. The detector needs the rewriter's real SmolLM2 model,
which setup prepares; nothing is mocked.
"""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext, Finding
from pipeline.detect.mt.collocation import MIN_GAIN, IntensifierCollocationDetector

CONFIG = PipelineConfig()


def found(text: str, config: PipelineConfig = CONFIG) -> list[Finding]:
    return list(IntensifierCollocationDetector(config).detect(DetectContext(text, config)))


@pytest.mark.parametrize(
    "text, written, better",
    [
        ("The minister paid big attention to the problem of corruption.", "big", "great"),
        ("The company made a high mistake when it sold the plant.", "high", None),
        ("He has big experience in trade negotiations.", "big", None),
        ("He was a strong smoker for thirty years before his illness.", "strong", "heavy"),
        ("Experts see a big probability of new floods next spring.", "big", "high"),
    ],
)
def test_an_intensifier_english_does_not_use_with_the_noun_is_flagged_for_review(text, written, better):
    findings = found(text)
    assert [text[f.start : f.end] for f in findings] == [written]
    finding = findings[0]
    assert finding.category == "mt_artefact" and finding.details["lm_gain"] >= MIN_GAIN
    assert finding.details["rewrite"] is False  # a reviewer decides; the rewriter never applies it
    if better is not None:
        assert finding.suggestion == better


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain fell overnight and a strong wind blew from the sea.",
        "Prices stayed high after a big increase in demand and a great deal of uncertainty.",
        "The High Court in Great Britain heard the case, and Big Ben chimed at noon.",
        "She expressed deep regret and said the damage was severe.",
        "Officials voiced deep concern after a strong earthquake shook the island.",
        "A large number of people took part in the hard work of rebuilding the town.",
        "The bank reported a sharp fall in profits across a wide range of markets.",
        "Nurses in close contact with patients faced bitter cold and fierce criticism.",
        "The firm faces fierce competition and heavy losses after a harsh winter.",
    ],
)
def test_idiomatic_intensifiers_and_names_are_left_alone(text):
    assert found(text) == []


def test_the_collocation_check_runs_only_with_the_rewriter():
    text = "The minister paid big attention to the problem of corruption."
    assert found(text, CONFIG.replace(rewrite=False)) == []
    assert found(text, CONFIG.replace(stages=("normalize", "detect"))) == []
