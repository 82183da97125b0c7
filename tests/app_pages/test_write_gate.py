"""Writes are decided by the server alone: its bind address or an explicit setting, never the client."""

import contextlib

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP
from ui.access import is_loopback_address

ARTICLE = b"Korea AI plan\n\nSouth Korea has 14 notable AI models.\n"


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


@contextlib.contextmanager
def server_address(address: str | None):
    before = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        yield
    finally:
        config.set_option("server.address", before)


def add_source_with_upload() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("app_pages/add_source.py").run()
    return at.file_uploader[0].set_value([("korea.txt", ARTICLE, "text/plain")]).run()


def save_buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.label == "Save to data/sources"]


def test_no_save_button_on_a_server_that_listens_beyond_loopback():
    with server_address("0.0.0.0"):
        at = add_source_with_upload()
    assert not at.exception
    assert save_buttons(at) == []
    assert any("open only when the server listens on loopback" in c.value for c in at.caption)


def test_save_button_on_a_loopback_server():
    with server_address("127.0.0.1"):
        at = add_source_with_upload()
    assert not at.exception
    assert save_buttons(at) == ["Save to data/sources"]
