"""``python -m lib.library``: the command contract, and the SQLite → PostgreSQL move by export and
import, run as real processes on real databases."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from lib.library.store import Library
from lib.reference.paths import REPO_ROOT
from tests.conftest import SOURCE_IDS

KOREAN = "국가 AI 전략\n\n정부는 2030년까지 AI 반도체에 100조 원을 투자한다.\n".encode("euc-kr")
ENGLISH = (
    b"Korea AI plan\n\n| Country | Models |\n|---|---|\n| Korea | 14 |\n\nKorea has 14 models.\n"
)


def library_command(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lib.library", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "DASHBOARD_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def write_articles(directory: Path) -> list[Path]:
    files = [directory / "korean.txt", directory / "english.md", directory / "bad.txt"]
    files[0].write_bytes(KOREAN)
    files[1].write_bytes(ENGLISH)
    files[2].write_bytes(b"\x00\x01binary\x00")
    return files


def test_add_prints_one_line_per_file_and_a_bad_file_fails_alone(database_url, tmp_path):
    korean, english, bad = write_articles(tmp_path)
    done = library_command(database_url, "add", str(korean), str(bad), str(english), str(korean),
                           "--by", "alice@example.org")  # fmt: skip
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("added upload-") and lines[0].endswith(f" {korean}")
    assert lines[1].startswith("added upload-") and lines[1].endswith(f" {english}")
    assert lines[2] == lines[0].replace("added", "exists", 1)
    [error] = done.stderr.splitlines()
    assert error.startswith(f"error: {bad}: file is binary") and "give a .txt" in error

    listing = json.loads(library_command(database_url, "list", "--json").stdout)
    assert all(
        set(item) == {"id", "title", "file_name", "sha256", "added_at", "added_by"}
        for item in listing
    )
    added = [item for item in listing if item["added_by"] == "alice@example.org"]
    assert {item["file_name"] for item in added} == {"korean.txt", "english.md"}
    assert {item["title"] for item in added} == {"국가 AI 전략", "Korea AI plan"}
    bundled = [item["id"] for item in listing if item["added_by"].startswith("bundled")]
    assert sorted(bundled) == SOURCE_IDS


def test_a_library_moves_from_sqlite_to_postgresql_by_export_and_import(tmp_path, postgres_url):
    sqlite_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    korean, english, _ = write_articles(tmp_path)
    assert (
        library_command(sqlite_url, "add", str(korean), str(english), "--by", "alice").returncode
        == 0
    )
    source = Library.open(sqlite_url)
    english_id = next(a.id for a in source.articles() if a.file_name == "english.md")
    cell = {"row": 1, "label": "Korea", "column": "Models", "source_value": "14",
            "edited_value": "15"}  # fmt: skip
    source.record_table_edit(english_id, 1, [cell], "bob", 1)
    chart = source.save_chart(english_id, "Models", {"table": 1, "kind": "bar"}, "bob")
    korean_id = next(a.id for a in source.articles() if a.file_name == "korean.txt")
    source.retire(korean_id, "carol", 1, "superseded")

    export = tmp_path / "export"
    done = library_command(sqlite_url, "export", str(export))
    assert done.returncode == 0, done.stderr
    package = json.loads((export / "datapackage.json").read_text(encoding="utf-8"))
    paths = {resource["path"] for resource in package["resources"]}
    assert {"articles.csv", "tables.csv", "figures.csv", "history.csv"} <= paths
    assert (export / f"raw/{korean_id}.txt").read_bytes() == KOREAN  # raw, unchanged
    with (export / "tables.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"article_id": english_id, "table": "1", "row": "1", "column": "Models",
            "value": "14"} in rows  # fmt: skip

    done = library_command(postgres_url, "import", str(export))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported 2 articles, 5 skipped")
    moved = Library.open(postgres_url)
    before = {a.id: a for a in source.articles(include_retired=True)}
    after = {a.id: a for a in moved.articles(include_retired=True)}
    for article_id in (english_id, korean_id):
        assert after[article_id].listing() == before[article_id].listing()
        assert after[article_id].retired == before[article_id].retired
        assert moved.raw(article_id) == source.raw(article_id)
        assert [(c.kind, c.author, c.at, c.payload) for c in moved.history(article_id)] == [
            (c.kind, c.author, c.at, c.payload) for c in source.history(article_id)
        ]
    assert after[korean_id].retired and korean_id not in {a.id for a in moved.articles()}
    assert moved.chart(chart.id).spec == chart.spec
    assert (after[english_id].tables, after[english_id].figures) == (1, 1)


def test_import_refuses_a_folder_that_is_not_an_export(tmp_path):
    done = library_command(f"sqlite:///{tmp_path / 'x.sqlite3'}", "import", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip().endswith(
        "give the folder that `python -m lib.library export` wrote."
    )
