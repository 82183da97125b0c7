import pytest

from lib.cleaning.decoding import UnreadableSourceError, decode_bytes, detect_encoding

KOREAN = "한국의 인공지능 정책과 소버린 AI 모델 개발 현황"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("Korea’s AI".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Korea’s AI".encode(), "utf-8-sig"),
        (KOREAN.encode("cp949"), "cp949"),
        (KOREAN.encode("euc-kr"), "cp949"),
        ("Caf\u00e9 \u2013 \u201cquoted\u201d".encode("windows-1252"), "windows-1252"),
        ("Korea’s AI".encode("utf-16"), "utf-16"),
    ],
)
def test_detects_encoding(raw, encoding):
    assert detect_encoding(raw) == encoding


def test_decodes_cp949_hangul():
    text, encoding, _ = decode_bytes(KOREAN.encode("cp949"))
    assert (text, encoding) == (KOREAN, "cp949")


def test_decodes_windows_1252_curly_quotes():
    text, _, _ = decode_bytes("Caf\u00e9 \u2013 \u201cquoted\u201d".encode("windows-1252"))
    assert text == "Café – “quoted”"


def test_bom_is_dropped():
    text, _, _ = decode_bytes(b"\xef\xbb\xbfHello")
    assert text == "Hello"


def test_crlf_becomes_lf_and_is_logged():
    text, _, repairs = decode_bytes(b"a\r\nb\rc\n")
    assert text == "a\nb\nc\n"
    assert [(r.rule, r.before) for r in repairs] == [("line-endings", "2 CR/CRLF line endings")]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\t ", "file is empty"),
        (bytes(range(256)) * 4, "file is binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary"),
        (b"abc \x81\x20 def", "encoding not recognised (byte 0x81 at offset 4"),
        (b"\x01\x02\x03\x04 text \x05\x06\x07\x08", "file is binary"),
    ],
)
def test_unreadable_bytes_raise_one_line_errors(raw, message):
    with pytest.raises(UnreadableSourceError) as caught:
        decode_bytes(raw)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert ": " in str(caught.value)  # says what to do after the colon
