"""Render helpers the pages share: a chart beside its source excerpt, data tables, link notices."""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.charts.catalog import Chart, figure_from_dict
from lib.charts.citations import citation
from lib.charts.excerpts import mark_cited, mark_spans
from lib.charts.url_state import join_codes, parse_choice_list
from ui.data import source_metadata
from ui.exports import render_chart_downloads
from ui.safe_text import html_block, inert

PNG_SIZE = {"width": 1920, "height": 1080}
EXCERPT_CSS = """
<style>
.excerpt {border-left: 4px solid #0072B2; padding: 0.4rem 0.8rem; margin: 0 0 0.3rem 0;
          font-size: 0.98rem; line-height: 1.5;}
/* Cited numbers: a light tint of Okabe-Ito yellow with near-black text (contrast > 15:1),
   the same in light and dark themes. */
.excerpt mark {background: #f8f2a1; color: #111; padding: 0 2px; border-radius: 2px;}
/* The cells a quoted table row was read as, under the passage. */
.cells {font-size: 0.85rem; margin: 0 0 0.3rem 1.05rem;}
/* The citation line in the theme's text colour (WCAG 1.4.3): smaller, not faded. */
.cite {font-size: 0.85rem; margin-bottom: 1rem;}
</style>
"""


def plotly_config(chart_id: str) -> dict[str, object]:
    """Modebar settings: a 1920x1080 PNG named after the chart, no plotly logo."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": chart_id, "scale": 1, **PNG_SIZE},
    }


SOURCES_PAGE = "app_pages/sources.py"


def passage_parameters(
    source_id: str, start: int | None = None, end: int | None = None
) -> dict[str, str]:
    """The query that opens the sources page at a passage."""
    params = {"source": str(source_id)}
    if start is not None and end is not None:
        params |= {"start": str(int(start)), "end": str(int(end))}
    return params


def render_citation_link(
    source_id: str, start: int | None, end: int | None, label: str, help: str | None = None
) -> None:
    """A link to the passage on the sources page that navigates inside the app.

    ``st.page_link`` switches page in the same session, so uploads, table edits, custom charts
    and the built deck are all still there; a plain ``<a href>`` would reload the app and lose
    them.
    """
    st.page_link(
        SOURCES_PAGE,
        label=label,
        icon=":material/article:",
        help=help,
        query_params=passage_parameters(source_id, start, end),
    )


def render_excerpts(quotes: pd.DataFrame, extra_meta: dict[str, dict] | None = None) -> None:
    """The verbatim passages behind a chart, cited numbers marked, each with its citation.

    ``extra_meta`` names sources that are not bundled (an upload in this session).
    """
    st.html(EXCERPT_CSS)
    bundled = source_metadata()
    for row in quotes.itertuples():
        source = bundled.get(row.source_id)
        fallback = {"source_id": row.source_id}
        meta = source if source else (extra_meta or {}).get(row.source_id, fallback)
        cells = getattr(row, "cells", "")  # a table row: the cells it was read as
        read_as = (
            f'<div class="cells">Read as: {html.escape(cells)}</div>'
            if isinstance(cells, str) and cells
            else ""
        )
        st.markdown(
            html_block(
                f'<div class="excerpt">“{mark_cited(row.quote)}”</div>{read_as}'
                f'<div class="cite">— {html.escape(citation(meta))}</div>'
            ),
            unsafe_allow_html=True,
        )
        if source:
            render_citation_link(
                row.source_id,
                row.quote_start,
                row.quote_end,
                "Open in sources",
                help=f"Source id: {inert(row.source_id)}",
            )


# Chart text in the theme's own ink: Streamlit's chart theme draws text that has no colour of
# its own in #808495, 3.8:1 on white (WCAG AA needs 4.5:1), and no single grey passes on both.
THEME_INK = {"light": "#3d3d3d", "dark": "#e8e8e8"}
AXIS = re.compile(r"[xy]axis\d*")


def with_theme_ink(figure: go.Figure) -> go.Figure:
    """A copy of ``figure`` for the screen: its text in the active theme's ink (light by
    default), its modebar upright in the right margin.

    The ink is set in the figure's dict, not through plotly's setters: a validated copy of a
    figure costs 20-30 ms on every rerun, this a few.
    """
    ink = THEME_INK.get(st.context.theme.type or "light", THEME_INK["light"])
    spec = figure.to_dict()
    layout = spec.setdefault("layout", {})
    layout["font"] = {**layout.get("font", {}), "color": ink}
    for annotation in layout.get("annotations", []):
        annotation["font"] = {**annotation.get("font", {}), "color": ink}
    # Streamlit's theme gives axis labels and titles its own grey, 3.7:1 on white: the ink too.
    axes = {"xaxis", "yaxis"} | {name for name in layout if AXIS.fullmatch(name)}
    for name in sorted(axes):
        axis = layout.setdefault(name, {})
        axis["tickfont"] = {**axis.get("tickfont", {}), "color": ink}
        title = axis.get("title")
        title = {"text": title} if isinstance(title, str) else dict(title or {})
        axis["title"] = {**title, "font": {**title.get("font", {}), "color": ink}}
    # The modebar stands upright in the right margin: lying across the top, it covered the
    # title of any chart whose title reaches past the middle.
    layout["modebar"] = {**layout.get("modebar", {}), "orientation": "v"}
    return figure_from_dict(spec)


def render_chart(chart: Chart) -> None:
    """The interactive chart, its notes, and a toggle that shows the data it was drawn from."""
    st.plotly_chart(
        with_theme_ink(chart.figure),
        width="stretch",
        config=plotly_config(chart.chart_id),
        alt=chart.alt,
        key=f"chart-{chart.chart_id}",
    )
    for note in chart.notes:  # notes name countries and cells: plain text
        st.caption(inert(note))
    left, right = st.columns([1, 1], vertical_alignment="center")
    with right:
        render_chart_downloads(chart)
    with left:
        show = st.toggle(
            "Data", key=f"data-{chart.chart_id}", help="Show the table behind the chart"
        )
    if show:
        st.dataframe(chart.data, hide_index=True, width="stretch")


def render_chart_with_excerpt(chart: Chart, extra_meta: dict[str, dict] | None = None) -> None:
    """Chart on the left, the source passages it was built from on the right.

    ``extra_meta`` names sources that are not bundled (an upload in this session).
    """
    left, right = st.columns([3, 2], gap="large")
    with left:
        render_chart(chart)
    with right:
        st.markdown("##### From the source")
        render_excerpts(chart.quotes(), extra_meta)


def notice_ignored(parameter: str, unknown: list[str], expected: str) -> None:
    """One-line notice for link parameters that were not understood."""
    if unknown:
        st.info(
            f"Ignored {inert(parameter, 40)}={inert(','.join(unknown), 80)} in the link: "
            f"not {inert(expected, 200)}. Showing the default view for it.",
            icon=":material/info:",
        )


def drop_unknown_parameters(known: set[str]) -> None:
    """Remove link parameters this page does not use, with a one-line notice naming them."""
    unknown = sorted(key for key in st.query_params if key not in known)
    if unknown:
        for key in unknown:
            del st.query_params[key]
        accepted = ", ".join(sorted(known)) or "none"
        st.info(
            f"Ignored {inert(', '.join(unknown), 80)} in the link: this page does not use it "
            f"(it takes: {inert(accepted)}).",
            icon=":material/info:",
        )


def has_rows(frame: pd.DataFrame, what: str) -> bool:
    """True when there is data to chart; otherwise a one-line notice saying why and what to do."""
    if len(frame):
        return True
    st.warning(
        f"No {what} to show: the source behind it is missing, unreadable or changed (see above). "
        "Restore data/sources from the repository, then reload.",
        icon=":material/warning:",
    )
    return False


def linked_multiselect(parameter: str, label: str, choices: dict[str, str], where=st) -> list[str]:
    """A multiselect whose choice lives in the link (``?parameter=CODE,CODE``).

    ``choices`` maps URL codes to labels. Unknown codes get a one-line notice and the default
    (everything) is shown; the current choice is written back so that a copied link reopens it.
    The widget has a fixed key and reads the link only when it first appears: a default taken
    from the link on every run would give it a new identity at each change and lose every
    second change.
    """
    key = f"linked-{parameter}"
    chosen, unknown = parse_choice_list(st.query_params.get(parameter), choices)
    labels = list(choices.values())
    # Two pages may read the same parameter (``countries``) over different choices: a state
    # made for the other page's widget would open this one empty, so it starts afresh.
    made_for = f"{key}-choices"
    if key not in st.session_state or st.session_state.get(made_for) != labels:
        notice_ignored(parameter, unknown, f"among {', '.join(choices)}")
        st.session_state[key] = chosen or labels
        st.session_state[made_for] = labels
    picked = where.multiselect(label, labels, key=key, wrap=True)  # chips in full, on rows
    st.query_params[parameter] = join_codes(picked, choices)
    return picked


ON_OFF = {"on": True, "off": False}


def linked_checkbox(
    parameter: str, label: str, default: bool, key: str, help: str | None = None
) -> bool:
    """A checkbox whose state lives in the link (``?parameter=on`` or ``off``).

    Read from the link when the checkbox first appears (``default`` when the link has no
    value; anything but on/off gets a one-line notice and the default); then the widget keeps
    the analyst's choice, and the choice is written back so that a copied link reopens it.
    """
    if key not in st.session_state:
        value = st.query_params.get(parameter)
        state = ON_OFF.get((value or "").strip().casefold())
        if value is not None and state is None:
            notice_ignored(parameter, [value], "on or off")
        st.session_state[key] = default if state is None else state
    checked = st.checkbox(label, key=key, help=help)
    if checked == default:  # the link names it only where it differs: short links stay short
        st.query_params.pop(parameter, None)
    else:
        st.query_params[parameter] = "on" if checked else "off"
    return checked


SOURCE_TEXT_CSS = """<style>
.source-text {white-space: pre-wrap; font-size: 0.95rem; line-height: 1.55; max-height: 36rem;
              overflow-y: auto; padding: 0.6rem 0.9rem; border: 1px solid rgba(128,128,128,0.35);
              border-radius: 0.4rem;}
