"""Paragraphs and sentences with character offsets into the text they came from.

Rule-based on purpose: it must behave predictably on broken input (the things we flag), be fast,
and never lose a character. Each line of a scraped article is a paragraph; sentences end at
``.!?`` (optionally followed by closing quotes or brackets) plus whitespace, except after common
abbreviations and initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "gov",
    "sen",
    "rep",
    "sr",
    "jr",
    "st",
    "mt",
    "ft",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "est",
    "fig",
    "op",
    "pres",
    "rev",
    "gens",
    "reps",
    "sens",
    "messrs",
}

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+|$)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped of surrounding whitespace, with offsets."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append(Span(start, start + len(stripped), stripped))
    return spans


def sentences(text: str, paragraph: Span | None = None) -> list[Span]:
    """Sentences of ``paragraph`` (or of every paragraph of ``text``), offsets into ``text``."""
    if paragraph is None:
        return [s for p in paragraphs(text) for s in sentences(text, p)]
    spans = []
    start = paragraph.start
    for end in _sentence_ends(paragraph.text):
        absolute_end = paragraph.start + end
        piece = text[start:absolute_end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append(Span(start + lead, absolute_end, piece.strip()))
        start = absolute_end
    piece = text[start : paragraph.end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(start + lead, start + lead + len(piece.strip()), piece.strip()))
    return spans


def _sentence_ends(paragraph: str) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if end >= len(paragraph.rstrip()):
            continue  # the paragraph's own end closes its last sentence
        before = paragraph[: match.start()]
        word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
        if match.group().startswith(".") and word:
            token = word.group(1).lower().rstrip(".")
            if token in ABBREVIATIONS or (len(token) == 1 and word.group(1)[0].isupper()):
                continue
        yield end
