"""Run-level repetition: a line seen on many documents of one run is page furniture (CCNet's signal).

A site's header, menu, footer and "about us" blurb repeat on every page of that site, while its
articles do not. Before the documents are processed (``postedit clean`` after listing them,
``CleanAll`` when it plans the shards), :func:`prepare_run` reads the run's input documents,
counts in how many documents each normalised line occurs (:func:`count_run_lines`), and keeps the
keys of the lines seen on at least ``repeated_line_documents`` documents (:class:`RunLines`). The
counts live with the run: computed from this run's input, kept for this run only (no counts carry
over between nights), and saved as hashed keys (no text) in ``<output>/.postedit/run-lines/``. The
run's configuration names that file (``run_lines_file``), so every process that runs the stages
(a shard worker, a stage child process) reads the same set.

Each document's set of frequent lines is its lines' keys that the run's set holds
(:func:`frequent_in`, computed from the decoded input text). Its digest (:func:`document_digest`)
enters the document's cache key for the boilerplate stage (the runner chains it after the stage's
fingerprint) and the key of the shard that holds the document (``plan_shards``), so a nightly run
stays incremental and correct: a document whose set did not change reuses its cached stages and its
shard; one whose set changed is recomputed from the boilerplate stage on. A document with no
frequent line has the key it would have outside a run.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.io.atomic import atomic_write_text
from pipeline.io.decode import DecodeError, decode_bytes
from pipeline.io.sources import RawDocument

#: The stage whose output the frequent lines change (its cache key gets the per-document digest).
STAGE = "boilerplate"
#: Where a run keeps its frequent-line keys for shard workers: ``<output>/.postedit/run-lines/``.
FOLDER = "run-lines"
KEY_VERSION = "1"
_NOT_WORD = re.compile(r"[\W_]+")


def line_key(line: str) -> str:
    """A short key of a normalised line: case, accents, punctuation and spacing ignored ("Join our
    mailing list!" and "JOIN OUR MAILING LIST" share one); "" for a line of fewer than two words.

    Numbers are kept: news written from a template (results, market reports) differs in its numbers,
    and those lines are the article, not furniture. A line of one word has no key: labels that
    short are common to unrelated sites, and the widgets among them are known by their wording."""
    text = unicodedata.normalize("NFKD", line).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", text).strip()
    if " " not in text:
        return ""  # one word ("Staff", "China") is shared by pages of different sites by chance
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def text_keys(text: str) -> set[str]:
    """The keys of a text's non-blank lines."""
    return {k for k in (line_key(line) for line in text.splitlines()) if k}


def set_digest(keys: Iterable[str]) -> str:
    """A digest of one document's set of frequent lines; "" for the empty set (no key change)."""
    ordered = sorted(set(keys))
    if not ordered:
        return ""
    return hashlib.sha256(f"{STAGE}/{KEY_VERSION}\n".encode() + "\n".join(ordered).encode()).hexdigest()


@dataclass(frozen=True)
class RunLines:
    """The keys of the lines seen on at least ``min_documents`` documents of one run."""

    frequent: frozenset[str]
    min_documents: int
    documents: int

    def for_text(self, text: str) -> frozenset[str]:
        """The keys of ``text``'s lines that are frequent in the run."""
        return frozenset(text_keys(text) & self.frequent)

    def digest(self) -> str:
        """Identifies this run's set of frequent lines (names the file shard workers read)."""
        return hashlib.sha256(
            json.dumps([KEY_VERSION, self.min_documents, sorted(self.frequent)]).encode()
        ).hexdigest()[:32]

    def save(self, folder: Path) -> Path:
        """Write the frequent keys to ``folder/<digest>.json`` (keys only, no text) for shard workers."""
        path = Path(folder) / f"{self.digest()}.json"
        if not path.exists():
            payload = {
                "min_documents": self.min_documents,
                "documents": self.documents,
                "frequent": sorted(self.frequent),
            }
            atomic_write_text(path, json.dumps(payload))
        return path

    @classmethod
    def load(cls, path: Path) -> RunLines:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(frozenset(data["frequent"]), int(data["min_documents"]), int(data["documents"]))


def decoded_texts(documents: Iterable[RawDocument], legacy_encodings: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(doc_id, text) of each readable document, decoded as the runner decodes it."""
    for raw in documents:
        if raw.error_kind or raw.data is None:
            continue
        try:
            yield raw.doc_id, decode_bytes(raw.data, legacy_encodings).text
        except DecodeError:
            continue


def count_run_lines(
    documents: Callable[[], Iterable[RawDocument]], legacy_encodings: tuple[str, ...], min_documents: int
) -> tuple[RunLines, dict[str, str]]:
    """Count the run's lines and give each document the digest of its set of frequent lines.

    ``documents`` is called twice (count, then look up), so a large run is streamed, never held in
    memory; only the keys seen on ``min_documents`` or more documents are kept. Returns the run's
    frequent lines and ``{doc_id: digest}`` for the documents that have any.
    """
    counts: Counter[str] = Counter()
    total = 0
    for _, text in decoded_texts(documents(), legacy_encodings):
        counts.update(text_keys(text))
        total += 1
    frequent = frozenset(k for k, n in counts.items() if n >= min_documents) if min_documents > 0 else frozenset()
    del counts
    run = RunLines(frequent, min_documents, total)
    digests: dict[str, str] = {}
    if frequent:
        for doc_id, text in decoded_texts(documents(), legacy_encodings):
            digest = set_digest(run.for_text(text))
            if digest:
                digests[doc_id] = digest
    return run, digests


def prepare_run(
    config: PipelineConfig, documents: Callable[[], Iterable[RawDocument]], folder: Path
) -> tuple[PipelineConfig, dict[str, str]]:
    """Count the run's lines and save its frequent ones in ``folder``; returns the run's configuration
    (naming that file in ``run_lines_file``) and ``{doc_id: digest}`` for the documents that have
    frequent lines. The configuration comes back unchanged when the pass is off
    (``repeated_line_documents = 0``, or no boilerplate stage) or finds no frequent line."""
    if config.repeated_line_documents <= 0 or (config.stages and STAGE not in config.stages):
        return config, {}
    run, digests = count_run_lines(documents, config.legacy_encodings, config.repeated_line_documents)
    if not run.frequent:
        return config, {}
    return config.replace(run_lines_file=str(run.save(folder))), digests


@lru_cache(maxsize=8)
def _load(path: str) -> RunLines:
    return RunLines.load(Path(path))


def frequent_in(config: PipelineConfig, text: str) -> frozenset[str]:
    """The keys of ``text``'s lines that are frequent in the run ``config`` belongs to (none outside a run)."""
    if not config.run_lines_file:
        return frozenset()
    return _load(config.run_lines_file).for_text(text)


def document_digest(config: PipelineConfig, text: str) -> str:
    """The digest of a document's set of frequent lines ("" when it has none): part of its cache keys."""
    return set_digest(frequent_in(config, text))
