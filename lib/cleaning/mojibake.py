"""Repair mojibake: ftfy for the common cases, plus UTF-8 read through the Thai code page.

``000_ab1ee7e039089319.txt`` is UTF-8 that was decoded with Windows-874 for bytes 0xA0-0xFF and
Windows-1252 for bytes 0x80-0x9F (``Korea’s`` became ``Koreaโ€™s``); byte 0x9D, undefined in
Windows-1252, was lost on the way, leaving ``โ€`` where a closing double quote stood. ftfy does
not know this code page, so :func:`repair_thai_codepage` re-encodes each suspicious run of
characters to bytes and decodes it as UTF-8, run by run, so correct text around it is untouched.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

from lib.cleaning.repair_log import LineCounter, Repair

FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # real curly quotes are kept
    unescape_html=False,  # "&amp;" in a .txt is the text as written
    fix_latin_ligatures=False,
    fix_character_width=False,  # full-width CJK punctuation is correct text
    normalization=None,  # keep the text's own normal form
    explain=False,
)


def _thai_hybrid_table() -> dict[str, int]:
    """Map each character of the Windows-874 / Windows-1252 hybrid to the byte it came from."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        codecs_in_order = ("cp1252", "cp874") if byte < 0xA0 else ("cp874",)
        for codec in codecs_in_order:
            try:
                table.setdefault(bytes([byte]).decode(codec), byte)
                break
            except UnicodeDecodeError:
                continue
    return table


HYBRID_BYTE_OF = _thai_hybrid_table()
HYBRID_RUN = re.compile("[" + re.escape("".join(HYBRID_BYTE_OF)) + "]+")
# Bytes that Windows-1252 leaves undefined: a decoder that drops them loses them for good.
LOST_BYTE_GUESS = {b"\xe2\x80": b"\x9d"}  # E2 80 9D is the closing double quote ”
LOST_TAIL_MAX = max(len(tail) for tail in LOST_BYTE_GUESS)
CP1252_RANGE = frozenset(ch for ch, byte in HYBRID_BYTE_OF.items() if byte < 0xA0)


def _utf8_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _is_printable(ch: str) -> bool:
    return ord(ch) >= 0xA0 and unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cn")


def _is_hangul_or_cjk(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3000" <= ch <= "\u9fff"


def _decode_run(run: str, followed_by_space_or_end: bool) -> tuple[str, str] | None:
    """Decode one run of hybrid characters as UTF-8 bytes, or None when it is not mojibake.

    Returns ``(decoded, rule)``. Characters are decoded one UTF-8 sequence at a time; bytes that
    were lost on the way (Windows-1252 cannot carry 0x81, 0x8D, 0x8F, 0x90, 0x9D) leave their
    neighbours as they were, except a closing double quote cut short before a space, which is
    restored. Real Thai text rarely decodes as UTF-8, and to be sure it is left alone a run is
    repaired only when most of its bytes decode, and it holds a Windows-1252 character (Thai
    text has none) or decodes to Hangul or CJK.
    """
    raw = bytes(HYBRID_BYTE_OF[ch] for ch in run)
    out: list[str] = []
    decoded_bytes, index, rule = 0, 0, "utf8-as-windows-874"
    while index < len(raw):
        length = _utf8_length(raw[index])
        if length and index + length <= len(raw):
            try:
                char = raw[index : index + length].decode("utf-8")
            except UnicodeDecodeError:
                char = ""
            if char and _is_printable(char):
                out.append(char)
                decoded_bytes += length
                index += length
                continue
        # Only a run's last bytes can be a cut-short sequence: look at them alone, never copying
        # the rest of a long run for each undecodable byte.
        tail = raw[index:] if len(raw) - index <= LOST_TAIL_MAX else b""
        if tail in LOST_BYTE_GUESS and followed_by_space_or_end:
            out.append((tail + LOST_BYTE_GUESS[tail]).decode("utf-8"))
            decoded_bytes += len(tail)
            rule = "utf8-as-windows-874-lost-byte"
            break
        out.append(run[index])
        index += 1
    decoded = "".join(out)
    if decoded_bytes == 0 or decoded_bytes * 2 < len(raw):
        return None
    if not (set(run) & CP1252_RANGE or any(_is_hangul_or_cjk(ch) for ch in decoded)):
        return None
    return decoded, rule


def repair_thai_codepage(text: str) -> tuple[str, list[Repair]]:
    """Undo UTF-8-read-as-Windows-874 mojibake run by run; return the text and its repairs."""
    repairs: list[Repair] = []
    pieces: list[str] = []
    cursor = 0
    lines = LineCounter(text)
    for match in HYBRID_RUN.finditer(text):
        run = match.group()
        if not any(_utf8_length(HYBRID_BYTE_OF[ch]) for ch in run):
            continue
        after = text[match.end() : match.end() + 1]
        result = _decode_run(run, after == "" or after.isspace())
        if result is None:
            continue
        decoded, rule = result
        pieces.append(text[cursor : match.start()])
        pieces.append(decoded)
        cursor = match.end()
        repairs.append(
            Repair(
                "mojibake",
                rule,
                lines.line_at(match.start()),
                match.start(),
                match.end(),
                run,
                decoded,
            )
        )
    if not repairs:
        return text, repairs
    pieces.append(text[cursor:])
    return "".join(pieces), repairs


def _settled(line: str, fixed: str) -> bool:
    """True when ftfy, given ``fixed`` (its output for ``line``), would return it unchanged.

    ftfy fixes each segment (a piece of text up to a newline, at most ``max_decode_length``
    long) by applying its fixes again until a round changes nothing, so its output for a segment
    is a fixed point, as long as that output is read back as the same one segment.
    """
    limit = FTFY_CONFIG.max_decode_length
    return len(line) <= limit and len(fixed) <= limit and "\n" not in fixed[:-1]


def repair_with_ftfy(text: str, known_clean: set[str] | None = None) -> tuple[str, list[Repair]]:
    """Run ftfy line by line (curly quotes kept) and log each line it changed.

    Lines in ``known_clean`` are not fixed again; when a set is given, every line ftfy leaves
    unchanged is added to it, and so is every fixed line that is proven a fixed point too
    (ftfy's output is not always one), so that the next pass does not run ftfy on it again.
    """
    repairs: list[Repair] = []
    pieces: list[str] = []
    offset = 0
    skip = known_clean if known_clean is not None else set()
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        fixed = line if line.isascii() or line in skip else ftfy.fix_text(line, FTFY_CONFIG)
        if fixed == line:
            skip.add(line)
        if fixed != line:
            repairs.append(
                Repair("mojibake", "ftfy", number, offset, offset + len(line), line, fixed)
            )
            if _settled(line, fixed):
                skip.add(fixed)
        pieces.append(fixed)
        offset += len(line)
    return "".join(pieces), repairs


def repair_mojibake(text: str, known_clean: set[str] | None = None) -> tuple[str, list[Repair]]:
    """Repair all mojibake in ``text``: ftfy first, then the Thai code page runs.

    ``known_clean`` lines skip ftfy, the costly part; lines ftfy leaves unchanged join the set.
    """
    text, ftfy_repairs = repair_with_ftfy(text, known_clean)
    text, thai_repairs = repair_thai_codepage(text)
    return text, ftfy_repairs + thai_repairs
