"""A hostile HTML upload in a real browser: its markup is shown as text and nothing in it runs."""

from tests.browser.server import ARTIFACTS

HOSTILE = (
    "<html><body><h1>AI plan</h1><p>Korea has 14 models.</p>"
    "<script>window.__pwned = 'script'</script>"
    "<img src=x onerror=\"window.__pwned = 'onerror'\">"
    "<a href=\"javascript:window.__pwned='link'\">link</a>"
    "</body></html>"
)


def test_html_upload_shows_script_as_text_and_runs_nothing(warm_app, page, tmp_path):
    hostile = tmp_path / "hostile.html"
    hostile.write_text(HOSTILE, encoding="utf-8")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{warm_app}/add-source")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(hostile))
    page.get_by_text("Korea has 14 models.").first.wait_for(timeout=60_000)
    page.get_by_role("tab", name="Raw file").click()
    raw = page.locator('[data-testid="stCode"]', has_text="<script>").first
    raw.wait_for(timeout=30_000)
    assert "<script>window.__pwned = 'script'</script>" in raw.inner_text()
    assert "onerror=\"window.__pwned = 'onerror'\"" in raw.inner_text()
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__pwned") is None
    assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0
    assert dialogs == []
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=ARTIFACTS / "upload-hostile-html.png", full_page=True)
