"""Article + nationality adjective directly before a person's name: "the Portuguese Antonio Guterres".

Romance languages put an article before a nationality used as a noun (el portugués António
Guterres, il francese Macron); English drops the article ("Portuguese-born Antonio Guterres",
"Portugal's Antonio Guterres") or says "the Portuguese diplomat Antonio Guterres". Only the exact
shape "the" + demonym + person name is flagged: "the Portuguese government" and "the Russian Foreign
Minister" are ordinary English, and a name that runs on into a capitalised word ("the German
Marshall Fund") is an organisation.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt_lexicon import load_tsv
from pipeline.detect.mt_parse import parse


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective -> country name."""
    return {row[0]: row[1] for row in load_tsv("demonyms.tsv")}


class NationalityArticleDetector(Detector):
    id = "mt.nationality_article"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        countries = demonyms()
        if not any(name in context.text for name in countries):
            return
        for offset, doc in parse(context.text):
            for i in range(len(doc) - 2):
                article, nationality, first = doc[i], doc[i + 1], doc[i + 2]
                if article.lower_ != "the" or nationality.text not in countries:
                    continue
                if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
                    continue
                entity = next(e for e in doc.ents if e.start == first.i)
                if len(entity) < 2:
                    continue
                following = doc[entity.end] if entity.end < len(doc) else None
                if following is not None and following.is_title and not following.is_sent_start:
                    continue
                name = entity.text
                start, end = offset + article.idx, offset + entity.end_char
                yield Finding(
                    category="mt_artefact",
                    start=start,
                    end=end,
                    message=(
                        "article + nationality directly before a person's name (a Romance construction); "
                        f"English writes “{nationality.text}-born {name}”, “{countries[nationality.text]}'s "
                        f"{name}” or “the {nationality.text} <role> {name}”"
                    ),
                    detector=self.id,
                    confidence=0.75,
                    suggestion=f"the {nationality.text}-born {name}",
                    details={"nationality": nationality.text, "name": name},
                )
