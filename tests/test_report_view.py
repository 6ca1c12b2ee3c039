"""What the review pages show: word-level diffs, segments, labels, escaping and the run index."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline.document import Document, ProposedEdit
from pipeline.report.html import index_href_for, render_document_page, render_index
from pipeline.report.index_view import build_index_view, format_duration, format_started, page_href
from pipeline.report.view_model import build_document_view, category_label
from pipeline.report.word_diff import tokenize, word_diff

TEXT = (
    "World Politics Home\n"
    "The minister go to Geneva on Friday.\n\n"
    "Talks lasted about two hours and ended without a joint statement\n"
)


def sample_document() -> Document:
    """Boilerplate removed, a grammar fix motivated by a flag, an unapplied suggestion, a lone flag."""
    doc = Document("news/story.txt", TEXT)
    original = doc.original_view()
    go = TEXT.index("go to")
    grammar_flag = doc.add_flag(original, "grammar", go, go + 2, "verb agreement", "grammar.agreement", 0.8, "goes")
    lasted = TEXT.index("lasted")
    lone_flag = doc.add_flag(
        original, "mt_artefact", lasted, lasted + len("lasted about"), "odd phrase", "mt.phrase", 0.4
    )
    end = len(TEXT) - 1
    view = doc.view()
    doc.add_edits(
        view, "boilerplate", [ProposedEdit(0, TEXT.index("The"), "", "navigation line", 0.9, category="boilerplate")]
    )
    doc.add_edits(
        view,
        "grammar",
        [
            ProposedEdit(
                go,
                go + 2,
                "goes",
                "agreement",
                0.8,
                flag_ids=(grammar_flag.id,),
                details={
                    "guards": {"names_kept": True, "similarity": {"passed": False, "value": 0.7, "threshold": 0.85}}
                },
            ),
            ProposedEdit(end, end, ".", "missing full stop", 0.55, applied=False, category="punctuation"),
        ],
    )
    assert lone_flag.id == "f2"
    return doc


# ----------------------------------------------------------------------- word diff


@given(st.text(alphabet="ab .,\n’é", max_size=20), st.text(alphabet="ab .,\n’é", max_size=20))
def test_word_diff_tokens_rebuild_both_sides_exactly(before: str, after: str) -> None:
    tokens = word_diff(before, after)
    assert "".join(t.text for t in tokens if t.op != "insert") == before
    assert "".join(t.text for t in tokens if t.op != "delete") == after


def test_one_changed_word_is_marked_inside_its_sentence() -> None:
    tokens = word_diff("The minister go to Geneva.", "The minister goes to Geneva.")
    assert [(t.op, t.text) for t in tokens] == [
        ("equal", "The minister "),
        ("delete", "go"),
        ("insert", "goes"),
        ("equal", " to Geneva."),
    ]


def test_two_neighbouring_changed_words_read_as_one_phrase() -> None:
    tokens = word_diff("talks were held in Geneva", "talks took place in Geneva")
    assert [(t.op, t.text) for t in tokens] == [
        ("equal", "talks "),
        ("delete", "were held"),
        ("insert", "took place"),
        ("equal", " in Geneva"),
    ]


def test_tokenize_keeps_apostrophes_inside_words() -> None:
    assert tokenize("Moscow’s talks") == ["Moscow’s", " ", "talks"]


# ----------------------------------------------------------------- document view


def test_segments_cover_the_original_text_in_order() -> None:
    view = build_document_view(sample_document().to_report())
    segments = [s for block in view.blocks for s in block]
    assert "".join(s.text for s in segments) == TEXT
    assert [s.start for s in segments] == sorted(s.start for s in segments)


def test_each_edit_becomes_one_change_segment_with_its_offsets() -> None:
    doc = sample_document()
    view = build_document_view(doc.to_report())
    changes = [s.change for block in view.blocks for s in block if s.kind == "change"]
    assert [(c.id, c.start, c.end) for c in changes] == [
        (e.id, e.start, e.end) for e in sorted(doc.edits, key=lambda e: e.start)
    ]
    assert [c.applied for c in changes] == [True, True, False]


def test_change_without_category_takes_its_flags_category_and_label() -> None:
    view = build_document_view(sample_document().to_report())
    fix = next(c for c in view.changes if c.after == "goes")
    assert (fix.category, fix.label, fix.css) == ("grammar", "Grammar", "cat-grammar")
    assert fix.detectors == ("grammar.agreement",)
    assert [(f.message, f.suggestion) for f in fix.flags] == [("verb agreement", "goes")]
    assert [(t.op, t.text) for t in fix.tokens] == [("delete", "go"), ("insert", "goes")]


def test_a_review_hint_reads_as_a_hint_and_keeps_its_category_filter() -> None:
    doc = Document("hints", "The ministry of the affairs external met yesterday.")
    view = doc.view()
    doc.add_flag(view, "mt_artefact", 4, 37, "look here", "mt.fluency", 0.4, details={"review_hint": True})
    doc.add_flag(view, "mt_artefact", 38, 42, "calque", "mt.test", 0.9)
    hint, finding = build_document_view(doc.to_report()).flags_only
    assert (hint.category, hint.label, hint.css) == ("mt_artefact", "Review hint (QE)", "cat-mt_artefact hint")
    assert (finding.label, finding.css) == (category_label("mt_artefact"), "cat-mt_artefact")


def test_guards_are_listed_with_their_outcome() -> None:
    view = build_document_view(sample_document().to_report())
    fix = next(c for c in view.changes if c.after == "goes")
    assert [(g.name, g.passed) for g in fix.guards] == [("names_kept", True), ("similarity", False)]
    assert fix.guards[1].value == "0.7 (threshold 0.85)"


def test_guards_in_other_shapes_are_still_listed() -> None:
    doc = Document("d", "a b c")
    doc.add_edits(
        doc.view(), "rewrite", [ProposedEdit(0, 1, "x", "r", details={"guards": [{"name": "len", "ok": True}, "odd"]})]
    )
    change = build_document_view(doc.to_report()).changes[0]
    assert [(g.name, g.passed, g.value) for g in change.guards] == [("len", True, ""), ("2", None, "odd")]


def test_an_edit_names_its_own_backend_before_its_stages() -> None:
    doc = Document("d", "a b c")
    view = doc.view()
    doc.add_edits(
        view,
        "grammar",
        [ProposedEdit(0, 1, "x", "r", details={"backend": "harper", "rule_id": "R1"}), ProposedEdit(2, 3, "y", "r")],
    )
    doc.stages["grammar"] = {"version": "1", "backends": ["lingotweaker", "harper"]}
    own, inherited = build_document_view(doc.to_report()).changes
    assert (own.backend, inherited.backend) == ("harper", "lingotweaker, harper")
    assert own.details == (("rule_id", "R1"),)


def test_flag_without_edit_is_highlighted_on_its_own_text() -> None:
    view = build_document_view(sample_document().to_report())
    assert [f.id for f in view.flags_only] == ["f2"]
    highlighted = [s for block in view.blocks for s in block if s.kind == "flag"]
    assert [(s.text, [f.id for f in s.flags], s.css) for s in highlighted] == [
        ("lasted about", ["f2"], "cat-mt_artefact")
    ]


def test_flag_on_a_position_gets_an_empty_marker_segment() -> None:
    doc = Document("d", "One two three")
    doc.add_flag(doc.original_view(), "punctuation", 3, 3, "missing comma", "punct.comma", 0.5)
    segments = [s for block in build_document_view(doc.to_report()).blocks for s in block]
    assert [(s.kind, s.text) for s in segments] == [("text", "One"), ("flag", ""), ("text", " two three")]


def test_overlapping_flags_split_into_pieces_carrying_every_covering_flag() -> None:
    doc = Document("d", "alpha beta gamma")
    original = doc.original_view()
    doc.add_flag(original, "spelling", 0, 10, "a", "x", 0.5)
    doc.add_flag(original, "consistency", 6, 16, "b", "y", 0.6)
    segments = [s for block in build_document_view(doc.to_report()).blocks for s in block]
    assert [(s.text, [f.id for f in s.flags]) for s in segments] == [
        ("alpha ", ["f1"]),
        ("beta", ["f1", "f2"]),
        (" gamma", ["f2"]),
    ]


def test_blocks_break_after_line_breaks_in_unchanged_text() -> None:
    view = build_document_view(sample_document().to_report())
    block_texts = ["".join(s.text for s in block) for block in view.blocks]
    assert block_texts == [
        "World Politics Home\n",
        "The minister go to Geneva on Friday.\n\n",
        "Talks lasted about two hours and ended without a joint statement\n",
    ]


def test_category_counts_separate_applied_changes_suggestions_and_lone_flags() -> None:
    view = build_document_view(sample_document().to_report())
    counts = {c.key: (c.changes, c.applied, c.flags_only) for c in view.categories}
    assert counts == {
        "boilerplate": (1, 1, 0),
        "mt_artefact": (0, 0, 1),
        "grammar": (1, 1, 0),
        "punctuation": (1, 0, 0),
    }
    assert category_label("mt_artefact") == "MT artefact"
    assert category_label("rewrite") == "Rewrite"


def test_edit_that_cannot_be_placed_is_listed_but_not_drawn() -> None:
    report = sample_document().to_report()
    report["edits"][1]["before"] = "something else"
    view = build_document_view(report)
    assert not view.changes[1].inline and view.problems
    assert "".join(s.text for block in view.blocks for s in block) == TEXT


# ----------------------------------------------------------------------- pages


HOSTILE = '<script>window.__pwned=1</script> and "><img src=x onerror="window.__pwned=2">'


def hostile_report() -> dict:
    doc = Document("x/<evil>.txt", f"Intro. {HOSTILE} Outro go.\n")
    original = doc.original_view()
    doc.add_flag(original, "boilerplate", 0, 6, HOSTILE, "test.detector", 0.9, suggestion=HOSTILE)
    go = doc.original_text.index("go.")
    doc.add_edits(doc.view(), "grammar", [ProposedEdit(go, go + 2, HOSTILE, HOSTILE, 0.7, category="grammar")])
    return doc.to_report()


def test_page_escapes_every_piece_of_input() -> None:
    page = render_document_page(hostile_report())
    assert "<script>window.__pwned" not in page
    assert "<img" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "onerror=&#34;" in page or "onerror=&quot;" in page


def test_embedded_report_is_json_that_cannot_close_its_script_element() -> None:
    report = hostile_report()
    page = render_document_page(report)
    embedded = re.search(r'<script type="application/json" id="report">(.*?)</script>', page, re.S)
    assert embedded is not None
    assert "<" not in embedded.group(1)
    assert json.loads(embedded.group(1)) == report


def test_inline_script_and_style_match_the_content_security_policy() -> None:
    page = render_document_page(sample_document().to_report())
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for block, directive in ((script, "script-src"), (style, "style-src")):
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy


def test_document_page_links_back_to_the_run_index() -> None:
    assert index_href_for("story.txt") == "../index.html"
    assert index_href_for("2024/june/story.txt") == "../../../index.html"
    assert 'href="../../index.html"' in render_document_page(sample_document().to_report())


# ----------------------------------------------------------------------- index


def sample_summary() -> dict:
    return {
        "started_at": "2026-01-02T03:04:05+00:00",
        "wall_seconds": 185.2,
        "input": "in",
        "output": "out",
        "documents": {"total": 2, "ok": 1, "failed": 1},
        "characters": 120,
        "flags": {"grammar": 2, "boilerplate": 1},
        "edits_applied": {"grammar": 1},
        "stages": {"grammar": {"version": "2"}},
        "backends": {"grammar": ["harper"]},
        "errors": [{"document": "b.txt", "stage": "decode", "kind": "binary", "message": "<b>binary</b>"}],
        "documents_detail": [
            {
                "document": "a.txt",
                "ok": True,
                "report": "reports/a.txt.json",
                "flags": {"grammar": 2, "boilerplate": 1},
                "edits_applied": {"grammar": 1},
                "suggestions": 3,
                "encoding": {"detected": "cp1252"},
            },
            {
                "document": "b.txt",
                "ok": False,
                "report": "reports/b.txt.json",
                "flags": {},
                "edits_applied": {},
                "suggestions": 0,
            },
        ],
    }


def test_index_rows_count_flags_and_edits_per_category_and_errors_per_document() -> None:
    view = build_index_view(sample_summary())
    assert [c.key for c in view.columns] == ["boilerplate", "grammar"]
    a, b = view.rows
    assert (a.href, a.flags_total, a.edits_total, a.suggestions, a.errors, a.encoding) == (
        "reports/a.txt.html",
        3,
        1,
        3,
        0,
        "cp1252",
    )
    assert a.cell("grammar") == (2, 1) and a.cell("boilerplate") == (1, 0)
    assert (b.ok, b.errors) == (False, 1)
    assert view.duration == "3 min 05 s"
    assert view.backends == [("grammar", "harper")]


def test_index_page_links_each_document_and_escapes_error_messages() -> None:
    page = render_index(sample_summary())
    assert 'href="reports/a.txt.html"' in page and 'href="reports/b.txt.html"' in page
    assert "<b>binary</b>" not in page and "&lt;b&gt;binary&lt;/b&gt;" in page
    assert "harper" in page and "2026-01-02 03:04:05 UTC" in page


def test_page_links_are_percent_encoded() -> None:
    assert page_href("reports/a b#1.txt.json") == "reports/a%20b%231.txt.html"


def test_start_time_reads_in_utc() -> None:
    assert format_started("2026-01-02T05:04:05+02:00") == "2026-01-02 03:04:05 UTC"
    assert format_started("yesterday") == "yesterday"


def test_durations_read_naturally() -> None:
    assert [format_duration(s) for s in (0.44, 12.4, 3600 * 2 + 61)] == ["0.4 s", "12 s", "2 h 01 min"]


def test_a_failed_document_gets_a_page_that_shows_its_errors() -> None:
    doc = Document("broken.bin", "")
    doc.add_error("decode", "binary", "looks like <binary> data")
    page = render_document_page(doc.to_report())
    assert "This document has no text" in page
    assert "decode: binary: looks like &lt;binary&gt; data" in page
