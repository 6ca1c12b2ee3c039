"""Where a document's outputs live under a run folder, safe against hostile document ids."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

_UNSAFE = re.compile(r"[^A-Za-z0-9._\-]+")


def safe_relative_path(doc_id: str) -> PurePosixPath:
    """A relative path for a document id that cannot escape the output folder ("../x" -> "x")."""
    parts = [_UNSAFE.sub("_", part) for part in PurePosixPath(doc_id).parts if part not in ("", ".", "..", "/")]
    parts = [part.lstrip(".") or "_" for part in parts]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


def cleaned_path(output_dir: Path, doc_id: str) -> Path:
    """``OUT/cleaned/<doc>``: the cleaned text."""
    return output_dir / "cleaned" / safe_relative_path(doc_id)


def report_path(output_dir: Path, doc_id: str, suffix: str = ".json") -> Path:
    """``OUT/reports/<doc>.json`` (or another suffix: ``.html`` for the review page)."""
    relative = safe_relative_path(doc_id)
    return output_dir / "reports" / relative.parent / (relative.name + suffix)
