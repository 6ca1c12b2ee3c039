"""The ``boilerplate`` stage: remove clear page furniture as applied edits, flag the uncertain rest.

It runs before ``detect`` so that later detectors and the grammar checker never see menus, credits
or date stamps. Every removal is an ordinary edit (category ``boilerplate`` or ``metadata``) with a
flag that explains it, so an editor can put any line back. A removed line takes its line break with
it, so the cleaned text has no empty hole where the line was.
"""

from __future__ import annotations

from typing import Any

from pipeline.boilerplate.detector import Verdict, find_boilerplate
from pipeline.document import Document, ProposedEdit
from pipeline.stages.base import Stage
from pipeline.text.segment import Span, paragraphs


class BoilerplateStage(Stage):
    name = "boilerplate"
    version = "5"

    def settings(self) -> dict[str, Any]:
        return {"remove": self._remove_enabled()}

    def _remove_enabled(self) -> bool:
        return bool(getattr(self.config, "remove_boilerplate", True))

    def describe(self) -> dict[str, Any]:
        return {"version": self.version, "remove": self._remove_enabled()}

    def process(self, doc: Document) -> None:
        view = doc.view()
        verdicts = find_boilerplate(view.text)
        spans = removal_spans(view.text, verdicts) if self._remove_enabled() else {}
        proposals = []
        for verdict in verdicts:
            flag = doc.add_flag(
                view,
                verdict.category,
                verdict.start,
                verdict.end,
                verdict.message,
                verdict.detector,
                verdict.confidence,
                suggestion=verdict.suggestion,
            )
            if id(verdict) in spans:
                start, end = spans[id(verdict)]
                proposals.append(
                    ProposedEdit(
                        start,
                        end,
                        "",
                        f"{verdict.detector}: {verdict.message}",
                        confidence=verdict.confidence,
                        applied=not verdict.suggest_only,
                        category=verdict.category,
                        flag_ids=(flag.id,),
                    )
                )
        doc.add_edits(view, self.name, proposals)


def removal_spans(text: str, verdicts: list[Verdict]) -> dict[int, tuple[int, int]]:
    """The span each removing verdict deletes (or suggests deleting), keyed by ``id(verdict)``.

    A ``"line"`` removal deletes its line and the line break after it (up to the next kept line); at
    the end of the text it deletes the line breaks before it instead, so no blank tail is left. Lines
    only suggested for removal count as kept when the applied removals around them are placed.
    """
    paras = paragraphs(text)
    line_removed = {v.paragraph for v in verdicts if v.remove == "line" and not v.suggest_only}
    spans: dict[int, tuple[int, int]] = {}
    for verdict in verdicts:
        if verdict.remove == "span":
            spans[id(verdict)] = (verdict.start, verdict.end)
        elif verdict.remove == "line":
            spans[id(verdict)] = _line_span(text, paras, verdict, line_removed)
    return spans


def _line_span(text: str, paras: list[Span], verdict: Verdict, removed: set[int]) -> tuple[int, int]:
    index = verdict.paragraph
    para = paras[index]
    start = verdict.start
    if start == para.start:
        start = text.rfind("\n", 0, para.start) + 1
    following = next((i for i in range(index + 1, len(paras)) if i not in removed), None)
    if following is not None:
        return start, text.rfind("\n", 0, paras[index + 1].start) + 1
    if index > 0:
        # nothing kept follows: cut from the end of the line before, so no blank tail is left
        return paras[index - 1].end, para.end
    return start, para.end
