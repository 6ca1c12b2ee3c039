"""Line features of a scraped page given as plain text: shape, stop words, furniture wording, context.

What jusText measures on HTML paragraphs (length in words, stop-word density) and what plain text
still shows: final sentence punctuation, one or more sentences, title-case and all-caps shape, the
wording of page furniture by kind (:mod:`~pipeline.boilerplate.patterns`,
:mod:`~pipeline.boilerplate.stamps`), runs of short labels (menus, link lists), a line repeated on
the page, and a line repeated on many documents of the run (given by the run-level pass).
Nothing comes from markup, URLs or site names.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from pipeline.boilerplate import patterns as bp
from pipeline.boilerplate import stamps
from pipeline.boilerplate.spans import credit_start
from pipeline.text.lexical import CLOSED_CLASS, FUNCTION_WORDS, WORDFREQ_VERSION, most_frequent, words
from pipeline.text.shape import ends_like_sentence

_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+[\"“‘(]?[A-Z0-9]")
_TERMINAL = re.compile(r"[.!?…][\"”’'»)\]]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[(?:…|\.\.\.)\])\s*(?:(?:read|continue|more)\b.{0,20})?$", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s+[|–—:-]\s+[^|–—:-]*$")
_SECTION_BREAK = frozenset("*-_=~#·• ")
RUN_REPEAT_REASON = "seen on many documents of this run"
STRIP = "\"'“”‘’()[]{}.,;:!?«»—–-*•|"


#: Stop words: the 450 most frequent English words (wordfreq), the size of jusText's English stoplist
#: (453 words, also the most frequent words of a large corpus); see the README for the comparison.
STOPLIST_SIZE = 450
STOPLIST_VERSION = f"{WORDFREQ_VERSION}-top{STOPLIST_SIZE}"


def stopwords() -> frozenset[str]:
    return most_frequent(STOPLIST_SIZE)


@dataclass
class Line:
    """One non-blank line of the page and what is known about it."""

    index: int  # position among the page's non-blank lines
    text: str  # stripped
    words: int
    stop_density: float
    terminal: bool  # ends like a sentence
    sentences: int  # 1, or 2 for more than one
    title_share: float  # share of words with an initial capital
    upper: bool  # all caps
    furniture: str | None = None  # kind, when the line's own wording says furniture
    strong: bool = False  # furniture removed even inside the article body
    section: str | None = None  # kind of the section a header line opens
    embed: str | None = None  # 'tweet', 'credit' or 'story_credit'
    stamp: bool = False  # a date stamp or byline (page metadata)
    trailer: bool = False  # a source trailer: attribution kept, but not body text
    nav: bool = False  # in a run of navigation labels
    repeat: bool = False  # a longer line already seen earlier on the page
    run_repeat: bool = False  # seen on many documents of this run
    truncated: bool = False  # ends in an ellipsis
    unmistakable: bool = False  # furniture removed wherever it is, whatever surrounds it
    prose: bool = False
    teaser: bool = False  # prose that reads as a teaser in its context
    weight: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def mark(self, kind: str, reason: str, *, strong: bool = False, keep_kind: bool = True) -> None:
        """Record furniture of ``kind`` (an earlier kind wins when ``keep_kind``)."""
        self.furniture = (self.furniture or kind) if keep_kind else kind
        self.strong = self.strong or strong
        self.reasons.append(reason)


def analyse(texts: Sequence[str], repeated: Collection[str] = (), key=None) -> list[Line]:
    """Features of each line (stripped, non-blank) of one page.

    ``repeated``: keys (``key(text)``) of lines seen on many documents of the run; empty outside a
    run. ``key`` is the run-level pass's line key function.
    """
    lines = [_shape(i, text) for i, text in enumerate(texts)]
    title = ""  # the page's first line, less a " | Site" tail, unless it is itself cut short
    if lines and not lines[0].text.endswith(("...", "…")):
        title = _TITLE_SEP.sub("", lines[0].text.lower()).strip(STRIP + " ")
    for k, line in enumerate(lines):
        _mark_wording(line, title if k > 0 else "")
        if repeated and key is not None and line.words and key(line.text) in repeated:
            line.run_repeat = True
            line.reasons.append(RUN_REPEAT_REASON)
    _mark_navigation(lines)
    _mark_repeats(lines)
    return lines


def _shape(index: int, text: str) -> Line:
    ws = text.split()
    n = len(ws) if any(c.isalnum() for c in text) else 0
    stoplist = stopwords()
    stop = sum(1 for w in ws if w.lower().strip(STRIP) in stoplist)
    titled = alpha = 0
    for w in ws[:40]:
        for c in w:
            if c.isalpha():
                alpha += 1
                titled += c.isupper()
                break
    upper = False
    if n <= 20:
        letters = [c for c in text if c.isalpha()]
        upper = len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return Line(
        index=index,
        text=text,
        words=n,
        stop_density=stop / n if n else 0.0,
        terminal=bool(_TERMINAL.search(text)),
        sentences=2 if _SENTENCE_BREAK.search(text) else 1,
        title_share=titled / alpha if alpha else 0.0,
        upper=upper,
    )


def _mark_wording(line: Line, title: str) -> None:
    """Furniture, section headers, embeds and credits that the line's own words show."""
    t = line.text
    n = line.words
    if n == 0:
        if not set(t) <= _SECTION_BREAK:  # "***" is the article's own section break
            line.mark("interface", "stray symbol line left by the page layout", strong=True)
            line.unmistakable = True
        return
    if bp.STORY_CREDIT.match(t):
        line.embed = "story_credit"
        return
    if n <= 10:
        m = bp.SECTION.match(t)
        if m and m.lastgroup:
            line.section = m.lastgroup
            line.mark(m.lastgroup, f"{m.lastgroup} section header")
        if bp.WIDGET.match(t):
            line.mark("interface", "interface widget", strong=True)
            line.unmistakable = n <= 6
        elif bp.FOOTER_LINKS.match(t):
            line.mark("footer", "footer links", strong=True)
        elif bp.BREADCRUMB_LINE.match(t):
            line.mark("navigation", "breadcrumb navigation", strong=True)
            line.unmistakable = True
    if n <= 16 and bp.TAG_LINE.match(t):
        line.mark("footer", "tag or category list", strong=True)
    credit = (bp.CREDIT_LINE.match(t) and not ends_like_sentence(t)) or credit_start(t) == 0
    if n <= 30 and not line.terminal and not line.furniture and not credit and bp.TEASER_PREFIX.match(t):
        line.mark("related", "'read more' teaser for another article", strong=True)
    if bp.COPYRIGHT.search(t) and n <= 60:
        line.mark("footer", "copyright footer", strong=n <= 40, keep_kind=False)
    elif (
        bp.notice_triggered(t.lower())
        and bp.NOTICE.search(t)
        and (n <= 60 or bp.COOKIE.search(t))
        and _not_reported_speech(t)
    ):
        kind = "cookie" if bp.COOKIE.search(t) else (line.furniture or "interface")
        line.mark(kind, "notice or call to action", strong=n <= 40, keep_kind=False)
    if n <= 12 and _interface_words_only(t):
        line.mark("interface", "page-interface text", strong=True)
        line.unmistakable = line.unmistakable or n <= 6
    if n <= 14 and (stamps.STAMP.match(t) or stamps.BYLINE.match(t)):
        line.stamp = True
        line.mark("header", "date stamp or byline")
    if n <= 8 and "°" in t and stamps.WEATHER.match(t):
        line.mark("header", "weather", strong=True, keep_kind=False)
    if n <= 4 and bp.URL_ONLY.match(t):
        line.mark("interface", "bare URL")
    if line.upper and n >= 3 and not line.terminal and not line.stamp:
        # a menu flattened into one line: section names, no grammar words; a name repeated (one
        # menu after another) makes it unmistakable
        labels = [w.strip(STRIP).lower() for w in t.split()]
        if not FUNCTION_WORDS.intersection(labels):
            if len(set(labels)) < len(labels):
                line.mark("navigation", "all-caps run of section names, some repeated", strong=True, keep_kind=False)
                line.unmistakable = True
            elif n >= 5:
                line.mark("navigation", "all-caps run of section names", keep_kind=False)
    if title and _repeats_title(line, title):
        line.mark("header", "headline repeated from the page title")
    if n <= 12 and bp.SOURCE_TRAILER.match(t) and not ends_like_sentence(t):
        line.trailer = True
    elif credit:
        line.mark("metadata", "photo credit line", strong=True)
    elif bp.TWEET.search(t):
        line.embed = "tweet"
    elif n <= 40 and bp.CREDIT_TRIGGER.search(t) and bp.CREDIT.search(t):
        line.embed = "credit"
    if n >= 8 and _TRUNCATED.search(t):
        line.truncated = True
        line.reasons.append("truncated excerpt")


