"""Decoding the real-world corpus: every file in ``encodings/`` reads as its ``expected/`` text,
correct text comes out unchanged, and a file that no encoding reads is refused saying where."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from lib.cleaning import decoding
from lib.cleaning.clean import clean_bytes
from lib.cleaning.decoding import (
    UnreadableSourceError,
    decode,
    decode_bytes,
    detect_encoding,
    detect_encoding_with_reason,
    implausibility,
)
from lib.cleaning.mojibake import repair_mojibake
from lib.datasets.uploads import count_lines

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "real_world"
CORRECT = sorted((CORPUS / "correct").glob("*.txt"))


def _load_cases():
    spec = importlib.util.spec_from_file_location(
        "real_world_make_encodings", CORPUS / "make_encodings.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module.CASES


CASES = {case.name: case for case in _load_cases()}
# file -> (codec decode_bytes names, how it was decided: the start of ``decided_by``)
DECISIONS = {
    "ko.utf_8.txt": ("utf-8", "utf-8"),
    "ko.utf_8_sig.txt": ("utf-8-sig", "bom"),
    "ko.utf_16.txt": ("utf-16", "bom"),
    "ko.cp949.txt": ("cp949", "charset-normalizer cp949"),
    "ko.utf_16_le.txt": ("utf-16-le", "utf-16-nul-pattern"),
    "ko.utf_16_be.txt": ("utf-16-be", "utf-16-nul-pattern"),
    "en.utf_16_le.txt": ("utf-16-le", "utf-16-nul-pattern"),
    "zh.gb18030.txt": ("gb18030", "charset-normalizer gb18030"),
    "zh.gbk.txt": ("gb18030", "charset-normalizer gb18030"),
    "zh.big5.txt": ("big5", "charset-normalizer big5"),
    "ja.euc_jp.txt": ("euc_jp", "charset-normalizer euc_jp"),
    "ja.shift_jis.txt": ("cp932", "charset-normalizer cp932"),
    "ja.iso2022_jp.txt": ("iso2022_jp", "iso-2022 escapes"),
    "ru.cp1251.txt": ("cp1251", "charset-normalizer cp1251"),
    "ru.koi8_r.txt": ("koi8_r", "charset-normalizer koi8_r"),
    "th.cp874.txt": ("cp874", "charset-normalizer cp874"),
    "en.cp1252-apostrophes.txt": ("windows-1252", "charset-normalizer windows-1252"),
    "de.cp1252.txt": ("windows-1252", "charset-normalizer windows-1252"),
    "fr.cp1252.txt": ("windows-1252", "charset-normalizer windows-1252"),
    "ko.utf_8-truncated.txt": ("utf-8", "utf-8 with 1 bad byte sequence"),
    "ko.utf_8-stray-cp1252.txt": ("utf-8", "utf-8 with 1 bad byte sequence"),
    "en.utf_8-mojibake-c1.txt": ("utf-8", "utf-8"),
    "ko.euc_kr-meta.html": ("cp949", "meta charset=euc-kr"),
    "zh.gb2312-meta.html": ("gb18030", "meta charset=gb2312"),
    "ja.shift_jis-meta.html": ("cp932", "meta charset=shift_jis"),
}


def _file(name: str) -> tuple[bytes, str]:
    raw = (CORPUS / "encodings" / name).read_bytes()
    return raw, (CORPUS / "encodings" / "expected" / name).read_text(encoding="utf-8")


def test_every_encoding_file_is_covered():
    assert set(DECISIONS) == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_file_decodes_to_its_expected_text(name):
    raw, expected = _file(name)
    decoded = decode(raw)
    text = decoded.text
    if CASES[name].stage == "repair":
        text, _ = repair_mojibake(text)
    assert text == expected
    assert (decoded.encoding, decoded.decided_by[: len(DECISIONS[name][1])]) == DECISIONS[name]
    assert decode_bytes(raw) == (decoded.text, decoded.encoding, decoded.repairs)


@pytest.mark.parametrize("name", sorted(name for name in CASES if CASES[name].stage == "decode"))
def test_the_mojibake_step_leaves_correctly_decoded_text_alone(name):
    """Thai read from Windows-874 holds ใจกลาง: the Thai code page repair must not touch it."""
    raw, expected = _file(name)
    assert repair_mojibake(decode(raw).text) == (expected, [])


def test_detect_encoding_agrees_with_decode_and_gives_its_reason():
    raw, _ = _file("ru.koi8_r.txt")
    codec, reason = detect_encoding_with_reason(raw)
    assert codec == detect_encoding(raw) == decode(raw).encoding == "koi8_r"
    assert reason.startswith("charset-normalizer koi8_r (chaos 0.00, coherence ")


def test_apostrophes_in_windows_1252_are_not_read_as_cp949():
    raw, _ = _file("en.cp1252-apostrophes.txt")
    text, encoding, _ = decode_bytes(raw)
    assert encoding == "windows-1252"
    assert "Korea’s" in text and "뭩" not in text


def test_a_stray_windows_1252_byte_in_utf_8_is_mapped_and_logged():
    raw, expected = _file("ko.utf_8-stray-cp1252.txt")
    text, encoding, repairs = decode_bytes(raw)
    assert (text, encoding) == (expected, "utf-8")
    at = raw.index(b"\x92")
    [repair] = repairs
    assert (repair.step, repair.rule) == ("decode", "utf-8-stray-windows-1252-byte")
    assert repair.before == f"byte 0x92 at byte offset {at}"
    assert (repair.after, text[repair.start : repair.end]) == ("’", "’")
    assert repair.line == text.count("\n", 0, repair.start) + 1


def test_a_character_cut_short_is_one_replacement_character_logged():
    raw, expected = _file("ko.utf_8-truncated.txt")
    text, _, repairs = decode_bytes(raw)
    assert text == expected
    at = raw.index("국".encode()[:2])
    [repair] = repairs
    assert repair.rule == "utf-8-invalid-bytes"
    assert repair.before == f"bytes 0xEA 0xB5 at byte offset {at}"
    assert text[repair.start : repair.end] == "\ufffd"


def test_a_stray_byte_among_korean_never_flips_the_file_to_cp949():
    korean = "정부는 국가 AI 컴퓨팅 센터에 GPU를 배치한다. " * 3
    for stray in (b"\x92", b"\xb1", b"\xc7\xd1"):
        raw = korean.encode() + stray + b" " + korean.encode()
        text, encoding, repairs = decode_bytes(raw)
        assert encoding == "utf-8"
        assert text.startswith(korean) and text.endswith(korean)
        assert [r.before.split(" at ")[0] for r in repairs] == [
            f"byte 0x{byte:02X}" for byte in stray
        ]


def test_more_than_a_few_bad_spots_is_not_utf_8_with_strays():
    raw = "한국 정책. ".encode() * 10 + b"\xff" * 4
    with pytest.raises(UnreadableSourceError):
        decode_bytes(raw)  # not UTF-8 with strays, and no legacy code page reads it plausibly


def test_c1_mojibake_in_short_utf_8_is_kept_for_the_repair_not_refused():
    raw = "Korea’s “K-AI” plan — 2026".encode().decode("latin-1").encode()
    text, encoding, _ = decode_bytes(raw)
    assert encoding == "utf-8"
    assert repair_mojibake(text)[0] == "Korea’s “K-AI” plan — 2026"


def test_utf_16_and_utf_32_without_a_bom_are_read_by_their_nul_bytes():
    text = "Korea’s AI plan: 한국 인공지능 계획\n"
    for codec, reason in (
        ("utf-16-le", "utf-16-nul-pattern"),
        ("utf-16-be", "utf-16-nul-pattern"),
        ("utf-32-le", "utf-32-nul-pattern"),
        ("utf-32-be", "utf-32-nul-pattern"),
    ):
        decoded = decode(text.encode(codec))
        assert (decoded.text, decoded.encoding, decoded.decided_by) == (text, codec, reason)


def test_count_lines_reads_uploads_as_the_decoder_does():
    assert count_lines("one\ntwo\n한국\n".encode("utf-16-le")) == 3
    assert count_lines(_file("ru.cp1251.txt")[0]) == 5


def test_a_meta_charset_that_reads_as_mojibake_is_overruled_by_utf_8():
    page = '<html><head><meta charset="iso-8859-1"></head><body>Café “AI” 2026</body></html>'
    decoded = decode(page.encode())
    assert (decoded.text, decoded.encoding) == (page, "utf-8")
    assert decoded.decided_by.startswith("utf-8 (meta charset=iso-8859-1 overruled: ")


def test_a_stale_legacy_label_on_a_utf_8_page_does_not_turn_it_into_mojibake():
    page = '<html><head><meta charset="euc-kr"></head><body>정부는 GPU를 배치한다</body></html>'
    decoded = decode(page.encode())
    assert (decoded.text, decoded.encoding) == (page, "utf-8")
    assert decoded.decided_by == "utf-8 (meta charset=euc-kr overruled: valid UTF-8)"


def test_a_meta_charset_the_bytes_do_not_follow_falls_back_to_detection():
    page = '<html><head><meta charset="utf-8"></head><body>Café – “quoted”</body></html>'
    decoded = decode(page.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (page, "windows-1252")


def test_iso_8859_1_and_us_ascii_labels_read_as_windows_1252_as_browsers_do():
    page = '<html><head><meta charset="ISO-8859-1"></head><body>l’IA – été</body></html>'
    decoded = decode(page.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (page, "windows-1252")
    assert decoded.decided_by == "meta charset=iso-8859-1"


def test_charset_normalizer_runs_once_per_file(monkeypatch):
    calls = []
    real = decoding.charset_normalizer.from_bytes

    def counting(raw, *args, **kwargs):
        calls.append(len(raw))
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(decoding.charset_normalizer, "from_bytes", counting)
    raw = "Правительство опубликует правила до января 2026 года, сообщило министерство.\n"
    raw = (raw * 3).encode("cp1251")
    count_lines(raw)  # an upload is measured, then ingested
    clean_bytes(raw)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"abc \x81\x20 def",
            "encoding not recognised (byte 0x81 at offset 4 is not valid UTF-8, and no other "
            "encoding reads it as likely text; the closest, cp866, gives 1 of 1 cyrillic letters "
            "alone or inside Latin words): re-save the file as UTF-8 and add it again",
        ),
        # The first byte that is not UTF-8 is 0xE9 (the old message named 0x81, the first byte
        # Windows-1252 lacks).
        (b"caf\xe9 \x81 x", "encoding not recognised (byte 0xE9 at offset 3 is not valid UTF-8"),
        (bytes(range(0x80, 0x100)) * 2, "encoding not recognised (byte 0x80 at offset 0 "),
        ("Korea’s AI".encode("utf-16")[:-1], "file starts with a UTF-16 byte order mark but "),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary, not text (it contains NUL"),
        (b"\x1b[31mred\x1b[0m and \x01\x02", "file is binary, not text (too many control"),
    ],
)
def test_unreadable_files_are_refused_saying_where_and_what_to_do(raw, message):
    with pytest.raises(UnreadableSourceError) as refusal:
        decode_bytes(raw)
    text = str(refusal.value)
    assert text.startswith(message)
    assert "\n" not in text
    assert text.rsplit(": ", 1)[1].startswith(("re-save", "give"))


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: p.name)
def test_correct_text_comes_out_of_clean_bytes_byte_for_byte(path):
    raw = path.read_bytes()
    cleaned = clean_bytes(raw)
    assert (cleaned.text, cleaned.encoding, cleaned.decided_by) == (raw.decode(), "utf-8", "utf-8")
    assert cleaned.text.encode() == raw
    assert cleaned.repairs == []


# Each correct/ text (the lines a code page can carry) in the legacy code pages it comes in.
LEGACY = [
    ("th", "cp874"),
    ("ko", "cp949"),
    ("ko", "utf-16-be"),
    ("zh", "gb18030"),
    ("ja", "cp932"),
    ("ja", "euc_jp"),
    ("ja", "iso2022_jp"),
    ("ru", "cp1251"),
    ("ru", "koi8_r"),
    ("ru", "cp866"),
    ("latin", "utf-16-le"),
]


@pytest.mark.parametrize(("name", "codec"), LEGACY, ids=lambda x: x)
def test_correct_text_in_a_legacy_code_page_reads_back_unchanged(name, codec):
    text = (CORPUS / "correct" / f"{name}.txt").read_text(encoding="utf-8")
    lines = [
        line
        for line in text.splitlines(keepends=True)
        if line.encode(codec, errors="ignore").decode(codec) == line
    ]
    carried = "".join(lines)
    assert len(carried) > len(text) / 4
    decoded = decode(carried.encode(codec))
    assert decoded.text == carried
    assert repair_mojibake(decoded.text) == (carried, [])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("abc Ѓ def", "1 of 1 cyrillic letters alone or inside Latin words"),
        ("cafщ Б x", "2 of 2 cyrillic letters alone or inside Latin words"),
        ("Ð¡ÐµÑƒÐ» Ð¾Ð±ÑŠÑÐ²Ð¸Ð» Ð¿Ð»Ð°Ð½", "mojibake (ftfy badness"),
        ("Правительство Κυβέρνηση ανακοίνωσε σχέδιο", "a mix of writing systems (greek "),
        ("text \ue000\ue001 more", "2 control, private-use, unassigned or box-drawing"),
        ("abc │ def ┤", "2 control, private-use, unassigned or box-drawing"),
    ],
)
def test_implausible_decodings_say_why(text, why):
    assert implausibility(text).startswith(why)


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: p.name)
def test_correct_text_in_every_script_is_plausible(path):
    assert implausibility(path.read_text(encoding="utf-8")) is None
