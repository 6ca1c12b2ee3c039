"""Run-level consistency: one name spelled two ways across the documents of a run (Dmitry/Dmitri Medvedev).

The detect stage sees one document at a time (shards run in parallel and are cached per document),
so variants spread over several documents need a pass over the finished reports
(:mod:`pipeline.runpass.consistency`). This module is what that pass decides: it counts, per entity,
how many documents use each form, and flags the occurrences of the minority (or non-house-style)
form with detector id ``consistency.corpus``. It reads and writes no files.

What is compared across the run: transliterated names and places always; US/UK spelling pairs only
when the house style names a form for them, because a run that mixes American and British sources
is normal and would otherwise flag every word of the minority dialect.

Reports stay replayable: only flags are added (never edits), their ids continue the document's
numbering, occurrences inside applied edits (removed boilerplate) are not counted, and spans
already flagged by the per-document detector are not flagged twice. The pass is idempotent:
earlier ``consistency.corpus`` flags are replaced, not duplicated.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from pipeline.config import PipelineConfig
from pipeline.detect.consistency.detector import inconsistent_findings
from pipeline.detect.consistency.variants import Occurrence, occurrences, without_official_names

DETECTOR_ID = "consistency.corpus"


def _applied_spans(report: dict[str, Any]) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in report.get("edits", []) if e.get("applied")]


def kept_occurrences(report: dict[str, Any], config: PipelineConfig) -> list[Occurrence]:
    """Occurrences in the original text that survive the applied edits and are compared run-wide."""
    spans = _applied_spans(report)
    house = {k.lower() for k in config.house_style} | {v.lower() for v in config.house_style.values()}
    kept = []
    for occurrence in without_official_names(list(occurrences(report.get("original_text", "")))):
        if any(start < occurrence.end and occurrence.start < end for start, end in spans):
            continue
        if occurrence.group.kind == "spelling" and not any(f.lower() in house for f in occurrence.group.forms):
            continue
        kept.append(occurrence)
    return kept


def usable(report: dict[str, Any]) -> bool:
    return bool(report.get("original_text")) and not report.get("errors")


def count_documents_using(
    found_per_document: Iterable[list[Occurrence]],
) -> dict[str, Counter[str]]:
    """For each entity, how many documents use each of its forms."""
    documents_using: dict[str, Counter[str]] = defaultdict(Counter)
    for found in found_per_document:
        for entity, form in {(o.entity, o.form) for o in found}:
            documents_using[entity][form] += 1
    return documents_using


def flags_for_document(
    report: dict[str, Any],
    found: list[Occurrence],
    documents_using: dict[str, Counter[str]],
    config: PipelineConfig,
) -> list[dict[str, Any]] | None:
    """The run-level flags of one report, or None when its flags need no change."""
    existing = [f for f in report.get("flags", []) if f.get("detector") != DETECTOR_ID]
    already = {(f["start"], f["end"]) for f in existing if f.get("category") == "consistency"}
    numbers = [int(m.group(1)) for f in existing if (m := re.fullmatch(r"f(\d+)", str(f.get("id"))))]
    next_id = 1 + max(numbers, default=0)
    new = []
    for finding in inconsistent_findings(found, documents_using, DETECTOR_ID, config, "run", " documents"):
        if (finding.start, finding.end) in already:
            continue
        new.append(
            {
                "id": f"f{next_id}",
                "category": finding.category,
                "start": finding.start,
                "end": finding.end,
                "text": report["original_text"][finding.start : finding.end],
                "message": finding.message,
                "detector": DETECTOR_ID,
                "confidence": finding.confidence,
                "suggestion": finding.suggestion,
                "details": {**finding.details, "counted": "documents"},
            }
        )
        next_id += 1
    previous = [f for f in report.get("flags", []) if f.get("detector") == DETECTOR_ID]
    return None if new == previous else new


def corpus_flags(reports: Iterable[dict[str, Any]], config: PipelineConfig) -> dict[str, list[dict[str, Any]]]:
    """New flags (report-format dicts, ids continuing each document's) keyed by document id.

    Only documents whose run-level flags change are listed (an empty list removes earlier ones).
    """
    reports = [r for r in reports if usable(r)]
    found = {r["document"]: kept_occurrences(r, config) for r in reports}
    documents_using = count_documents_using(found.values())
    result = {}
    for report in reports:
        new = flags_for_document(report, found[report["document"]], documents_using, config)
        if new is not None:
            result[report["document"]] = new
    return result


def with_corpus_flags(report: dict[str, Any], new_flags: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of ``report`` with earlier run-level flags replaced by ``new_flags``."""
    kept = [f for f in report.get("flags", []) if f.get("detector") != DETECTOR_ID]
    return {**report, "flags": kept + new_flags}
