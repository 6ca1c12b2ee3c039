"""A persistent key-value cache for expensive per-sentence results (grammar matches, rewrites).

SQLite in WAL mode: safe for several worker processes on one machine, survives a crash (a killed
writer loses at most its open transaction), and needs no server. Keys are hashes of the text and
of the backend's configuration, so a changed configuration simply misses.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any


def cache_key(namespace: str, config_fingerprint: str, text: str) -> str:
    return hashlib.sha256(f"{namespace}\0{config_fingerprint}\0{text}".encode()).hexdigest()


class SentenceCache:
    """``get``/``put`` JSON values by key; one table per cache file, namespaced keys."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connection() as connection:
            connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.hits = 0
        self.misses = 0

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    def get(self, key: str) -> Any | None:
        row = self._connection().execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(row[0])

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        connection = self._connection()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            placeholders = ",".join("?" * len(chunk))
            for key, value in connection.execute(
                f"SELECT key, value FROM entries WHERE key IN ({placeholders})", chunk
            ):
                found[key] = json.loads(value)
        self.hits += len(found)
        self.misses += len(set(keys)) - len(found)
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        if not items:
            return
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(
                "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)",
                [(key, json.dumps(value, ensure_ascii=False)) for key, value in items.items()],
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def put(self, key: str, value: Any) -> None:
        self.put_many({key: value})

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def default_cache_path(cache_dir: str | None, name: str) -> Path:
    """Where a named sentence cache lives: ``cache_dir`` if configured, else the user cache folder."""
    base = Path(cache_dir) if cache_dir else Path.home() / ".cache" / "postedit"
    return base / f"{name}.sqlite3"
