"""ftfy configured for news text, plus the two whitespace repairs ftfy leaves alone.

News typography is not damage: curly quotes, dashes and accented letters stay. What goes is
mojibake, HTML entities in plain text, control characters, zero-width characters and odd spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ftfy

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
    explained = ftfy.fix_and_explain(line, NEWS_FTFY_CONFIG)
    text = explained.text
    steps: list[str] = []
    for action, name in explained.explanation or []:
        # ftfy spells a mojibake repair as encode/decode steps; one name reads better in a report
        step = "fix_encoding" if action in ("encode", "decode", "transcode") else name
        if step not in steps:
            steps.append(step)
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
