"""A table has at most MAX_COLUMNS columns: a line of thousands of pipes is neither header nor row."""

from lib.extraction.tables import MAX_COLUMNS, extract_tables


def pipe_row(cells: list[str]) -> str:
    return " | ".join(cells) + " |"


def test_a_table_as_wide_as_the_limit_is_read():
    header = [f"Year {2000 + k}" for k in range(MAX_COLUMNS)]
    text = f"{pipe_row(header)}\n---|---\n{pipe_row(['Korea'] + ['1'] * (MAX_COLUMNS - 1))}\n"
    (table,) = extract_tables(text)
    assert table.columns == header
    assert table.rows == [["Korea"] + ["1"] * (MAX_COLUMNS - 1)]


def test_a_header_wider_than_the_limit_is_not_a_table():
    text = f"{pipe_row(['x'] * (MAX_COLUMNS + 1))}\n---|---\n{pipe_row(['Korea', '14'])}\n"
    assert extract_tables(text) == []


def test_a_row_wider_than_the_limit_ends_the_table_before_it():
    rows = [pipe_row(["Korea", "14"]), pipe_row(["x"] * 100_000), pipe_row(["Japan", "9"])]
    text = "Country | Models |\n---|---\n" + "\n".join(rows) + "\n"
    (table,) = extract_tables(text)
    assert table.columns == ["Country", "Models"]
    assert table.rows == [["Korea", "14"]]  # not 100,000 columns, each row padded to them
    assert text[table.start : table.end] == "Country | Models |\n---|---\nKorea | 14 |"
