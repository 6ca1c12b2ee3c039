"""Preposition calques after verbs: "discuss about", "arrive to", "depend of", "return back", "explain me", "listen the".

Romance and Slavic verbs govern their complements differently from their English equivalents, and a
literal translation keeps the source's government: a preposition English does not use ("discutir
sobre" -> "discuss about"), the wrong one ("depender de" -> "depend of"), a redundant particle
("вернуться обратно" -> "return back"), a bare hearer after a verb of saying ("me explicó" ->
"explained me"), or no preposition where English needs one ("escuchar la radio" -> "listen the
radio").

Structure, from the parse: the verb (by lemma, so every inflection counts, with adverbs between)
and its own dependants -- a preposition with an object, a particle, a pronoun object followed by
what is said, or a direct object. The verb classes and what English wants instead are data
(``calque_structures.json``, with reasons and sources). Not flagged: "about" as "approximately"
("discussed about 20 proposals"), prepositions of time ("entered to" never has one, but "arrived
on Monday" has), "to" before an infinitive ("arrived to find"), "wait a minute", "listen up".

A flag carries a suggestion only where the fix is exact: a deleted preposition ("discuss about" ->
"discuss"), a substituted one ("depend of" -> "depend on"), "said me" -> "told me", "listen the"
-> "listen to the". "arrive to" has two English readings (arrive in a city, at a place) and gets
them as alternatives for the rewriter to score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import calque_data, cased_like, parsed_prose
from pipeline.text.inflection import inflect

_TIME_ENTITIES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
_HEARERS = {"me", "him", "her", "us", "them"}
_SAID_THINGS = {"that", "how", "what", "why", "when", "where", "whether", "who", "about"}
_OBJECT_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "our", "their"}


@dataclass(frozen=True)
class _Rule:
    lemma: str
    preps: frozenset[str]
    fix: str  # "delete", a preposition, or alternatives joined by "|"
    pattern: str
    bare_object_only: bool = False  # only a bare singular noun object ("accused in fraud", not "in the killing")
    except_objects: frozenset[str] = frozenset()  # objects that make the preposition English ("accused in court")
    after_object: bool = False  # the verb's direct object may stand before the preposition ("congratulated X with")
    gerund_only: bool = False  # only before an -ing form ("insisted in holding"; "insisted in a letter" is English)
    active_only: bool = False  # not a passive or a participle ("farmers joined to"; "the shed is joined to the house")


@dataclass(frozen=True)
class _Classes:
    rules: dict[str, _Rule]  # verb lemma -> its preposition rule
    particles: dict[str, tuple[str, str]]  # verb lemma -> (redundant particle, source pattern)
    dative: dict[str, str]  # verb of saying -> "to" or the English verb for it ("say" -> "tell")
    direct: dict[str, str]  # intransitive verb -> the preposition its object needs
    not_objects: frozenset[str]  # nouns that follow those verbs in good English ("wait a minute")
    trigger: re.Pattern[str]


@lru_cache(maxsize=1)
def _data() -> _Classes:
    data = calque_data()["verb_preposition"]
    rules = {
        r["lemma"]: _Rule(
            r["lemma"],
            frozenset(r["prep"]),
            r["fix"],
            r["pattern"],
            bool(r.get("bare_object_only", False)),
            frozenset(r.get("except_objects", ())),
            bool(r.get("after_object", False)),
            bool(r.get("gerund_only", False)),
            bool(r.get("active_only", False)),
        )
        for r in data["rules"]
    }
    particles = {p["lemma"]: (p["particle"], p["pattern"]) for p in data["particles"]}
    dative = dict(data["dative_verbs"]["verbs"])
    direct = dict(data["direct_object_calques"]["verbs"])
    # regular forms share the lemma's stem ("arriv-", "discuss-"); "say" is the one irregular verb
    stems = sorted({w.rstrip("ey") for w in [*rules, *particles, *dative, *direct]} | {"said"})
    return _Classes(
        rules,
        particles,
        dative,
        direct,
        frozenset(data["direct_object_calques"]["not_objects"]),
        re.compile(rf"\b(?:{'|'.join(stems)})", re.IGNORECASE),
    )


def _verb(token: Any) -> bool:
    return token.pos_ == "VERB" and token.tag_.startswith("VB")


def _between_is_adverbs(doc: Any, verb: Any, token: Any) -> bool:
    return all(t.pos_ in ("ADV", "PART") and t.lower_ != "to" for t in doc[verb.i + 1 : token.i])


def _between_is_object(doc: Any, verb: Any, token: Any) -> bool:
    """Only the verb's direct object (with its own words) stands between the verb and ``token``."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < token.i]
    return bool(objects) and objects[0].right_edge.i == token.i - 1 and objects[0].left_edge.i == verb.i + 1


