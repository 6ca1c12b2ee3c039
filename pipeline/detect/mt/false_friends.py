"""False friends and literal translations: "the actual government", "energy objects", "an eventual attack".

Machine translation from Romance and Slavic languages maps a word to its English look-alike
(actual -> "actual" for "current", объекты -> "objects" for facilities) or renders an idiom word
for word. The curated rules in ``false_friends.json`` each name the context in which the English
reading is wrong, so the correct English uses of the same words stay unflagged, and each cites where
the pattern is documented (``reference``: a published list of false friends, a usage guide or the
dictionary sense of the source word). Each flag carries the intended English as its suggestion for the
rewriter, which checks it with its language model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.lexicons.loader import load_json
from pipeline.text.inflection import inflect, verb_tag
from pipeline.text.lexical import match_case


@dataclass(frozen=True)
class FalseFriendRule:
    id: str
    source: tuple[str, ...]
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None
    suggestion: str | None
    message: str
    confidence: float
    reference: str
    alternatives: tuple[str, ...] = ()
    suggestion_if: tuple[tuple[str, str], ...] = ()  # (named group, template) used when the group matched
    inflect: bool = False  # suggestion and alternatives are base forms of a verb replacing the span's first word

    def suggestion_for(self, match: re.Match[str]) -> str | None:
        for group, template in self.suggestion_if:
            if match.group(group):
                return match.expand(template)
        return self.suggestion


@lru_cache(maxsize=1)
def rules() -> tuple[FalseFriendRule, ...]:
    """The rules of ``false_friends.json``, compiled (case-insensitive)."""
    compiled = []
    for rule in load_json("false_friends.json")["rules"]:
        # case-sensitive parts (a following proper noun) are written with (?-i:...) in the data
        compiled.append(
            FalseFriendRule(
                id=rule["id"],
                source=tuple(rule.get("source", ())),
                pattern=re.compile(rule["pattern"], re.IGNORECASE),
                context=re.compile(rule["context"], re.IGNORECASE) if rule.get("context") else None,
                suggestion=rule.get("suggestion"),
                message=rule["message"],
                confidence=float(rule.get("confidence", 0.6)),
                reference=rule["reference"],
                alternatives=tuple(rule.get("alternatives", ())),
                suggestion_if=tuple(rule.get("suggestion_if", {}).items()),
                inflect=bool(rule.get("inflect", False)),
            )
        )
    return tuple(compiled)


def _cased(suggestion: str, flagged: str, at_sentence_start: bool) -> str:
    """``suggestion`` capitalised like the flagged text; a capitalised word mid-sentence is a title,
    so its suggestion becomes one too ("Chancellor" -> "Foreign Minister")."""
    if flagged.istitle() and " " not in flagged and suggestion.islower() and not at_sentence_start:
        return suggestion.title()
    return match_case(suggestion, flagged)


class FalseFriendDetector(Detector):
    id = "mt.false_friend"
    # 2: rules with one sample sentence behind them removed; every rule cites a reference
    # 3: verb suggestions in the flagged verb's form; idioms translated with their place names
    version = "3"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        for sentence in context.sentences:
            for rule in rules():
                if rule.context is not None and not rule.context.search(sentence.text):
                    continue
                for match in rule.pattern.finditer(sentence.text):
                    group = "w" if "w" in rule.pattern.groupindex else 0
                    start, end = match.span(group)
                    flagged = sentence.text[start:end]
                    suggestion = rule.suggestion_for(match)
                    alternatives = list(rule.alternatives)
                    if rule.inflect:  # "pretends to" -> "intends to", not "intend to"
                        before = sentence.text[:start].split()
                        tag = verb_tag(flagged.split()[0], before[-1] if before else "")
                        suggestion = None if suggestion is None else inflect(suggestion, tag)
                        alternatives = [inflect(a, tag) for a in alternatives]
                    suggestion = None if suggestion is None else _cased(suggestion, flagged, start == 0)
                    yield Finding(
                        category="mt_artefact",
                        start=sentence.start + start,
                        end=sentence.start + end,
                        message=rule.message,
                        detector=self.id,
                        confidence=rule.confidence,
                        suggestion=suggestion,
                        details={
                            "rule": rule.id,
                            "source_languages": list(rule.source),
                            "reference": rule.reference,
                            "alternatives": [_cased(a, flagged, start == 0) for a in alternatives],
                        },
                    )
