"""Candidate rewrites of one flagged span inside its sentence.

Each generator proposes whole sentences that differ from the original only in or right next to the
flagged span, so the language model compares like with like and a bad pick can only damage a few
words. None of them invents content: they split, join, reorder, re-punctuate or swap a word for a
known confusable, or take a suggestion that a detector or grammar checker already made.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.lexicons.confusables import confusable_pairs
from pipeline.text.lexical import FUNCTION_WORDS, match_case, zipf
from pipeline.text.segment import ABBREVIATIONS

MAX_PERMUTED_WORDS = 4
MAX_CANDIDATES = 40

# words MT systems and writers confuse; each maps to the words it is mistaken for
# Frequent pairs the detector leaves to the grammar checkers; as candidates for an already flagged
# sentence they are still worth scoring. The rest come from the curated lexicon the detector uses.
_FREQUENT_CONFUSABLES = (
    ("than", "then"),
    ("its", "it's"),
    ("their", "there"),
    ("whose", "who's"),
    ("passed", "past"),
    ("farther", "further"),
    ("weather", "whether"),
    ("quite", "quiet"),
    ("lay", "lie"),
)
CONFUSABLES: dict[str, tuple[str, ...]] = dict(confusable_pairs())
for _a, _b in _FREQUENT_CONFUSABLES:
    CONFUSABLES[_a] = CONFUSABLES.get(_a, ()) + (_b,)
    CONFUSABLES[_b] = CONFUSABLES.get(_b, ()) + (_a,)

GLUE_SEPARATORS = (" ", ". ", ", ", ": ", "-")  # "-": glued compounds ("weekslong" -> "weeks-long")
_ALPHA_RUN = re.compile(r"[A-Za-z]+")
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PUNCT_GLUE = re.compile(r"(?<=[a-z0-9][.,;:!?])(?=[A-Za-z])")
_CAPITALISED_WORD = re.compile(r"(?<=[A-Za-z0-9,)] )([A-Z][a-z]+)\b")
_BOUNDARY = re.compile(r"([A-Za-z0-9)’'\"”]) ?([.!?]) +([A-Z][a-z]+)")


@dataclass(frozen=True)
class Candidate:
    """A whole rewritten sentence and the generator that proposed it."""

    text: str
    source: str


@dataclass(frozen=True)
class FlagContext:
    """The part of a flag the generators read: span inside the sentence, category, hints."""

    start: int
    end: int
    category: str
    suggestion: str | None = None
    details: dict[str, Any] | None = None
    message: str = ""
    protected: frozenset[str] = frozenset()  # names in the sentence: never recased or respelled

    @property
    def about_word_order(self) -> bool:
        """Whether reordering the span is worth trying: a detector said so, or it is a short run of
        capitalised words in an MT artefact, where calqued name order ("Cross Red International")
        is the common fault. Reordering ordinary words mostly produces nonsense the LM may like."""
        if "word order" in self.message.lower():
            return True
        return self.category == "mt_artefact"


def generate(sentence: str, flag: FlagContext) -> list[Candidate]:
    """Every distinct candidate for ``flag``, first proposer wins, capped at ``MAX_CANDIDATES``."""
    seen = {sentence}
    out: list[Candidate] = []
    for candidate in itertools.chain(
        from_suggestions(sentence, flag),
        glued_splits(sentence, flag.start, flag.end),
        boundary_repairs(sentence, flag.start, flag.end, flag.protected),
        punctuation_fixes(sentence, flag.start, flag.end),
        confusables(sentence, flag.start, flag.end),
        permutations(sentence, flag.start, flag.end) if flag.about_word_order else (),
    ):
        if candidate.text not in seen and candidate.text.strip():
            seen.add(candidate.text)
            out.append(candidate)
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _replace(sentence: str, start: int, end: int, text: str) -> str:
    return sentence[:start] + text + sentence[end:]


def from_suggestions(sentence: str, flag: FlagContext) -> Iterator[Candidate]:
    """The flag's own suggestion and any alternatives a detector or grammar checker listed."""
    details = flag.details or {}
    options: list[str] = []
    if flag.suggestion is not None:
        options.append(flag.suggestion)
    for key in ("suggestions", "replacements", "alternatives"):
        value = details.get(key)
        if isinstance(value, (list, tuple)):
            options.extend(v for v in value if isinstance(v, str))
    if isinstance(details.get("replacement"), str):
        options.append(details["replacement"])
    span = sentence[flag.start : flag.end]
    for option in dict.fromkeys(_same_apostrophes(o, span) for o in options):
        yield Candidate(_replace(sentence, flag.start, flag.end, option), "suggestion")


