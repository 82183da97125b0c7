"""The library store on a real SQLite file and a real PostgreSQL server (``database_url``)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, inspect, text

from lib.cleaning.decoding import UnreadableSourceError
from lib.library import schema
from lib.library.store import (
    Library,
    LibraryError,
    LibraryUnavailableError,
    ReadOnlyError,
    StaleEditError,
)
from lib.reference.paths import SOURCES_DIR
from tests.conftest import SOURCE_IDS

ARTICLE = (
    b"Korea AI plan\n\n"
    b"| Country | Models |\n|---|---|\n| Korea | 14 |\n| Japan | 9 |\n\n"
    b"South Korea has 14 notable AI models and plans to spend 100 trillion won.\n"
)


@pytest.fixture
def library(database_url) -> Library:
    return Library.open(database_url)


def test_migrations_build_the_schema_the_code_describes(library):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from lib.library.engine import HEAD, MIGRATIONS, current_revision

    with library.engine.connect() as connection:
        assert connection.scalar(text("select version_num from alembic_version")) == "0001"
        differences = compare_metadata(MigrationContext.configure(connection), schema.metadata)
    assert differences == []
    scripts = ScriptDirectory(str(MIGRATIONS))
    assert scripts.get_current_head() == HEAD == current_revision(library.engine)
    Library.open(str(library.engine.url.render_as_string(hide_password=False)))  # again: no-op
    assert set(inspect(library.engine).get_table_names()) >= {"articles", "history", "charts"}


def test_the_same_bytes_added_twice_are_one_article(library):
    first = library.add(ARTICLE, "korea.txt", "alice@example.org")
    second = library.add(ARTICLE, "renamed.txt", "bob@example.org")
    assert (first.status, second.status) == ("added", "exists")
    assert first.article_id == second.article_id
    [article] = library.articles()
    assert (article.added_by, article.file_name, article.title) == (
        "alice@example.org",
        "korea.txt",
        "Korea AI plan",
    )
    assert (article.tables, article.figures) == (1, 2)
    assert library.raw(article.id) == ARTICLE  # unchanged, byte for byte
    assert [c.kind for c in library.history(article.id)] == ["added"]


def test_a_bad_file_is_refused_with_one_line_and_nothing_is_written(library):
    before = library.revision()
    with pytest.raises(UnreadableSourceError, match="binary"):
        library.add(b"\x00\x01\x02 not text", "x.txt", "alice")
    with pytest.raises(UnreadableSourceError, match="type not supported"):
        library.add(b"text", "x.pdf", "alice")
    assert library.articles() == [] and library.revision() == before


def test_two_sessions_adding_at_once_both_succeed(library):
    other = b"Second article\n\nJapan has 9 notable AI models.\n"
    results, errors = [], []
    start = threading.Barrier(8)

    def add(raw: bytes, by: str) -> None:
        start.wait()
        try:
            results.append(library.add(raw, "a.txt", by))
        except Exception as err:  # noqa: BLE001 (the test reports any failure)
            errors.append(err)

    threads = [
        threading.Thread(target=add, args=(ARTICLE if n % 2 else other, f"analyst{n}"))
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(r.status for r in results) == ["added"] * 2 + ["exists"] * 6
    assert len(library.articles()) == 2
    assert len({r.article_id for r in results}) == 2


def test_an_edit_on_a_stale_version_is_refused_and_nothing_is_overwritten(library):
    article_id = library.add(ARTICLE, "korea.txt", "alice").article_id
    version = library.update_metadata(article_id, {"publisher": "Yonhap"}, "alice", 1)
    assert version == 2
    with pytest.raises(StaleEditError, match=r"changed since you opened it \(version 1, now 2\)"):
        library.update_metadata(article_id, {"publisher": "Korea Herald"}, "bob", 1)
    with pytest.raises(StaleEditError):
        library.record_table_edit(article_id, 1, [{"row": 1}], "bob", 1)
    article = library.article(article_id)
    assert (article.publisher, article.version) == ("Yonhap", 2)
    assert [(c.kind, c.author) for c in library.history(article_id)] == [
        ("added", "alice"),
        ("metadata", "alice"),
    ]


def test_edits_and_reviews_are_an_append_only_history_with_author_and_time(library):
    article_id = library.add(ARTICLE, "korea.txt", "alice").article_id
    cell = {"row": 2, "label": "Japan", "column": "Models", "source_value": "9",
            "edited_value": "10"}  # fmt: skip
    v2 = library.record_table_edit(article_id, 1, [cell], "alice", 1)
    review = {"key": f"{article_id}:30-32", "status": "confirmed", "figure": {"mention": "14"}}
    v3 = library.record_figure_review(article_id, review, "bob", v2)
    v4 = library.record_figure_review(article_id, {**review, "status": "rejected"}, "carol", v3)
    changes = library.history(article_id)
    assert [(c.kind, c.author, c.version) for c in changes] == [
        ("added", "alice", 1),
        ("table_edit", "alice", 2),
        ("figure_review", "bob", 3),
        ("figure_review", "carol", 4),
    ]
    assert all(c.at.tzinfo is not None for c in changes)
    assert changes[1].payload == {"table": 1, "cells": [cell]}
    latest = library.latest_payloads(article_id, "figure_review", "key")
    assert latest[review["key"]]["status"] == "rejected"
    assert latest[review["key"]]["author"] == "carol"
    assert library.article(article_id).version == v4 == 4


def test_bundled_articles_are_read_only_entries(library):
    assert library.sync_bundled(SOURCES_DIR) == SOURCE_IDS
    assert library.sync_bundled(SOURCES_DIR) == []  # once only
    articles = {a.id: a for a in library.articles()}
    assert set(articles) == set(SOURCE_IDS)
    bundled = articles["002_23b03b3f3f1e2ab1"]
    assert bundled.bundled and bundled.tables == 2 and bundled.added_by.startswith("bundled")
    assert library.raw(bundled.id) == (SOURCES_DIR / bundled.file_name).read_bytes()
    with pytest.raises(ReadOnlyError, match="bundled article"):
        library.update_metadata(bundled.id, {"title": "x"}, "mallory", bundled.version)
    with pytest.raises(ReadOnlyError):
        library.retire(bundled.id, "mallory", bundled.version)
    assert library.article(bundled.id).title == bundled.title


def test_retiring_hides_an_article_but_keeps_its_history(library):
    article_id = library.add(ARTICLE, "korea.txt", "alice").article_id
    library.retire(article_id, "bob", 1, reason="duplicate of a better copy")
    assert library.articles() == []
    assert [a.id for a in library.articles(include_retired=True)] == [article_id]
    assert library.history(article_id)[-1].payload == {"reason": "duplicate of a better copy"}
    assert library.add(ARTICLE, "again.txt", "carol").status == "exists"  # not re-added


def test_every_write_bumps_the_revision_and_reads_do_not(library):
    seen = [library.revision()]
    article_id = library.add(ARTICLE, "korea.txt", "alice").article_id
    seen.append(library.revision())
    library.articles()
    library.history(article_id)
    seen.append(library.revision())
    library.update_metadata(article_id, {"title": "Korea's AI plan"}, "alice", 1)
    seen.append(library.revision())
    library.save_chart(article_id, "Models", {"table": 1}, "alice")
    seen.append(library.revision())
    assert seen == [0, 1, 1, 2, 3]


def test_a_saved_chart_has_a_stable_id(library):
    article_id = library.add(ARTICLE, "korea.txt", "alice").article_id
    spec = {"table": 1, "label": "Country", "values": ["Models"], "kind": "bar", "title": "M"}
    first = library.save_chart(article_id, "M", spec, "alice")
    again = library.save_chart(article_id, "M", dict(reversed(spec.items())), "bob")
    assert first.id == again.id and again.created_by == "alice"
    assert library.chart(first.id).spec == spec
    with pytest.raises(LibraryError, match="add the article first"):
        library.save_chart("upload-nothere", "M", spec, "alice")


def test_derived_data_is_rebuilt_when_the_pipeline_changes(library):
    article_id = library.add(ARTICLE, "korea.txt", "alice").article_id
    assert library.rebuild_derived() == 0
    with library.engine.begin() as connection:  # as an older pipeline would have left it
        connection.execute(
            schema.extractions.update().values(pipeline="older", tables=0, figures=0)
        )
    assert library.article(article_id).tables == 0
    assert library.rebuild_derived() == 1
    assert (library.article(article_id).tables, library.article(article_id).figures) == (1, 2)


def test_an_unreachable_database_gives_one_line_that_says_what_to_do(tmp_path):
    with pytest.raises(LibraryUnavailableError) as caught:
        Library.open("postgresql+psycopg://nobody:secret@127.0.0.1:9/library")
    message = str(caught.value)
    assert "\n" not in message and "try again" in message
    assert "secret" not in message  # the password is never shown


def test_a_connection_the_server_dropped_is_replaced_not_failed(postgres_url):
    library = Library.open(postgres_url)
    library.add(ARTICLE, "korea.txt", "alice")
    with library.engine.connect() as connection:  # a pooled connection, then the server kills it
        before = connection.scalar(text("select pg_backend_pid()"))
    admin = create_engine(postgres_url)
    with admin.connect() as connection:
        assert connection.scalar(text("select pg_terminate_backend(:pid)"), {"pid": before})
    admin.dispose()
    assert [a.title for a in library.articles()] == ["Korea AI plan"]


def test_the_database_url_comes_from_env_then_secrets_then_the_default(tmp_path):
    from lib.library.config import DEFAULT_PATH, URL_VARIABLE, database_url

    project, user = tmp_path / "project.toml", tmp_path / "user.toml"
    user.write_text('[connections.library]\nurl = "postgresql+psycopg://user-wide/db"\n')
    assert database_url({}, (user, project)) == "postgresql+psycopg://user-wide/db"
    project.write_text('[connections.library]\nurl = "postgresql+psycopg://project/db"\n')
    assert database_url({}, (user, project)) == "postgresql+psycopg://project/db"
    assert database_url({}, (user, project), configured="sqlite:///x") == "sqlite:///x"
    assert database_url({URL_VARIABLE: "sqlite:///env"}, (user, project)) == "sqlite:///env"
    project.write_text("not = [valid toml")
    user.unlink()
    assert database_url({}, (user, project)) == f"sqlite:///{DEFAULT_PATH}"


def test_a_library_folder_that_cannot_be_made_is_one_line_not_a_traceback(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("where the library's folder would go")
    with pytest.raises(LibraryUnavailableError) as caught:
        Library.open(f"sqlite:///{blocked / 'var' / 'library.sqlite3'}")
    assert "Point DASHBOARD_DATABASE_URL at a writable place" in str(caught.value)
    assert "\n" not in str(caught.value)
