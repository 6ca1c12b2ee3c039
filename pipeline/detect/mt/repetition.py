"""Translation loops: a phrase of up to four words, or a word three times, repeated straight after itself.

Neural MT sometimes falls into a loop and emits the same piece again and again ("prayers for the
prayers for the prayers for the dead"): a known failure of autoregressive decoders (Holtzman et al.
2020, "The curious case of neural text degeneration"; Raunak, Menezes & Junczys-Dowmunt 2021 call
the MT case oscillatory hallucination). A human writer repeats words on purpose only in a few fixed
ways, which are left alone:

* with punctuation between or inside the copies: rhetoric and lists ("very, very difficult",
  "prioritize, prioritize, prioritize", "possession of cocaine, possession of heroin"), a new
  sentence picking up the last word ("victims of tariffs. Tariffs on ..."), a label ("A: A Fistful
  of Dollars"), a quoted title after an article ("the 'The Hobbit' films"). Copies separated by
  commas alone are a loop only when the piece is a fragment no speaker repeats for effect: two to
  four words opened by a determiner, preposition or conjunction ("or a new start, or a new start,
  or a new start"), three times or more, or twice for a prepositional phrase whose second copy
  closes the clause ("in Brussels, in Brussels, ministers met"; "from January, from January."). Chants, slogans and emphasis repeat words or whole clauses
  ("goal, goal, goal, goal", "thank you, thank you, thank you", "lock them up, lock them up"): a
  helper's probe of such English found 25 of 41 sentences flagged when any piece counted;
* a single word written twice: English doubles some ("had had", "that that"), names repeat a
  syllable ("Ling Ling"), and a word typed twice by mistake ("on on") is the grammar checkers'
  duplication, which they fix;
* inside quotation marks: quoted speech, lyrics and chants ("Ole, ole, ole");
* up to four copies standing alone between punctuation: an exclamation ("Ha ha ha!", "Go go go.");
* numbers, which :mod:`pipeline.detect.mt.numbers` reads.

Measured (benchmarks/mt_structure_eval.py): on MLQE-PE's dev MT nearly all words in such loops were
deleted or changed by the post-editors; the published article bodies have about one in 50,000
words (a transcript's doubled "he said").

One flag covers the piece and all its copies, as the grammar checkers mark a doubled word: which copy
is the extra one is arbitrary, and the piece itself is often a mistranslation. It carries no
suggestion and ``details["rewrite"]`` is False (the reviewer deletes); a grammar checker's
duplication fix on the same words joins it. MQM type "Fluency/Duplication" (Lommel et al., MQM core
typology: content repeated improperly).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.word_qe import PUNCTUATION
from pipeline.text.lexical import COORDINATORS, DETERMINERS, PREPOSITIONS
from pipeline.text.quotation import OPENING_MARKS, QuotationState
from pipeline.text.segment import Span

MQM = "Fluency/Duplication"
MAX_PHRASE = 4  # longest repeated piece looked for, in words
MAX_STANDALONE = 4  # up to this many copies standing alone between punctuation are an exclamation
MIN_COMMA_COPIES = 3  # comma-separated copies of a fragment (see FRAGMENT_OPENERS) that make a loop
# a prepositional phrase is a loop from its second copy when that copy closes the clause: rhetoric
# repeats words and clauses, not adverbials ("from January, from January.")
MIN_PREPOSITIONAL_COPIES = 2
# a comma loop's piece must open with one of these: MT loops repeat fragments ("of the village"),
# rhetoric repeats words and clauses
FRAGMENT_OPENERS = DETERMINERS | PREPOSITIONS | COORDINATORS

_TOKEN = re.compile(r"\S+")
_EDGES = PUNCTUATION + "„‚‹›¿¡<>"  # "< unk >": the unknown-word token is mt.untranslated's
_SEPARATED = re.compile(r"[,.;:!?…)\]\"”’'»–—-]$")


def _inside_quotation(tokens: list[str], state: QuotationState) -> list[bool]:
    """Per token, whether its word is inside a quotation (one pass from ``state``, which it updates)."""
    inside = []
    for token in tokens:
        lead = token[: len(token) - len(token.lstrip(OPENING_MARKS))]
        inside.append(state.inside_after(lead))
        state.update(token)
    return inside


def _stands_alone(tokens: list[str], start: int, end: int) -> bool:
    """Whether ``tokens[start:end]`` has punctuation or the sentence's edge on both sides."""
    before = start == 0 or bool(_SEPARATED.search(tokens[start - 1])) or tokens[start][0] in OPENING_MARKS
    after = end == len(tokens) or bool(_SEPARATED.search(tokens[end - 1]))
    return before and after


def _unit(token: str) -> str:
    """A token compared for repetition: lower case, without the punctuation around it."""
    return token.strip(_EDGES).lower()


