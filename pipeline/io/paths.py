"""Where a document's outputs live under a run folder, safe against hostile document ids."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

_UNSAFE = re.compile(r"[^\w.\-]+")  # \w is Unicode: letters of any script are kept ("Zürich.txt")


def safe_relative_path(doc_id: str) -> PurePosixPath:
    """A relative path for a document id that cannot escape the output folder, one per id.

    Unsafe parts are rewritten ("../x" -> "x", "a b.txt" -> "a_b.txt"); whenever the path is not the
    id itself, its last part gets ``-`` and the first 8 hex digits of the id's SHA-1, so two ids that
    rewrite to the same path ("a b.txt", "a?b.txt", "a_b.txt") or an empty JSONL id (which would name
    the JSONL file's own folder) still get outputs of their own instead of overwriting each other.
    """
    parts = [_UNSAFE.sub("_", part) for part in PurePosixPath(doc_id).parts if part not in ("", ".", "..", "/")]
    parts = [part.lstrip(".") or "_" for part in parts] or ["_"]
    if "/".join(parts) != doc_id:
        parts[-1] += "-" + hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return PurePosixPath(*parts)


def cleaned_path(output_dir: Path, doc_id: str) -> Path:
    """``OUT/cleaned/<doc>``: the cleaned text."""
    return output_dir / "cleaned" / safe_relative_path(doc_id)


def report_path(output_dir: Path, doc_id: str, suffix: str = ".json") -> Path:
    """``OUT/reports/<doc>.json`` (or another suffix: ``.html`` for the review page)."""
    relative = safe_relative_path(doc_id)
    return output_dir / "reports" / relative.parent / (relative.name + suffix)
