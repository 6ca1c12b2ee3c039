"""LanguageTool through ``language-tool-python``: a remote server URL, or a local server (Java)
that the library starts from an existing install.

Two things the library does not do for us, done here:
- it waits up to 300 s per request and retries once; we bound requests by ``timeout`` so a hung
  server degrades to the offline backends in seconds, and callers probe with a short timeout first;
- in local mode it tries up to ~900 ports when the server fails to start; we try a few.
LanguageTool's offsets are UTF-16 code units; the library's ``Match`` converts the *offset* to a
string index but not the *length*, which is converted here.
"""

from __future__ import annotations

import shutil
from typing import Any

from pipeline.grammar.backends.base import BackendFailed, BackendUnavailable, GrammarBackend, check_batched
from pipeline.grammar.match import GrammarMatch
from pipeline.grammar.rules import RuleFilter

LOCAL_START_PORT_TRIES = 3
BATCH_CHARS = 20_000  # one request carries several paragraphs up to about this size
RETRY_WAIT_SECONDS = 0.5  # first wait before trying a failed request again; doubles each time
RETRY_WAIT_MAX_SECONDS = 4.0


def probe_server(url: str, language: str, timeout: float) -> tuple[bool, str]:
    """Whether a LanguageTool server at ``url`` answers ``/v2/languages`` listing ``language``."""
    import requests

    endpoint = url.rstrip("/") + "/v2/languages"
    try:
        response = requests.get(endpoint, timeout=timeout)
        response.raise_for_status()
        codes = {entry.get("longCode") for entry in response.json()} | {entry.get("code") for entry in response.json()}
    except Exception as exc:  # connection refused, timeout, not JSON: all mean "not usable"
        return False, f"LanguageTool server {url} did not answer within {timeout:g} s ({type(exc).__name__})"
    if language not in codes:
        return False, f"LanguageTool server {url} does not list {language}"
    return True, f"LanguageTool server {url} answered"


def local_install(version: str | None = None) -> tuple[bool, str]:
    """Whether language-tool-python would find a LanguageTool install and Java without downloading."""
    try:
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    except ImportError:
        return False, "language-tool-python is not installed"
    if shutil.which("java") is None:
        return False, "no java on PATH for a local LanguageTool server"
    version = version or LTP_DOWNLOAD_VERSION
    try:
        jar = LocalLanguageTool.from_version_name(version).get_jar_path()
    except (FileNotFoundError, ValueError) as exc:
        return False, f"no local LanguageTool {version} install ({exc})"
    return True, f"local LanguageTool install at {jar.parent}"


def _bounded_tool_class(timeout: float):
    from language_tool_python import LanguageTool

    class BoundedLanguageTool(LanguageTool):
        _TIMEOUT = timeout  # type: ignore[assignment]  # the library reads self._TIMEOUT per request; it types it as 300

        def _start_server_on_free_port(self) -> None:
            self._available_ports = self._available_ports[:LOCAL_START_PORT_TRIES]
            super()._start_server_on_free_port()

    return BoundedLanguageTool


def utf16_end(text: str, start: int, units: int) -> int:
    """The string index ``units`` UTF-16 code units after ``start``."""
    index = start
    while units > 0 and index < len(text):
        units -= 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


class LanguageToolBackend(GrammarBackend):
    name = "languagetool"

    def __init__(
        self,
        url: str | None = None,
        language: str = "en-US",
        rules: RuleFilter | None = None,
        timeout: float = 30.0,
        retries: int = 2,
    ):
        try:
            import language_tool_python  # noqa: F401
        except ImportError as exc:
            raise BackendUnavailable("language-tool-python is not installed: pip install 'postedit[grammar]'") from exc
        self.url = url
        self.language = language
        self.rules = rules or RuleFilter()
        self.timeout = timeout
        self.retries = retries
        tool_class = _bounded_tool_class(timeout)
        try:
            self._tool = tool_class(language, remote_server=url) if url else tool_class(language)
        except Exception as exc:  # ServerError, PathError, LanguageToolError, OSError from a download attempt
            raise BackendUnavailable(f"LanguageTool could not start: {type(exc).__name__}: {exc}") from exc
        self._tool.disabled_rules = set(self.rules.disabled_rules)
        self._tool.enabled_rules = set(self.rules.enabled_rules)
        self._tool.disabled_categories = set(self.rules.disabled_categories)
        self._tool.enabled_categories = set(self.rules.enabled_categories)

    def settings(self) -> dict[str, Any]:
        # the server's URL is not part of the key: the same LanguageTool version answers the same
        return {"backend": self.name, "language": self.language, **self.rules.settings()}

    def version(self) -> str:
        return "remote" if self.url else self._tool.language_tool_download_version

    def check(self, text: str) -> list[GrammarMatch]:
        """Matches in ``text``. A failed request (timeout, refused connection, server error) is tried
        again ``retries`` times with exponential backoff (tenacity) before the backend counts as
        failed: one slow answer must not drop LanguageTool for the rest of the process."""
        from tenacity import Retrying, stop_after_attempt, wait_exponential

        try:
            for attempt in Retrying(
                stop=stop_after_attempt(self.retries + 1),
                wait=wait_exponential(multiplier=RETRY_WAIT_SECONDS, max=RETRY_WAIT_MAX_SECONDS),
                reraise=True,
            ):
                with attempt:
                    raw = self._tool.check(text)
        except Exception as exc:
            raise BackendFailed(
                f"LanguageTool failed after {self.retries + 1} attempts: {type(exc).__name__}: {exc}"
            ) from exc
        matches = []
        for m in raw:
            start = m.offset
            end = utf16_end(text, start, m.error_length)
            matches.append(
                GrammarMatch(
                    start,
                    end,
                    m.rule_id,
                    m.message,
                    tuple(m.replacements),
                    m.category or "MISC",
                    m.rule_issue_type or "uncategorized",
                    self.name,
                )
            )
        return matches

    def check_many(self, texts: list[str]) -> list[list[GrammarMatch]]:
        """Several paragraphs per request, split back by offset: fewer round trips to the server."""
        return check_batched(self.check, texts, BATCH_CHARS)

    def close(self) -> None:
        try:
            self._tool.close()
        except Exception:  # closing a dead server must not fail a run
            pass
