"""Helpers for AppTest: decode plotly 7's base64 arrays, read excerpts out of the page."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = {
    "": "app_pages/overview.py",
    "sector-adoption": "app_pages/sector_adoption.py",
    "model-counts": "app_pages/model_counts.py",
    "growth-projections": "app_pages/growth_projections.py",
    "policy-gaps": "app_pages/policy_gaps.py",
    "sources": "app_pages/sources.py",
    "methodology": "app_pages/methodology.py",
}
# Pages that work on the visitor's own input or the team library rather than the bundled data.
INPUT_PAGES = {"add-source": "app_pages/add_source.py", "library": "app_pages/library.py"}
EXCERPT = re.compile(r'<div class="excerpt">“(.*?)”</div>', re.S)


def decode(value: object) -> object:
    """Plotly 7 stores arrays as ``{"dtype", "bdata"}``; turn them back into lists."""
    if isinstance(value, dict) and {"dtype", "bdata"} <= set(value):
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" not in value:
            return array.tolist()
        shape = value["shape"]
        shape = [int(n) for n in shape.split(",")] if isinstance(shape, str) else shape
        return array.reshape(shape).tolist()
    if isinstance(value, dict):
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


def figures(at: AppTest) -> list[dict]:
    """Every plotly figure on the page, arrays decoded."""
    return [decode(json.loads(element.proto.spec)) for element in at.get("plotly_chart")]


def excerpts(at: AppTest) -> list[str]:
    """The plain text of every source excerpt on the page (tags stripped, entities unescaped)."""
    found = []
    for element in at.markdown:
        for match in EXCERPT.finditer(element.value):
            found.append(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))))
    return found


def open_page(path: str, **params: str) -> AppTest:
    """Run the app, switch to the page, with query parameters set before the run."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(PAGES[path]).run()
