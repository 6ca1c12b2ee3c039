"""Non-words: a lower-case word that English does not have and cannot build from its own parts.

Neural MT works on subword pieces. What it cannot translate it often spells out in Latin letters (a
Nepali or Sinhala word transliterated, with its case ending still on; a Romanian word kept in its
source spelling), and sometimes it assembles pieces into a string that is no word of either language.
Both leave a word that no English word list has. Such a word is evidence of an error only when it is
not something English prose legitimately contains:

* a name: capitalised, so only lower-case words are read;
* a coinage from English parts: a closed compound ("earbuds"), or a common word with productive
  affixes ("unevidenced", "nanoinfluencers") — :mod:`pipeline.text.word_formation`;
* a common word of a language English news quotes (French, Spanish, Italian, German, Portuguese,
  Dutch, Catalan), a term in quotation marks or brackets (a gloss, a title, a nickname), a species
  epithet after its genus ("Rhododendron x"), or a token of the web (handle, hashtag, address);
* a word in a sentence with other such words next to it: a whole clause in another language is
  :mod:`pipeline.detect.mt.untranslated`'s to flag.

"Unknown" means absent from wordfreq's large English list (Zipf 0: fewer than about one occurrence in
a hundred million words of its sources) and short words (under ``MIN_LETTERS``) are left alone:
abbreviations and units. Measured (benchmarks/mt_structure_eval.py): on MLQE-PE's dev MT, 94% of the
words this flags were changed by the post-editors; on 74 published article bodies it flags about 0.1
per 1,000 words (coinages the word lists lack, and a real typo).

Flags carry no suggestion and ``details["rewrite"]`` is False: only a reviewer with the source can
say what the word should have been. MQM type "Accuracy/Untranslated" (Lommel et al., MQM core
typology): most such words are source words left in transliteration.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.word_qe import word_spans
from pipeline.text.lexical import zipf
from pipeline.text.quotation import CLOSING_MARKS, OPENING_MARKS, QuotationState
from pipeline.text.segment import Span
from pipeline.text.word_formation import (
    dialect_respellings,
    english_derivation,
    foreign_word,
    plausible_compound,
    technical_term,
)

MQM = "Accuracy/Untranslated"
MIN_LETTERS = 4  # "tbd", "kph", "ssh": shorter unknown strings are abbreviations, units and particles
MIN_DIALECT_LETTERS = 7  # shorter words are too easily another word respelt
MAX_LETTERS = 40  # longer runs of letters are no word of any language (glued text, encoded data)
MAX_RUN = 2  # three unknown words in a row are a foreign clause, not stray non-words

_LOWER_LATIN = regex.compile(r"(?V1)^[\p{Ll}&&\p{Script=Latin}]+$")


def unknown_word(word: str) -> bool:
    """Whether lower-case ``word`` is absent from English and not an English coinage or a common
    foreign word (see the module docstring for each test)."""
    return (
        MIN_LETTERS <= len(word) <= MAX_LETTERS
        and zipf(word) == 0.0
        and not plausible_compound(word)
        and not english_derivation(word)
        and not technical_term(word)
        and not (len(word) >= MIN_DIALECT_LETTERS and _other_dialect_spelling(word))
        and not foreign_word(word, 0.0)
    )


def _other_dialect_spelling(word: str) -> bool:
    """Whether ``word`` is the British (or American) spelling of a word English knows ("oesophagitis")."""
    return any(zipf(other) >= 1.5 or english_derivation(other) for other in dialect_respellings(word))


class NonWordDetector(Detector):
    id = "mt.nonword"
    version = "2"

    def settings(self) -> dict[str, int]:
        return {"min_letters": MIN_LETTERS, "max_letters": MAX_LETTERS, "max_run": MAX_RUN}

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        for sentence, quotes in zip(context.sentences, context.quotation_states):
            for start, end, word in self._candidates(sentence, quotes.copy()):
                yield Finding(
                    category="mt_artefact",
                    start=start,
                    end=end,
                    message=(
                        f"'{word}' is not an English word: no word list has it, it is in lower case (not a name), "
                        "and it is no compound or affixed form of English words; a source word left "
                        "untranslated or spelt out, or a word the translation assembled from pieces"
                    ),
                    detector=self.id,
                    confidence=0.6,
                    details={"mqm": MQM, "rewrite": False},
                )

    def _candidates(self, sentence: Span, quotes: QuotationState) -> Iterator[tuple[int, int, str]]:
        """Unknown words of ``sentence``; ``quotes``: the quotation state where it starts (updated)."""
        text = sentence.text
        flagged: list[tuple[int, int, int, str]] = []  # token index, start, end, word
        previous = ""
        for index, (start, end, core_start, core_end) in enumerate(word_spans(text)):
            lead, word, trail = text[start:core_start], text[core_start:core_end], text[core_end:end]
            inside = quotes.inside_after(lead)
            quotes.update(text[start:end])
            genus, previous = _genus(previous), text[start:end]
            if any(c in OPENING_MARKS for c in lead) or any(c in CLOSING_MARKS for c in trail) or inside or genus:
                continue  # a quoted or bracketed term, quoted speech, a species epithet (cheap tests first)
            if not (MIN_LETTERS <= len(word) <= MAX_LETTERS and _LOWER_LATIN.match(word) and unknown_word(word)):
                continue
            flagged.append((index, sentence.start + core_start, sentence.start + core_end, word))
        for group in _adjacent_groups(flagged):
            if len(group) <= MAX_RUN:
                for _, start, end, word in group:
                    yield start, end, word


def _genus(previous: str) -> bool:
    """Whether the token before is a capitalised word ending the way Latin genus names do, so the
    unknown word is the epithet of a binomial ("Ficus benjamina")."""
    return bool(regex.fullmatch(r"\p{Lu}\p{Ll}+(?:us|um|a|is|es|on|ia|ae|ii|ella|opsis|ensis)", previous))


def _adjacent_groups(flagged: list[tuple[int, int, int, str]]) -> Iterator[list[tuple[int, int, int, str]]]:
    """Flagged tokens grouped into runs of consecutive token indices."""
    group: list[tuple[int, int, int, str]] = []
    for item in flagged:
        if group and item[0] != group[-1][0] + 1:
            yield group
            group = []
        group.append(item)
    if group:
        yield group
