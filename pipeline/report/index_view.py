"""Turn a run summary into the rows and facts of the run index page.

Kept apart from the template so the index's numbers (per-category counts, errors per document,
links to document pages) can be checked without a browser.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from pipeline.document import CATEGORIES
from pipeline.report.view_model import category_css, category_label


@dataclass(frozen=True)
class CategoryColumn:
    key: str
    label: str
    css: str


@dataclass(frozen=True)
class DocumentRow:
    document: str
    href: str | None
    ok: bool
    flags: dict[str, int]
    edits: dict[str, int]
    flags_total: int
    edits_total: int
    suggestions: int
    errors: int
    encoding: str

    def cell(self, category: str) -> tuple[int, int]:
        """(flags, applied edits) of one category, for one cell of the table."""
        return self.flags.get(category, 0), self.edits.get(category, 0)


@dataclass(frozen=True)
class StageRow:
    """One stage of the run: what it is, what it used, how much it did and how long it took."""

    name: str
    description: str
    backends: str
    processed: int | None
    cached: int | None
    seconds: float | None


@dataclass
class IndexView:
    summary: dict[str, Any]
    rows: list[DocumentRow]
    columns: list[CategoryColumn]
    stages: list[StageRow]
    backends: list[tuple[str, str]]
    errors: list[dict[str, Any]]
    duration: str
    started: str


def build_index_view(summary: dict[str, Any]) -> IndexView:
    """Rows per document, one column per category that occurs anywhere in the run."""
    errors = list(summary.get("errors", []))
    errors_per_doc = Counter(str(e.get("document")) for e in errors)
    details = summary.get("documents_detail", [])
    rows = [_row(d, errors_per_doc) for d in details]
    seen = {k for d in details for key in ("flags", "edits_applied") for k in (d.get(key) or {})}
    order = {name: i for i, name in enumerate(CATEGORIES)}
    keys = sorted(seen, key=lambda k: (order.get(k, len(order)), k))
    return IndexView(
        summary=summary,
        rows=rows,
        columns=[CategoryColumn(k, category_label(k), category_css(k)) for k in keys],
        stages=_stage_rows(summary),
        backends=[(stage, ", ".join(map(str, values))) for stage, values in (summary.get("backends") or {}).items()],
        errors=errors,
        duration=format_duration(float(summary.get("wall_seconds", 0.0))),
        started=format_started(str(summary.get("started_at", ""))),
    )


def page_href(report_json_path: str) -> str | None:
    """Link from ``index.html`` to a document page: the report's path with ``.html`` for ``.json``."""
    if not report_json_path:
        return None
    path = PurePosixPath(report_json_path.replace("\\", "/"))
    if path.suffix == ".json":
        path = path.with_suffix(".html")
    return quote(str(path))


def format_duration(seconds: float) -> str:
    """Durations as an editor reads them: 0.4 s, 12 s, 3 min 05 s, 2 h 01 min."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_started(iso: str) -> str:
    """An ISO timestamp as "2026-01-02 03:04:05 UTC"; anything unparsable is shown as it is."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S") + (" UTC" if moment.tzinfo is not None else "")


def _row(detail: dict[str, Any], errors_per_doc: Counter[str]) -> DocumentRow:
    flags = {str(k): int(v) for k, v in (detail.get("flags") or {}).items()}
    edits = {str(k): int(v) for k, v in (detail.get("edits_applied") or {}).items()}
    encoding = detail.get("encoding") or {}
    return DocumentRow(
        document=str(detail.get("document", "")),
        href=page_href(str(detail.get("report", ""))),
        ok=bool(detail.get("ok", False)),
        flags=flags,
        edits=edits,
        flags_total=sum(flags.values()),
        edits_total=sum(edits.values()),
        suggestions=int(detail.get("suggestions", 0) or 0),
        errors=errors_per_doc.get(str(detail.get("document")), 0),
        encoding=str(encoding.get("detected", "")) if isinstance(encoding, dict) else str(encoding),
    )


def _stage_rows(summary: dict[str, Any]) -> list[StageRow]:
    backends = summary.get("backends") or {}
    work, hits, seconds = (summary.get(key) or {} for key in ("stage_work", "cache_hits", "stage_seconds"))
    return [
        StageRow(
            name=str(name),
            description=_describe(info),
            backends=", ".join(map(str, backends.get(name, []))),
            processed=work.get(name),
            cached=hits.get(name),
            seconds=seconds.get(name),
        )
        for name, info in (summary.get("stages") or {}).items()
    ]


def _describe(info: Any) -> str:
    if not isinstance(info, dict):
        return str(info)
    return ", ".join(f"{k} {v if not isinstance(v, list) else ', '.join(map(str, v)) or '–'}" for k, v in info.items())