def _repeats_title(line: Line, title: str) -> bool:
    """Does ``line`` repeat the page's first line (its title, less a " | Site" tail)?"""
    if line.words < 3 or line.terminal:
        return False
    head = line.text.lower().strip(STRIP + " ")
    return len(head) >= 15 and (title.startswith(head) or head.startswith(title))


def _not_reported_speech(text: str) -> bool:
    """A notice is not a quotation or reported speech (no quotes, no "said")."""
    return not re.search(r"[“”\"]|\b(?:said|says|told|according)\b", text)


def _interface_words_only(line: str) -> bool:
    """A short unpunctuated line made of interface vocabulary (a toolbar label, a control)."""
    if ends_like_sentence(line):
        return False
    tokens = [w.lower().strip(".'’") for w in words(line)]
    if not 1 <= len(tokens) <= 12:
        return False
    content = [t for t in tokens if t not in CLOSED_CLASS and not t.isdigit()]
    if not content:
        return False
    strong = sum(1 for t in content if t in bp.STRONG_INTERFACE_WORDS)
    interface = sum(1 for t in content if t in bp.STRONG_INTERFACE_WORDS or t in bp.WEAK_INTERFACE_WORDS)
    if strong >= 2 and interface / len(content) >= 0.6:
        return True
    if interface == len(content):
        # every word is interface vocabulary: a label ("Close search", "Save article")
        return strong >= 1 or len(tokens) <= 3
    return False


