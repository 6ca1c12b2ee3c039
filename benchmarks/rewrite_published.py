"""What the rewriter does to clean published text: applied rewrite edits by harmful kind, and a sample to read.

Published articles (real, edited news) have few errors, so nearly every change the rewriter makes
there should be a real fix ("the their" -> "their"). This benchmark runs the pipeline (rewriter on) over
article bodies, collects every applied ``rewrite`` edit, and checks each automatically for the
harmful kinds whose shape allows it (issue 14, item 6):

- ``verbatim``: a URL, e-mail address, @handle or #hashtag changed;
- ``deleted_outside_flag``: a word deleted that lies outside every flag the edit answers;
- ``content_deleted``: a content word deleted that repeats no word next to it (a clause cut, not an
  echo such as "said. he said.");
- ``after_closing_quote``: a lower-case word right after a closing quote capitalised, or a full
  stop put between them (the sentence went on);
- ``stylised_lower``: an upper-case letter brought into a line written wholly in lower case;
- ``name_lowercased``: a capitalised word lower-cased where it is not the first word of a sentence
  in the original (a company or brand name), or after an ellipsis;
- ``camel_split``: a camel-case word ("GlowBerry") split or recased;
- ``variant``: one correct form swapped for another: spacing or hyphen variants of known words
  ("co-operate" -> "cooperate", "e-mail" -> "email"), British/American spellings, straight for curly
  apostrophes or quotes;
- ``quoted_punctuation``: a punctuation mark inside a quotation replaced or removed;
- ``repeated_word_split``: a rare word the document uses more than once ("glimmo") split or recased;
- ``capitalised_mid_sentence``: a lower-case word capitalised in the middle of a sentence ("the north
  wing" of a museum made "the North Wing");
- ``new_fragment``: a full stop put between two words leaving a side with no verb (a name cut off).

The checkers read only the edit, its flags and the original text; they share no code with the
rewriter's guards, so a guard's blind spot does not hide the same failure here. A random sample
(seeded) of the applied edits is printed with some context for a person to read: the automatic
kinds do not cover every way a change can be wrong.

The article text is read from the file given and never written into the repository: run outputs go
to ``--run-dir`` (default: a temporary folder).

    PYTHONPATH=. .venv/bin/python benchmarks/rewrite_published.py /work/shared/eval/articles_dev.jsonl \
        --run-dir /tmp/published --sample 30 --seed 14
    # again on the same run folder, without running the pipeline:
    PYTHONPATH=. .venv/bin/python benchmarks/rewrite_published.py ARTICLES.jsonl --run-dir /tmp/published --reuse
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.grammar.spelling_filter import is_other_dialect_spelling
from pipeline.text.lexical import FUNCTION_WORDS, words, zipf

KINDS = (
    "verbatim",
    "deleted_outside_flag",
    "content_deleted",
    "after_closing_quote",
    "stylised_lower",
    "name_lowercased",
    "camel_split",
    "variant",
    "quoted_punctuation",
    "repeated_word_split",
    "capitalised_mid_sentence",
    "new_fragment",
)
CLOSING_QUOTES = "”\"’'»"
OPENING_QUOTES = "“\"‘'«"
SENTENCE_END = re.compile(r"[.!?…]$")
CAMEL = re.compile(r"^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+(?:['’]s)?$")
KNOWN_ZIPF = 3.0  # both forms of a variant are words in common use


@dataclass
class Finding:
    document: str
    edit: dict[str, Any]
    flags: list[dict[str, Any]]
    kinds: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Whitespace-separated tokens with offsets."""
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


