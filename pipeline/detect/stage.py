"""The ``detect`` stage: run every registered detector and record findings as flags (and edits)."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable
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


def merge_same_span(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per span and category, in detector order: the reviewer gets one flag, not two.

    When detectors flag exactly the same characters for the same category (``mt.nonword`` and
    ``mt.fluency`` on one transliterated word: 58 times in 2,500 MLQE-PE segments), the most confident
    finding stays and ``details["also_found_by"]`` lists the other detectors (as the grammar stage lists
    agreeing backends). If any of them asks for no change (``details["rewrite"] is False``), the merged
    flag asks for none either: the more specific detector knows why. A finding that carries a
    replacement is never merged, since its edit needs its own flag.
    """
    merged: list[Finding] = []
    by_span: dict[tuple[str, int, int], int] = {}
    for finding in findings:
        key = (finding.category, finding.start, finding.end)
        index = by_span.get(key)
        if finding.replacement is not None or index is None:
            if finding.replacement is None:
                by_span[key] = len(merged)
            merged.append(finding)
            continue
        merged[index] = _merged(merged[index], finding)
    return merged


def _merged(first: Finding, second: Finding) -> Finding:
    """``first`` and ``second`` as one finding: the more confident one, with the other's detector in
    ``also_found_by`` and its suggestion and alternatives among ``alternatives`` (the rewriter builds
    candidates from both, and the reviewer sees them)."""
    keeper, other = (second, first) if second.confidence > first.confidence else (first, second)
    details = dict(keeper.details)
    also = {*keeper.details.get("also_found_by", ()), other.detector, *other.details.get("also_found_by", ())}
    also.discard(keeper.detector)
    if also:
        details["also_found_by"] = sorted(also)
    offered = [keeper.suggestion, *keeper.details.get("alternatives", ())]
    offered += [other.suggestion, *other.details.get("alternatives", ())]
    alternatives = [s for s in dict.fromkeys(offered) if s and s != keeper.suggestion]
    if alternatives:
        details["alternatives"] = alternatives
    if first.details.get("rewrite") is False or second.details.get("rewrite") is False:
        details["rewrite"] = False
    return dataclasses.replace(keeper, details=details)


def record_findings(doc: Document, view: TextView, stage: str, findings: list[Finding]) -> None:
    """Flags for every finding (one per span and category, :func:`merge_same_span`); an edit (applied
    or suggested) for those that carry a replacement."""
    proposals = []
    for finding in sorted(merge_same_span(findings), key=lambda f: (f.start, f.end)):
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
    version = "2"  # 2: one flag per span and category (merge_same_span)
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
