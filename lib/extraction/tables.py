"""Find tables in cleaned article text, including tables that scraping broke.

Shapes handled (none keyed to a particular file):

* pipe tables with a ``---|`` separator under the header;
* a header glued to the prose before it (``...reveals notable gaps:Policy Aspect | ...``);
* a header repeated one cell per line (``Industry Sector`` / ``| South Korea`` / ...): merged back;
* rows whose cells were glued with no separator
  (``Financial Technology (FinTech)Intermediate AdoptionAdvanced Deployment...``): split at the
  lower-to-upper case seams, outside parentheses, preferring seams before a level word;
* a row split into fragments, one of them repeated: merged into one row, no duplicates;
* a last cell that is the next paragraph bled in: the cell is set missing and flagged;
* tables with no separators at all, a header and rows on lines, cells split by single spaces:
  rows split before the level words of the codebook, the header by the column count.

Every step is linear in the text: each line is read a fixed number of times, no pattern can
backtrack over a long run, and a table has at most ``MAX_COLUMNS`` columns (a wider "row" is not
one), so its padded rows cannot outgrow the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, islice

from lib.reference.codebook import level_term, vocabulary

# ``\s*\|?\s*`` would be the same language, but a long run of spaces could be split between its
# two runs in every way before failing: one run of spaces per pipe keeps the match linear.
SEPARATOR = re.compile(r"\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*+(?:\|\s*)?")
GLUE_SEAM = re.compile(r"(?<=[a-z)])(?=[A-Z])")
SENTENCE_END_BEFORE_CAPITAL = re.compile(r"[.:!?]\s*(?=[A-Z])")
MIN_BLED_WORDS = 12
MAX_SPACED_LINE = 200
MIN_SPACED_ROWS = 2
# Real tables have a handful of columns; a line of thousands of pipes is not a header or a row,
# and taking it for one would pad every row to its width (rows x columns cells from one line).
MAX_COLUMNS = 64


@dataclass
class Table:
    """One extracted table; offsets are in the cleaned text it came from."""

    columns: list[str]
    rows: list[list[str | None]]
    start: int
    end: int
    flags: list[str] = field(default_factory=list)
    row_spans: list[tuple[int, int]] = field(default_factory=list)
    ragged: list[str] = field(default_factory=list)  # the flags of rows padded or extended

    def to_dict(self) -> dict[str, object]:
        """The table in the ``lib.ingest --json`` contract shape."""
        return {
            "columns": self.columns,
            "rows": self.rows,
            "start": self.start,
            "end": self.end,
            "flags": self.flags,
        }

    def row_quote(self, text: str, index: int) -> str:
        """The verbatim text of row ``index`` in the cleaned ``text``."""
        start, end = self.row_spans[index]
        return text[start:end]


@dataclass
class _Line:
    text: str
    start: int
    end: int

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def is_separator(self) -> bool:
        return bool(SEPARATOR.fullmatch(self.text))

    @property
    def has_pipe(self) -> bool:
        return "|" in self.text and not self.is_separator


def _physical_lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\n")
        lines.append(_Line(body, offset, offset + len(body)))
        offset += len(raw)
    return lines


def _logical_lines(text: str) -> list[_Line]:
    """Physical lines, with a header broken one cell per line (``| China``) joined back.

    The pieces of a joined line are collected and joined once, not re-copied for each cell. A
    joined line is never blank nor a separator (the ``| cell`` added has no dashes after its
    pipe), so once joining starts every following cell line joins too, without checking again.
    """
    merged: list[_Line] = []
    pieces: list[str] = []  # the text of merged[-1] while cell lines are being joined to it

    def finish_joining() -> None:
        if pieces:
            merged[-1].text = " ".join(pieces)
            pieces.clear()

    for line in _physical_lines(text):
        stripped = line.text.strip()
        is_cell_continuation = stripped.startswith("|") and stripped.count("|") == 1
        if (
            is_cell_continuation
            and merged
            and (pieces or (not merged[-1].is_blank and not merged[-1].is_separator))
        ):
            if not pieces:
                pieces.append(merged[-1].text)
            pieces.append(stripped)
            merged[-1].end = line.end
        else:
            finish_joining()
            merged.append(line)
    finish_joining()
    return merged


def split_cells(line: str) -> list[str | None]:
    """Cells of a pipe row, trimmed; an empty cell is None."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() or None for cell in body.split("|")]