def nav_item(line: Line) -> bool:
    """A short label: a menu entry or a link in a list (no sentence punctuation, few stop words)."""
    if line.terminal or line.embed or line.words == 0:
        return False
    if line.words <= 3:
        return True
    return line.words <= 6 and line.title_share >= 0.75 and line.stop_density <= 0.25


def _mark_navigation(lines: list[Line]) -> None:
    """Runs of at least three short labels (menus, link lists) are navigation."""
    i = 0
    while i < len(lines):
        if not nav_item(lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and nav_item(lines[j + 1]):
            j += 1
        if j - i >= 2:
            for k in range(i, j + 1):
                lines[k].nav = True
        i = j + 1


def normalised(text: str) -> str:
    """A line for comparison within a page: lower case, straight quotes, single spaces."""
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[“”„]", '"', text)
    return " ".join(text.lower().split())


def _mark_repeats(lines: list[Line]) -> None:
    """A line of five or more words seen earlier on the page is a repeat (ticker, gallery, pull
    quote); a line cut with an ellipsis that starts another line of the page is a truncated copy
    (a teaser of the page's own headline)."""
    seen: set[str] = set()
    full = [normalised(line.text) for line in lines]
    for k, line in enumerate(lines):
        if line.words >= 3 and line.text.endswith(("...", "…")):
            stem = normalised(line.text.rstrip(".…").rstrip())
            if any(i != k and other.startswith(stem) and len(other) > len(stem) for i, other in enumerate(full)):
                line.unmistakable = True  # removing a copy loses nothing
                line.mark("header", "truncated copy of another line of the page", strong=True)
        if line.words < 5:
            continue
        if full[k] in seen:
            line.repeat = True
            line.reasons.append("repeated on the page")
        seen.add(full[k])
