"""Guards: the checks a candidate rewrite must pass before it is applied.

Each guard returns a :class:`GuardResult` that goes into the edit's ``details`` whether it passed
or not, so the reviewer sees why a suggestion was held back. The hard guards need no model; the
soft ones compare model scores to thresholds.

The hard guards come from what the rewriter did to clean published text (issue 14, measured with
``benchmarks/rewrite_published.py``): every candidate, whatever flag it answers, keeps

- numbers, dates, months and weekdays (``numbers_dates``);
- names, camel-case brands ("GlowBerry"), words the document capitalises mid-sentence more than
  once, and rare words it uses more than once ("glimmo"), which are also never split (``names``);
- URLs, e-mail addresses, @handles and #hashtags, character for character (``verbatim``);
- every word outside the flagged span, and every content word inside it that does not repeat a
  neighbour: a repair drops echoes and function words ("warned. they warned.", "the their"), never a
  clause (``deletions``);
- the case of a word at a quotation, an ellipsis or mid-sentence: a lower-case word after a closing
  quote continues the sentence ("“We won!” fans shouted"), a capital after an ellipsis starts one,
  and no lower-case word becomes a name mid-sentence (``word_case``); an all-lower-case line
  stays so (``lowercase_line``);
- two sentences, each with a finite verb, where a full stop is put between two words
  (``new_sentences``);
- punctuation inside a quotation, except a doubled mark or a space before a mark
  (``quoted_punctuation``);
- the document's variety and typography: no dialect rule's preference ("afterwards" -> "afterward"),
  no British/American respelling, no hyphen-only respelling of known words, no straight quote for
  a curly one (``variants``). Those are house style, the consistency detector's business.

Spelling flags from a dictionary checker also need a clearly misspelt word (``misspelling``).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from pipeline.rewrite.house_style import hyphen_respellings, is_dialect_rule, other_form_of_word
from pipeline.rewrite.names import CAMEL_CASE_NAME, MONTHS_AND_DAYS, always_capitalised
from pipeline.text.lexical import FUNCTION_WORDS, edit_distance, words
from pipeline.text.shape import WEB_TOKEN

_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")


@dataclass(frozen=True)
class GuardResult:
    name: str
    passed: bool
    value: Any
    threshold: Any = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "name"}


def numbers_and_dates(original: str, candidate: str) -> GuardResult:
    """Every number, month and weekday of the original, and nothing more, in the candidate."""

    def facts(text: str) -> Counter:
        found = Counter(_NUMBER.findall(text))
        found.update(w.lower() for w in words(text) if w.lower() in MONTHS_AND_DAYS)
        return found

    before, after = facts(original), facts(candidate)
    changed = sorted(((before - after) + (after - before)).elements())
    return GuardResult("numbers_dates", not changed, changed)


def names_unchanged(original: str, candidate: str, names: Iterable[str], whole: Iterable[str] = ()) -> GuardResult:
    """Each name keeps its spelling and count; no new capitalised word that was not there before.

    Reordering names is allowed ("Cross Red International" -> "International Red Cross"):
    the calque detector flags name word order precisely because it is wrong. So is splitting a
    glued run, which changes only spaces and punctuation, except for a word that is one name
    however it looks: a camel-case brand ("GlowBerry") or a rare word in ``whole`` (one the document
    uses more than once, "glimmo": glue is an accident and does not repeat), which is neither split
    nor recased.
    """
    protected = set(names)
    kept = set(words(candidate))
    unsplittable = {w for w in protected if CAMEL_CASE_NAME.match(w)} | set(whole)
    split = sorted({w for w in words(original) if w in unsplittable and w not in kept})
    if split:
        return GuardResult("names", False, {"lost": split, "new": [], "whole_word": True})
    if _letters(original) == _letters(candidate):
        # only spaces and punctuation moved ("NewsU.S." -> "News U.S."): no name can be respelled
        return GuardResult("names", True, {"lost": [], "new": [], "respaced_only": True})
    before = Counter(w for w in words(original) if w in protected)
    after_words = words(candidate)
    after = Counter(w for w in after_words if w in protected)
    lost = sorted((before - after).elements())
    known_lower = {w.lower() for w in words(original)}
    invented = sorted({w for w in after_words if w[:1].isupper() and w.lower() not in known_lower})
    return GuardResult("names", not lost and not invented, {"lost": lost, "new": invented})


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def changed_words(original: str, candidate: str, limit: int) -> GuardResult:
    """How many words the candidate replaces, inserts or deletes (punctuation and case are free)."""
    a = [w.lower() for w in words(original)]
    b = [w.lower() for w in words(candidate)]
    if Counter(a) == Counter(b):
        # a reordering: count the words that moved
        count = sum(1 for x, y in zip(a, b) if x != y)
    else:
        count = 0
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag != "equal":
                count += max(i2 - i1, j2 - j1)
    return GuardResult("changed_words", count <= limit, count, limit)


def similarity(value: float, threshold: float) -> GuardResult:
    return GuardResult("similarity", value >= threshold, round(value, 4), threshold)


def lm_gain(value: float, threshold: float) -> GuardResult:
    return GuardResult("lm_gain", value >= threshold, round(value, 3), threshold)


def clearly_misspelt(word: str, replacement: str) -> tuple[bool, str]:
    """Whether ``word`` is clearly a misspelling of ``replacement``, and why (or why not).

    The decision is the grammar stage's :func:`pipeline.grammar.spelling_filter.clearly_misspelt`
    (edit distance, the frequency gap to the correction, no rival suggestion): one place decides
    what is clearly misspelt, so the rewriter and the grammar stage cannot disagree. The rewriter
    holds one candidate, so it is asked with that one suggestion.
    """
    from pipeline.grammar.spelling_filter import clearly_misspelt as grammar_verdict

    verdict = grammar_verdict(word, (replacement,))
    return verdict.clear, verdict.why


def is_dictionary_spelling(category: str, details: dict[str, Any] | None) -> bool:
    """Whether a flag is a dictionary checker's "unknown word" (the kind the misspelling guard is for).

    A grammar checker files some pattern rules under its typo category ("could of" -> "could have",
    "a" -> "an"): those name their fix and are not held to the misspelling test. A spelling flag
    without a rule id comes from one of our detectors and is treated as a dictionary flag."""
    from pipeline.grammar.spelling_filter import DICTIONARY_RULES

    if category != "spelling":
        return False
    rule = str((details or {}).get("rule_id") or "")
    return not rule or rule.startswith(DICTIONARY_RULES + ("HUNSPELL",))


def clear_misspelling(original: str, candidate: str, start: int, end: int) -> GuardResult:
    """A dictionary spelling flag may only lead to an applied change of a word that is clearly misspelt.

    Dictionaries lack many legitimate words (rare, technical, foreign, new compounds such as
    "weekslong" or "drugmaker"), so a spelling flag is a weak signal: the change passes only when
    the candidate changes nothing but the flagged word and :func:`clearly_misspelt` agrees.
    Otherwise the candidate can still be offered as a suggestion.
    """
    word = original[start:end]
    tail = len(original) - end
    replacement = candidate[start : len(candidate) - tail] if len(candidate) >= start + tail else None
    value: dict[str, Any] = {"word": word}
    if (
        replacement is None
        or candidate[:start] != original[:start]
        or candidate[len(candidate) - tail :] != original[end:]
    ):
        return GuardResult("misspelling", False, {**value, "why": "changes words outside the flagged one"})
    value["replacement"] = replacement
    tokens = words(word)
    if len(tokens) != 1 or tokens[0] != word.strip():
        return GuardResult("misspelling", False, {**value, "why": "not a single word"})
    passed, why = clearly_misspelt(word, replacement)
    value["distance"] = edit_distance(word.lower(), replacement.lower())
    return GuardResult("misspelling", passed, {**value, "why": why})


def _verbatim_tokens(text: str) -> Counter:
    return Counter(m.group().rstrip(".,;:!?)]}'’\"”") for m in WEB_TOKEN.finditer(text))


def verbatim(original: str, candidate: str) -> GuardResult:
    """URLs, e-mail addresses, @handles and #hashtags come out character for character: a rewrite
    that capitalises "https://" or splits "example.com" at its full stop breaks a link."""
    changed = sorted((_verbatim_tokens(original) - _verbatim_tokens(candidate)).elements())
    return GuardResult("verbatim", not changed, changed)


_WORD_SPAN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD_SPAN.finditer(text)]


def _aligned(original: str, candidate: str):
    """The words of both texts and difflib's opcodes over them, compared without case."""
    a, b = _word_spans(original), _word_spans(candidate)
    matcher = difflib.SequenceMatcher(a=[w.lower() for w, _, _ in a], b=[w.lower() for w, _, _ in b], autojunk=False)
    return a, b, matcher.get_opcodes()


