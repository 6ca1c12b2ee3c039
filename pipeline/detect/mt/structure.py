"""What the structural calque detectors share: their word classes, parsed prose, countability.

The detectors of calque families (``institution_names``, ``verb_preposition``, ``missing_article``,
``head_count``, ``false_friend_verbs``) find their shapes in the spaCy parse that every stage shares
(``pipeline.text.nlp.parse_paragraph``) and keep their small word classes in
``calque_structures.json`` (each class with its reason and source). A paragraph is parsed only when
a cheap regular expression says it may hold the detector's shape, and headline-like lines (no final
punctuation: headlines, captions, menu items) are skipped, because headlines drop articles and
prepositions on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pipeline.detect.base import DetectContext
from pipeline.lexicons.loader import load_json
from pipeline.text.lexical import zipf
from pipeline.text.nlp import parse_paragraph
from pipeline.text.shape import ends_like_sentence


@lru_cache(maxsize=1)
def calque_data() -> dict[str, Any]:
    return dict(load_json("calque_structures.json"))


def parsed_prose(context: DetectContext, trigger: re.Pattern[str] | None = None) -> Iterator[tuple[int, Any]]:
    """(offset, spaCy Doc) of each paragraph that ends like a sentence and matches ``trigger``."""
    for paragraph in context.paragraphs:
        text = paragraph.text
        if not ends_like_sentence(text.rstrip()):
            continue
        if trigger is not None and not trigger.search(text):
            continue
        yield paragraph.start, parse_paragraph(text)


def plural(noun: str) -> str:
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def is_count_noun(noun: str) -> bool:
    """Whether English counts ``noun``: its plural is in common use (wordfreq Zipf at least 2.5 and
    no more than 1.5 below the singular). "government"/"governments" and "minister"/"ministers"
    pass; "information", "health" and "furniture" (rare or no plural) do not."""
    singular = zipf(noun)
    many = zipf(plural(noun))
    return many >= 2.5 and many >= singular - 1.5


def span_of(tokens: list[Any]) -> tuple[int, int]:
    """Character span (in the parsed paragraph) from the first token's start to the last one's end."""
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def cased_like(replacement: str, original: str) -> str:
    """``replacement`` with a capital first letter when ``original`` has one."""
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
