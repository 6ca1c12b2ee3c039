"""False-friend verbs given away by their objects: "realized an operation", "assisted the meeting".

Romance and Slavic verbs that look like English ones mean something else: realizar / réaliser /
реализовать "carry out, make", asistir a / assister à "attend", pretender / prétendre à "aspire to",
aprobar un examen "pass", achever (les travaux) "complete", bekommen "receive". The English verbs (realize = understand, achieve a hope, sell for money;
assist = help; pretend = make believe; approve = accept) do not take the objects that only fit the
source meaning: an operation, a study, a visit or a payment is carried out or made, not realized; a
meeting is attended; building works are completed, not achieved; a person receives a payment and
becomes only what they turn into.

Structure, from the parse: the verb (any inflection) with its direct object -- or, for "assist" and
"pretend", the object of its "at"/"to" -- whose head noun is in the object class of the rule
(``calque_structures.json``, with reasons and sources). "He realized the operation was a failure" has
"operation" as the subject of a clause, not the verb's object, and is not flagged. The suggestion is
the English verb in the same form ("realized" -> "carried out", "assisting at" -> "attending"),
except for "pretend to", whose English depends on the sentence (alternatives for the rewriter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import calque_data, cased_like, parsed_prose
from pipeline.text.inflection import inflect, noun_lemmas, verb_forms


@dataclass(frozen=True)
class _Rule:
    lemmas: frozenset[str]
    objects: frozenset[str]
    fix: str | None
    preps: frozenset[str]
    alternatives: tuple[str, ...]
    pattern: str
    # whether "a series of X" counts as X: "realized a series of raids" yes; "approved a set of exams"
    # reads as authorising them, so the "approve" rule takes its object only directly
    through_partitives: bool = True
    # the dependency labels of the object: "become" takes its noun as a predicate (attr)
    object_deps: frozenset[str] = frozenset({"dobj", "obj"})
    # whether the subject must be a person or a group of people ("households will become a payment";
    # "the loan will become a payment" is English)
    person_subject: bool = False


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[_Rule, ...], re.Pattern[str]]:
    rules = tuple(
        _Rule(
            frozenset(r["lemma"]),
            frozenset(r["objects"]),
            r.get("fix"),
            frozenset(r.get("preps", ())),
            tuple(r.get("alternatives", ())),
            r["pattern"],
            bool(r.get("through_partitives", True)),
            frozenset(r.get("object_deps", ("dobj", "obj"))),
            bool(r.get("person_subject", False)),
        )
        for r in calque_data()["false_friend_verbs"]["rules"]
    )
    forms = sorted(
        {form for rule in rules for lemma in rule.lemmas for form in verb_forms(lemma)}, key=len, reverse=True
    )
    return rules, re.compile(rf"\b(?:{'|'.join(forms)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(calque_data()["false_friend_verbs"]["person_subjects"]["nouns"])


_PERSONAL_PRONOUNS = frozenset("i we you he she they everyone everybody someone somebody nobody".split())
_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def _person_subject(verb: Any) -> bool:
    """Whether ``verb``'s subject is a person or a group of people: a personal pronoun, a named person,
    group, organisation or country, or a noun of ``person_subjects`` ("households", "pensioners")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return (
                child.lower_ in _PERSONAL_PRONOUNS
                or child.ent_type_ in _PEOPLE_ENTITIES
                or bool(noun_lemmas(child.lower_) & _people())
            )
    return False


# nouns that count or group what follows "of" (a series of tests, a number of checks): closed class
PARTITIVES = frozenset(
    {
        "number",
        "series",
        "set",
        "range",
        "couple",
        "lot",
        "lots",
        "variety",
        "host",
        "dozen",
        "pair",
        "round",
        "batch",
        "total",
    }
)


def _object(verb: Any, rule: _Rule) -> tuple[Any, Any | None] | None:
    """(object noun, preposition or None) of ``verb`` that belongs to ``rule``'s object class.

    A verb with a direct object of its own is not read through a preposition: in "paramedics assisted
    two fans at the concert" the concert is where the help happened, not what was attended."""
    if rule.person_subject and not _person_subject(verb):
        return None
    has_direct_object = any(c.dep_ in rule.object_deps and c.i > verb.i for c in verb.children)
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in rule.object_deps and (child.lemma_.lower() in rule.objects or child.lower_ in rule.objects):
            return child, None
        if child.dep_ in rule.object_deps and rule.through_partitives and child.lemma_.lower() in PARTITIVES:
            # "realized a series of tests": the quantity noun is the parse's object, the noun after "of" the real one
            for of in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in of.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in rule.objects:
                        return obj, None
        if child.dep_ == "prep" and child.lower_ in rule.preps and not has_direct_object:
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in rule.objects or obj.lower_ in rule.objects):
                    return obj, child
    return None


class FalseFriendVerbDetector(Detector):
    id = "mt.false_friend_verb"
    version = "4"  # 4: "achieve the works" (French achever), "become a payment" (German bekommen)

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        rules, trigger = _rules()
        for offset, doc in parsed_prose(context, trigger):
            for verb in doc:
                if verb.pos_ != "VERB" or not verb.tag_.startswith("VB"):
                    continue
                lemma = verb.lemma_.lower()
                for rule in rules:
                    if lemma not in rule.lemmas:
                        continue
                    found = _object(verb, rule)
                    if found is None:
                        continue
                    obj, prep = found
                    end_token = prep if prep is not None else verb
                    start = offset + verb.idx
                    end = offset + end_token.idx + len(end_token.text)
                    suggestion = cased_like(inflect(rule.fix, verb.tag_), verb.text) if rule.fix else None
                    english = f"“{rule.fix}”" if rule.fix else " or ".join(f"“{a}”" for a in rule.alternatives)
                    details: dict[str, Any] = {"mqm": "Accuracy/Mistranslation", "object": obj.text}
                    if rule.alternatives:
                        details["alternatives"] = [
                            cased_like(inflect(a, verb.tag_), verb.text) for a in rule.alternatives
                        ]
                    yield Finding(
                        category="mt_artefact",
                        start=start,
                        end=end,
                        message=(
                            f"false friend “{verb.lemma_}” with “{obj.text}” ({rule.pattern}): English says {english}"
                        ),
                        detector=self.id,
                        confidence=0.7,
                        suggestion=suggestion,
                        details=details,
                    )
                    break
