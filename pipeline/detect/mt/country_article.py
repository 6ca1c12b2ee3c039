"""An article before a country's name: "the farmers of the Greece", "the France announced".

Romance languages and Greek put the definite article before most country names (la Grèce, la
Francia, a Grécia, η Ελλάδα, Germany in German only after a preposition: "in der Schweiz"), and a
word-by-word translation keeps it. English names most countries without it; the ones it names with
"the" are plurals and unions (the Netherlands, the Philippines, the United States, the Czech
Republic), a few fixed forms (the Gambia, the Vatican), and older usages of names that are also
rivers or regions (the Sudan, the Congo, the Lebanon, the Ukraine), all of which are left alone.

Country names come from ISO 3166 through ``pycountry`` (its common names; "Russia" and "Turkey" for
the Russian Federation and Türkiye, Britain and its nations added). "The" is a calque only when
the name is the whole noun phrase: English does say "the Greece of the 1960s", "the Russia we
know", "the France coach", "the Spain-Portugal border" and "the Japan Times", so a name followed
by "of", a relative or personal pronoun, a noun, a number, an adjective or a hyphen is left alone.

MQM (Lommel et al., core typology): Fluency/Grammar. The suggestion is the name without the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import parsed_prose

# names English writes with "the", and names that are also rivers or regions ("the Jordan", "the Niger")
_WITH_ARTICLE = frozenset(
    {
        "Bahamas", "Gambia", "Netherlands", "Philippines", "Maldives", "Seychelles", "Comoros", "Congo",
        "Sudan", "Ukraine", "Lebanon", "Yemen", "Niger", "Jordan", "Jersey", "Guernsey", "Isle of Man",
        "Antarctica", "Pitcairn",
    }
)  # fmt: skip
_PLURAL_OR_UNION = re.compile(r"\b(?:Islands|Republic|States|Kingdom|Emirates|Federation|Territories|Territory)\b")
_EXTRA_NAMES = ("Russia", "Turkey", "Britain", "Great Britain", "England", "Scotland", "Wales", "Kosovo")
# words after the name that make the article English: "the Greece of old", "the Russia that/we ..."
_KEEPS_ARTICLE = frozenset(
    "of that which who whom whose where when i we you he she they it its our my their his her".split()
)
_KEEPS_ARTICLE_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
_COMPOUND_MARKS = "-–—/"


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """English short names of the world's countries and territories that take no article (ISO 3166
    via pycountry, with the common names English news uses)."""
    import pycountry

    names = {getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names |= set(_EXTRA_NAMES)
    return frozenset(
        n for n in names if not re.search(r"[,()]", n) and n not in _WITH_ARTICLE and not _PLURAL_OR_UNION.search(n)
    )


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(country_names(), key=len, reverse=True))
    return re.compile(rf"\b[Tt]he (?:{names})\b")


class CountryArticleDetector(Detector):
    id = "mt.country_article"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        trigger = _trigger()
        for offset, doc in parsed_prose(context, trigger):
            text = doc.text
            for match in trigger.finditer(text):
                name = match.group()[4:]
                end = match.end()
                if end < len(text) and text[end] in _COMPOUND_MARKS:
                    continue  # "the Spain-Portugal border"
                span = doc.char_span(match.start(), end)
                if span is None:
                    continue  # the name is part of a longer token
                after = doc[span.end] if span.end < len(doc) else None
                if after is not None and (after.lower_ in _KEEPS_ARTICLE or after.pos_ in _KEEPS_ARTICLE_POS):
                    continue  # "the Greece of the 1960s", "the France coach"
                yield Finding(
                    category="mt_artefact",
                    start=offset + match.start(),
                    end=offset + end,
                    message=(
                        f"article before “{name}”: Romance languages and Greek put one before a country's name "
                        f"(la Grèce, la Francia, η Ελλάδα); English names the country without it"
                    ),
                    detector=self.id,
                    confidence=0.7,
                    suggestion=name,
                    details={"mqm": "Fluency/Grammar", "country": name},
                )
