"""From a checker's match to a report flag, and (only for structurally safe fixes) an applied edit.

A fix is auto-applied only when its shape proves it cannot change meaning, whatever the rule says:
- ``whitespace``: the replacement is the matched text with whitespace removed ("31 :" -> "31:");
- ``duplication``: the match is one word typed twice and the replacement is that word once,
  except for words English legitimately doubles ("had had", "that that");
- ``doubled_punctuation``: a space and a stop right after the same stop ("northeast. ." -> "northeast.").
Everything else (spelling, confusables, agreement, style) stays a flag carrying its suggestions,
for the reviewer or the rewriter's language model to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.grammar.match import GrammarMatch

AUTO_APPLY_KINDS = ("whitespace", "duplication", "doubled_punctuation")
LEGITIMATE_REPEATS = {"had", "that", "is", "do", "can", "will", "bye", "very", "so", "no", "yes", "ha", "knock"}


@dataclass(frozen=True)
class Decision:
    category: str  # report flag category
    auto_kind: str | None  # which safe kind it is, None when it is not safe to apply
    after: str | None  # the replacement for text[start:end] when auto-applied
    start: int
    end: int
    best: str | None  # the best suggestion for the flag (for text[start:end])


def flag_category(match: GrammarMatch) -> str:
    if match.issue_type == "misspelling" or match.category_id == "TYPOS":
        return "spelling"
    if match.issue_type == "whitespace" or match.category_id in {"TYPOGRAPHY", "PUNCTUATION"}:
        return "punctuation"
    return "grammar"


def safe_fix(match: GrammarMatch, text: str) -> tuple[str, int, int, str] | None:
    """``(kind, start, end, replacement)`` when the match's first suggestion is a provably safe fix."""
    start = match.start
    span = text[match.start : match.end]
    if not span:
        return None
    if len(span) == 1 and span in ",.:;!?" and match.issue_type == "whitespace":
        # some rules mark only the mark itself; the space before it is what goes
        start = len(text[: match.start].rstrip())
        span = text[start : match.end]
    first = match.suggestions[0] if match.suggestions else None
    # checked first: replacing " ." by "." after a stop would leave ".."
    stop = re.fullmatch(r"\s+([.!?,;:])", span)
    if (
        stop
        and re.search(r"[\w”’\")\]]" + re.escape(stop.group(1)) + r"$", text[:start])
        and not text[match.end :].lstrip().startswith(stop.group(1))  # a spaced ellipsis ". . ."
    ):
        return "doubled_punctuation", start, match.end, ""
    if first is None:
        return None
    if match.issue_type == "whitespace" and span.strip() and first == re.sub(r"\s+", "", span) and first != span:
        return "whitespace", start, match.end, first
    if match.issue_type == "whitespace" and not span.strip() and first == "":
        # Harper marks only the space before the comma
        following = text[match.end : match.end + 1]
        if following and following in ",.:;!?":
            return "whitespace", start, match.end, ""
    words = span.split()
    if (
        match.issue_type == "duplication"
        and len(words) == 2
        and words[0].lower() == words[1].lower()
        and re.fullmatch(r"\S+\s+\S+", span)
        and first in words
        and words[0].lower() not in LEGITIMATE_REPEATS
    ):
        return "duplication", start, match.end, first
    return None


def decide(match: GrammarMatch, text: str, auto_apply: tuple[str, ...] = AUTO_APPLY_KINDS) -> Decision:
    category = flag_category(match)
    fix = safe_fix(match, text)
    best = match.suggestions[0] if match.suggestions else None
    if fix is not None:
        kind, start, end, after = fix
        return Decision(category, kind if kind in auto_apply else None, after, start, end, after)
    return Decision(category, None, None, match.start, match.end, best)