class VerbPrepositionDetector(Detector):
    id = "mt.verb_preposition"
    version = "3"  # 2: accuse/suspect in + a bare object; 3: insist in + an -ing form

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        for offset, doc in parsed_prose(context, _data().trigger):
            for verb in doc:
                if _verb(verb):
                    for found in self._at(doc, verb):
                        yield self._shift(found, offset)

    def _shift(self, finding: Finding, offset: int) -> Finding:
        return Finding(
            category=finding.category,
            start=finding.start + offset,
            end=finding.end + offset,
            message=finding.message,
            detector=finding.detector,
            confidence=finding.confidence,
            suggestion=finding.suggestion,
            details=finding.details,
        )

    def _at(self, doc: Any, verb: Any) -> Iterator[Finding]:
        classes = _data()
        rules, particles, dative, direct = classes.rules, classes.particles, classes.dative, classes.direct
        lemma = verb.lemma_.lower()
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if after is None:
            return
        rule = rules.get(lemma)
        if (
            rule is not None
            and rule.active_only
            and (verb.dep_ in ("acl", "amod") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children))
        ):
            rule = None  # "the shed is joined to the house", "a village joined to the town"
        if rule is not None:
            for prep in verb.children:
                if prep.i <= verb.i or prep.dep_ not in ("prep", "dative") or prep.lower_ not in rule.preps:
                    continue
                if not _between_is_adverbs(doc, verb, prep) and not (
                    rule.after_object and _between_is_object(doc, verb, prep)
                ):
                    continue
                if rule.gerund_only:
                    if prep.i + 1 < len(doc) and doc[prep.i + 1].tag_ == "VBG":
                        yield self._preposition(doc, verb, prep, doc[prep.i + 1], rule)
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if not objects or prep.i + 1 >= len(doc):
                    continue
                nxt = doc[prep.i + 1]
                if prep.lower_ in ("about", "over") and (nxt.like_num or nxt.dep_ in ("quantmod", "advmod")):
                    continue  # "discussed about 20 proposals": about = approximately
                if any(o.ent_type_ in _TIME_ENTITIES for o in objects) or nxt.pos_ in ("VERB", "AUX"):
                    continue
                if objects[0].lower_ in rule.except_objects or (
                    rule.bare_object_only
                    and (objects[0].tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in objects[0].children))
                ):
                    continue
                yield self._preposition(doc, verb, prep, objects[0], rule)
        if lemma in particles:
            particle, pattern = particles[lemma]
            for child in verb.children:
                if child.i > verb.i and child.lower_ == particle and child.dep_ in ("prt", "advmod"):
                    if _between_is_adverbs(doc, verb, child):
                        yield self._finding(
                            verb.idx,
                            child.idx + len(child.text),
                            f"redundant particle after a verb that already says it ({pattern}): “{verb.text}” alone",
                            0.7,
                            verb.text,
                            redundant=[child.text],
                        )
        if lemma in dative and after.lower_ in _HEARERS and after.i + 1 < len(doc):
            said = doc[after.i + 1]
            if said.lower_ in _SAID_THINGS or said.lower_ in _OBJECT_DETERMINERS:
                fix = dative[lemma]
                if fix == "to":
                    suggestion = f"{verb.text} to {after.text}"
                else:
                    suggestion = cased_like(inflect(fix, verb.tag_), verb.text) + f" {after.text}"
                yield self._finding(
                    verb.idx,
                    after.idx + len(after.text),
                    "hearer after a verb of saying without “to” (Romance clitic 'me explicó', Slavic dative "
                    f"'объяснил мне'): English says “{suggestion}”",
                    0.7,
                    suggestion,
                )
        if lemma in direct and after.lower_ in _OBJECT_DETERMINERS:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "obj") and c.i > verb.i), None)
            if obj is not None and obj.lower_ not in classes.not_objects and obj.ent_type_ not in _TIME_ENTITIES:
                if all(t.i == obj.i or t.dep_ in ("det", "amod", "compound", "poss") for t in doc[after.i : obj.i + 1]):
                    prep = direct[lemma]
                    yield self._finding(
                        verb.idx,
                        verb.idx + len(verb.text),
                        f"“{verb.text}” with a direct object (Romance 'escuchar la radio', 'esperar el autobús', Slavic "
                        f"accusative 'слушать радио'): English needs “{verb.text} {prep}”",
                        0.65,
                        f"{verb.text} {prep}",
                    )

    def _preposition(self, doc: Any, verb: Any, prep: Any, obj: Any, rule: _Rule) -> Finding:
        span_start, span_end = verb.idx, prep.idx + len(prep.text)
        between = doc.text[verb.idx + len(verb.text) : prep.idx]
        alternatives: list[str] = []
        if rule.fix == "delete":
            suggestion: str | None = (verb.text + between).rstrip()
            wanted = f"“{verb.lemma_}” with a direct object"
        elif "|" in rule.fix:
            suggestion = None
            alternatives = [f"{verb.text}{between}{p}" for p in rule.fix.split("|")]
            if obj.ent_type_ in ("GPE", "LOC"):
                alternatives = [alternatives[0]]  # a city or a country: "arrived in Kyiv"
                suggestion = alternatives[0]
            wanted = " or ".join(f"“{verb.lemma_} {p}”" for p in rule.fix.split("|"))
        else:
            suggestion = f"{verb.text}{between}{rule.fix}"
            wanted = f"“{verb.lemma_} {rule.fix}”"
        return self._finding(
            span_start,
            span_end,
            f"preposition calque after “{verb.lemma_}” ({rule.pattern}): English uses {wanted}",
            0.7,
            suggestion,
            alternatives,
        )

    def _finding(
        self,
        start: int,
        end: int,
        message: str,
        confidence: float,
        suggestion: str | None,
        alternatives: list[str] | None = None,
        redundant: list[str] | None = None,
    ) -> Finding:
        details: dict[str, Any] = {"mqm": "Fluency/Grammar"}
        if alternatives:
            details["alternatives"] = alternatives
        if redundant:
            details["redundant_words"] = redundant  # the rewrite's deletions guard lets these go
        return Finding(
            category="mt_artefact",
            start=start,
            end=end,
            message=message,
            detector=self.id,
            confidence=confidence,
            suggestion=suggestion,
            details=details,
        )
