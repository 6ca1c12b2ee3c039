"""Choosing a rewrite: candidates in, one decision per flagged span out.

For every job (a sentence and one flag inside it) the rewriter gathers candidates, runs the cheap
guards, scores all candidates of all jobs in shared language-model batches, checks meaning with
sentence embeddings, and decides: apply the best candidate that passes every guard, else offer the
likeliest candidate as a suggestion, else do nothing. It works on plain strings, so it knows
nothing about documents or offsets outside the sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.rewrite import guards
from pipeline.rewrite.candidates import Candidate, FlagContext, generate, span_of_change
from pipeline.rewrite.names import protected_names


@dataclass(frozen=True)
class RewriteJob:
    """A sentence, one flag inside it, and what the document says about it beyond the sentence."""

    sentence: str
    flag: FlagContext
    names: frozenset[str] = frozenset()  # words the document shows to be names (recurring capitalised)
    whole: frozenset[str] = frozenset()  # rare words the document repeats: never split or recased
    line_is_lowercase: bool = False  # the sentence's line has no capital letter: a style, not an error


@dataclass
class Decision:
    """What to do about one flag: replace ``sentence[start:end]`` by ``after`` (applied or suggested)."""

    start: int
    end: int
    after: str
    applied: bool
    source: str
    lm_gain: float
    confidence: float
    guards: dict[str, dict[str, Any]] = field(default_factory=dict)
    candidate: str = ""
    considered: int = 0

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decision:
        return cls(**data)


@dataclass(frozen=True)
class Thresholds:
    min_lm_gain: float = 2.0
    min_similarity: float = 0.7
    max_changed_words: int = 3

    @classmethod
    def from_config(cls, config: Any) -> Thresholds:
        return cls(float(config.min_lm_gain), float(config.min_similarity), int(config.max_changed_words))


def confidence(gain: float, similarity: float) -> float:
    """A 0..1 confidence that grows with the LM gain (saturating) and shrinks with meaning drift."""
    return round(min(0.99, (1.0 - math.exp(-max(gain, 0.0) / 6.0)) * max(similarity, 0.0)), 3)


class Rewriter:
    """Holds the models (scorer, embedder, optional seq2seq) and decides jobs in batches."""

    def __init__(self, scorer, similarity, thresholds: Thresholds, seq2seq=None, names_of=protected_names):
        self.scorer = scorer
        self.similarity = similarity
        self.thresholds = thresholds
        self.seq2seq = seq2seq
        self.names_of = names_of

    def candidates(self, jobs: Sequence[RewriteJob], names: dict[str, frozenset[str]]) -> list[list[Candidate]]:
        """Every job's candidates, seq2seq outputs included where they change the flagged span."""
        model_outputs: dict[str, list[str]] = {}
        if self.seq2seq is not None:
            unique = sorted(names)
            model_outputs = dict(zip(unique, self.seq2seq.correct(unique)))
        out = []
        for job in jobs:
            flag = FlagContext(**{**job.flag.__dict__, "protected": names[job.sentence] | job.names})
            found = generate(job.sentence, flag)
            seen = {c.text for c in found} | {job.sentence}
            for text in model_outputs.get(job.sentence, []):
                if text in seen:
                    continue
                start, end, _ = span_of_change(job.sentence, text)
                if start <= flag.end and flag.start <= end:
                    found.append(Candidate(text, f"seq2seq:{self.seq2seq.name}"))
                    seen.add(text)
            out.append(found)
        return out

    def decide(self, jobs: Sequence[RewriteJob]) -> list[Decision | None]:
        names = {s: self.names_of(s) for s in {job.sentence for job in jobs}}
        per_job = self.candidates(jobs, names)
        pairs = [(job.sentence, c.text) for job, cands in zip(jobs, per_job) for c in cands]
        gains = self.scorer.gains(pairs) if pairs else []
        promising = sorted({pair for pair, g in zip(pairs, gains) if g > 0})
        sims = dict(zip(promising, self.similarity.similarities(promising))) if promising else {}
        decisions: list[Decision | None] = []
        cursor = 0
        for job, cands in zip(jobs, per_job):
            scored = []
            for candidate in cands:
                gain = gains[cursor]
                cursor += 1
                if gain <= 0:
                    continue  # less likely than the original: not worth showing
                results = guards.hard_guards(
                    job.sentence,
                    candidate.text,
                    names[job.sentence] | job.names,
                    self.thresholds.max_changed_words,
                    whole=job.whole,
                    span=(job.flag.start, job.flag.end),
                    details=job.flag.details,
                    line_is_lowercase=job.line_is_lowercase,
                )
                if guards.is_dictionary_spelling(job.flag.category, job.flag.details):
                    results.append(guards.clear_misspelling(job.sentence, candidate.text, job.flag.start, job.flag.end))
                sim = sims.get((job.sentence, candidate.text), 0.0)
                results.append(guards.similarity(sim, self.thresholds.min_similarity))
                results.append(guards.lm_gain(gain, self.thresholds.min_lm_gain))
                scored.append((candidate, gain, sim, results))
            decisions.append(self._choose(job, scored, len(cands)))
        return decisions

    def _choose(self, job: RewriteJob, scored: list, considered: int) -> Decision | None:
        if not scored:
            return None
        passing = [s for s in scored if all(r.passed for r in s[3])]
        applied = bool(passing)
        candidate, gain, sim, results = max(passing or scored, key=lambda s: s[1])
        start, end, after = span_of_change(job.sentence, candidate.text)
        return Decision(
            start=start,
            end=end,
            after=after,
            applied=applied,
            source=candidate.source,
            lm_gain=round(gain, 3),
            confidence=confidence(gain, sim),
            guards={r.name: r.to_json() for r in results},
            candidate=candidate.text,
            considered=considered,
        )
