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
    """A reproducible sample of incorrect and correct examples from rules that are on by default
    (``per_kind`` of each; 0 for all of them)."""
    # comments are kept: rule authors annotate known misses there (see known_false_negative)
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True))
    root = ElementTree.parse(path or grammar_xml(), parser=parser).getroot()
    parents = {id(child): parent for parent in root.iter() for child in parent}
    incorrect: list[Example] = []
    correct: list[Example] = []
    for group in root.iter():
        if group.tag not in ("rule", "rulegroup") or group.get("default") in ("off", "temp_off"):
            continue
        if group.tag == "rule" and _in_disabled_group(group, parents):
            continue
        children = list(group) if group.tag == "rule" else []
        for index, example in enumerate(children):
            if example.tag != "example":
                continue
            kind = example.get("type")
            if kind == "triggers_error":
                continue
            text = _text_with_markers(example)
            if not text or len(text) > 300:
                continue
            parsed = parse_example(text)
            rule_id = group.get("id") or (parents[id(group)].get("id") if id(group) in parents else "") or ""
            if is_incorrect(example) or known_false_negative(children, index):
                if parsed.errors:  # an incorrect example without a marker has no span to score
                    corrections = tuple(c for c in (example.get("correction") or "").split("|") if c)
                    incorrect.append(Example(parsed.text, parsed.errors, corrections, rule_id))
            else:
                correct.append(Example(parsed.text, (), (), rule_id))
    if per_kind <= 0:
        return incorrect + correct  # every example: no sampling noise
    rng = random.Random(seed)
    return rng.sample(incorrect, min(per_kind, len(incorrect))) + rng.sample(correct, min(per_kind, len(correct)))


def is_incorrect(example: ElementTree.Element) -> bool:
    """LanguageTool's rule format: an example is incorrect when it carries a ``correction``
    attribute (empty when the rule offers no suggestion) or, in older files, ``type="incorrect"``.
    Every other example is correct, *even with a marker*: rule authors mark the words a rule must
    leave alone ("The dogs <marker>are</marker> released.")."""
    return example.get("correction") is not None or example.get("type") == "incorrect"


_FALSE_NEGATIVE = re.compile(r"false negative", re.IGNORECASE)


def known_false_negative(siblings: list[ElementTree.Element], index: int) -> bool:
    """Whether the rule's authors annotated this example as a known miss of their rule ("<!--
    False negative caused by rose/E-NP-singular --><example>The sun had <marker>rose</marker>
    ..."). Such an example has no ``correction`` (so LanguageTool's own tests pass) but is an
    incorrect sentence. The comment belongs to the example on its line: just before it, or just
    after it with no line break in between."""
    before = siblings[index - 1] if index > 0 else None
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    example = siblings[index]
    if before is not None and before.tag is ElementTree.Comment and "\n" not in (before.tail or ""):
        if _FALSE_NEGATIVE.search(before.text or ""):
            return True
    if after is not None and after.tag is ElementTree.Comment and "\n" not in (example.tail or ""):
        return bool(_FALSE_NEGATIVE.search(after.text or ""))
    return False


def _in_disabled_group(rule: ElementTree.Element, parents: dict[int, ElementTree.Element]) -> bool:
    parent = parents.get(id(rule))
    while parent is not None:
        if parent.get("default") in ("off", "temp_off"):
            return True
        parent = parents.get(id(parent))
    return False
