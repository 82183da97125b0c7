"""Turn a file's raw bytes into text: decide the encoding, refuse what is not text.

The encoding is decided by the first of these that applies, and the way it was decided is kept
(:func:`detect_encoding_with_reason`, ``DecodedText.decided_by``):

1. ``bom``: a UTF-8, UTF-16 or UTF-32 byte order mark.
2. ``utf-16-nul-pattern`` / ``utf-32-nul-pattern``: NUL bytes that sit in every second (fourth)
   byte, as ASCII characters do in UTF-16 (UTF-32) without a BOM; other NUL bytes are binary.
3. ``iso-2022 escapes``: 7-bit bytes holding ISO-2022-JP/KR designations (``ESC $ B``...).
4. ``meta charset=LABEL``: ``<meta charset>``, ``<meta http-equiv="Content-Type">`` or an XML
   declaration in the first 2 KB of bytes that look like HTML, labels mapped as browsers map
   them (WHATWG Encoding: euc-kr is Windows-949, gb2312/gbk are GB18030, shift_jis is
   Windows-31J, iso-8859-1 and us-ascii are Windows-1252), when the bytes decode under it
   and the text is plausible. Bytes that are valid UTF-8 with non-ASCII characters are read as
   UTF-8 whatever the label says (legacy text is almost never valid UTF-8 by chance, and a
   stale label left from before a site moved to UTF-8 is common); the overruled label is
   kept in the reason.
5. ``utf-8``: bytes that are valid UTF-8.
6. ``utf-8 with N bad byte sequence(s)``: UTF-8 with up to three spots that are not (a byte
   lost mid-character reads as U+FFFD; a lone byte between ASCII bytes, such as a Windows-1252
   apostrophe typed into a UTF-8 file, reads as Windows-1252); each is a logged repair naming
   the bytes and their offset, and the rest of the file is read as UTF-8, never flipped to a
   legacy code page.
7. ``charset-normalizer ENC (chaos .., coherence .., LANGUAGE)``: the first of
   charset-normalizer's candidates, among the encodings we support, whose text is plausible.

Guesses (2, 4 and 7) must pass :func:`implausibility`: no mojibake by ftfy's badness measure,
few control, private-use, unassigned or box-drawing characters, one writing system (Han may go
with kana or Hangul, Latin with anything), and letters of an alphabet (Cyrillic, Greek...) that
form words of their own rather than standing alone or inside Latin words. A guess that fails is
not used; when none is left the file is refused with the first byte that is not UTF-8 and its
offset. Valid UTF-8 is not second-guessed: mojibake inside it is the mojibake step's to repair.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
import unicodedata
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import charset_normalizer
from ftfy.badness import badness

from lib.cleaning.errors import UnreadableSourceError
from lib.cleaning.repair_log import LineCounter, Repair

MAX_CONTROL_CHAR_SHARE = 0.01
# Counted with one regex pass each, not a Python step per character. Unicode's control characters
# (category Cc, fixed by its stability policy: U+0000-U+001F and U+007F-U+009F) except tab,
# newline, form feed and carriage return, which text files use.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# UTF-8 read as Latin-1 and saved as UTF-8 again: a lead byte's letter (Â-ô) followed by the
# continuation bytes' characters (U+0080-U+00BF, C1 controls among them). ftfy repairs these;
# their C1 controls are mojibake, not a sign of a binary file.
LATIN1_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")

HEAD_BYTES = 2048
HTML_START = re.compile(rb"\s*<")
HTML_MARKERS = (b"<html", b"<head", b"<meta", b"<!doctype html", b"<body", b"<?xml")
META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE
)
XML_ENCODING = re.compile(rb"""<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-z0-9_.:-]+)""", re.IGNORECASE)
ISO_2022_DESIGNATION = re.compile(rb"\x1b(?:\$[@AB(]|\$\)C|\(J)")

# WHATWG Encoding labels (what browsers do with a declared charset) -> the Python codec we read
# the bytes with. UTF-16 labels in a <meta> of ASCII-compatible bytes mean UTF-8, as in browsers.
_LABEL_GROUPS: dict[str, tuple[str, ...]] = {
    "utf-8": ("utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
              "x-unicode20utf8", "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"),
    "windows-1252": ("windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                     "iso_8859-1", "iso_8859-1:1987", "iso88591", "latin1", "l1", "cp819",
                     "ibm819", "iso-ir-100", "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968"),
    "cp949": ("euc-kr", "euckr", "cp949", "windows-949", "ks_c_5601-1987", "ks_c_5601-1989",
              "ksc5601", "ksc_5601", "korean", "iso-ir-149", "csksc56011987", "csEUCKR"),
    "gb18030": ("gb18030", "gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312",
                "csiso58gb231280", "iso-ir-58", "x-gbk", "cp936", "windows-936"),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950"),
    "cp932": ("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "csshiftjis",
              "windows-31j", "cp932"),
    "euc_jp": ("euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese"),
    "iso2022_jp": ("iso-2022-jp", "csiso2022jp"),
    "cp1251": ("windows-1251", "cp1251", "x-cp1251"),
    "koi8_r": ("koi8-r", "koi8_r", "koi8", "koi", "cskoi8r"),
    "koi8_u": ("koi8-u", "koi8-ru"),
    "cp866": ("ibm866", "cp866", "866", "csibm866"),
    "cp874": ("windows-874", "cp874", "dos-874", "tis-620", "iso-8859-11", "iso8859-11"),
    "cp1250": ("windows-1250", "cp1250", "x-cp1250"),
    "cp1253": ("windows-1253", "cp1253", "x-cp1253"),
    "cp1254": ("windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "iso8859-9", "latin5"),
    "cp1255": ("windows-1255", "cp1255", "x-cp1255"),
    "cp1256": ("windows-1256", "cp1256", "x-cp1256"),
    "cp1257": ("windows-1257", "cp1257", "x-cp1257"),
    "cp1258": ("windows-1258", "cp1258", "x-cp1258"),
    "iso8859_2": ("iso-8859-2", "iso8859-2", "latin2"),
    "iso8859_5": ("iso-8859-5", "iso8859-5", "cyrillic"),
    "iso8859_7": ("iso-8859-7", "iso8859-7", "greek"),
    "iso8859_15": ("iso-8859-15", "iso8859-15", "latin9"),
}  # fmt: skip
LABELS = {label.lower(): codec for codec, labels in _LABEL_GROUPS.items() for label in labels}
# charset-normalizer's answers, normalised to the codec browsers would use for the same bytes
# (a superset that reads them the same) and limited to what real uploads come in: its DOS and
# Mac code pages and rarer guesses are left out, since on short text they win by chance.
SUPERSET = {
    "ascii": "windows-1252", "latin_1": "windows-1252", "iso8859_1": "windows-1252",
    "cp1252": "windows-1252", "euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "tis_620": "cp874", "iso8859_11": "cp874",
    "iso8859_9": "cp1254",
}  # fmt: skip
SUPPORTED = frozenset(
    {"utf_8", "windows-1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256"}
    | {"cp1257", "cp1258", "cp874", "cp866", "cp1125", "koi8_r", "koi8_u", "iso8859_2"}
    | {"iso8859_5", "iso8859_7", "iso8859_15", "cp949", "johab", "gb18030", "big5"}
    | {"big5hkscs", "cp950", "cp932", "euc_jp", "euc_jis_2004", "euc_jisx0213", "iso2022_jp"}
    | {"iso2022_jp_2", "iso2022_kr"}
)  # UTF-16/32 without a BOM only by their NUL bytes: on text without NULs it is a wild guess
# A candidate is named by the more common codec below when that reads the bytes the same.
SAME_TEXT_NAMES = {
    "cp1125": "cp866", "koi8_u": "koi8_r", "euc_jis_2004": "euc_jp", "euc_jisx0213": "euc_jp",
    "big5hkscs": "big5", "cp950": "big5",
}  # fmt: skip

# The UTF-8 stray-byte path: a file is UTF-8 with a few bad bytes, not a legacy code page, when
# at most this many spots are bad and valid multi-byte characters outnumber them this much.
MAX_STRAY_SPOTS = 3
MIN_VALID_PER_STRAY = 3

# NUL bytes as UTF-16/UTF-32 without a BOM spell them: this share of code units (at least) has a
# NUL byte on one side, and the other side has at most this share of the NULs.
MIN_NUL_UNIT_SHARE = 0.05
MAX_OTHER_SIDE_NUL_SHARE = 0.1

# Plausibility of a guessed decoding.
MAX_ODD_CHAR_SHARE = 0.01  # control, private-use, unassigned characters, U+FFFD, box drawing
# U+FFFD, and the box-drawing and block characters that DOS and KOI8 code pages put where
# other code pages have letters (a wrong guess shows them; article text has none).
ODD_SYMBOLS = frozenset("\ufffd" + "".join(map(chr, range(0x2500, 0x25A0))))
MAX_BADNESS_SHARE = 0.01  # ftfy badness matches per non-ASCII character
BADNESS_SAMPLE_CHUNKS, BADNESS_SAMPLE_CHUNK = 16, 4096  # longer texts are measured on a sample
MAX_FOREIGN_LETTER_SHARE = 0.05  # letters outside the main writing system and its partners
MAX_ISOLATED_LETTER_SHARE = 0.5  # letters of an alphabet alone or glued to Latin letters
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x00C0, 0x024F, "latin"), (0x1E00, 0x1EFF, "latin"), (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"), (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"), (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x30FF, "kana"), (0x31F0, 0x31FF, "kana"), (0xFF66, 0xFF9F, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"),
    (0x20000, 0x3FFFF, "han"),
)  # fmt: skip
PARTNERS = {"han": {"kana", "hangul"}, "kana": {"han"}, "hangul": {"han"}}
# Alphabets whose words are runs of letters: a text in one has few letters standing alone.
ALPHABET_LETTER = {
    "greek": r"\u0370-\u03ff\u1f00-\u1fff",
    "cyrillic": r"\u0400-\u052f",
    "armenian": r"\u0530-\u058f",
    "hebrew": r"\u0590-\u05ff",
    "arabic": r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
}
# A letter of such an alphabet with no letter beside it, or glued to a Latin letter ("cafщ").
ISOLATED = {
    script: re.compile(
        rf"(?<![^\W\d_])[{letters}](?![^\W\d_])|(?<=[A-Za-z])[{letters}]|[{letters}](?=[A-Za-z])"
    )
    for script, letters in ALPHABET_LETTER.items()
}
DECISION_CACHE_SIZE = 16


@dataclass
class DecodedText:
    """Decoded text (LF line endings), the codec it was read with, how that was decided, and
    the repairs made while decoding (stray bytes, line endings)."""

    text: str
    encoding: str
    decided_by: str
    repairs: list[Repair] = field(default_factory=list)


def _control_char_share(text: str) -> float:
    return len(CONTROL_CHARS.findall(text)) / max(len(text), 1)


def _script(ch: str) -> str:
    code = ord(ch)
    for low, high, name in SCRIPT_RANGES:
        if low <= code <= high:
            return name
    return "other"


def _badness_sample(text: str) -> str:
    """``text``, or evenly spaced chunks of it when it is long: ftfy's badness regex takes about
    a microsecond per character, and the share it measures is the same in a fair sample."""
    if len(text) <= BADNESS_SAMPLE_CHUNKS * BADNESS_SAMPLE_CHUNK:
        return text
    step = len(text) // BADNESS_SAMPLE_CHUNKS
    return "\n".join(
        text[start : start + BADNESS_SAMPLE_CHUNK] for start in range(0, len(text), step)
    )


def implausibility(text: str) -> str | None:
    """Why ``text`` is unlikely to be a correct decoding, or None when it is plausible.

    Counts characters once (``collections.Counter`` runs in C); the Python work is per distinct
    character, so it is linear in the text and small for any script.
    """
    counts = Counter(text)
    non_ascii = sum(n for ch, n in counts.items() if ch >= "\x80")
    if not non_ascii:
        return None
    odd = 0
    letters: Counter[str] = Counter()
    for ch, n in counts.items():
        if ch < "\x80":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cn", "Cs") or ch in ODD_SYMBOLS:
            odd += n
        elif category.startswith("L"):
            letters[_script(ch)] += n
    if odd > MAX_ODD_CHAR_SHARE * non_ascii:
        return f"{odd} control, private-use, unassigned or box-drawing characters"
    sample = _badness_sample(text)
    bad = badness(sample)
    if bad > MAX_BADNESS_SHARE * (non_ascii if sample is text else _count_non_ascii(sample)):
        return f"mojibake (ftfy badness {bad})"
    if not letters:
        return None
    main, main_count = letters.most_common(1)[0]
    allowed = {main, "latin"} | PARTNERS.get(main, set())
    foreign = sum(n for script, n in letters.items() if script not in allowed)
    if foreign > MAX_FOREIGN_LETTER_SHARE * sum(letters.values()):
        mix = ", ".join(f"{script} {n}" for script, n in letters.most_common(4))
        return f"a mix of writing systems ({mix} letters)"
    if main in ISOLATED:
        isolated = len(ISOLATED[main].findall(text))
        if isolated > MAX_ISOLATED_LETTER_SHARE * main_count:
            return f"{isolated} of {main_count} {main} letters alone or inside Latin words"
    return None


def _first_utf8_error(raw: bytes) -> tuple[int, int] | None:
    """Offset and value of the first byte that is not valid UTF-8, or None."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start, raw[err.start]
    return None


