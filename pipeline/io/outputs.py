"""Writing a document's outputs (atomically, one file at a time) and its entry in the run summary."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.io.atomic import atomic_write_text
from pipeline.io.paths import cleaned_path, report_path
from pipeline.report.html import render_document_page
from pipeline.runner import DocumentResult


def write_document_outputs(output_dir: Path, result: DocumentResult) -> dict[str, Any]:
    """Write cleaned text (when the document decoded), JSON report and HTML page; return its summary entry.

    A document whose outputs cannot be written (a full disk, a name the file system refuses, an id that
    needs a folder where another document's file is) gets an ``output`` error in its entry and the run
    goes on; outputs written before the failure are left as they are.
    """
    doc = result.doc
    report = doc.to_report()
    try:
        if doc.original_text:
            atomic_write_text(cleaned_path(output_dir, doc.doc_id), report["cleaned_text"])
        atomic_write_text(report_path(output_dir, doc.doc_id), json.dumps(report, ensure_ascii=False, indent=1))
        atomic_write_text(report_path(output_dir, doc.doc_id, ".html"), render_document_page(report))
    except OSError as exc:
        doc.add_error("output", "unwritable", f"cannot write the outputs of {doc.doc_id!r}: {exc}")
        result.ok = False
    return summary_entry(result)


def summary_entry(result: DocumentResult) -> dict[str, Any]:
    doc = result.doc
    return {
        "document": doc.doc_id,
        "ok": result.ok,
        "report": str(report_path(Path("."), doc.doc_id)),
        "encoding": doc.encoding if doc.original_text else None,
        "characters": len(doc.original_text),
        "flags": dict(Counter(f.category for f in doc.flags)),
        "edits_applied": dict(Counter(_edit_category(doc, e) for e in doc.edits if e.applied)),
        "suggestions": sum(1 for e in doc.edits if not e.applied),
        "errors": doc.errors,
        "timed_out": result.timed_out,
        "warnings": doc.warnings,
        "stage_runs": result.stage_runs,
        "cache_hits": result.cache_hits,
        "timings": {k: round(v, 4) for k, v in result.timings.items()},
        "stages": doc.stages,
    }


def _edit_category(doc, edit) -> str:
    """An edit's own category, else its flag's, else its stage: the order the review page uses too."""
    if edit.category:
        return edit.category
    flags = {flag.id: flag.category for flag in doc.flags}
    for flag_id in edit.flag_ids:
        if flag_id in flags:
            return flags[flag_id]
    return edit.stage
