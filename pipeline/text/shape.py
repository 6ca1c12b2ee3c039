"""The shape of a line: does it end like a sentence, is it a list item, does it look like a headline.

Scraped boilerplate and sub-headings are told apart from body text mostly by shape, because their
wording is open-ended: body paragraphs of news text end in sentence punctuation, headlines and
interface labels do not. The broken-sentence detectors use the same helpers to leave headline-like
lines to the boilerplate stage.
"""

from __future__ import annotations

import re

from pipeline.text.lexical import words

# URLs, e-mail addresses, @handles, #hashtags and bare domain names: tokens of the web, not words of
# the language (a rewrite must copy them verbatim; no fluency model judges them)
WEB_TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@#])[@#][^\W\d]\w*"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|io|co|uk|us|eu|de|fr|ly|me|tv|ai|app|info|news)\b(?![.\w]*\w)",
    re.IGNORECASE,
)
_SENTENCE_FINAL = re.compile(r"[.!?…][\"”’'»)\]]*$|[\"”’'»][.!?]$")
_LIST_MARKER = re.compile(r"^(?:[-–—•*▪·]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s)")


def ends_like_sentence(line: str) -> bool:
    """Whether ``line`` ends in sentence-final punctuation (optionally inside closing quotes)."""
    return bool(_SENTENCE_FINAL.search(line.rstrip()))


def is_list_item(line: str) -> bool:
    """Bulleted or numbered list items may legitimately lack final punctuation."""
    return bool(_LIST_MARKER.match(line.lstrip()))


def is_headline_like(line: str, *, min_words: int = 3, max_words: int = 25) -> bool:
    """A short line without final punctuation that is not a list item or a lead-in ending in ':'."""
    stripped = line.strip()
    if not stripped or ends_like_sentence(stripped) or is_list_item(stripped):
        return False
    if stripped.endswith((":", ";", ",")):
        return False
    count = len(words(stripped))
    return min_words <= count <= max_words


def capitalised_share(line: str) -> float:
    """Share of words (of three letters or more) that start with a capital: high in title case."""
    long_words = [w for w in words(line) if len(w) >= 3 and w[0].isalpha()]
    if not long_words:
        return 0.0
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words)
