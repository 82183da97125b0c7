"""Review the figures an article states: marked in its text, listed beside it, each confirmed,
edited or rejected by the analyst (state in ``st.session_state``; the logic in
``lib.datasets.confirmed_figures``)."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from lib.charts.catalog import CONFIRMED_CHART_ID
from lib.charts.excerpts import mark_labelled_spans
from lib.datasets.confirmed_figures import (
    EDITED,
    PROPOSED,
    QUALIFIER_WORDS,
    QUALIFIERS,
    REJECTED,
    Review,
    confirm,
    display,
    edit,
    parse_number,
    plain_number,
    proposals,
    quote_problem,
    reject,
    review_for,
)
from lib.extraction.source import Source
from ui.components import SOURCE_TEXT_CSS
from ui.data import confirmed_count, session_reviews, session_sources
from ui.safe_text import inert

STATUS_BADGE = {
    PROPOSED: ("to review", "orange"),
    "confirmed": ("confirmed", "green"),
    EDITED: ("edited", "blue"),
    REJECTED: ("rejected", "gray"),
}
FIGURE_CSS = """<style>
.source-text mark.fig-proposed {background: #fde68a; color: #111;}
.source-text mark.fig-confirmed {background: #a7f3d0; color: #111;}
.source-text mark.fig-edited {background: #bfdbfe; color: #111;}
.source-text mark.fig-rejected {background: #e5e7eb; color: #555; text-decoration: line-through;}
.source-text mark.fig-conversion {background: transparent; color: inherit;
                                   border-bottom: 2px dotted #b45309;}
.source-text sup.fig-number {font-size: 0.7em; font-weight: 700; margin-left: 1px;}
</style>"""
EDITING_KEY = "figure-editing"  # the card whose edit form is open
UNIT_HELP = (
    "ISO currency code (KRW, USD…), %, pp (percentage points), count, rank, duration "
    "(the noun says days, months…), times, or a measure symbol (GW, nm…)"
)


def _form_keys(key: str) -> list[str]:
    return [f"{key}-{field}" for field in ("value", "unit", "noun", "qualifier", "error")]


def _current(review: Review) -> Review:
    """The session's review of the same figure, or ``review`` (a callback runs a rerun later)."""
    found = session_reviews().get(review.key)
    return found if found is not None and found.figure == review.figure else review


def _keep_deck_in_step(before: int) -> None:
    """Select the confirmed-figures chart in the deck panel when the first figure is confirmed,
    and drop it when none is left (the panel lists it only then)."""
    chosen = st.session_state.get("deck-charts")
    if chosen is None:
        return
    after = confirmed_count()
    if not before and after and CONFIRMED_CHART_ID not in chosen:
        st.session_state["deck-charts"] = [*chosen, CONFIRMED_CHART_ID]
    elif before and not after:
        st.session_state["deck-charts"] = [c for c in chosen if c != CONFIRMED_CHART_ID]


def _decide(review: Review, action: str, key: str) -> None:
    """Button callback: confirm, reject or undo (back to proposed, edits dropped)."""
    before, reviews, review = confirmed_count(), session_reviews(), _current(review)
    if action == "confirm":
        reviews[review.key] = confirm(review)
    elif action == "reject":
        reviews[review.key] = reject(review)
    else:
        reviews.pop(review.key, None)
        for name in _form_keys(key):
            st.session_state.pop(name, None)
    _keep_deck_in_step(before)


def _save_edit(review: Review, key: str) -> None:
    """Form callback: the analyst's value, unit, noun and qualifier; a bad value is reported."""
    before, review = confirmed_count(), _current(review)
    state = st.session_state
    unit = str(state.get(f"{key}-unit", "")).strip()
    try:
        value = parse_number(state.get(f"{key}-value", ""))
        if not unit:
            raise ValueError("the unit is empty: give one, e.g. KRW, %, count")
    except ValueError as err:
        state[f"{key}-error"] = f"Not saved: {err}."
        return
    state.pop(f"{key}-error", None)
    state.pop(EDITING_KEY, None)
    noun, qualifier = state.get(f"{key}-noun", ""), state.get(f"{key}-qualifier")
    session_reviews()[review.key] = edit(review, value, unit, noun, qualifier)
    _keep_deck_in_step(before)


def render_figure_text(text: str, spans: list[tuple[int, int, str, str]]) -> None:
    """Source text in the scrolling box, every character escaped, each figure marked by status
    and numbered as in the list beside it."""
    marked = mark_labelled_spans(text, spans)
    box = '<div class="source-text" tabindex="0" role="region" aria-label="Source text">'
    st.html(f"{SOURCE_TEXT_CSS}{FIGURE_CSS}{box}{marked}</div>")


def _edit_form(review: Review, key: str) -> None:
    value, unit, noun, qualifier = review.values
    with st.form(f"{key}-form", border=False):
        st.text_input(
            "Value", value=plain_number(value), key=f"{key}-value",
            help="Digits, in the unit below (e.g. 240000000000 for 240 billion)",
        )  # fmt: skip
        st.text_input("Unit", value=unit, key=f"{key}-unit", help=UNIT_HELP)
        st.text_input("Noun (what it counts)", value=noun or "", key=f"{key}-noun")
        st.selectbox(
            "Qualifier", QUALIFIERS, index=QUALIFIERS.index(qualifier),
            format_func=QUALIFIER_WORDS.get, key=f"{key}-qualifier",
        )  # fmt: skip
        with st.container(horizontal=True, gap="small"):
            st.form_submit_button(
                "Save edit", on_click=_save_edit, args=(review, key), key=f"{key}-save",
                type="primary",
            )  # fmt: skip
            st.form_submit_button("Cancel", on_click=_close_editor, key=f"{key}-cancel")


def _figure_card(number: int, review: Review) -> None:
    figure = review.figure
    value, unit, noun, qualifier = review.values
    key = f"fig-{review.source_id}-{figure.start}-{figure.end}"
    with st.container(border=True, key=f"{key}-card"):
        head, badge = st.columns([3, 1], vertical_alignment="center")
        head.markdown(f"**#{number} · {inert(display(value, unit, noun, qualifier, figure.per))}**")
        label, colour = STATUS_BADGE[review.status]
        with badge:
            st.badge(label, color=colour)
        details = (
            f"value {plain_number(value)} · unit {unit} · noun {noun or '—'} · "
            f"qualifier {QUALIFIER_WORDS.get(qualifier, qualifier)}"
            + (f" · per {figure.per}" if figure.per else "")
        )
        mention = f"Mention: “{figure.mention}”"
        for conversion in review.conversions:
            mention += (
                f" · also stated as “{conversion.mention}” "
                f"({display(conversion.value, conversion.unit)}), a conversion of this figure"
            )
        lines = [inert(details), inert(mention), inert(f"Quote: “{figure.quote}”")]
        if review.is_edited:
            lines.append(f"**Your edit:** {inert(review.edit_note())}")
        st.caption("  \n".join(lines))  # one caption, a line each
        if f"{key}-error" in st.session_state:
            st.error(inert(st.session_state[f"{key}-error"]), icon=":material/error:")
        with st.container(horizontal=True, gap="small"):
            # Three buttons: the decision taken is replaced by Undo (back to review).
            if review.charted:
                _undo_button(review, key)
            else:
                st.button(
                    "Confirm", key=f"{key}-confirm", icon=":material/check:",
                    on_click=_decide, args=(review, "confirm", key),
                )  # fmt: skip
            st.button(
                "Edit", key=f"{key}-edit", icon=":material/edit:", on_click=_open_editor,
                args=(key,), disabled=st.session_state.get(EDITING_KEY) == key,
            )  # fmt: skip
            if review.status == REJECTED:
                _undo_button(review, key)
            else:
                st.button(
                    "Reject", key=f"{key}-reject", icon=":material/close:",
                    on_click=_decide, args=(review, "reject", key),
                )  # fmt: skip
        # The form is drawn for the one figure being edited only: each keyed input makes
        # Streamlit walk the whole session state, so forms on every card cost the square of
        # the figure count (1.4 s for 53 figures; bench/library.py).
        if st.session_state.get(EDITING_KEY) == key:
            _edit_form(review, key)


def _open_editor(key: str) -> None:
    """Button callback: show this figure's edit form (and close any other)."""
    st.session_state[EDITING_KEY] = key


def _close_editor() -> None:
    st.session_state.pop(EDITING_KEY, None)


def _undo_button(review: Review, key: str) -> None:
    st.button(
        "Undo", key=f"{key}-undo", icon=":material/undo:", help="Back to review; edits dropped",
        on_click=_decide, args=(review, "undo", key),
    )  # fmt: skip


def _stale_reviews(source: Source) -> None:
    """Warn about confirmed figures of this source whose quote is no longer in its text."""
    sources = session_sources()
    for review in session_reviews().values():
        if review.source_id == source.source_id and review.charted:
            problem = quote_problem(review, sources)
            if problem:
                st.warning(
                    f"Left out of the charts: {inert(problem, 300)}. The text changed since "
                    "you confirmed it; review the figure again below.",
                    icon=":material/warning:",
                )


def render_figure_review(source: Source) -> None:
    """The figures the extractor proposes for ``source``: marked in the text on the left, listed
    on the right with their value, unit, noun, qualifier, mention and quote, each with Confirm,
    Edit and Reject."""
    items = proposals(source.figures)
    if not items:
        st.caption("No figure found in this text's prose (numbers inside tables are the tables').")
        return
    reviews = session_reviews()
    current = [review_for(source.source_id, f, conversions, reviews) for f, conversions in items]
    counts = Counter(review.status for review in current)
    st.caption(
        f"{len(current)} figure(s) found in the prose: {counts['confirmed']} confirmed, "
        f"{counts[EDITED]} edited, {counts[REJECTED]} rejected, {counts[PROPOSED]} to review. "
        "Confirmed and edited figures are charted on the Overview (“Confirmed figures”) and "
        "offered in the slide deck. Marks: yellow to review, green confirmed, blue edited, "
        "grey rejected; a dotted line is the same amount restated in another currency."
    )
    _stale_reviews(source)
    spans = []
    for number, review in enumerate(current, start=1):
        figure = review.figure
        spans.append((figure.start, figure.end, f"fig-{review.status}", str(number)))
        spans += [(c.start, c.end, "fig-conversion", str(number)) for c in review.conversions]
    left, right = st.columns([3, 2], gap="medium")
    with left:
        render_figure_text(source.text, spans)
    with right, st.container(height=576, border=False):
        for number, review in enumerate(current, start=1):
            _figure_card(number, review)
