"""Hostile links and uploads in a real browser: nothing on any page reaches outside the app.

Every page is opened with link and image payloads in every parameter it reads and in the names
of parameters it does not know; an article with payloads in its name, title, text and table is
uploaded, and a payload typed as a chart title. The browser must request nothing from another
host, and no link, image or media element on the page may point outside the app.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import pytest

from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS
from tests.injection_payloads import HOST, PAYLOADS

# Every page and the link parameters it reads (ui/page_parameters.py).
PAGES = {
    "": [],
    "sector-adoption": ["countries", "sectors"],
    "model-counts": ["countries"],
    "growth-projections": ["areas"],
    "policy-gaps": [],
    "sources": ["source", "start", "end", "q", "chart"],
    "library": [],
    "add-source": [],
    "methodology": [],
}
SINGLE_VALUE = {"source": "link", "start": "bare", "end": "html-image", "q": "image"}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Every element that can load or link to a URL, with the URL resolved against the page.
URLS_ON_PAGE = """() => {
    const found = [];
    const xlink = "http://www.w3.org/1999/xlink";
    for (const el of document.querySelectorAll("*")) {
        for (const name of ["href", "src", "srcset", "poster", "data", "action"]) {
            const value = el.getAttribute(name);
            if (value) found.push([el.tagName.toLowerCase(), name, value]);
        }
        const linked = el.getAttributeNS(xlink, "href");
        if (linked) found.push([el.tagName.toLowerCase(), "xlink:href", linked]);
    }
    return found.map(([tag, name, value]) => {
        let url;
        try { url = new URL(value.trim().split(/\\s+/)[0], location.href).href; }
        catch (e) { url = value; }
        return [tag, name, value, url];
    });
}"""


def outside(url: str) -> bool:
    """True for a URL that leaves the app: another host, or a scheme that is not the web's."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "ws", "wss"):
        return parts.hostname not in LOCAL_HOSTS
    return parts.scheme not in ("data", "blob", "about")


@pytest.fixture(scope="module")
def sweep(warm_app, browser):
    """One browser context for the module, with every request it makes recorded."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, requests
    context.close()


def settle(page) -> None:
    """Wait until the app has finished its run and the page has drawn what it sent."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(700)


def assert_nothing_outside(page, requests: list[str]) -> None:
    """No request left the machine; no element links or loads from outside the app."""
    left = sorted({url for url in requests if outside(url)})
    assert not left, f"requests to other hosts: {left}"
    pointing = [
        (tag, name, value)
        for tag, name, value, url in page.evaluate(URLS_ON_PAGE)
        if outside(url) and not (tag == "a" and value.startswith("#"))
    ]
    assert not pointing, f"elements pointing outside the app: {pointing}"
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("path", list(PAGES))
def test_payloads_in_every_link_parameter_stay_text(sweep, warm_app, path):
    context, requests = sweep
    requests.clear()
    params = {
        name: PAYLOADS[SINGLE_VALUE[name]] if name in SINGLE_VALUE else ",".join(PAYLOADS.values())
        for name in PAGES[path]
    }
    params |= {payload: payload for payload in PAYLOADS.values()}  # unknown names
    page = context.new_page()
    try:
        page.goto(f"{warm_app}/{path}?{urlencode(params)}")
        page.get_by_text("in the link").first.wait_for(timeout=60_000)
        if path not in ("add-source", "library"):  # no chart on these
            page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
        settle(page)
        notices = " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())
        assert HOST in notices  # the payloads are shown, as text
        assert_nothing_outside(page, requests)
        if path == "sources":
            page.screenshot(path=ARTIFACTS / "injection-sources.png", full_page=True)
    finally:
        page.close()


ARTICLE = (
    f"{PAYLOADS['link']} {PAYLOADS['image']}\n\n"  # the first line becomes the title
    f"Intro {PAYLOADS['bare']} and {PAYLOADS['www']} and {PAYLOADS['html-image']}.\n\n"
    f"Country | [m](http://{HOST}/h) | Note |\n---|---|---|\n"
    f"{PAYLOADS['link']} | 14 | {PAYLOADS['image']} |\n"
    f"{PAYLOADS['html-link-quoted']} | 5 | {PAYLOADS['html-image']} |\n"
    f"{PAYLOADS['bare']} | 7 |\n"  # a ragged row: its cells are quoted in a warning
)


def test_hostile_upload_and_typed_title_stay_text(sweep, warm_app):
    context, requests = sweep
    requests.clear()
    page = context.new_page()
    try:
        page.goto(f"{warm_app}/add-source")
        files = [
            {
                "name": f"{PAYLOADS[kind]}.txt",
                "mimeType": "text/plain",
                "buffer": f"{PAYLOADS[kind]}\n\n{ARTICLE}".encode(),
            }
            for kind in ("html-image", "link")
        ]
        files.append(
            {"name": f"{PAYLOADS['image']}.pdf", "mimeType": "application/pdf", "buffer": b"%PDF"}
        )
        page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(files)
        page.get_by_text("type not supported").first.wait_for(timeout=60_000)
        page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
        settle(page)
        shown = page.locator('[data-testid="stMain"]').inner_text()
        assert "Session expired: sign in" in shown and HOST in shown  # as text
        assert_nothing_outside(page, requests)

        title = page.get_by_label("Title")
        title.fill(f"{PAYLOADS['html-link-quoted']} {PAYLOADS['image']}")
        title.press("Enter")
        page.locator(".gtitle", has_text="![i]").first.wait_for(timeout=60_000)
        settle(page)
        assert_nothing_outside(page, requests)

        page.get_by_role("button", name="Add to slide deck").click()
        page.locator('[data-testid="stToast"]').first.wait_for(timeout=30_000)
        settle(page)
        assert HOST in page.locator('[data-testid="stToast"]').first.inner_text()
        assert_nothing_outside(page, requests)
        page.screenshot(path=ARTIFACTS / "injection-add-source.png", full_page=True)
    finally:
        page.close()
