"""The real-PostgreSQL fixtures of tests/postgres.py: a server not running as root, a fresh
empty database per test, and ``database_url`` over SQLite and PostgreSQL."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

# The fixtures come from the plugin once tests/conftest.py lists it in pytest_plugins; until
# then (and under --noconftest) they are taken into this module.
if "tests.postgres" not in getattr(sys.modules.get("tests.conftest"), "pytest_plugins", ()):
    from tests import postgres

    database_url = postgres.database_url
    postgres_server = postgres.postgres_server
    postgres_url = postgres.postgres_url

ROOT = Path(__file__).resolve().parent.parent

metadata = sa.MetaData()
books = sa.Table(
    "books",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
)

# Databases handed to test_each_test_gets_a_fresh_empty_database, in order.
seen_databases: list[str] = []


@pytest.fixture
def engine_for():
    engines: list[sa.Engine] = []

    def make(url: str) -> sa.Engine:
        engines.append(sa.create_engine(url))
        return engines[-1]

    yield make
    for engine in engines:
        engine.dispose()


def round_trip(engine: sa.Engine) -> list[tuple[int, str]]:
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(books), [{"title": "Kim"}, {"title": "สี่แผ่นดิน"}])
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(sa.select(books).order_by(books.c.id))]


def test_postgres_url_is_a_postgresql_15_database(postgres_url, engine_for):
    assert postgres_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    engine = engine_for(postgres_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("select version()")).scalar_one().startswith("PostgreSQL 15")
        assert (
            conn.execute(sa.text("select current_database()")).scalar_one()
            == (postgres_url.rsplit("/", 1)[1])
        )
        assert conn.execute(sa.text("show server_encoding")).scalar_one() == "UTF8"
    assert round_trip(engine) == [(1, "Kim"), (2, "สี่แผ่นดิน")]


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_gets_a_fresh_empty_database(run, postgres_url, engine_for):
    engine = engine_for(postgres_url)
    dbname = engine.url.database
    assert dbname not in seen_databases
    assert sa.inspect(engine).get_table_names() == []  # the previous run's table is not here
    seen_databases.append(dbname)
    assert round_trip(engine) == [(1, "Kim"), (2, "สี่แผ่นดิน")]


def test_databases_are_dropped_after_their_test(postgres_server, engine_for):
    if len(seen_databases) < 2:
        pytest.skip("runs after test_each_test_gets_a_fresh_empty_database")
    engine = engine_for(postgres_server.url("postgres"))
    with engine.connect() as conn:
        names = conn.execute(sa.text("select datname from pg_database")).scalars().all()
    assert not set(seen_databases) & set(names)


def test_server_does_not_run_as_root(postgres_server):
    pid = postgres_server.pid
    assert pid is not None
    status = dict(
        line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    assert status["Name"] == "postgres"
    uids = [int(uid) for uid in status["Uid"].split()]
    assert 0 not in uids  # real, effective, saved, filesystem
    owner = subprocess.run(
        ["ps", "-o", "user=", "-p", str(pid)], capture_output=True, text=True, check=True
    ).stdout.strip()
    if os.geteuid() == 0:
        assert set(uids) == {pwd.getpwnam("postgres").pw_uid}
        assert owner == "postgres"
        assert postgres_server.datadir.stat().st_uid == pwd.getpwnam("postgres").pw_uid
    else:
        assert set(uids) == {os.geteuid()}
        assert owner == pwd.getpwuid(os.geteuid()).pw_name


def test_server_listens_on_loopback_only(postgres_server, engine_for):
    engine = engine_for(postgres_server.url("postgres"))
    with engine.connect() as conn:
        assert conn.execute(sa.text("show listen_addresses")).scalar_one() == "127.0.0.1"
        assert conn.execute(sa.text("show port")).scalar_one() == str(postgres_server.port)
        socket_dir = conn.execute(sa.text("show unix_socket_directories")).scalar_one()
    assert socket_dir == str(postgres_server.basedir)
    assert postgres_server.datadir.is_relative_to(postgres_server.basedir)


def test_database_url(database_url, engine_for, request, tmp_path):
    if request.node.callspec.id == "sqlite":
        assert database_url == f"sqlite:///{tmp_path}/library.sqlite3"
        assert not {"postgres_url", "postgres_server"} & set(request.fixturenames)
    else:
        assert request.node.callspec.id == "postgresql"
        assert database_url.startswith("postgresql+psycopg://")
    engine = engine_for(database_url)
    assert engine.dialect.name == request.node.callspec.id
    assert round_trip(engine) == [(1, "Kim"), (2, "สี่แผ่นดิน")]
    if request.node.callspec.id == "sqlite":
        assert (tmp_path / "library.sqlite3").is_file()


def test_sqlite_only_runs_do_not_start_postgresql():
    # A fresh session, so no other test has started the server; without the slow-to-import
    # plugins this test does not need.
    options = ["--setup-show", "--noconftest", "-p", "no:cacheprovider"]
    for plugin in ("hypothesispytest", "anyio", "typeguard", "platformdirs"):
        options += ["-p", f"no:{plugin}"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *options]
        + [f"{Path(__file__).relative_to(ROOT)}::test_database_url[sqlite]"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "database_url['sqlite']" in result.stdout
    assert "postgres_server" not in result.stdout
    assert "postgres_url" not in result.stdout