# ------------------------------------------------------------------ the checkers
def verbatim_changed(before: str, after: str) -> bool:
    """A token that looks like a URL, an e-mail address, a @handle or a #hashtag did not survive."""

    def special(token: str) -> bool:
        core = token.strip("()[]<>.,;:!?\"“”‘’'")
        return (
            "://" in core
            or core.lower().startswith("www.")
            or ("@" in core and len(core) > 1)
            or (core.startswith("#") and len(core) > 1 and core[1:2].isalnum())
        )

    after_tokens = {t.strip("()[]<>.,;:!?\"“”‘’'") for t, _, _ in _tokens(after)}
    return any(special(t) and t.strip("()[]<>.,;:!?\"“”‘’'") not in after_tokens for t, _, _ in _tokens(before))


def deleted_words(before: str, after: str) -> list[tuple[str, int]]:
    """Words of ``before`` the edit removes (with their offsets in ``before``); respacing, case and
    one-for-one replacements are not removals."""
    a = [(m.group(), m.start()) for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)?", before)]
    b = [m.group() for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)?", after)]
    removed: list[tuple[str, int]] = []
    matcher = difflib.SequenceMatcher(a=[w.lower() for w, _ in a], b=[w.lower() for w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            removed.extend(a[i1:i2])
        elif tag == "replace":
            old, new = [w for w, _ in a[i1:i2]], b[j1:j2]
            if _letters("".join(old)).lower() == _letters("".join(new)).lower() or (i2 - i1) <= (j2 - j1):
                continue  # joined, split ("council ’s" -> "council’s") or replaced word for word
            left = Counter(w.lower() for w in new)
            for word, offset in a[i1:i2]:
                if left[word.lower()]:
                    left[word.lower()] -= 1
                else:
                    removed.append((word, offset))
    return removed


def outside_flags(removed: list[tuple[str, int]], edit_start: int, flags: list[dict[str, Any]]) -> list[str]:
    out = []
    for word, offset in removed:
        start, end = edit_start + offset, edit_start + offset + len(word)
        if not any(f["start"] < end and start < f["end"] for f in flags):
            out.append(word)
    return out


def unechoed_content(removed: list[tuple[str, int]], context: str) -> list[str]:
    """Removed content words that do not repeat a word of the context (the echo of a doubled phrase)."""
    near = Counter(w.lower() for w in words(context))
    out = []
    for word, _ in removed:
        lowered = word.lower()
        if lowered in FUNCTION_WORDS or not any(c.isalpha() for c in word):
            continue
        if near[lowered] < 2:  # the context holds the removed word itself once
            out.append(word)
    return out


def _case_changes(before: str, after: str) -> list[tuple[str, str, int]]:
    """(old, new, offset in before) for words whose letters stayed and only the case moved."""
    a = [(m.group(), m.start()) for m in re.finditer(r"[^\W_]+", before)]
    b = [m.group() for m in re.finditer(r"[^\W_]+", after)]
    changes = []
    matcher = difflib.SequenceMatcher(a=[w.lower() for w, _ in a], b=[w.lower() for w in b], autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                old, offset = a[i1 + k]
                new = b[j1 + k]
                if old != new:
                    changes.append((old, new, offset))
    return changes


def capitalised_after_closing_quote(text: str, start: int, before: str, after: str) -> bool:
    for old, new, offset in _case_changes(before, after):
        if old[:1].islower() and new[:1].isupper() and _after_closing_quote(text, start + offset):
            return True
    # a full stop inserted right after a closing quote that a lower-case word followed
    for m in re.finditer(r"[" + CLOSING_QUOTES + r"]\s+([a-z])", before):
        if _after_closing_quote(text, start + m.start(1)):
            quote_at = m.start()
            if after.startswith(before[: quote_at + 1]) and re.match(r"[.!?]", after[quote_at + 1 :]):
                return True
    return False


def _after_closing_quote(text: str, position: int) -> bool:
    """Whether the text right before ``position`` is a closing quote (spaces between)."""
    head = text[:position].rstrip()
    return len(head) >= 2 and head[-1] in CLOSING_QUOTES and not head[-2].isspace()


def stylised_lower_line(text: str, start: int, end: int, before: str, after: str) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if any(c.isupper() for c in line) or len(words(line)) < 2:
        return False
    return sum(c.isupper() for c in after) > sum(c.isupper() for c in before)


def name_lowercased(text: str, start: int, before: str, after: str) -> bool:
    for old, new, offset in _case_changes(before, after):
        if not (old[:1].isupper() and new[:1].islower()):
            continue
        head = text[: start + offset].rstrip()
        if head.endswith(("…", "...")):
            return True  # a sentence after an ellipsis starts with a capital
        if head and not SENTENCE_END.search(head.rstrip(CLOSING_QUOTES + ")")) and head[-1] not in OPENING_QUOTES:
            if not head.endswith(("\n",)):
                return True
    return False


def camel_split(before: str, after: str) -> bool:
    after_tokens = {t.strip(".,;:!?\"“”‘’'()") for t, _, _ in _tokens(after)}
    for token, _, _ in _tokens(before):
        core = token.strip(".,;:!?\"“”‘’'()")
        if CAMEL.match(core) and core not in after_tokens:
            return True
    return False


def answers_dialect_rule(flags: list[dict[str, Any]]) -> bool:
    """Whether the edit answers a grammar rule about one variety of English (LanguageTool's
    en-US/en-GB rule files, "locale-violation" issues): "any more" -> "anymore", "afterwards" ->
    "afterward"."""
    from pipeline.rewrite.guards import is_dialect_rule

    return any(is_dialect_rule(f.get("details")) for f in flags)


def variant(before: str, after: str) -> bool:
    """One correct form for another: a hyphen added or dropped inside a word between common parts
    ("e-mail" -> "email", "co-operate" -> "cooperate"), a dialect spelling ("defence" -> "defense"),
    or the typography of apostrophes and quotes. (A joined open compound, "hand bag" -> "handbag",
    is a dictionary fix; "any more" -> "anymore" is caught by its rule, see ``answers_dialect_rule``.)"""
    if before == after:
        return False
    b_apos, a_apos = Counter(c for c in before if c in "’'‘"), Counter(c for c in after if c in "’'‘")
    if sum(b_apos.values()) == sum(a_apos.values()) and b_apos != a_apos:
        return True  # the same apostrophes, another glyph
    b_quotes, a_quotes = Counter(c for c in before if c in '“”"'), Counter(c for c in after if c in '“”"')
    if sum(b_quotes.values()) == sum(a_quotes.values()) and b_quotes != a_quotes:
        return True
    old_tokens, new_tokens = before.split(), after.split()
    if len(old_tokens) == len(new_tokens):
        for x, y in zip(old_tokens, new_tokens):
            if x != y and "-" in x + y and x.replace("-", "") == y.replace("-", ""):
                parts = [p for p in re.split(r"[-\W]+", x + "-" + y) if p]
                if all(zipf(p) >= KNOWN_ZIPF for p in parts):
                    return True
    old_words, new_words = words(before), words(after)
    if len(old_words) == len(new_words):
        for x, y in zip(old_words, new_words):
            if x.lower() != y.lower() and is_other_dialect_spelling(x, (y,)):
                return True
    return False


def repeated_word_split(text: str, before: str, after: str) -> bool:
    """A rare word the document writes more than once (a stylised brand, "glimmo") split or recased."""
    counts = Counter(words(text))
    kept = set(words(after))
    return any(counts[w] >= 2 and zipf(w) < 2.5 and len(w) >= 4 and w not in kept for w in words(before))


def capitalised_mid_sentence(before: str, after: str) -> bool:
    """A lower-case word capitalised where the edited text does not start a sentence before it."""
    b = [(m.group(), m.start()) for m in re.finditer(r"[^\W_]+", after)]
    a = [m.group() for m in re.finditer(r"[^\W_]+", before)]
    if [w.lower() for w in a] != [w.lower() for w, _ in b]:
        return False
    for old, (new, at) in zip(a, b):
        if old[:1].islower() and new[:1].isupper():
            head = after[:at].rstrip()
            if head and not re.search(r"[.!?…:][”\"’')]*$", head) and head[-1] not in OPENING_QUOTES:
                return True
    return False


def new_fragment(before: str, after: str) -> bool:
    """A full stop put between two words that leaves a side with no verb heading it."""
    from pipeline.text.nlp import parse_paragraph

    if len(re.findall(r"[.!?]", after)) <= len(re.findall(r"[.!?]", before)):
        return False
    match = re.search(r"[.!?]\s+[A-Z]", after)
    if match is None:
        return False
    return any(
        not any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX"))
            for t in parse_paragraph(side)
        )
        for side in (after[: match.start() + 1], after[match.start() + 1 :])
        if side.strip()
    )


def _quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    spans, opened = [], None
    for m in re.finditer(r"[“”\"]", paragraph):
        mark = m.group()
        if mark == "“" or (mark == '"' and opened is None):
            opened = m.end()
        elif opened is not None:
            spans.append((opened, m.start()))
            opened = None
    return spans


def quoted_punctuation_changed(text: str, start: int, end: int, before: str, after: str) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    paragraph = text[line_start : line_end if line_end >= 0 else len(text)]
    marks_before = re.sub(r"[^.,;:!?]", "", before)
    marks_after = re.sub(r"[^.,;:!?]", "", after)
    if marks_before == marks_after or not marks_before:
        return False
    for offset, char in enumerate(before):
        if char in ".,;:!?":
            at = start + offset - line_start
            # the mark right before a closing quote, or anywhere inside a quotation
            if any(a <= at <= b for a, b in _quoted_spans(paragraph)):
                return True
    return False


def classify(text: str, edit: dict[str, Any], flags: list[dict[str, Any]]) -> list[str]:
    start, end, before, after = edit["start"], edit["end"], edit["before"], edit["after"]
    kinds = []
    if verbatim_changed(before, after):
        kinds.append("verbatim")
    removed = deleted_words(before, after)
    if outside_flags(removed, start, flags):
        kinds.append("deleted_outside_flag")
    sentence_lo = max(text.rfind("\n", 0, start), 0, start - 200)
    if unechoed_content(removed, text[sentence_lo : min(len(text), end + 200)]):
        kinds.append("content_deleted")
    if capitalised_after_closing_quote(text, start, before, after):
        kinds.append("after_closing_quote")
    if stylised_lower_line(text, start, end, before, after):
        kinds.append("stylised_lower")
    if name_lowercased(text, start, before, after):
        kinds.append("name_lowercased")
    if camel_split(before, after):
        kinds.append("camel_split")
    if variant(before, after) or answers_dialect_rule(flags):
        kinds.append("variant")
    if quoted_punctuation_changed(text, start, end, before, after):
        kinds.append("quoted_punctuation")
    if repeated_word_split(text, before, after):
        kinds.append("repeated_word_split")
    if capitalised_mid_sentence(text[max(0, start - 80) : start] + before, text[max(0, start - 80) : start] + after):
        kinds.append("capitalised_mid_sentence")
    left = re.split(r"(?<=[.!?])\s+", text[max(0, start - 200) : start])[-1]
    right = re.split(r"(?<=[.!?])\s+", text[end : end + 200])[0]
    if new_fragment(left + before + right, left + after + right):
        kinds.append("new_fragment")
    return kinds


# ------------------------------------------------------------------ running
def load_bodies(path: Path, field_name: str) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.append({"id": row["id"], "text": row.get(field_name) or row.get("text") or ""})
    return rows


def run_pipeline(bodies: list[dict[str, str]], run_dir: Path, config: str | None) -> None:
    from pipeline.cli import main

    run_dir.mkdir(parents=True, exist_ok=True)
    source = run_dir / "bodies.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for row in bodies:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    args = ["clean", str(source), str(run_dir / "out"), "--no-progress", "--rewrite"]
    if config:
        args += ["--config", config]
    if main(args) != 0:
        raise SystemExit("the pipeline failed")


def findings(reports_dir: Path) -> tuple[list[Finding], int, int]:
    """Every applied rewrite edit with its kinds, the number of documents and of words."""
    found, documents, total_words = [], 0, 0
    for path in sorted(reports_dir.glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        documents += 1
        text = report["original_text"]
        total_words += len(words(text))
        by_id = {f["id"]: f for f in report["flags"]}
        for edit in report["edits"]:
            if edit["stage"] != "rewrite" or not edit["applied"]:
                continue
            flags = [by_id[i] for i in edit.get("flag_ids", []) if i in by_id]
            found.append(Finding(report["document"], edit, flags, classify(text, edit, flags)))
    return found, documents, total_words


def _context(text: str, edit: dict[str, Any], width: int = 70) -> str:
    lo, hi = max(0, edit["start"] - width), min(len(text), edit["end"] + width)
    return (
        text[lo : edit["start"]].replace("\n", " ¶ ")
        + f"[[{edit['before']} -> {edit['after']}]]"
        + text[edit["end"] : hi].replace("\n", " ¶ ")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path, help=".jsonl with id and the body (article_text or text)")
    parser.add_argument("--field", default="article_text", help="field that holds the published body")
    parser.add_argument("--run-dir", type=Path, help="where the pipeline writes (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true", help="read the reports already in --run-dir")
    parser.add_argument("--config", help="TOML pipeline settings (e.g. a cache_dir shared between runs)")
    parser.add_argument("--sample", type=int, default=30, help="applied edits drawn at random to read")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", type=Path, help="write the counts (no article text) to this file")
    args = parser.parse_args(argv)

    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="rewrite-published-"))
    if not args.reuse:
        run_pipeline(load_bodies(args.articles, args.field), run_dir, args.config)
    reports = run_dir / "out" / "reports"
    if not reports.is_dir() and (run_dir / "reports").is_dir():
        reports = run_dir / "reports"  # a `postedit clean` output folder given directly
    found, documents, total_words = findings(reports)
    texts = {
        json.loads(p.read_text(encoding="utf-8"))["document"]: json.loads(p.read_text(encoding="utf-8"))[
            "original_text"
        ]
        for p in sorted(reports.glob("*.json"))
    }
    counts = Counter(kind for f in found for kind in f.kinds)
    harmful = [f for f in found if f.kinds]
    print(f"{documents} documents, {total_words} words, {len(found)} applied rewrite edits")
    print(f"edits of a harmful kind: {len(harmful)}")
    for kind in KINDS:
        print(f"  {kind:22} {counts.get(kind, 0)}")
    by_category = Counter(c for f in found for c in {fl["category"] for fl in f.flags})
    print("applied edits by flag category: " + ", ".join(f"{k} {v}" for k, v in sorted(by_category.items())))
    if harmful:
        print("\nharmful (automatic):")
        for f in harmful:
            print(f"  {f.document[:16]} {','.join(f.kinds)}: {_context(texts[f.document], f.edit, 40)}")
    if args.sample:
        rng = random.Random(args.seed)
        sample = rng.sample(found, min(args.sample, len(found)))
        print(f"\nsample to read ({len(sample)} of {len(found)}, seed {args.seed}):")
        for number, f in enumerate(sample, 1):
            flags = "; ".join(f"{fl['category']}/{fl['detector']}" for fl in f.flags)
            print(f"{number:3}. {f.document[:16]} [{flags}] {_context(texts[f.document], f.edit)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "documents": documents,
                    "words": total_words,
                    "applied": len(found),
                    "harmful": len(harmful),
                    "kinds": {k: counts.get(k, 0) for k in KINDS},
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