def _same_apostrophes(option: str, span: str) -> str:
    """A checker's suggestion with the text's own apostrophe: "council ’s" -> "council’s", not
    "council's" (checkers write straight apostrophes; the typography is the publication's)."""
    if "’" in span and "'" not in span:
        return option.replace("'", "’")
    return option


def _split_points(run: str) -> list[tuple[str, str]]:
    """Two-word readings of a glued lowercase run, likeliest first (by the rarer half's frequency)."""
    splits = []
    for cut in range(1, len(run)):
        left, right = run[:cut], run[cut:]
        need_left = 5.0 if len(left) <= 2 else 3.0
        need_right = 5.0 if len(right) <= 2 else 3.0
        score = min(zipf(left), zipf(right))
        if zipf(left) >= need_left and zipf(right) >= need_right:
            splits.append((score, left, right))
    splits.sort(reverse=True)
    return [(left, right) for _, left, right in splits[:3]]


def glued_splits(sentence: str, start: int, end: int) -> Iterator[Candidate]:
    """Split words glued together: "prioritywe", "NewsU.S.", "people.Wolfgang".

    A lowercase run is split where both halves are frequent words and the run itself is not one;
    each split comes with the separators a lost line break usually stood for (space, full stop,
    comma, colon), and the language model picks.
    """
    span = sentence[start:end]
    for match in _ALPHA_RUN.finditer(span):
        run = match.group()
        if len(run) < 4 or not run.islower() or zipf(run) >= 2.0:
            continue
        a, b = start + match.start(), start + match.end()
        for left, right in _split_points(run):
            for separator in GLUE_SEPARATORS:
                second = right[:1].upper() + right[1:] if separator == ". " else right
                yield Candidate(_replace(sentence, a, b, left + separator + second), "glued_split")
    for pattern in (_CAMEL_GLUE, _PUNCT_GLUE):
        for match in pattern.finditer(sentence, max(0, start - 1), min(len(sentence), end + 1)):
            yield Candidate(_replace(sentence, match.start(), match.start(), " "), "glued_split")


def boundary_repairs(
    sentence: str, start: int, end: int, protected: frozenset[str] = frozenset()
) -> Iterator[Candidate]:
    """Repair a lost or spurious sentence boundary inside the span.

    Lost: "in Russia It has" -> "in Russia. It has" / "in Russia it has" / "in Russia, it has".
    Spurious: "the Federation. Attack on" -> "the Federation attack on" / "the Federation's attack on".
    Echoed: "prices will rise, analysts warned. they warned." -> "prices will rise, analysts warned."
    """
    lo, hi = max(0, start - 1), min(len(sentence), end + 1)
    for match in _CAPITALISED_WORD.finditer(sentence, lo, hi):
        word = match.group(1)
        if word in protected or not _starts_a_lost_sentence(sentence, match.start(1), match.end(1)):
            continue
        a = match.start(1)
        before = sentence[:a].rstrip()
        gap = sentence[len(before) : a]
        lower = word[0].lower() + word[1:]
        yield Candidate(before + ". " + sentence[a:], "boundary")
        yield Candidate(before + gap + lower + sentence[match.end(1) :], "boundary")
        yield Candidate(before + ", " + lower + sentence[match.end(1) :], "boundary")
    for match in _BOUNDARY.finditer(sentence, lo, hi):
        word = match.group(3)
        if word in protected or zipf(word.lower()) < 3.5 or _ends_in_abbreviation(sentence[: match.start(2)]):
            continue
        head = sentence[: match.start(2)].rstrip()
        tail = word[0].lower() + word[1:] + sentence[match.end(3) :]
        yield Candidate(head + " " + tail, "boundary")
        yield Candidate(head + ", " + tail, "boundary")
        if match.group(1).isalpha():
            yield Candidate(head + "'s " + tail, "boundary")
    yield from _echo_removals(sentence, lo, hi)


def _starts_a_lost_sentence(sentence: str, start: int, end: int) -> bool:
    """Whether a capitalised word mid-sentence looks like the start of a lost sentence.

    A capitalised function word ("It", "As", "The") always does; another common word does only
    between two lowercase words ("left Thousands of"), because next to capitalised words it is most
    likely part of a name ("the Russian Federation").
    """
    word = sentence[start:end]
    if word.lower() in FUNCTION_WORDS:
        return True
    before = re.search(r"([A-Za-z]+)\W*$", sentence[:start])
    after = re.match(r"\W*([A-Za-z]+)", sentence[end:])
    return (
        zipf(word.lower()) >= 4.0
        and before is not None
        and before.group(1).islower()
        and (after is None or after.group(1).islower())
    )


