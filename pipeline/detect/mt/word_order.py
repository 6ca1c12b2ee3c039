"""Word-order calques in capitalised names: "the Cross Red International", "Bank Central European".

Romance and Slavic noun phrases put adjectives after the noun (Cruz Roja Internacional); a literal
translation keeps that order inside a name. Two checks:

- a head noun of an institutional name followed by an adjective that English never places after
  its noun ("Red", "European", "Central", a nationality). The suggestion mirrors the Romance order
  (N A1 A2 -> A2 A1 N), which is the English order;
- a capitalised sequence whose content words are a reordering of a well-known name ("the
  Organization World of Health" -> "World Health Organization"); the known order is the suggestion.

Title-case lines (headlines) are skipped: there every word is capitalised and the pattern means
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.lexicons.loader import load_json

CAPITALISED_RUN = re.compile(r"\b[A-Z][A-Za-z’'-]*(?: [A-Z][A-Za-z’'-]*)+\b")
# a run of capitalised words that may contain lower-case function words ("Organization World of Health")
_NAME_RUN = re.compile(r"\b[A-Z][A-Za-z’'-]*(?: (?:(?:of|the|for|and|on|in) )*[A-Z][A-Za-z’'-]*)+\b")
# lower-case words a name may contain between its capitalised ones; they do not make it a different name
NAME_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "in"})
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_MAX_NAME_WORDS = 10  # content words in the longest known name; bounds the work on long capitalised runs


@lru_cache(maxsize=1)
def name_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[tuple[str, ...], str]]:
    data = load_json("name_word_order.json")
    known = {content_key(name.split()): name for name in data["known_names"]}
    return (
        frozenset(data["prenominal_adjectives"]),
        frozenset(data["chain_adjectives"]) | frozenset(data["prenominal_adjectives"]),
        frozenset(data["head_nouns"]),
        known,
    )


def content_key(tokens: list[str]) -> tuple[str, ...]:
    """Order-free key of a name's content words."""
    return tuple(sorted(t.lower() for t in tokens if t.lower() not in NAME_CONNECTORS))


def is_title_case_line(line: str) -> bool:
    """A headline-style line: most of its longer words are capitalised (nearly all, if it ends like a sentence)."""
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if len(words) < 3:
        return False
    share = sum(w[0].isupper() for w in words) / len(words)
    return share > (0.85 if re.search(r"[.!?”\"’']\s*$", line) else 0.6)


def english_order(tokens: list[str]) -> str:
    """A postposed-adjective noun phrase in English order: N A1 A2 -> A2 A1 N."""
    return " ".join(reversed(tokens))


def _tokens_with_offsets(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]


class WordOrderCalqueDetector(Detector):
    id = "mt.word_order"
    version = "2"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        for paragraph in context.paragraphs:
            if is_title_case_line(paragraph.text):
                continue
            findings = list(self._postposed_adjectives(paragraph.text)) + list(self._reordered_names(paragraph.text))
            taken: list[tuple[int, int]] = []
            for finding in sorted(findings, key=lambda f: (-f.confidence, f.start)):
                if any(finding.start < end and start < finding.end for start, end in taken):
                    continue
                taken.append((finding.start, finding.end))
                yield Finding(
                    **{
                        **finding.__dict__,
                        "start": paragraph.start + finding.start,
                        "end": paragraph.start + finding.end,
                    }
                )

    def _postposed_adjectives(self, text: str) -> Iterator[Finding]:
        prenominal, chain, heads, known = name_lexicon()
        for run in CAPITALISED_RUN.finditer(text):
            tokens = _tokens_with_offsets(run.group())
            words = [w for _, w in tokens]
            for i, token in enumerate(words[:-1]):
                if token not in heads or words[i + 1] not in chain:
                    continue
                j = i + 2
                while j < len(words) and words[j] in chain:
                    j += 1
                phrase = words[i:j]
                is_known = content_key(phrase) in known
                # "Manchester United", "Amnesty International": only a known name makes these a calque
                if words[i + 1] not in prenominal and not is_known:
                    continue
                start = run.start() + tokens[i][0]
                suggestion = known[content_key(phrase)] if is_known else english_order(phrase)
                yield self._finding(start, start + len(" ".join(phrase)), suggestion, is_known, "noun-adjective")
                break

    def _reordered_names(self, text: str) -> Iterator[Finding]:
        known = name_lexicon()[3]
        for run in _NAME_RUN.finditer(text):
            tokens = _tokens_with_offsets(run.group())
            content = [i for i, (_, w) in enumerate(tokens) if w.lower() not in NAME_CONNECTORS]
            in_name = set(content)
            for a in range(len(content)):
                for b in range(min(len(content) - 1, a + _MAX_NAME_WORDS - 1), a, -1):
                    first, last = content[a], content[b]
                    words = [w for _, w in tokens[first : last + 1]]
                    name = known.get(content_key(words))
                    if name is None or " ".join(words).lower() == name.lower():
                        continue
                    if first - 1 in in_name or last + 1 in in_name:
                        continue  # part of a longer name: "Investment Bank of the European Cooperation Fund"
                    start = run.start() + tokens[first][0]
                    end = run.start() + tokens[last][0] + len(tokens[last][1])
                    yield self._finding(start, end, name, True, "reordered known name")
                    break

    def _finding(self, start: int, end: int, suggestion: str, is_known: bool, pattern: str) -> Finding:
        return Finding(
            category="mt_artefact",
            start=start,
            end=end,
            message=(
                "word order of a Romance or Slavic noun phrase inside a name (adjective after the noun); "
                f"English order: {suggestion}"
            ),
            detector=self.id,
            confidence=0.9 if is_known else 0.7,
            suggestion=suggestion,
            details={"pattern": pattern, "known_name": is_known},
        )
