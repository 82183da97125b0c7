"""The add-source page: real uploads through AppTest, every bad input, session isolation."""

import pytest
from streamlit.testing.v1 import AppTest

from lib.datasets.corpus import load_corpus
from lib.datasets.uploads import MAX_FILE_BYTES, save_source, table_edits, table_frame
from tests.apptest_helpers import APP, figures
from tests.conftest import thai_mojibake

KOREAN_TABLE = (
    "한국 인공지능 정책 현황\n\n"
    "Sector | 한국 | 미국 |\n---|\n"
    "의료 | Intermediate Adoption | Pioneering Implementation |\n"
    "금융 | Advanced Deployment | Advanced Deployment |\n"
)
# Hangul whose UTF-8 bytes Windows-1252 can carry (의, with byte 0x9D, would be lost for good).
THAI_TEXT = "Korea’s “K-AI” revival, 한국 정책 – a test.\n"


def add_source_page() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    return at.switch_page("app_pages/add_source.py").run()


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    return at.file_uploader[0].set_value([(name, raw, "text/plain") for name, raw in files]).run()


def shown_text(at: AppTest) -> str:
    return " ".join(element.proto.body for element in at.get("html"))


def test_cp949_and_thai_mojibake_uploads():
    at = upload(
        add_source_page(),
        ("korea.txt", KOREAN_TABLE.encode("cp949")),
        ("thai.txt", thai_mojibake(THAI_TEXT).encode("utf-8")),
    )
    assert not at.exception and not at.error
    assert [upload.name for upload in at.session_state["uploads"].values()] == [
        "korea.txt",
        "thai.txt",
    ]
    # The last added is shown: the Thai-code-page file, repaired.
    assert "Korea’s “K-AI” revival, 한국 정책 – a test." in shown_text(at)
    at.selectbox(key="upload-choice").set_value(next(iter(at.session_state["uploads"]))).run()
    assert "한국 인공지능 정책 현황" in shown_text(at)
    assert any("read as cp949" in m.value and "1 table(s) found" in m.value for m in at.markdown)
    (editor,) = at.dataframe  # the extracted table, editable
    assert editor.value.values.tolist() == [
        ["의료", "Intermediate Adoption", "Pioneering Implementation"],
        ["금융", "Advanced Deployment", "Advanced Deployment"],
    ]
    (heatmap,) = figures(at)
    assert heatmap["data"][0]["y"] == ["의료", "금융"] and heatmap["data"][0]["z"] == [
        [2.0, 4.0],
        [3.0, 3.0],
    ]


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("empty.txt", b"", "empty.txt: file is empty: give a file with the article text"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "photo.txt: file is binary, not text",
        ),
        (
            "big.txt",
            b"a" * (MAX_FILE_BYTES + 1),
            "big.txt: file is 2.0 MB, over the 2 MB limit: trim it",
        ),
        (
            "odd.txt",
            b"abc \x81\x20 def \x9d",
            "odd.txt: encoding not recognised (byte 0x81 at offset 4",
        ),
        (
            "notes.pdf",
            b"%PDF-1.4",
            "notes.pdf: type not supported (.pdf): give a .txt, .md or .html file",
        ),
    ],
)
def test_bad_upload_gets_one_line_error_and_keeps_the_session(name, raw, message):
    at = upload(add_source_page(), ("good.txt", KOREAN_TABLE.encode("utf-8")))
    at = upload(at, ("good.txt", KOREAN_TABLE.encode("utf-8")), (name, raw))
    assert not at.exception
    errors = [error.value for error in at.error]
    assert len(errors) == 1 and errors[0].startswith(message), errors
    assert "\n" not in errors[0]
    assert [u.name for u in at.session_state["uploads"].values()] == ["good.txt"]  # nothing lost


def test_html_upload_is_shown_as_text_never_run():
    markup = (
        b"<html><body><h1>AI plan</h1><p>Korea has 14 models.</p>"
        b'<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
        b'<a href="javascript:alert(1)">link</a>'
        b"<table><tr><th>Country</th><th>Models</th></tr><tr><td>Korea</td><td>14</td></tr></table>"
        b"</body></html>"
    )
    at = upload(add_source_page(), ("page.html", markup))
    assert not at.exception and not at.error
    text = shown_text(at)
    assert "Korea has 14 models." in text and "<script" not in text and "onerror" not in text
    (raw,) = [code.value for code in at.code if "<script>" in code.value]
    assert 'onerror="window.__pwned = 2"' in raw  # the raw file is shown, as text
    (bars,) = figures(at)
    assert bars["data"][0]["x"] == ["Korea"] and bars["data"][0]["y"] == [14.0]


