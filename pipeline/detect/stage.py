"""The ``detect`` stage: run every registered detector and record findings as flags (and edits)."""

from __future__ import annotations

import importlib
from typing import Any

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.registry import DETECTORS
from pipeline.document import Document, ProposedEdit, TextView
from pipeline.lexicons.loader import lexicons_digest
from pipeline.stages.base import Stage
from pipeline.text.nlp import spacy_pipeline


def load_detectors(config, targets: list[str]) -> list[Detector]:
    detectors = []
    for target in targets:
        module_name, class_name = target.split(":")
        detectors.append(getattr(importlib.import_module(module_name), class_name)(config))
    return detectors


def record_findings(doc: Document, view: TextView, stage: str, findings: list[Finding]) -> None:
    """Flags for every finding; an edit (applied or suggested) for those that carry a replacement."""
    proposals = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        flag = doc.add_flag(
            view,
            finding.category,
            finding.start,
            finding.end,
            finding.message,
            finding.detector,
            finding.confidence,
            suggestion=finding.suggestion,
            details=finding.details,
        )
        if finding.replacement is not None:
            proposals.append(
                ProposedEdit(
                    finding.start,
                    finding.end,
                    finding.replacement,
                    f"{finding.detector}: {finding.message}",
                    confidence=finding.confidence,
                    applied=finding.apply,
                    category=finding.category,
                    flag_ids=(flag.id,),
                )
            )
    doc.add_edits(view, stage, proposals)


class DetectStage(Stage):
    name = "detect"
    version = "1"
    targets: list[str] = DETECTORS

    def __init__(self, config):
        super().__init__(config)
        self.detectors = load_detectors(config, self.targets)

    def settings(self) -> dict[str, Any]:
        detectors = {d.id: {"version": d.version, **d.settings()} for d in self.detectors}
        return {**detectors, "lexicons": lexicons_digest()}

    def prepare(self) -> None:
        """Load spaCy (and any model a detector needs for every document) now: a model load belongs to
        the process, not to the first document's time budget."""
        spacy_pipeline()
        for detector in self.detectors:
            detector.prepare()

    def describe(self) -> dict[str, Any]:
        return {"version": self.version, "detectors": [d.id for d in self.detectors]}

    def process(self, doc: Document) -> None:
        view = doc.view()
        context = DetectContext(view.text, self.config)
        findings: list[Finding] = []
        for detector in self.detectors:
            findings.extend(detector.detect(context))
        record_findings(doc, view, self.name, findings)
