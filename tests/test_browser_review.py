"""The review pages in a real browser (Debian's Chromium, driven by Playwright), opened from disk.

One browser for the whole module; every test gets a fresh context. The run folder is written by the
real output code (``write_document_outputs`` and ``render_index``) from documents built here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.document import Document, ProposedEdit, apply_edits
from pipeline.io.outputs import write_document_outputs
from pipeline.io.paths import report_path
from pipeline.report.html import render_index
from pipeline.runner import DocumentResult
from pipeline.summary import build_summary

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# an astral character (two UTF-16 units in JavaScript, one index in Python) ahead of every edit
STORY = (
    "Home > World > Europe\n"
    "🌍 The minister go to Geneva on Friday for talks.\n\n"
    "Talks lasted about two hours and ended without a joint statement\n"
)
HOSTILE = '<script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=2">'


def story_document() -> Document:
    doc = Document("world/talks.txt", STORY)
    original = doc.original_view()
    go = STORY.index("go to")
    agreement = doc.add_flag(
        original, "grammar", go, go + 2, "verb does not agree with its subject", "grammar.agreement", 0.8, "goes"
    )
    lasted = STORY.index("lasted about")
    doc.add_flag(original, "mt_artefact", lasted, lasted + len("lasted about"), "literal phrasing", "mt.phrase", 0.5)
    view = doc.view()
    doc.add_edits(
        view,
        "boilerplate",
        [ProposedEdit(0, STORY.index("🌍"), "", "breadcrumb navigation", 0.95, category="boilerplate")],
    )
    end = len(STORY) - 1
    doc.add_edits(
        view,
        "grammar",
        [
            ProposedEdit(
                go,
                go + 2,
                "goes",
                "subject-verb agreement",
                0.8,
                flag_ids=(agreement.id,),
                details={"guards": {"names_kept": True, "meaning_similarity": {"passed": True, "score": 0.97}}},
            ),
            ProposedEdit(end, end, ".", "sentence lacks a full stop", 0.6, applied=False, category="punctuation"),
        ],
    )
    doc.stages["grammar"] = {"version": "1", "backend": "harper"}
    return doc


def hostile_document() -> Document:
    doc = Document("hostile.txt", f"Scraped {HOSTILE} text here.\n")
    original = doc.original_view()
    doc.add_flag(original, "boilerplate", 0, 7, f"message {HOSTILE}", "test.hostile", 0.9, suggestion=HOSTILE)
    here = doc.original_text.index("here")
    doc.add_edits(
        doc.view(), "grammar", [ProposedEdit(here, here + 4, HOSTILE, f"reason {HOSTILE}", 0.7, category="grammar")]
    )
    return doc


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review-run")
    entries = [
        write_document_outputs(out, DocumentResult(doc, ok=True)) for doc in (story_document(), hostile_document())
    ]
    summary = build_summary(
        entries,
        input_path="in",
        output_dir=str(out),
        stage_versions={"grammar": {"version": "1", "backend": "harper"}},
        started_at="2026-01-02T03:04:05+00:00",
        wall_seconds=3.5,
        config={},
    )
    (out / "index.html").write_text(render_index(summary), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A page plus the script errors and console errors it produced (CSP violations show up there)."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(accept_downloads=True, viewport={"width": 1300, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        self.page.on("console", lambda message: message.type == "error" and self.problems.append(message.text))
        self.page.goto(url)


@pytest.fixture
def open_page(browser) -> Iterator:
    pages: list[Page] = []

    def opener(path: Path) -> Page:
        page = Page(browser, path.resolve().as_uri())
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.context.close()


def page_of(run: Path, doc_id: str) -> Path:
    return report_path(run, doc_id, ".html")


def download_text(page, button: str) -> str:
    with page.expect_download() as info:
        page.click(button)
    return Path(info.value.path()).read_text(encoding="utf-8")


def replay_with(doc: Document, decisions: dict[str, bool]) -> str:
    for edit in doc.edits:
        edit.applied = decisions.get(edit.id, edit.applied)
    return apply_edits(doc.original_text, doc.edits)


def test_index_lists_every_document_sorts_and_links_to_its_page(run_dir: Path, open_page) -> None:
    view = open_page(run_dir / "index.html")
    page = view.page
    names = page.locator("#documents tbody tr td:first-child").all_inner_texts()
    assert sorted(names) == ["hostile.txt", "world/talks.txt"]
    page.click("#documents th:nth-child(4) button")  # flags, ascending
    assert page.locator("#documents tbody tr td:first-child").all_inner_texts() == ["hostile.txt", "world/talks.txt"]
    page.click("#documents th:nth-child(4) button")  # descending
    assert page.locator("#documents tbody tr td:first-child").all_inner_texts() == ["world/talks.txt", "hostile.txt"]
    assert "harper" in page.locator("#stages").inner_text()
    page.click("text=world/talks.txt")
    assert page.url.endswith("/reports/world/talks.txt.html")
    assert page.locator("h1").inner_text() == "world/talks.txt"
    page.click("text=Run index")
    assert page.url.endswith("/index.html")
    assert view.problems == []


def test_changes_are_listed_and_marked_word_by_word(run_dir: Path, open_page, tmp_path: Path) -> None:
    doc = story_document()
    view = open_page(page_of(run_dir, doc.doc_id))
    page = view.page
    assert page.locator("#change-list .item").count() == len(doc.edits)
    fix = next(e for e in doc.edits if e.after == "goes")
    marked = page.locator(f'#inline .chg[data-edit="{fix.id}"]')
    assert marked.locator("del").inner_text() == "go" and marked.locator("ins").inner_text() == "goes"
    assert page.locator("#inline mark.flag").first.inner_text().startswith("lasted about")
    page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
    assert (tmp_path / "document.png").stat().st_size > 10_000
    assert view.problems == []


def test_rejecting_a_change_downloads_the_same_text_as_the_python_replay(run_dir: Path, open_page) -> None:
    doc = story_document()
    page = open_page(page_of(run_dir, doc.doc_id)).page
    assert download_text(page, "#download-text") == doc.cleaned_text

    fix = next(e for e in doc.edits if e.after == "goes")
    page.click(f'#change-list .item[data-edit="{fix.id}"] button.reject')
    expected = replay_with(story_document(), {fix.id: False})
    assert "minister go to" in expected and download_text(page, "#download-text") == expected
    assert page.locator("#result-text").text_content() == expected

    suggestion = next(e for e in doc.edits if not e.applied)
    page.click(f'#change-list .item[data-edit="{suggestion.id}"] button.accept')
    expected = replay_with(story_document(), {fix.id: False, suggestion.id: True})
    assert expected.endswith("statement.\n") and download_text(page, "#download-text") == expected

    reviewed = json.loads(download_text(page, "#download-report"))
    assert {e["id"]: e["applied"] for e in reviewed["edits"]}[fix.id] is False
    assert Document.from_report(reviewed).cleaned_text == reviewed["cleaned_text"] == expected


def test_category_buttons_and_reset_decide_many_changes_at_once(run_dir: Path, open_page) -> None:
    doc = story_document()
    page = open_page(page_of(run_dir, doc.doc_id)).page
    page.click('button[data-bulk="reject"][data-category="boilerplate"]')
    boilerplate = {e.id: False for e in doc.edits if e.category == "boilerplate"}
    assert download_text(page, "#download-text") == replay_with(story_document(), boilerplate)
    page.click("#reject-all")
    assert download_text(page, "#download-text") == STORY
    page.click("#reset")
    assert download_text(page, "#download-text") == doc.cleaned_text


def test_filters_hide_a_category_and_changes_below_the_minimum_confidence(run_dir: Path, open_page) -> None:
    doc = story_document()
    page = open_page(page_of(run_dir, doc.doc_id)).page
    fix = next(e for e in doc.edits if e.after == "goes")
    page.uncheck('input[data-filter-category="grammar"]')
    assert page.locator(f'#change-list .item[data-edit="{fix.id}"]').is_hidden()
    page.check('input[data-filter-category="grammar"]')
    page.focus("#min-confidence")
    for _ in range(17):  # 0.85 in steps of 0.05
        page.keyboard.press("ArrowRight")
    visible = [e for e in doc.edits if e.confidence >= 0.85]
    assert page.locator("#change-list .item:visible").count() == len(visible) >= 1
    assert page.locator("#flag-list .item:visible").count() == 0
    page.click("#reject-all")  # acts on the changes shown only
    expected = replay_with(story_document(), {e.id: False for e in visible})
    assert download_text(page, "#download-text") == expected


def test_keyboard_moves_between_changes_and_rejects_the_current_one(run_dir: Path, open_page) -> None:
    doc = story_document()
    page = open_page(page_of(run_dir, doc.doc_id)).page
    ordered = sorted(doc.edits, key=lambda e: e.start)
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.edit") == ordered[0].id
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.edit") == ordered[1].id
    page.keyboard.press("r")
    assert page.locator(f'#change-list .item[data-edit="{ordered[1].id}"] .state').inner_text() == "rejected"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.dataset.edit") == ordered[0].id
    assert download_text(page, "#download-text") == replay_with(story_document(), {ordered[1].id: False})
    # after a click on a change's button, the keys act on that change
    last = ordered[-1]
    page.click(f'#change-list .item[data-edit="{last.id}"] button.accept')
    page.keyboard.press("r")
    assert page.locator(f'#change-list .item[data-edit="{last.id}"] .state').inner_text() == "rejected"
    page.keyboard.press("a")
    assert page.locator(f'#change-list .item[data-edit="{last.id}"] .state').inner_text() == "accepted"


def test_focus_or_hover_explains_a_change_with_its_reason_and_guards(run_dir: Path, open_page) -> None:
    doc = story_document()
    page = open_page(page_of(run_dir, doc.doc_id)).page
    fix = next(e for e in doc.edits if e.after == "goes")
    tip = page.locator(f'#inline .chg[data-edit="{fix.id}"] > .tip')
    assert tip.is_hidden()
    page.focus(f'#inline .chg[data-edit="{fix.id}"]')
    assert tip.is_visible()
    text = tip.inner_text()
    for expected in (
        "subject-verb agreement",
        "grammar.agreement",
        "harper",
        "0.80",
        "names_kept",
        "meaning_similarity",
    ):
        assert expected in text
    page.hover("#inline mark.flag")
    assert "literal phrasing" in page.locator("#inline mark.flag > .tip").inner_text()


def test_side_by_side_shows_original_and_result_paragraph_by_paragraph(run_dir: Path, open_page) -> None:
    doc = story_document()
    page = open_page(page_of(run_dir, doc.doc_id)).page
    page.click('button[data-view="side"]')
    rows = page.locator("#side-rows .row")
    assert rows.count() == page.locator("#inline .blk").count() == 3
    first_before, first_after = rows.nth(0).locator(".before"), rows.nth(0).locator(".after")
    assert "Home > World" in first_before.inner_text() and "Home > World" not in first_after.inner_text()
    second_after = rows.nth(1).locator(".after").inner_text()
    assert "minister goes to" in second_after and "minister go to" not in second_after
    fix = next(e for e in doc.edits if e.after == "goes")
    page.click(f'#change-list .item[data-edit="{fix.id}"] button.reject')
    assert "minister go to" in rows.nth(1).locator(".after").inner_text()


def test_script_and_markup_in_the_input_render_as_text_and_never_run(run_dir: Path, open_page, tmp_path: Path) -> None:
    view = open_page(page_of(run_dir, "hostile.txt"))
    page = view.page
    page.hover("#inline mark.flag")  # shows the flag's message, where the markup would be parsed
    page.focus("#inline .chg")
    page.click('button[data-view="side"]')
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert HOSTILE in page.locator("#side-rows .before").first.inner_text()
    assert HOSTILE in page.locator("#change-list").inner_text()
    # the page's own script did run (it fills the status line), so the check above is not vacuous
    assert "changes accepted" in page.locator("#status").inner_text()
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert view.problems == []
