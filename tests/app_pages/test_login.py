"""The sidebar login box (ui/login.py): drawn only when the server sets [auth].

AppTest cannot do the OpenID Connect round trip (tests/browser/test_login_browser.py does, with
a real provider on loopback); it seeds ``st.user`` through ``AppTest.user`` instead.
"""

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_pages.test_write_gate import AUTH, WITH_LOGIN, alice
from tests.apptest_helpers import APP
from ui.access import login_providers
from ui.login import READ_NOTE
from ui.safe_text import WORD_JOINER


def overview(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets.update(secrets or {})
    if user is not None:
        at.user = user
    return at.run()


def sidebar_buttons(at: AppTest) -> list[str]:
    return [button.label for button in at.sidebar.button]


def sidebar_captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.sidebar.caption]


def test_no_login_box_without_auth():
    at = overview({"library": {"editors": ["alice@example.org"]}}, alice())
    assert not at.exception
    assert not {"Log in", "Log out"} & set(sidebar_buttons(at))
    assert READ_NOTE not in sidebar_captions(at)
    assert not any(caption.startswith("Signed in as") for caption in sidebar_captions(at))


@pytest.mark.parametrize("user", [None, {"is_logged_in": False}])
def test_a_visitor_who_has_not_logged_in_sees_log_in(user):
    at = overview(WITH_LOGIN, user)
    assert not at.exception
    assert "Log in" in sidebar_buttons(at)
    assert "Log out" not in sidebar_buttons(at)
    assert READ_NOTE in sidebar_captions(at)
    assert not any(caption.startswith("Signed in as") for caption in sidebar_captions(at))


def test_a_logged_in_visitor_sees_who_they_are_and_log_out():
    at = overview(WITH_LOGIN, alice())
    assert not at.exception
    assert "Log out" in sidebar_buttons(at)
    assert "Log in" not in sidebar_buttons(at)
    # The address is inert: a word joiner after "@" keeps markdown from making a mailto link.
    assert f"Signed in as alice@{WORD_JOINER}example.org" in sidebar_captions(at)


def test_the_signed_in_line_shows_markdown_as_text():
    at = overview(WITH_LOGIN, alice(email="[x](https://evil.example)@example.org"))
    assert not at.exception
    (line,) = [c for c in sidebar_captions(at) if c.startswith("Signed in as")]
    assert (
        line == f"Signed in as \\[x\\](https:{WORD_JOINER}//evil.example)@{WORD_JOINER}example.org"
    )


def test_log_out_ends_the_login():
    at = overview(WITH_LOGIN, alice())
    at.sidebar.button(key="logout").click().run()
    assert not at.exception
    assert at.user == {"is_logged_in": False}
    at.run()  # a browser reloads the app after st.logout(); this is that next run
    assert not at.exception
    assert "Log in" in sidebar_buttons(at)
    assert "Log out" not in sidebar_buttons(at)
    assert READ_NOTE in sidebar_captions(at)


def test_named_providers_get_a_button_each():
    named = {key: value for key, value in AUTH.items() if key in ("redirect_uri", "cookie_secret")}
    provider = {key: value for key, value in AUTH.items() if key not in named}
    at = overview({"auth": {**named, "company": provider}, "library": WITH_LOGIN["library"]})
    assert not at.exception
    assert "Log in" in sidebar_buttons(at)  # one provider: the plain label
    at = overview({"auth": {**named, "company": provider, "partner": provider}})
    assert not at.exception
    assert [b for b in sidebar_buttons(at) if b.startswith("Log in")] == [
        "Log in with company",
        "Log in with partner",
    ]


def show_providers():
    import streamlit as st

    from ui.access import login_providers

    st.text(repr(login_providers()))


@pytest.mark.parametrize(
    ("auth", "expected"),
    [
        (AUTH, [None]),
        ({"redirect_uri": "x", "cookie_secret": "y", "google": {"client_id": "g"}}, ["google"]),
        ({"redirect_uri": "x", "cookie_secret": "y", "b": {"client_id": "1"}, "a": {}}, ["a", "b"]),
    ],
)
def test_login_providers(auth, expected):
    at = AppTest.from_function(show_providers, default_timeout=30)
    at.secrets["auth"] = auth
    at.run()
    assert not at.exception
    assert at.text[0].value == repr(expected)


def test_login_providers_without_auth():
    assert login_providers() == []  # no secrets file on the test machine