/* The box scrolls and takes keyboard focus: show where the focus is. */
.source-text:focus-visible {outline: 2px solid #0072B2; outline-offset: 2px;}
/* Light tints of the Okabe-Ito palette, near-black text: readable in light and dark themes. */
.source-text mark {background: #f8f2a1; color: #111;}
.source-text mark.hit {background: #b2e2d5; color: #111;}
/* The passage a citation link opened: sky-blue tint, underlined in the app's blue. */
.source-text mark.cited {background: #bbe1f6; color: #111; box-shadow: inset 0 -2px 0 #0072B2;}
/* The source text sits in tabs (Sources, Add a source). Streamlit writes the selected tab's label
   in the primary colour, #0072B2: 5.1:1 on the light theme, 3.5:1 on the dark one; there it takes
   Okabe-Ito sky blue (7.9:1). .stApp carries the active theme's color-scheme. */
.stApp [role="tab"][aria-selected="true"] p {color: light-dark(#0072B2, #56B4E9);}
</style>"""


def render_source_text(
    text: str, spans: list[tuple[int, int]] | None = None, kind: str = "", ellipsis: bool = False
) -> None:
    """Source text in a scrolling box, every character escaped, the given spans marked.

    ``kind`` is ``""`` (a cited passage), ``"cited"`` (the passage a link opened) or ``"hit"``.
    """
    marked = mark_spans(text, spans or [], kind)
    if ellipsis:
        marked = f"…{marked}…"
    label = {"cited": "Cited passage", "hit": "Search result"}.get(kind, "Source text")
    st.html(
        f"{SOURCE_TEXT_CSS}"
        f'<div class="source-text" tabindex="0" role="region" aria-label="{label}">{marked}</div>'
    )
