"""Render helpers for the add-source page: uploads kept in this session only."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from lib.charts.catalog import Chart
from lib.charts.custom import (
    CHART_KINDS,
    ChartBuildError,
    suggest_kind,
    suggest_title,
    table_chart,
)
from lib.cleaning.errors import UnreadableSourceError
from lib.datasets.uploads import (
    batch_error,
    ingest_upload,
    table_edits,
    table_frame,
    upload_id,
)
from lib.extraction.source import SOURCE_SUFFIXES, Source
from lib.library.saved_charts import chart_spec, edited_cells
from ui.cleaning_summary import render_cleaning_summary
from ui.components import render_chart, render_excerpts, render_source_text
from ui.figure_review import render_figure_review
from ui.library import render_save_chart
from ui.safe_text import inert


@dataclass
class Upload:
    """An article added in this session: its raw bytes and what the pipeline made of it."""

    name: str
    raw: bytes
    source: Source
    edited: dict[int, pd.DataFrame] = field(default_factory=dict)


def session_uploads() -> dict[str, Upload]:
    """This visitor's uploads (st.session_state is per browser session)."""
    return st.session_state.setdefault("uploads", {})


def deck_extras() -> dict[str, Chart]:
    """Charts built on uploads that the visitor added to the slide deck."""
    return st.session_state.setdefault("deck_extras", {})


def add_upload(name: str, raw: bytes) -> None:
    """Ingest one file into the session; a bad file gets a one-line error, the rest stays."""
    uploads = session_uploads()
    if upload_id(raw) in uploads:
        return
    try:
        source = ingest_upload(name, raw)
    except UnreadableSourceError as err:
        st.error(inert(f"{name}: {err}"), icon=":material/error:")
        return
    uploads[source.source_id] = Upload(name, raw, source)
    st.session_state["upload-selected"] = source.source_id
    if source.tables:  # the chart builder follows the newest article
        st.session_state["builder-table"] = (source.source_id, 1)


def render_upload_inputs() -> None:
    """File uploader and paste box; new articles are ingested as they arrive."""
    files = st.file_uploader(  # no type= filter: every file gets our one-line check instead
        "Article files (.txt, .md, .html)",
        accept_multiple_files=True,
        key="upload-files",
    )
    if files:
        refusal = batch_error(len(files))
        if refusal:
            st.error(refusal, icon=":material/error:")
        else:
            # Each uploaded file is read once: a removed article stays removed while its file
            # is still listed in the uploader, and reruns do not re-read megabytes.
            handled = st.session_state.setdefault("upload-handled", set())
            for file in files:
                if file.file_id not in handled:
                    handled.add(file.file_id)
                    add_upload(file.name, file.getvalue())
    with st.expander("…or paste an article's text"):
        name = st.text_input("Name", value="pasted-article.txt", key="paste-name")
        text = st.text_area("Text", height=180, key="paste-text")
        if st.button("Add pasted text", key="paste-add"):
            if text.strip():
                file_name = name if name.lower().endswith(SOURCE_SUFFIXES) else f"{name}.txt"
                add_upload(file_name, text.encode("utf-8"))
            else:
                st.error("Nothing to add: paste the article's text first.", icon=":material/error:")


def render_upload(upload: Upload) -> None:
    """An uploaded source as the bundled ones are shown: text, the figures its prose states (to
    confirm, edit or reject), repairs, raw file, tables."""
    source = upload.source
    st.markdown(
        f"**{inert(upload.name)}** · read as {inert(source.encoding)} · "
        f"{len(source.repairs)} repairs logged · "
        f"{len(source.tables)} table(s) found"
    )
    render_cleaning_summary(source)
    render_metadata_editor(upload)
    text_tab, figures_tab, log_tab, raw_tab, tables_tab = st.tabs(
        ["Cleaned text", "Figures", "Repair log", "Raw file", "Tables"]
    )
    with text_tab:
        render_source_text(source.text)
    with figures_tab:
        render_figure_review(source)
    with log_tab:
        log = pd.DataFrame([repair.to_dict() for repair in source.repairs])
        st.dataframe(log, hide_index=True, width="stretch") if len(log) else st.caption(
            "No repairs needed."
        )
    with raw_tab:
        st.caption("The file exactly as uploaded, shown as text: nothing in it is run.")
        st.code(source.raw_text, language=None, wrap_lines=True)
    with tables_tab:
        if not source.tables:
            st.caption("No table found in this text.")
        for number, table in enumerate(source.tables, start=1):
            render_table_editor(upload, number, table)


METADATA_FIELDS = (("title", "Headline"), ("publisher", "Outlet"), ("published", "Date"),
                   ("url", "URL"))  # fmt: skip