def _seams_outside_parentheses(text: str) -> list[int]:
    seams, depth, last = [], 0, 0
    for match in GLUE_SEAM.finditer(text):
        depth += text.count("(", last, match.start()) - text.count(")", last, match.start())
        last = match.start()
        if depth == 0:
            seams.append(match.start())
    return seams


def split_glued_row(text: str, columns: int) -> list[str] | None:
    """Split a row whose cells were glued together into ``columns`` cells, or None.

    Seams are lower-to-upper case joins outside parentheses; when there are more seams than
    needed, only seams before a level word of the codebook are kept. At least one cell after the
    first must start with a level word, so that ordinary prose is never taken for a row.
    """
    seams = _seams_outside_parentheses(text)
    if len(seams) > columns - 1:
        window, (opening, openings) = _level_term_window(), _level_term_openings()
        seams = [
            seam
            for seam in seams
            if text[seam : seam + opening].lower() in openings
            and level_term(text[seam : seam + window])
        ]
    if len(seams) != columns - 1:
        return None
    bounds = [0, *seams, len(text)]
    cells = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    if not all(cells) or not any(level_term(cell) for cell in cells[1:]):
        return None
    return cells


@cache
def _level_term_window() -> int:
    """How much of a cell :func:`level_term` reads: the longest term and one character more.

    A seam starts at a capital letter, so the cell has nothing to strip in front; the longest term
    plus one character (the word boundary) is all it compares, so a longer cut changes nothing.
    """
    return max(len(term) for term in vocabulary()) + 1


@cache
def _level_term_openings() -> tuple[int, frozenset[str]]:
    """The length of the shortest level term, and every term's opening of that length, lower-cased.

    A cell whose opening (lower-cased) is none of these starts with no term: checked first, it
    spares :func:`level_term` most seams of a long glued line.
    """
    shortest = min(len(term) for term in vocabulary())
    return shortest, frozenset(term[:shortest].lower() for term in vocabulary())


def _is_bled_paragraph(cell: str | None) -> bool:
    """A cell that is a sentence of prose (long, ending like a sentence), not a table value."""
    return bool(cell) and len(cell.split()) >= MIN_BLED_WORDS and cell.rstrip()[-1] in ".!?"


def _same_cells(a: list[str | None], b: list[str | None]) -> bool:
    return [(c or "").casefold() for c in a] == [(c or "").casefold() for c in b]


def _row_key(row: list[str | None]) -> tuple[str, ...]:
    """A row's cells as :func:`_same_cells` compares them, missing cells at the end dropped.

    A row and the same row padded with missing cells to more columns have the same key.
    """
    key = [(c or "").casefold() for c in row]
    while key and not key[-1]:
        key.pop()
    return tuple(key)


def _header_start(line: _Line, flags: list[str]) -> tuple[list[str | None], int]:
    """Header cells and the offset where the table begins (after any prose glued before it)."""
    cells = split_cells(line.text)
    first = cells[0] or ""
    seams = list(SENTENCE_END_BEFORE_CAPITAL.finditer(first))
    if seams and len(first) > 60:
        cut = seams[-1].end()
        cells[0] = first[cut:].strip()
        offset = line.start + line.text.index(first) + cut
        flags.append(f"header glued to the prose before it; table starts at offset {offset}")
        return cells, offset
    return cells, line.start + len(line.text) - len(line.text.lstrip())


