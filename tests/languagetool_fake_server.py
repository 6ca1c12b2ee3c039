"""A small LanguageTool-compatible HTTP server for tests (stdlib only, 127.0.0.1).

It speaks the documented API that language-tool-python uses (``GET /v2/languages``,
``GET /v2/healthcheck``, form-encoded ``POST /v2/check`` answering LanguageTool's JSON with UTF-16
offsets) and knows three real rules: a repeated word, a space before punctuation, and "a" before a
vowel sound. It is not a mock of our code: the library talks to it over HTTP exactly as it would to
a LanguageTool server. Run as a script it behaves like ``java -cp languagetool-server.jar
org.languagetool.server.HTTPServer -p PORT``, which is how the local-server tests start it.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]

RULES = [
    # (pattern, rule id, category id, issue type, message, replacement function)
    (
        re.compile(r"\b(\w+) \1\b", re.IGNORECASE),
        "ENGLISH_WORD_REPEAT_RULE",
        "MISC",
        "duplication",
        "Possible typo: you repeated a word.",
        lambda m: [m.group(1)],
    ),
    (
        re.compile(r"(?<=\w) +([,.:;])"),
        "COMMA_PARENTHESIS_WHITESPACE",
        "TYPOGRAPHY",
        "whitespace",
        "Put a space after the punctuation mark, not before it.",
        lambda m: [m.group(1)],
    ),
    (
        re.compile(r"\b([Aa]) (?=[aeiou]\w)"),
        "EN_A_VS_AN",
        "MISC",
        "misspelling",
        "Use “an” instead of “a” if the following word starts with a vowel sound.",
        lambda m: [m.group(1) + "n "],
    ),
]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check(text: str) -> list[dict]:
    matches = []
    for pattern, rule_id, category, issue, message, replace in RULES:
        for m in pattern.finditer(text):
            offset = utf16_length(text[: m.start()])
            length = utf16_length(m.group())
            context_start = max(0, m.start() - 20)
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": v} for v in replace(m)],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[context_start : m.end() + 20],
                        "offset": m.start() - context_start,
                        "length": length,
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": message,
                        "issueType": issue,
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
    return sorted(matches, key=lambda item: item["offset"])


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeLanguageTool/6.8"
    hang_seconds = 0.0  # set on the class of a server that should hang on checks
    # a server that never answers for one document: checks of a text containing this hang for an hour
    hang_on: str | None = None
    requests_seen: list[str]

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode("utf-8") if not isinstance(body, bytes) else body
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the hang tests do this on purpose)

    def do_GET(self) -> None:
        path = urllib.parse.urlparse(self.path).path
        if path.endswith("/v2/languages"):
            self._send(200, LANGUAGES)
        elif path.endswith("/v2/healthcheck"):
            self._send(200, b"OK")
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:
        path = urllib.parse.urlparse(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
        if not path.endswith("/v2/check"):
            self._send(404, {"error": "not found"})
            return
        if self.hang_seconds:
            time.sleep(self.hang_seconds)
        text = (form.get("text") or [""])[0]
        if self.hang_on and self.hang_on in text:
            time.sleep(3600)
        language = (form.get("language") or [""])[0]
        if language not in {lang["longCode"] for lang in LANGUAGES} | {"auto"}:
            self._send(400, b"Error: unknown language")
            return
        disabled = set(",".join(form.get("disabledRules", [])).split(","))
        matches = [m for m in check(text) if m["rule"]["id"] not in disabled]
        self._send(
            200,
            {
                "software": {"name": "LanguageTool", "version": "6.8", "apiVersion": 1},
                "language": {"name": "English (US)", "code": language},
                "matches": matches,
            },
        )


class FakeLanguageToolServer:
    """Runs the server in a background thread; ``url`` is what a client passes as ``remote_server``."""

    def __init__(self, port: int = 0, hang_seconds: float = 0.0):
        handler = type("ConfiguredHandler", (Handler,), {"hang_seconds": hang_seconds})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> FakeLanguageToolServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str]) -> None:
    """Accepts the arguments language-tool-python gives ``java`` (``-cp JAR CLASS -p PORT``)."""
    port = 8081
    if "-p" in argv:
        port = int(argv[argv.index("-p") + 1])
    hang = float(argv[argv.index("--hang") + 1]) if "--hang" in argv else 0.0
    server = FakeLanguageToolServer(port, hang_seconds=hang)
    server.httpd.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
