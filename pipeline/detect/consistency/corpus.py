"""Run-level consistency: one name spelled two ways across the documents of a run (Sergey/Sergei Lavrov).

The detect stage sees one document at a time (shards run in parallel and are cached per document),
so variants spread over several documents need a pass over the finished reports. This module is
that pass: it counts, per entity, how many documents use each form, and flags the occurrences of the
minority (or non-house-style) form with detector id ``consistency.corpus``.

What is compared across the run: transliterated names and places always; US/UK spelling pairs only
when the house style names a form for them, because a run that mixes American and British sources
is normal and would otherwise flag every word of the minority dialect.

Reports stay replayable: only flags are added (never edits), their ids continue the document's
numbering, occurrences inside applied edits (removed boilerplate) are not counted, and spans
already flagged by the per-document detector are not flagged twice. The pass is idempotent:
earlier ``consistency.corpus`` flags are replaced, not duplicated.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from pipeline.config import PipelineConfig
from pipeline.detect.consistency import inconsistent_findings
from pipeline.detect.consistency_variants import Occurrence, occurrences, without_official_names

DETECTOR_ID = "consistency.corpus"


def _applied_spans(report: dict[str, Any]) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in report.get("edits", []) if e.get("applied")]


def _kept_occurrences(report: dict[str, Any], config: PipelineConfig) -> list[Occurrence]:
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


def _usable(report: dict[str, Any]) -> bool:
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
    reports = [r for r in reports if _usable(r)]
    found = {r["document"]: _kept_occurrences(r, config) for r in reports}
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


def update_run_reports(output_dir: Path, entries: list[dict[str, Any]], config: PipelineConfig) -> int:
    """Add run-level consistency flags to a finished run's reports; returns how many flags were added.

    Two passes over ``reports/<doc>.json`` so that a large run never holds every report in memory:
    the first keeps only each document's variant occurrences, the second re-reads the documents
    whose flags change and rewrites them atomically (JSON and HTML page). The entries' flag counts
    are updated so ``summary.json`` agrees with the reports.
    """
    from pipeline.io.atomic import atomic_write_text
    from pipeline.io.outputs import report_path
    from pipeline.report.html import render_document_page

    output_dir = Path(output_dir)

    def load(doc_id: str) -> dict[str, Any] | None:
        path = report_path(output_dir, doc_id)
        if not path.exists():
            return None
        report = json.loads(path.read_text(encoding="utf-8"))
        return report if _usable(report) else None

    found: dict[str, list[Occurrence]] = {}
    has_corpus_flags: set[str] = set()
    for entry in entries:
        if not entry.get("ok", True):
            continue
        report = load(entry["document"])
        if report is None:
            continue
        found[entry["document"]] = _kept_occurrences(report, config)
        if any(f.get("detector") == DETECTOR_ID for f in report.get("flags", [])):
            has_corpus_flags.add(entry["document"])
    documents_using = count_documents_using(found.values())
    varied = {entity for entity, forms in documents_using.items() if len(forms) > 1}

    added = 0
    for entry in entries:
        doc_id = entry["document"]
        if doc_id not in found:
            continue
        if doc_id not in has_corpus_flags and not any(o.entity in varied for o in found[doc_id]):
            continue
        report = load(doc_id)
        new_flags = flags_for_document(report, found[doc_id], documents_using, config) if report else None
        if new_flags is None:
            continue
        report = with_corpus_flags(report, new_flags)
        atomic_write_text(report_path(output_dir, doc_id), json.dumps(report, ensure_ascii=False, indent=1))
        atomic_write_text(report_path(output_dir, doc_id, ".html"), render_document_page(report))
        entry["flags"] = dict(Counter(f["category"] for f in report["flags"]))
        added += len(new_flags)
    return added