def _first_error(raw: bytes, codec: str) -> str:
    """Where ``codec`` first fails on ``raw``: ``"0x81 at offset 4"``."""
    try:
        raw.decode(codec)
    except UnicodeDecodeError as err:
        return f"0x{raw[err.start]:02X} at offset {err.start}"
    return "(none)"


def _undecodable(raw: bytes, why: str) -> UnreadableSourceError:
    first = _first_utf8_error(raw)
    where = (
        f"byte 0x{first[1]:02X} at offset {first[0]} is not valid UTF-8"
        if first is not None
        else "the bytes are not valid UTF-8"
    )
    return UnreadableSourceError(
        f"encoding not recognised ({where}, and {why}): re-save the file as UTF-8 and add it again"
    )


def _bom(raw: bytes) -> str | None:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _nul_pattern(raw: bytes) -> tuple[str, str] | None:
    """UTF-16/UTF-32 without a BOM, told by where its NUL bytes sit; None for other NULs."""
    size = len(raw)
    if size % 4 == 0:
        units = size // 4
        for codec, zero, high in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
            if raw[zero::4].count(0) == units and raw[high::4].count(0) * 2 >= units:
                return codec, "utf-32-nul-pattern"
    if size % 2:
        return None
    units = size // 2
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if odd >= MIN_NUL_UNIT_SHARE * units and even <= MAX_OTHER_SIDE_NUL_SHARE * odd:
        return "utf-16-le", "utf-16-nul-pattern"
    if even >= MIN_NUL_UNIT_SHARE * units and odd <= MAX_OTHER_SIDE_NUL_SHARE * even:
        return "utf-16-be", "utf-16-nul-pattern"
    return None


