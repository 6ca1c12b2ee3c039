"""Verb forms: put a suggested verb in the form of the verb it replaces.

A detector that suggests "intend to" for "pretends to" or "carry out" for "realized" writes its
suggestion in the base form; the replacement must carry the flagged verb's tense and person, or the
rewriter would apply "The government intend to" (a new error). Inflection and lemmas come from
LemmInflect (Jascoll, https://github.com/bjascob/LemmInflect: lemmas and inflections from the
Automatically Generated Inflection Database with a spaCy-compatible Penn tag set), so irregular verbs
("hold" -> "held", "tell" -> "told") need no list here.
"""

from __future__ import annotations

from functools import lru_cache

# the word before a verb whose base form equals its past ("put", "set", "cut") that makes it a base form
_BASE_FORM_BEFORE = frozenset(
    "to will would can could may might must shall should do does did not n't never also".split()
)
_TAG_PREFERENCE = ("VBG", "VBZ", "VBD", "VBN", "VBP", "VB")  # past before participle: same form but for irregulars


@lru_cache(maxsize=4096)
def inflect(base: str, tag: str) -> str:
    """``base`` (a verb in its base form, optionally followed by more words: "carry out", "intend
    to") with its first word in the form of the Penn ``tag`` (VB, VBD, VBN, VBZ, VBG, VBP); another
    tag, or a verb LemmInflect does not know, leaves ``base`` unchanged."""
    from lemminflect import getInflection

    verb, space, rest = base.partition(" ")
    forms = getInflection(verb, tag=tag) if tag.startswith("VB") else ()
    return (forms[0] if forms else verb) + space + rest


@lru_cache(maxsize=4096)
def verb_tag(word: str, previous: str = "") -> str:
    """The Penn tag of ``word`` read as a verb form, without a parse: "pretends" -> VBZ, "realized"
    -> VBD, "assisting" -> VBG; a form shared by base and past ("put") is a base form (VB) after
    ``previous`` "to", a modal or a negation, else past (VBD). Unknown words: VB."""
    from lemminflect import getAllInflections, getAllLemmas

    lowered = word.lower()
    lemmas = getAllLemmas(lowered, upos="VERB").get("VERB", ())
    for lemma in lemmas:
        forms = getAllInflections(lemma, upos="VERB")
        tags = [tag for tag in _TAG_PREFERENCE if lowered in forms.get(tag, ())]
        if "VB" in tags and previous.lower() in _BASE_FORM_BEFORE:
            return "VB"
        if tags:
            return tags[0]
    return "VB"


@lru_cache(maxsize=4096)
def can_be_verb(word: str) -> bool:
    """Whether ``word`` is a form of some English verb ("concern", "shows", "results"), by
    LemmInflect's lemma tables; "data" and "response" are not."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower(), upos="VERB").get("VERB"))


@lru_cache(maxsize=1024)
def verb_forms(lemma: str) -> frozenset[str]:
    """Every form of the verb ``lemma`` LemmInflect knows, lower case, with the lemma itself
    ("become" -> become, becomes, became, becoming)."""
    from lemminflect import getAllInflections

    return frozenset(
        {lemma.lower()} | {form.lower() for forms in getAllInflections(lemma, upos="VERB").values() for form in forms}
    )


@lru_cache(maxsize=4096)
def noun_lemmas(word: str) -> frozenset[str]:
    """``word`` and its lemmas read as a noun ("families" -> families, family), lower case: for
    class lists written in the singular, whatever the parse took the word for."""
    from lemminflect import getAllLemmas

    return frozenset(
        {word.lower()} | {lemma.lower() for lemma in getAllLemmas(word.lower(), upos="NOUN").get("NOUN", ())}
    )
