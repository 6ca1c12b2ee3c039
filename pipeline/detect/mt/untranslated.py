"""Untranslated text: words in another script, and clauses in another language, inside English text.

Neural MT copies what it cannot translate: a rare word or a name stays in Han, Cyrillic or Sinhala
script, a quoted phrase or a whole clause stays in the source language, and a system with a closed
vocabulary writes its unknown-word token instead of the word (Luong et al. 2015, "Addressing the rare
word problem in neural machine translation"; OpenNMT and fairseq spell it ``<unk>``). Three checks:

* **Placeholder.** ``<unk>`` as the system wrote it, or spaced out by a detokeniser (``< unk >``,
  ``&lt;unk&gt;``): a source word is missing there. A run of them is one flag.

* **Script.** A run of letters whose Unicode script (``regex``'s ``\\p{Script=...}``) is neither
  Latin nor Common/Inherited is foreign text. A transliterated or accented name ("Xi Jinping",
  "Łukasz", "Bălți") is Latin script and never counts. Left alone as deliberate: a run in brackets or
  quotation marks (a gloss, "the dance (花前態舞)"), a short gloss set off by commas or dashes
  ("the work, ἔργον, the"), and a single Greek letter (a symbol: "β-blocker", "π").
* **Language.** A clause in another Latin-script language ("... que la situación es muy grave").
  Capitalised words are names and say nothing; a sentence is a candidate only when at least three of
  its lower-case words are rare in English (wordfreq Zipf < 3) and they are at least 30% of its
  lower-case words. A language identifier (``lingua-language-detector``, offline, its Latin-script
  languages in low-accuracy mode, loaded on the first candidate) names the likeliest language of
  those words; each word then counts as foreign when it is at least ten times more frequent in that
  language than in English (wordfreq), or when English does not know it (Zipf < 1.5, also for
  languages wordfreq has no list for), and as English when the reverse holds. A run of at least three
  foreign words with no English word between them, which the identifier also does not read as
  English, is flagged. One foreign word in an English sentence, a quoted title, a run in brackets and
  a comma-separated list of terms ("koodoos, duikers, kongons": names of things) are not. English
  sentences short of grammar words (fewer than 15% of their lower-case words) are examined too,
  because French and Spanish function words ("la", "que", "est") are frequent enough in English
  word lists to hide a whole foreign sentence from the rarity test.

Flags carry no suggestion and ``details["rewrite"]`` is False: the rewriter must make no change on
account of them (it cannot translate). MQM type: "Accuracy/Untranslated".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import regex

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.text.lexical import FUNCTION_WORDS, WORD, zipf
from pipeline.text.quotation import CLOSING_MARKS, OPENING_MARKS
from pipeline.text.segment import Span

MQM = "Accuracy/Untranslated"

# a letter of a script other than Latin (Common and Inherited cover digits, punctuation and marks)
_FOREIGN_LETTER = r"[\p{L}--[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]]"
_FOREIGN_WORD = rf"{_FOREIGN_LETTER}[[\p{{L}}\p{{M}}]--\p{{Script=Latin}}]*"
# foreign words with only spaces and punctuation (no Latin letter, no digit) between them
_FOREIGN_RUN = regex.compile(rf"(?V1){_FOREIGN_WORD}(?:[^\p{{L}}\p{{N}}\n]{{0,3}}{_FOREIGN_WORD})*")
_SCRIPTS = (
    "Han",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Cyrillic",
    "Greek",
    "Arabic",
    "Hebrew",
    "Devanagari",
    "Bengali",
    "Sinhala",
    "Tamil",
    "Thai",
    "Georgian",
    "Armenian",
)
# the unknown-word token of closed-vocabulary MT, as written or spaced by a detokeniser; runs of them
_PLACEHOLDER = r"(?:<\s?unk\s?>|&lt;\s?unk\s?&gt;)"
_PLACEHOLDER_RUN = re.compile(rf"{_PLACEHOLDER}(?:\s*{_PLACEHOLDER})*", re.IGNORECASE)
_SET_OFF = ",;:–—-"
# a chunk that is an address, a handle, a hashtag or code: its words are not prose
# a token that is not prose (web address, handle, hashtag, code); searched token by token, as
# r"\S*(?:marker)\S*" over the text would retry every start of a long run of non-space characters
_NOT_PROSE_MARKER = re.compile(r"://|www\.|@|#|_|=|\.(?:com|org|net|html?|php)\b|/\w")


def _not_prose_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each whitespace-delimited token holding a :data:`_NOT_PROSE_MARKER`, in order."""
    return [m.span() for m in re.finditer(r"\S+", text) if _NOT_PROSE_MARKER.search(m.group())]


