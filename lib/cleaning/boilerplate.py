"""Strip site boilerplate so that excerpts show the article alone.

Each rule is named and every removal is logged. Whole lines of chrome (comment counters,
subscribe boxes, share buttons, bylines, copyright and reprint notices, photo credits...) are
data: ``data/chrome_rules.toml``, read by ``lib.cleaning.chrome_rules``, where each rule carries
the lines it must remove and the article lines it must keep. What stays here is structure: the
bulleted list under a "latest stories" heading, the count beside a counter, blank lines left
around a removal, a trailing headline unrelated to the article, and chrome inside a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.cleaning.chrome_rules import chrome_matcher, normal_line
from lib.cleaning.repair_log import LineCounter, Repair

# A leading run of spaces is never given back (``\s*+``): what follows it is not a space, so
# giving back cannot help, and a long run of spaces would otherwise be retried from each length.
LIST_ITEM = re.compile(r"\s*+[•·\-*]\s+\S.*")
BARE_NUMBER = re.compile(r"\s*+\d[\d,]*\s*")
# A bare number this close (in lines) to a counter's label is the counter's number.
COUNTER_RULES = ("comment-counter", "view-counter")
COUNTER_REACH = 2
# Chrome inside a line of article text; applied line by line.
INLINE_RULES: dict[str, re.Pattern[str]] = {
    # The leftmost match starts where a run of spaces starts; starting there only (and never
    # giving back spaces, which cannot be "V") keeps a long run of spaces from being rescanned.
    "image-link-label": re.compile(r"(?<!\s)\s++View original image\b"),
    "photo-caption-credit": re.compile(r"^.{0,400}?\((?:AP|AFP|Reuters|Yonhap)[\w\- ]*\)\]"),
    "byline-view-counter": re.compile(r"(?<=\S) Views\s*$"),
    # A Korean wire dateline and byline before the first sentence: "[서울=뉴시스] 홍길동 기자 = ".
    "wire-byline": re.compile(
        r"^[\[(【][^\[\]()【】=]{1,12}=[^\[\]()【】=]{1,12}[\])】] ?[가-힣]{2,4} ?(?:기자|특파원)"
        r"(?: ?· ?[가-힣]{2,4} ?(?:기자|특파원))? ?= ?(?=\S)"
    ),
}
# Text each inline rule cannot match without: a text that lacks it skips the rule's pass.
INLINE_NEEDS = {
    "image-link-label": "View original image",
    "photo-caption-credit": ")]",
    "byline-view-counter": " Views",
    "wire-byline": "=",
}
MIN_HEADLINE_WORDS = 4
MAX_SHARED_WORD_SHARE = 0.3


@dataclass(slots=True)
class _Line:
    """A line (``body`` and its line break), or a run of blank lines as one: ``body`` empty and
    the whole run, its spaces and line breaks, in ``newline``. ``number`` counts physical lines
    from 0 (a run's first line), so distances in lines hold whatever the runs were joined into."""

    body: str
    newline: str
    start: int
    number: int
    is_blank: bool = False
    rule: str | None = None
    beside_chrome: bool = False  # the rule holds only when a neighbouring line is chrome too
    starts_list: bool = False  # the line heads a list of other stories


def _split_lines(text: str) -> list[_Line]:
    """The lines of ``text``, each run of blank lines (spaces only) joined into one.

    Every rule treats the lines of a blank run alike, so a run is one item however long it is:
    an upload of blank lines costs a pass over its characters, not an object per line.
    """
    lines: list[_Line] = []
    offset, run_start, run_number = 0, -1, 0
    for number, raw in enumerate(text.splitlines(keepends=True)):
        if raw.isspace():
            if run_start < 0:
                run_start, run_number = offset, number
        else:
            if run_start >= 0:
                lines.append(_Line("", text[run_start:offset], run_start, run_number, True))
                run_start = -1
            body = raw.rstrip("\r\n")
            lines.append(_Line(body, raw[len(body) :], offset, number))
        offset += len(raw)
    if run_start >= 0:
        lines.append(_Line("", text[run_start:offset], run_start, run_number, True))
    return lines


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’]{3,}", text)}


def _is_unrelated_headline(line: str, rest_of_article: str) -> bool:
    """A Title Case line with no final punctuation whose words the article does not use."""
    words = line.split()
    last_char = line.rstrip().rstrip("”’\"')]»")[-1:]
    if len(words) < MIN_HEADLINE_WORDS or len(line) > 140 or last_char in ".!?:;,|":
        return False
    if "," in line:  # a byline ("Name, Professor at ...") rather than a headline
        return False
    if sum(1 for w in words if w[:1].isalpha() and w[:1].isupper()) < 0.8 * len(words):
        return False
    own = _content_words(line)
    if not own:
        return False
    return len(own & _content_words(rest_of_article)) / len(own) <= MAX_SHARED_WORD_SHARE


def _settle_beside_chrome(lines: list[_Line]) -> None:
    """Drop the rule of a ``beside_chrome`` line whose nearest non-blank neighbours stay.

    A pass forward and one back carry whether the nearest non-blank line before (after) is
    removed, so a run of such lines goes when one end of it touches other chrome.
    """
    pending = [line.rule is not None and line.beside_chrome for line in lines]
    if not any(pending):
        return
    held = [line.rule is not None and not line.beside_chrome for line in lines]
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        neighbour_removed = False
        for index in order:
            if lines[index].is_blank:
                continue
            if pending[index] and neighbour_removed:
                held[index] = True
            neighbour_removed = held[index]
    for line, waiting, kept in zip(lines, pending, held, strict=True):
        if waiting and not kept:
            line.rule = None


