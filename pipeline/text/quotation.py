"""Whether a word stands inside a quotation, read left to right through a paragraph.

Detectors that judge wording leave quotations alone: quoted speech keeps its speaker's words
(stutters, chants, lyrics), and a quoted title or foreign phrase is deliberate. Only the double
quotation marks are counted (straight, curly, guillemets): single quotes double as apostrophes.
"""

from __future__ import annotations

from collections.abc import Sequence

QUOTE_MARKS = ('"', "“", "”", "«", "»")
# marks that open or close a quotation or a bracket, in the scripts news quotes from
OPENING_MARKS = "([{\"“‘'«「『‹„‚"
CLOSING_MARKS = ")]}\"”’'»」』›“‘"


class QuotationState:
    """Quotation marks counted so far in one pass over a paragraph (``update`` with each chunk in
    order); ``inside_after(lead)`` says whether text after ``lead`` (the punctuation before the next
    word) is inside a quotation."""

    def __init__(self, counts: dict[str, int] | None = None) -> None:
        self.counts: dict[str, int] = dict(counts) if counts else dict.fromkeys(QUOTE_MARKS, 0)

    def copy(self) -> QuotationState:
        return QuotationState(self.counts)

    def update(self, chunk: str) -> None:
        for mark in QUOTE_MARKS:
            self.counts[mark] += chunk.count(mark)

    def inside_after(self, lead: str = "") -> bool:
        counts = {mark: self.counts[mark] + lead.count(mark) for mark in QUOTE_MARKS}
        return counts['"'] % 2 == 1 or counts["“"] > counts["”"] or counts["«"] > counts["»"]


def states_at_sentences(
    text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> list[QuotationState]:
    """Per sentence, the quotation state where it starts, counted from the start of its paragraph:
    the second sentence of a quoted passage ("We will not stop. We will march.") is quoted too.

    ``paragraphs`` and ``sentences`` are (start, end) offsets into ``text``, in text order, each
    sentence inside one paragraph (as :class:`pipeline.detect.base.DetectContext` gives them). One
    pass over the text: linear in its length.
    """
    states: list[QuotationState] = []
    state = QuotationState()
    paragraph = 0
    position = paragraphs[0][0] if paragraphs else 0
    for start, end in sentences:
        while paragraph < len(paragraphs) and start >= paragraphs[paragraph][1]:
            paragraph += 1
            state, position = QuotationState(), paragraphs[paragraph][0] if paragraph < len(paragraphs) else start
        state.update(text[position:start])
        states.append(state.copy())
        state.update(text[start:end])
        position = end
    return states
