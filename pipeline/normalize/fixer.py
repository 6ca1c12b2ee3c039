"""ftfy configured for news text, plus the two whitespace repairs ftfy leaves alone.

News typography is not damage: curly quotes, dashes and accented letters stay. What goes is
mojibake, HTML entities in plain text, control characters, zero-width characters and odd spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ftfy

from pipeline.text.lexical import is_known, zipf
from pipeline.text.shape import WEB_TOKEN

NEWS_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True,  # plain text: "&amp;" is always scraping damage, never intended
    uncurl_quotes=False,  # curly quotes are house style in news, not an error
    fix_line_breaks=False,  # keep the input's line endings; rewriting every CRLF is noise, not repair
    normalization="NFC",  # composes accents without touching compatibility characters
    explain=True,
)

# Zero-width characters and soft hyphens are invisible in the browser but break word matching.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH_CHARS}]")
# A zero-width space (U+200B, unlike the joiners and the soft hyphen) is a line-break opportunity: CMSs
# put it inside long words and URLs, and scrapers leave it where a space between two words was lost.
# Between two letters it stands for a space when the two sides are words and their join is far rarer.
_ZWSP = "\u200b"
_WORD_AT_END = re.compile(r"[^\W\d_]{1,40}$")
_WORD_AT_START = re.compile(r"[^\W\d_]{1,40}")
# "â€" + U+FFFD: the UTF-8 bytes E2 80 9D (the right double quote) read as windows-1252 by a decoder that
# replaced the byte 0x9D it has no character for. Of the five characters E2 80 xx whose last byte
# windows-1252 cannot show (U+2001 em quad, U+200D zero-width joiner, U+200F right-to-left mark,
# U+2010 hyphen, U+201D right double quote) only the quote is common in English news, so the lost byte
# is put back and ftfy decodes the sequence; ftfy alone can only turn it into U+FFFD.
_LOSSY_RIGHT_QUOTE = "\u00e2\u20ac\ufffd"
_RESTORED_RIGHT_QUOTE = "\u00e2\u20ac\u009d"
# Non-breaking and typographic spaces become plain spaces; news text has no use for them.
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# starts only where a run of spaces starts: from inside a long run, each start would rescan the rest
_TRAILING_SPACE = re.compile(r"(?<![ \t])[ \t]+(?=\r?\n?$)")


@dataclass(frozen=True)
class LineFix:
    fixed: str
    steps: tuple[str, ...]


def fix_line(line: str) -> LineFix:
    """Repair one line (with its line ending) and say which repairs changed it."""
    steps: list[str] = []
    if _LOSSY_RIGHT_QUOTE in line:
        line = line.replace(_LOSSY_RIGHT_QUOTE, _RESTORED_RIGHT_QUOTE)
        steps.append("restore_lossy_quote")
    explained = ftfy.fix_and_explain(line, NEWS_FTFY_CONFIG)
    text = explained.text
    for action, name in explained.explanation or []:
        # ftfy spells a mojibake repair as encode/decode steps; one name reads better in a report
        step = "fix_encoding" if action in ("encode", "decode", "transcode") else name
        if step not in steps:
            steps.append(step)
    spaced = _zero_width_spaces_as_spaces(text) if _ZWSP in text else text
    if spaced != text:
        steps.append("zero_width_space_as_space")
        text = spaced
    for step, pattern, replacement in (
        ("remove_zero_width", _ZERO_WIDTH, ""),
        ("replace_odd_spaces", _ODD_SPACE, " "),
        ("collapse_spaces", _SPACE_RUN, " "),
        ("strip_trailing_spaces", _TRAILING_SPACE, ""),
    ):
        new_text = pattern.sub(replacement, text)
        if new_text != text:
            steps.append(step)
            text = new_text
    return LineFix(text, tuple(steps))


def _zero_width_spaces_as_spaces(text: str) -> str:
    """Each zero-width space between two words whose join is no word ("budget\u200bwas") becomes a
    space; one inside a word ("news\u200bpaper") is left for ``remove_zero_width``. Looks at most 40
    letters on each side, so a line is read once however long its words are."""
    pieces, cursor = [], 0
    for index in (i for i, char in enumerate(text) if char == _ZWSP):
        left = _WORD_AT_END.search(text, max(0, index - 40), index)
        right = _WORD_AT_START.match(text, index + 1)
        if left and right and _word_break(left.group(), right.group()) and not _in_web_token(text, index):
            pieces += [text[cursor:index], " "]
            cursor = index + 1
    return "".join(pieces) + text[cursor:]


def _in_web_token(text: str, index: int) -> bool:
    """Whether the space-delimited token around ``text[index]`` is a URL, address or handle (at most
    200 characters read on each side; only a token with one of ``. / @ # :`` is matched)."""
    low, high = max(0, index - 200), min(len(text), index + 200)
    start = max(text.rfind(" ", low, index), text.rfind("\n", low, index), low - 1) + 1
    stops = [i for i in (text.find(" ", index, high), text.find("\n", index, high)) if i >= 0]
    token = text[start : min(stops, default=high)]
    if not any(mark in token for mark in "./@#:"):
        return False
    return WEB_TOKEN.search(token.replace(_ZWSP, "")) is not None


def _word_break(left: str, right: str) -> bool:
    """Both sides are words and their join is not one of about the same frequency: "highschool",
    "ofthe", "NarendraModi" are two words; "newspaper", "football", "sometimes" one. (A join within
    one Zipf unit of its rarer part counts as a word: misspellings such as "alot" are far rarer.)"""
    if not (is_known(left) and is_known(right)):
        return False
    return zipf(left + right) < min(zipf(left), zipf(right)) - 1.0