def _tidy_rows(table: Table, text: str) -> None:
    """Merge fragments, drop duplicates, pad ragged rows, blank bled-in paragraphs.

    Kept rows are all as wide as the header so far, so a row duplicates a kept one only when it
    is that wide too and has the same key; rows are padded once, at the end.
    """
    n = len(table.columns)
    full_first_cells = {(row[0] or "").casefold() for row in table.rows if len(row) >= n}
    rows, spans = [], []
    kept_keys: set[tuple[str, ...]] = set()
    for row, span in zip(table.rows, table.row_spans, strict=True):
        label = row[0] or ""
        if len(row) < n and label.casefold() in full_first_cells:
            table.flags.append(f"row '{label}' repeated in fragments; merged into one row")
            continue
        if len(row) == n and _row_key(row) in kept_keys:
            table.flags.append(f"row '{label}' duplicated; kept once")
            continue
        if len(row) < n:
            table.ragged.append(
                f"row '{label}' has {len(row)} of {n} cells; missing cells are null"
            )
            table.flags.append(table.ragged[-1])
            row = row + [None] * (n - len(row))
        if len(row) > n:
            extra = len(row) - n
            table.ragged.append(f"row '{label}' has {extra} cell(s) more than the header")
            table.flags.append(table.ragged[-1])
            table.columns += [f"extra_{k}" for k in range(len(table.columns) - n + 1, extra + 1)]
            n = len(table.columns)
        rows.append(row)
        spans.append(span)
        kept_keys.add(_row_key(row))
    n = len(table.columns)
    for index, row in enumerate(rows):
        row.extend([None] * (n - len(row)))
        for column, cell in enumerate(row):
            if column and _is_bled_paragraph(cell):
                table.flags.append(
                    f"row '{row[0]}', column '{table.columns[column]}': the next paragraph bled "
                    "into the cell; cell set missing"
                )
                start, end = spans[index]
                cut = text.rfind(cell, start, end)
                spans[index] = (start, text.rfind("|", start, cut) + 1 if cut > 0 else end)
                row[column] = None
    table.rows, table.row_spans = rows, spans


def extract_pipe_tables(text: str) -> list[Table]:
    """Tables with ``|`` cells and a ``---|`` separator, broken ones repaired."""
    if "|" not in text or "---" not in text:  # no separator line: no line need be read
        return []
    lines = _logical_lines(text)
    tables: list[Table] = []
    index = 0
    while index < len(lines) - 1:
        line = lines[index]
        if not (line.has_pipe and lines[index + 1].is_separator):
            index += 1
            continue
        flags: list[str] = []
        header, start = _header_start(line, flags)
        if len(header) > MAX_COLUMNS:
            index += 1
            continue
        columns = [cell or f"column_{k + 1}" for k, cell in enumerate(header)]
        table = Table(columns, [], start, line.end, flags)
        index += 2
        while index < len(lines):
            row_line = lines[index]
            if row_line.is_blank:
                break
            if row_line.is_separator:
                index += 1
                continue
            if row_line.has_pipe:
                cells = split_cells(row_line.text)
                if len(cells) > MAX_COLUMNS:
                    break
                if _same_cells(cells, header):
                    flags.append("header repeated inside the table; merged")
                    index += 1
                    continue
            else:
                glued = split_glued_row(row_line.text, len(columns))
                if glued is None:
                    break
                cells = list(glued)
                flags.append(f"row '{cells[0]}' had its cells glued together; split at level words")
            span_start = row_line.start + len(row_line.text) - len(row_line.text.lstrip())
            table.rows.append(cells)
            table.row_spans.append((span_start, row_line.start + len(row_line.text.rstrip())))
            table.end = row_line.end
            index += 1
        _tidy_rows(table, text)
        if table.rows:
            tables.append(table)
    return tables


@cache
def _level_word_seams() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Level words that open a cell: first those followed by a comma, else by a space or the end."""
    terms = "|".join(re.escape(term) for term in vocabulary())
    return re.compile(rf"(?<= )(?:{terms})(?=,)"), re.compile(rf"(?<= )(?:{terms})(?= |$)")


@cache
def _any_seam() -> re.Pattern[str]:
    """A level word after a space anywhere in a text: every seam of either kind in any line
    matches it (it also matches some that are not seams, which costs only a closer look)."""
    terms = "|".join(re.escape(term) for term in vocabulary())
    return re.compile(rf"(?<= )(?:{terms})(?=[,\s]|\Z)")


def _too_few_seams(text: str) -> bool:
    """Whether ``text`` has fewer level-word seams than one spaced table's rows need."""
    return len(list(islice(_any_seam().finditer(text), MIN_SPACED_ROWS))) < MIN_SPACED_ROWS


