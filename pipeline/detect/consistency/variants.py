"""Variant spellings of one word or name, and how to tell which form a document (or run) prefers.

Shared by the per-document detector (``consistency.py``) and the run-level pass
(``consistency_corpus.py``) so both count and choose the same way. Three kinds of variants:

- US/UK spelling pairs (defense/defence): a family per pair, compared anywhere in the text;
- transliteration groups of places and names (Kiev/Kyiv, Zelensky/Zelenskyy): compared anywhere;
- transliterated given names (Sergey/Sergei): compared only when followed by the same surname, so
  "Andrei Belousov" and "Andriy Yermak" (two people, each spelled as usual) are not mixed up.

The preferred form is the house style when configured, else the majority, else (on a tie) the
lexicon's preferred form (for spellings: the configured dialect's).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons.loader import load_tsv

_NEXT_NAME = re.compile(r"\s+([A-Z][\w’'-]+)")
_POSSESSIVE = re.compile(r"[’'‘]s$")


@dataclass(frozen=True)
class VariantGroup:
    key: str  # stable id, e.g. "spelling:defense" or "place:Kyiv"
    kind: str  # spelling | place | name | given_name
    forms: tuple[str, ...]
    preferred: str
    names_ok: bool = False  # capitalised uses are official names (Labour Party): not counted
    us_form: str | None = None


@dataclass(frozen=True)
class Occurrence:
    group: VariantGroup
    form: str  # the variant as the lexicon writes it
    start: int
    end: int
    text: str
    entity: str  # what the occurrence refers to: the group key, or group key + surname for given names


@lru_cache(maxsize=1)
def variant_groups() -> tuple[VariantGroup, ...]:
    groups = []
    for us, uk, names_ok in load_tsv("us_uk_spelling.tsv"):
        groups.append(VariantGroup(f"spelling:{us}", "spelling", (us, uk), us, names_ok == "1", us_form=us))
    for preferred, forms, kind in load_tsv("transliteration_variants.tsv"):
        variants = tuple(f.strip() for f in forms.split(",") if f.strip())
        if len(variants) > 1:
            groups.append(VariantGroup(f"{kind}:{preferred}", kind, variants, preferred))
    return tuple(groups)


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, tuple[VariantGroup, str]], dict[str, tuple[VariantGroup, str]]]:
    """One regex over every form; spellings are looked up case-insensitively, names exactly."""
    spellings: dict[str, tuple[VariantGroup, str]] = {}
    names: dict[str, tuple[VariantGroup, str]] = {}
    for group in variant_groups():
        for form in group.forms:
            if group.kind == "spelling":
                spellings.setdefault(form.lower(), (group, form))
            else:
                names.setdefault(form, (group, form))
    forms = sorted(set(spellings) | set(names), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?!\w)", re.IGNORECASE), spellings, names


def occurrences(text: str) -> Iterator[Occurrence]:
    """Every occurrence of a variant form in ``text``."""
    pattern, spellings, names = _matcher()
    for match in pattern.finditer(text):
        found = match.group()
        entry = names.get(found) or spellings.get(found.lower())
        if entry is None:
            continue  # a name form in the wrong case ("kiev"): not a use of the name
        group, form = entry
        if group.kind == "spelling":
            if not (found.islower() or found.istitle()):
                continue
            if found[0].isupper() and group.names_ok:
                continue
        entity = group.key
        if group.kind == "given_name":
            surname = _NEXT_NAME.match(text, match.end())
            if surname is None:
                continue
            entity = f"{group.key} {_POSSESSIVE.sub('', surname.group(1))}"
        yield Occurrence(group, form, match.start(), match.end(), found, entity)


def without_official_names(found: list[Occurrence]) -> list[Occurrence]:
    """Drop capitalised spellings ("Department of Defense", "Ministry of Defence") unless the running text mixes.

    Wire copy keeps an institution's own spelling in its name while the text around it follows the
    house dialect (Reuters: "defence ... the U.S. Department of Defense"). That is consistent. Only
    when the lower-case uses themselves mix both spellings is the document inconsistent, and then
    its capitalised uses are reported too.
    """
    mixed: dict[str, set[str]] = {}
    for occurrence in found:
        if occurrence.group.kind == "spelling" and occurrence.text.islower():
            mixed.setdefault(occurrence.group.key, set()).add(occurrence.form)
    return [o for o in found if o.group.kind != "spelling" or o.text.islower() or len(mixed.get(o.group.key, ())) > 1]


def preferred_form(
    group: VariantGroup, counts: Counter[str], house_style: Mapping[str, str], dialect: str = "en-US"
) -> tuple[str, str]:
    """The form to suggest for ``group`` given the counts of its forms, and why."""
    lowered = {k.lower(): v for k, v in house_style.items()}
    for form in group.forms:
        target = lowered.get(form.lower())
        if target is not None and target.lower() != form.lower():
            return _match_form(group, target), "house style"
    for form in group.forms:
        if form.lower() in {v.lower() for v in house_style.values()}:
            return form, "house style"
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0], "majority"
    if group.kind == "spelling":
        us_form = group.us_form or group.forms[0]
        return (us_form if dialect.lower().endswith("us") else group.forms[1]), f"dialect {dialect}"
    return group.preferred, "usual English form"


def _match_form(group: VariantGroup, target: str) -> str:
    for form in group.forms:
        if form.lower() == target.lower():
            return form
    return target


_LOOSE_RULES = (
    (re.compile(r"[’'‘]s$"), ""),
    (re.compile(r"dzh|zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"tz|ts"), "c"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"y"), "i"),
    (re.compile(r"^i(?=[aeou])"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][a-z]{3,}(?:[’']s)?(?![\w-])")


def transliteration_key(word: str) -> str:
    """A loose spelling key under which romanisations of one name meet: Zelenskyy, Zelenskiy -> zelenski."""
    key = word.lower()
    for pattern, replacement in _LOOSE_RULES:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=1)
def _listed_forms() -> frozenset[str]:
    return frozenset(form for group in variant_groups() for form in group.forms)


def loose_name_occurrences(text: str, is_common_word) -> list[Occurrence]:
    """Capitalised words outside the lexicon that share a transliteration key with a different spelling.

    Only words that end a name (not followed by another capitalised word) are compared, so given
    names of different people ("Andriy Yermak", "Andrii Sybiha") are not mixed up; common English
    words are ignored.
    """
    found: dict[str, list[tuple[int, int, str]]] = {}
    for match in _CAPITALISED.finditer(text):
        word = re.sub(r"[’']s$", "", match.group())
        if word in _listed_forms() or is_common_word(word):
            continue
        if re.match(r"\s+[A-Z]", text[match.end() :]):
            continue
        found.setdefault(transliteration_key(word), []).append((match.start(), match.start() + len(word), word))
    result: list[Occurrence] = []
    for key, hits in found.items():
        forms = tuple(dict.fromkeys(w for _, _, w in hits))
        if len(forms) < 2:
            continue
        group = VariantGroup(f"loose:{key}", "loose_name", forms, forms[0])
        result.extend(Occurrence(group, w, s, e, w, group.key) for s, e, w in hits)
    return result
