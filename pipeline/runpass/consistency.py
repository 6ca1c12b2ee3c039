"""The run-level consistency pass: variants of one name across the documents of a finished run.

What is flagged is decided in :mod:`pipeline.detect.consistency.corpus`; this pass reads the run's
reports and rewrites those whose run-level flags change.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.config import PipelineConfig
from pipeline.detect.consistency.corpus import (
    DETECTOR_ID,
    count_documents_using,
    flags_for_document,
    kept_occurrences,
    usable,
    with_corpus_flags,
)
from pipeline.detect.consistency.variants import Occurrence
from pipeline.document import tally_key
from pipeline.runpass.reports import load_report, rewrite_report


def update_run_reports(output_dir: Path, entries: list[dict[str, Any]], config: PipelineConfig) -> int:
    """Add run-level consistency flags to a finished run's reports; returns how many flags were added.

    Two passes over ``reports/<doc>.json`` so that a large run never holds every report in memory:
    the first keeps only each document's variant occurrences, the second re-reads the documents
    whose flags change and rewrites them atomically (JSON and HTML page). The entries' flag counts
    are updated so ``summary.json`` agrees with the reports.
    """
    output_dir = Path(output_dir)

    def load(doc_id: str) -> dict[str, Any] | None:
        report = load_report(output_dir, doc_id)
        return report if report is not None and usable(report) else None

    found: dict[str, list[Occurrence]] = {}
    has_corpus_flags: set[str] = set()
    for entry in entries:
        if not entry.get("ok", True):
            continue
        report = load(entry["document"])
        if report is None:
            continue
        found[entry["document"]] = kept_occurrences(report, config)
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
        assert report is not None  # flags_for_document ran on it
        report = with_corpus_flags(report, new_flags)
        rewrite_report(output_dir, report)
        entry["flags"] = dict(Counter(tally_key(f) for f in report["flags"]))
        added += len(new_flags)
    return added