def repeats(tokens: list[str], quotes: QuotationState | None = None) -> list[tuple[int, int, int]]:
    """``(first, end, size)`` per loop: tokens ``first:end`` are the extra copies of the
    ``size``-word piece just before ``first``. Loops do not overlap; a longer piece repeated wins
    over the single words inside it only when it starts earlier. ``quotes``: the quotation state
    where the tokens start (a sentence inside a quoted passage), none open by default."""
    units = [_unit(t) for t in tokens]
    quoted = _inside_quotation(tokens, quotes or QuotationState())
    loops: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for start in range(1, len(tokens)):
        if start in taken:
            continue
        for size in range(1, MAX_PHRASE + 1):
            if start < size or start + size > len(tokens):
                break
            piece = units[start - size : start]
            if units[start : start + size] != piece or not all(piece):
                continue
            if any(ch.isdigit() for word in piece for ch in word):
                continue
            if any(_SEPARATED.search(t) for t in tokens[start - size : start + size - 1]):
                continue  # punctuation between or inside the copies: rhetoric, a list, a new sentence
            if tokens[start][0] in OPENING_MARKS:
                continue  # a quotation or title starting with the same word ("the 'The Hobbit'")
            end = start + size
            while (
                end + size <= len(tokens)
                and units[end : end + size] == piece
                and not _SEPARATED.search(tokens[end - 1])
            ):
                end += size
            if quoted[start - size]:
                continue  # quoted speech, lyrics and chants keep their repetitions
            if end - start + size <= MAX_STANDALONE * size and _stands_alone(tokens, start - size, end):
                continue  # an exclamation or a chant between punctuation: "Ha ha ha!", "Go go go."
            if size == 1 and end - start == 1:
                # "the the" is the grammar checkers' duplication (with its automatic fix), "had had"
                # English, "Ling Ling" a name; three copies or more of a word are a loop
                continue
            loops.append((start, end, size))
            taken.update(range(start, end))
            break
    return _without_overlaps(loops + _comma_repeats(tokens, units, quoted))


def _comma_repeats(tokens: list[str], units: list[str], quoted: list[bool]) -> list[tuple[int, int, int]]:
    """Loops whose copies are separated by a comma and nothing else, as :func:`repeats` gives them:
    a fragment of two words or more (opened by one of ``FRAGMENT_OPENERS``), ``MIN_COMMA_COPIES``
    times or more."""
    loops: list[tuple[int, int, int]] = []
    first = 0
    while first < len(tokens):
        found = None
        for size in range(2, MAX_PHRASE + 1) if units[first] in FRAGMENT_OPENERS else ():
            if first + size > len(tokens) or not tokens[first + size - 1].endswith(","):
                continue  # the first copy must end with a comma: most positions stop here
            end = _comma_run_end(tokens, units, first, size)
            copies = (end - first) // size
            if copies >= _least_copies(tokens, units[first], end) and not quoted[first]:
                if not (copies <= MAX_STANDALONE and _stands_alone(tokens, first, end)):
                    found = (first + size, end, size)
                    break
        if found is None:
            first += 1
            continue
        loops.append(found)
        first = found[1]
    return loops


def _least_copies(tokens: list[str], opener: str, end: int) -> int:
    """How many comma-separated copies make a loop of a fragment opened by ``opener`` whose last copy
    ends before ``tokens[end]``: two for a prepositional phrase whose last copy closes a clause
    (punctuation or the sentence's end after it), else ``MIN_COMMA_COPIES``."""
    closes = end == len(tokens) or bool(_SEPARATED.search(tokens[end - 1]))
    return MIN_PREPOSITIONAL_COPIES if opener in PREPOSITIONS and closes else MIN_COMMA_COPIES


def _comma_run_end(tokens: list[str], units: list[str], first: int, size: int) -> int:
    """End of the run of ``size``-word copies starting at ``first``, each but the last closed by a comma."""
    piece = units[first : first + size]
    if len(piece) < size or not all(piece) or any(ch.isdigit() for word in piece for ch in word):
        return first
    if tokens[first][0] in OPENING_MARKS:
        return first
    end = first
    while end + size <= len(tokens) and units[end : end + size] == piece:
        inner = tokens[end : end + size - 1]
        if any(_SEPARATED.search(t) for t in inner) or (end > first and tokens[end][0] in OPENING_MARKS):
            break
        end += size
        if not tokens[end - 1].endswith(","):
            break
    return end


def _without_overlaps(loops: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The loops in text order, dropping any that overlaps one found earlier in the text."""
    kept: list[tuple[int, int, int]] = []
    for loop in sorted(loops, key=lambda loop: (loop[0] - loop[2], -loop[1])):
        if kept and loop[0] - loop[2] < kept[-1][1]:
            continue
        kept.append(loop)
    return kept


class RepetitionDetector(Detector):
    id = "mt.repetition"
    version = "4"  # 4: two copies of a prepositional phrase that closes a clause

    def settings(self) -> dict[str, int]:
        return {"max_phrase": MAX_PHRASE}

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        for sentence, quotes in zip(context.sentences, context.quotation_states):
            yield from self._loops(context.text, sentence, quotes.copy())

    def _loops(self, text: str, sentence: Span, quotes: QuotationState) -> Iterator[Finding]:
        matches = list(_TOKEN.finditer(text, sentence.start, sentence.end))
        tokens = [m.group() for m in matches]
        for first, end, size in repeats(tokens, quotes):
            piece = " ".join(_unit(t) for t in tokens[first - size : first])
            copies = (end - first) // size
            times = "once more" if copies == 1 else f"{copies} more times"
            start_char, end_char = matches[first - size].start(), matches[end - 1].end()
            # the punctuation around the loop belongs to the sentence
            start_char += len(tokens[first - size]) - len(tokens[first - size].lstrip(OPENING_MARKS))
            end_char -= len(tokens[end - 1]) - len(tokens[end - 1].rstrip(".,;:!?…\"”’')]"))
            yield Finding(
                category="mt_artefact",
                start=start_char,
                end=end_char,
                message=f"'{piece}' repeated {times} straight after itself: a translation loop (delete the extra copies)",
                detector=self.id,
                confidence=0.8,
                details={"mqm": MQM, "rewrite": False, "piece": piece, "copies": copies},
            )