def removed_words(original: str, candidate: str) -> list[tuple[str, int, int]]:
    """Words of ``original`` that ``candidate`` drops, with their offsets. Respacing ("prioritythe" ->
    "priority the", "open ed" -> "opened", "council ’s" -> "council’s"), recasing, reordering and
    word-for-word replacements drop none; a replacement by fewer words drops those of the old ones
    it does not keep."""
    a, b, opcodes = _aligned(original, candidate)
    lost = Counter(w.lower() for w, _, _ in a) - Counter(w.lower() for w, _, _ in b)  # moved words are kept
    removed: list[tuple[str, int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        old, new = a[i1:i2], [w for w, _, _ in b[j1:j2]]
        if tag == "replace" and (
            i2 - i1 <= j2 - j1 or _letters("".join(w for w, _, _ in old)).lower() == _letters("".join(new)).lower()
        ):
            continue
        if tag in ("delete", "replace"):
            for item in old:
                if lost[item[0].lower()] > 0:
                    lost[item[0].lower()] -= 1
                    removed.append(item)
    return removed


def deletions(original: str, candidate: str, start: int, end: int, redundant: Iterable[str] = ()) -> GuardResult:
    """No word outside the flagged span ``original[start:end]`` is deleted, and no content word inside
    it unless it repeats a word of the sentence: a repair drops an echo ("analysts warned. they
    warned."), a stray function word ("the their", "as in Russia It has") or a doubled word, never a
    clause ("..., the report found it said." -> "..., the report found."). ``redundant``: words the
    flag's detector found repeating what the span already says, which may go too ("year" in "in 2019
    year", "back" in "returned back"; the flag's ``details["redundant_words"]``)."""
    removed = removed_words(original, candidate)
    outside = [w for w, a, b in removed if b <= start or a >= end]
    counts = Counter(w.lower() for w, _, _ in _word_spans(original))
    allowed = {w.lower() for w in redundant}
    unechoed = [
        w
        for w, a, b in removed
        if start < b
        and a < end
        and w.lower() not in FUNCTION_WORDS
        and w.lower() not in allowed
        and counts[w.lower()] < 2
        and w.isalpha()
    ]
    return GuardResult("deletions", not outside and not unechoed, {"outside_flag": outside, "not_echoed": unechoed})


_CLOSING_QUOTE_BEFORE = re.compile(r"\S[”\"’'»]\s+$")
_ELLIPSIS_BEFORE = re.compile(r"(?:…|\.\.\.)\s*$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?…:][”\"’')\]]*\s+|^\W+)$")


def word_case(original: str, candidate: str) -> GuardResult:
    """Case changes a repair may make: none at a quotation, an ellipsis or the middle of a sentence.

    - A lower-case word right after a closing quote continues the sentence ("“Fire!” someone
      yelled"): it stays lower case and no full stop comes between.
    - A capital right after an ellipsis starts a sentence ("… It was"): it stays.
    - A lower-case word in the middle of a sentence is not capitalised ("the north wing of a museum"):
      making a phrase a name is the writer's choice. Words English always capitalises (months,
      weekdays, nationalities and languages, "I") may be, and so may a word the candidate puts at
      a sentence start (after a full stop it adds).
    """
    a, b, opcodes = _aligned(original, candidate)
    problems = []
    for tag, i1, i2, j1, _ in opcodes:
        if tag != "equal":
            continue
        for k in range(i2 - i1):
            word, w_start, _ = a[i1 + k]
            new, n_start, _ = b[j1 + k]
            head, new_head = original[:w_start], candidate[:n_start]
            if word[:1].islower() and _CLOSING_QUOTE_BEFORE.search(head):
                gap = head[len(head.rstrip()) - 1 :]
                new_gap = new_head[len(new_head.rstrip()) - 1 :]
                if new[:1].isupper() or gap.strip() != new_gap.strip():
                    problems.append(word)
            elif word[:1].isupper() and _ELLIPSIS_BEFORE.search(head) and new[:1].islower():
                problems.append(word)
            elif (
                word[:1].islower()
                and new[:1].isupper()
                and not _SENTENCE_START_BEFORE.search(new_head)
                and word.lower() not in always_capitalised()
            ):
                problems.append(word)
    return GuardResult("word_case", not problems, problems)


def _inserted_stop(original: str, candidate: str) -> int | None:
    """Where the candidate puts a new sentence end between two words ("group Medics" ->
    "group. Medics"), as an index into ``candidate``; None when it adds none."""
    if len(re.findall(r"[.!?]", candidate)) <= len(re.findall(r"[.!?]", original)):
        return None
    prefix = 0
    while prefix < min(len(original), len(candidate)) and original[prefix] == candidate[prefix]:
        prefix += 1
    for match in re.finditer(r"[.!?][”\"’')]*\s+[“\"‘(]*[A-Z]", candidate[max(0, prefix - 1) :]):
        return max(0, prefix - 1) + match.start()
    return None


def new_sentences_have_verbs(original: str, candidate: str) -> GuardResult:
    """A full stop put between two words must leave two sentences, each with a verb (a finite one, or
    one that heads the sentence, since the tagger reads some finite verbs as participles): a lost
    boundary joined two clauses ("cleared by noon They reopened"), while a capital inside a
    sentence is often a name ("nurses from a newly founded group Medics for Rural Clinics")."""
    at = _inserted_stop(original, candidate)
    if at is None:
        return GuardResult("new_sentences", True, None)
    from pipeline.detect.broken.syntax import FINITE_TAGS
    from pipeline.text.nlp import parse_paragraph

    left = re.split(r"(?<=[.!?])\s+", candidate[: at + 1].strip())[-1]
    right = re.split(r"(?<=[.!?])[”\"’')]*\s+", candidate[at + 1 :].strip())[0]
    verbless = [
        part
        for part in (left, right)
        if not any(
            t.tag_ in FINITE_TAGS or (t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")) for t in parse_paragraph(part)
        )
    ]
    return GuardResult("new_sentences", not verbless, verbless)


def lowercase_line(original: str, candidate: str, line_is_lowercase: bool) -> GuardResult:
    """A line written wholly in lower case is a style (a tagline, a stylised heading): no capital is added."""
    added = sum(c.isupper() for c in candidate) - sum(c.isupper() for c in original)
    return GuardResult("lowercase_line", not (line_is_lowercase and added > 0), {"capitals_added": max(added, 0)})


_PUNCTUATION_MARKS = ".,;:!?"


def _quoted_marks(text: str) -> list[str]:
    """The punctuation marks inside quotations ("…" or straight pairs), runs of one mark as one,
    spaces ignored: "!" stays "!", ",," and ". ." count as one mark."""
    marks: list[str] = []
    inside = False
    for char in text:
        if char == "“" or (char == '"' and not inside):
            inside = True
            marks.append("|")
        elif char in '”"' and inside:
            inside = False
        elif inside and char in _PUNCTUATION_MARKS and (not marks or marks[-1] != char):
            marks.append(char)
    return marks


def quoted_punctuation(original: str, candidate: str) -> GuardResult:
    """Punctuation inside a quotation is the speaker's: no mark there is replaced or dropped ("!" ->
    ","), though a doubled mark may become one and a space before a mark may go."""
    before, after = _quoted_marks(original), _quoted_marks(candidate)
    return GuardResult("quoted_punctuation", before == after, {"before": "".join(before), "after": "".join(after)})


def variants(original: str, candidate: str, details: dict[str, Any] | None = None) -> GuardResult:
    """No change of variety or house style: a dialect rule's preference, a British/American or
    hyphen-only respelling of a word ("defence" -> "defense", "co-operate" -> "cooperate"), or a
    straight apostrophe or quote for a curly one. Both forms are correct; which one a publication
    uses is its choice, and mixing them is for the consistency detector to report."""
    reasons = []
    if is_dialect_rule(details):
        reasons.append(f"dialect rule {(details or {}).get('rule_id')}")
    a, b, opcodes = _aligned(original, candidate)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace" and i2 - i1 == j2 - j1:
            for (old, _, _), (new, _, _) in zip(a[i1:i2], b[j1:j2]):
                if other_form_of_word(old, new):
                    reasons.append(f"{old} -> {new}")
    if len(re.findall(r"\S+", original)) == len(re.findall(r"\S+", candidate)):
        reasons.extend(hyphen_respellings(original, candidate))
    straight_before = sum(original.count(c) for c in "'\"")
    straight_after = sum(candidate.count(c) for c in "'\"")
    curly_before = sum(original.count(c) for c in "‘’“”")
    curly_after = sum(candidate.count(c) for c in "‘’“”")
    if (straight_after > straight_before and curly_after < curly_before) or (
        curly_after > curly_before and straight_after < straight_before
    ):
        reasons.append("quote style")
    return GuardResult("variants", not reasons, reasons)


def hard_guards(
    original: str,
    candidate: str,
    names: Iterable[str],
    max_changed_words: int,
    *,
    whole: Iterable[str] = (),
    span: tuple[int, int] | None = None,
    details: dict[str, Any] | None = None,
    line_is_lowercase: bool = False,
) -> list[GuardResult]:
    """The guards that need no model, cheap enough to run on every candidate of every flag.

    ``span`` is the flagged span inside ``original`` (the whole sentence when not given), ``details``
    the flag's details (its grammar rule, if any), ``whole`` words never split or recased,
    ``line_is_lowercase`` whether the sentence's line has no capital letter at all."""
    start, end = span if span is not None else (0, len(original))
    return [
        numbers_and_dates(original, candidate),
        names_unchanged(original, candidate, names, whole),
        changed_words(original, candidate, max_changed_words),
        verbatim(original, candidate),
        deletions(original, candidate, start, end, (details or {}).get("redundant_words", ())),
        word_case(original, candidate),
        new_sentences_have_verbs(original, candidate),
        lowercase_line(original, candidate, line_is_lowercase),
        quoted_punctuation(original, candidate),
        variants(original, candidate, details),
    ]
