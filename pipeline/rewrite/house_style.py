"""House style and variety: what the rewriter leaves to the consistency detector.

A grammar rule about one variety of English ("any more" -> "anymore" in en-US), a British/American
respelling ("defence" -> "defense") or a hyphen-only respelling ("co-operate" -> "cooperate")
swaps one correct form for another. Which one a publication uses is its choice.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from pipeline.text.lexical import zipf

_DIALECT_CATEGORIES = frozenset({"BRITISH_ENGLISH", "AMERICAN_ENGLISH", "LOCALE_VIOLATION"})


@functools.lru_cache(maxsize=1)
def dialect_rule_ids() -> frozenset[str]:
    """Ids of the grammar rules that state one variety's preference: LanguageTool keeps them in its
    per-variety rule files (en-US/, en-GB/, ...: "any more" -> "anymore", "afterwards" ->
    "afterward", a comma inside closing quotes). Empty when lingotweaker's rule data is absent."""
    try:
        import lingotweaker_data_en
    except ImportError:
        return frozenset()
    root = Path(lingotweaker_data_en.__file__).parent / "data" / "en" / "rules"
    ids: set[str] = set()
    for path in root.glob("en-*/*.xml"):
        ids.update(re.findall(r"<(?:rule|rulegroup)\b[^>]*\bid=\"([^\"]+)\"", path.read_text(encoding="utf-8")))
    return frozenset(ids)


def is_dialect_rule(details: dict[str, Any] | None) -> bool:
    """Whether a grammar flag comes from a rule about one variety of English rather than an error."""
    details = details or {}
    rule = str(details.get("rule_id") or "")
    return (
        details.get("issue_type") == "locale-violation"
        or str(details.get("category_id") or "") in _DIALECT_CATEGORIES
        or "_SIMPLE_REPLACE" in rule
        or rule in dialect_rule_ids()
    )


@functools.lru_cache(maxsize=1)
def _variant_pairs() -> dict[str, frozenset[str]]:
    """Each form of the consistency detector's US/UK spelling pairs, mapped to its pair."""
    from pipeline.detect.consistency.variants import variant_groups

    pairs: dict[str, frozenset[str]] = {}
    for group in variant_groups():
        if group.kind == "spelling":
            forms = frozenset(f.lower() for f in group.forms)
            for form in forms:
                pairs[form] = forms
    return pairs


VARIANT_ZIPF = 3.0  # both spellings of a hyphen variant are words in common use


def other_form_of_word(old: str, new: str) -> bool:
    """Two spellings of one word: a US/UK pair the consistency detector lists, or a British/American
    spelling pattern ("mould" -> "mold")."""
    from pipeline.grammar.spelling_filter import is_other_dialect_spelling

    lo, ln = old.lower(), new.lower()
    if lo == ln:
        return False
    return ln in _variant_pairs().get(lo, frozenset()) or is_other_dialect_spelling(lo, (ln,))


def hyphen_respellings(original: str, candidate: str) -> list[str]:
    """Words that only gained or lost an inner hyphen ("co-operate" -> "cooperate", "e-mail" ->
    "email"), both forms in use."""
    found = []
    for old, new in zip(re.findall(r"\S+", original), re.findall(r"\S+", candidate)):
        if old != new and "-" in old + new and old.replace("-", "") == new.replace("-", ""):
            joined = re.sub(r"\W", "", old)
            if zipf(joined) >= VARIANT_ZIPF and all(
                zipf(p) >= VARIANT_ZIPF for p in re.split(r"-", old + "-" + new) if p.strip(".,;:!?")
            ):
                found.append(f"{old} -> {new}")
    return found
