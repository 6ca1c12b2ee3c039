"""A singular count noun naming an actor with no article: "Minister said that government will ...",
"the court sentenced former mayor to six years".

Russian, Ukrainian, Polish, Czech and the other Slavic languages have no articles, and machine
translation from them often leaves "the"/"a" out. English needs a determiner before a singular count
noun; as a clause subject its absence is almost never deliberate outside headlines, captions and
notes (which ``parsed_prose`` skips: no final punctuation).

Structure, from the parse: a subject (``nsubj``/``nsubjpass``) that is a singular common noun (tag
NN, or a capitalised title word spaCy tags NNP that is not followed by a name), with no determiner,
possessive, number or pre-determiner in its phrase and no article before it, not coordinated
("husband and wife"), not an entity, and countable by its word frequencies (its plural in common
use: ``structure.is_count_noun``). The noun must also name a person by role or an institution
(``calque_structures.json``: the subjects news reports make act, listed with the reason): abstract
and mass nouns are used bare in good English ("Love is blind", "Justice has been served"), and over
all count nouns this detector flagged more than one subject per 1,000 words of clean text.

As a direct object only a person named by role counts (``object_agents``: "sentenced former mayor",
"detained suspect") or a document or procedure of public life (``object_documents``: "signed
decree", "opened criminal case"; count nouns in every sense), and as the agent of a passive also a
court, committee or other body ("upheld by regional court"), lower case, not a title before a name ("sentenced former mayor Ivanov"), not
after a verb that takes a bare role ("elected him president", "played goalkeeper"): institution and
abstract nouns are bare objects in good English ("had authority", "introduced military service").

No suggestion (the article may be "the" or "a"); both are offered to the rewriter as alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import calque_data, is_count_noun, parsed_prose

_DETERMINING = {"det", "poss", "nummod", "predet", "quantmod"}
_ENTITIES = {"PERSON", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


@lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """(nouns checked as subjects, nouns checked as direct objects, a pattern finding paragraphs with any)."""
    data = calque_data()["missing_article"]
    subjects = frozenset(data["agents"])
    objects = frozenset(data["object_agents"]) | frozenset(data["object_documents"])
    return subjects, objects, re.compile(rf"\b(?:{'|'.join(sorted(subjects | objects))})\b", re.IGNORECASE)


def covered_nouns() -> frozenset[str]:
    """The nouns this detector checks as subjects or objects whatever the sentence: others are left to
    :mod:`pipeline.detect.mt.bare_object`, which asks the language model."""
    subjects, objects, _ = _nouns()
    return subjects | objects


def indefinite_article(phrase: str) -> str:
    """ "an" before a vowel letter, else "a" (by spelling: "a union", "an hour" are not told apart)."""
    return "an" if phrase[:1].lower() in "aeiou" else "a"


def bare_phrase(doc: Any, noun: Any) -> Any | None:
    """The phrase of ``noun`` (from its left edge) when nothing in it or just before it determines it
    (no determiner, possessive, number, "the"/"a" or possessive "'s" before it) and English counts
    the noun; else None."""
    left = doc[noun.left_edge.i : noun.i + 1]
    if any(t.dep_ in _DETERMINING or t.tag_ in ("PRP$", "WP$", "CD", "POS") for t in left):
        return None
    previous = doc[left.start - 1] if left.start > 0 else None
    if previous is not None and (previous.lower_ in ("the", "a", "an") or previous.tag_ == "POS"):
        return None
    return left if is_count_noun(noun.lower_) else None


# verbs whose object may be a bare role noun in good English ("played goalkeeper", "named him coach")
_ROLE_VERBS = frozenset({"play", "appoint", "name", "elect", "make", "become", "crown", "nominate", "call", "declare",
                         "hold", "take", "leave", "seek", "assume", "resume", "vacate"})  # fmt: skip


# bodies that act as the agent of a passive ("upheld by regional court"), besides people by role
_PASSIVE_AGENTS = frozenset({"court", "committee", "commission", "council", "ministry", "embassy", "agency", "company"})


def _role(noun: Any) -> str:
    """ "subject", "object" (direct), "agent" (of a passive: "by regional court") or "" (other)."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if noun.dep_ == "dobj":
        return "object"
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return "agent"
    return ""


