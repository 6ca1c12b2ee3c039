"""LanguageTool's own rule examples, read from the installed ``lingotweaker-data-en`` package.

Every LanguageTool rule carries incorrect examples (with ``<marker>`` around the error) and
correct ones; they are the fairest held-out test of a rule configuration we have offline. They are
read at benchmark time, never copied into this repository (LGPL data).
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from pipeline.grammar.examples import Example, parse_example


def grammar_xml() -> Path:
    import lingotweaker_data_en

    return Path(lingotweaker_data_en.__file__).parent / "data" / "en" / "rules" / "grammar.xml"


def _text_with_markers(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        inner = "".join(child.itertext())
        parts.append(f"<marker>{inner}</marker>" if child.tag == "marker" else inner)
        parts.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def load_lt_examples(per_kind: int = 400, seed: int = 13, path: Path | None = None) -> list[Example]:
    """A reproducible sample of incorrect and correct examples from rules that are on by default."""
    root = ElementTree.parse(path or grammar_xml()).getroot()
    parents = {id(child): parent for parent in root.iter() for child in parent}
    incorrect: list[Example] = []
    correct: list[Example] = []
    for group in root.iter():
        if group.tag not in ("rule", "rulegroup") or group.get("default") in ("off", "temp_off"):
            continue
        if group.tag == "rule" and _in_disabled_group(group, parents):
            continue
        for example in group.findall("example") if group.tag == "rule" else []:
            if example.get("type") == "triggers_error" or example.get("correction") == "":
                continue
            text = _text_with_markers(example)
            if not text or len(text) > 300:
                continue
            parsed = parse_example(text)
            (incorrect if parsed.errors else correct).append(parsed)
    rng = random.Random(seed)
    return rng.sample(incorrect, min(per_kind, len(incorrect))) + rng.sample(correct, min(per_kind, len(correct)))


def _in_disabled_group(rule: ElementTree.Element, parents: dict[int, ElementTree.Element]) -> bool:
    parent = parents.get(id(rule))
    while parent is not None:
        if parent.get("default") in ("off", "temp_off"):
            return True
        parent = parents.get(id(parent))
    return False
