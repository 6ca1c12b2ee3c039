"""From a checker's match to a report flag, and (only for structurally safe fixes) an applied edit.

A fix is auto-applied only when its shape proves it cannot change meaning, whatever the rule says:
- ``whitespace``: the replacement is the matched text with whitespace removed ("31 :" -> "31:");
- ``duplication``: the match is one word typed twice and the replacement is that word once,
  except for words English legitimately doubles ("had had", "that that");
- ``doubled_punctuation``: a space and a stop right after the same stop ("northeast. ." -> "northeast.");
- ``rule_exact``: a rule of :data:`EXACT_RULES` in the context where it is exact, measured on
  LanguageTool's examples ("could of" -> "could have": the correction on all 5 incorrect examples
  it hit, no correct one flagged; "a investment" -> "an investment" before a common lower-case
  word: the 15 edits it applies there are all real a/an errors, the a/an rule having no examples
  of its own).
Everything else (spelling, confusables, agreement, style) stays a flag carrying its suggestions,
for the reviewer or the rewriter's language model to decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.grammar.match import GrammarMatch
from pipeline.text.lexical import zipf

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

AUTO_APPLY_KINDS = ("whitespace", "duplication", "doubled_punctuation", "rule_exact")
LEGITIMATE_REPEATS = {"had", "that", "is", "do", "can", "will", "bye", "very", "so", "no", "yes", "ha", "knock"}


@dataclass(frozen=True)
class Decision:
    category: str  # report flag category
    auto_kind: str | None  # which safe kind it is, None when it is not safe to apply
    after: str | None  # the replacement for text[start:end] when auto-applied
    start: int
    end: int
    best: str | None  # the best suggestion for the flag (for text[start:end])


DICTIONARY_RULES = ("MORFOLOGIK_", "HUNSPELL", "HARPER_Spelling", "HARPER_Typo")
COMMON_WORD_ZIPF = 3.0  # a word in common use (wordfreq), not a misspelling of one


def flag_category(match: GrammarMatch, text: str) -> str:
    """The report category of what the match *is*, by rule where the checker's category misleads.

    lingotweaker (like LanguageTool) files hundreds of pattern rules under its typo category or
    issue type "misspelling" that are about word choice and grammar between real words: a modal +
    "of" ("could of" -> "could have", MODAL_OF), the a/an rule ("a investment", EN_A_VS_AN, issue
    type misspelling), "its"/"it's". Calling those ``spelling`` put them under guards made for
    misspelt words. So: a dictionary rule (:data:`DICTIONARY_RULES`) is ``spelling``; a pattern
    rule of the typo category is ``spelling`` only when it flags one word that is not in common use
    ("allthough"), and ``grammar`` when the flagged words are all words in common use."""
    if match.issue_type == "misspelling" or match.category_id == "TYPOS":
        if match.rule_id.startswith(DICTIONARY_RULES):
            return "spelling"
        words = _WORDS.findall(text[match.start : match.end])
        if len(words) == 1 and zipf(words[0]) < COMMON_WORD_ZIPF:
            return "spelling"
        return "grammar"
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


def _article_before_common_word(match: GrammarMatch, text: str) -> bool:
    """ "a"/"an" swapped before a common lower-case word ("a investment", "an useful"): the sound
    of a common word is known; that of a name, an acronym or a number is not ("a NBA player").
    Also left as flags, after LanguageTool's examples (benchmarks/README.md): a word with no vowel
    letter, read letter by letter ("a http call"); a word that opens a web address ("a ups.com
    user"); an adverb in -ly, after which "a" is as often a letter as an article ("does a
    actually")."""
    if text[match.start : match.end].lower() not in ("a", "an") or match.suggestions[0].lower() not in ("a", "an"):
        return False
    following = re.match(r" ([a-z]+)\b(?![-'’]|\.\w)", text[match.end : match.end + 40])
    if following is None:
        return False
    word = following.group(1)
    return zipf(word) >= COMMON_WORD_ZIPF and bool(re.search("[aeiouy]", word)) and not word.endswith("ly")


def _modal_of(match: GrammarMatch, text: str) -> bool:
    """A modal followed by "of" ("could of", "should of"): the suggestion replaces "of" by "have"."""
    words = text[match.start : match.end].lower().split()
    return len(words) == 2 and words[1] == "of" and match.suggestions[0].lower().split() == [words[0], "have"]


# rule id -> the context in which its first suggestion is applied; measured with
# benchmarks/grammar_eval.py --data languagetool --exact (dated table in benchmarks/README.md)
EXACT_RULES: dict[str, Callable[[GrammarMatch, str], bool]] = {
    "EN_A_VS_AN": _article_before_common_word,
    "MODAL_OF": _modal_of,
}


def rule_exact(match: GrammarMatch, text: str) -> tuple[str, int, int, str] | None:
    """``("rule_exact", start, end, replacement)`` for a match of :data:`EXACT_RULES` in its exact context."""
    check = EXACT_RULES.get(match.rule_id)
    if check is None or not match.suggestions or not check(match, text):
        return None
    return "rule_exact", match.start, match.end, match.suggestions[0]


def decide(match: GrammarMatch, text: str, auto_apply: tuple[str, ...] = AUTO_APPLY_KINDS) -> Decision:
    category = flag_category(match, text)
    fix = safe_fix(match, text) or rule_exact(match, text)
    best = match.suggestions[0] if match.suggestions else None
    if fix is not None:
        kind, start, end, after = fix
        return Decision(category, kind if kind in auto_apply else None, after, start, end, after)
    return Decision(category, None, None, match.start, match.end, best)
