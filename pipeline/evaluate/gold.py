"""Gold items: one expected problem per JSONL line, with its span in the document's original text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class GoldError(ValueError):
    """A gold file that cannot be read (bad JSON, missing field) — reported with its line number."""


@dataclass(frozen=True)
class GoldItem:
    id: str
    doc: str
    category: str
    start: int
    end: int
    text: str
    level: str  # "must" | "should"
    expected: str | None = None
    note: str = ""


REQUIRED = ("id", "doc", "category", "start", "end")


def load_gold(path: str | Path) -> list[GoldItem]:
    items = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            missing = [key for key in REQUIRED if key not in data]
            if missing:
                raise GoldError(f"{path}:{number}: missing {', '.join(missing)}")
            items.append(
                GoldItem(
                    id=str(data["id"]),
                    doc=str(data["doc"]),
                    category=str(data["category"]),
                    start=int(data["start"]),
                    end=int(data["end"]),
                    text=str(data.get("text", "")),
                    level=str(data.get("level", "must")),
                    expected=data.get("expected"),
                    note=str(data.get("note", "")),
                )
            )
    return items
