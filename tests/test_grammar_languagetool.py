"""language-tool-python for real, against a LanguageTool-compatible server on 127.0.0.1.

Remote mode talks to the server by URL; local-server mode makes the library start it the way it
starts LanguageTool (``java -cp languagetool-server.jar ... -p PORT``) from an install folder,
through a ``java`` on PATH that runs our server. Fallback tests stop or hang the server.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.grammar.backends.languagetool import LanguageToolBackend, local_install, probe_server
from pipeline.grammar.select import choose_plans
from pipeline.grammar.stage import GrammarStage

sys.path.insert(0, str(Path(__file__).parent))
from languagetool_fake_server import FakeLanguageToolServer

EMOJI_TEXT = "Fans 😀 cheered , and the the team won."


@pytest.fixture
def server():
    with FakeLanguageToolServer() as running:
        yield running


def config_for(tmp_path: Path, **changes) -> PipelineConfig:
    return PipelineConfig(cache_dir=str(tmp_path / "cache"), **changes)


def test_remote_matches_have_string_offsets_after_an_emoji(server):
    backend = LanguageToolBackend(server.url, "en-US", timeout=5)
    spans = {EMOJI_TEXT[m.start : m.end]: m for m in backend.check(EMOJI_TEXT)}
    assert set(spans) == {" ,", "the the"}
    assert spans["the the"].category_id == "MISC" and spans["the the"].suggestions == ("the",)


def test_batched_check_splits_matches_back_per_paragraph(server):
    backend = LanguageToolBackend(server.url, "en-US", timeout=5)
    texts = ["No errors here.", "It was a a test 😀 today , truly."]
    results = backend.check_many(texts)
    assert results[0] == []
    assert [texts[1][m.start : m.end] for m in results[1]] == ["a a", " ,"]


def test_auto_prefers_a_configured_server_that_answers(server, tmp_path):
    stage = GrammarStage(config_for(tmp_path, languagetool_url=server.url))
    doc = Document("d", "Officials said the the talks ended .\n")
    stage.process(doc)
    assert stage.describe()["backend"] == ["languagetool"]
    assert "answered" in stage.describe()["reason"]
    assert doc.cleaned_text == "Officials said the talks ended.\n"
    assert {e.reason.split(":")[0] for e in doc.edits} == {"ENGLISH_WORD_REPEAT_RULE", "COMMA_PARENTHESIS_WHITESPACE"}
    stage.close()


def test_auto_falls_back_offline_when_the_server_is_down(tmp_path):
    with FakeLanguageToolServer() as dead:
        url = dead.url
    ok, why = probe_server(url, "en-US", 1)
    assert not ok
    plans = choose_plans(config_for(tmp_path, languagetool_url=url, languagetool_probe_timeout=1))
    assert plans[0].backends == ("lingotweaker", "harper") and "did not answer" in plans[0].reason


def test_probe_gives_up_quickly_on_a_hanging_server(tmp_path):
    with FakeLanguageToolServer() as hanging:
        hanging.httpd.RequestHandlerClass.do_GET = lambda self: __import__("time").sleep(5)
        ok, why = probe_server(hanging.url, "en-US", 0.5)
    assert not ok and "0.5 s" in why


def test_server_dying_mid_run_degrades_with_a_warning_and_loses_no_document(tmp_path):
    server = FakeLanguageToolServer().__enter__()
    stage = GrammarStage(config_for(tmp_path, languagetool_url=server.url, languagetool_timeout=2))
    stage.prepare()
    first = Document("a", "Talks went on on Monday .\n")
    stage.process(first)
    assert first.cleaned_text == "Talks went on Monday.\n" and not first.warnings
    server.stop()
    second = Document("b", "Troops moved the the guns north .\n")
    stage.process(second)
    assert second.cleaned_text == "Troops moved the guns north.\n"
    assert second.warnings and "languagetool" in second.warnings[0]["message"]
    assert stage.describe()["backend"] == ["lingotweaker", "harper"] and stage.describe()["fallbacks"]
    stage.close()


def test_hanging_server_mid_run_times_out_and_degrades(tmp_path):
    with FakeLanguageToolServer(hang_seconds=0) as server:
        stage = GrammarStage(config_for(tmp_path, languagetool_url=server.url, languagetool_timeout=0.5))
        stage.prepare()
        server.httpd.RequestHandlerClass.hang_seconds = 3
        doc = Document("c", "The the vote was close.\n")
        stage.process(doc)
        assert doc.warnings and "timed out" in doc.warnings[0]["message"]
        assert doc.cleaned_text == "The vote was close.\n"
        stage.close()


@pytest.fixture
def local_install_dir(tmp_path, monkeypatch):
    """A LanguageTool install folder as the library expects it, and a ``java`` that serves it."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    home = tmp_path / "ltp"
    install = home / f"LanguageTool-{LTP_DOWNLOAD_VERSION}"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    server_script = Path(__file__).parent / "languagetool_fake_server.py"
    java.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-version" ]; then echo \'openjdk version "17.0.15" 2025-04-15\' >&2; exit 0; fi\n'
        f'exec "{sys.executable}" "{server_script}" "$@"\n'
    )
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("LTP_PATH", str(home))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return install


def test_local_server_mode_starts_the_installed_server(local_install_dir, tmp_path):
    ok, why = local_install()
    assert ok and str(local_install_dir) in why
    stage = GrammarStage(config_for(tmp_path))
    doc = Document("d", "Markets 😀 rose , and and fell.\n")
    stage.process(doc)
    assert stage.describe()["backend"] == ["languagetool"]
    assert doc.cleaned_text == "Markets 😀 rose, and fell.\n"
    process = stage.checker.plan.loaded[0]._tool._server
    stage.close()
    assert process is None or process.poll() is not None


def test_explicit_languagetool_without_server_or_install_runs_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "empty"))
    plans = choose_plans(config_for(tmp_path, grammar="languagetool"))
    assert [p.backends for p in plans] == [("lingotweaker", "harper")]
    assert "grammar = languagetool but no local LanguageTool" in plans[0].reason


LIVE_URL = os.environ.get("POSTEDIT_LANGUAGETOOL_URL")


@pytest.mark.slow
@pytest.mark.skipif(
    not LIVE_URL and not local_install()[0],
    reason="no real LanguageTool: set POSTEDIT_LANGUAGETOOL_URL or install LanguageTool for language-tool-python",
)
def test_live_languagetool_finds_real_errors(tmp_path):
    if not LIVE_URL:
        assert shutil.which("java")
    backend = LanguageToolBackend(LIVE_URL, "en-US", timeout=60)
    text = "😀 He go to school yesterday , and and she said it was a apple."
    found = {text[m.start : m.end] for m in backend.check(text)}
    assert {" ,", "and and"} <= found
    backend.close()