def _declared_charset(raw: bytes) -> tuple[str, str] | None:
    """The codec a ``<meta>`` (or XML) declaration names in HTML-looking bytes, and its label."""
    head = raw[:HEAD_BYTES]
    if not HTML_START.match(head):
        return None
    lowered = head.lower()
    if not any(marker in lowered for marker in HTML_MARKERS):
        return None
    found = META_CHARSET.search(head) or XML_ENCODING.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    codec = LABELS.get(label)
    return (codec, label) if codec else None


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _iso_2022(raw: bytes) -> tuple[str, str] | None:
    if not raw.isascii() or not ISO_2022_DESIGNATION.search(raw):
        return None
    codecs_to_try = ("iso2022_kr",) if b"\x1b$)C" in raw else ("iso2022_jp", "iso2022_jp_2")
    for codec in codecs_to_try:
        if _strict(raw, codec) is not None:
            return codec, "iso-2022 escapes"
    return None


@dataclass
class _Stray:
    start: int  # byte offsets of one bad spot
    end: int
    replacement: str
    rule: str


def _stray_spots(raw: bytes) -> list[_Stray] | None:
    """The bad spots of UTF-8 with a few stray bytes, or None when the bytes are not that.

    Decodes at most ``MAX_STRAY_SPOTS + 1`` times, from each bad spot on: linear work. A lone
    byte between ASCII bytes that Windows-1252 reads as a printable character is read so (an
    apostrophe typed in the wrong editor); any other bad spot (a character cut short) becomes
    one U+FFFD, as Python's "replace" handler reads it.
    """
    spots: list[_Stray] = []
    valid = 0
    position = 0
    while True:
        try:
            valid += _count_non_ascii(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as err:
            valid += _count_non_ascii(raw[position : position + err.start].decode("utf-8"))
            start, end = position + err.start, position + err.end
        if len(spots) == MAX_STRAY_SPOTS:
            return None
        spots.append(_classify_stray(raw, start, end))
        position = end
    if valid < MIN_VALID_PER_STRAY * max(len(spots), 1):
        return None
    return spots


def _count_non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _classify_stray(raw: bytes, start: int, end: int) -> _Stray:
    before = raw[start - 1] if start else 0x20
    after = raw[end] if end < len(raw) else 0x20
    if end - start == 1 and before < 0x80 and after < 0x80:
        char = _strict(raw[start:end], "cp1252")
        if char is not None and char.isprintable():
            return _Stray(start, end, char, "utf-8-stray-windows-1252-byte")
    return _Stray(start, end, "\ufffd", "utf-8-invalid-bytes")


def _decode_stray(raw: bytes, spots: list[_Stray]) -> tuple[str, list[Repair]]:
    pieces: list[str] = []
    places: list[tuple[int, _Stray]] = []
    cursor = chars = 0
    for spot in spots:
        piece = raw[cursor : spot.start].decode("utf-8")
        pieces += [piece, spot.replacement]
        chars += len(piece)
        places.append((chars, spot))
        chars += len(spot.replacement)
        cursor = spot.end
    pieces.append(raw[cursor:].decode("utf-8"))
    text = "".join(pieces)
    lines = LineCounter(text)
    repairs = [
        Repair(
            "decode",
            spot.rule,
            lines.line_at(at),
            at,
            at + len(spot.replacement),
            ("byte " if spot.end - spot.start == 1 else "bytes ")
            + " ".join(f"0x{b:02X}" for b in raw[spot.start : spot.end])
            + f" at byte offset {spot.start}",
            spot.replacement,
        )
        for at, spot in places
    ]
    return text, repairs


def _charset_normalizer(raw: bytes) -> tuple[str, str, str]:
    """The first plausible supported candidate of charset-normalizer: codec, reason, text."""
    matches = charset_normalizer.from_bytes(raw)
    rejected: list[str] = []
    for match in matches:
        codec = SUPERSET.get(match.encoding, match.encoding)
        if codec not in SUPPORTED:
            continue
        text = _strict(raw, codec)
        if text is None:
            rejected.append(f"{codec}, cannot read byte {_first_error(raw, codec)}")
            continue
        for simpler in (SAME_TEXT_NAMES.get(codec), "windows-1252"):
            if simpler and simpler != codec and _strict(raw, simpler) == text:
                codec = simpler  # e.g. cp1250 on text that Windows-1252 reads the same
                break
        problem = implausibility(text)
        if problem:
            rejected.append(f"{codec}, gives {problem}")
            continue
        reason = (
            f"charset-normalizer {codec} (chaos {match.chaos:.2f}, "
            f"coherence {match.coherence:.2f}, {match.language})"
        )
        return codec, reason, text
    why = "no other encoding reads it as likely text"
    if rejected:
        why += f"; the closest, {rejected[0]}"
    raise _undecodable(raw, why)


# The last few decisions, by a digest of the bytes: an upload is measured (``detect_encoding``)
# and then decoded, and charset-normalizer should run once per file.
_DECISIONS: OrderedDict[bytes, tuple[str, str]] = OrderedDict()
_DECISIONS_LOCK = threading.Lock()


def _decide(raw: bytes) -> tuple[str, str, str | None]:
    """Codec, how it was decided, and the text when deciding decoded it already.

    The codec ``"utf-8"`` with a reason starting ``"utf-8 with"`` means stray bytes, decoded by
    :func:`_decode_stray`. Raises UnreadableSourceError for empty, binary or undecodable bytes.
    """
    if not raw.strip():
        raise UnreadableSourceError("file is empty: give a file with the article text")
    key = hashlib.blake2b(raw, digest_size=16).digest()
    with _DECISIONS_LOCK:
        cached = _DECISIONS.get(key)
    if cached is not None:
        return cached[0], cached[1], None
    codec, reason, text = _decide_uncached(raw)
    with _DECISIONS_LOCK:
        _DECISIONS[key] = (codec, reason)
        while len(_DECISIONS) > DECISION_CACHE_SIZE:
            _DECISIONS.popitem(last=False)
    return codec, reason, text


def _decide_uncached(raw: bytes) -> tuple[str, str, str | None]:
    bom = _bom(raw)
    if bom:
        try:
            return bom, "bom", raw.decode(bom)
        except UnicodeDecodeError as err:
            raise UnreadableSourceError(
                f"file starts with a {bom.upper()} byte order mark but byte "
                f"0x{raw[err.start]:02X} at offset {err.start} is not {bom.upper()}: "
                "re-save the file as UTF-8 and add it again"
            ) from None
    if b"\x00" in raw:
        pattern = _nul_pattern(raw)
        text = _strict(raw, pattern[0]) if pattern else None
        if pattern is None or text is None or implausibility(text):
            raise UnreadableSourceError(
                "file is binary, not text (it contains NUL bytes): "
                "give a .txt, .md or .html article"
            )
        return pattern[0], pattern[1], text
    iso = _iso_2022(raw)
    if iso:
        return iso[0], iso[1], None
    declared = _declared_charset(raw)
    utf8 = _strict(raw, "utf-8")
    overruled = ""
    if declared and utf8 is not None and declared[0] == "utf-8":
        return "utf-8", f"meta charset={declared[1]}", utf8
    if declared and utf8 is not None and not raw.isascii():
        # Legacy text is almost never valid UTF-8 by chance; a stale label is common.
        return "utf-8", f"utf-8 (meta charset={declared[1]} overruled: valid UTF-8)", utf8
    if declared:
        text = _strict(raw, declared[0])
        problem = implausibility(text) if text is not None else "bytes it cannot read"
        if not problem:
            return declared[0], f"meta charset={declared[1]}", text
        overruled = f" (meta charset={declared[1]} overruled: as {declared[0]} it gives {problem})"
    if utf8 is not None:
        return "utf-8", "utf-8" + overruled, utf8
    spots = _stray_spots(raw)
    if spots is not None:
        return "utf-8", f"utf-8 with {len(spots)} bad byte sequence(s){overruled}", None
    codec, reason, text = _charset_normalizer(raw)
    return codec, reason + overruled, text


def detect_encoding_with_reason(raw: bytes) -> tuple[str, str]:
    """Name the codec of ``raw`` and how it was decided (``"bom"``, ``"meta charset=euc-kr"``,
    ``"utf-8"``, ``"utf-16-nul-pattern"``, ``"charset-normalizer cp1251 (chaos ...)"``...).

    Raises UnreadableSourceError for empty, binary or undecodable bytes.
    """
    codec, reason, _ = _decide(raw)
    return codec, reason


def detect_encoding(raw: bytes) -> str:
    """Name the codec of ``raw`` (a name ``bytes.decode`` accepts), as :func:`decode` reads it.

    Raises UnreadableSourceError for empty, binary or undecodable bytes.
    """
    return _decide(raw)[0]


def decode(raw: bytes) -> DecodedText:
    """Decode ``raw`` to text with LF line endings, saying how the encoding was decided.

    Repairs log UTF-8 stray bytes (byte values and offset) and the line-ending normalisation.
    Raises UnreadableSourceError when the bytes are not text.
    """
    codec, reason, text = _decide(raw)
    repairs: list[Repair] = []
    if reason.startswith("utf-8 with"):
        text, repairs = _decode_stray(raw, _stray_spots(raw) or [])
    elif text is None:
        text = raw.decode(codec)
    if codec in ("utf-16", "utf-32", "utf-8-sig"):
        text = text.lstrip("\ufeff")
    mojibake_c1 = LATIN1_MOJIBAKE.sub("", text) if codec.startswith("utf-8") else text
    if _control_char_share(mojibake_c1) > MAX_CONTROL_CHAR_SHARE:
        raise UnreadableSourceError(
            "file is binary, not text (too many control characters): "
            "give a .txt, .md or .html article"
        )
    if not text.strip():
        raise UnreadableSourceError(
            "file has no text (only whitespace): give a file with the article text"
        )
    if "\r" in text:
        count = len(re.findall(r"\r\n?", text))
        text = re.sub(r"\r\n?", "\n", text)
        repairs.append(
            Repair("decode", "line-endings", 1, 0, 0, f"{count} CR/CRLF line endings", "LF")
        )
    return DecodedText(text, codec, reason, repairs)


def decode_bytes(raw: bytes) -> tuple[str, str, list[Repair]]:
    """Decode ``raw`` to text with LF line endings: ``(text, encoding, repairs)``.

    ``encoding`` is a codec name ``bytes.decode`` accepts; :func:`decode` also says how it was
    decided. Raises UnreadableSourceError when the bytes are not text.
    """
    decoded = decode(raw)
    return decoded.text, decoded.encoding, decoded.repairs
