"""Download controls: per-chart image and data files, the slide deck, and the copy-link box."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from lib.charts.catalog import CHART_NAMES, CONFIRMED_CHART_ID, Chart, every_chart
from lib.export.data_files import DataContext, data_bytes
from lib.export.images import MIME, figure_bytes, figure_with_disclosures
from ui.data import confirmed_count, corpus, session_datasets, session_metadata
from ui.safe_text import inert

DECK_FILE = "korea-ai-policy-dashboard.pptx"
DECK_PANEL_KEY = "deck-panel"
LINK_PANEL_KEY = "link-panel"
DECK_CHOICE_KEY = "deck-choice"  # the panel's choices, kept while it is closed
DECK_THEME_KEY = "deck-theme-choice"


def render_chart_downloads(chart: Chart) -> None:
    """A "Download" menu: PNG 1920x1080, SVG, PDF (made on click), and the data as CSV/XLSX."""
    context = DataContext(chart.title, chart.period, list(chart.notes), session_metadata())

    with st.popover("Download", icon=":material/download:"):
        for fmt, label in (("png", "PNG 1920×1080"), ("svg", "SVG"), ("pdf", "PDF")):
            st.download_button(
                label,
                data=lambda fmt=fmt: figure_bytes(figure_with_disclosures(chart), fmt),
                file_name=f"{chart.chart_id}.{fmt}",
                mime=MIME[fmt],
                on_click="ignore",
                key=f"download-{chart.chart_id}-{fmt}",
                width="stretch",
            )
        for fmt, label in (("csv", "Data (CSV)"), ("xlsx", "Data (Excel)")):
            st.download_button(
                label,
                data=lambda fmt=fmt: data_bytes(chart.data, fmt, chart.chart_id, context),
                file_name=f"{chart.chart_id}.{fmt}",
                mime=MIME[fmt],
                on_click="ignore",
                key=f"download-{chart.chart_id}-{fmt}",
                width="stretch",
            )
        st.caption(
            "Images carry their source caption, period and notes; data files keep each quote "
            "with its source's title and URL (Excel adds a README sheet)."
        )


def render_deck_panel() -> None:
    """Sidebar panel: pick charts and a theme, build the deck with a progress bar, download it.

    Its contents are sent only while it is open (``on_change="rerun"``): closed, the panel costs a
    visitor's browser and this server nothing on every page. Charts are listed by name and only
    drawn when the deck is built.
    """
    panel = st.sidebar.expander(
        "Slide deck", icon=":material/slideshow:", key=DECK_PANEL_KEY, on_change="rerun"
    )
    if not panel.open:
        return
    with panel:
        extras = st.session_state.get("deck_extras", {})
        names = dict(CHART_NAMES)
        if not confirmed_count():  # listed once the analyst has confirmed a figure
            del names[CONFIRMED_CHART_ID]
        names |= {chart_id: chart.title for chart_id, chart in extras.items()}
        # Closing the panel removes its widgets: the choice is kept beside them, and a chart
        # that was not offered when the analyst chose (a newly confirmed one) is added.
        kept = st.session_state.get(DECK_CHOICE_KEY)
        default = list(names)
        if kept:
            default = [
                name for name in names if name in kept["chosen"] or name not in kept["offered"]
            ]
        chosen = st.multiselect(
            "Charts", list(names), default=default, format_func=names.get, key="deck-charts"
        )
        theme_default = 1 if (st.context.theme.type or "light") == "dark" else 0
        theme = st.radio(
            "Slides",
            ["light", "dark"],
            index=st.session_state.get(DECK_THEME_KEY, theme_default),
            horizontal=True,
            key="deck-theme",
        )
        st.session_state[DECK_CHOICE_KEY] = {"offered": list(names), "chosen": list(chosen)}
        st.session_state[DECK_THEME_KEY] = ["light", "dark"].index(theme)
        if st.button(
            "Build slide deck", icon=":material/build:", disabled=not chosen, width="stretch"
        ):
            from lib.export.slides import build_deck, slide_count  # python-pptx: on build only

            bar = st.progress(0.0, text="Drawing the charts…")
            charts = [*every_chart(session_datasets(), corpus()), *extras.values()]
            selected = [chart for chart in charts if chart.chart_id in chosen]

            def progress(number: int, total: int, title: str) -> None:
                bar.progress(
                    number / total, text=f"Slide {number + 1} of {total + 1}: {inert(title, 80)}"
                )

            st.session_state["deck"] = build_deck(selected, session_metadata(), theme, progress)
            st.session_state["deck-slides"] = slide_count(st.session_state["deck"])
            bar.progress(1.0, text="Done")
        if "deck" in st.session_state:
            st.download_button(
                f"Download slide deck ({st.session_state['deck-slides']} slides)",
                data=st.session_state["deck"],
                file_name=DECK_FILE,
                mime=MIME["pptx"],
                icon=":material/download:",
                on_click="ignore",
                width="stretch",
                key="deck-download",
            )


def page_link_url(url_path: str) -> str:
    """The full link to the current page with its view state (the query parameters)."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    base_path = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(part for part in (base_path, url_path) if part)
    query = urlencode(st.query_params.to_dict(), safe=",")
    return f"{parts.scheme}://{parts.netloc}/{path}" + (f"?{query}" if query else "")


def render_copy_link(url_path: str) -> None:
    """Sidebar panel with this view's link; its copy icon puts it on the clipboard.

    Open, it follows every change to the view. Its contents are sent only while it is open: the
    code box's renderer is 1.5 MB of script that a first visit's browser would otherwise compile
    beside the first chart."""
    panel = st.sidebar.expander(
        "Copy link to this view", icon=":material/link:", key=LINK_PANEL_KEY, on_change="rerun"
    )
    if panel.open:
        with panel:
            # One line that scrolls, never cut mid-word; the icon at its right copies it.
            st.code(page_link_url(url_path), language=None, wrap_lines=False)
            st.caption("Copy it with the icon at the box's right. It reopens this page as shown.")
