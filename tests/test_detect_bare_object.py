"""Bare singular objects confirmed by the language model (mt.bare_object).

Every sentence here was written for these tests. The detector needs the rewriter's real SmolLM2 model,
which setup prepares; nothing is mocked.
"""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext, Finding
from pipeline.detect.mt.bare_object import MIN_GAIN, BareObjectDetector

CONFIG = PipelineConfig()


def found(text: str, config: PipelineConfig = CONFIG) -> list[Finding]:
    return list(BareObjectDetector(config).detect(DetectContext(text, config)))


@pytest.mark.parametrize(
    "text, span",
    [
        ("The army destroyed tank near the village.", "tank"),
        ("Rescuers found car in the ravine on Tuesday.", "car"),
    ],
)
def test_a_bare_singular_object_the_model_wants_an_article_for_is_flagged_for_review(text, span):
    findings = found(text)
    assert [text[f.start : f.end] for f in findings] == [span]
    finding = findings[0]
    assert finding.details["lm_gain"] >= MIN_GAIN
    assert {a.split()[0] for a in finding.details["alternatives"]} == {"the", "a"}
    assert finding.details["rewrite"] is False  # a reviewer decides


@pytest.mark.parametrize(
    "text",
    [
        "The vote took place on Sunday and the talks made progress.",
        "She gave birth in May, lost weight and found work in a bakery.",
        "The board signed the contract and opened a branch in Porto.",
        "Voters elected him mayor, and the club named her captain.",
        "Officials signed decree after decree.",
    ],
)
def test_bare_objects_english_uses_and_objects_with_articles_are_left_alone(text):
    assert found(text) == []


def test_the_check_runs_only_with_the_rewriter():
    text = "The army destroyed tank near the village."
    assert found(text, CONFIG.replace(rewrite=False)) == []
