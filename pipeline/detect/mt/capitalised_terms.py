"""Capitalised translated common terms: "the Head of State", "the Social Networks".

Spanish, Italian and French capitalise some common terms (Cascos Azules, Redes Sociales), or a
translator carries the capitals of a source-language term over; English news writes them in lower
case or uses its own word. The terms are a curated lexicon (``capitalised_calques.tsv``), matched
with their capitals. A match that is part of a longer capitalised name ("Blue Helmets Foundation",
"Global Civil Society Forum") is left alone: that is a real name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.lexicons.loader import load_tsv

_CAPITALISED_WORD = re.compile(r"[A-Z][a-z][\w’'-]*")


@lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in load_tsv("capitalised_calques.tsv")}
    alternatives = "|".join(re.escape(p) for p in sorted(rows, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w’'-])"), rows


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", text[:start])
    return match.group(1) if match else ""


def _word_after(text: str, end: int) -> str:
    match = re.match(r"\s*(\S+)", text[end:])
    return match.group(1) if match else ""


class CapitalisedTermDetector(Detector):
    id = "mt.capitalised_term"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        pattern, rows = _terms()
        for paragraph in context.paragraphs:
            text = paragraph.text
            for match in pattern.finditer(text):
                before, after = _word_before(text, match.start()), _word_after(text, match.end())
                # a capitalised neighbour (not an acronym such as "UN", not a sentence end) means a longer name
                if _CAPITALISED_WORD.fullmatch(after.rstrip(".,;:!?”’\"')")):
                    continue
                if _CAPITALISED_WORD.fullmatch(before) and not before.isupper():
                    continue
                suggestion, source = rows[match.group()]
                yield Finding(
                    category="mt_artefact",
                    start=paragraph.start + match.start(),
                    end=paragraph.start + match.end(),
                    message=f"capitalised translated common term ({source}); English news writes “{suggestion}”",
                    detector=self.id,
                    confidence=0.75,
                    suggestion=suggestion,
                    details={"source_term": source},
                )
