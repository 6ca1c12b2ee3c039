"""Institution names translated word by word: "the Ministry of the Defence", "the Committee of the Investigations".

Romance languages name a ministry with an article before its portfolio (Ministerio de la Defensa,
Ministère de la Justice) and Slavic ones with a genitive (Министерство обороны); a word-by-word
translation gives "the Ministry of the Defence (of the Republic)". English names of ministries and
departments take the portfolio without an article (Ministry of Defence, Department of Justice,
Ministry of Foreign Affairs) or make it a compound (Defence Ministry, Investigative Committee).

Structure, from the parse: an institution or office word (Ministry, Department, Committee,
Minister, Secretary, ...) with an "of" phrase whose object has the article "the" and is a portfolio
noun English names use bare (``calque_structures.json``, which lists its reason and sources), with
any modifiers ("of the Foreign Affairs", "of the State Security"). Portfolios English does name with
the article (the Interior, the Environment, the Economy, the Treasury, the Armed Forces) are not in
the class, and an object that runs on into another noun ("of the Health Insurance Fund") is a
different institution. Where the English name is the same words without "the", that is the
suggestion ("of the Defence" -> "of Defence"); for "of the Investigations" (English:
"Investigative Committee") there is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import calque_data, parsed_prose


@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[str], dict[str, int], frozenset[str], re.Pattern[str]]:
    data = calque_data()["institution_names"]
    heads = frozenset(data["heads"])
    portfolios = {p: len(p.split()) for p in data["portfolios"]}
    inexact = frozenset(data["plural_portfolios_without_exact_fix"])
    trigger = re.compile(rf"\b(?:{'|'.join(sorted(heads))})\s+of\s+the\s", re.IGNORECASE)
    return heads, portfolios, inexact, trigger


class InstitutionNameDetector(Detector):
    id = "mt.institution_name"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        heads, portfolios, inexact, trigger = _classes()
        for offset, doc in parsed_prose(context, trigger):
            for token in doc:
                if token.lower_ != "of" or token.head.lower_ not in heads or token.head.i != token.i - 1:
                    continue
                if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "the":
                    continue
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                obj = objects[0]
                following = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
                if following is not None and following.pos_ in ("NOUN", "PROPN"):
                    continue  # "of the Health Insurance Fund": the portfolio word is a modifier
                words = doc[token.i + 2 : obj.i + 1]
                phrase = " ".join(t.lower_ for t in words)
                portfolio = next((p for p in portfolios if phrase == p or phrase.endswith(" " + p)), None)
                if portfolio is None:
                    continue
                start = offset + token.idx
                end = offset + obj.idx + len(obj.text)
                bare = f"of {words.text}"
                exact = portfolio not in inexact
                head = token.head.text
                yield Finding(
                    category="mt_artefact",
                    start=start,
                    end=end,
                    message=(
                        "institution name translated word by word (Romance 'Ministerio de la Defensa', Slavic "
                        f"genitive 'Министерство обороны'): English names the portfolio without “the” "
                        f"(“{head} {bare}”) or as a compound"
                    ),
                    detector=self.id,
                    confidence=0.75,
                    suggestion=bare if exact else None,
                    details={"mqm": "Terminology/Wrong term", "head": head, "portfolio": portfolio},
                )
