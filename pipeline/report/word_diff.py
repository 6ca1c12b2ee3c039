"""Word-level diff of one edit's ``before`` and ``after``, for marking changes inside a sentence.

An edit from the grammar or rewrite stage often replaces a whole clause to change one word; showing
it as "delete clause, insert clause" hides what changed. Diffing word tokens with difflib (the
standard library's maintained sequence matcher) shows only the words that differ.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["equal", "delete", "insert"]

# words, runs of whitespace, and single punctuation marks: the units an editor reads as "a change"
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class DiffToken:
    """A run of text that is kept, deleted or inserted by an edit."""

    op: Op
    text: str

    @property
    def whitespace_only(self) -> bool:
        """Deleted or inserted whitespace is invisible unless the page draws a marker for it."""
        return self.op != "equal" and not self.text.strip()


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and punctuation; joining the tokens gives the text back."""
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[DiffToken]:
    """Tokens that turn ``before`` into ``after``.

    Joining the ``equal`` and ``delete`` texts gives ``before``; joining ``equal`` and ``insert``
    gives ``after``. Adjacent tokens with the same operation are merged so the page marks a phrase
    once instead of word by word.
    """
    old, new = tokenize(before), tokenize(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    tokens: list[DiffToken] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _push(tokens, "equal", "".join(old[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _push(tokens, "delete", "".join(old[i1:i2]))
        if tag in ("insert", "replace"):
            _push(tokens, "insert", "".join(new[j1:j2]))
    return _absorb_lone_spaces(tokens)


def _push(tokens: list[DiffToken], op: Op, text: str) -> None:
    if not text:
        return
    if tokens and tokens[-1].op == op:
        tokens[-1] = DiffToken(op, tokens[-1].text + text)
    else:
        tokens.append(DiffToken(op, text))


def _absorb_lone_spaces(tokens: list[DiffToken]) -> list[DiffToken]:
    """Fold a single kept space between two changed runs into them: "a b"→"c d" reads as one phrase.

    The kept space goes into both the deleted and the inserted run, so both texts stay exact.
    """
    out: list[DiffToken] = []
    for i, token in enumerate(tokens):
        between_changes = (
            token.op == "equal"
            and token.text == " "
            and 0 < i < len(tokens) - 1
            and tokens[i - 1].op != "equal"
            and tokens[i + 1].op != "equal"
        )
        if between_changes:
            out.append(DiffToken("delete", " "))
            out.append(DiffToken("insert", " "))
        else:
            out.append(token)
    return _group_changes(out)


def _group_changes(tokens: list[DiffToken]) -> list[DiffToken]:
    """Within each run of changed tokens, put all deleted text first and all inserted text after."""
    out: list[DiffToken] = []
    run: list[DiffToken] = []
    for token in tokens + [DiffToken("equal", "")]:
        if token.op != "equal":
            run.append(token)
            continue
        _push(out, "delete", "".join(t.text for t in run if t.op == "delete"))
        _push(out, "insert", "".join(t.text for t in run if t.op == "insert"))
        run = []
        _push(out, "equal", token.text)
    return out
