"""Official titles translated with another country's system: "Finance Minister Janet Yellen".

Most governments have ministers; the United States and Britain have secretaries for several of the
same posts (Secretary of Defense, Secretary of State, Foreign Secretary, Home Secretary). A
translation from a language that says "minister" for every country gives the US Secretary of Defense
the title "Defense Minister", and the reverse slip makes a Russian minister a "Secretary of
Defense". The country comes from the adjective before the title ("U.S.", "Russian") or, when the text
does not say it, from the curated list of office holders (``official_titles.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.lexicons.loader import load_json

_TITLE = (
    r"(?:defen[cs]e|foreign|foreign affairs|interior|finance|justice|home) (?:minister|secretary)"
    r"|minister of (?:defen[cs]e|foreign affairs|the interior|finance|justice)"
    r"|secretary of (?:defense|state)"
)
_NAME = r"(?-i:[A-Z][\w’'-]+(?: [A-Z]\.?)?(?: [A-Z][\w’'-]+)+)"
_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    data = load_json("official_titles.json")
    adjective_country = {
        adjective: country for country, entry in data["countries"].items() for adjective in entry["adjectives"]
    }
    adjectives = "|".join(re.escape(a) for a in sorted(adjective_country, key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?<![\w.])(?-i:(?P<country>{adjectives}))\s+)?(?<![\w-])(?P<title>{_TITLE})(?![\w-])"
        rf"(?:,?\s+(?P<name>{_NAME}))?",
        re.IGNORECASE,
    )
    wrong = {country: entry["wrong_titles"] for country, entry in data["countries"].items()}
    return pattern, adjective_country, wrong, dict(data["holders"])


def holder_country(name: str, text: str, holders: dict[str, str]) -> str | None:
    """The country of a known office holder named ``name`` ("William P. Barr Jr." counts as "William Barr")."""
    tokens = [t for t in name.split() if t not in _SUFFIXES and not re.fullmatch(r"[A-Z]\.?", t)]
    if len(tokens) >= 2:
        country = holders.get(f"{tokens[0]} {tokens[-1]}")
        if country:
            return country
    surname = tokens[-1] if tokens else name
    for full, country in holders.items():
        if full.split()[-1] == surname and full in text:
            return country
    return None


class OfficialTitleDetector(Detector):
    id = "mt.official_title"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        pattern, adjective_country, wrong, holders = _data()
        text = context.text
        for match in pattern.finditer(text):
            title = match.group("title")
            country, how = None, ""
            if match.group("country"):
                country, how = adjective_country[match.group("country")], f"“{match.group('country')}”"
            elif match.group("name"):
                country, how = holder_country(match.group("name"), text, holders), match.group("name")
            if country is None:
                continue
            right = wrong.get(country, {}).get(" ".join(title.lower().split()))
            if right is None:
                continue
            suggestion = right if title[:1].isupper() else right.lower()
            who = "the United States" if country == "US" else "Britain" if country == "UK" else "that country"
            yield Finding(
                category="mt_artefact",
                start=match.start("title"),
                end=match.end("title"),
                message=f"title not used by {who} ({how}): “{suggestion}”",
                detector=self.id,
                confidence=0.8 if match.group("country") else 0.7,
                suggestion=suggestion,
                details={"country": country, "title": title},
            )
