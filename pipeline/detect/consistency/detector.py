"""One word or name spelled two ways in one document: organize/organise, Kiev/Kyiv, Alexei/Aleksei Navalny.

Mixed spellings are a sign of stitched or machine-translated copy, and an editor wants them
uniform. Every occurrence of a minority form is flagged with the form to use (house style, else the
document's majority) and the counts of each form, so the reviewer sees the whole picture. Flags
only: names are never rewritten silently, and a spelling can be deliberate (a quoted official name).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.consistency.variants import (
    Occurrence,
    loose_name_occurrences,
    occurrences,
    preferred_form,
    without_official_names,
)
from pipeline.text.lexical import is_common, match_case

_CONFIDENCE = {"spelling": 0.8, "place": 0.8, "name": 0.8, "given_name": 0.85, "loose_name": 0.6}
_COMMON_ZIPF = 3.5  # words at least this frequent in English are ordinary words, not transliterated names


def is_common_word(word: str) -> bool:
    """Whether ``word`` is an ordinary English word (wordfreq), so not a candidate name variant."""
    return is_common(word, _COMMON_ZIPF)


def inconsistent_findings(
    found: list[Occurrence],
    counts_by_entity: dict[str, Counter[str]],
    detector: str,
    config,
    scope: str,
    unit: str = "",
) -> Iterable[Finding]:
    """Findings for the occurrences whose form is not the preferred one of their entity.

    ``counts_by_entity`` are the counts the choice is made on (the document's, or the whole run's).
    """
    for occurrence in found:
        counts = counts_by_entity[occurrence.entity]
        if len(counts) < 2:
            continue
        target, reason = preferred_form(occurrence.group, counts, config.house_style, config.dialect)
        if occurrence.form == target:
            continue
        variants = ", ".join(f"{form} ×{n}{unit}" for form, n in counts.most_common())
        suggestion = match_case(target, occurrence.text)
        yield Finding(
            category="consistency",
            start=occurrence.start,
            end=occurrence.end,
            message=f"spelled two ways in this {scope} ({variants}); {reason}: “{suggestion}”",
            detector=detector,
            confidence=_CONFIDENCE.get(occurrence.group.kind, 0.7),
            suggestion=suggestion,
            details={
                "variants": dict(counts),
                "group": occurrence.group.key,
                "entity": occurrence.entity,
                "preferred_by": reason,
            },
        )


def count_forms(found: Iterable[Occurrence]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for occurrence in found:
        counts[occurrence.entity][occurrence.form] += 1
    return counts


class ConsistencyDetector(Detector):
    id = "consistency.document"
    version = "1"

    def settings(self):
        return {"house_style": dict(self.config.house_style), "dialect": self.config.dialect}

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        found = without_official_names(list(occurrences(context.text)))
        found += loose_name_occurrences(context.text, is_common_word)
        yield from inconsistent_findings(found, count_forms(found), self.id, self.config, "document")
