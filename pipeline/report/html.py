"""HTML pages for reports, rendered with jinja2 (autoescaped: scraped input is never markup)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def render_document_page(report: dict[str, Any]) -> str:
    return _environment().get_template("document.html.j2").render(report=report)


def render_index(summary: dict[str, Any]) -> str:
    return _environment().get_template("index.html.j2").render(summary=summary)
