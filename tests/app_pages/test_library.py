"""The team library in the app (AppTest): analyst A adds an article and saves a chart, analyst B
(another session) sees both; listings follow a colleague's write; faults get one line, not a
traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from lib.library.store import Library
from lib.reference.paths import REPO_ROOT
from tests.apptest_helpers import APP, decode

ARTICLE = (
    b"Frontier models by country\n\n"
    b"| Country | Models |\n|---|---|\n| United States | 40 |\n| China | 15 |\n| Korea | 3 |\n\n"
    b"Korea has 3 notable AI models, against 40 in the United States.\n"
)


@pytest.fixture
def library_url(tmp_path, monkeypatch) -> str:
    """A library of this test's own, and a server that listens on loopback (so it may write)."""
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield url
    config.set_option("server.address", before)


def session() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=90).run()


def no_errors(at: AppTest) -> None:
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.error] == []


def button(at: AppTest, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


def analyst_a_adds_and_saves_a_chart() -> AppTest:
    at = session()
    at.switch_page("app_pages/add_source.py").run()
    at.file_uploader[0].set_value([("frontier.txt", ARTICLE, "text/plain")]).run()
    button(at, "Add to library").click().run()
    no_errors(at)
    button(at, "Save chart").click().run()
    no_errors(at)
    assert [s.value for s in at.success][-1].startswith("Chart saved in the team library")
    return at


def test_what_analyst_a_adds_analyst_b_sees_with_the_chart(library_url):
    analyst_a_adds_and_saves_a_chart()
    library = Library.open(library_url)
    [article] = [a for a in library.articles() if not a.bundled]
    [chart] = library.charts()
    assert article.added_by.startswith("local:") and chart.created_by == article.added_by
    assert chart.spec["values"] == ["Models"] and chart.spec["table"] == 1

    b = session()  # another browser session: nothing of A's session state
    b.switch_page("app_pages/library.py").run()
    no_errors(b)
    listing = b.dataframe[0].value
    row = listing[listing["Title"] == "Frontier models by country"].iloc[0]
    assert row["Article"] == f"sources?source={article.id}"
    assert (row["Added by"], row["Tables"], row["Figures"]) == (article.added_by, 1, 2)
    assert len(listing) == 6  # and the five bundled articles
    charts = b.dataframe[1].value
    assert charts["Chart"].tolist() == [f"sources?source={article.id}&chart={chart.id}"]

    c = AppTest.from_file(str(APP), default_timeout=90)
    c.query_params["source"] = article.id
    c.query_params["chart"] = chart.id
    c.switch_page("app_pages/sources.py").run()
    no_errors(c)
    assert c.selectbox[0].value == article.id
    figure = json.loads(c.get("plotly_chart")[0].proto.spec)
    bars = decode(figure["data"])
    assert sorted(v for trace in bars for v in trace["y"]) == [3, 15, 40]
    assert figure["layout"]["title"]["text"].startswith("Frontier models by country")


def test_a_colleagues_new_article_shows_on_the_next_rerun(library_url, tmp_path):
    at = session()
    at.switch_page("app_pages/library.py").run()
    assert len(at.dataframe[0].value) == 5
    article = tmp_path / "colleague.txt"
    article.write_bytes(b"Chip plan\n\nKorea will build 3 fabs by 2030.\n")
    added = subprocess.run(  # another process: the command line, on the same database
        [sys.executable, "-m", "lib.library", "add", str(article), "--by", "bob@example.org"],
        cwd=REPO_ROOT, env={**os.environ, "DASHBOARD_DATABASE_URL": library_url},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert added.stdout.startswith("added upload-")
    at.run()
    listing = at.dataframe[0].value
    assert len(listing) == 6
    assert listing.iloc[0]["Title"] == "Chip plan"
    assert listing.iloc[0]["Added by"] == "bob@example.org"


def test_an_edit_made_on_a_stale_version_is_refused_in_the_app(library_url):
    at = analyst_a_adds_and_saves_a_chart()
    library = Library.open(library_url)
    [article] = [a for a in library.articles() if not a.bundled]
    library.update_metadata(article.id, {"publisher": "Yonhap"}, "bob@example.org", 1)
    editor = at.data_editor[0]  # A edits a cell of the version they opened
    at.session_state[editor.key] = {
        "edited_rows": {0: {"Models": "41"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    button(at, "Save edits to library").click().run()
    [error] = [e.value for e in at.error]
    assert "changed since you opened it (version 1, now 2)" in error
    assert "nothing was overwritten" in error
    assert [c.kind for c in library.history(article.id)] == ["added", "metadata"]
    assert library.article(article.id).publisher == "Yonhap"


def test_retiring_hides_the_article_from_the_library_page(library_url):
    analyst_a_adds_and_saves_a_chart()
    library = Library.open(library_url)
    [article] = [a for a in library.articles() if not a.bundled]
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["source"] = article.id
    at.switch_page("app_pages/sources.py").run()
    button(at, "Retire it").click().run()
    no_errors(at)
    at.switch_page("app_pages/library.py").run()
    assert "Frontier models by country" not in at.dataframe[0].value["Title"].tolist()
    assert library.history(article.id)[-1].kind == "retired"


def test_bundled_articles_are_listed_read_only(library_url):
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["source"] = "002_23b03b3f3f1e2ab1"
    at.switch_page("app_pages/sources.py").run()
    no_errors(at)
    assert any("read-only" in c.value for c in at.caption)
    assert not [b for b in at.button if b.label == "Retire it"]


def test_an_unreachable_database_gives_a_notice_and_a_retry(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", "postgresql+psycopg://u:pw@127.0.0.1:9/x")
    at = session()
    at.switch_page("app_pages/library.py").run()
    assert [e.value for e in at.exception] == []
    [error] = [e.value for e in at.error]
    assert (
        error.startswith("Could not open the library: the library database") and "pw" not in error
    )
    assert button(at, "Retry")
    at.switch_page("app_pages/sources.py").run()  # the bundled articles still work
    assert [e.value for e in at.exception] == []
    assert at.selectbox[0].value == "000_ab1ee7e039089319"


def test_a_colleagues_confirmed_figures_reach_the_overview_of_everyone(library_url):
    a = analyst_a_adds_and_saves_a_chart()
    library = Library.open(library_url)
    [article] = [x for x in library.articles() if not x.bundled]
    a.query_params["source"] = article.id
    a.switch_page("app_pages/sources.py").run()
    confirm = next(b for b in a.button if b.label == "Confirm")
    confirm.click().run()
    button(a, "Save 1 review(s) to library").click().run()
    no_errors(a)
    [review] = [c for c in library.history(article.id) if c.kind == "figure_review"]
    assert review.payload["status"] == "confirmed" and review.author.startswith("local:")

    b = session()  # analyst B: a new session, straight on the Overview
    no_errors(b)
    assert [w.value for w in b.warning] == []
    titles = [json.loads(p.proto.spec)["layout"]["title"]["text"] for p in b.get("plotly_chart")]
    assert any("onfirmed" in title for title in titles), titles
    b.query_params["source"] = article.id
    b.switch_page("app_pages/sources.py").run()
    no_errors(b)
    assert any("1 confirmed" in c.value for c in b.caption)
    assert any("Every review of this article is in the team library" in c.value for c in b.caption)
