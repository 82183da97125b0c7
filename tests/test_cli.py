"""The two data commands as a user runs them: real processes, real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SOURCE_IDS

SOURCES = [f"data/sources/{source_id}.txt" for source_id in SOURCE_IDS]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, timeout=120
    )


def test_ingest_json_contract():
    result = run("lib.ingest", *SOURCES, "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["file"] for r in records] == SOURCES
    for record in records:
        assert set(record) == {"file", "encoding", "text", "repairs", "tables", "figures"}
        assert record["encoding"] == "utf-8"
        for table in record["tables"]:
            assert set(table) == {"columns", "rows", "start", "end", "flags"}
            assert all(isinstance(c, str) for c in table["columns"])
            assert all(len(row) == len(table["columns"]) for row in table["rows"])
            assert record["text"][table["start"] : table["end"]].startswith(table["columns"][0])
    policy = records[2]["tables"][1]
    assert policy["rows"][2] == [
        "Inclusivity In Development Processes",
        "Emerging Initiatives",
        None,
    ]
    assert records[0]["repairs"][0]["before"] == "โ€™"


def test_ingest_bad_files_give_one_line_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run(
        "lib.ingest", str(empty), SOURCES[4], str(binary), str(tmp_path / "missing.txt"), "--json"
    )
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"error: {empty}: file is empty: give a file with the article text",
        f"error: {binary}: file is binary, not text (it contains NUL bytes): give a .txt, .md or .html article",
        f"error: {tmp_path / 'missing.txt'}: No such file or directory",
    ]
    assert "Traceback" not in result.stderr
    assert [r["file"] for r in json.loads(result.stdout)] == [SOURCES[4]]


def test_ingest_report_without_json():
    result = run("lib.ingest", SOURCES[2])
    assert result.returncode == 0
    assert "Inclusivity In Development Processes | Emerging Initiatives | —" in result.stdout
    assert "flag: header glued to the prose before it" in result.stdout


def test_build_writes_csvs_and_datapackage(tmp_path):
    result = run("lib.build", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    package = json.loads((tmp_path / "datapackage.json").read_text())
    names = [resource["name"] for resource in package["resources"]]
    assert names == ["sector_adoption", "model_counts", "korean_models_by_developer",
                     "growth_projections", "policy_gaps", "key_figures", "sources"]  # fmt: skip
    for resource in package["resources"]:
        csv = tmp_path / resource["path"]
        header = csv.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [field["name"] for field in resource["schema"]["fields"]]
        assert all(field["description"] for field in resource["schema"]["fields"])
    fields = {f["name"]: f for f in package["resources"][1]["schema"]["fields"]}
    assert fields["models"] == {
        "name": "models",
        "type": "integer",
        "description": "Number of AI models",
        "unit": "models",
    }
    assert len(package["sources"]) == 5


def test_build_fails_on_a_misquoted_figure(tmp_path):
    figures = Path("data/figures.toml").read_text(encoding="utf-8")
    bad = tmp_path / "figures.toml"
    bad.write_text(
        figures.replace("LG Group developed five", "LG Group developed six"), encoding="utf-8"
    )
    result = run("lib.build", "--out", str(tmp_path / "out"), "--figures", str(bad))
    assert result.returncode == 1
    assert (
        "quote not found verbatim in 004_60a257b0d244c978: 'LG Group developed six'"
        in result.stderr
    )
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("module", ["lib.ingest", "lib.build"])
def test_every_command_has_help_and_is_in_the_readme(module):
    result = run(module, "--help")
    assert result.returncode == 0 and "usage: python -m " + module in result.stdout
    assert f"python -m {module}" in Path("README.md").read_text(encoding="utf-8")
