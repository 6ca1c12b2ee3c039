"""A person referred to by first name after being introduced in full: "Lloyd Austin ... Lloyd said".

News style names a person in full once, then by surname. Translation from languages whose name
order or honorifics differ (or a model confused about which token is the surname) leaves the first
name standing alone as the subject of a sentence. Only a bare first name that is the subject of its
clause, after the full name has appeared, and that is nobody's surname in the document is flagged;
the suggestion is the surname.
"""

from __future__ import annotations

from typing import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt_parse import parse

_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}
_SUBJECT = {"nsubj", "nsubjpass"}


def _full_names(parsed) -> list[tuple[int, str, str]]:
    """(offset in text, first name, surname) of every person named with at least two words."""
    names = []
    for offset, doc in parsed:
        for entity in doc.ents:
            if entity.label_ != "PERSON":
                continue
            words = [t.text for t in entity if t.is_alpha and t.text not in _SUFFIXES and len(t.text) > 1]
            if len(words) >= 2 and words[0][0].isupper() and words[-1][0].isupper():
                names.append((offset + entity.start_char, words[0], words[-1]))
    return names


def _inside_name(doc, i: int) -> bool:
    """Whether the token at ``i`` is part of a longer capitalised name or title ("Lloyd Austin")."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return any(t is not None and t.is_alpha and t.text[:1].isupper() for t in (before, after))


class FirstNameReferenceDetector(Detector):
    id = "mt.first_name_reference"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        parsed = parse(context.text)
        names = _full_names(parsed)
        if not names:
            return
        surnames = {last for _, _, last in names}
        first_seen: dict[str, tuple[int, set[str]]] = {}
        for start, first, last in names:
            seen_at, lasts = first_seen.get(first, (start, set()))
            first_seen[first] = (min(seen_at, start), lasts | {last})
        for offset, doc in parsed:
            for token in doc:
                entry = first_seen.get(token.text)
                if entry is None or token.dep_ not in _SUBJECT or token.text in surnames:
                    continue
                introduced_at, lasts = entry
                if len(lasts) != 1 or offset + token.idx <= introduced_at or _inside_name(doc, token.i):
                    continue
                surname = next(iter(lasts))
                yield Finding(
                    category="mt_artefact",
                    start=offset + token.idx,
                    end=offset + token.idx + len(token.text),
                    message=f"person referred to by first name; news style uses the surname (“{surname}”)",
                    detector=self.id,
                    confidence=0.6,
                    suggestion=surname,
                    details={"full_name": f"{token.text} {surname}"},
                )
