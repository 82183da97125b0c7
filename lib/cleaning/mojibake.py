"""Repair mojibake: ftfy for the common cases, plus UTF-8 read through the Thai code page.

``000_ab1ee7e039089319.txt`` is UTF-8 that was decoded with Windows-874 for bytes 0xA0-0xFF and
Windows-1252 for bytes 0x80-0x9F (``Korea’s`` became ``Koreaโ€™s``); byte 0x9D, undefined in
Windows-1252, was lost on the way, leaving ``โ€`` where a closing double quote stood. ftfy does
not know this code page, so :func:`repair_thai_codepage` re-encodes each suspicious run of
characters to bytes and decodes it as UTF-8, run by run, so correct text around it is untouched.

A repair fires only where it makes the text more plausible, so correct text in any script comes
out unchanged: ftfy's change to a line is kept only when it lowers ftfy's badness measure (plus
control characters) of that line, and a Thai run is re-read only when it cannot be Thai as
written (a tone mark or vowel sign with no consonant to sit on, a leading vowel with no
consonant after it, a Windows-1252 sign that Thai text never has) and its UTF-8 reading is
common text (no rare or combining characters, no higher badness). Real Thai such as ``ใจกลาง``,
whose bytes happen to be valid UTF-8 for CJK Extension A, is left alone.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import badness, is_bad

from lib.cleaning.decoding import CONTROL_CHARS
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

# Thai orthography, as far as it tells real Thai from UTF-8 bytes read as Windows-874.
THAI_CONSONANTS = frozenset(map(chr, range(0x0E01, 0x0E2F)))  # ก-ฮ (ฤ, ฦ among them)
# Vowel signs above/below and tone marks: written on a consonant (or on another such mark).
THAI_MARKS = frozenset(
    "\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F)))
)
THAI_LEADING_VOWELS = frozenset("เแโใไ")  # written before the consonant they follow in speech
# Windows-1252 signs in the hybrid that Windows-874 does not have (Thai text never holds them),
# e.g. ™ ‚ „ † ‰ Š œ ž.
NOT_IN_CP874 = frozenset(ch for ch in CP1252_RANGE if ch.encode("cp874", errors="ignore") == b"")
# What a UTF-8 reading may give to count as common text: a rare block (CJK Extension A),
# a combining mark or an unassigned/private-use character means the run was not UTF-8.
RARE_DECODED = re.compile(r"[\u3400-\u4dbf\u0300-\u036f\ue000-\uf8ff]")


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


def cannot_be_thai(run: str) -> bool:
    """True when ``run`` breaks Thai spelling: a mark with no consonant (or mark) before it, a
    leading vowel with no consonant after it, or a Windows-1252 sign Windows-874 lacks.

    Real Thai keeps all three rules; UTF-8 read through Windows-874 breaks one almost always,
    since every UTF-8 lead byte of Hangul (0xEA-0xED) reads as a tone mark and every lead byte
    of curly quotes and dashes (0xE2) as the leading vowel โ followed by a sign (0x80-0x9F).
    """
    previous = ""
    for index, ch in enumerate(run):
        if ch in NOT_IN_CP874:
            return True
        if ch in THAI_MARKS and not (previous in THAI_CONSONANTS or previous in THAI_MARKS):
            return True
        if ch in THAI_LEADING_VOWELS and run[index + 1 : index + 2] not in THAI_CONSONANTS:
            return True
        previous = ch
    return False


def _decode_run(run: str, followed_by_space_or_end: bool) -> tuple[str, str] | None:
    """Decode one run of hybrid characters as UTF-8 bytes, or None when it is not mojibake.

    Returns ``(decoded, rule)``. Characters are decoded one UTF-8 sequence at a time; bytes that
    were lost on the way (Windows-1252 cannot carry 0x81, 0x8D, 0x8F, 0x90, 0x9D) leave their
    neighbours as they were, except a closing double quote cut short before a space, which is
    restored. A run is repaired only when it makes the text more plausible: the run cannot be
    Thai as written (:func:`cannot_be_thai`), most of its bytes decode, and the decoded text
    is common text no worse by ftfy's badness measure than the run.
    """
    if not cannot_be_thai(run):
        return None
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
    if RARE_DECODED.search(decoded) or badness(decoded) > badness(run):
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


def implausible_count(text: str) -> int:
    """ftfy's badness of ``text`` (unlikely character sequences, as mojibake makes them) plus
    its control characters: the measure a repair must lower to be kept."""
    return badness(text) + len(CONTROL_CHARS.findall(text))


def _may_be_implausible(text: str) -> bool:
    """Whether :func:`implausible_count` of ``text`` is above 0, found without counting.

    A repair is kept only when it lowers that count, so a line at 0 keeps every character and
    ftfy need not run on it: the check costs a fraction of ftfy's time on a line. (It is asked
    line by line: on a whole text it scans up to the first oddity, which in a long text that
    has one is most of it.)
    """
    return is_bad(text) or CONTROL_CHARS.search(text) is not None


def repair_with_ftfy(text: str, known_clean: set[str] | None = None) -> tuple[str, list[Repair]]:
    """Run ftfy line by line (curly quotes kept) and log each line it changed.

    A change is kept only when it lowers :func:`implausible_count`; ftfy's other changes to
    correct text (a U+2028 turned into a newline, say) are not mojibake repairs and are dropped.

    Lines in ``known_clean`` are not fixed again; when a set is given, every line ftfy leaves
    unchanged is added to it, and so is every fixed line that is proven a fixed point too
    (ftfy's output is not always one), so that the next pass does not run ftfy on it again.
    """
    repairs: list[Repair] = []
    if text.isascii():  # every line would be skipped: none is read one by one
        return text, repairs
    pieces: list[str] = []
    offset = 0
    skip = known_clean if known_clean is not None else set()
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        untouched = line.isascii() or line in skip or not _may_be_implausible(line)
        fixed = line if untouched else ftfy.fix_text(line, FTFY_CONFIG)
        if fixed != line and implausible_count(fixed) >= implausible_count(line):
            fixed = line  # not more plausible: correct text is left as it is
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
