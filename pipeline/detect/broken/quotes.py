"""Unclosed and unbalanced quotation marks, paragraph by paragraph.

News style closes every quotation within its paragraph, with one exception: a quotation that runs
on into the next paragraph leaves its closing mark off and opens the next paragraph with a fresh
opening mark. Anything else (an opening mark never closed, a second opening before the first one
closed, a closing mark with no opening) is a broken sentence, usually from a merge or truncation.

Each flag covers the mark that has no partner, not the words after it: the repair is to add, move or
drop that mark, and the words of the quotation are not at fault. (On machine translation scored
against human post-edits, a flag over the whole unclosed run covered mostly words the post-editor
kept: 50% of its tokens, 10% in et-en and ru-en, where a one-sentence segment often carries one mark
of a quotation that spans sentences.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.text.segment import Span

_OPEN, _CLOSE = "“", "”"


class QuoteBalanceDetector(Detector):
    id = "broken.quotes"
    version = "2"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        paras = context.paragraphs
        for index, para in enumerate(paras):
            following = paras[index + 1].text if index + 1 < len(paras) else ""
            yield from _merge_runs(self._curly(para, following))
            yield from self._straight(para, following)

    def _curly(self, para: Span, following: str) -> Iterable[Finding]:
        text = para.text
        opened: int | None = None
        for position, char in enumerate(text):
            if char == _OPEN:
                if opened is not None:
                    yield self._unpaired(para, opened, "quotation opened again before the first one was closed")
                opened = position
            elif char == _CLOSE:
                if opened is None:
                    yield Finding(
                        "broken_sentence",
                        para.start + position,
                        para.start + position + 1,
                        "closing quotation mark without an opening one",
                        self.id,
                        0.6,
                    )
                opened = None
        if opened is not None and not following.startswith(_OPEN):
            yield self._unpaired(para, opened, "opening quotation mark never closed")

    def _straight(self, para: Span, following: str) -> Iterable[Finding]:
        marks = [i for i, char in enumerate(para.text) if char == '"']
        if len(marks) % 2 == 0 or following.startswith('"'):
            return
        yield self._unpaired(para, _unpaired_straight_mark(para.text, marks), "unbalanced straight quotation marks")

    def _unpaired(self, para: Span, position: int, message: str) -> Finding:
        """A flag on the one mark at ``position`` (an index into the paragraph) that has no partner."""
        return Finding("broken_sentence", para.start + position, para.start + position + 1, message, self.id, 0.75)


def _unpaired_straight_mark(text: str, marks: list[int]) -> int:
    """Which of an odd number of straight marks has no partner.

    A straight mark opens when it starts a word (after a space, a bracket or the paragraph start) and
    closes otherwise; each closing mark pairs with the latest open one. The first mark left unpaired
    is the one to flag; if the reading pairs them all (it cannot tell), the last mark.
    """
    open_marks: list[int] = []
    for position in marks:
        opens = position == 0 or text[position - 1].isspace() or text[position - 1] in "([{"
        if opens:
            open_marks.append(position)
        elif open_marks:
            open_marks.pop()
        else:
            return position
    return open_marks[0] if open_marks else marks[-1]


def _merge_runs(findings: Iterable[Finding]) -> Iterator[Finding]:
    """One finding for a run of marks with the same fault side by side ("“““" opened again and again):
    a wall of 50,000 quotation marks is one problem, not 50,000 flags for the reviewer (and the report)."""
    pending: Finding | None = None
    for finding in findings:
        if pending is not None and pending.end == finding.start and pending.message == finding.message:
            pending = dataclasses.replace(pending, end=finding.end)
            continue
        if pending is not None:
            yield pending
        pending = finding
    if pending is not None:
        yield pending
