"""Duplicated attributions ("..., according to police. police said.") and sentences that start in lowercase.

Both come from machine translation joining two renderings of the same clause, or from a scraper
cutting a sentence: a speech verb closes a sentence and a second, bare attribution follows it, or a
full stop is followed by a lowercase word that should have continued the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding

_SPEECH = r"(?:said|says|added|adds|stated|states|noted|notes|told\s+\w+|explained|wrote|according\s+to\s+\w+)"
_DUPLICATE = re.compile(
    rf"\b(?P<first>{_SPEECH})(?P<close>[.,]?[”\"’]?\.?)\s+(?P<second>(?:he|she|they|it|the\s+\w+|\w+)\s+{_SPEECH}\s*\.)"
)
_LOWERCASE_START = re.compile(r"(?P<word>[a-z][a-z’']*)\b(?![A-Z.])")


class AttributionDetector(Detector):
    id = "broken.attribution"
    version = "2"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        covered: list[tuple[int, int]] = []
        for para in context.paragraphs:
            for match in _DUPLICATE.finditer(text, para.start, para.end):
                start, end = match.start("first"), match.end("second")
                kept = text[start : match.end("close")]
                covered.append((start, end))
                yield Finding(
                    "broken_sentence",
                    start,
                    end,
                    "attribution repeated after its own sentence",
                    self.id,
                    0.85,
                    suggestion=kept,
                )
        paragraph_starts = {para.start for para in context.paragraphs}
        for sentence in context.sentences:
            lower_start = _LOWERCASE_START.match(sentence.text)
            if not lower_start or sentence.start in paragraph_starts:
                continue
            if any(start <= sentence.start < end for start, end in covered):
                continue
            if not _previous_ends_sentence(text, sentence.start):
                continue
            word = lower_start.group("word")
            yield Finding(
                "broken_sentence",
                sentence.start,
                sentence.start + len(word),
                "sentence starts with a lowercase letter: a spurious full stop or a missing word?",
                self.id,
                0.7,
                suggestion=word[0].upper() + word[1:],
            )


def _previous_ends_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return bool(re.search(r"[.!?][”\"’)]?$", before)) and not before.endswith("...")
