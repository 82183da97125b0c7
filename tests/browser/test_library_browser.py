"""The team library across real servers and real browsers: what analyst A adds and saves through
one server process, analyst B sees through another on the same database (SQLite and PostgreSQL),
and the library outlives a server restart.

Streamlit's st.dataframe draws on a canvas; the grid keeps an accessible table (``role=grid``)
inside the canvas with the cells it draws, which is what is read here, by column header.
"""

from __future__ import annotations

import contextlib
import getpass
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PLOTLY
from tests.browser.server import ARTIFACTS, streamlit_server
from ui.safe_text import WORD_JOINER

TITLE = "Frontier models by country"
ARTICLE = (
    f"{TITLE}\n\n"
    "| Country | Models |\n|---|---|\n| United States | 40 |\n| China | 15 |\n| Korea | 3 |\n\n"
    "Korea has 3 notable AI models, against 40 in the United States.\n"
)
AUTHOR = f"local:{getpass.getuser()}"  # no [auth]: writes are recorded as the server's OS user
BUNDLED = 5
GRID = '[data-testid="stDataFrame"]'
NAVIGATION = '[data-testid="stSidebarNav"]'  # drawn by st.navigation in app.py
ADDED = re.compile(r"Added to the team library as (upload-[0-9a-f]+)")


@contextlib.contextmanager
def servers(count: int, database_url: str) -> Iterator[list[str]]:
    """``count`` app servers (python -m ui.serve on loopback) on one library, started in
    parallel; yields their base URLs and stops them all afterwards."""
    env = {"DASHBOARD_DATABASE_URL": database_url}
    managers = [streamlit_server(env=env) for _ in range(count)]
    with contextlib.ExitStack() as stack:
        with ThreadPoolExecutor(count) as pool:
            futures = [pool.submit(manager.__enter__) for manager in managers]
        for manager, future in zip(managers, futures, strict=True):
            if future.exception() is None:
                stack.push(manager.__exit__)
        yield [future.result() for future in futures]


def new_page(browser: Browser) -> Page:
    """A page in a browser context of its own: no cookies or storage shared with other analysts."""
    return browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()


def open_main_page(page: Page, base: str) -> None:
    """Start opening the main page; :func:`wait_for_main_page` waits until app.py has run. A
    fresh server learns the pages of st.navigation only then (streamlit#8860), so this comes
    before any deep link to a server."""
    page.goto(base)


def wait_for_main_page(page: Page) -> None:
    page.wait_for_selector(NAVIGATION, state="visible", timeout=90_000)