def _split_at_level_words(line: str) -> list[str] | None:
    """Split a space-separated row before each level word that opens a cell, or None."""
    for pattern in _level_word_seams():
        seams = [m.start() for m in pattern.finditer(line)]
        if seams:
            bounds = [0, *seams, len(line)]
            cells = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
            return cells if all(cells) else None
    return None


def split_spaced_header(header: str, columns: int) -> list[str] | None:
    """Split a header with no separators into ``columns`` cells, or None.

    Cells end at a closing parenthesis (``Current Status (June 2025)``); when that gives too few
    cells, further cells of the same shape (as many words before their parenthesis as the others)
    are peeled off the end of the first.
    """
    cells = re.split(r"(?<=\))\s+", header.strip())
    if len(cells) == 1 and len(header.split()) == columns:
        return header.split()
    shaped = [cell for cell in cells[1:] if cell.endswith(")")]
    while len(cells) < columns and shaped:
        words_before = round(
            sum(len(cell[: cell.index("(")].split()) for cell in shaped) / len(shaped)
        )
        first = cells[0]
        if "(" not in first:
            return None
        head_words = first[: first.rindex("(")].split()
        if len(head_words) <= words_before:
            return None
        tail = " ".join(head_words[-words_before:]) + " " + first[first.rindex("(") :]
        cells[0:1] = [" ".join(head_words[:-words_before]), tail]
    return cells if len(cells) == columns else None


def extract_spaced_tables(text: str, taken: list[tuple[int, int]]) -> list[Table]:
    """Tables with no separators: a header line and rows whose cells open with level words."""
    tables: list[Table] = []
    if _too_few_seams(text):  # every row splits at a seam: too few seams, no table
        return tables
    block: list[_Line] = []

    def close_block() -> None:
        if len(block) >= MIN_SPACED_ROWS + 1:
            table = _spaced_table(block)
            if table:
                tables.append(table)
        block.clear()

    # A line is inside a taken span when, of the spans starting at or before it, the one reaching
    # furthest reaches past it: found by bisecting, not by trying every span for every line.
    spans = sorted(taken)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))

    def inside_taken(offset: int) -> bool:
        before = bisect_right(starts, offset)
        return before > 0 and reach[before - 1] > offset

    for line in _physical_lines(text):
        looks_tabular = (
            not line.is_blank
            and not inside_taken(line.start)
            and "|" not in line.text
            and len(line.text) <= MAX_SPACED_LINE
            and line.text.rstrip()[-1:] not in ".!?:;,"
        )
        if looks_tabular:
            block.append(line)
        else:
            close_block()
    close_block()
    return tables


def _spaced_table(block: list[_Line]) -> Table | None:
    """A table from a block of lines, when every row splits into the same number of cells.

    The header is the first line after which every line splits, all into the same number of
    cells. Each line is split once, and the width shared by all lines from each one to the end
    of the block is found in one pass from the end, not by splitting the rest for every line.
    """
    splits = [_split_at_level_words(line.text.strip()) for line in block]
    shared: list[int | None] = [None] * (len(block) + 1)  # width of all splits from i on, if one
    for index in range(len(block) - 1, -1, -1):
        split = splits[index]
        if split and (index == len(block) - 1 or shared[index + 1] == len(split)):
            shared[index] = len(split)
    for header_index in range(len(block) - MIN_SPACED_ROWS):
        width = shared[header_index + 1]
        if width is None:  # a split is at least 2 cells wide, so there is no width below 2
            continue
        columns = split_spaced_header(block[header_index].text, width)
        if columns is None:
            continue
        header = block[header_index]
        return Table(
            columns,
            [list(row) for row in splits[header_index + 1 :] if row],
            header.start,
            block[-1].end,
            ["no cell separators: rows split before level words, header split by column count"],
            [(line.start, line.end) for line in block[header_index + 1 :]],
        )
    return None


def extract_tables(text: str) -> list[Table]:
    """All tables in cleaned ``text``, in reading order."""
    tables = extract_pipe_tables(text)
    tables += extract_spaced_tables(text, [(t.start, t.end) for t in tables])
    return sorted(tables, key=lambda table: table.start)
