"""Stray punctuation: ". ." and " ." at a sentence end, a space before a comma or colon, doubled marks.

These are left behind when a translation system or a scraper drops a word ("... evacuated from the .")
or joins two versions of a sentence end ("at dawn. ."). The fix for the mark itself is clear and
given as a suggestion; the missing word, if any, is for the rewriter or the editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding

# (pattern, category, message, replacement of group 1's span, confidence)
_RULES: tuple[tuple[re.Pattern[str], str, str, str, float], ...] = (
    (
        re.compile(r"(?<=[\w”’\"')\]])([.!?]\s+[.!?])(?![.!?])"),
        "broken_sentence",
        "repeated sentence-final punctuation",
        "first",
        0.9,
    ),
    (
        re.compile(r"(?<=\w)(\s+)(?=[.!?](?:\s|$|[”’\"']))"),
        "broken_sentence",
        "space before sentence-final punctuation: a word may be missing before it",
        "",
        0.8,
    ),
    (re.compile(r"(?<=\w)(\s+)(?=[,;:](?:\s|$))"), "punctuation", "space before punctuation", "", 0.85),
    (re.compile(r"(?<![.,])([,;:]\s*[,;:])(?![.,])"), "punctuation", "doubled punctuation", "first", 0.85),
    (re.compile(r"(?<=\w)(,\s*\.)(?!\.)"), "punctuation", "comma before a full stop", ".", 0.85),
    (re.compile(r"(?<=[A-Za-z])(\.\.)(?![.\w])"), "broken_sentence", "double full stop", ".", 0.85),
)


class StrayPunctuationDetector(Detector):
    id = "broken.punctuation"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        for paragraph in context.paragraphs:
            for pattern, category, message, replacement, confidence in _RULES:
                for match in pattern.finditer(text, paragraph.start, paragraph.end):
                    start, end = match.span(1)
                    after = match.group(1)[0] if replacement == "first" else replacement
                    word = re.search(r"\S+\s*$", text[paragraph.start : start])
                    context_start = paragraph.start + word.start() if word else start
                    yield Finding(
                        category,
                        start,
                        end,
                        message,
                        self.id,
                        confidence,
                        suggestion=text[context_start:start] + after,
                        replacement=after,
                        apply=False,
                    )
