"""Curated lexicons under ``pipeline/data/lexicons/``, read once per process.

The MT-artefact and consistency detectors keep their knowledge (false friends, official titles,
transliteration variants, spelling pairs) as data with a header saying where it comes from, so an
editor can extend it without touching code. TSV files use ``#`` comment lines; JSON files carry an
``_about`` key.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"


def _read(name: str) -> str:
    return (LEXICON_DIR / name).read_text(encoding="utf-8")


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon, comment and blank lines skipped."""
    rows = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def load_json(name: str) -> Any:
    """A JSON lexicon (treat as read-only: it is shared by every caller in the process)."""
    return json.loads(_read(name))


@cache
def lexicons_digest() -> str:
    """A hash of every lexicon file: part of the detect stage's cache key, so an edited lexicon
    re-runs detection instead of serving results computed with the old entries."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(LEXICON_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(LEXICON_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
