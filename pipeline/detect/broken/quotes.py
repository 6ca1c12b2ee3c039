"""Unclosed and unbalanced double quotation marks, paragraph by paragraph.

News style closes every quotation within its paragraph, with one exception: a quotation that runs
on into the next paragraph leaves its closing mark off and opens the next paragraph with a fresh
opening mark. Anything else (an opening mark never closed, a closing mark with no opening) is a
broken sentence, usually from a merge or truncation.

Straight and curly double marks are read in one pass, since published copy mixes them ("…” after a
straight opening, a straight closing after “…). Each mark is read as opening or closing from the
characters on both sides: a mark after a space, a bracket, a dash, a slash or a colon and before a
word opens; a mark after a word and before a space or punctuation closes; when the sides do not tell
(spaces on both sides, as in tokenised MT), it closes an open quotation or else opens one. A curly
mark typed the wrong way round is read by its sides too, so it gives one flag, not two. A straight
or closing mark right after a digit may be an inch or seconds sign (5'11", 12" vinyl, 41°43'32"N):
such marks are left out when that leaves the paragraph balanced. Single quotes are not read (they
double as apostrophes), nor are guillemets.

Each flag covers the mark that has no partner, not the words after it: the repair is to add, move or
drop that mark, and the words of the quotation are not at fault. (On machine translation scored
against human post-edits, a flag over the whole unclosed run covered mostly words the post-editor
kept: 50% of its tokens, 10% in et-en and ru-en, where a one-sentence segment often carries one mark
of a quotation that spans sentences.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from pipeline.detect.base import DetectContext, Detector, Finding

_MARKS = frozenset('"“”')
_OPENERS = '"“'  # a next paragraph starting with one of these continues an unclosed quotation
_LEFT_OPEN = "([{—–-/:"  # a mark right after one of these (or a space) starts a quotation
_RIGHT_CLOSE = ".,;:!?)]}…—–-"  # a mark right before one of these (or a space) ends one

NEVER_CLOSED = "opening quotation mark never closed"
NO_OPENING = "closing quotation mark without an opening one"


class Fault(NamedTuple):
    position: int  # index of the unpaired mark in the paragraph
    message: str
    confidence: float


class QuoteBalanceDetector(Detector):
    id = "broken.quotes"
    version = "3"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        paras = context.paragraphs
        for index, para in enumerate(paras):
            following = paras[index + 1].text if index + 1 < len(paras) else ""
            continued = following.lstrip().startswith(tuple(_OPENERS))
            yield from _merge_runs(
                Finding(
                    "broken_sentence",
                    para.start + f.position,
                    para.start + f.position + 1,
                    f.message,
                    self.id,
                    f.confidence,
                )
                for f in unpaired_marks(para.text, continued)
            )


def unpaired_marks(text: str, continued: bool = False) -> list[Fault]:
    """The double quotation marks of one paragraph that pair with none, in order.

    ``continued``: the next paragraph opens with a quotation mark, so a quotation left open at the
    end runs on (news style) and is no fault. Marks right after a digit are read as unit signs when
    the paragraph is balanced without them.
    """
    marks = [i for i, char in enumerate(text) if char in _MARKS]
    if not marks:
        return []
    faults = _pair(text, marks, continued)
    units = {i for i in marks if i > 0 and text[i - 1].isdigit() and text[i] != "“"}
    if faults and units:
        without_units = _pair(text, [i for i in marks if i not in units], continued)
        if len(without_units) < len(faults):
            return without_units
    return faults


def _pair(text: str, marks: list[int], continued: bool) -> list[Fault]:
    """Pair opening and closing marks; a quotation may hold another (sloppy copy nests double marks).

    A closing curly mark closes the latest curly opening when one is open, leaving any straight
    opening after it unpaired; any other closing mark closes the latest opening.
    """
    faults: list[Fault] = []
    opened: list[int] = []  # positions of the open quotations' opening marks, innermost last
    curly: list[int] = []  # indices into ``opened`` of its curly openings (a closing curly mark's partners)
    for position in marks:
        if _opens(text, position, quotation_open=bool(opened)):
            if text[position] == "“":
                curly.append(len(opened))
            opened.append(position)
        elif not opened:
            faults.append(Fault(position, NO_OPENING, 0.6))
        else:
            partner = curly[-1] if text[position] == "”" and curly else len(opened) - 1
            faults.extend(Fault(start, NEVER_CLOSED, 0.75) for start in opened[partner + 1 :])
            del opened[partner:]
            if curly and curly[-1] >= partner:
                curly.pop()
    if not continued:
        faults.extend(Fault(start, NEVER_CLOSED, 0.75) for start in opened)
    elif opened:
        faults.extend(Fault(start, NEVER_CLOSED, 0.75) for start in opened[:-1])  # only one runs on
    return sorted(faults)


def _opens(text: str, position: int, quotation_open: bool) -> bool:
    """Whether the mark at ``position`` opens a quotation, read from its sides (see the module)."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    left_open = before.isspace() or before in _LEFT_OPEN
    right_close = after.isspace() or after in _RIGHT_CLOSE
    char = text[position]
    if char == "“" and not (quotation_open and right_close and not left_open):
        return True  # an opening mark, unless it plainly closes an open quotation (typed backwards)
    if char == "”" and not (not quotation_open and left_open and not right_close):
        return False  # a closing mark, unless it plainly opens a quotation (typed backwards)
    if left_open != right_close:
        return left_open
    return not quotation_open


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
