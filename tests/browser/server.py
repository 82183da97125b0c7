"""A real Streamlit server on loopback and Debian's chromium, for the browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    script: str = "app.py",
    timeout: float = 60.0,
    address: str = "127.0.0.1",
    env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Run ``streamlit run script`` on ``address`` and yield its loopback URL; stop it afterwards."""
    with streamlit_server_process(script, timeout, address, env) as (base, _):
        yield base


@contextlib.contextmanager
def streamlit_server_process(
    script: str = "app.py",
    timeout: float = 60.0,
    address: str = "127.0.0.1",
    env: dict[str, str] | None = None,
    plain: bool = False,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like :func:`streamlit_server`, yielding the base URL and the server process.

    ``app.py`` is served the way ``make run`` serves it (``python -m ui.serve``); any other
    script with a plain ``streamlit run``. ``address`` is the server's bind address; the tests
    always reach it through 127.0.0.1. ``env`` is merged over ``os.environ`` for the server
    (e.g. ``{"DASHBOARD_DATABASE_URL": url}``); without it the server inherits the environment.
    ``plain`` serves ``app.py`` with a plain ``streamlit run`` too, as Community Cloud does.
    """
    port = free_port()
    served = script == "app.py" and not plain
    launcher = ["-m", "ui.serve"] if served else ["-m", "streamlit", "run", script]
    command = [
        sys.executable, *launcher,
        "--server.headless", "true", "--server.address", address, "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    # The log goes to a file, not a pipe: a busy server never blocks on its output.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        try:
            yield _wait_until_healthy(f"http://127.0.0.1:{port}", process, log, timeout), process
        finally:
            stop_process(process)


def stop_process(process: subprocess.Popen) -> None:
    """Terminate a server process; kill it when it does not end within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _wait_until_healthy(base: str, process: subprocess.Popen, log, timeout: float) -> str:
    """Poll Streamlit's health endpoint; raise with the server's log if it never answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return base
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise RuntimeError(f"streamlit did not start on {base}: {output[-2000:]}")
        time.sleep(0.2)
