"""Finding documents in an input: a folder (recursive), a single text file, or a JSONL file.

Problems with one document (unreadable, too large, a malformed JSONL line) become a
:class:`RawDocument` carrying an error, so the caller reports it and carries on with the rest.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


class InputError(ValueError):
    """The input as a whole cannot be read (missing path, unsupported kind)."""


@dataclass(frozen=True)
class RawDocument:
    """One document as found in the input, before decoding."""

    doc_id: str
    data: bytes | None
    origin: str
    error_kind: str | None = None
    error: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data or b"").hexdigest()


def iter_documents(
    input_path: str | os.PathLike[str], max_bytes: int, only: set[str] | None = None
) -> Iterator[RawDocument]:
    """Yield every document in ``input_path`` (or just those in ``only``), sorted by id.

    Sorting keeps shards stable between runs; ``only`` lets a shard worker read its own files
    without reading everyone else's.
    """
    root = Path(input_path)
    if not root.exists():
        raise InputError(f"input {root} does not exist")
    if root.is_dir():
        for path in sorted(_walk_files(root)):
            relative = path.relative_to(root).as_posix()
            if path.suffix.lower() in JSONL_SUFFIXES:
                if only is None or any(doc_id.startswith(relative + "/") for doc_id in only):
                    yield from _iter_jsonl(path, max_bytes, prefix=relative + "/")
            elif only is None or relative in only:
                yield _read_file(path, relative, max_bytes)
    elif root.suffix.lower() in JSONL_SUFFIXES:
        yield from _iter_jsonl(root, max_bytes, prefix="")
    else:
        yield _read_file(root, root.name, max_bytes)


def select_documents(input_path: str | os.PathLike[str], doc_ids: Iterable[str], max_bytes: int) -> list[RawDocument]:
    """The documents with the given ids, in the given order (used by shard workers)."""
    wanted = list(doc_ids)
    found = {doc.doc_id: doc for doc in iter_documents(input_path, max_bytes, only=set(wanted))}
    return [
        found.get(doc_id)
        or RawDocument(doc_id, None, str(input_path), "missing", "the document disappeared from the input")
        for doc_id in wanted
    ]


def _walk_files(root: Path) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root, onerror=None):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            yield Path(directory) / name


def _read_file(path: Path, doc_id: str, max_bytes: int) -> RawDocument:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return RawDocument(
                doc_id, None, str(path), "too_large", f"{size} bytes is over the limit of {max_bytes} bytes (max_bytes)"
            )
        return RawDocument(doc_id, path.read_bytes(), str(path))
    except OSError as exc:
        return RawDocument(doc_id, None, str(path), "unreadable", f"cannot read {path}: {exc.strerror or exc}")


def _iter_jsonl(path: Path, max_bytes: int, prefix: str) -> Iterator[RawDocument]:
    """One document per line with ``id`` and ``text``; a bad line is an error for that line only."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield RawDocument(
            prefix or path.name, None, str(path), "unreadable", f"cannot read {path}: {exc.strerror or exc}"
        )
        return
    seen: set[str] = set()
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            fallback_id = f"{prefix}line-{number}"
            origin = f"{path}:{number}"
            if len(line) > max_bytes:
                yield RawDocument(
                    fallback_id,
                    None,
                    origin,
                    "too_large",
                    f"line {number} has {len(line)} bytes, over max_bytes={max_bytes}",
                )
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield RawDocument(
                    fallback_id, None, origin, "malformed_jsonl", f"line {number} is not valid JSON: {exc}"
                )
                continue
            if (
                not isinstance(record, dict)
                or not isinstance(record.get("text"), str)
                or not isinstance(record.get("id"), (str, int))
            ):
                yield RawDocument(
                    fallback_id, None, origin, "malformed_jsonl", f"line {number} needs a string 'text' and an 'id'"
                )
                continue
            if not str(record["id"]).strip():
                yield RawDocument(fallback_id, None, origin, "malformed_jsonl", f"line {number} has an empty 'id'")
                continue
            # one path component per id: "a/b" must not need a folder where the document "a" is a file
            doc_id = prefix + str(record["id"]).replace("%", "%25").replace("/", "%2F")
            if doc_id in seen:
                yield RawDocument(
                    f"{fallback_id}", None, origin, "duplicate_id", f"line {number} repeats id {record['id']!r}"
                )
                continue
            seen.add(doc_id)
            yield RawDocument(doc_id, record["text"].encode("utf-8"), origin)