def render_metadata_editor(upload: Upload) -> None:
    """Title, outlet, date and URL as the article states them, editable; citations use them."""
    meta = upload.source.meta
    with st.expander("Article details (used in every citation)"):
        columns = st.columns(2)
        for number, (key, label) in enumerate(METADATA_FIELDS):
            value = columns[number % 2].text_input(
                label, value=str(meta.get(key, "")), key=f"meta-{upload.source.source_id}-{key}"
            )
            meta[key] = value.strip() or "unknown"
        st.caption(inert(meta.get("published_basis", "")))


def render_table_editor(upload: Upload, number: int, table) -> None:
    """An extracted table, editable; every edit is listed beside the source's own value."""
    st.markdown(f"**Table {number}** · {len(table.rows)} rows × {len(table.columns)} columns")
    ragged = table.ragged
    if ragged:
        st.warning(
            f"Table {number} has ragged rows ({inert('; '.join(ragged))}): "
            "check those cells below and fill "
            "them in where the article gives a value.",
            icon=":material/warning:",
        )
    for flag in table.flags:
        if flag not in ragged:
            st.caption(f"Flag: {inert(flag)}")
    original = table_frame(table.columns, table.rows)
    # Start from the analyst's earlier edits: Streamlit forgets an editor's state when it is not
    # drawn (another article selected), so the session keeps the edited table itself.
    edited = st.data_editor(
        upload.edited.get(number, original),
        key=f"editor-{upload.source.source_id}-{number}",
        hide_index=True,
        width="stretch",
    )
    upload.edited[number] = edited
    edits = table_edits(original, edited)
    if len(edits):
        st.caption("Your edits (the source's value is kept beside each one):")
        st.dataframe(edits, hide_index=True, width="stretch")


def render_chart_builder(uploads: dict[str, Upload]) -> None:
    """Pick a table, columns and a chart type; the chart appears beside the table's own rows."""
    choices = [
        (sid, number)
        for sid, upload in uploads.items()
        for number in range(1, len(upload.source.tables) + 1)
    ]
    if not choices:
        st.caption("Add an article with a table to chart it.")
        return
    sid, number = st.selectbox(
        "Table",
        choices,
        format_func=lambda choice: f"{uploads[choice[0]].name} · table {choice[1]}",
        key="builder-table",
    )
    upload = uploads[sid]
    table = upload.source.tables[number - 1]
    frame = upload.edited.get(number, table_frame(table.columns, table.rows))
    columns = list(frame.columns)
    left, middle, right = st.columns(3)
    label = left.selectbox("Labels", columns, index=0, key=f"builder-label-{sid}-{number}")
    values = middle.multiselect(
        "Values",
        [c for c in columns if c != label],
        default=[c for c in columns if c != label][:3],
        key=f"builder-values-{sid}-{number}",
    )
    suggested = CHART_KINDS.index(suggest_kind(frame, values)) if values else 0
    kind = right.radio(
        "Chart", CHART_KINDS, index=suggested, horizontal=True, key=f"builder-kind-{sid}-{number}"
    )
    title = st.text_input(
        "Title",
        value=suggest_title(table, upload.source.text, f"{upload.name}: table {number}"),
        key=f"builder-title-{sid}-{number}",
    )
    try:
        chart = table_chart(
            frame, label, values, kind, table, upload.source.text, upload.source.meta, title
        )
    except ChartBuildError as err:
        st.info(f"Cannot draw this chart: {inert(err)}.", icon=":material/info:")
        return
    # Titles, labels and cells are the visitor's: plotly shows them as text, not as its HTML.
    edits = table_edits(table_frame(table.columns, table.rows), frame)
    chart.notes += [
        f"Edited by you: {e.label} · {e.column}: {e.edited_value!r} (source: {e.source_value!r})"
        for e in edits.itertuples()
    ]
    chart_column, excerpt_column = st.columns([3, 2], gap="large")
    with chart_column:
        render_chart(chart)
        if st.button("Add to slide deck", icon=":material/add:", key=f"deck-add-{chart.chart_id}"):
            deck_extras()[chart.chart_id] = chart
            # The deck panel renders after the page: select the new chart there too.
            chosen = st.session_state.get("deck-charts")
            if chosen is not None and chart.chart_id not in chosen:
                st.session_state["deck-charts"] = [*chosen, chart.chart_id]
            st.toast(f"Added “{inert(title, 80)}” to the slide deck (sidebar).")
        original = table_frame(table.columns, table.rows)
        spec = chart_spec(number, label, values, kind, title, edited_cells(original, frame))
        render_save_chart(upload, spec)
    with excerpt_column:
        st.markdown("##### From the source")
        render_excerpts(chart.quotes(), {sid: upload.source.meta})
