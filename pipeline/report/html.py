"""HTML pages for reports, rendered with jinja2 (autoescaped: scraped input is never markup).

Pages carry their stylesheet and script inline, so a run's output folder can be copied anywhere and
opened from the file system with no server and no network. A Content-Security-Policy that allows
only those exact inline blocks (by hash) is a second line of defence behind escaping: even markup
that slipped through could not run a script, load an image or call out.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from pipeline.io.paths import safe_relative_path
from pipeline.report.index_view import build_index_view
from pipeline.report.view_model import build_document_view


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # the default tojson is HTML-safe (escapes < > & '), which is what embedding in <script> needs
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    return env


@cache
def static_text(name: str) -> str:
    """A file shipped in ``pipeline/report/static`` (package data)."""
    return resources.files("pipeline.report").joinpath("static", name).read_text(encoding="utf-8")


def _hash_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _assets(script_name: str) -> dict[str, Any]:
    css, js = static_text("report.css"), static_text(script_name)
    if "</" in css or "</" in js:
        raise ValueError("inline assets must not contain '</' (it would end their element early)")
    csp = (
        "default-src 'none'; "
        f"script-src {_hash_source(js)}; style-src {_hash_source(css)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    # our own package files, checked above; everything else in the page stays escaped
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


def index_href_for(doc_id: str) -> str:
    """Relative link from a document page (``reports/<doc>.html``) back to the run's ``index.html``."""
    depth = len(safe_relative_path(doc_id).parts)  # reports/ plus the folders inside it
    return "../" * depth + "index.html"


def render_document_page(report: dict[str, Any]) -> str:
    view = build_document_view(report)
    return (
        _environment()
        .get_template("document.html.j2")
        .render(view=view, report=report, index_href=index_href_for(view.document), **_assets("review.js"))
    )


def render_index(summary: dict[str, Any]) -> str:
    view = build_index_view(summary)
    return _environment().get_template("index.html.j2").render(view=view, summary=summary, **_assets("index.js"))
