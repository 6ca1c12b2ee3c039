"""A person referred to by first name after being introduced in full: "Pedro Almeida ... Pedro said".

News style names a person in full once, then by surname. Translation from languages whose name
order or honorifics differ (or a model confused about which token is the surname) leaves the first
name standing alone as the subject of a reporting verb. Flagged only when the same first name was
used earlier with exactly one surname, spaCy reads that full name as a person, the bare name is not
part of a longer name and is nobody's surname in the document; the suggestion is the surname.

Cheap regexes find the few candidates; spaCy parses only the paragraphs that can confirm them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.text.nlp import parse_paragraph

_REPORTING = (
    r"said|says|told|added|noted|stressed|explained|wrote|argued|warned|asked|replied|insisted|"
    r"continued|concluded|declared|announced|admitted|acknowledged|recalled|urged|tweeted"
)
# a capitalised word before a reporting verb (checked below: not preceded by another capitalised word)
_BARE_SUBJECT = re.compile(rf"(?<![\w’'-])(?P<first>[A-Z][a-z]{{2,}}) (?:{_REPORTING})\b")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t]$")
_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def _full_name(first: str) -> re.Pattern[str]:
    """``first`` followed by a surname (an optional middle initial allowed): "Pedro J. Almeida"."""
    return re.compile(rf"\b{re.escape(first)} (?:[A-Z]\.? )?(?P<last>[A-Z][a-z][\w’'-]*)")


def _is_person(paragraph: str, start: int, end: int) -> bool:
    doc = parse_paragraph(paragraph)
    return any(e.label_ == "PERSON" and e.start_char <= start and end <= e.end_char for e in doc.ents)


class FirstNameReferenceDetector(Detector):
    id = "mt.first_name_reference"
    version = "2"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        for match in _BARE_SUBJECT.finditer(text):
            first = match.group("first")
            if _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # part of a longer name or title: "Minister Pedro said"
            surnames: dict[str, re.Match[str]] = {}
            for full in _full_name(first).finditer(text, 0, match.start()):
                last = full.group("last")
                if last not in _SUFFIXES:
                    surnames.setdefault(last, full)
            if len(surnames) != 1:
                continue
            surname, full = next(iter(surnames.items()))
            if _is_surname(text, first):
                continue
            paragraph = next((p for p in context.paragraphs if p.start <= full.start() < p.start + len(p.text)), None)
            if paragraph is None or not _is_person(
                paragraph.text, full.start() - paragraph.start, full.end() - paragraph.start
            ):
                continue
            yield Finding(
                category="mt_artefact",
                start=match.start("first"),
                end=match.end("first"),
                message=f"person referred to by first name; news style uses the surname (“{surname}”)",
                detector=self.id,
                confidence=0.6,
                suggestion=surname,
                details={"full_name": f"{first} {surname}"},
            )


def _is_surname(text: str, word: str) -> bool:
    """Whether ``word`` ends a two-word person-like name somewhere ("Adam Smith" makes "Smith" a surname)."""
    for match in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(word)}\b(?! [A-Z])", text):
        if match.group(1) not in {"The", "A", "An", "President", "Secretary", "Minister", "Mr", "Ms", "Mrs", "Dr"}:
            return True
    return False
