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
from pipeline.grammar.select import FallbackChecker, Plan, choose_plans, rule_filter
from pipeline.grammar.spelling_filter import not_a_misspelling
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
    def process(self, doc: Document) -> None:
        if not self.plans:
            return
        self.prepare()
        assert self.checker is not None
        view = doc.view()
        text = view.text
        units = check_units(text)
        paras = paragraphs(text)
        results = self._check([u.text for u in units], doc)
        matches = [m.shifted(u.start) for u, found in zip(units, results) for m in found]
        guard = NameGuard(text, sentences(text), frozenset(self.config.protected_words))
        proposals = []
        earlier_flags = list(doc.flags)
        for match in matches:
            if match.start == match.end and not match.suggestions:
                continue
            if guard.protects(match) or not_a_misspelling(match, text, self.config.dialect):
                continue
            if (
                truncated_excerpt(match, units)
                or continued_quotation(match, text, paras)
                or lowercase_fragment(match, text, paras)
                or legitimate_repeat(match, text)
                or not_a_stop(match, text)
                or cut_opening(match, text, paras)
                or after_opening_ellipsis(match, text, paras)
                or not_an_article(match, text)
            ):
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
            earlier = already_reported(earlier_flags, ostart, oend, text[match.start : match.end], match.rule_id)
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
        self.guarded += guard.blocked
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


def check_units(text: str) -> list[Span]:
    """Paragraphs, the unit of checking and caching: enough context for the rules, and a repeated
    boilerplate paragraph is one cache entry. Checkers slow down per character on long inputs, so
    an overlong paragraph is checked sentence by sentence instead."""
    units: list[Span] = []
    for paragraph in paragraphs(text):
        units.extend(sentences(text, paragraph) if len(paragraph.text) > MAX_UNIT_CHARS else [paragraph])
    return units


REMOVED_CATEGORIES = ("boilerplate", "metadata")
SAME_PROBLEM_SLACK = 20  # an earlier flag at most this much longer than the match is about the same words


def already_reported(flags: list, start: int, end: int, span: str, rule_id: str):
    """An earlier stage's flag that already covers this match (original offsets), or None.

    Reviewers should see one flag per problem: a boilerplate or metadata flag around the match, a
    flag on about the same words ("prioritywe" from the glued-words detector, " :" from the
    punctuation detector), or an unclosed-quote flag starting at the same quote."""
    for flag in flags:
        overlaps = flag.start < end and start < flag.end or flag.start == start
        if not overlaps:
            continue
        contains = flag.start <= start and end <= flag.end
        if contains and flag.category in REMOVED_CATEGORIES:
            return flag
        if flag.category not in REMOVED_CATEGORIES and (flag.end - flag.start) <= (end - start) + SAME_PROBLEM_SLACK:
            return flag
        if rule_id in UNPAIRED_RULES and flag.start == start and span in OPENING_QUOTES:
            return flag
    return None


UNPAIRED_RULES = ("EN_UNPAIRED_QUOTES", "EN_UNPAIRED_BRACKETS", "HARPER_Formatting")


def truncated_excerpt(match: GrammarMatch, units: list) -> bool:
    """An unpaired quote or bracket in a paragraph cut off by an ellipsis was closed in the part
    that is missing: scraped teasers and excerpts are not errors of the text we have."""
    if match.rule_id not in UNPAIRED_RULES:
        return False
    for unit in units:
        if unit.start <= match.start < unit.start + len(unit.text):
            ends = (unit.text[:3], unit.text[-3:])
            return any(e.startswith(("...", "…")) or e.endswith(("...", "…")) for e in ends)
    return False


OPENING_QUOTES = '“"‘'


def not_a_stop(match: GrammarMatch, text: str) -> bool:
    """A space before a dot that starts a number, extension or domain (".5 points", ".rnd files",
    ".com") is not a space before a full stop."""
    if match.rule_id not in ("COMMA_PARENTHESIS_WHITESPACE", "SENTENCE_WHITESPACE"):
        return False
    span = text[match.start : match.end]
    if span.strip() == ".":
        dot = match.start + span.index(".")
    elif not span.strip() and text[match.end : match.end + 1] == ".":
        dot = match.end
    else:
        return False
    return text[dot + 1 : dot + 2].isalnum()


ARTICLE_RULES = ("EN_A_VS_AN", "HARPER_Miscellaneous")
# words an article is never followed by: when "a" precedes one, it is a letter, a variable or a
# name ("chlorophyll a is", "divide by a and b", "the prefix a- in"), not an article
_NOT_AFTER_ARTICLE = frozenset(
    "is are was were be been has have had and or nor but in of to on at by for with from as than "
    "can will would may might must should could does did".split()
)


