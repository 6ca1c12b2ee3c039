"""Where a document's outputs live and how they are written (atomically, one file at a time)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.io.atomic import atomic_write_text
from pipeline.runner import DocumentResult

_UNSAFE = re.compile(r"[^A-Za-z0-9._\-]+")


def safe_relative_path(doc_id: str) -> PurePosixPath:
    """A relative path for a document id that cannot escape the output folder."""
    parts = [_UNSAFE.sub("_", part) for part in PurePosixPath(doc_id).parts if part not in ("", ".", "..", "/")]
    parts = [part.lstrip(".") or "_" for part in parts]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


def cleaned_path(output_dir: Path, doc_id: str) -> Path:
    return output_dir / "cleaned" / safe_relative_path(doc_id)


def report_path(output_dir: Path, doc_id: str, suffix: str = ".json") -> Path:
    relative = safe_relative_path(doc_id)
    return output_dir / "reports" / relative.parent / (relative.name + suffix)


def write_document_outputs(output_dir: Path, result: DocumentResult) -> dict[str, Any]:
    """Write cleaned text (when the document decoded), JSON report and HTML page; return its summary entry."""
    from pipeline.report.html import render_document_page

    doc = result.doc
    report = doc.to_report()
    if doc.original_text:
        atomic_write_text(cleaned_path(output_dir, doc.doc_id), report["cleaned_text"])
    atomic_write_text(report_path(output_dir, doc.doc_id), json.dumps(report, ensure_ascii=False, indent=1))
    atomic_write_text(report_path(output_dir, doc.doc_id, ".html"), render_document_page(report))
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