def _mark_lines(lines: list[_Line]) -> None:
    """Set ``rule`` on each line that is boilerplate."""
    matcher = chrome_matcher()
    for line in lines:  # every rule needs a character that is not a space: blank lines skip them
        if not line.is_blank:
            rule = matcher.match(normal_line(line.body))
            if rule is not None:
                line.rule, line.beside_chrome = rule.name, rule.beside_chrome
                line.starts_list = rule.starts_list
    _settle_beside_chrome(lines)
    in_list: str | None = None  # the rule of the list heading whose items follow
    counters = any(line.rule in COUNTER_RULES for line in lines)
    for index, line in enumerate(lines):
        if line.starts_list and line.rule is not None:
            in_list = line.rule
        elif in_list and LIST_ITEM.fullmatch(line.body):
            line.rule = in_list
        elif in_list and not line.is_blank:
            in_list = None
        # A bare number beside a counter's label is the counter's number.
        if counters and not line.is_blank and BARE_NUMBER.fullmatch(line.body):
            nearby = lines[max(index - COUNTER_REACH, 0) : index + COUNTER_REACH + 1]
            counter = next(
                (
                    other.rule
                    for other in nearby
                    if other.rule in COUNTER_RULES
                    and abs(other.number - line.number) <= COUNTER_REACH
                ),
                None,
            )
            if counter is not None:
                line.rule = counter
    body = [line for line in lines if not line.is_blank and line.rule is None]
    if len(body) > 1:  # a "next story" teaser as the article's last line
        rest = "\n".join(other.body for other in body[:-1])
        if _is_unrelated_headline(body[-1].body, rest):
            body[-1].rule = "unrelated-headline"


def _drop_marked_lines(text: str, lines: list[_Line]) -> tuple[str, list[Repair]]:
    """Drop marked lines and the blank lines left doubled around them; log each removed block.

    The rules look at the nearest non-blank line on either side of a blank line, and at the last
    kept line before a dropped block: each is carried along in a pass over the lines, never found
    by walking back over a run, so the work grows with the number of lines, not its square.
    """
    drop = [line.rule is not None for line in lines]
    blank = [line.is_blank for line in lines]
    # Blank lines between two dropped lines, or between a dropped line and the end, go too.
    # Only blank lines change here, so the nearest non-blank lines keep their first verdicts.
    after_dropped = [True] * len(lines)  # is the next non-blank line dropped (or is there none)?
    following = True
    for index in range(len(lines) - 1, -1, -1):
        after_dropped[index] = following
        if not blank[index]:
            following = drop[index]
    preceding = True
    for index in range(len(lines)):
        if blank[index]:
            drop[index] = preceding and after_dropped[index]
        else:
            preceding = drop[index]
    # A dropped block at the start, or after a blank line, also takes the blank lines after it.
    last_kept = -1  # the last line before ``index`` that is kept, -1 when there is none
    for index in range(len(lines)):
        after_drop = index > 0 and blank[index] and not drop[index] and drop[index - 1]
        if after_drop and (last_kept < 0 or blank[last_kept]):
            drop[index] = True
        if not drop[index]:
            last_kept = index
    repairs: list[Repair] = []
    kept: list[str] = []
    numbers = LineCounter(text)
    index = 0
    while index < len(lines):
        if not drop[index]:
            kept.append(lines[index].body + lines[index].newline)
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and drop[end + 1]:
            end += 1
        block = lines[index : end + 1]
        start, stop = block[0].start, block[-1].start + len(block[-1].body) + len(block[-1].newline)
        rules = sorted({line.rule for line in block if line.rule})
        repairs.append(
            Repair(
                "boilerplate",
                "+".join(rules) or "blank-lines",
                numbers.line_at(start),
                start,
                stop,
                text[start:stop],
                "",
            )
        )
        index = end + 1
    cleaned = "".join(kept)
    if cleaned.endswith("\n\n"):
        trimmed = cleaned.rstrip("\n") + "\n"
        if repairs and repairs[-1].end == len(text):  # trailing blank lines left by a removal
            cleaned = trimmed
    return cleaned, repairs


def _drop_inline_chrome(text: str) -> tuple[str, list[Repair]]:
    repairs: list[Repair] = []
    for rule, pattern in INLINE_RULES.items():
        if INLINE_NEEDS[rule] not in text:
            continue
        pieces: list[str] = []
        numbers = LineCounter(text)
        for line in _split_lines(text):
            match = pattern.search(line.body)
            if match and match.end() > match.start():
                start = line.start + match.start()
                repairs.append(
                    Repair(
                        "boilerplate",
                        rule,
                        numbers.line_at(start),
                        start,
                        line.start + match.end(),
                        match.group(),
                        "",
                    )
                )
                pieces.append(line.body[: match.start()] + line.body[match.end() :] + line.newline)
            else:
                pieces.append(line.body + line.newline)
        text = "".join(pieces)
    return text, repairs


def strip_boilerplate(text: str) -> tuple[str, list[Repair]]:
    """Remove page chrome from ``text``; return the article and the log of removals."""
    lines = _split_lines(text)
    _mark_lines(lines)
    line_repairs: list[Repair] = []
    # No line marked drops nothing, unless every line is blank (a blank text is dropped whole).
    if any(line.rule is not None for line in lines) or all(line.is_blank for line in lines):
        text, line_repairs = _drop_marked_lines(text, lines)
    text, inline_repairs = _drop_inline_chrome(text)
    return text, line_repairs + inline_repairs
