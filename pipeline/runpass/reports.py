"""Reading and rewriting a finished run's reports, for passes that add run-level findings.

A run-level pass must keep each report's promises: it rewrites the JSON report and its review page
together, atomically, so a reader never sees one without the other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.io.atomic import atomic_write_text
from pipeline.io.paths import report_path
from pipeline.report.html import render_document_page


def load_report(output_dir: Path, doc_id: str) -> dict[str, Any] | None:
    """The report of ``doc_id`` in a run folder, or None when there is none."""
    path = report_path(output_dir, doc_id)
    if not path.exists():
        return None
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return report


def rewrite_report(output_dir: Path, report: dict[str, Any]) -> None:
    """Write ``report`` back as ``reports/<doc>.json`` and re-render ``reports/<doc>.html``."""
    doc_id = report["document"]
    atomic_write_text(report_path(output_dir, doc_id), json.dumps(report, ensure_ascii=False, indent=1))
    atomic_write_text(report_path(output_dir, doc_id, ".html"), render_document_page(report))
