"""Words and sentences run together: "reopened.Visitors", "ministryOfficials", "harborthey".

Three shapes, each decided with word frequencies (``wordfreq``) rather than lists of examples:

- a sentence or list separator with no space after it, between letters ("reopened.Visitors",
  "Kyiv,Lviv"): inserting the space is safe, so it is an applied edit;
- a lower-to-upper case change inside a token that is not itself a known word, where both halves are
  common words ("ministryOfficials"); brands and names ("YouTube", "McDonald") are known words and pass;
- an unknown lowercase token that splits into a common word and a function word ("harborthey").
  Function words are the glue that shows up between words in running text; two content words
  ("weekslong") are often a legitimate closed compound, so they are left alone. These are flagged
  with the split as suggestion, and the rewriter's language model decides about punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.text.lexical import (
    AUXILIARIES,
    CLOSED_CLASS,
    COORDINATORS,
    DETERMINERS,
    PRONOUNS,
    WORDFREQ_VERSION,
    is_common,
    is_known,
    zipf,
)

# Function words that mark a word boundary when found at either end of an unknown token. Particles
# that also build ordinary compounds ("in", "on", "over", "out", "up", "by") are left out.
GLUE_WORDS = (
    PRONOUNS
    | DETERMINERS
    | COORDINATORS
    | AUXILIARIES
    | frozenset("of to for from with that which who than at into said says".split())
) - frozenset({"i", "a", "in", "on", "by", "us", "me", "no", "an", "be"})
# Pairs of function words glued together ("ofthe", "inthe"); real words built so ("onto", "within")
# are frequent enough to pass the frequency gap.
FUNCTION_PAIRS = GLUE_WORDS | frozenset({"in", "on", "by", "an", "is", "as", "at", "it"})
NAME_PREFIXES = frozenset("mc mac de di da la le van von del della du o st".split())
DOMAIN_ENDINGS = frozenset("com org net gov edu int mil io co uk ru ua de fr info biz tv me ly".split())

_TOKEN = re.compile(r"\S+")
_PUNCT_GLUE = re.compile(r"(?<![\w./@])([A-Za-z]?[a-z]{2,})([.!?;:,])(?=([A-Z][a-z]+|[a-z]{2,}))")
# a sentence end followed straight away by the next sentence: "in 2022.The", "said.”The"
_CLOSE_GLUE = re.compile(r"(?<=[a-z0-9])([.!?][”’)]|(?<=[0-9]{2})[.!?])(?=([A-Z][a-z]{2,}))")
_CASE_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_EDGE = "\"'“”‘’()[]{}«».,;:!?…"
# Longer tokens are not tried as words run together: a split looks up ever longer substrings, so one
# token of n letters costs n lookups of up to n letters (a 300,000-letter "word" took over ten
# minutes). Two real words run together are far shorter; a longer run is not prose (base64, a
# wall of letters) and the grammar stage says so.
MAX_WORD_LENGTH = 64


class GluedWordDetector(Detector):
    id = "glued"
    version = "2"

    def settings(self) -> dict:
        return {"wordlist": WORDFREQ_VERSION}

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        for match in _TOKEN.finditer(text):
            token = match.group()
            if _looks_like_address(token):
                continue
            yield from _punctuation_glue(token, match.start())
            if len(token) > MAX_WORD_LENGTH:
                continue
            yield from _case_glue(token, match.start())
            yield from _lowercase_glue(token, match.start())
            yield from _number_glue(token, match.start())


def _looks_like_address(token: str) -> bool:
    lowered = token.lower()
    return "://" in lowered or lowered.startswith("www.") or "@" in token or "/" in token.strip("/")


def _punctuation_glue(token: str, offset: int) -> Iterable[Finding]:
    for match in _CLOSE_GLUE.finditer(token):
        mark, right = match.group(1), match.group(2)
        at = offset + match.start(1)
        before = token[max(0, match.start(1) - 20) : match.start(1)]  # a token holds no space
        yield Finding(
            "glued_words",
            at,
            at + len(mark),
            f"no space after '{mark}' in '{before[-20:]}{mark}{right}': two sentences run together",
            "glued.punctuation",
            0.9,
            suggestion=f"{mark} {right}",
            replacement=f"{mark} ",
            apply=True,
        )
    for match in _PUNCT_GLUE.finditer(token):
        left, mark, right = match.groups()
        end = offset + match.end() + len(right)
        if mark == "." and right.islower():
            if right in DOMAIN_ENDINGS or not is_common(right):
                continue
            yield Finding(
                "glued_words",
                offset + match.start(),
                end,
                f"no space after '{mark}' between two words",
                "glued.punctuation",
                0.6,
                suggestion=f"{left}{mark} {right}",
            )
            continue
        if mark in ".!?" and not (is_known(left) or left[0].isupper()):
            continue
        # the edit covers only the mark, so that "Kyiv,Lviv,Odesa" gives two edits that do not overlap
        at = offset + match.start(2)
        yield Finding(
            "glued_words",
            at,
            at + 1,
            f"no space after '{mark}' in '{left}{mark}{right}': two words or sentences run together",
            "glued.punctuation",
            0.9,
            suggestion=f"{left}{mark} {right}",
            replacement=f"{mark} ",
            apply=True,
        )


def _case_glue(token: str, offset: int) -> Iterable[Finding]:
    core = token.strip(_EDGE)
    abbreviation = re.search(r"(?:[A-Z]\.)+[A-Z]$", core)
    if abbreviation and token[token.index(core) + len(core) :].startswith("."):
        core += "."  # keep the full stop of a closing abbreviation ("U.N.")
    if not core or not _CASE_GLUE.search(core) or is_known(core.replace(".", ""), 1.5) or is_known(core, 1.5):
        return
    start = offset + token.index(core)
    for junction in (m.start() for m in _CASE_GLUE.finditer(core)):
        left_match = re.search(r"[A-Za-z]+$", core[:junction])
        right_match = re.match(r"[A-Z][A-Za-z]*(?:\.[A-Z])*\.?", core[junction:])
        if left_match is None or right_match is None:
            continue
        left, right = left_match.group(), right_match.group()
        if len(left) < 3 or left.lower() in NAME_PREFIXES:
            continue
        right_ok = is_common(right.rstrip(".")) or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", right))
        if not (is_common(left) and right_ok):
            continue
        yield Finding(
            "glued_words",
            start,
            start + len(core),
            "two words run together (case change inside a word)",
            "glued.case",
            0.8,
            suggestion=f"{core[:junction]} {core[junction:]}",
        )
        return


def _lowercase_glue(token: str, offset: int) -> Iterable[Finding]:
    core = token.strip(_EDGE)
    if len(core) < 4 or not core.isalpha() or not (core.islower() or core.istitle()):
        return
    split = best_split(core.lower())
    confidence = 0.8
    if split is None and core.islower():
        split, confidence = compound_split(core), 0.5
    if split is not None and core.istitle():
        # a capitalised token is often a rare name: split it only into a frequent word and a pronoun
        # or auxiliary ("Ukrainewe"), never into two pieces of a name
        left, right = split
        if right not in PRONOUNS | AUXILIARIES or zipf(left) < 3.5 or len(left) < 4:
            split = None
        else:
            split = (core[: len(left)], right)
    if split is None:
        return
    left, right = split
    start = offset + token.index(core)
    yield Finding(
        "glued_words",
        start,
        start + len(core),
        "two words run together",
        "glued.split",
        confidence,
        suggestion=f"{left} {right}",
        details={"split": [left, right]},
    )


_NUMBER_WORD = re.compile(r"^(\d[\d,.]*\d|\d)([a-z]{4,})$|^([a-z]{2,})(\d{2,}[\d,.]*)$")


def _number_glue(token: str, offset: int) -> Iterable[Finding]:
    """A number run into a word ("40countries", "since2014"); units and ordinals ("5th", "10km") pass."""
    core = token.strip(_EDGE)
    match = _NUMBER_WORD.match(core)
    if not match:
        return
    if match.group(1):
        left, right = match.group(1), match.group(2)
        if not is_common(right, 3.5):
            return
    else:
        left, right = match.group(3), match.group(4)
        if left not in CLOSED_CLASS:
            return
    start = offset + token.index(core)
    yield Finding(
        "glued_words",
        start,
        start + len(core),
        "a number and a word run together",
        "glued.number",
        0.8,
        suggestion=f"{left} {right}",
    )


def best_split(word: str) -> tuple[str, str] | None:
    """The likeliest two-word reading of a lowercase token, if it is much likelier than the token.

    Web text itself contains some glued pairs ("ofthe"), so a token that is attested is still split
    when both halves are function words or it is far rarer than its halves; an unattested token is
    split when one half is a function word and the other a common word.
    """
    if len(word) > MAX_WORD_LENGTH:
        return None
    own = zipf(word)
    if own >= 3.5:
        return None
    best: tuple[float, tuple[str, str]] | None = None
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        score = min(zipf(left), zipf(right))
        if not _plausible_split(left, right, own, score):
            continue
        if best is None or score > best[0]:
            best = (score, (left, right))
    return best[1] if best else None


# Productive first elements and heads of legitimate closed compounds ("weekslong", "megaproject"):
# two frequent words joined with one of these are usually a compound, not glue.
COMPOUND_PREFIXES = frozenset(
    "anti post over under counter multi cross inter super mega ultra semi mini micro self well ever half "
    "mid non pre pro out back down fore after head hand home life work side".split()
)
COMPOUND_HEADS = frozenset(
    "long wide like based led free old style type related driven backed owned run made maker makers "
    "time times day days year years side wise ward wards less ness ship hood work works man men woman women "
    "line lines field house room land point".split()
)


def compound_split(word: str) -> tuple[str, str] | None:
    """Two frequent content words run together ("militaryaid"), unless the token looks like a compound."""
    if not 8 <= len(word) <= MAX_WORD_LENGTH or zipf(word) > 0:
        return None
    best: tuple[float, tuple[str, str]] | None = None
    for cut in range(4, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if left in COMPOUND_PREFIXES or right in COMPOUND_HEADS:
            continue
        score = min(zipf(left), zipf(right))
        if score >= 4.0 and (best is None or score > best[0]):
            best = (score, (left, right))
    return best[1] if best else None


def _plausible_split(left: str, right: str, own: float, score: float) -> bool:
    both_function = left in FUNCTION_PAIRS and right in FUNCTION_PAIRS
    if both_function:
        return score - own >= 2.5
    if not (left in GLUE_WORDS or right in GLUE_WORDS):
        return False
    content = right if left in GLUE_WORDS else left
    if len(content) < 3 or not is_common(content):
        return False
    return own < 1.0 or (own < 1.5 and score - own >= 3.0)
