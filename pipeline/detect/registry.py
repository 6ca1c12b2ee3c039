"""The detectors the ``detect`` stage runs, in order. Adding one is a module plus one line here."""

from __future__ import annotations

# "module:Class" of each Detector subclass
DETECTORS: list[str] = [
]
