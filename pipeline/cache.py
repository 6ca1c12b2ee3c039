"""Content-addressed store of per-stage document states.

The key of a document after stage *k* is a hash of the key after stage *k-1* and stage *k*'s
fingerprint; the key before any stage hashes the input bytes. So an unchanged document with
unchanged settings finds its final state and costs no stage work, and a changed setting of one
stage reuses the state from just before that stage. Entries are written atomically, so a killed
worker leaves either a complete entry or none.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.io.atomic import atomic_write_bytes


def chain_key(previous: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{previous}\n{fingerprint}".encode()).hexdigest()


class StageStore:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json.gz"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            with gzip.open(self._path(key), "rt", encoding="utf-8") as handle:
                return json.load(handle)
        except (FileNotFoundError, OSError, EOFError, json.JSONDecodeError):
            return None

    def put(self, key: str, state: dict[str, Any]) -> None:
        payload = json.dumps(state, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(self._path(key), gzip.compress(payload, compresslevel=3, mtime=0))
