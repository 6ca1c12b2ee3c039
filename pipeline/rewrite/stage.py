"""The ``rewrite`` stage: language-model-verified repairs of flagged sentences only.

It reads the flags earlier stages left (glued words, broken sentences, MT artefacts, grammar,
spelling, punctuation), asks the :class:`~pipeline.rewrite.rewriter.Rewriter` for a decision per
flag, and records an applied edit when every guard passed, else a suggestion the reviewer can
accept. Sentences without such a flag are never looked at, so they come out byte-identical, and
neither are flags whose detector asks for no change (``details["rewrite"] is False``: untranslated
text the rewriter cannot translate, a damaged number whose value it cannot know).
Decisions are cached per sentence and flag in the shared SQLite sentence cache, and models load
lazily (once per process) so a fully cached run never loads them.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from pipeline.document import Document, Flag, ProposedEdit, TextView
from pipeline.rewrite.candidates import FlagContext
from pipeline.rewrite.names import document_names, recurring_rare_words
from pipeline.rewrite.rewriter import Decision, RewriteJob, Rewriter, Thresholds
from pipeline.sentence_cache import SentenceCache, cache_key, default_cache_path
from pipeline.stages.base import Stage
from pipeline.text.lexical import words
from pipeline.text.segment import Span, sentences

REWRITE_CATEGORIES = frozenset({"glued_words", "broken_sentence", "mt_artefact", "grammar", "spelling", "punctuation"})
MAX_SENTENCE_CHARS = 1000
DECISION_CHUNK = 16  # flags decided (and cached) together: one LM batch, and what a timeout can lose


class RewriteStage(Stage):
    name = "rewrite"
    version = "7"

    def __init__(self, config):
        super().__init__(config)
        self._rewriter: Rewriter | None = None
        self._cache: SentenceCache | None = None
        self._unavailable: str | None = None

    # ------------------------------------------------------------ stage API
    def settings(self) -> dict[str, Any]:
        c = self.config
        if not c.rewrite:
            return {"rewrite": False}
        return {
            "rewrite": True,
            "lm_model": c.lm_model,
            "seq2seq_model": c.seq2seq_model,
            "seq2seq_prefix": c.seq2seq_prefix if c.seq2seq_model else None,
            "embedding_model": c.embedding_model,
            "min_lm_gain": c.min_lm_gain,
            "min_similarity": c.min_similarity,
            "max_changed_words": c.max_changed_words,
        }

    def describe(self) -> dict[str, Any]:
        c = self.config
        if not c.rewrite:
            return {"version": self.version, "enabled": False}
        info: dict[str, Any] = {
            "version": self.version,
            "enabled": True,
            "model": c.lm_model,
            "embedding_model": c.embedding_model,
            "seq2seq_model": c.seq2seq_model,
            "min_lm_gain": c.min_lm_gain,
            "min_similarity": c.min_similarity,
            "max_changed_words": c.max_changed_words,
            "device": c.device,
        }
        return info

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def process(self, doc: Document) -> None:
        if not self.config.rewrite:
            return
        view = doc.view()
        located = self._jobs(doc, view)
        if not located:
            return
        decisions = self._decide([job for job, _, _ in located])
        if decisions is None:
            doc.add_warning(self.name, f"rewriter unavailable, flags left as they are: {self._unavailable}")
            return
        proposals = []
        for (job, offset, flag), decision in zip(located, decisions):
            if decision is not None:
                proposals.append(self._proposal(job, offset, flag, decision))
        doc.add_edits(view, self.name, _without_overlaps(proposals))

    # ------------------------------------------------------------ internals
    def _jobs(self, doc: Document, view: TextView) -> list[tuple[RewriteJob, int, Flag]]:
        """One job per eligible flag: its sentence in the current text, its span inside it, the
        document's names found in the sentence and whether its line is written in lower case."""
        spans = _quote_continuations_joined(view.text, sentences(view.text))
        doc_names = document_names(view.text, [(s.start, s.end) for s in spans])
        doc_words = recurring_rare_words(view.text)
        jobs = []
        for flag in doc.flags:
            if flag.category not in REWRITE_CATEGORIES:
                continue
            if flag.details.get("rewrite") is False:
                continue  # the detector asks for no change: untranslated text, a number whose value is unknown
            if any(e.applied for e in view.edits_touching(flag.start, flag.end)):
                continue  # an earlier stage already changed these words
            start, end = view.to_current(flag.start, flag.end)
            touched = [s for s in spans if s.start <= end and start <= s.end]
            if not touched:
                continue
            s0, s1 = min([start] + [s.start for s in touched]), max([end] + [s.end for s in touched])
            if s1 - s0 > MAX_SENTENCE_CHARS or "\n" in view.text[s0:s1]:
                continue  # a rewrite never joins paragraphs
            context = FlagContext(
                start - s0,
                end - s0,
                flag.category,
                flag.suggestion,
                dict(flag.details),
                flag.message,
            )
            sentence = view.text[s0:s1]
            line_start = view.text.rfind("\n", 0, s0) + 1
            line_end = view.text.find("\n", s1)
            line = view.text[line_start : line_end if line_end >= 0 else len(view.text)]
            in_sentence = frozenset(words(sentence))
            job = RewriteJob(
                sentence,
                context,
                names=doc_names & in_sentence,
                whole=doc_words & in_sentence,
                line_is_lowercase=not any(c.isupper() for c in line),
            )
            jobs.append((job, s0, flag))
        return jobs

    def _decide(self, jobs: list[RewriteJob]) -> list[Decision | None] | None:
        cache = self._sentence_cache()
        keys = [cache_key("rewrite", self.fingerprint(), _job_text(job)) for job in jobs]
        found = cache.get_many(keys)
        missing = [i for i, key in enumerate(keys) if key not in found]
        if missing:
            rewriter = self._load()
            if rewriter is None:
                return None
            # decided and stored a chunk at a time: a document stopped by its time budget keeps the
            # decisions made so far, so the next run goes on from there instead of starting over
            for first in range(0, len(missing), DECISION_CHUNK):
                chunk = missing[first : first + DECISION_CHUNK]
                fresh = rewriter.decide([jobs[i] for i in chunk])
                new = {keys[i]: (d.to_json() if d else None) for i, d in zip(chunk, fresh)}
                cache.put_many(new)
                found.update(new)
        return [Decision.from_json(found[k]) if found[k] else None for k in keys]

    def _load(self) -> Rewriter | None:
        if self._rewriter is None and self._unavailable is None:
            try:
                from pipeline.lm.scorer import get_scorer
                from pipeline.lm.similarity import get_similarity
                from pipeline.rewrite.seq2seq import get_seq2seq

                self._rewriter = Rewriter(
                    get_scorer(self.config),
                    get_similarity(self.config),
                    Thresholds.from_config(self.config),
                    seq2seq=get_seq2seq(self.config),
                )
            except (ImportError, OSError, LookupError, RuntimeError) as exc:
                self._unavailable = f"{type(exc).__name__}: {exc}"
        return self._rewriter

    def _sentence_cache(self) -> SentenceCache:
        if self._cache is None:
            self._cache = SentenceCache(default_cache_path(self.config.cache_dir, "rewrite"))
        return self._cache

    def _proposal(self, job: RewriteJob, offset: int, flag: Flag, decision: Decision) -> ProposedEdit:
        failed = [name for name, result in decision.guards.items() if not result["passed"]]
        verdict = "guards passed" if decision.applied else "held back, failed: " + ", ".join(failed)
        return ProposedEdit(
            offset + decision.start,
            offset + decision.end,
            decision.after,
            f"LM gain {decision.lm_gain:+.1f} nats ({decision.source}); {verdict}",
            confidence=decision.confidence,
            applied=decision.applied,
            category=flag.category,
            flag_ids=(flag.id,),
            details={
                "source": decision.source,
                "lm_gain": decision.lm_gain,
                "guards": decision.guards,
                "model": self.config.lm_model,
                "candidates_considered": decision.considered,
            },
        )


