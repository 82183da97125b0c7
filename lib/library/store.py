"""The library's reads and writes. Every write is one transaction that records who made it,
appends to the history and bumps the revision number readers cache by."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from lib.cleaning.errors import UnreadableSourceError
from lib.datasets.corpus import ingest_file, source_files
from lib.datasets.pipeline import pipeline_version
from lib.datasets.uploads import ingest_upload
from lib.extraction.document import Source
from lib.library import schema
from lib.library.config import database_url, display_url
from lib.library.engine import make_engine, migrate, write_transaction

BUNDLED_AUTHOR = "bundled (data/sources)"
METADATA_FIELDS = ("title", "publisher", "published", "url")
HISTORY_KINDS = ("added", "metadata", "table_edit", "figure_review", "retired", "restored")


class LibraryError(Exception):
    """A write or read the library refused; the message is one line that says what to do."""


class StaleEditError(LibraryError):
    """The article changed since the edit was made on it; nothing was written."""


class ReadOnlyError(LibraryError):
    """The article is a bundled one, which the library keeps as it is."""


class LibraryUnavailableError(LibraryError):
    """The database could not be reached; nothing was written."""


@dataclass(frozen=True)
class Article:
    """One article as the listing shows it (no bytes, no text)."""

    id: str
    sha256: str
    file_name: str
    title: str
    publisher: str
    published: str
    url: str
    added_by: str
    added_at: datetime
    bundled: bool
    retired: bool
    version: int
    tables: int = 0
    figures: int = 0

    def listing(self) -> dict[str, str]:
        """The record ``python -m lib.library list --json`` prints."""
        return {
            "id": self.id,
            "title": self.title,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "added_at": self.added_at.isoformat(),
            "added_by": self.added_by,
        }

    @property
    def meta(self) -> dict[str, str]:
        """The metadata record citations use (as a bundled source's ``.meta.json``)."""
        return {
            "source_id": self.id,
            "file": self.file_name,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "sha256": self.sha256,
            "added_by": self.added_by,
            "added_at": self.added_at.strftime("%Y-%m-%d %H:%M UTC"),
        }


@dataclass(frozen=True)
class Added:
    """What ``add`` did with one file: ``added`` a new article or found it ``exists``."""

    status: str
    article_id: str


@dataclass(frozen=True)
class Change:
    """One entry of an article's append-only history."""

    seq: int
    article_id: str
    kind: str
    payload: dict
    author: str
    at: datetime
    version: int


@dataclass(frozen=True)
class SavedChart:
    """A chart spec anyone can open by its id."""

    id: str
    article_id: str
    title: str
    spec: dict
    created_by: str
    created_at: datetime


def now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time the library stores is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def chart_id(article_id: str, spec: Mapping[str, object]) -> str:
    """The stable id of a chart spec: the same chart saved twice is one chart."""
    canonical = json.dumps({"article": article_id, "spec": spec}, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def derived_record(source: Source) -> dict[str, object]:
    """The derived row of an ingested article: what the listing and exports read."""
    tables = [
        {"columns": list(t.columns), "rows": [list(r) for r in t.rows], "start": t.start,
         "end": t.end}
        for t in source.tables
    ]  # fmt: skip
    return {
        "pipeline": pipeline_version(),
        "tables": len(source.tables),
        "figures": len(source.figures),
        "characters": len(source.text),
        "tables_json": json.dumps(tables, ensure_ascii=False),
    }


class Library:
    """The team library on one database (see :mod:`lib.library`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = display_url(str(engine.url.render_as_string(hide_password=False)))

    @classmethod
    def open(cls, url: str | None = None, *, migrate_schema: bool = True) -> Library:
        """Connect to ``url`` (default: :func:`database_url`) and apply pending migrations."""
        url = url or database_url()
        try:
            engine = make_engine(url)
        except OSError as err:  # the SQLite file's folder cannot be made
            raise LibraryUnavailableError(
                f"Could not open the library at {display_url(url)}: {err.strerror or err} "
                f"({err.filename}). Point DASHBOARD_DATABASE_URL at a writable place."
            ) from None
        library = cls(engine)
        if migrate_schema:
            with library._guard("open the library"):
                migrate(library.engine)
        return library

    # --- faults ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn a lost or refused database connection into one line that says what to do."""
        try:
            yield
        except (OperationalError, DBAPIError) as err:
            if isinstance(err, IntegrityError):
                raise
            reason = str(getattr(err, "orig", err)).strip().splitlines()[0][:160]
            raise LibraryUnavailableError(
                f"Could not {action}: the library database ({self.url}) did not answer "
                f"({reason}). Nothing was changed; try again in a moment."
            ) from None

    # --- reads -------------------------------------------------------------------------------

    def revision(self) -> int:
        """A number every write bumps: cache anything read from the library by it."""
        with self._guard("read the library"), self.engine.connect() as connection:
            return int(
                connection.scalar(
                    select(schema.state.c.value).where(schema.state.c.key == "revision")
                )
            )

    def articles(self, include_retired: bool = False) -> list[Article]:
        """Every article, newest first (bundled ones last), with its table and figure counts."""
        a, x = schema.articles, schema.extractions
        query = select(a.c[*self._article_columns()], x.c.tables, x.c.figures).outerjoin(
            x, x.c.article_id == a.c.id
        )
        if not include_retired:
            query = query.where(a.c.retired.is_(False))
        query = query.order_by(a.c.bundled, a.c.added_at.desc(), a.c.id)
        with self._guard("read the library"), self.engine.connect() as connection:
            return [self._article(row) for row in connection.execute(query)]

    def article(self, article_id: str) -> Article | None:
        """One article (retired ones too), or None."""
        a, x = schema.articles, schema.extractions
        query = (
            select(a.c[*self._article_columns()], x.c.tables, x.c.figures)
            .outerjoin(x, x.c.article_id == a.c.id)
            .where(a.c.id == article_id)
        )
        with self._guard("read the library"), self.engine.connect() as connection:
            row = connection.execute(query).first()
        return self._article(row) if row else None

    def raw(self, article_id: str) -> bytes:
        """The article's bytes exactly as they were added."""
        with self._guard("read the library"), self.engine.connect() as connection:
            raw = connection.scalar(
                select(schema.articles.c.raw).where(schema.articles.c.id == article_id)
            )
        if raw is None:
            raise LibraryError(f"No article {article_id!r} in the library: check the link.")
        return bytes(raw)

    def history(self, article_id: str | None = None) -> list[Change]:
        """The append-only history, oldest first (of one article, or of all)."""
        h = schema.history
        query = select(h).order_by(h.c.seq)
        if article_id is not None:
            query = query.where(h.c.article_id == article_id)
        with self._guard("read the history"), self.engine.connect() as connection:
            return [
                Change(r.seq, r.article_id, r.kind, json.loads(r.payload), r.author, _utc(r.at),
                       r.version)
                for r in connection.execute(query)
            ]  # fmt: skip

    def latest_payloads(self, article_id: str, kind: str, key: str) -> dict[str, dict]:
        """The newest payload of each ``payload[key]`` among an article's changes of ``kind``
        (e.g. the current review of each figure)."""
        latest: dict[str, dict] = {}
        for change in self.history(article_id):
            if change.kind == kind:
                latest[str(change.payload[key])] = change.payload | {
                    "author": change.author,
                    "at": change.at.isoformat(),
                }
        return latest

    def figure_reviews(self) -> dict[str, tuple[str, dict]]:
        """The newest recorded review of every figure in the library: key -> (article, payload)."""
        h = schema.history
        query = select(h.c.article_id, h.c.payload).where(h.c.kind == "figure_review")
        with self._guard("read the reviews"), self.engine.connect() as connection:
            rows = connection.execute(query.order_by(h.c.seq)).all()
        latest: dict[str, tuple[str, dict]] = {}
        for article_id, payload in rows:
            review = json.loads(payload)
            latest[str(review["key"])] = (article_id, review)
        return latest

    def charts(self, article_id: str | None = None) -> list[SavedChart]:
        """Saved charts, oldest first (of one article, or of all)."""
        c = schema.charts
        query = select(c).order_by(c.c.created_at, c.c.id)
        if article_id is not None:
            query = query.where(c.c.article_id == article_id)
        with self._guard("read the charts"), self.engine.connect() as connection:
            return [self._chart(row) for row in connection.execute(query)]

    def chart(self, chart_id_: str) -> SavedChart | None:
        with self._guard("read the chart"), self.engine.connect() as connection:
            row = connection.execute(
                select(schema.charts).where(schema.charts.c.id == chart_id_)
            ).first()
        return self._chart(row) if row else None

    def derived_tables(self, article_id: str) -> list[dict]:
        """The tables the current pipeline extracted from the article."""
        with self._guard("read the library"), self.engine.connect() as connection:
            value = connection.scalar(
                select(schema.extractions.c.tables_json).where(
                    schema.extractions.c.article_id == article_id
                )
            )
        return json.loads(value) if value else []

    # --- writes ------------------------------------------------------------------------------

    def add(
        self,
        raw: bytes,
        file_name: str,
        by: str,
        meta: Mapping[str, str] | None = None,
    ) -> Added:
        """Add one article's bytes (read by the same ingest as an upload, with its limits).

        The same bytes already in the library are not added again (``exists``), whoever added
        them and however many sessions add them at once. Raises UnreadableSourceError for a file
        the ingest refuses, LibraryUnavailableError when the database does not answer.
        """
        sha = hashlib.sha256(raw).hexdigest()
        existing = self._id_of(sha)
        if existing:
            return Added("exists", existing)
        source = ingest_upload(file_name, raw)
        record = {**source.meta, **{k: v for k, v in (meta or {}).items() if v}}
        return self._insert(source.source_id, raw, Path(file_name).name, record, by, source)

    def sync_bundled(self, directory: Path) -> list[str]:
        """Put the bundled sources of ``directory`` in the library as read-only entries (with
        their ids and metadata records); return the ids added. Files already there are left."""
        added = []
        for path in source_files(directory):
            raw = path.read_bytes()
            if self._id_of(hashlib.sha256(raw).hexdigest()):
                continue
            try:
                source = ingest_file(path)
            except UnreadableSourceError:
                continue  # the app reports unreadable bundled files itself
            result = self._insert(
                source.source_id, raw, path.name, source.meta, BUNDLED_AUTHOR, source, True
            )
            if result.status == "added":
                added.append(result.article_id)
        return added

    def update_metadata(
        self, article_id: str, changes: Mapping[str, str], by: str, expected_version: int
    ) -> int:
        """Change title, outlet, date or URL; return the article's new version."""
        unknown = set(changes) - set(METADATA_FIELDS)
        if unknown:
            raise LibraryError(f"Cannot change {', '.join(sorted(unknown))}: not a metadata field.")
        values = {k: (str(v).strip() or "unknown") for k, v in changes.items()}
        return self._change(article_id, "metadata", values, by, expected_version, values)

    def record_table_edit(
        self,
        article_id: str,
        table: int,
        cells: Sequence[Mapping[str, object]],
        by: str,
        expected_version: int,
    ) -> int:
        """Record the analyst's edited cells of table ``table`` (1-based): each cell with its
        row, column, the source's value and the edited one. Returns the new version."""
        payload = {"table": int(table), "cells": [dict(cell) for cell in cells]}
        return self._change(article_id, "table_edit", payload, by, expected_version)

    def record_figure_review(
        self, article_id: str, review: Mapping[str, object], by: str, expected_version: int
    ) -> int:
        """Record a figure confirmed, edited or rejected (``review['key']`` names the figure)."""
        if "key" not in review or "status" not in review:
            raise LibraryError("A figure review needs its key and status.")
        return self._change(article_id, "figure_review", dict(review), by, expected_version)

    def retire(self, article_id: str, by: str, expected_version: int, reason: str = "") -> int:
        """Hide the article from listings; it stays in the history and in exports."""
        return self._change(
            article_id, "retired", {"reason": reason}, by, expected_version, {"retired": True}
        )

    def restore(self, article_id: str, by: str, expected_version: int) -> int:
        """Undo a retirement."""
        return self._change(article_id, "restored", {}, by, expected_version, {"retired": False})

    def save_chart(
        self, article_id: str, title: str, spec: Mapping[str, object], by: str
    ) -> SavedChart:
        """Save a chart spec; the same spec of the same article saved again is the same chart."""
        identifier = chart_id(article_id, spec)
        existing = self.chart(identifier)
        if existing:
            return existing
        row = {
            "id": identifier,
            "article_id": article_id,
            "title": title,
            "spec": json.dumps(dict(spec), ensure_ascii=False, sort_keys=True),
            "created_by": by,
            "created_at": now(),
        }
        try:
            with self._guard("save the chart"), write_transaction(self.engine) as connection:
                if not self._exists(connection, article_id):
                    raise LibraryError(
                        f"No article {article_id!r} in the library: add the article first."
                    )
                connection.execute(schema.charts.insert().values(**row))
                self._bump(connection)
        except IntegrityError:
            pass  # saved by another session at the same moment: the same chart
        return self.chart(identifier)  # type: ignore[return-value]

    def rebuild_derived(self, force: bool = False) -> int:
        """Re-run the pipeline on every article whose derived data an older pipeline made (or
        on all with ``force``); return how many were rebuilt."""
        a, x = schema.articles, schema.extractions
        query = select(a.c.id, a.c.file_name, x.c.pipeline).outerjoin(x, x.c.article_id == a.c.id)
        with self._guard("read the library"), self.engine.connect() as connection:
            stale = [
                (row.id, row.file_name)
                for row in connection.execute(query)
                if force or row.pipeline != pipeline_version()
            ]
        for article_id, file_name in stale:
            source = self.ingest(article_id, file_name)
            with self._guard("rebuild"), write_transaction(self.engine) as connection:
                connection.execute(
                    schema.extractions.delete().where(schema.extractions.c.article_id == article_id)
                )
                connection.execute(
                    schema.extractions.insert().values(article_id=article_id,
                                                       **derived_record(source))
                )  # fmt: skip
        return len(stale)

    def ingest(self, article_id: str, file_name: str | None = None) -> Source:
        """The article run through the current pipeline (derived data, never stored as truth)."""
        article = self.article(article_id)
        if article is None:
            raise LibraryError(f"No article {article_id!r} in the library: check the link.")
        raw = self.raw(article_id)
        name = file_name or article.file_name
        source = ingest_upload(name, raw) if not article.bundled else _ingest_bundled(raw, name)
        source.source_id = article_id
        source.meta = {**source.meta, **article.meta}
        return source

    # --- internals ---------------------------------------------------------------------------

    @staticmethod
    def _article_columns() -> list[str]:
        return [c.name for c in schema.articles.c if c.name != "raw"]

    @staticmethod
    def _article(row) -> Article:
        values = row._mapping
        return Article(
            **{
                name: values[name]
                for name in Library._article_columns()
                if name not in ("added_at", "bundled", "retired")
            },
            added_at=_utc(values["added_at"]),
            bundled=bool(values["bundled"]),
            retired=bool(values["retired"]),
            tables=int(values["tables"] or 0),
            figures=int(values["figures"] or 0),
        )

    @staticmethod
    def _chart(row) -> SavedChart:
        return SavedChart(
            row.id, row.article_id, row.title, json.loads(row.spec), row.created_by,
            _utc(row.created_at),
        )  # fmt: skip

    def _id_of(self, sha: str) -> str | None:
        with self._guard("read the library"), self.engine.connect() as connection:
            return connection.scalar(
                select(schema.articles.c.id).where(schema.articles.c.sha256 == sha)
            )

    @staticmethod
    def _exists(connection: Connection, article_id: str) -> bool:
        return bool(
            connection.scalar(
                select(func.count())
                .select_from(schema.articles)
                .where(schema.articles.c.id == article_id)
            )
        )

    @staticmethod
    def _bump(connection: Connection) -> None:
        connection.execute(
            update(schema.state)
            .where(schema.state.c.key == "revision")
            .values(value=schema.state.c.value + 1)
        )

    def _insert(
        self,
        article_id: str,
        raw: bytes,
        file_name: str,
        meta: Mapping[str, str],
        by: str,
        source: Source,
        bundled: bool = False,
    ) -> Added:
        sha = hashlib.sha256(raw).hexdigest()
        row = {
            "id": article_id,
            "sha256": sha,
            "file_name": file_name,
            "raw": raw,
            **{k: str(meta.get(k) or "unknown") for k in METADATA_FIELDS},
            "added_by": by,
            "added_at": now(),
            "bundled": bundled,
            "retired": False,
            "version": 1,
        }
        payload = {"file_name": file_name, "sha256": sha,
                   **{k: row[k] for k in METADATA_FIELDS}}  # fmt: skip
        try:
            with self._guard("add the article"), write_transaction(self.engine) as connection:
                found = connection.scalar(
                    select(schema.articles.c.id).where(schema.articles.c.sha256 == sha)
                )
                if found:
                    return Added("exists", found)
                connection.execute(schema.articles.insert().values(**row))
                connection.execute(
                    schema.extractions.insert().values(article_id=article_id,
                                                       **derived_record(source))
                )  # fmt: skip
                self._append(connection, article_id, "added", payload, by, 1, row["added_at"])
                self._bump(connection)
        except IntegrityError:  # another session added the same bytes at the same moment
            found = self._id_of(sha)
            if found:
                return Added("exists", found)
            raise
        return Added("added", article_id)

    @staticmethod
    def _append(
        connection: Connection,
        article_id: str,
        kind: str,
        payload: Mapping[str, object],
        author: str,
        version: int,
        at: datetime | None = None,
    ) -> None:
        connection.execute(
            schema.history.insert().values(
                article_id=article_id,
                kind=kind,
                payload=json.dumps(dict(payload), ensure_ascii=False, sort_keys=True),
                author=author,
                at=at or now(),
                version=version,
            )
        )

    def _change(
        self,
        article_id: str,
        kind: str,
        payload: Mapping[str, object],
        by: str,
        expected_version: int,
        columns: Mapping[str, object] | None = None,
    ) -> int:
        """Apply one change made on ``expected_version``: refused, with nothing written, when
        the article is bundled or another change came first."""
        a = schema.articles
        with self._guard("save the change"), write_transaction(self.engine) as connection:
            current = connection.execute(
                select(a.c.version, a.c.bundled, a.c.title).where(a.c.id == article_id)
            ).first()
            if current is None:
                raise LibraryError(f"No article {article_id!r} in the library: check the link.")
            if current.bundled:
                raise ReadOnlyError(
                    "This is a bundled article, kept as the repository has it: add your own "
                    "copy of the file to the library to edit it."
                )
            if current.version != expected_version:
                raise StaleEditError(
                    f"Not saved: “{current.title[:60]}” changed since you opened it "
                    f"(version {expected_version}, now {current.version}). Reload to see the "
                    "newer change, then make yours again; nothing was overwritten."
                )
            version = expected_version + 1
            result = connection.execute(
                update(a)
                .where(a.c.id == article_id, a.c.version == expected_version)
                .values(version=version, **(columns or {}))
            )
            if result.rowcount != 1:  # another process won the race after our read
                raise StaleEditError(
                    "Not saved: the article changed at the same moment. Reload and try again; "
                    "nothing was overwritten."
                )
            self._append(connection, article_id, kind, payload, by, version)
            self._bump(connection)
        return version


def _ingest_bundled(raw: bytes, name: str) -> Source:
    """A bundled article's bytes through the pipeline (no upload limits: the repo's own files)."""
    from lib.extraction.document import ingest_bytes

    return ingest_bytes(raw, name)
