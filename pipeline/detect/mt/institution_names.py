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
"Investigative Committee") there is none. "State" is such a portfolio only after "Council": the
Council of State (Conseil d'État, Consiglio di Stato, Raad van State) read word by word.

A second shape needs no list of portfolios: a genitive chain, "the Committee of the Protection of the
Rights of the Consumers" (Slavic "Комитет защиты прав потребителей", Romanian "Autoritatea Națională
pentru Protecția Consumatorilor" read word by word). The office word is followed by "of the", a
nominalisation (a noun made from a verb or adjective: -tion, -sion, -ment, -ance, -ence, -ity) and
another "of (the)" link. English names the purpose with "for" or "on" (Organisation for the
Prohibition of Chemical Weapons, Committee on the Elimination of Racial Discrimination) or as a
compound (Consumer Rights Protection Committee), so the chain is flagged with no suggestion; a chain
that ends in the state ("... of the Republic of Moldova") is how official English names are written
and is left alone.

A third shape is a calqued portfolio name (``portfolio_calques`` in ``calque_structures.json``, with
its reason): "the Ministry of Exterior Affairs" (Spanish "Asuntos Exteriores", Italian "Affari Esteri")
-> "Foreign Affairs", "the Ministry of the Farm" (Portuguese "Fazenda", the treasury) -> "Finance",
"the Ministry of Extraordinary Situations" (Russian МЧС) -> "Emergency Situations", "the Ministry of
Energetics" (Slavic "энергетика", only after a ministry or minister) -> "Energy". A fourth shape
repeats the link inside one capitalised name, "the Commission of the Markets and of the Competition"
(Romance "de los Mercados y de la Competencia"), which English names share ("of Markets and
Competition") or make a compound; flagged with no suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import calque_data, parsed_prose


@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[str], dict[str, int], frozenset[str], dict[str, str], re.Pattern[str]]:
    data = calque_data()["institution_names"]
    heads = frozenset(data["heads"])
    portfolios = {p: len(p.split()) for p in data["portfolios"]}
    inexact = frozenset(data["plural_portfolios_without_exact_fix"])
    one_head = dict(data["portfolios_after_one_head"]["heads"])
    trigger = re.compile(rf"\b(?:{'|'.join(sorted(heads))})\s+of\s+the\s", re.IGNORECASE)
    return heads, portfolios, inexact, one_head, trigger


_NOMINALISATION = r"[A-Za-z]+(?:tion|sion|ment|ance|ence|ity)"
# nouns with those endings that name a body or place rather than an action or quality
_NOT_ACTIONS = frozenset(
    {
        "environment", "government", "parliament", "department", "settlement", "municipality", "city",
        "community", "university", "entity", "presidence", "residence", "organisation", "organization",
        "association", "federation", "confederation", "institution", "corporation", "conference",
        "administration", "foundation", "coalition", "alliance", "commission", "convention", "union",
        "assembly", "agency", "authority", "presidency", "constituency", "congregation", "delegation",
    }
)  # fmt: skip
_STATE_WORDS = frozenset(
    {
        "republic",
        "federation",
        "kingdom",
        "union",
        "state",
        "states",
        "country",
        "government",
        "region",
        "city",
        "province",
        "county",
        "municipality",
        "commonwealth",
        "principality",
    }
)


@lru_cache(maxsize=1)
def _chain() -> re.Pattern[str]:
    heads = calque_data()["institution_names"]["heads"]
    return re.compile(
        rf"(?<![\w-])(?i:{'|'.join(sorted(heads))})\s+(?P<chain>of the (?P<first>{_NOMINALISATION})"
        r"(?P<links>(?: of(?: the)? [\w-]+){1,3}))"
    )


@lru_cache(maxsize=1)
def _coordinated() -> re.Pattern[str]:
    heads = calque_data()["institution_names"]["heads"]
    name = r"(?:[A-Z][\w-]+ ){0,2}[A-Z][\w-]+"
    return re.compile(
        rf"(?<![\w-])(?-i:[A-Z])(?i:{'|'.join(h[1:] for h in sorted(heads))})"
        rf"(?:\s+(?:of|for)(?: the)? {name})*?\s+(?P<chain>of the {name},? and of the {name})"
    )


@lru_cache(maxsize=1)
def _calqued_portfolios() -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    calques = calque_data()["institution_names"]["portfolio_calques"]["calques"]
    heads = calque_data()["institution_names"]["heads"]
    portfolios = "|".join(sorted((re.escape(c) for c in calques), key=len, reverse=True))
    pattern = re.compile(
        rf"(?i:\b(?P<head>{'|'.join(sorted(heads))})\s+(?:of|for)\s+)(?P<phrase>(?:(?i:the)\s+)?(?P<portfolio>(?i:{portfolios})))\b"
        # "Office of Farm Safety said": the name goes on, the word is a modifier; a person's name after
        # it ("Minister of the Farm Paulo Rocha said", two capitalised words) does not make it one
        r"(?!\s+[A-Z][a-z]+(?:\s+[a-z]|[^\w\s]|$))"
    )
    return pattern, calques


class InstitutionNameDetector(Detector):
    id = "mt.institution_name"
    version = "5"  # 5: Council of the State, Energetics

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        yield from self._portfolios(context)
        yield from self._chains(context)
        yield from self._portfolio_calques(context)
        yield from self._coordinated_links(context)

    def _coordinated_links(self, context: DetectContext) -> Iterable[Finding]:
        for match in _coordinated().finditer(context.text):
            yield Finding(
                category="mt_artefact",
                start=match.start("chain"),
                end=match.end("chain"),
                message=(
                    "institution name translated word by word: “of the … and of the …” repeats the article and "
                    "the preposition as Romance names do ('Comisión Nacional de los Mercados y la Competencia', "
                    "'Autorità Garante della Concorrenza e del Mercato'); English names share one “of” or make "
                    "a compound (“Markets and Competition Commission”)"
                ),
                detector=self.id,
                confidence=0.6,
                details={"mqm": "Terminology/Wrong term", "kind": "coordinated_links"},
            )

    def _portfolio_calques(self, context: DetectContext) -> Iterable[Finding]:
        pattern, calques = _calqued_portfolios()
        for match in pattern.finditer(context.text):
            calque = calques[match["portfolio"].lower()]
            english, written = calque["english"], match["portfolio"]
            if calque.get("capitalised_only") and not written[:1].isupper():
                continue  # "a committee of farm workers" describes; only the name is a calque
            if match["head"].lower() not in calque.get("heads", (match["head"].lower(),)):
                continue  # "a Department of Energetics" at a university keeps the word
            yield Finding(
                category="mt_artefact",
                start=match.start("phrase"),
                end=match.end("phrase"),
                message=f"portfolio name calqued from {calque['source']}: English names it “{english}”",
                detector=self.id,
                confidence=0.75,
                suggestion=english if written[:1].isupper() else english.lower(),
                details={"mqm": "Terminology/Wrong term", "kind": "portfolio_calque"},
            )

    def _chains(self, context: DetectContext) -> Iterable[Finding]:
        for match in _chain().finditer(context.text):
            if not match.group()[0].isupper() or match["first"].lower() in _NOT_ACTIONS:
                continue  # a lower-case "committee of the ..." is a description, not a translated name
            objects = [link.split()[-1].lower() for link in re.findall(r" of(?: the)? [\w-]+", match["links"])]
            if objects[0] in _STATE_WORDS:
                continue  # "Ministry of the Development of the Republic ...": the official English form
            yield Finding(
                category="mt_artefact",
                start=match.start("chain"),
                end=match.end("chain"),
                message=(
                    "institution name translated word by word as a chain of “of the” phrases (Slavic genitive "
                    "'Комитет защиты прав потребителей', Romance 'de la Protección de los Derechos'): English names "
                    "the purpose with “for” (“for the Protection of …”) or as a compound (“Consumer Rights "
                    "Protection Committee”)"
                ),
                detector=self.id,
                confidence=0.6,
                details={"mqm": "Terminology/Wrong term", "kind": "genitive_chain"},
            )

    def _portfolios(self, context: DetectContext) -> Iterable[Finding]:
        heads, portfolios, inexact, one_head, trigger = _classes()
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
                if portfolio in one_head and (
                    token.head.lower_ != one_head[portfolio]
                    or not obj.text[:1].isupper()
                    or (following is not None and following.lower_ == "of")
                ):
                    continue  # "the Chief Minister of the state", "the Council of the State of Qatar"
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
