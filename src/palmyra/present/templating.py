"""The one Jinja environment of the web app and the report, and the links between views.

Autoescape is forced on for every template whatever its file name: article text
is hostile input, and nothing from the store may reach a page unescaped. Data
for the scripts goes through ``json_script``, which also escapes ``<``, ``>``
and ``&`` so that a ``</script>`` inside an article cannot close the element.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from palmyra.present.views import FACT_LABELS, type_class

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_for_script(data: Any) -> str:
    """JSON that is inert inside an HTML ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def json_script(data: Any, element_id: str) -> Markup:
    """A ``<script type="application/json">`` element the page scripts read with JSON.parse."""
    return Markup('<script type="application/json" id="{}">{}</script>').format(
        escape(element_id), Markup(json_for_script(data))
    )


@dataclass(frozen=True)
class Links:
    """URLs between views: paths in the web app, ``#fragments`` in the single-file report."""

    report: bool = False

    def page(self, name: str) -> str:
        if self.report:
            return f"#{name}"
        return "/" if name == "overview" else f"/{name}"

    def doc(self, doc_id: str, fact: str | None = None) -> str:
        ident = quote(doc_id, safe="")
        if self.report:
            return f"#doc/{ident}" + (f"/{fact}" if fact else "")
        return f"/doc/{ident}" + (f"#{fact}" if fact else "")

    def cluster(self, cluster_id: str) -> str:
        ident = quote(cluster_id, safe="")
        return f"#cluster/{ident}" if self.report else f"/cluster/{ident}"

    def templates(self) -> dict[str, str]:
        """URL patterns for the scripts, with ``{doc}``, ``{fact}`` and ``{cluster}`` holes."""
        if self.report:
            return {"doc": "#doc/{doc}/{fact}", "cluster": "#cluster/{cluster}"}
        return {"doc": "/doc/{doc}#{fact}", "cluster": "/cluster/{cluster}"}


def _fmt(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("palmyra.present", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = _fmt
    env.filters["type_class"] = type_class
    env.globals["json_script"] = json_script
    env.globals["fact_labels"] = FACT_LABELS
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def static_text(name: str) -> str:
    """A file of the packaged ``static`` folder, for inlining into the report."""
    return resources.files("palmyra.present").joinpath("static", name).read_text("utf-8")