def bare_object_calque(doc: Any, noun: Any) -> bool:
    """A lower-case singular agent noun as direct object, not a title before a name ("sentenced
    former mayor Ivanov"), not after a verb that takes bare role nouns, not followed by another noun."""
    if noun.tag_ not in ("NN", "NNP") or not noun.text.islower() or noun.head.lemma_.lower() in _ROLE_VERBS:
        return False
    if any(t.text in ("'", "’") for t in doc[noun.left_edge.i - 1 if noun.left_edge.i else 0 : noun.i]):
        return False  # "the Smiths' case": a possessive apostrophe on its own is a determiner
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is not None and following.lower_ in ("after", "by", "upon", "to", "for"):
        again = doc[noun.i + 2] if noun.i + 2 < len(doc) else None
        if again is not None and again.lower_ == noun.lower_:
            return False  # "case after case", "letter upon letter": the noun repeated, bare by design
    return following is None or following.pos_ not in ("PROPN", "NOUN", "NUM")


class MissingArticleDetector(Detector):
    id = "mt.missing_article"
    version = "3"  # 2: people named by role as direct objects; 3: documents as direct objects

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        subjects, objects, trigger = _nouns()
        for offset, doc in parsed_prose(context, trigger):
            for noun in doc:
                if noun.lower_ not in subjects and noun.lower_ not in objects:
                    continue
                role = _role(noun)
                if role in ("object", "agent"):
                    allowed = noun.lower_ in objects or role == "agent" and noun.lower_ in _PASSIVE_AGENTS
                    if not allowed or not bare_object_calque(doc, noun):
                        continue
                elif role != "subject" or noun.lower_ not in subjects:
                    continue
                at_sentence_start = noun.left_edge.i == noun.sent.start
                if noun.tag_ == "NNP" and not noun.text.islower():
                    # a capitalised title word ("Minister said"), not a name or part of one
                    if not noun.text.istitle() or noun.ent_type_ in _ENTITIES:
                        continue
                    if any(c.pos_ == "PROPN" for c in noun.children):
                        continue
                    if noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN":
                        continue
                    if any(t.ent_type_ == "PERSON" for t in noun.subtree):
                        continue  # "President of Estonia Toomas Ilves": a title before a name
                    if any(
                        t.ent_type_ == "PERSON"
                        or t.pos_ == "PROPN"
                        and t.text.istitle()
                        and t.i > noun.i + 1
                        and doc[t.i - 1].pos_ == "PROPN"
                        for t in doc[noun.i + 1 : min(noun.head.i, noun.i + 8)]
                    ):
                        continue  # "President of the Republic Ana Costa signed": the name is attached elsewhere
                elif noun.tag_ not in ("NN", "NNP") or not (noun.text.islower() or at_sentence_start):
                    continue
                if any(c.dep_ in _DETERMINING or c.dep_ in ("cc", "conj", "appos") for c in noun.children):
                    continue
                if noun.dep_ == "conj" or noun.head.dep_ == "conj" and noun.head.pos_ == "NOUN":
                    continue
                left = bare_phrase(doc, noun)
                if left is None:
                    continue
                if any(t.pos_ == "PROPN" and t.i != noun.i for t in left):
                    continue  # "Kremlin spokesman said": a name in the phrase is a journalistic label
                lead = left.text
                if at_sentence_start:  # capitalised for its position only: "Prosecutor told" -> "The prosecutor"
                    lead = lead[:1].lower() + lead[1:]
                the = "The" if at_sentence_start else "the"
                a = indefinite_article(lead)
                if at_sentence_start:
                    a = a.capitalize()
                yield Finding(
                    category="mt_artefact",
                    start=offset + left[0].idx,
                    end=offset + noun.idx + len(noun.text),
                    message=(
                        f"singular count noun “{noun.text}” as {role} "
                        "with no article (Slavic languages have "
                        "no articles: 'Министр сказал'): English needs “the” or “a”"
                    ),
                    detector=self.id,
                    confidence=0.6,
                    details={"mqm": "Fluency/Grammar", "alternatives": [f"{the} {lead}", f"{a} {lead}"]},
                )
