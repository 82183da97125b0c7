"""Who may write is decided by the server alone: its login, editor list, bind address or an
explicit setting, never by anything the client sends (Host, reported URL, query parameters)."""

import contextlib
import getpass

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP
from ui.access import (
    HEADER_IDENTITY_REASON,
    LOGIN_REASON,
    LOOPBACK_REASON,
    NO_EDITORS_REASON,
    NO_EMAIL_REASON,
    NOT_AN_EDITOR_REASON,
    UNVERIFIED_REASON,
    is_editor,
    is_loopback_address,
)
from ui.safe_text import WORD_JOINER

ARTICLE = b"Korea AI plan\n\nSouth Korea has 14 notable AI models.\n"
ADD = "Add to library"
LOCAL = f"local:{getpass.getuser()}"
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "a cookie secret long enough for HS256",
    "client_id": "dashboard",
    "client_secret": "not a real secret",
    "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
}
EDITORS = {"editors": ["alice@example.org", "@team.example.org"]}


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),  # every interface
        ("::", False),
        ("", False),  # unset: Streamlit listens on every interface
        (None, False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_is_a_fact_about_the_bind_address(address, loopback):
    assert is_loopback_address(address) is loopback


@pytest.mark.parametrize(
    ("email", "editors", "expected"),
    [
        ("alice@example.org", ["alice@example.org"], True),
        ("Alice@Example.ORG", ["alice@example.org"], True),  # case-insensitive both ways
        ("alice@example.org", ["  ALICE@example.org "], True),
        (" alice@example.org ", ["alice@example.org"], True),
        ("bob@example.org", ["alice@example.org"], False),
        ("alice@example.org.evil", ["alice@example.org"], False),
        ("xalice@example.org", ["alice@example.org"], False),
        # A domain entry: that domain exactly.
        ("carol@team.example.org", ["@team.example.org"], True),
        ("carol@TEAM.example.org", ["@Team.Example.Org"], True),
        ("carol@evil-team.example.org", ["@team.example.org"], False),
        ("carol@eviltean.example.org", ["@team.example.org"], False),
        ("carol@team.example.org.evil", ["@team.example.org"], False),
        ("carol@sub.team.example.org", ["@team.example.org"], False),
        ("carol@example.org", ["@team.example.org"], False),
        ("carol@team.example.org.", ["@team.example.org"], False),
        # Odd spellings of an address never reach an editor's domain.
        ("mallory@evil.com@team.example.org", ["@team.example.org"], False),
        ('"mallory@evil"@team.example.org', ["@team.example.org"], False),
        ("mallory @team.example.org", ["@team.example.org"], False),
        ("mallory\n@team.example.org", ["@team.example.org"], False),
        ("mallory\u200b@team.example.org", ["@team.example.org"], False),
        ("@team.example.org", ["@team.example.org"], False),  # no local part
        ("alice@", ["alice@"], False),
        ("alice", ["alice"], False),
        # Nobody, or an empty list, or entries that are neither an address nor @domain.
        (None, ["alice@example.org"], False),
        ("", ["alice@example.org", "@example.org"], False),
        ("   ", ["@"], False),
        ("alice@example.org", [], False),
        ("alice@example.org", ["", "@", "example.org", "*", "*@example.org"], False),
        ("alice@example.org", ["@*"], False),
        ("alice@example.org", [None, 42, "alice@example.org"], True),  # junk entries skipped
        # A lone string is one entry, not a list of characters.
        ("alice@example.org", "alice@example.org", True),
        ("a@b", "a@b.c", False),
        # Several entries: any one matches.
        ("dave@team.example.org", ["alice@example.org", "@team.example.org"], True),
        ("dave@other.org", ("alice@example.org", "@team.example.org"), False),
    ],
)
def test_is_editor(email, editors, expected):
    assert is_editor(email, editors) is expected


def test_is_editor_reads_a_generator_once():
    assert is_editor("bob@b.org", (entry for entry in ["alice@a.org", "@b.org"])) is True


@contextlib.contextmanager
def option(name: str, value):
    before = config.get_option(name)
    config.set_option(name, value)
    try:
        yield
    finally:
        config.set_option(name, before)


def server_address(address: str | None):
    return option("server.address", address)


def show_write_access():
    """A one-line app: what write_access() decides for this run."""
    import streamlit as st

    from ui.access import write_access

    access = write_access()
    st.text(f"allowed={access.allowed}")
    st.text(f"author={access.author}")
    st.text(f"reason={access.reason}")


def decide(
    secrets: dict | None = None,
    user: dict | None = None,
    query_params: dict | None = None,
    context: dict | None = None,
) -> tuple[bool, str, str]:
    """Run :func:`show_write_access` through AppTest and read back (allowed, author, reason)."""
    at = AppTest.from_function(show_write_access, default_timeout=30)
    at.secrets.update(secrets or {})
    if user is not None:
        at.user = user
    at.query_params.update(query_params or {})
    at.context.update(context or {})
    at.run()
    assert not at.exception, at.exception
    shown = dict(text.value.split("=", 1) for text in at.text)
    return shown["allowed"] == "True", shown["author"], shown["reason"]


def alice(**claims) -> dict:
    return {"is_logged_in": True, "email": "alice@example.org", **claims}


WITH_LOGIN = {"auth": AUTH, "library": EDITORS}


@pytest.mark.parametrize(
    ("address", "secrets", "user", "expected"),
    [
        # No [auth]: the bind address decides, and writes are recorded as the server's account.
        ("127.0.0.1", {}, None, (True, LOCAL, "The server listens on loopback (127.0.0.1).")),
        ("0.0.0.0", {}, None, (False, LOCAL, LOOPBACK_REASON)),
        (None, {}, None, (False, LOCAL, LOOPBACK_REASON)),
        (
            "0.0.0.0",
            {"library": {"allow_writes": True}},
            None,
            (True, LOCAL, "`[library] allow_writes = true` is set on this server."),
        ),
        # Only a TOML boolean opens writes; the string "true" is a typo, not a yes.
        ("0.0.0.0", {"library": {"allow_writes": "true"}}, None, (False, LOCAL, LOOPBACK_REASON)),
        # The retired setting opens nothing.
        (
            "0.0.0.0",
            {"library": {"allow_save_to_sources": True}},
            None,
            (False, LOCAL, LOOPBACK_REASON),
        ),
        # A login without [auth] on the server is no login (AppTest's default user has an e-mail).
        ("0.0.0.0", {"library": EDITORS}, alice(), (False, LOCAL, LOOPBACK_REASON)),
        # [auth]: only a logged-in editor writes, as their e-mail; loopback opens nothing.
        ("127.0.0.1", WITH_LOGIN, None, (False, "", LOGIN_REASON)),  # AppTest: email, no login
        ("127.0.0.1", WITH_LOGIN, {"is_logged_in": False}, (False, "", LOGIN_REASON)),
        (
            "127.0.0.1",
            WITH_LOGIN,
            {"is_logged_in": "true", "email": "alice@example.org"},  # not the boolean
            (False, "", LOGIN_REASON),
        ),
        (
            "0.0.0.0",
            {"auth": AUTH, "library": {**EDITORS, "allow_writes": True}},
            None,
            (False, "", LOGIN_REASON),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            alice(),
            (True, "alice@example.org", "This account is on the server's editor list."),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            alice(email=" Alice@Example.ORG "),
            (True, "alice@example.org", "This account is on the server's editor list."),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            alice(email="carol@team.example.org", email_verified=True),
            (True, "carol@team.example.org", "This account is on the server's editor list."),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            alice(email="bob@other.org"),
            (False, "bob@other.org", NOT_AN_EDITOR_REASON),
        ),
        (
            "127.0.0.1",
            WITH_LOGIN,
            alice(email="carol@evil-team.example.org"),
            (False, "carol@evil-team.example.org", NOT_AN_EDITOR_REASON),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            alice(email_verified=False),
            (False, "alice@example.org", UNVERIFIED_REASON),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            alice(email_verified="false"),
            (False, "alice@example.org", UNVERIFIED_REASON),
        ),
        (
            "0.0.0.0",
            WITH_LOGIN,
            {"is_logged_in": True, "name": "Alice"},
            (False, "", NO_EMAIL_REASON),
        ),
        ("0.0.0.0", {"auth": AUTH}, alice(), (False, "alice@example.org", NO_EDITORS_REASON)),
        (
            "0.0.0.0",
            {"auth": AUTH, "library": {"editors": []}},
            alice(),
            (False, "alice@example.org", NO_EDITORS_REASON),
        ),
    ],
)
def test_write_access(address, secrets, user, expected):
    with server_address(address):
        assert decide(secrets, user) == expected


def test_a_server_that_copies_headers_into_the_login_gets_no_writes():
    with server_address("0.0.0.0"), option("server.trustedUserHeaders", {"X-Email": "email"}):
        assert decide(WITH_LOGIN, alice()) == (False, "alice@example.org", HEADER_IDENTITY_REASON)
    with server_address("0.0.0.0"):  # the same login without the header mapping
        assert decide(WITH_LOGIN, alice())[0] is True


@pytest.mark.parametrize(
    ("query_params", "context"),
    [
        ({"email": "alice@example.org", "is_logged_in": "true", "user": "alice@example.org"}, {}),
        ({}, {"url": "http://127.0.0.1:8501/add-source"}),  # what a browser reports
        ({"host": "127.0.0.1"}, {"url": "http://localhost/"}),
    ],
)
def test_nothing_the_client_sends_opens_writes(query_params, context):
    with server_address("0.0.0.0"):
        assert decide({}, None, query_params, context) == (False, LOCAL, LOOPBACK_REASON)
        assert decide(WITH_LOGIN, None, query_params, context) == (False, "", LOGIN_REASON)


def add_source_with_upload(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets.update(secrets or {})
    if user is not None:
        at.user = user
    at.run()
    at.switch_page("app_pages/add_source.py").run()
    return at.file_uploader[0].set_value([("korea.txt", ARTICLE, "text/plain")]).run()


def add_buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.label == ADD]


def captions(at: AppTest) -> list[str]:
    """Caption texts as read, with any markdown escaping (ui/safe_text.inert) taken out."""
    return [c.value.replace("\\", "").replace(WORD_JOINER, "") for c in at.caption]


def test_no_add_button_on_a_server_that_listens_beyond_loopback():
    with server_address("0.0.0.0"):
        at = add_source_with_upload()
    assert not at.exception
    assert add_buttons(at) == []
    assert LOOPBACK_REASON in captions(at)
    assert "open only when the server listens on loopback" in LOOPBACK_REASON


def test_add_button_on_a_loopback_server():
    with server_address("127.0.0.1"):
        at = add_source_with_upload()
    assert not at.exception
    assert add_buttons(at) == [ADD]
    assert LOOPBACK_REASON not in captions(at)


def test_with_login_configured_a_visitor_who_has_not_logged_in_only_reads():
    with server_address("127.0.0.1"):  # loopback opens nothing once [auth] is set
        at = add_source_with_upload(WITH_LOGIN)
    assert not at.exception
    assert add_buttons(at) == []
    assert LOGIN_REASON in captions(at)
    assert "South Korea has 14 notable AI models." in " ".join(
        element.proto.body for element in at.get("html")
    )  # reading the upload works for everyone


def test_a_logged_in_editor_gets_the_add_button():
    with server_address("0.0.0.0"):
        at = add_source_with_upload(WITH_LOGIN, alice())
    assert not at.exception
    assert add_buttons(at) == [ADD]
    assert LOGIN_REASON not in captions(at)


def test_a_logged_in_non_editor_is_told_why_not():
    with server_address("0.0.0.0"):
        at = add_source_with_upload(WITH_LOGIN, alice(email="bob@other.org"))
    assert not at.exception
    assert add_buttons(at) == []
    assert NOT_AN_EDITOR_REASON in captions(at)
