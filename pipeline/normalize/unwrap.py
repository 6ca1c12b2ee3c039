"""Hard-wrapped paragraphs: which line breaks are inside a paragraph, decided from evidence.

Wire copy, e-mails and PDF extractions break lines inside paragraphs, sometimes inside words
("represen-" / "tatives"). Scraped pages put one paragraph, headline or menu entry on each line.
The two must not be confused, so nothing is decided from one line: a run of lines is unwrapped only
when the run as a whole looks wrapped.

- A *block* is a run of non-blank lines; a block that looks like code is left alone. A block splits
  into *segments* where a line cannot continue the one before: before a list item, a quoted e-mail
  line (``>``) or a more deeply indented line (code, a quotation; a list item's hanging indent is
  the exception).
- A line is *long* when it holds several words and reaches ``LONG_LINE`` of the segment's width (its
  longest line). A long line is *full* when the next line's first word would not have fitted after
  it (within ``FULL_TOLERANCE`` of the width, for wrappers that are not greedy): a wrapper would
  have broken the line there. One-paragraph-per-line text has lines of every length, so few of its
  long lines are full; a menu entry or a link is one token and never long.
- A segment is *wrapped* when its width is that of typed or printed text (``MIN_WIDTH`` to
  ``MAX_WIDTH``), most of its long lines are full (or end in a word-breaking hyphen), most of those
  are followed by a line in lower case (prose, not title-case menus or headlines), at least one
  full line that does not end a sentence is followed by one in lower case, and there are two such
  line ends, or one word broken by a hyphen into pieces that are not words, or one full line that
  stops where no sentence can (after a comma or a function word) followed by one in lower case.
- The wrapped segments give the document its width; a segment of another block that is no wider
  (a two-line paragraph, a wrapped list item) is unwrapped where its lines are full at that width
  and plainly continue (in lower case, or after a comma or a function word).
- In a wrapped segment a line break becomes a space where the line is full and the next starts in
  lower case or the line stops where a sentence cannot (a comma, a function word); before a capital
  otherwise only between lines that are not in title case and do not end a sentence. A line that
  is not full is joined only when the next continues it in lower case. A sentence end followed by a
  capital, a short line and a list item stay line breaks: the safe reading of an ambiguous break
  is the one the input already has.
- A line-end hyphen is removed when the joined word is the word (``represen-`` + ``tatives``), and
  kept, with no space, when it belongs to a compound (``cross-`` + ``border``): both parts are words
  and the joined spelling is not a common word. The document's own spelling elsewhere decides first.

Everything here is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from pipeline.text.lexical import COORDINATORS, FUNCTION_WORDS, WORD, is_common
from pipeline.text.shape import capitalised_share, ends_like_sentence, is_list_item

MIN_WIDTH = 25  # narrower is verse, a menu or an address, not a wrapped column
MAX_WIDTH = 200  # wider than any printed or e-mailed line: one paragraph per line
LONG_LINE = 0.6  # of the width: a shorter line may end a paragraph
FULL_TOLERANCE = 0.1  # of the width: proportional fonts and justified text do not wrap exactly greedily
MAJORITY = 0.6  # share of a segment's long lines that must be full (of those, half must go on in lower case)
TITLE_SHARE = 0.5  # share of capitalised words from which a line reads as a heading or a list entry
CODE_SHARE = 0.3  # share of a block's lines with code punctuation from which the block is left alone

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_HYPHEN_END = re.compile(r"(?<![-\w])([^\W\d_]+(?:-[^\W\d_]+)*)-$")
_FIRST_LETTERS = re.compile(r"[^\W\d_]+")
_MARKER = re.compile(r"\S+\s+")
_CODE = re.compile(r"[{};=<>_|\\]|\w\(|\(\)|^\s*(?:#|//|/\*|\*/)")
_OPEN_END = ",-–—(“‘[/&"
# English suffixes (with a doubled consonant: "get-ting"): a line that goes on with one of them goes on
# with the rest of a word, even where wordfreq, built from web text, knows the piece as a token
_SUFFIX = re.compile(
    r"[^\W\d_]?(?:ing|ings|ed|er|ers|est|ly|ness|ment|ments|tion|tions|sion|sions|ity|ities|ous|ive|al|ally"
    r"|able|ible|ful|less|ism|ist|ists|ance|ence|ant|ent|age|ure|ize|ise|ized|ised)"
)


@dataclass(frozen=True)
class Join:
    """Replace ``text[start:end]`` (a line break, maybe with a hyphen) by ``after``."""

    start: int
    end: int
    after: str
    kind: str  # "line_break", "hyphen_removed" or "hyphen_kept"
    reason: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line's first character
    content_start: int  # after its indentation
    content_end: int  # after its last non-space character
    text: str  # the content, without indentation or line ending

    @property
    def indent(self) -> int:
        return self.content_start - self.start

    @property
    def width(self) -> int:
        return self.content_end - self.start


def find_joins(text: str) -> list[Join]:
    """The line breaks of ``text`` that are inside hard-wrapped paragraphs, in order."""
    blocks = [block for block in _blocks(text) if len(block) > 1 and not _looks_like_code(block)]
    segments = [segment for block in blocks for segment in _segments(block)]
    wrapped = {id(segment) for segment in segments if _wrapped(segment)}
    if not wrapped:
        return []
    document_width = int(median(_width(segment) for segment in segments if id(segment) in wrapped))
    usage: Counter[str] | None = None
    joins: list[Join] = []
    for segment in segments:
        certain = id(segment) in wrapped
        if not certain and _width(segment) > document_width:
            continue
        width = _width(segment) if certain else document_width
        for line, following in zip(segment, segment[1:]):
            if not _joins(line, following, width, certain):
                continue
            if usage is None and line.text.endswith("-"):
                usage = Counter(token.lower() for token in WORD.findall(text))
            joins.append(_join(line, following, width, usage or Counter()))
    return joins


def _blocks(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for match in _LINE.finditer(text):
        raw = match.group().rstrip("\r\n")
        content = raw.strip()
        if content:
            content_start = match.start() + len(raw) - len(raw.lstrip())
            current.append(_Line(match.start(), content_start, content_start + len(content), content))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _looks_like_code(block: list[_Line]) -> bool:
    return sum(1 for line in block if _CODE.search(line.text)) >= CODE_SHARE * len(block)


def _segments(block: list[_Line]) -> list[list[_Line]]:
    """Split a block where the next line cannot continue the one before it."""
    segments = [[block[0]]]
    for line, following in zip(block, block[1:]):
        if _may_continue(line, following):
            segments[-1].append(following)
        else:
            segments.append([following])
    return segments


def _may_continue(line: _Line, following: _Line) -> bool:
    if is_list_item(following.text) or following.text.startswith(">") or line.text.startswith(">"):
        return False
    if following.indent > line.indent:
        # a hanging indent continues a list item ("- the ministry said" / "  it would"); else code or a quote
        marker = _MARKER.match(line.text)
        return is_list_item(line.text) and marker is not None and following.indent == line.indent + marker.end()
    return True


def _width(segment: list[_Line]) -> int:
    return max(line.width for line in segment)


def _is_long(line: _Line, width: int) -> bool:
    return line.width >= LONG_LINE * width and " " in line.text


def _is_full(line: _Line, following: _Line, width: int) -> bool:
    """A wrapper would have broken here: the line is long and the next word did not fit after it."""
    space = following.text.find(" ")
    first_word = len(following.text) if space < 0 else space
    return _is_long(line, width) and line.width + 1 + first_word > width - FULL_TOLERANCE * width


def _starts_lower(line: _Line) -> bool:
    return line.text[0].islower()


def _ends_sentence(line: _Line) -> bool:
    return ends_like_sentence(line.text)


def _ends_open(line: _Line) -> bool:
    """The line stops where a sentence cannot: after a comma, a dash, a bracket or a function word."""
    return line.text[-1] in _OPEN_END or line.text.rsplit(" ", 1)[-1].lower() in FUNCTION_WORDS


def _hyphen_parts(line: _Line, following: _Line) -> tuple[str, str] | None:
    """The letters before a line-end hyphen and the letters that open the next line, if both are there."""
    hyphen = _HYPHEN_END.search(line.text)
    first = _FIRST_LETTERS.match(following.text)
    if hyphen is None or first is None:
        return None
    return hyphen.group(1).rsplit("-", 1)[-1], first.group()


def _hyphen_break(line: _Line, following: _Line) -> bool:
    """A word broken at the line end by a hyphen: "represen-" / "tatives", "cross-" / "border"."""
    return _starts_lower(following) and _hyphen_parts(line, following) is not None


def _broken_word(line: _Line, following: _Line) -> bool:
    """A line-end hyphen splits a word into pieces that are not words ("represen-" / "tatives")."""
    parts = _hyphen_parts(line, following)
    if parts is None:
        return False
    left, right = parts
    return not (is_common(left) and is_common(right)) and is_common(left + right)


def _wrapped(segment: list[_Line]) -> bool:
    """Whether the segment as a whole shows the marks of a wrapper (see the module's docstring)."""
    width = _width(segment)
    if len(segment) < 2 or not MIN_WIDTH <= width <= MAX_WIDTH:
        return False
    ends = list(zip(segment, segment[1:]))
    hyphens = [_hyphen_break(line, following) for line, following in ends]
    broken = [h or _is_full(line, following, width) for (line, following), h in zip(ends, hyphens)]
    long = sum(1 for (line, _), h in zip(ends, hyphens) if h or _is_long(line, width))
    lower = sum(1 for (_, following), b in zip(ends, broken) if b and _starts_lower(following))
    continued = sum(
        1
        for (line, following), h, b in zip(ends, hyphens, broken)
        if h or (b and _starts_lower(following) and not _ends_sentence(line))
    )
    if not continued or sum(broken) < MAJORITY * long or lower < 0.5 * sum(broken):
        return False
    # two line ends of a wrapper; or one word broken at a line end into pieces that are not words, or
    # one full line that stops where no sentence can (a comma, a function word) and goes on in lower case
    return sum(broken) >= 2 or any(
        (h and _broken_word(line, following)) or (b and _starts_lower(following) and _ends_open(line))
        for (line, following), h, b in zip(ends, hyphens, broken)
    )


def _joins(line: _Line, following: _Line, width: int, certain: bool) -> bool:
    """Whether to join two lines of a wrapped segment (``certain``) or of another segment of the document."""
    if _hyphen_break(line, following):
        return certain or _is_full(line, following, width)
    if _is_full(line, following, width):
        if is_list_item(line.text) and not _starts_lower(following):
            return False  # a one-line list item, then a sentence
        if _starts_lower(following) or _ends_open(line):
            return True
        # before a capital where a heading or a list entry could end: only in wrapped prose
        return (
            certain
            and not _ends_sentence(line)
            and capitalised_share(line.text) < TITLE_SHARE
            and capitalised_share(following.text) < TITLE_SHARE
        )
    # inside a wrapped segment a line that stops short but is continued in lower case is still one
    return certain and _starts_lower(following) and not _ends_sentence(line)


def _join(line: _Line, following: _Line, width: int, usage: Counter[str]) -> Join:
    details: dict[str, Any] = {"wrap_width": width}
    start, end = line.content_end, following.content_start
    parts = _hyphen_parts(line, following)
    if parts is not None and parts[1] in COORDINATORS:
        # a suspended hyphen: "cheese-" / "or mayonnaise-based"
        reason = f"line break after the suspended hyphen of '{parts[0]}-'"
        return Join(start, end, " ", "hyphen_kept", f"hard-wrapped paragraph: {reason}", details)
    if parts is not None:
        left, right = parts
        remove, why = hyphen_is_a_break(left, right, usage)
        details.update(left=left, right=right, why=why)
        if remove:
            reason = f"'{left}-' + '{right}' is the word '{left}{right}' broken at a line end ({why})"
            return Join(start - 1, end, "", "hyphen_removed", f"hard-wrapped paragraph: {reason}", details)
        reason = f"line break after the hyphen of the compound '{left}-{right}' ({why})"
        return Join(start, end, "", "hyphen_kept", f"hard-wrapped paragraph: {reason}", details)
    if _HYPHEN_END.search(line.text):
        # "COVID-" / "19": a hyphen before a number or a sign stays, without a space
        reason = "line break after a hyphen that joins a number or sign"
        return Join(start, end, "", "hyphen_kept", f"hard-wrapped paragraph: {reason}", details)
    reason = f"line break inside a paragraph (lines wrapped at about {width} characters)"
    return Join(start, end, " ", "line_break", f"hard-wrapped paragraph: {reason}", details)


def hyphen_is_a_break(left: str, right: str, usage: Counter[str]) -> tuple[bool, str]:
    """Whether the hyphen between ``left`` and ``right`` at a line end goes (True) or stays, and why.

    ``usage`` counts the document's own lower-cased words: a spelling used elsewhere in it wins.
    Otherwise word frequencies decide: a piece that is not a word means a broken word; two words
    make a compound unless joined they are a common word ("with-" / "out").
    """
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if right[:1].isupper():
        return False, "the part after the hyphen is capitalised"
    if usage[hyphenated] and not usage[joined]:
        return False, f"'{hyphenated}' is written with a hyphen elsewhere in the text"
    if usage[joined] and not usage[hyphenated]:
        return True, f"'{joined}' is written as one word elsewhere in the text"
    if not (is_common(left) and is_common(right)):
        return True, "a part is not a word on its own"
    if _SUFFIX.fullmatch(right.lower()) and is_common(joined, 2.0):
        return True, f"'{right}' is a suffix of '{joined}'"
    if is_common(joined):
        return True, f"'{joined}' is a word"
    return False, "both parts are words and the joined spelling is rare"
