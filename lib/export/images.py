"""Static exports of a chart: PNG, SVG or PDF through kaleido (data files: ``data_files``).

One kaleido server per process (started on first use) keeps a warm export near 0.2 s.
Images are laid out at half the requested size and rendered at scale 2, so a 1920x1080 PNG
has text large enough to read on a slide.
"""

from __future__ import annotations

import html
import threading
import warnings

import plotly.graph_objects as go

from lib.charts.builders import wrap
from lib.charts.catalog import Chart

IMAGE_FORMATS = ("png", "svg", "pdf")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
DEFAULT_SIZE = (1920, 1080)
_server_lock = threading.Lock()
_server_started = False
_export_lock = threading.Lock()  # downloads run on their own threads; one export at a time


def ensure_kaleido_server() -> None:
    """Start this process's kaleido server once (it drives Debian's chromium)."""
    global _server_started
    with _server_lock:
        if not _server_started:
            import kaleido

            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            _server_started = True


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> ``(1920, 1080)``; ValueError with what to type otherwise."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1920x1080") from None
    if not (100 <= width <= 8000 and 100 <= height <= 8000):
        raise ValueError(f"size {text!r} out of range: use 100 to 8000 pixels a side")
    return width, height


def figure_bytes(
    figure: go.Figure, fmt: str, size: tuple[int, int] = DEFAULT_SIZE, dark: bool = False
) -> bytes:
    """The figure as PNG, SVG or PDF, ``size`` pixels (PNG) with the layout at half that size."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"format {fmt!r} not one of {', '.join(IMAGE_FORMATS)}")
    ensure_kaleido_server()
    figure = go.Figure(figure)
    if dark:
        figure.update_layout(template="plotly_dark")
    width, height = size
    with _export_lock, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # plotly notes that kopts are ignored with a server
        return figure.to_image(format=fmt, width=width // 2, height=height // 2, scale=2)


CAPTION_LINE_PX = 15


def figure_with_disclosures(chart: Chart) -> go.Figure:
    """The chart's figure with its time frame and notes ("derived", "edited by you") written
    under the source caption, so they travel with the exported image."""
    lines = [f"Period: {chart.period}." if chart.period else "", *chart.notes]
    extra = wrap(html.escape(" ".join(line for line in lines if line), quote=False))
    if not extra:
        return chart.figure
    figure = go.Figure(chart.figure)
    annotations = list(figure.layout.annotations)
    captions = [i for i, a in enumerate(annotations) if str(a.text or "").startswith("Source:")]
    added = extra.count("<br>") + 1
    if captions:
        index = captions[-1]
        annotations[index].text = f"{annotations[index].text}<br>{extra}"
        figure.layout.annotations = annotations
    else:
        figure.add_annotation(
            text=extra, xref="paper", yref="paper", x=0, y=0, yshift=-40, xanchor="left",
            yanchor="top", align="left", showarrow=False, font={"size": 11},
        )  # fmt: skip
    margin = figure.layout.margin.b or 80
    height = figure.layout.height or 500
    figure.update_layout(
        margin={"b": margin + CAPTION_LINE_PX * added},
        height=height + CAPTION_LINE_PX * added,
    )
    return figure
