"""Paragraphs and sentences with character offsets into the text they came from.

Rule-based on purpose. Measured against pySBD 0.3.4, spaCy's parser (``doc.sents``) and spaCy's
``sentencizer`` on hand-written golds of broken news sentences (``tests/data/sentence_gold.jsonl``,
``tests/data/sentence_heldout.jsonl``), on real article bodies and MT output, and on the
pathological inputs of issue 12 (``benchmarks/segment_eval.py``; tables in ``benchmarks/README.md``):

* boundary F1: these rules 0.901 on the development gold (108 cases, in-sample) and 0.921 on a
  held-out gold (50 cases); spaCy parser 0.783 / 0.800, pySBD 0.710 / 0.717, sentencizer
  0.690 / 0.677, the previous rules 0.672 / 0.632;
* hand-read disagreements on real text: right on 40 of 40 against the previous rules (articles),
  on 32 of 39 against the spaCy parser and on 52 of 54 against pySBD. pySBD never splits inside a
  quotation and splits closing quotes off; the parser moves the quote of a glued sentence
  (``"severe."Several``) into the next sentence and splits before nouns and after colons;
* cost: linear on every issue-12 shape (4x input, about 4x time), about 1-2 M chars/s. The previous
  rules were quadratic on "Mr. " x 50,000 and on ``x!!...!x``; pySBD is quadratic on the former
  (its offset search), about 50x slower, and last released in 2021; spaCy's tokenizer is quadratic
  on runs of "!" or quotes, crashes above ``max_length`` (1,000,000 chars), and the parser runs at
  8-19 K chars/s.

Each non-blank line of a scraped article is a paragraph. A sentence ends at ``.!?…`` (optionally
followed by closing quotes or brackets) before whitespace, or before a capitalised word glued to it
(``in 2022.The``, ``said.He``, ``"severe."Several`` -- a scraping artefact), except where the
full stop belongs to an abbreviation, an initial, a list number or a URL, where an ellipsis runs
on in lower case, or where a quotation that ends in ``!``/``?`` runs on in lower case
(``"We won!" she said.``). A spurious full stop inside a clause (machine translation) and a
missing full stop before a capitalised sentence are *not* repaired here: they need meaning, no
splitter tested gets them, and the broken-sentence detectors flag them on these spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["ABBREVIATIONS", "Span", "paragraphs", "sentences"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lower-case abbreviations (without their final full stop) after which a full stop does not end
#: a sentence -- unless the abbreviation may end one and a sentence starter follows (see below).
ABBREVIATIONS = _words(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep sr jr st mt ft no vs etc inc ltd co "
    "corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u a.m p.m e.g i.e approx "
    "dept est fig op pres rev gens reps sens messrs vol "
    # US state and street abbreviations of datelines and addresses ("HAYWARD, Calif. (AP) --"),
    # only those that are not also English words (not "Ill.", "Mass.", "Wash.", "Miss.")
    "ala ariz calif colo conn fla kan kans ky mich minn mont neb nebr nev okla tenn tex wis wisc wyo "
    "ave blvd"
)

#: Abbreviations that never end a sentence: titles before a name, and Latin/short forms inside one.
_NEVER_FINAL = _words(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st mt ft pres rev gens reps sens "
    "messrs vs e.g i.e approx"
)

#: Abbreviations that stand before a number ("No. 10", "Fig. 3"): not a boundary before a digit.
_BEFORE_NUMBER = _words("no fig op vol jan feb mar apr jun jul aug sep sept oct nov dec")

#: Capitalised function words that start sentences but rarely follow an abbreviation inside one:
#: after "U.S." / "a.m." / "Inc." / "etc." / an initial ("Plan B.") they mark a boundary.
_STARTERS = _words(
    "The A An It Its He She They We I His Her Their Our This That These Those There But And However "
    "In On At After Before Since If When While Some Many Most Both All"
)

_CLOSERS = "\"”’')\\]»"
#: Verbs of saying: "“Who will pay?” Moreno asked." is one sentence.
_SPEECH_VERBS = _words(
    "said says asked asks added told tells wrote writes shouted replied recalled explained insisted warned"
)
# A whole run of terminators and closers (it starts where the run starts and takes all of it, so a
# run of 100,000 "!" is read once, not retried from each of its characters), then whitespace, the
# end, or a capitalised word glued on.
_SENTENCE_END = re.compile(rf"(?<![.!?…])[.!?…]++[{_CLOSERS}]*+(?=\s|$|[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORDS = re.compile(r"\s*(\S{0,40})\s*(\S{0,40})")
_LEADING_WORD = re.compile(r"[“\"‘'(\[]*([A-Za-z]+)")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "j.j", "w.m", "n.y": initials and short forms
_LIST_NUMBER = re.compile(r"[\s•\-–—*(]*(?:\d{1,3}|[A-Za-z])$")
_LOOK = 64  # every look-behind/ahead is bounded: linear time on any input (issue 12)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped of surrounding whitespace, with offsets."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append(Span(start, start + len(stripped), stripped))
    return spans


def sentences(text: str, paragraph: Span | None = None) -> list[Span]:
    """Sentences of ``paragraph`` (or of every paragraph of ``text``), offsets into ``text``.

    The spans cover every non-blank character of the paragraph exactly once, in order.
    """
    if paragraph is None:
        return [s for p in paragraphs(text) for s in sentences(text, p)]
    spans: list[Span] = []
    start = paragraph.start
    for end in _sentence_ends(paragraph.text):
        _append(spans, text, start, paragraph.start + end)
        start = paragraph.start + end
    _append(spans, text, start, paragraph.end)
    return spans


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped), stripped))


def _sentence_ends(paragraph: str) -> Iterator[int]:
    """Offsets (into ``paragraph``) where a sentence ends; the paragraph's own end is implied."""
    sentence_start = 0
    last = len(paragraph.rstrip())
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if end >= last:
            continue  # the paragraph's own end closes its last sentence
        if _is_boundary(paragraph, match, sentence_start):
            sentence_start = end
            yield end