def not_an_article(match: GrammarMatch, text: str) -> bool:
    """An a/an flag on an "a" that is no article: followed by punctuation, a hyphen or a word no
    article can precede."""
    if match.rule_id not in ARTICLE_RULES or text[match.start : match.end].lower() not in ("a", "an"):
        return False
    following = text[match.end : match.end + 30]
    if not following[:1].isspace():
        return True  # "a-", "a,", "(a)": a letter, not a word
    word = re.match(r"\s+([^\W\d_]+)", following)
    return word is None or word.group(1).lower() in _NOT_AFTER_ARTICLE


def cut_opening(match: GrammarMatch, text: str, paras: list[Span]) -> bool:
    """A paragraph that opens with an ellipsis glued to a word ("...an be considered", "...The
    crops") is an excerpt cut mid-text: no space is missing after that ellipsis, and the first word
    may be the tail of a longer one, so nothing on it is an error of the text we have."""
    para = paragraph_of(match, paras)
    if para is None:
        return False
    opening = re.match(r"\s*(?:\.\.\.|…)(?=[^\W\d_])([^\W\d_]*)", para.text)
    return opening is not None and match.start < para.start + opening.end(1)  # on the ellipsis or the word glued to it


def paragraph_of(match: GrammarMatch, paras: list[Span]) -> Span | None:
    """The paragraph the match starts in."""
    return next((para for para in paras if para.start <= match.start < para.end), None)


REPEAT_RULES = ("ENGLISH_WORD_REPEAT_RULE", "HARPER_Repetition")


def legitimate_repeat(match: GrammarMatch, text: str) -> bool:
    """A repeat across a name ("how long Long Island is", "an AN's alternatives"): the second word
    is capitalised and the first is not written the same. (Repeats English allows, "had had", stay
    flags; they are only never applied.)"""
    if match.rule_id not in REPEAT_RULES:
        return False
    found = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text[match.start : match.end])
    if len(found) != 2 or found[0].lower() != found[1].lower():
        return False
    return found[0] != found[1] and found[1][:1].isupper()  # "The the" at a sentence start is a repeat


_OPENING_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…)\s*")


def after_opening_ellipsis(match: GrammarMatch, text: str, paras: list[Span]) -> bool:
    """A paragraph that opens with dots (".. arrest of all accused", "… and there is") is an
    excerpt that starts mid-sentence: those dots are no doubled stop, and the word after them is
    not a sentence start that should be capitalised."""
    if match.rule_id not in ("DOUBLE_PUNCTUATION", "UPPERCASE_SENTENCE_START", "HARPER_Capitalization"):
        return False
    para = paragraph_of(match, paras)
    if para is None:
        return False
    opening = _OPENING_ELLIPSIS.match(para.text)
    if opening is None or not opening.group().strip():
        return False
    first_word = re.match(r"[^\W\d_]+", para.text[opening.end() :])
    return match.start < para.start + opening.end() + (first_word.end() if first_word else 0)


def lowercase_fragment(match: GrammarMatch, text: str, paras: list) -> bool:
    """A paragraph that starts in lower case and does not end like a sentence is a fragment (a
    scraped excerpt, a caption, a formula or code), not a sentence someone forgot to capitalise;
    the broken-sentence detector reports real fragments. Lower-case sentence starts inside a
    paragraph, and paragraphs that end with a stop, are still flagged."""
    if match.rule_id != "UPPERCASE_SENTENCE_START":
        return False
    for para in paras:
        if para.start <= match.start <= para.end:
            starts_it = not re.search(r"[^\W_]", text[para.start : match.start])
            # a whole sentence left in lower case ("the official said the talks had failed.") is
            # still an error; a fragment has no closing stop
            return starts_it and not re.search(r"[.!?][\"”’')]*\s*$", para.text)
    return False


def continued_quotation(match: GrammarMatch, text: str, paras: list[Span]) -> bool:
    """News style leaves a quotation open at the end of a paragraph when the next paragraph
    continues it with a fresh opening quote; that opening quote is not unpaired."""
    if match.rule_id not in UNPAIRED_RULES or text[match.start : match.end] not in OPENING_QUOTES:
        return False
    for index, para in enumerate(paras[:-1]):
        if para.start <= match.start < para.end:
            following = paras[index + 1].text
            return following[:1] in OPENING_QUOTES and text[match.start : para.end].count(text[match.start]) == 1
    return False


def _plain_message(message: str) -> str:
    """LanguageTool marks suggestions inside messages with ``<suggestion>`` tags; show quotes."""
    return re.sub(r"<suggestion>(.*?)</suggestion>", r"“\1”", message)
