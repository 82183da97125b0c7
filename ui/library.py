"""The team library in the app: one connection per server process, listings cached by the
library's revision number (so a colleague's write shows on the next rerun), and the buttons that
write to it (Add to library, Save chart), each gated by :func:`ui.access.write_access`."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from lib.charts.catalog import Chart
from lib.charts.custom import ChartBuildError
from lib.cleaning.errors import UnreadableSourceError
from lib.datasets.pipeline import pipeline_version
from lib.datasets.uploads import table_frame
from lib.extraction.source import Source
from lib.library.config import database_url as configured_url
from lib.library.saved_charts import chart_from_spec, edited_cells, review_payload
from lib.library.store import Article, Library, LibraryError, LibraryUnavailableError, SavedChart
from lib.reference.paths import sources_dir
from ui.access import write_access
from ui.components import SOURCES_PAGE
from ui.safe_text import inert

VERSIONS_KEY = "library-versions"  # article id -> the version this session last saw or wrote


def database_url() -> str:
    """The library's URL: ``$DASHBOARD_DATABASE_URL``, else ``[connections.library] url`` in the
    secrets Streamlit loaded (any ``secrets.files``, or Community Cloud's), else the default."""
    try:
        section = st.secrets.get("connections", {}).get("library", {})
        secret = section.get("url") if hasattr(section, "get") else None
    except (FileNotFoundError, KeyError, AttributeError, st.errors.StreamlitSecretNotFoundError):
        secret = None
    return configured_url(configured=str(secret) if secret else None)


@st.cache_resource(show_spinner="Opening the team library…")
def _open_library(url: str) -> Library:
    """One library per server process: migrations applied, bundled articles and derived data
    brought up to date. A failure is not cached, so the next rerun tries again."""
    library = Library.open(url)
    library.sync_bundled(sources_dir())
    library.rebuild_derived()
    return library


def get_library() -> Library | None:
    """The library, or None after a one-line notice with a Retry button when it is unreachable."""
    try:
        return _open_library(database_url())
    except LibraryError as err:
        render_unavailable(err)
        return None


def render_unavailable(err: Exception) -> None:
    """A clear notice and a retry, never a traceback: nothing the visitor had is lost."""
    st.error(inert(str(err), 400), icon=":material/cloud_off:")
    if st.button("Retry", icon=":material/refresh:", key=f"library-retry-{id(err)}"):
        st.rerun()


def revision(library: Library) -> int | None:
    """The library's revision now (one small query), or None after a notice."""
    try:
        return library.revision()
    except LibraryUnavailableError as err:
        render_unavailable(err)
        return None


@st.cache_data(max_entries=16, show_spinner=False)
def _articles(url: str, revision_number: int, include_retired: bool) -> list[Article]:
    return _open_library(url).articles(include_retired=include_retired)


def library_articles(include_retired: bool = False) -> list[Article] | None:
    """Every article in the library as of this rerun (None after a notice when unreachable)."""
    library = get_library()
    if library is None:
        return None
    number = revision(library)
    if number is None:
        return None
    try:
        return _articles(database_url(), number, include_retired)
    except LibraryUnavailableError as err:
        render_unavailable(err)
        return None


@st.cache_data(max_entries=64, show_spinner="Reading the article…")
def _ingested(url: str, article_id: str, sha256: str, pipeline: str) -> Source:
    """The article through the current pipeline; its bytes never change, so the key is its
    SHA-256 and the pipeline's version, not the revision."""
    return _open_library(url).ingest(article_id)


def library_source(article: Article) -> Source:
    """The article as a Source, with the library's current metadata (titles edited later)."""
    source = _ingested(database_url(), article.id, article.sha256, pipeline_version())
    source.meta = {**source.meta, **article.meta}
    return source


@st.cache_data(max_entries=16, show_spinner=False)
def _charts(url: str, revision_number: int) -> list[SavedChart]:
    return _open_library(url).charts()


def saved_charts(article_id: str | None = None) -> list[SavedChart]:
    """Saved charts (of one article), as of this rerun."""
    library = get_library()
    number = revision(library) if library else None
    if number is None:
        return []
    charts = _charts(database_url(), number)
    return [c for c in charts if article_id is None or c.article_id == article_id]


def saved_chart(source: Source, saved: SavedChart) -> Chart | None:
    """Draw a saved chart; a one-line notice instead when the article no longer has its table."""
    try:
        return chart_from_spec(source, saved.spec, saved.id)
    except (ChartBuildError, KeyError, ValueError) as err:
        st.info(
            f"Saved chart “{inert(saved.title, 80)}” cannot be drawn: {inert(err, 200)}.",
            icon=":material/info:",
        )
        return None


# --- writes ------------------------------------------------------------------------------------


def _versions() -> dict[str, int]:
    return st.session_state.setdefault(VERSIONS_KEY, {})


def _session_changes(
    source: Source, edited: Mapping[int, pd.DataFrame]
) -> tuple[list[tuple[int, list[dict]]], list[dict]]:
    """This session's table edits and figure reviews of an article, as the library records them."""
    from ui.data import session_reviews

    tables = []
    for number, frame in edited.items():
        table = source.tables[number - 1]
        cells = edited_cells(table_frame(table.columns, table.rows), frame)
        if cells:
            tables.append((number, cells))
    reviews = [
        review_payload(review)
        for review in session_reviews().values()
        if review.source_id == source.source_id and review.status != "proposed"
    ]
    return tables, reviews


def _unrecorded(
    library: Library, article: Article, source: Source, edited: Mapping[int, pd.DataFrame]
) -> tuple[list[tuple[int, list[dict]]], list[dict]]:
    """The session's edits and reviews that differ from the newest the library has."""
    tables, reviews = _session_changes(source, edited)
    recorded_tables = library.latest_payloads(article.id, "table_edit", "table")
    recorded_reviews = library.latest_payloads(article.id, "figure_review", "key")

    def recorded(payload: Mapping[str, object] | None) -> dict:
        return {k: v for k, v in (payload or {}).items() if k not in ("author", "at")}

    return (
        [
            (n, cells)
            for n, cells in tables
            if recorded_tables.get(str(n), {}).get("cells") != cells
        ],
        [p for p in reviews if recorded(recorded_reviews.get(str(p["key"]))) != p],
    )


def _record_changes(
    library: Library,
    article: Article,
    source: Source,
    edited: Mapping[int, pd.DataFrame],
    author: str,
) -> int:
    """Record the session's edits and reviews that differ from what the library has; return how
    many. A change made on a version someone else has since changed is refused (StaleEditError)."""
    tables, reviews = _unrecorded(library, article, source, edited)
    version = _versions().get(article.id, article.version)
    for number, cells in tables:
        version = library.record_table_edit(article.id, number, cells, author, version)
    for payload in reviews:
        version = library.record_figure_review(article.id, payload, author, version)
    _versions()[article.id] = version
    return len(tables) + len(reviews)


def add_to_library(upload) -> Article | None:
    """Add the upload (its bytes, the metadata shown, its edits and reviews) as the current
    writer; one line on screen says what happened. Returns the library's article."""
    access = write_access()
    library = get_library()
    if library is None or not access.allowed:
        return None
    meta = {k: upload.source.meta.get(k, "") for k in ("title", "publisher", "published", "url")}
    try:
        added = library.add(upload.raw, upload.name, access.author, meta)
        article = library.article(added.article_id)
        if added.status == "added":
            _versions()[article.id] = article.version
        count = _record_changes(library, article, upload.source, upload.edited, access.author)
    except (LibraryError, UnreadableSourceError) as err:
        st.error(inert(str(err), 400), icon=":material/error:")
        return None
    if added.status == "added":
        st.success(
            f"Added to the team library as {inert(article.id)}"
            + (f", with {count} edit(s) and review(s)" if count else "")
            + ": everyone with the link sees it now."
        )
    else:
        st.info(
            f"Already in the library (added by {inert(article.added_by)})"
            + (f"; {count} edit(s) and review(s) of yours recorded" if count else "")
            + ".",
            icon=":material/info:",
        )
    return article


def in_library(raw_sha256: str) -> Article | None:
    """The library's article with these bytes, if any (from the cached listing)."""
    articles = library_articles(include_retired=True) or []
    return next((a for a in articles if a.sha256 == raw_sha256), None)


def render_add_to_library(upload) -> None:
    """The upload's place in the team library: the Add to library button for those who may write,
    the reason for those who may not, and a link to it once it is there."""
    access = write_access()
    article = in_library(upload.source.sha256)
    if article is not None:
        st.caption(
            f"In the team library since {article.added_at:%Y-%m-%d %H:%M} UTC, "
            f"added by {inert(article.added_by)}."
        )
        st.page_link(SOURCES_PAGE, label="Open it in Sources", icon=":material/article:",
                     query_params={"source": article.id})  # fmt: skip
    if not access.allowed:
        st.caption(inert(access.reason, 300))
        return
    label = "Add to library" if article is None else "Save edits to library"
    if st.button(
        label, icon=":material/library_add:", key=f"library-add-{upload.source.source_id}"
    ):
        add_to_library(upload)


def render_save_chart(upload, spec: Mapping[str, object]) -> None:
    """The Save chart button: adds the article to the library if needed, saves the spec and
    shows the stable link that opens the same chart for anyone."""
    access = write_access()
    if not access.allowed:
        return
    key = f"save-chart-{upload.source.source_id}-{spec['table']}"
    if st.button("Save chart", icon=":material/bookmark_add:", key=key):
        article = in_library(upload.source.sha256) or add_to_library(upload)
        library = get_library()
        if article is None or library is None:
            return
        try:
            saved = library.save_chart(article.id, str(spec["title"]), spec, access.author)
        except LibraryError as err:
            st.error(inert(str(err), 400), icon=":material/error:")
            return
        st.session_state[f"{key}-saved"] = (article.id, saved.id)
    if f"{key}-saved" in st.session_state:
        article_id, saved_id = st.session_state[f"{key}-saved"]
        st.success("Chart saved in the team library. Its link opens it for anyone:")
        st.page_link(SOURCES_PAGE, label="Open the saved chart", icon=":material/link:",
                     query_params={"source": article_id, "chart": saved_id})  # fmt: skip


def history_frame(library: Library, article_id: str) -> pd.DataFrame:
    """An article's history for display: when, who, what (payload summarised)."""
    rows = []
    for change in library.history(article_id):
        payload = change.payload
        if change.kind == "table_edit":
            what = f"table {payload['table']}: {len(payload['cells'])} cell(s) edited"
        elif change.kind == "figure_review":
            what = f"figure {payload['figure']['mention']!r}: {payload['status']}"
        elif change.kind == "metadata":
            what = "; ".join(f"{k} → {v}" for k, v in payload.items())
        elif change.kind == "added":
            what = f"added as {payload['file_name']}"
        else:
            what = change.kind + (f": {payload['reason']}" if payload.get("reason") else "")
        rows.append({"when (UTC)": change.at.strftime("%Y-%m-%d %H:%M"), "who": change.author,
                     "version": change.version, "change": what})  # fmt: skip
    return pd.DataFrame(rows, columns=["when (UTC)", "who", "version", "change"])


@st.cache_data(max_entries=16, show_spinner=False)
def _figure_reviews(url: str, revision_number: int) -> dict[str, tuple[str, dict]]:
    return _open_library(url).figure_reviews()


def seed_team_reviews() -> bool:
    """Put the library's newest review of each figure into this session, unless the session has
    since made its own: every page then counts and charts the team's confirmed figures. Quiet
    when the library is unreachable (the Library page says so). True when the session's reviews
    changed."""
    from lib.library.saved_charts import review_from_payload
    from ui.data import session_reviews

    try:
        library = _open_library(database_url())
        recorded = _figure_reviews(database_url(), library.revision())
    except LibraryError:
        return False
    if not recorded:
        return False
    seeded = st.session_state.setdefault("library-seeded", {})
    reviews = session_reviews()
    changed = False
    for key, (article_id, payload) in recorded.items():
        if key not in reviews or reviews[key] == seeded.get(key):
            review = review_from_payload(article_id, payload)
            if reviews.get(key) != review:
                reviews[key] = seeded[key] = review
                changed = True
    return changed


def render_save_reviews(source: Source, article: Article) -> None:
    """On a team article: save this session's figure reviews to the library (for those who may)."""
    access = write_access()
    library = get_library()
    if library is None:
        return
    _, reviews = _unrecorded(library, article, source, {})
    if not access.allowed:
        if reviews:
            st.caption(inert(access.reason, 300))
        return
    if not reviews:
        st.caption("Every review of this article is in the team library.")
        return
    if st.button(
        f"Save {len(reviews)} review(s) to library", icon=":material/save:",
        key=f"library-reviews-{article.id}",
    ):  # fmt: skip
        try:
            count = _record_changes(library, article, source, {}, access.author)
        except LibraryError as err:
            st.error(inert(str(err), 400), icon=":material/error:")
        else:
            st.success(f"{count} review(s) recorded in the team library.")
