"""The prose-figure extractor measured: every stated curated figure found in its source, F1 on
the gold sentences per language, the ``lib.ingest --json`` contract, and hostile input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.datasets.curated import load_figures
from lib.extraction.figures import extract_figures
from lib.extraction.figures.evaluation import load_gold, score_sentences

GOLD = Path(__file__).with_name("gold_figures.toml")
TARGET_F1 = 0.95
# Curated units → the extractor's unit and the factor to base units.
CURATED_UNITS = {
    "models": ("count", 1),
    "corporations": ("count", 1),
    "rank": ("rank", 1),
    "%": ("%", 1),
    "KRW tn": ("KRW", 10**12),
    "KRW bn": ("KRW", 10**9),
    "USD m": ("USD", 10**6),
    "USD bn per year": ("USD", 10**9),
    "days": ("duration", 1),
}


def stated_figures() -> list[dict]:
    return [f for f in load_figures()["key_figures"] if f["provenance"] == "stated"]


def test_every_stated_curated_figure_is_found_in_its_source(corpus):
    misses = []
    for record in stated_figures():
        unit, factor = CURATED_UNITS[record["unit"]]
        value = record["value"] * factor
        source = corpus.sources[record["source_id"]]
        quote_start = source.text.find(record["quote"])
        quote_end = quote_start + len(record["quote"])
        assert quote_start >= 0, record["figure_id"]
        hits = [
            f
            for f in source.figures
            if f.unit == unit and f.value == value and quote_start <= f.start < quote_end
        ]
        if not hits:
            misses.append(f"{record['figure_id']}: {value} {unit} in {record['quote']!r}")
    assert misses == []
    assert len(stated_figures()) == 16


def test_the_curated_figures_carry_their_qualifiers_and_the_conversion(corpus):
    source = corpus.sources["003_cd50ce98a801f824"]
    krw, usd = (f for f in source.figures if f.unit in ("KRW", "USD"))
    assert (krw.mention, krw.value, krw.qualifier) == ("240 billion KRW", 240 * 10**9, "up_to")
    assert (usd.mention, usd.value, usd.conversion_of) == (
        "180 million USD",
        180 * 10**6,
        krw.start,
    )
    china = next(f for f in corpus.sources["002_23b03b3f3f1e2ab1"].figures if f.unit == "USD")
    assert (china.value, china.qualifier, china.per) == (150 * 10**9, "at_least", "year")


def test_model_counts_quoted_in_the_curated_file_are_found(corpus):
    figures = load_figures()
    for dataset in ("model_counts", "korean_models_by_developer"):
        for record in figures[dataset]:
            source = corpus.sources[record["source_id"]]
            start = source.text.find(record["quote"])
            counts = {
                f.value
                for f in source.figures
                if f.unit == "count" and start <= f.start < start + len(record["quote"])
            }
            assert record["models"] in counts, record


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_the_gold_set_is_large_and_covers_both_languages(gold):
    by_language = {lang: [s for s in gold if s.lang == lang] for lang in ("en", "ko")}
    assert sum(len(s.figures) for s in gold) >= 150
    for sentences in by_language.values():
        assert sum(len(s.figures) for s in sentences) >= 100
        assert sum(1 for s in sentences if not s.figures) >= 25  # negatives


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_f1_on_the_gold_set(gold, lang):
    score = score_sentences([s for s in gold if s.lang == lang], extract_figures)
    assert score.f1 >= TARGET_F1, (score.misses, score.false_alarms)
    assert score.qualifier_agree >= TARGET_F1 * score.matched
    assert score.conversions_agree == score.conversions_expected > 0


def test_ingest_json_gives_each_document_its_figures(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    path = "data/sources/003_cd50ce98a801f824.txt"
    result = subprocess.run(
        [sys.executable, "-m", "lib.ingest", str(bad), path, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip() == f"error: {bad}: file is empty: give a file with the article text"
    )
    (record,) = json.loads(result.stdout)
    figures = record["figures"]
    keys = {"value", "unit", "start", "end", "quote", "noun", "qualifier", "conversion_of"}
    assert all(keys <= set(f) for f in figures)
    text = record["text"]
    assert all(text[f["start"] : f["end"]] == f["mention"] for f in figures)
    assert all(text[f["quote_start"] : f["quote_end"]] == f["quote"] for f in figures)
    assert [(f["value"], f["unit"]) for f in figures] == [
        (3, "duration"), (95, "%"), (240_000_000_000, "KRW"), (180_000_000, "USD"), (2, "rank"),
    ]  # fmt: skip
    krw, usd = figures[2], figures[3]
    assert usd["conversion_of"] == krw["start"] and usd["qualifier"] == krw["qualifier"] == "up_to"


def test_ingest_report_lists_the_figures():
    result = subprocess.run(
        [sys.executable, "-m", "lib.ingest", "data/sources/003_cd50ce98a801f824.txt"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "figures: 5" in result.stdout
    assert "180,000,000 USD: chars 1188-1203 '180 million USD', up_to" in result.stdout


N = 5000
HOSTILE = {
    "digits": "1" * N, "commas": "1," * N, "dots": "1." * N, "hyphens": "1-" * N,
    "big units": "조" * N, "composites": "1조" * N, "words": "one " * N, "ats": "@" * N,
    "link run": "a" * N + "@", "abbreviations": "U.S. " * N, "signs": "$" * N,
    "money": "1 won " * N, "korean": "정부는 2,400억 원을 투자한다. " * (N // 10),
    "particles": "1개" + "을" * N, "phones": "+82 " * N, "periods": "." * N, "ordinals": "third " * N,
    "labels": "Llama 3 " * N, "newlines": "\n" * N, "spaced": "1 " * N,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_sane_figures(name):
    text = HOSTILE[name]
    figures = extract_figures(text)
    for figure in figures:
        assert 0 <= figure.quote_start <= figure.start < figure.end <= len(text)
        assert figure.quote_end - figure.quote_start <= 600
        assert text[figure.start : figure.end] == figure.mention
