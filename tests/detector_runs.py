"""Run one detector on a text written for a test: its findings, or the flagged substrings."""

from __future__ import annotations

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext, Detector, Finding

CONFIG = PipelineConfig()


def found(detector: type[Detector], text: str) -> list[Finding]:
    return list(detector(CONFIG).detect(DetectContext(text, CONFIG)))


def flagged(detector: type[Detector], text: str) -> list[str]:
    return [text[f.start : f.end] for f in found(detector, text)]
