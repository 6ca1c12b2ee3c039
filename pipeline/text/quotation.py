"""Whether a word stands inside a quotation, read left to right through a sentence.

Detectors that judge wording leave quotations alone: quoted speech keeps its speaker's words
(stutters, chants, lyrics), and a quoted title or foreign phrase is deliberate. Only the double
quotation marks are counted (straight, curly, guillemets): single quotes double as apostrophes.
"""

from __future__ import annotations

QUOTE_MARKS = ('"', "“", "”", "«", "»")
# marks that open or close a quotation or a bracket, in the scripts news quotes from
OPENING_MARKS = "([{\"“‘'«「『‹„‚"
CLOSING_MARKS = ")]}\"”’'»」』›“‘"


class QuotationState:
    """Quotation marks counted so far in one pass over a sentence (``update`` with each chunk in
    order); ``inside_after(lead)`` says whether text after ``lead`` (the punctuation before the next
    word) is inside a quotation."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(QUOTE_MARKS, 0)

    def update(self, chunk: str) -> None:
        for mark in QUOTE_MARKS:
            self.counts[mark] += chunk.count(mark)

    def inside_after(self, lead: str = "") -> bool:
        counts = {mark: self.counts[mark] + lead.count(mark) for mark in QUOTE_MARKS}
        return counts['"'] % 2 == 1 or counts["“"] > counts["”"] or counts["«"] > counts["»"]