def test_ragged_table_gets_a_warning():
    ragged = "Intro.\n\nA | B | C |\n---|\n1 | 2 | 3 |\n4 | 5 |\n"
    at = upload(add_source_page(), ("ragged.txt", ragged.encode()))
    (warning,) = [w.value for w in at.warning]
    assert warning.startswith(
        "Table 1 has ragged rows (row '4' has 2 of 3 cells; missing cells are null)"
    )
    assert not at.exception


def test_too_many_files_at_once_adds_nothing():
    at = upload(
        add_source_page(), *[(f"a{i}.txt", f"Article {i} text.".encode()) for i in range(100)]
    )
    (error,) = [e.value for e in at.error]
    assert (
        error == "100 files at once is more than 20: add at most 20 at a time. Nothing was added."
    )
    assert not at.session_state["uploads"]


def test_pasted_text_is_ingested():
    at = add_source_page()
    at.text_area(key="paste-text").set_value(thai_mojibake(THAI_TEXT)).run()
    at.button(key="paste-add").click().run()
    assert "Korea’s “K-AI” revival" in shown_text(at)


def test_uploads_stay_in_their_own_session():
    first = upload(add_source_page(), ("mine.txt", KOREAN_TABLE.encode("utf-8")))
    second = add_source_page()
    assert len(first.session_state["uploads"]) == 1
    assert not second.session_state["uploads"]
    assert any("No article added yet" in info.value for info in second.info)


def test_chart_builder_records_edits_and_adds_to_deck():
    at = upload(add_source_page(), ("korea.txt", KOREAN_TABLE.encode("utf-8")))
    at.button(
        key=next(b.key for b in at.button if b.key and b.key.startswith("deck-add-"))
    ).click().run()
    assert len(at.session_state["deck_extras"]) == 1
    at.session_state["deck-panel"] = True  # open the deck panel
    at.run()
    at.sidebar.button[0].click().run()  # build the deck: bundled charts plus this one
    assert at.session_state["deck-slides"] == 10


def test_edits_are_recorded_beside_the_source_value():
    original = table_frame(
        ["Sector", "Korea"], [["Health", "Intermediate Adoption"], ["Fin", None]]
    )
    edited = original.copy()
    edited.iloc[1, 1] = "Advanced Deployment"
    assert table_edits(original, edited).to_dict("records") == [
        {
            "row": 2,
            "label": "Fin",
            "column": "Korea",
            "source_value": None,
            "edited_value": "Advanced Deployment",
        }
    ]


def test_saved_source_is_picked_up_with_its_tables(tmp_path):
    for path in (p for p in __import__("pathlib").Path("data/sources").iterdir()):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    raw = KOREAN_TABLE.encode("cp949")
    saved = save_source(raw, "korea.txt", {"title": "Korean table"}, tmp_path)
    assert saved.name.startswith("005_") and saved.read_bytes() == raw  # raw stays raw
    corpus = load_corpus(tmp_path)
    source = corpus.sources[saved.stem]
    assert source.meta["title"] == "Korean table" and source.encoding == "cp949"
    assert source.tables[0].rows[0] == [
        "의료",
        "Intermediate Adoption",
        "Pioneering Implementation",
    ]
    with pytest.raises(FileExistsError):
        save_source(raw, "again.txt", {}, tmp_path)


def test_removed_article_stays_removed():
    at = upload(add_source_page(), ("one.txt", b"First article."), ("two.txt", b"Second article."))
    assert len(at.session_state["uploads"]) == 2
    at.button(
        key=next(b.key for b in at.button if b.key and b.key.startswith("remove-"))
    ).click().run()
    assert [u.name for u in at.session_state["uploads"].values()] == ["one.txt"]
    at.run()  # the uploader still lists both files: the removed one must not come back
    assert [u.name for u in at.session_state["uploads"].values()] == ["one.txt"]


def test_chart_picker_follows_the_newest_article():
    at = upload(add_source_page(), ("korea.txt", KOREAN_TABLE.encode("utf-8")))
    assert at.selectbox(key="builder-table").value[0] == at.session_state["upload-selected"]
    pasted = "Second plan\n\nTeams by ministry:\nMinistry | Teams |\n---|---|\nScience | 5 |\n"
    at.text_area(key="paste-text").set_value(pasted).run()
    at.button(key="paste-add").click().run()
    newest = at.session_state["upload-selected"]
    assert at.session_state["uploads"][newest].name == "pasted-article.txt"
    assert at.selectbox(key="builder-table").value == (newest, 1)
    titles = [t.value for t in at.text_input if t.key and t.key.startswith("builder-title-")]
    assert titles == ["Teams by ministry"]  # the table's own caption, not the file name
