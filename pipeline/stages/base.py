"""The one abstraction every stage implements.

A stage is a pure function of a document and the stage's own settings: it reads the current text
through a :class:`~pipeline.document.TextView`, and records flags and edits on the document. Its
``fingerprint`` (name, version, settings) keys the per-stage cache, so a nightly run redoes a stage
only when its input or its settings changed.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from pipeline.config import PipelineConfig
from pipeline.document import Document


class Stage(ABC):
    name: ClassVar[str]
    version: ClassVar[str]

    def __init__(self, config: PipelineConfig):
        self.config = config

    def settings(self) -> dict[str, Any]:
        """The configuration values that change this stage's output (part of the cache key)."""
        return {}

    def fingerprint(self) -> str:
        payload = json.dumps(
            {"name": self.name, "version": self.version, "settings": self.settings()}, sort_keys=True, default=str
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def prepare(self) -> None:
        """Load models or start backends; called once per process before the first document."""

    def describe(self) -> dict[str, Any]:
        """What ran, for the report's ``stages`` section and the run summary."""
        return {"version": self.version}

    @abstractmethod
    def process(self, doc: Document) -> None:
        """Add this stage's flags and edits to ``doc``."""

    def close(self) -> None:
        """Release what :meth:`prepare` acquired."""