def _is_boundary(paragraph: str, match: re.Match[str], sentence_start: int) -> bool:
    run = match.group()
    marks = run.rstrip(_CLOSERS)
    closers = run[len(marks) :]
    glued = not paragraph[match.end()].isspace()
    before = paragraph[max(sentence_start, match.start() - _LOOK) : match.start()]
    nxt = _NEXT_WORDS.match(paragraph, match.end(), match.end() + 2 * _LOOK)
    next_word, word_after = (nxt.group(1), nxt.group(2)) if nxt else ("", "")
    lower_next = next_word[:1].islower()
    quoted = any(c in closers for c in "\"”’'")

    if glued and not _glued_boundary(paragraph, match, marks, before, next_word):
        return False
    if ("…" in marks or ".." in marks) and lower_next:
        return False  # "were… disappointing": an ellipsis that runs on
    if next_word and all(c in "”’)]»" for c in next_word):
        return False  # "that. ”": a closing quote the scraper set apart belongs to this sentence
    rest = paragraph[match.end() : match.end() + _LOOK + 1]
    if len(rest) <= _LOOK and rest.strip() and all(c in _CLOSERS for c in rest.strip()):
        return False  # 'priority. "' at the end of a paragraph: a detached closing quote
    if quoted and set(marks) & set("!?"):
        if lower_next:
            return False  # "“We won!” she said."
        if next_word[:1].isupper() and word_after.rstrip(".,;:") in _SPEECH_VERBS:
            return False  # "“Who will pay?” Moreno asked."
    if not marks.startswith("."):
        return True
    if match.start() - sentence_start <= _LOOK and _LIST_NUMBER.fullmatch(paragraph, sentence_start, match.start()):
        return False  # "1. Repair the bridge." -- the number of a list item
    word = _WORD_BEFORE.search(before)
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    # "B." but not "4K.", "Taylor's.", "haven't."
    standalone = word.start() == 0 or not (before[word.start() - 1].isalnum() or before[word.start() - 1] in "'’")
    initial = len(token) == 1 and standalone  # "Plan B.", and "s. 1568" / "b. 1280" in MT output
    dotted = _DOTTED_LETTERS.fullmatch(token) is not None and standalone
    if token not in ABBREVIATIONS and not initial and not dotted:
        return True
    if token in _NEVER_FINAL:
        return False
    if token in _BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    # "moved to the U.S. Its shares", "on Plan B. It worked": an abbreviation or initial
    # that ends a sentence, recognised by the function word that starts the next one
    lead = _LEADING_WORD.match(next_word)
    return lead is not None and lead.group(1) in _STARTERS


def _glued_boundary(paragraph: str, match: re.Match[str], marks: str, before: str, next_word: str) -> bool:
    """A capitalised word glued to a full stop starts a new sentence unless the stop belongs to
    an abbreviation, a URL, an e-mail address or a dotted name ("Annual.Report.pdf")."""
    if len(marks) != 1 or marks == "…":
        return False
    prev = paragraph[match.start() - 1] if match.start() else ""
    if not (prev.islower() or prev.isdigit() or prev in "%" + _CLOSERS):
        return False  # "U.S.The", "ASP.NET": too ambiguous to split
    token_start = max(before.rfind(" "), before.rfind("\t"))
    if token_start < 0 and len(before) >= _LOOK:
        return False  # a token longer than the look-behind: not prose
    token = before[token_start + 1 :]
    if any(mark in token for mark in ("/", "@", "www.")):
        return False
    word = _WORD_BEFORE.search(token)
    if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
        return False  # "Mr.Smith", "e.g.The"
    glued_token = next_word.rstrip(".,;:!?\"”’')]")
    # "Annual.Report.pdf", "example.Org.uk": a dotted name, not two sentences
    return "." not in glued_token
