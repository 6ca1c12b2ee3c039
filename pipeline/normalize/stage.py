"""The ``normalize`` stage: run the news-configured fixer line by line and record each change, then
join the lines of hard-wrapped paragraphs (:mod:`pipeline.normalize.unwrap`) so that later stages
see one paragraph where the author wrote one.

Linear in the document's length on any input: the alignment is linear (:mod:`.alignment`) and each
change is explained from at most ``EXPLAIN_CONTEXT`` characters around it.
"""

from __future__ import annotations

from typing import Any

import ftfy

from pipeline.document import Document, ProposedEdit
from pipeline.normalize.alignment import Replacement, align_changes
from pipeline.normalize.fixer import NEWS_FTFY_CONFIG, fix_line
from pipeline.normalize.unwrap import find_joins
from pipeline.stages.base import Stage

# Human-readable reasons for ftfy's step names and our own.
STEP_REASONS = {
    "unescape_html": "HTML entity in plain text",
    "fix_encoding": "mojibake (text decoded with the wrong encoding)",
    "decode_inconsistent_utf8": "mojibake (mixed UTF-8 and legacy encoding)",
    "restore_byte_a0": "mojibake (lost non-breaking space byte)",
    "replace_lossy_sequences": "mojibake (lossy sequence)",
    "fix_c1_controls": "C1 control character from a legacy encoding",
    "remove_control_chars": "control character",
    "remove_terminal_escapes": "terminal escape sequence",
    "fix_latin_ligatures": "typographic ligature",
    "fix_character_width": "full-width character",
    "fix_surrogates": "broken surrogate pair",
    "remove_zero_width": "zero-width character or soft hyphen",
    "zero_width_space_as_space": "zero-width space between two words, read as the space it replaced",
    "restore_lossy_quote": "mojibake of a right double quote whose last byte was lost (decoded as U+FFFD)",
    "replace_odd_spaces": "non-standard space character",
    "collapse_spaces": "repeated spaces",
    "strip_trailing_spaces": "trailing spaces",
}


WHITESPACE_STEPS = {"replace_odd_spaces", "collapse_spaces", "strip_trailing_spaces"}

# Whitespace tidying is recorded as edits but not worth a reviewer's attention as a flag.
COSMETIC_STEPS = {"collapse_spaces", "strip_trailing_spaces"}

# Characters of context on each side of a change that its explanation may look at (up to the
# nearest space): enough for any mojibake sequence or entity, bounded for lines without spaces.
EXPLAIN_CONTEXT = 40


class NormalizeStage(Stage):
    name = "normalize"
    version = "4"

    def settings(self) -> dict[str, Any]:
        return {"ftfy": ftfy.__version__, "config": repr(NEWS_FTFY_CONFIG), "unwrap_lines": self.config.unwrap_lines}

    def describe(self) -> dict[str, Any]:
        return {"version": self.version, "ftfy": ftfy.__version__, "unwrap_lines": self.config.unwrap_lines}

    def process(self, doc: Document) -> None:
        view = doc.view()
        proposals: list[ProposedEdit] = []
        offset = 0
        for line in view.text.splitlines(keepends=True):
            result = fix_line(line)
            if result.fixed != line:
                for change in align_changes(line, result.fixed):
                    steps = explain_change(line, result.fixed, change, result.steps)
                    proposals.append(
                        ProposedEdit(
                            offset + change.start,
                            offset + change.end,
                            change.after,
                            "ftfy: " + "; ".join(STEP_REASONS.get(step, step) for step in steps),
                            category="encoding",
                            details={"steps": list(steps)},
                        )
                    )
            offset += len(line)
        original = doc.original_view()
        for edit in doc.add_edits(view, self.name, proposals):
            steps = edit.details.get("steps", [])
            if any(step not in COSMETIC_STEPS for step in steps):
                flag = doc.add_flag(
                    original,
                    "encoding",
                    edit.start,
                    edit.end,
                    edit.reason,
                    "normalize.ftfy",
                    0.99,
                    suggestion=edit.after,
                )
                edit.flag_ids.append(flag.id)
        if self.config.unwrap_lines:
            self.unwrap(doc)

    def unwrap(self, doc: Document) -> None:
        """Join the lines of hard-wrapped paragraphs, one edit per line break (no flag: layout only)."""
        view = doc.view()
        doc.add_edits(
            view,
            self.name,
            [
                ProposedEdit(
                    join.start,
                    join.end,
                    join.after,
                    join.reason,
                    details={"unwrap": join.kind, **join.details},
                )
                for join in find_joins(view.text)
            ],
        )


def explain_change(line: str, fixed: str, change: Replacement, line_steps: tuple[str, ...]) -> tuple[str, ...]:
    """The fixes that account for one aligned change.

    ftfy explains a whole string, so we re-run the fixer on just the words around the change; when
    that reproduces the change, its explanation is the change's. Otherwise the line's steps stand.
    """
    before = line[change.start : change.end]
    if not before.strip() and not change.after.strip():
        return tuple(step for step in line_steps if step in WHITESPACE_STEPS) or line_steps
    start, end = _word_bounds(line, change.start, change.end)
    context_before = line[start:end]
    context_after = line[start : change.start] + change.after + line[change.end : end]
    local = fix_line(context_before)
    if local.fixed == context_after and local.steps:
        return local.steps
    return tuple(step for step in line_steps if step not in WHITESPACE_STEPS) or line_steps


def _word_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """The words around ``line[start:end]``, at most ``EXPLAIN_CONTEXT`` characters on each side."""
    low, high = max(0, start - EXPLAIN_CONTEXT), min(len(line), end + EXPLAIN_CONTEXT)
    while start > low and not line[start - 1].isspace():
        start -= 1
    while end < high and not line[end].isspace():
        end += 1
    return start, end
