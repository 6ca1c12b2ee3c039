"""The detector interface: a detector reads a document's current text and returns findings.

Detectors do not touch the document; the ``detect`` and ``boilerplate`` stages turn findings into
flags (always) and edits (only for findings that carry a ``replacement`` and are ``apply``-safe).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from pipeline.config import PipelineConfig
from pipeline.text.quotation import QuotationState, states_at_sentences
from pipeline.text.segment import Span, paragraphs, sentences


@dataclass(frozen=True)
class Finding:
    category: str
    start: int  # offsets into the text the detector was given
    end: int
    message: str
    detector: str
    confidence: float
    suggestion: str | None = None
    # when set, the stage records an edit replacing text[start:end] by this
    replacement: str | None = None
    # applied edit (True) or suggestion for the reviewer only (False)
    apply: bool = False
    details: dict[str, Any] = field(default_factory=dict)


class DetectContext:
    """What detectors share about one text: segmentation (computed once) and the configuration."""

    def __init__(self, text: str, config: PipelineConfig):
        self.text = text
        self.config = config

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return [s for p in self.paragraphs for s in sentences(self.text, p)]

    @cached_property
    def quotation_states(self) -> list[QuotationState]:
        """Per sentence of :attr:`sentences`, whether a quotation is open where it starts (a copy to
        read on from): quoted passages run over several sentences."""
        spans = [(s.start, s.end) for s in self.sentences]
        return states_at_sentences(self.text, [(p.start, p.end) for p in self.paragraphs], spans)


class Detector(ABC):
    id: ClassVar[str]
    version: ClassVar[str] = "1"

    def __init__(self, config: PipelineConfig):
        self.config = config

    def settings(self) -> dict[str, Any]:
        return {}

    def prepare(self) -> None:
        """Load what every document will need (a model), once per process; most detectors need nothing."""

    @abstractmethod
    def detect(self, context: DetectContext) -> Iterable[Finding]:
        """Findings in ``context.text``."""


class LanguageModelDetector(Detector):
    """A detector that confirms its candidates with the rewriter's causal language model.

    It runs only when the rewrite stage runs (so ``detect`` never loads a model on its own) and
    fails soft: without a usable model it finds nothing and the pattern detectors carry on.
    """

    def enabled(self) -> bool:
        stages = self.config.stages
        return bool(self.config.rewrite) and (not stages or "rewrite" in stages)

    def settings(self) -> dict[str, Any]:
        """Whether the model runs and which: part of every language-model detector's cache key."""
        return {"enabled": self.enabled(), "lm_model": getattr(self.config, "lm_model", None)}

    def scorer(self) -> Any | None:
        """The process-wide scorer, or None when the model cannot be loaded here."""
        try:
            from pipeline.lm.scorer import get_scorer

            return get_scorer(self.config)
        except Exception:
            return None

    def candidates(self, context: DetectContext) -> list:
        """What the language model is asked about; subclasses say."""
        raise NotImplementedError

    def candidates_and_scorer(self, context: DetectContext) -> tuple[list, Any] | None:
        """This document's candidates and the scorer to confirm them with, or None when there is
        nothing to do (the rewriter is off, no candidate, or no model): the model is loaded only
        for a document that has a candidate."""
        if not self.enabled():
            return None
        found = self.candidates(context)
        if not found:
            return None
        scorer = self.scorer()
        return None if scorer is None else (found, scorer)
