"""Writing a document's outputs (atomically, one file at a time) and its entry in the run summary."""

from __future__ import annotations

import errno
import json
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.document import tally_key
from pipeline.io.atomic import atomic_write_text
from pipeline.io.paths import cleaned_path, report_path
from pipeline.report.html import render_document_page
from pipeline.runner import DocumentResult


def write_document_outputs(output_dir: Path, result: DocumentResult) -> dict[str, Any]:
    """Write cleaned text (when the document decoded), JSON report and HTML page; return its summary entry.

    A document whose own output name cannot be written (a name the file system refuses, an id that
    needs a folder where another document's file is) gets an ``output`` error in its entry and the run
    goes on; outputs written before the failure are left as they are. A failure of the run's folders or
    the disk is raised: the run fails.
    """
    doc = result.doc
    report = doc.to_report()
    try:
        if doc.original_text:
            atomic_write_text(cleaned_path(output_dir, doc.doc_id), report["cleaned_text"])
        atomic_write_text(report_path(output_dir, doc.doc_id), json.dumps(report, ensure_ascii=False, indent=1))
        atomic_write_text(report_path(output_dir, doc.doc_id, ".html"), render_document_page(report))
    except OSError as exc:
        if not _about_this_document(exc, output_dir):
            raise  # the run's folders or the disk: the whole run fails, as it should
        doc.add_error("output", "unwritable", f"cannot write the outputs of {doc.doc_id!r}: {exc}")
        result.ok = False
    return summary_entry(result)


# failures a document's own name causes (a folder where another document's file is, a name too long
# or refused by the file system); anything else (no space, no permission) concerns the whole run
_NAME_ERRNOS = frozenset({errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG, errno.EINVAL, errno.EILSEQ})


def _about_this_document(exc: OSError, output_dir: Path) -> bool:
    """Whether ``exc`` comes from this document's own output path, not from the run's folders."""
    if exc.errno not in _NAME_ERRNOS or not exc.filename:
        return False
    run_folders = {output_dir, output_dir / "cleaned", output_dir / "reports"}
    return Path(str(exc.filename)) not in run_folders


def summary_entry(result: DocumentResult) -> dict[str, Any]:
    doc = result.doc
    return {
        "document": doc.doc_id,
        "ok": result.ok,
        "report": str(report_path(Path("."), doc.doc_id)),
        "encoding": doc.encoding if doc.original_text else None,
        "characters": len(doc.original_text),
        "flags": dict(Counter(tally_key(f) for f in doc.flags)),
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
