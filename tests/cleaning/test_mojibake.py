import re
from pathlib import Path

import pytest

from lib.cleaning.mojibake import repair_mojibake, repair_thai_codepage
from tests.conftest import SOURCE_IDS, thai_mojibake

MOJIBAKE_MARKERS = re.compile(r"โ€|â€|Ã[\x80-\xbf¡-¿]|ï»¿|\ufffd|ํ•|์ง")


def test_000_repair_log(corpus):
    repairs = [r for r in corpus.sources["000_ab1ee7e039089319"].repairs if r.step == "mojibake"]
    assert len(repairs) == 31
    assert {r.rule for r in repairs} == {"utf8-as-windows-874", "utf8-as-windows-874-lost-byte"}
    pairs = [(r.before, r.after) for r in repairs]
    assert pairs.count(("โ€™", "’")) == 16
    assert pairs.count(("โ€˜", "‘")) == 3
    assert pairs.count(("โ€œ", "“")) == 4
    assert pairs.count(("โ€", "”")) == 4  # the lost 0x9D byte, restored before a space
    assert pairs.count(("โ€“", "–")) == 4
    first = repairs[0]
    assert (first.line, first.before, first.after) == (6, "โ€™", "’")
    raw = Path("data/sources/000_ab1ee7e039089319.txt").read_text(encoding="utf-8")
    assert all(raw[r.start : r.end] == r.before for r in repairs)


def test_000_cleaned_text(corpus):
    text = corpus.sources["000_ab1ee7e039089319"].text
    assert "The recent collapse of the “K-AI” revival program" in text
    assert "a figure that’s sparked a national reckoning" in text
    assert "Korean tech ambition – it’s a stark warning" in text
    assert text.startswith("AI Korea: Second Chance & Industry’s Hesitation\n")  # correct text kept


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_no_mojibake_remains(corpus, source_id):
    text = corpus.sources[source_id].text
    assert not MOJIBAKE_MARKERS.search(text), MOJIBAKE_MARKERS.search(text)
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in text)  # no Thai letters left


def test_ftfy_fixes_windows_1252_mojibake_and_keeps_curly_quotes():
    fixed, repairs = repair_mojibake("Koreaâ€™s â€œK-AIâ€\x9d plan and a real “quote”\n")
    assert fixed == "Korea’s “K-AI” plan and a real “quote”\n"
    assert [r.rule for r in repairs] == ["ftfy"]


def test_thai_codepage_repair_of_hangul():
    fixed, _ = repair_thai_codepage(thai_mojibake("한국 정책 “AI”") + " next")
    assert fixed == "한국 정책 “AI” next"


@pytest.mark.parametrize("thai", ["เก๋งกว่า", "สวัสดีครับ ยกเลิก “ok”", "ภาษาไทย"])
def test_real_thai_text_is_left_alone(thai):
    assert repair_mojibake(thai) == (thai, [])
