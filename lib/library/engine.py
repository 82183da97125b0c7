"""Connecting to the library database: SQLite in WAL mode with serialised writes, or PostgreSQL;
schema migrations applied on open."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0001"  # the newest migration (a test checks it is Alembic's head)
WRITE = "library_write"  # execution option: this connection's transaction writes
SQLITE_BUSY_SECONDS = 30
# Serialises this process's SQLite writers before SQLite's own lock does (which serialises
# processes): a thread then waits on a Python lock rather than spinning on "database is locked".
_SQLITE_WRITE_LOCK = threading.RLock()


def make_engine(url: str) -> Engine:
    """An engine for ``url``. SQLite: the file's folder is created, WAL journal, a busy timeout,
    and a write transaction takes the write lock at its start (``BEGIN IMMEDIATE``), so two
    writers queue instead of one failing half-way. PostgreSQL: connections are checked before use,
    so one dropped by a restart is replaced instead of failing a page."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's begin event issues BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: committed on success, rolled back on any error. On SQLite it
    holds the database's write lock from its first statement."""
    lock = _SQLITE_WRITE_LOCK if is_sqlite(engine) else contextlib.nullcontext()
    with (
        lock,
        engine.connect().execution_options(**{WRITE: True}) as connection,
        connection.begin(),
    ):
        yield connection


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration. Safe when several processes start at once:
    SQLite takes its write lock first, PostgreSQL an advisory lock."""
    if current_revision(engine) == HEAD:  # the usual start: nothing to do, Alembic not imported
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with write_transaction(engine) as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7413201)")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at, or None for a new database."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.scalar(text("select version_num from alembic_version"))
