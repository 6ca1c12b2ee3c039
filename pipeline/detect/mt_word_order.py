"""Word-order calques in capitalised names: "the Cross Red International", "Bank Central European".

Romance and Slavic noun phrases put adjectives after the noun (Cruz Roja Internacional); a literal
translation keeps that order inside a name. English names put those adjectives first, so a head noun
of an institutional name followed by an adjective that English never places after its noun ("Red",
"European", "Central", a nationality) is the calque. The suggestion mirrors the Romance order (N A1
A2 -> A2 A1 N), which is the English order; when that (or any reordering of the run) is a well-known
name the flag is more certain. Title-case lines (headlines) are skipped: there every word is
capitalised and the pattern means nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt_lexicon import load_json

_CAPITALISED_RUN = re.compile(r"\b[A-Z][A-Za-z’'-]*(?: [A-Z][A-Za-z’'-]*)+\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[tuple[str, ...], str]]:
    data = load_json("name_word_order.json")
    known = {tuple(sorted(name.lower().split())): name for name in data["known_names"]}
    return (
        frozenset(data["prenominal_adjectives"]),
        frozenset(data["chain_adjectives"]) | frozenset(data["prenominal_adjectives"]),
        frozenset(data["head_nouns"]),
        known,
    )


def is_title_case_line(line: str) -> bool:
    """A headline-style line: most of its longer words are capitalised."""
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def english_order(tokens: list[str]) -> str:
    """A postposed-adjective noun phrase in English order: N A1 A2 -> A2 A1 N."""
    return " ".join(reversed(tokens))


class WordOrderCalqueDetector(Detector):
    id = "mt.word_order"
    version = "1"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        prenominal, chain, heads, known = _lexicon()
        for paragraph in context.paragraphs:
            if is_title_case_line(paragraph.text):
                continue
            for run in _CAPITALISED_RUN.finditer(paragraph.text):
                tokens = run.group().split(" ")
                offsets = [m.start() for m in re.finditer(r"\S+", run.group())]
                for i, token in enumerate(tokens[:-1]):
                    if token not in heads or tokens[i + 1] not in chain:
                        continue
                    j = i + 2
                    while j < len(tokens) and tokens[j] in chain:
                        j += 1
                    phrase = tokens[i:j]
                    is_known = tuple(sorted(t.lower() for t in phrase)) in known
                    # "Manchester United", "Amnesty International": only a known name makes these a calque
                    if tokens[i + 1] not in prenominal and not is_known:
                        continue
                    start = paragraph.start + run.start() + offsets[i]
                    end = start + len(" ".join(phrase))
                    suggestion = english_order(phrase)
                    yield Finding(
                        category="mt_artefact",
                        start=start,
                        end=end,
                        message=(
                            "adjective after the noun inside a name: word order of a Romance or Slavic "
                            f"noun phrase (English order: {suggestion})"
                        ),
                        detector=self.id,
                        confidence=0.9 if is_known else 0.7,
                        suggestion=suggestion,
                        details={"pattern": "noun-adjective", "known_name": is_known},
                    )
                    break
