"""The ``boilerplate`` stage: remove clear page furniture as applied edits, flag the uncertain rest.

It runs before ``detect`` so that later detectors and the grammar checker never see menus, credits
or date stamps. Every removal is an ordinary edit (category ``boilerplate`` or ``metadata``), one
per block of consecutive lines of one kind, with a flag that explains it (reason, kind, confidence),
so an editor can put any block back. Uncertain blocks are flagged with a removal the editor may
accept. A removed block takes its line breaks with it, so the cleaned text has no hole where it was.

Within a run, the run-level pass (:mod:`pipeline.runpass.repeated_lines`) tells which of a
document's lines many documents of the run share (computed from the document's original text); the
runner chains a digest of that set into this stage's cache key.
"""

from __future__ import annotations

from typing import Any

from pipeline.boilerplate.decide import Params
from pipeline.boilerplate.detector import Verdict, find_boilerplate
from pipeline.boilerplate.features import STOPLIST_VERSION
from pipeline.document import Document, ProposedEdit
from pipeline.runpass import repeated_lines
from pipeline.stages.base import Stage
from pipeline.text.segment import Span, paragraphs

#: Version of the classifier (features, body finding, decisions); part of the stage's settings.
CLASSIFIER_VERSION = "1"


class BoilerplateStage(Stage):
    name = "boilerplate"
    version = "6"

    def __init__(self, config: Any, params: Params | None = None):
        super().__init__(config)
        self.params = params or Params()

    def settings(self) -> dict[str, Any]:
        return {
            "remove": self._remove_enabled(),
            "keep_embeds": self._keep_embeds(),
            "classifier": CLASSIFIER_VERSION,
            "stoplist": STOPLIST_VERSION,
            "params": self.params.as_dict(),
        }

    def _remove_enabled(self) -> bool:
        return bool(getattr(self.config, "remove_boilerplate", True))

    def _keep_embeds(self) -> bool:
        return bool(getattr(self.config, "keep_embeds", True))

    def describe(self) -> dict[str, Any]:
        return {"version": self.version, **self.settings()}

    def process(self, doc: Document) -> None:
        view = doc.view()
        verdicts = find_boilerplate(
            view.text,
            self.params,
            keep_embeds=self._keep_embeds(),
            repeated=repeated_lines.frequent_in(self.config, doc.original_text),
            key=repeated_lines.line_key,
        )
        spans = removal_spans(view.text, verdicts) if self._remove_enabled() else {}
        proposals = []
        for verdict in verdicts:
            details: dict[str, Any] = {"kind": verdict.kind} if verdict.kind else {}
            if verdict.remove == "lines":
                details["lines"] = verdict.last - verdict.paragraph + 1
            flag = doc.add_flag(
                view,
                verdict.category,
                verdict.start,
                verdict.end,
                verdict.message,
                verdict.detector,
                verdict.confidence,
                suggestion=verdict.suggestion,
                details=details,
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
                        details=dict(details),
                    )
                )
        doc.add_edits(view, self.name, proposals)


def removal_spans(text: str, verdicts: list[Verdict]) -> dict[int, tuple[int, int]]:
    """The span each removing verdict deletes (or suggests deleting), keyed by ``id(verdict)``.

    A ``"lines"`` removal deletes its lines and the line breaks after them (up to the next line); when
    no kept line follows, it deletes the line breaks before it instead, so no blank tail is left.
    Lines only suggested for removal count as kept when the applied removals around them are placed.
    """
    paras = paragraphs(text)
    removed = {
        i for v in verdicts if v.remove == "lines" and not v.suggest_only for i in range(v.paragraph, v.last + 1)
    }
    spans: dict[int, tuple[int, int]] = {}
    for verdict in verdicts:
        if verdict.remove == "span":
            spans[id(verdict)] = (verdict.start, verdict.end)
        elif verdict.remove == "lines":
            spans[id(verdict)] = _lines_span(text, paras, verdict, removed)
    return spans


def _lines_span(text: str, paras: list[Span], verdict: Verdict, removed: set[int]) -> tuple[int, int]:
    first, last = verdict.paragraph, verdict.last
    start = verdict.start
    if start == paras[first].start:
        start = text.rfind("\n", 0, paras[first].start) + 1
    following = next((i for i in range(last + 1, len(paras)) if i not in removed), None)
    if following is not None:
        return start, text.rfind("\n", 0, paras[last + 1].start) + 1
    if first > 0:
        # nothing kept follows: cut from the end of the line before, so no blank tail is left
        return paras[first - 1].end, paras[last].end
    return start, paras[last].end
