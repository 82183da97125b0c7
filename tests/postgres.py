"""Real-PostgreSQL fixtures (a pytest plugin: ``pytest_plugins = ["tests.postgres"]``).

``postgres_server`` (session) starts a throwaway PostgreSQL cluster: ``initdb`` into a fresh
temp dir, ``pg_ctl start`` listening on 127.0.0.1 only, on a free port, with its unix socket
in that temp dir and trust auth. PostgreSQL refuses to run as root, so when the tests run as
root (CI) every server command runs as the ``postgres`` system user (``runuser -u postgres
--``) and the temp dir is owned by that user; otherwise it runs as the current user. The
server is stopped and its directory removed at session end, also when tests fail.

pytest-postgresql's own ``postgresql_proc`` is not used: it puts the data dir and log under
pytest's basetemp, which is private to root (0700), so a server running as ``postgres``
cannot reach it. The rest of it is used: the server object is its ``NoopExecutor`` (host,
port, user, password, version) and its ``DatabaseJanitor`` creates and drops the per-test
databases.

``postgres_url`` (function) is a SQLAlchemy URL of a fresh, empty database, dropped after the
test. ``database_url`` is parametrized over ``sqlite`` and ``postgresql``; PostgreSQL is only
started when a ``postgresql`` case runs.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import port_for
import pytest
from pytest_postgresql.executors import NoopExecutor
from pytest_postgresql.janitor import DatabaseJanitor

PG_VERSION = "15"
BINDIR_CANDIDATES = (f"/usr/lib/postgresql/{PG_VERSION}/bin",)
HOST = "127.0.0.1"
DB_USER = "postgres"  # the cluster's superuser role (initdb -U)
RUN_AS_WHEN_ROOT = "postgres"  # the system user Debian's postgresql package creates
START_ATTEMPTS = 3  # a fresh port each time, in case another process took the chosen one
TIMEOUT = 60


class PostgresServer(NoopExecutor):
    """Connection details of the running test server (host, port, user), plus where it lives."""

    def __init__(self, *, port: int, bindir: Path, basedir: Path, run_as: str | None):
        super().__init__(host=HOST, port=port, user=DB_USER, options="", dbname="tests")
        self.bindir = bindir
        self.basedir = basedir
        self.datadir = basedir / "data"
        self.socketdir = basedir
        self.logfile = basedir / "postgresql.log"
        self.run_as = run_as  # system user the server runs as; None: the current user
        self.start_seconds: float | None = None

    @property
    def pid(self) -> int | None:
        """The postmaster's pid, from its pid file."""
        try:
            return int((self.datadir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"


def _bindir() -> Path:
    candidates = [os.environ.get("POSTGRES_BINDIR", ""), *BINDIR_CANDIDATES]
    for candidate in filter(None, candidates):
        if (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    raise RuntimeError(
        f"PostgreSQL {PG_VERSION} server binaries not found in {candidates}: install the Debian "
        "package postgresql (`make test-packages`) or set POSTGRES_BINDIR"
    )


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(RUN_AS_WHEN_ROOT)
    except KeyError:
        raise RuntimeError(
            f"running as root, and PostgreSQL refuses to: the system user {RUN_AS_WHEN_ROOT!r} "
            "to run it as is missing (Debian's postgresql package creates it)"
        ) from None
    return RUN_AS_WHEN_ROOT


def _reachable_by_others(path: Path) -> bool:
    """Whether every directory on the way to ``path`` is traversable by any user."""
    return all(os.stat(p).st_mode & stat.S_IXOTH for p in [path, *path.parents])


def _make_basedir(run_as: str | None) -> Path:
    parent = Path(tempfile.gettempdir()).resolve()
    if run_as and not _reachable_by_others(parent):
        parent = Path("/tmp")
    basedir = Path(tempfile.mkdtemp(prefix="pytest-postgres-", dir=parent))
    if run_as:
        user = pwd.getpwnam(run_as)
        os.chown(basedir, user.pw_uid, user.pw_gid)
    return basedir


def _pg(server: PostgresServer, program: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program as the user the server runs as; raise with its output on failure."""
    command = [str(server.bindir / program), *args]
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    env.pop("PGDATA", None)
    result = subprocess.run(
        command,
        cwd=server.basedir,  # the server user may not be able to read the current directory
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}{result.stderr}\n"
            f"server log:\n{server.log_tail()}"
        )
    return result


def _initdb(server: PostgresServer) -> None:
    _pg(
        server,
        "initdb",
        f"--pgdata={server.datadir}",
        f"--username={DB_USER}",
        "--auth=trust",  # only for connections over loopback and the private socket dir
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    )


def _start(server: PostgresServer) -> None:
    options = " ".join(
        [
            f"-p {server.port}",
            f"-c listen_addresses={HOST}",
            f"-c unix_socket_directories={server.socketdir}",
            "-c fsync=off",  # a throwaway cluster: no need to survive a crash
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
        ]
    )
    _pg(
        server,
        "pg_ctl",
        "start",
        "--wait",
        f"--timeout={TIMEOUT}",
        f"--pgdata={server.datadir}",
        f"--log={server.logfile}",
        f"--options={options}",
    )


def stop_postgres_server(server: PostgresServer) -> None:
    """Stop the server (fast, then immediate, then SIGKILL) and remove its directory."""
    try:
        if server.datadir.exists() and server.pid is not None:
            for mode in ("fast", "immediate"):
                try:
                    _pg(server, "pg_ctl", "stop", f"--pgdata={server.datadir}", f"--mode={mode}")
                    break
                except (RuntimeError, subprocess.TimeoutExpired):
                    continue
            pid = server.pid
            if pid is not None:  # pg_ctl removes the pid file once the server has exited
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    finally:
        shutil.rmtree(server.basedir, ignore_errors=True)


def start_postgres_server() -> PostgresServer:
    """Start a throwaway server; the caller must ``stop_postgres_server`` it."""
    bindir, run_as = _bindir(), _run_as()
    basedir = _make_basedir(run_as)
    server = PostgresServer(port=0, bindir=bindir, basedir=basedir, run_as=run_as)
    try:
        _initdb(server)
        for attempt in range(1, START_ATTEMPTS + 1):
            server.port = port_for.select_random()
            try:
                _start(server)
                break
            except RuntimeError:
                if attempt == START_ATTEMPTS or "already in use" not in server.log_tail():
                    raise
    except BaseException:
        stop_postgres_server(server)
        raise
    return server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A running PostgreSQL server for the session: ``.host``, ``.port``, ``.user``."""
    started = time.perf_counter()
    server = start_postgres_server()
    server.start_seconds = time.perf_counter() - started
    # Also stop it if the session ends without fixture teardown (e.g. a second Ctrl-C).
    atexit.register(stop_postgres_server, server)
    try:
        yield server
    finally:
        stop_postgres_server(server)
        atexit.unregister(stop_postgres_server)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database for this test, dropped afterwards."""
    dbname = f"test_{uuid.uuid4().hex[:16]}"
    with DatabaseJanitor(
        user=postgres_server.user,
        host=postgres_server.host,
        port=postgres_server.port,
        dbname=dbname,
        maintenance_dbname=postgres_server.maintenance_dbname,
        connection_timeout=10,
    ):
        yield postgres_server.url(dbname)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store's database: a SQLite file, then a fresh PostgreSQL database (started lazily)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/library.sqlite3"
    return request.getfixturevalue("postgres_url")