def no_exception(page: Page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def add_and_save_a_chart(page: Page, base: str, tmp_path) -> tuple[str, str]:
    """Analyst A: upload the article on Add a source, press Add to library, then Save chart.
    Returns the article's id and the href of "Open the saved chart"."""
    article = tmp_path / "frontier.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.goto(f"{base}/add-source")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(article))
    page.get_by_role("button", name="Add to library").click()
    added = page.get_by_text(ADDED)
    added.wait_for(timeout=90_000)
    article_id = ADDED.search(added.inner_text()).group(1)
    page.get_by_role("button", name="Save chart").click()
    link = page.get_by_role("link", name="Open the saved chart")
    link.wait_for(timeout=60_000)
    no_exception(page)
    href = link.get_attribute("href")
    assert re.fullmatch(rf"sources\?source={article_id}&chart=[0-9a-f]+", href), href
    return article_id, href


def grid_rows(page: Page, index: int, wait_for: str) -> list[dict[str, str]]:
    """The rows of the page's ``index``-th st.dataframe as {column header: cell text}, once a
    cell reads ``wait_for``."""
    grid = page.locator(GRID).nth(index)
    grid.locator('[role="gridcell"]', has_text=wait_for).first.wait_for(
        state="attached", timeout=60_000
    )
    return grid.locator('table[role="grid"]').evaluate(
        """table => {
            const headers = {};
            for (const th of table.querySelectorAll('[role="columnheader"]'))
                headers[th.getAttribute('aria-colindex')] = th.textContent;
            return [...table.querySelectorAll('tbody [role="row"]')].map(row => Object.fromEntries(
                [...row.querySelectorAll('[role="gridcell"]')].map(
                    cell => [headers[cell.getAttribute('aria-colindex')], cell.textContent])));
        }"""
    )


def open_library(page: Page, base: str, added: int) -> None:
    page.goto(f"{base}/library")
    page.get_by_text(
        f"{BUNDLED + added} articles ({added} added by the team, {BUNDLED} bundled"
    ).wait_for(timeout=90_000)
    page.locator(GRID).first.wait_for(timeout=30_000)


def sees_the_article_and_its_chart(page: Page, base: str, article_id: str, href: str) -> None:
    """Analyst B: the Library lists the article (who added it) and the saved chart, whose link
    opens the chart on Sources."""
    open_library(page, base, added=1)
    no_exception(page)
    articles = grid_rows(page, 0, wait_for=TITLE)
    assert len(articles) == BUNDLED + 1
    [row] = [r for r in articles if r["Title"] == TITLE]
    assert row["Open"] == f"sources?source={article_id}"
    assert row["Added by"] == AUTHOR
    assert row["Tables"] == "1"
    assert sum(r["Added by"] == AUTHOR for r in articles) == 1
    charts = grid_rows(page, 1, wait_for=href)
    assert charts == [
        {
            "Open": href,
            "Title": TITLE,
            "Article": TITLE,
            "Saved by": AUTHOR,
            "Saved (UTC)": charts[0]["Saved (UTC)"],
        }
    ]

    page.goto(f"{base}/{href}")
    saved = page.locator('[data-testid="stExpander"]', has_text=f"Saved chart: {TITLE}")
    saved.wait_for(timeout=90_000)
    label = saved.locator("summary").inner_text().replace(WORD_JOINER, "")
    assert f"Saved chart: {TITLE} (by {AUTHOR}, " in label, label
    chart = saved.locator(PLOTLY).first
    chart.wait_for(state="visible", timeout=60_000)
    expect(saved.locator(".gtitle").first).to_contain_text(TITLE)
    ticks = saved.locator(".xtick text, .ytick text").all_text_contents()
    assert {"United States", "China", "Korea"} <= set(ticks), ticks
    assert saved.locator(".bartext").all_text_contents() == ["40", "15", "3"]
    assert page.get_by_text("Ignored chart=").count() == 0
    no_exception(page)


def test_a_write_through_one_server_shows_in_a_browser_on_the_other(
    browser, database_url, tmp_path
):
    dialect = database_url.split(":", 1)[0].split("+", 1)[0]
    with servers(2, database_url) as (server_1, server_2):
        a, b = new_page(browser), new_page(browser)
        try:
            open_main_page(a, server_1)
            open_main_page(b, server_2)
            wait_for_main_page(a)
            wait_for_main_page(b)

            # B has the library open on server 2 before A writes: its listing must follow.
            open_library(b, server_2, added=0)
            expect(b.get_by_text(f"Library database: {dialect}.")).to_be_visible()

            article_id, href = add_and_save_a_chart(a, server_1, tmp_path)

            sees_the_article_and_its_chart(b, server_2, article_id, href)
            ARTIFACTS.mkdir(exist_ok=True)
            b.screenshot(path=ARTIFACTS / f"library-other-server-{dialect}.png", full_page=True)
        finally:
            a.context.close()
            b.context.close()


def test_the_library_survives_a_server_restart(browser, tmp_path):
    database_url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    with servers(1, database_url) as [base]:
        a = new_page(browser)
        try:
            open_main_page(a, base)
            wait_for_main_page(a)
            article_id, href = add_and_save_a_chart(a, base, tmp_path)
        finally:
            a.context.close()

    with servers(1, database_url) as [base]:  # a new process: nothing cached from the first one
        b = new_page(browser)
        try:
            open_main_page(b, base)
            wait_for_main_page(b)
            sees_the_article_and_its_chart(b, base, article_id, href)
        finally:
            b.context.close()
