"""Outside text in a plotly figure, shown as written: plotly.js reads strings as HTML.

plotly.js renders a small HTML dialect in titles, tick labels, annotations and hover text, with
working ``<a href>`` links. A chart of an outside table (cells, typed titles, a caption naming
the article) escapes every string so a typed ``<a href=...>`` is shown as text.
"""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go


def _escaped(value: object, key: str) -> object:
    if key == "template" or key.endswith(("template", "src")):
        return value  # plotly's theme, the app's own hover and text templates
    if isinstance(value, str):
        return html.escape(value, quote=False).replace("&lt;br&gt;", "<br>")
    if isinstance(value, dict):
        return {name: _escaped(item, name) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_escaped(item, key) for item in value]
    if isinstance(value, np.ndarray) and value.dtype.kind in "OUS":
        return _escaped(value.tolist(), key)
    return value


def inert_figure(figure: go.Figure) -> go.Figure:
    """A copy of ``figure`` whose text (title, labels, captions, cells) plotly shows as written.

    plotly.js reads its strings as HTML with working ``<a href>`` links; escaped, a typed
    ``<a href=...>`` is shown as text. Line breaks (``<br>``) keep working.
    """
    return go.Figure(_escaped(figure.to_plotly_json(), ""))
