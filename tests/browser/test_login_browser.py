"""The whole login round trip in a real browser, with a real OpenID Connect provider on loopback.

The app listens on every interface (0.0.0.0), where nobody could write without a login, and has
``[auth]`` pointing at oidc-provider-mock plus ``[library] editors = ["alice@example.org"]``.
An anonymous visitor reads and sees Log in; alice logs in at the provider's form and comes back
able to add to the library; bob@other.org logs in just as well and is refused.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.oidc import app_with_login, oidc_provider
from tests.browser.test_write_gate_browser import upload_article
from ui.access import LOGIN_REASON
from ui.login import READ_NOTE
from ui.safe_text import WORD_JOINER

ADD = "Add to library"
NOT_AN_EDITOR = "This account is not on the server's editor list"
SIDEBAR = '[data-testid="stSidebar"]'


def signed_in_line(page: Page) -> str:
    """The sidebar's "Signed in as ..." line as a reader sees it (without the word joiners)."""
    line = page.locator(SIDEBAR).get_by_text("Signed in as")
    line.wait_for(timeout=60_000)
    return line.inner_text().replace(WORD_JOINER, "").strip()


def log_in(page: Page, base: str, subject: str) -> None:
    """Press Log in, type ``subject`` into the provider's form, and come back to the app."""
    page.goto(base)
    page.locator(SIDEBAR).get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(lambda url: not url.startswith(base), timeout=30_000)  # at the provider
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.locator('input[name="sub"]').fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/", timeout=30_000)  # /oauth2callback sends the browser home


def test_login_round_trip_decides_who_may_write(browser, tmp_path):
    with (
        oidc_provider() as issuer,
        app_with_login(issuer, ["alice@example.org"], tmp_path) as base,
    ):
        # Anonymous: reads everything, is offered Log in, may not write.
        anonymous = browser.new_context()
        page = anonymous.new_page()
        upload_article(page, base, tmp_path)
        page.get_by_text(LOGIN_REASON).wait_for(timeout=30_000)
        assert page.get_by_role("button", name=ADD).count() == 0
        sidebar = page.locator(SIDEBAR)
        expect(sidebar.get_by_role("button", name="Log in", exact=True)).to_be_visible()
        expect(sidebar.get_by_text(READ_NOTE)).to_be_visible()
        assert sidebar.get_by_text("Signed in as").count() == 0
        anonymous.close()

        # alice@example.org is on the editor list: after the round trip she may add.
        alice = browser.new_context()
        page = alice.new_page()
        log_in(page, base, "alice@example.org")
        assert signed_in_line(page) == "Signed in as alice@example.org"
        cookies = {cookie["name"] for cookie in alice.cookies()}
        assert "_streamlit_user" in cookies, cookies  # the signed identity cookie
        upload_article(page, base, tmp_path)
        assert signed_in_line(page) == "Signed in as alice@example.org"  # a new session, still her
        page.get_by_role("button", name=ADD).wait_for(timeout=30_000)
        assert page.get_by_text(LOGIN_REASON).count() == 0
        assert page.get_by_text(NOT_AN_EDITOR).count() == 0
        sidebar = page.locator(SIDEBAR)
        expect(sidebar.get_by_role("button", name="Log out")).to_be_visible()
        assert sidebar.get_by_role("button", name="Log in", exact=True).count() == 0
        alice.close()

        # bob@other.org logs in just as well, but is not an editor.
        bob = browser.new_context()
        page = bob.new_page()
        log_in(page, base, "bob@other.org")
        assert signed_in_line(page) == "Signed in as bob@other.org"
        upload_article(page, base, tmp_path)
        page.get_by_text(NOT_AN_EDITOR).wait_for(timeout=30_000)
        assert page.get_by_role("button", name=ADD).count() == 0
        assert page.get_by_text(LOGIN_REASON).count() == 0
        bob.close()
