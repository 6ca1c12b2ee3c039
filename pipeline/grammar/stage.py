"""The ``grammar`` stage: check paragraphs with the chosen backends (cached), guard names, and
record flags for everything and applied edits only for structurally safe fixes."""

from __future__ import annotations

import json
import re
from typing import Any

from pipeline.document import Document, ProposedEdit
from pipeline.grammar.mapping import decide
from pipeline.grammar.match import GrammarMatch
from pipeline.grammar.name_guard import NameGuard
from pipeline.grammar.policy import REMOVED_CATEGORIES, Context, EarlierFlags, dropped
from pipeline.grammar.select import FallbackChecker, Plan, choose_plans, rule_filter
from pipeline.sentence_cache import SentenceCache, cache_key, default_cache_path
from pipeline.stages.base import Stage
from pipeline.text.segment import Span, paragraphs, sentences

CACHE_FORMAT = "5"  # bump when merging or rule filtering changes what is cached
BASE_CONFIDENCE = {"spelling": 0.5, "grammar": 0.6, "punctuation": 0.7}


class GrammarStage(Stage):
    name = "grammar"
    version = "6"

    def __init__(self, config):
        super().__init__(config)
        self._plans: list[Plan] | None = None
        self.checker: FallbackChecker | None = None
        self.cache: SentenceCache | None = None
        self.guarded = 0  # spelling matches the name guard removed in this process

    # ------------------------------------------------------------ configuration
    @property
    def plans(self) -> list[Plan]:
        """Chosen once per process (the LanguageTool probe is a network call)."""
        if self._plans is None:
            self._plans = choose_plans(self.config)
        return self._plans

    def settings(self) -> dict[str, Any]:
        c = self.config
        return {
            "grammar": c.grammar,
            "plan": [list(p.backends) for p in self.plans[:1]],
            "dialect": c.dialect,
            "rules": rule_filter(c).settings(),
            "auto_apply": list(c.grammar_auto_apply),
            "protected_words": sorted(c.protected_words),
        }

    def describe(self) -> dict[str, Any]:
        plan = self.checker.plan if self.checker else (self.plans[0] if self.plans else None)
        info: dict[str, Any] = {"version": self.version}
        if plan is None:
            info.update(backend=[], reason="grammar = none")
        else:
            info.update(backend=list(plan.backends), reason=plan.reason)
        if self.checker and self.checker.fallbacks:
            info["fallbacks"] = list(self.checker.fallbacks)
        return info

    def prepare(self) -> None:
        if self.checker is None and self.plans:
            self.checker = FallbackChecker(self.config, self.plans)
            self.checker.fingerprint()  # loads the backends now, not inside the first document
            self.cache = SentenceCache(default_cache_path(self.config.cache_dir, "grammar"))

    def close(self) -> None:
        if self.checker:
            self.checker.close()
        if self.cache:
            self.cache.close()

    # ------------------------------------------------------------------- work
    def candidates(self, doc: Document) -> tuple[list[GrammarMatch], Context]:
        """Every backend match on the document's current text (offsets into it), before the
        policy's filters, and the context the filters read."""
        self.prepare()
        text = doc.view().text
        units, skipped = check_units(text)
        if skipped:
            doc.add_warning(self.name, skipped_warning(skipped))
        results = self._check([u.text for u in units], doc)
        matches = [m.shifted(u.start) for u, found in zip(units, results) for m in found]
        guard = NameGuard(text, sentences(text), frozenset(self.config.protected_words))
        return matches, Context(text, units, paragraphs(text), guard, self.config.dialect)

    def process(self, doc: Document) -> None:
        if not self.plans:
            return
        view = doc.view()
        text = view.text
        matches, context = self.candidates(doc)
        earlier_flags = EarlierFlags(doc.flags)
        proposals = []
        for match in matches:
            if dropped(match, context):
                continue
            decision = decide(match, text, tuple(self.config.grammar_auto_apply))
            agreeing = list(match.extra.get("also", []))
            confidence = min(0.95, BASE_CONFIDENCE[decision.category] + 0.15 * len(agreeing))
            details = {
                "rule_id": match.rule_id,
                "category_id": match.category_id,
                "issue_type": match.issue_type,
                "backend": match.backend,
                "suggestions": list(match.suggestions[:10]),
            }
            if agreeing:
                details["also_found_by"] = agreeing
            message = _plain_message(match.message)
            ostart, oend = view.to_original(decision.start, decision.end)
            earlier = earlier_flags.covering(ostart, oend, text[match.start : match.end], match.rule_id)
            if earlier is not None and earlier.category in REMOVED_CATEGORIES:
                continue  # text another stage marked for removal is not worth correcting
            if earlier is not None:
                flag = earlier  # the same problem, already reported: the fix joins that flag
                if decision.auto_kind is None:
                    continue
            else:
                flag = doc.add_flag(
                    view,
                    decision.category,
                    decision.start,
                    decision.end,
                    message,
                    f"grammar.{match.backend}",
                    confidence,
                    suggestion=decision.best,
                    details=details,
                )
            reason = f"{match.rule_id}: {message} ({match.backend})"
            if decision.auto_kind is not None and decision.after is not None:
                proposals.append(
                    ProposedEdit(
                        decision.start,
                        decision.end,
                        decision.after,
                        reason,
                        confidence=0.95,
                        applied=True,
                        category=decision.category,
                        flag_ids=(flag.id,),
                        details={"rule_id": match.rule_id, "kind": decision.auto_kind},
                    )
                )
            elif len(match.suggestions) == 1 and decision.best is not None:
                proposals.append(
                    ProposedEdit(
                        decision.start,
                        decision.end,
                        decision.best,
                        reason,
                        confidence=confidence,
                        applied=False,
                        category=decision.category,
                        flag_ids=(flag.id,),
                        details={"rule_id": match.rule_id},
                    )
                )
        self.guarded += context.guard.blocked
        doc.add_edits(view, self.name, proposals)

    def _check(self, texts: list[str], doc: Document) -> list[list[GrammarMatch]]:
        """Matches per paragraph, from the sentence cache where possible; new results are stored."""
        assert self.checker is not None and self.cache is not None
        fingerprint = self._fingerprint()
        keys = [cache_key("grammar", fingerprint, t) for t in texts]
        cached = self.cache.get_many(list(dict.fromkeys(keys)))
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in cached))
        if todo:
            found, warnings = self.checker.check(todo)
            for warning in warnings:
                doc.add_warning(self.name, warning)
            if warnings:  # results came from the fallback plan: store them under its key
                fingerprint = self._fingerprint()
            fresh = {cache_key("grammar", fingerprint, t): [m.to_json() for m in ms] for t, ms in zip(todo, found)}
            self.cache.put_many(fresh)
            by_text = dict(zip(todo, found))
        else:
            by_text = {}
        return [
            by_text[t] if t in by_text else [GrammarMatch.from_json(d) for d in cached[k]] for t, k in zip(texts, keys)
        ]

    def _fingerprint(self) -> str:
        assert self.checker is not None
        return json.dumps({"format": CACHE_FORMAT, **self.checker.fingerprint()}, sort_keys=True)


