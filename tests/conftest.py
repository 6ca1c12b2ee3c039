"""Shared fixtures: sample inputs written by the tests themselves, never copied from gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CLEAN_PARAGRAPH = (
    "The city council approved the budget on Tuesday by a vote of 7-2, "
    "according to a statement from the mayor’s office.\n\n"
    "“This is a responsible plan,” said Maria Lopez, the council’s finance chair.\n"
)


@pytest.fixture
def mixed_input(tmp_path: Path) -> Path:
    """A folder with one document of each awkward kind next to a plain one."""
    folder = tmp_path / "input"
    (folder / "sub").mkdir(parents=True)
    (folder / "plain.txt").write_text(CLEAN_PARAGRAPH, encoding="utf-8")
    (folder / "legacy.txt").write_bytes("The café’s owner said “no” — twice.\n".encode("cp1252"))
    (folder / "mojibake.txt").write_text("The cafÃ© owner said â€œnoâ€\x9d twice.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub" / "nested.txt").write_text("A nested document.\n", encoding="utf-8")
    return folder


@pytest.fixture
def jsonl_input(tmp_path: Path) -> Path:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First document text."}),
        "{not json",
        json.dumps({"id": "b", "text": "Second document &amp; more."}),
        json.dumps({"id": "a", "text": "duplicate id"}),
        json.dumps({"text": "no id"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
