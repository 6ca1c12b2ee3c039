""" "persons" in a head count: "12 persons were injured".

Slavic and Romance languages count people with their word for "person" (12 человек, 12 osób, 12
personas, 12 persoane), and machine translation renders it "persons". English news counts
"people"; "persons" stays right in fixed legal and humanitarian terms ("displaced persons", "persons
of interest", "persons with disabilities"), which are excluded (``calque_structures.json``, with the
style guides it follows).

Structure, from the parse: the plural noun "persons" with a number as its own modifier ("12
persons", "some 300 persons", "two persons") or as the object of "of" after a round quantity
("dozens of persons", "thousands of persons"). The legal formula "two or more persons" is left alone. The suggestion is exact: "persons" -> "people".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import calque_data, parsed_prose

_TRIGGER = re.compile(r"\bpersons\b", re.IGNORECASE)
_QUANTITIES = {"dozens", "hundreds", "thousands", "millions", "scores", "tens"}


@lru_cache(maxsize=1)
def _fixed() -> tuple[frozenset[str], tuple[str, ...]]:
    data = calque_data()["head_count"]
    return frozenset(data["fixed_before"]), tuple(data["fixed_after"])


class HeadCountDetector(Detector):
    id = "mt.head_count"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        before, after = _fixed()
        for offset, doc in parsed_prose(context, _TRIGGER):
            for token in doc:
                if token.lower_ != "persons":
                    continue
                counted = any(c.dep_ == "nummod" or c.like_num for c in token.children)
                quantity = (
                    token.dep_ == "pobj"
                    and token.head.lower_ == "of"
                    and token.head.head.lower_ in _QUANTITIES
                    and token.head.i == token.i - 1
                )
                if not counted and not quantity:
                    continue
                if any(c.dep_ == "amod" and c.lower_ in before for c in token.children):
                    continue
                if token.i > 0 and doc[token.i - 1].lower_ in ("more", "fewer", "less"):
                    continue  # "two or more persons": the legal formula
                rest = doc.text[token.idx + len(token.text) :].lower()
                if any(rest.startswith(" " + phrase) for phrase in after):
                    continue
                yield Finding(
                    category="mt_artefact",
                    start=offset + token.idx,
                    end=offset + token.idx + len(token.text),
                    message=(
                        "“persons” in a head count (Slavic '12 человек', '12 osób', Romance '12 personas/persoane'): "
                        "English news counts “people”"
                    ),
                    detector=self.id,
                    confidence=0.7,
                    suggestion="People" if token.text[0].isupper() else "people",
                    details={"mqm": "Style/Awkward"},
                )
