"""Find page furniture in one document: blocks of lines to remove or flag, and furniture inside lines.

Each line is decided by :func:`pipeline.boilerplate.decide.classify` (the page's structure, the
lines' wording and, within a run, lines seen on many documents); consecutive lines with the same
decision and kind become one block, the unit of one edit. Lines that stay also get the findings
inside a line (:mod:`pipeline.boilerplate.spans`): a metadata field or breadcrumb glued before the
text, a photo credit after a caption.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from pipeline.boilerplate.decide import Decision, Params, classify
from pipeline.boilerplate.spans import DETECTOR, Verdict, credit_at_end, line_prefix
from pipeline.text.segment import paragraphs

__all__ = ["Verdict", "find_boilerplate"]


def find_boilerplate(
    text: str,
    params: Params | Mapping[str, float] | None = None,
    *,
    keep_embeds: bool = True,
    repeated: Collection[str] = (),
    key: Callable[[str], str] | None = None,
) -> list[Verdict]:
    """All boilerplate, metadata and glue verdicts for ``text``, sorted by position.

    ``repeated`` / ``key``: the keys of this document's lines that many documents of the run share,
    and the function that keys a line (both from the run-level pass; empty outside a run).
    """
    paras = paragraphs(text)
    prefixes = [line_prefix(text, para, i) for i, para in enumerate(paras)]
    texts = []
    for para, found in zip(paras, prefixes):
        cut = max([v.end for v in found if v.remove == "span"], default=para.start) - para.start
        texts.append(para.text[cut:].strip() or para.text)
    decisions = classify(texts, params, keep_embeds=keep_embeds, repeated=repeated, key=key)
    verdicts: list[Verdict] = []
    inline: set[int] = set()  # kept lines with findings inside them
    starts = {i: para.start for i, para in enumerate(paras)}  # where a removal of the line would start
    for i, para in enumerate(paras):
        if decisions[i].action == "remove":
            # a glued prefix stays its own edit (and its glue its own flag); the block starts after it
            verdicts.extend(prefixes[i])
            starts[i] = max([v.end for v in prefixes[i] if v.remove == "span"], default=para.start)
            continue
        found = prefixes[i] + credit_at_end(para, i)
        if found:
            verdicts.extend(found)
            inline.add(i)
    i = 0
    while i < len(paras):
        decision = decisions[i]
        if decision.action == "keep" or i in inline:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(paras)
            and j + 1 not in inline
            and starts[j + 1] == paras[j + 1].start
            and _same(decisions[j + 1], decision)
        ):
            j += 1
        start = starts[i] + len(text[starts[i] : paras[i].end]) - len(text[starts[i] : paras[i].end].lstrip())
        verdicts.append(_block(start, paras[j].end, decisions[i : j + 1], i, j))
        i = j + 1
    return sorted(verdicts, key=lambda v: (v.start, v.end))


def _same(a: Decision, b: Decision) -> bool:
    return a.action == b.action and a.kind == b.kind and a.category == b.category


def _block(start: int, end: int, decisions: list[Decision], first: int, last: int) -> Verdict:
    """One verdict for consecutive lines decided alike."""
    head = decisions[0]
    reasons = list(dict.fromkeys(part for d in decisions for part in d.reason.split("; ") if part))
    message = "; ".join(reasons[:4]) + ("; …" if len(reasons) > 4 else "")
    if len(decisions) > 1:
        message = f"{len(decisions)} lines of {head.kind}: {message}"
    return Verdict(
        head.category,
        start,
        end,
        message or head.kind,
        f"{DETECTOR}.{head.kind}",
        min(d.confidence for d in decisions),
        "lines",
        "",
        first,
        suggest_only=head.action == "flag",
        kind=head.kind,
        last=last,
    )
