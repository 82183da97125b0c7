"""The prepared corpus: the same corpus as a parse, never served for other files or rules."""

from __future__ import annotations

import shutil

from lib.datasets.corpus import load_corpus
from lib.datasets.prepared import corpus_key, prepared_corpus
from lib.reference.paths import SOURCES_DIR


def test_the_prepared_corpus_is_the_parsed_one(tmp_path, corpus):
    first = prepared_corpus(SOURCES_DIR, tmp_path)
    [artefact] = tmp_path.glob("corpus-*.pickle")
    second = prepared_corpus(SOURCES_DIR, tmp_path)  # read from the artefact
    for loaded in (first, second):
        assert loaded.texts() == corpus.texts()
        for sid, source in corpus.sources.items():
            assert loaded.sources[sid].meta == source.meta
            assert loaded.sources[sid].tables == source.tables
            assert loaded.sources[sid].figures == source.figures
            assert loaded.sources[sid].repairs == source.repairs
    assert artefact.name == f"corpus-{corpus_key(SOURCES_DIR)}.pickle"


def test_a_changed_source_is_parsed_again_and_the_old_artefact_dropped(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    cache = tmp_path / "cache"
    prepared_corpus(sources, cache)
    [old] = cache.glob("corpus-*.pickle")
    path = sources / "003_cd50ce98a801f824.txt"
    path.write_bytes(path.read_bytes().replace(b"240 billion", b"250 billion"))
    changed = prepared_corpus(sources, cache)
    assert "250 billion" in changed.sources["003_cd50ce98a801f824"].text
    assert changed.texts() == load_corpus(sources).texts()
    assert [p.name for p in cache.glob("corpus-*.pickle")] != [old.name]
    assert len(list(cache.glob("corpus-*.pickle"))) == 1


def test_a_damaged_artefact_is_ignored_and_rebuilt(tmp_path, corpus):
    prepared_corpus(SOURCES_DIR, tmp_path)
    [artefact] = tmp_path.glob("corpus-*.pickle")
    artefact.write_bytes(b"not a pickle at all")
    assert prepared_corpus(SOURCES_DIR, tmp_path).texts() == corpus.texts()
    assert artefact.read_bytes().startswith(b"\x80")  # a pickle again


def test_an_unwritable_cache_still_gives_the_corpus(tmp_path, corpus):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    assert prepared_corpus(SOURCES_DIR, blocked / "cache").texts() == corpus.texts()
    assert list(tmp_path.glob("**/*.tmp")) == []
