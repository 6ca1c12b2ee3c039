"""Article + nationality adjective directly before a person's name: "the Mexican Alfonso Cuaron".

Romance languages put an article before a nationality used as a noun (el mexicano Alfonso
Cuarón, il francese Macron); English drops the article ("Mexican-born Alfonso Cuaron",
"Mexico's Alfonso Cuaron") or says "the Mexican director Alfonso Cuaron". Only the exact
shape "the" + demonym + person name is flagged: "the Portuguese government" and "the Russian Foreign
Minister" are ordinary English, and a name that runs on into a capitalised word ("the German
Marshall Fund") is an organisation.

The name is a spaCy PERSON entity; when spaCy reads the whole phrase as an organisation ("the
Italian Mario Draghi"), two or three proper nouns none of which is an institution, place or title
word still count, with less confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.lexicons.loader import load_json, load_tsv
from pipeline.text.nlp import parse_paragraph

# words that make a capitalised phrase an institution, place, event or title rather than a person
_NOT_A_PERSON = {
    "airlines",
    "airways",
    "association",
    "bar",
    "broadcasting",
    "club",
    "college",
    "company",
    "corporation",
    "east",
    "embassy",
    "empire",
    "family",
    "foundation",
    "gulf",
    "group",
    "indies",
    "institute",
    "islands",
    "journal",
    "kingdom",
    "lake",
    "legion",
    "minister",
    "museum",
    "navy",
    "news",
    "north",
    "open",
    "post",
    "president",
    "press",
    "prix",
    "region",
    "revolution",
    "river",
    "school",
    "society",
    "south",
    "state",
    "states",
    "times",
    "war",
    "west",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "general",
}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective -> country name."""
    return {row[0]: row[1] for row in load_tsv("demonyms.tsv")}


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """ "the" + demonym + two capitalised words: the only place the construction can be."""
    alternatives = "|".join(re.escape(d) for d in sorted(demonyms(), key=len, reverse=True))
    return re.compile(rf"\b[Tt]he (?:{alternatives}) [A-Z][\w’'.-]* [A-Z]")


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    data = load_json("name_word_order.json")
    words = {w.lower() for w in data["head_nouns"] + data["prenominal_adjectives"] + data["chain_adjectives"]}
    return frozenset(words | _NOT_A_PERSON)


def _name_after(doc, i: int) -> tuple[int, float] | None:
    """End token index and confidence of a person's name starting at token ``i``, if there is one."""
    token = doc[i]
    if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
        entity = next(e for e in doc.ents if e.start == i)
        return (entity.end, 0.75) if len(entity) >= 2 else None
    end = i
    while end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    words = [t.text for t in doc[i:end]]
    if not 2 <= len(words) <= 3:
        return None
    if any(w.lower() in _institution_words() or w in demonyms() for w in words):
        return None
    return end, 0.6


class NationalityArticleDetector(Detector):
    id = "mt.nationality_article"
    version = "2"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        countries = demonyms()
        for paragraph in context.paragraphs:
            if not _trigger().search(paragraph.text):
                continue
            offset, doc = paragraph.start, parse_paragraph(paragraph.text)
            for i in range(len(doc) - 2):
                article, nationality = doc[i], doc[i + 1]
                if article.lower_ != "the" or nationality.text not in countries:
                    continue
                found = _name_after(doc, i + 2)
                if found is None:
                    continue
                end, confidence = found
                following = doc[end] if end < len(doc) else None
                if following is not None and following.text[:1].isupper() and following.is_alpha:
                    continue
                name = doc[i + 2 : end].text
                country = countries[nationality.text]
                possessive = f"{country}'" if country.endswith("s") else f"{country}'s"
                yield Finding(
                    category="mt_artefact",
                    start=offset + article.idx,
                    end=offset + doc[end - 1].idx + len(doc[end - 1].text),
                    message=(
                        "article + nationality directly before a person's name (a Romance construction); "
                        f"English writes “{nationality.text}-born {name}”, “{possessive} {name}” or "
                        f"“the {nationality.text} <role> {name}”"
                    ),
                    detector=self.id,
                    confidence=confidence,
                    suggestion=f"the {nationality.text}-born {name}",
                    details={
                        "nationality": nationality.text,
                        "name": name,
                        "alternatives": [f"{possessive} {name}", f"the {nationality.text}-born {name}", name],
                    },
                )
