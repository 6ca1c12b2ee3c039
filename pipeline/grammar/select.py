"""Choosing the backends (``auto``), probing LanguageTool cheaply, and degrading when one fails.

Which of Harper's lints are merged is policy (:func:`pipeline.grammar.policy.harper_is_precise`);
this module only runs the plan it is given.

``auto`` prefers LanguageTool when a server URL is configured or a local install exists *and it
answers a short probe* (the library itself would wait up to 300 s); otherwise it runs lingotweaker
with Harper's precise lints merged by span. A backend that breaks mid-run is replaced by the next
plan for the rest of the process, with a warning on each affected document: no document is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.config import PipelineConfig
from pipeline.grammar.backends.base import BackendFailed, BackendUnavailable, GrammarBackend
from pipeline.grammar.backends.spacing import SpacingBackend
from pipeline.grammar.match import GrammarMatch
from pipeline.grammar.merge import merge_matches
from pipeline.grammar.policy import harper_is_precise
from pipeline.grammar.rules import DEFAULT_HARPER_KINDS, RuleFilter

log = logging.getLogger(__name__)


@dataclass
class Plan:
    """One way of checking: a primary backend plus, optionally, Harper's kinds merged in."""

    backends: tuple[str, ...]  # e.g. ("lingotweaker", "harper")
    reason: str
    loaded: list[GrammarBackend] = field(default_factory=list)

    @property
    def merged_kinds(self) -> tuple[str, ...]:
        return DEFAULT_HARPER_KINDS if len(self.backends) > 1 and self.backends[-1] == "harper" else ()


def rule_filter(config: PipelineConfig) -> RuleFilter:
    return RuleFilter.build(
        tuple(config.enabled_rules),
        tuple(config.disabled_rules),
        tuple(config.enabled_categories),
        tuple(config.disabled_categories),
    )


def offline_plan(reason: str) -> Plan:
    return Plan(("lingotweaker", "harper"), reason)


def choose_plans(config: PipelineConfig) -> list[Plan]:
    """Plans in order of preference; the first is used until it fails."""
    from pipeline.grammar.backends.languagetool import local_install, probe_server

    mode = config.grammar
    if mode == "none":
        return []
    if mode == "lingotweaker":
        return [Plan(("lingotweaker",), "configured: grammar = lingotweaker")]
    if mode == "harper":
        return [Plan(("harper",), "configured: grammar = harper")]
    if mode not in ("auto", "languagetool"):
        raise ValueError(f"unknown grammar backend {mode!r}")
    if config.languagetool_url:
        ok, why = probe_server(config.languagetool_url, config.dialect, config.languagetool_probe_timeout)
    else:
        ok, why = local_install()
    if ok:
        source = f"configured: grammar = {mode}; {why}"
        return [Plan(("languagetool",), source), offline_plan("fallback after LanguageTool failed")]
    if mode == "languagetool":
        return [offline_plan(f"grammar = languagetool but {why}; using the offline backends")]
    return [offline_plan(f"auto: {why}; offline lingotweaker with Harper merged")]


def load_backend(name: str, config: PipelineConfig, merged: bool = False) -> GrammarBackend:
    rules = rule_filter(config)
    if name in ("lingotweaker", "harper"):
        return _offline_backend(name, config.dialect, rules, merged)
    if name == "languagetool":
        from pipeline.grammar.backends.languagetool import LanguageToolBackend

        return LanguageToolBackend(
            config.languagetool_url, config.dialect, rules, config.languagetool_timeout, config.languagetool_retries
        )
    raise ValueError(f"unknown grammar backend {name!r}")


@lru_cache(maxsize=8)
def _offline_backend(name: str, dialect: str, rules: RuleFilter, merged: bool) -> GrammarBackend:
    """Offline backends hold no connection and are safe to share (lingotweaker's engine is
    immutable, Harper keeps a linter per thread), so a process loads each configuration once."""
    if name == "lingotweaker":
        from pipeline.grammar.backends.lingotweaker import LingotweakerBackend

        return LingotweakerBackend(dialect, rules)
    if name == "harper":
        from pipeline.grammar.backends.harper import HarperBackend

        # merged next to lingotweaker, Harper's spelling lints are not used (see harper_is_precise)
        return HarperBackend(dialect, spelling=not merged)
    raise ValueError(f"unknown grammar backend {name!r}")


class FallbackChecker:
    """Checks paragraphs with the current plan; on failure moves to the next plan and re-checks."""

    def __init__(
        self,
        config: PipelineConfig,
        plans: list[Plan],
        loader: Callable[[str, PipelineConfig, bool], GrammarBackend] = load_backend,
    ):
        self.config = config
        self.plans = list(plans)
        self.loader = loader
        self.rules = rule_filter(config)
        self.fallbacks: list[str] = []
        self.spacing = SpacingBackend()

    @property
    def plan(self) -> Plan | None:
        return self.plans[0] if self.plans else None

    def _load(self) -> Plan:
        """The current plan with its backends loaded, dropping plans whose backends cannot start."""
        while self.plans:
            plan = self.plans[0]
            if len(plan.loaded) == len(plan.backends):
                return plan
            try:
                plan.loaded = [self.loader(name, self.config, i > 0) for i, name in enumerate(plan.backends)]
                return plan
            except BackendUnavailable as exc:
                self._degrade(f"{'+'.join(plan.backends)} unavailable: {exc}")
        raise BackendUnavailable("no grammar backend can run: " + "; ".join(self.fallbacks))

    def _degrade(self, message: str) -> None:
        failed = self.plans.pop(0)
        for backend in failed.loaded:
            backend.close()
        log.warning("grammar: %s", message)
        self.fallbacks.append(message)

    def fingerprint(self) -> dict[str, Any]:
        plan = self._load()
        return {
            "plan": [b.settings() for b in plan.loaded + [self.spacing]],
            "merged_kinds": list(plan.merged_kinds),
            "rules": self.rules.settings(),
        }

    def check(self, texts: list[str]) -> tuple[list[list[GrammarMatch]], list[str]]:
        """Matches per text, and warnings for the documents whose check had to fall back."""
        warnings: list[str] = []
        while True:
            plan = self._load()
            try:
                return [self._filter(m) for m in self._run(plan, texts)], warnings
            except BackendFailed as exc:
                message = f"{'+'.join(plan.backends)} failed ({exc}); continuing with the next backend"
                self._degrade(message)
                warnings.append(message)

    def _run(self, plan: Plan, texts: list[str]) -> list[list[GrammarMatch]]:
        results = plan.loaded[0].check_many(texts)
        if plan.merged_kinds:
            secondary = plan.loaded[-1].check_many(texts)
            results = [
                merge_matches(p, [m for m in s if harper_is_precise(m, text, plan.merged_kinds)])
                for p, s, text in zip(results, secondary, texts)
            ]
        return [merge_matches(r, self.spacing.check(text)) for r, text in zip(results, texts)]

    def _filter(self, matches: list[GrammarMatch]) -> list[GrammarMatch]:
        return [m for m in matches if self.rules.allows(m)]

    def close(self) -> None:
        for plan in self.plans:
            for backend in plan.loaded:
                backend.close()
            plan.loaded = []