def _ends_in_abbreviation(text: str) -> bool:
    """Whether the full stop after ``text`` belongs to an abbreviation or initial ("U.S.", "Gen.")."""
    last = re.search(r"([A-Za-z][A-Za-z.]*)$", text)
    return last is not None and (
        len(last.group(1).rstrip(".")) == 1 or "." in last.group(1) or last.group(1).lower() in ABBREVIATIONS
    )


def _echo_removals(sentence: str, lo: int, hi: int) -> Iterator[Candidate]:
    """Drop a short fragment after a full stop that repeats the words right before it."""
    for match in re.finditer(r"([.!?])\s+([^.!?]{1,40}?[.!?])", sentence[lo:hi]):
        fragment_words = re.findall(r"[A-Za-z]+", match.group(2).lower())
        head_words = re.findall(r"[A-Za-z]+", sentence[: lo + match.start(1)].lower())
        if 0 < len(fragment_words) <= 3 and head_words and fragment_words[-1] == head_words[-1]:
            yield Candidate(sentence[: lo + match.start(1) + 1] + sentence[lo + match.end(2) :], "boundary")


_STRAY = (
    (re.compile(r"\s+([.,;:!?])"), r"\1"),  # space before punctuation
    (re.compile(r"([.!?])(\s*[.])(?!\.)"), r"\1"),  # repeated full stop (not an ellipsis)
    (re.compile(r"([,;:])\s*[,;:]"), r"\1"),  # doubled comma-like marks
    (re.compile(r"([.!?])\s+,"), r"\1"),  # a comma stranded after a full stop (not "U.S.,")
)


def punctuation_fixes(sentence: str, start: int, end: int) -> Iterator[Candidate]:
    """Remove stray punctuation at or next to the span: " ." -> ".", ". ." -> ".", ",," -> ","."""
    lo, hi = max(0, start - 2), min(len(sentence), end + 2)
    window = sentence[lo:hi]
    combined = window
    for pattern, replacement in _STRAY:
        for match in pattern.finditer(window):
            fixed = window[: match.start()] + match.expand(replacement) + window[match.end() :]
            if re.search(r"(?<!\.)\.\.(?!\.)", fixed):
                continue  # "northeast. ." must not become "northeast.."
            yield Candidate(sentence[:lo] + fixed + sentence[hi:], "punctuation")
        combined = pattern.sub(replacement, combined)
    if combined != window:
        yield Candidate(sentence[:lo] + combined + sentence[hi:], "punctuation")


def confusables(sentence: str, start: int, end: int) -> Iterator[Candidate]:
    """Swap a word in the span for a word it is commonly confused with (waiver -> waver)."""
    for match in re.finditer(r"[A-Za-z']+", sentence[start:end]):
        word = match.group()
        for option in CONFUSABLES.get(word.lower(), ()):
            a, b = start + match.start(), start + match.end()
            yield Candidate(_replace(sentence, a, b, match_case(option, word)), "confusable")


def permutations(sentence: str, start: int, end: int) -> Iterator[Candidate]:
    """Reorder the words of a short flagged span only ("Cross Red International")."""
    span = sentence[start:end]
    tokens = span.split()
    if not 2 <= len(tokens) <= MAX_PERMUTED_WORDS or not all(t.isalpha() for t in tokens):
        return
    if sum(1 for t in tokens if t[0].isupper()) < 2:
        return
    lead = span[: len(span) - len(span.lstrip())]
    trail = span[len(span.rstrip()) :]
    for order in itertools.permutations(tokens):
        if list(order) != tokens:
            yield Candidate(_replace(sentence, start, end, lead + " ".join(order) + trail), "permutation")


def span_of_change(original: str, candidate: str) -> tuple[int, int, str]:
    """The smallest whole-word region of ``original`` that ``candidate`` replaces, and by what.

    Whole words make the edit readable in the report ("waiver" -> "waver", not "i" -> "").
    """
    prefix = 0
    limit = min(len(original), len(candidate))
    while prefix < limit and original[prefix] == candidate[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and original[len(original) - 1 - suffix] == candidate[len(candidate) - 1 - suffix]:
        suffix += 1
    start, end_o, end_c = prefix, len(original) - suffix, len(candidate) - suffix
    while start > 0 and not original[start - 1].isspace():
        start -= 1
    while end_o < len(original) and not original[end_o].isspace() and end_c < len(candidate):
        end_o += 1
        end_c += 1
    return start, end_o, candidate[start:end_c]