_CLOSING_QUOTES = "”\"’'»"


def _quote_continuations_joined(text: str, spans: list[Span]) -> list[Span]:
    """Sentences with a closing quote and a lower-case word between them joined into one.

    ("“We won!” fans shouted.": the quotation ends with "!" but the sentence goes on.) The rewriter
    must see the quotation to leave the lower-case word alone; a splitter that ends the sentence at
    the quote would hand it "fans shouted." alone, which looks like a sentence missing its capital.
    """
    joined: list[Span] = []
    for span in spans:
        if joined:
            previous = joined[-1]
            gap = text[previous.end : span.start]
            head = text[previous.start : previous.end].rstrip()
            if (
                not gap.strip()
                and "\n" not in gap
                and head[-1:] in _CLOSING_QUOTES
                and text[span.start : span.start + 1].islower()
            ):
                joined[-1] = Span(previous.start, span.end, text[previous.start : span.end])
                continue
        joined.append(span)
    return joined


def _job_text(job: RewriteJob) -> str:
    flag = job.flag
    return json.dumps(
        [
            job.sentence,
            flag.start,
            flag.end,
            flag.category,
            flag.suggestion,
            flag.details,
            flag.message,
            sorted(job.names),
            sorted(job.whole),
            job.line_is_lowercase,
        ],
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )


def _without_overlaps(proposals: list[ProposedEdit]) -> list[ProposedEdit]:
    """Applied edits first, then by LM gain; a proposal overlapping a kept one is dropped.

    Two flags on the same words (a detector and a grammar checker both flagging "prioritywe")
    usually get the same decision: the kept edit then lists both flags.
    """
    kept: list[ProposedEdit] = []
    for proposal in sorted(proposals, key=lambda p: (not p.applied, -p.details["lm_gain"], p.start)):
        same = next(
            (k for k in kept if (k.start, k.end, k.after) == (proposal.start, proposal.end, proposal.after)), None
        )
        if same is not None:
            merged = dataclasses.replace(
                same, flag_ids=same.flag_ids + tuple(i for i in proposal.flag_ids if i not in same.flag_ids)
            )
            kept[kept.index(same)] = merged
        elif all(proposal.end <= k.start or k.end <= proposal.start for k in kept):
            kept.append(proposal)
    return kept