MAX_UNIT_CHARS = 3000  # longer paragraphs (scraped pages without line breaks) are checked by sentence
PROSE_LETTERS = 0.6  # prose: at least this share of its non-space characters are letters...
PROSE_TOKEN_CHARS = 15  # ...and its space-separated tokens are this long on average, at most
_HAS_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a paragraph without them is not checked


def check_units(text: str) -> tuple[list[Span], list[Span]]:
    """The units handed to the checkers, and the over-long spans left unchecked.

    Paragraphs are the unit of checking and caching: enough context for the rules, and a repeated
    boilerplate paragraph is one cache entry. Checkers slow down per character on long inputs
    (lingotweaker took more than 90 s on one line of 50,000 opening quotes, a word and 50,000
    closing quotes), so no unit is longer than ``MAX_UNIT_CHARS``: an overlong paragraph is
    checked sentence by sentence, an overlong sentence of prose in pieces cut at spaces, and an
    overlong run that is not prose (a minified script, base64, a wall of punctuation) is not
    checked at all."""
    units: list[Span] = []
    skipped: list[Span] = []
    for paragraph in paragraphs(text):
        if not _HAS_WORD.search(paragraph.text):
            continue  # no word to check ("*", "1", "-"): each call costs 1-2 ms, 200,000 such lines minutes
        if len(paragraph.text) <= MAX_UNIT_CHARS:
            units.append(paragraph)
            continue
        for sentence in sentences(text, paragraph):
            if len(sentence.text) <= MAX_UNIT_CHARS:
                units.append(sentence)
            elif looks_like_prose(sentence.text):
                units.extend(pieces(sentence, MAX_UNIT_CHARS))
            else:
                skipped.append(sentence)
    return units, skipped


def looks_like_prose(text: str) -> bool:
    """Words separated by spaces, mostly letters: what a grammar checker is for."""
    tokens = len(text.split())
    nonspace = sum(1 for c in text if not c.isspace())
    letters = sum(1 for c in text if c.isalpha())
    return tokens > 0 and letters >= PROSE_LETTERS * nonspace and nonspace <= PROSE_TOKEN_CHARS * tokens


def pieces(span: Span, limit: int) -> list[Span]:
    """``span`` cut at spaces into pieces of at most ``limit`` characters (a longer token alone)."""
    out: list[Span] = []
    text = span.text
    position = 0
    while position < len(text):
        end = min(len(text), position + limit)
        if end < len(text):
            cut = text.rfind(" ", position + 1, end)
            end = cut if cut > position else end
        piece = text[position:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append(Span(span.start + position + lead, span.start + position + lead + len(stripped), stripped))
        position = end
    return out


def skipped_warning(skipped: list[Span]) -> str:
    chars = sum(len(s.text) for s in skipped)
    first = skipped[0]
    return (
        f"{len(skipped)} over-long span(s) that are not prose ({chars} characters, the first at offset "
        f"{first.start}) were not grammar-checked: longer than {MAX_UNIT_CHARS} characters without a sentence break"
    )


def _plain_message(message: str) -> str:
    """LanguageTool marks suggestions inside messages with ``<suggestion>`` tags; show quotes."""
    return re.sub(r"<suggestion>(.*?)</suggestion>", r"“\1”", message)
