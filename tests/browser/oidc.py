"""A real OpenID Connect provider on loopback (oidc-provider-mock) and an app server that logs in
with it, for the browser login tests.

The provider is ``python -m oidc_provider_mock`` in its own process: it accepts any client id and
secret, and its authorization form asks for the subject (``sub``), which it also issues as the
``email`` claim. The app gets an ``[auth]`` section pointing at it through a secrets file of its
own (``--secrets.files``), so the repository's ``.streamlit/secrets.toml`` plays no part.

Authlib accepts plain http for loopback addresses (RFC 8252 section 7.3), so neither side needs
``AUTHLIB_INSECURE_TRANSPORT`` in the app's environment; the mock sets it for its own process.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.browser.server import REPO_ROOT, _wait_until_healthy, free_port, stop_process

CLIENT_ID = "korea-ai-dashboard"
CLIENT_SECRET = "client secret of the test provider"
COOKIE_SECRET = "cookie secret for the browser login test only"


@contextlib.contextmanager
def _process(command: list[str], env: dict[str, str] | None = None) -> Iterator[tuple]:
    """Run ``command`` with its log in a temporary file; stop it afterwards."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )  # fmt: skip
        try:
            yield process, log
        finally:
            stop_process(process)


@contextlib.contextmanager
def oidc_provider(timeout: float = 30.0) -> Iterator[str]:
    """Run oidc-provider-mock on 127.0.0.1 and yield its issuer URL once it answers discovery."""
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "oidc_provider_mock",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with _process(command) as (process, log):
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration") as reply:
                    if json.load(reply).get("authorization_endpoint"):
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                output = log.read().decode(errors="replace")
                raise RuntimeError(
                    f"oidc-provider-mock did not start on {issuer}: {output[-2000:]}"
                )
            time.sleep(0.2)
        yield issuer


def auth_secrets(app_port: int, issuer: str, editors: list[str]) -> str:
    """A secrets.toml with ``[auth]`` for ``issuer`` and the ``[library]`` editor list."""
    return "\n".join(
        [
            "[auth]",
            f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"',
            f'cookie_secret = "{COOKIE_SECRET}"',
            f'client_id = "{CLIENT_ID}"',
            f'client_secret = "{CLIENT_SECRET}"',
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"',
            "",
            "[library]",
            f"editors = {json.dumps(editors)}",
            "",
        ]
    )


@contextlib.contextmanager
def app_with_login(
    issuer: str, editors: list[str], tmp_path: Path, address: str = "0.0.0.0", timeout: float = 60.0
) -> Iterator[str]:
    """Serve app.py (as ``make run`` does) with ``[auth]`` pointing at ``issuer``; yield its
    loopback URL. ``address`` is the bind address: by default every interface, which without a
    login would allow no writes at all."""
    port = free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(auth_secrets(port, issuer, editors), encoding="utf-8")
    command = [
        sys.executable, "-m", "ui.serve",
        "--server.headless", "true", "--server.address", address, "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        "--secrets.files", str(secrets),
    ]  # fmt: skip
    with _process(command) as (process, log):
        yield _wait_until_healthy(f"http://127.0.0.1:{port}", process, log, timeout)