# wordfreq's languages (its "best" lists), by ISO 639-1 code
_WORDFREQ = frozenset(
    "ar bg bn ca cs da de el es fa fi fil fr he hi hu id is it ja ko lt lv mk ms nb nl pl pt ro ru sh sk sl sv ta tr "
    "uk ur vi zh".split()
)
_WORDFREQ_ALIAS = {"hr": "sh", "bs": "sh", "sr": "sh", "tl": "fil", "nn": "nb"}

MIN_RARE = 3  # lower-case words rare in English before a sentence is examined
MIN_RARE_SHARE = 0.3
MIN_FOREIGN_RUN = 3
MAX_FUNCTION_SHARE = 0.15


def script_of(text: str) -> str:
    for name in _SCRIPTS:
        if regex.search(rf"\p{{Script={name}}}", text):
            return name
    return "non-Latin"


@lru_cache(maxsize=1)
def language_detector() -> Any:
    """Lingua's detector for the Latin-script languages (low-accuracy mode: trigram models only,
    loaded lazily per language, a few seconds in all); None when the package is missing."""
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - optional dependency
        return None
    return LanguageDetectorBuilder.from_all_languages_with_latin_script().with_low_accuracy_mode().build()


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits inside brackets or quotation marks (spaces allowed)."""
    before = text[:start].rstrip()
    after = text[end:].lstrip().lstrip(".,!?;:…")
    return bool(before) and before[-1] in OPENING_MARKS and bool(after) and after[0] in CLOSING_MARKS


def _set_off(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is set off by commas or dashes on both sides, after a Latin word."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if not before or before[-1] not in _SET_OFF or not after or after[0] not in _SET_OFF + ".":
        return False
    return bool(regex.search(r"\p{Script=Latin}", before[-40:]))


class UntranslatedTextDetector(Detector):
    id = "mt.untranslated"
    version = "1"

    def settings(self) -> dict[str, Any]:
        return {"min_rare": MIN_RARE, "min_rare_share": MIN_RARE_SHARE, "min_foreign_run": MIN_FOREIGN_RUN}

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        for run in _FOREIGN_RUN.finditer(text):
            found = self._script_finding(text, run.start(), run.end())
            if found is not None:
                yield found
        for run in _PLACEHOLDER_RUN.finditer(text):
            yield Finding(
                category="mt_artefact",
                start=run.start(),
                end=run.end(),
                message="the translation system's unknown-word token: a source word it could not translate is missing here",
                detector=self.id,
                confidence=0.9,
                details={"mqm": MQM, "rewrite": False, "placeholder": True},
            )
        for sentence in context.sentences:
            yield from self._language_findings(sentence)

    # ------------------------------------------------------------------ script
    def _script_finding(self, text: str, start: int, end: int) -> Finding | None:
        span = text[start:end]
        foreign_words = regex.findall(rf"(?V1){_FOREIGN_WORD}", span)
        if len(foreign_words) == 1 and len(span) == 1 and regex.match(r"\p{Script=Greek}", span):
            return None  # a Greek letter is a symbol in English text
        if _enclosed(text, start, end):
            return None
        if len(foreign_words) <= 3 and _set_off(text, start, end):
            return None
        script = script_of(span)
        return Finding(
            category="mt_artefact",
            start=start,
            end=end,
            message=f"untranslated text in {script} script left in English text",
            detector=self.id,
            confidence=0.8,
            details={"mqm": MQM, "rewrite": False, "script": script},
        )

    # ---------------------------------------------------------------- language
    def _language_findings(self, sentence: Span) -> Iterator[Finding]:
        text = sentence.text
        masked = _not_prose_spans(text)  # sorted, not overlapping
        starts = [a for a, _ in masked]

        def is_masked(position: int) -> bool:
            k = bisect_right(starts, position) - 1
            return k >= 0 and position < masked[k][1]

        tokens = [m for m in WORD.finditer(text) if m.group()[0].isalpha() and not is_masked(m.start())]
        lower = [m.group() for m in tokens if m.group()[0].islower()]
        rare = [w for w in lower if zipf(w) < 3.0]
        grammar = sum(1 for w in lower if w in FUNCTION_WORDS)
        unusual = len(rare) >= MIN_RARE and len(rare) >= MIN_RARE_SHARE * len(lower)
        # English prose is about half function words; French or Spanish ones ("la", "que") are
        # frequent enough in English lists that only their lack of English grammar words shows
        ungrammatical = len(lower) >= 4 and grammar <= MAX_FUNCTION_SHARE * len(lower)
        if not unusual and not ungrammatical:
            return
        detector = language_detector()
        if detector is None:
            return
        language = detector.detect_language_of(" ".join(rare if unusual else lower))
        if language is None or language.name == "ENGLISH":
            return
        code = language.iso_code_639_1.name.lower()
        code = _WORDFREQ_ALIAS.get(code, code)
        # each token: +1 foreign, -1 English, 0 neutral (names, words both languages share)
        marks: list[int] = []
        for m in tokens:
            word = m.group()
            if not word[0].islower():
                marks.append(0)
                continue
            english = zipf(word)
            foreign = zipf(word, code) if code in _WORDFREQ else 0.0
            if english < 1.5 or foreign >= english + 1.0:
                marks.append(1)
            elif english >= 3.0 and english >= foreign + 1.0:
                marks.append(-1)
            else:
                marks.append(0)
        for first, last in _runs(marks):
            foreign_count = sum(1 for k in range(first, last + 1) if marks[k] == 1)
            if foreign_count < MIN_FOREIGN_RUN:
                continue
            start, end = tokens[first].start(), tokens[last].end()
            if _enclosed(text, start, end):
                continue
            gaps = [text[tokens[k].end() : tokens[k + 1].start()] for k in range(first, last)]
            if sum("," in gap for gap in gaps) * 2 >= len(gaps):
                continue  # a list of terms ("koodoos, duikers, kongons"): names of things, not a clause
            values = detector.compute_language_confidence_values(text[start:end])
            top = values[0] if values else None
            english_confidence = next((v.value for v in values if v.language.name == "ENGLISH"), 0.0)
            if top is None or top.language.name == "ENGLISH" or english_confidence >= 0.2:
                continue
            name = top.language.name.title()
            whole = first == 0 and last == len(tokens) - 1
            yield Finding(
                category="mt_artefact",
                start=sentence.start + start,
                end=sentence.start + end,
                message=f"untranslated {'sentence' if whole else 'clause'}: this reads as {name}, not English",
                detector=self.id,
                confidence=0.7,
                details={"mqm": MQM, "rewrite": False, "language": name},
            )


def _runs(marks: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) token index of each maximal run without an English word that starts and ends
    on a foreign word."""
    first = None
    last = None
    for k, mark in enumerate(marks + [-1]):
        if mark == -1:
            if first is not None and last is not None:
                yield first, last
            first = last = None
        elif mark == 1:
            if first is None:
                first = k
            last = k
