"""Every table of every source, cell by cell, and each broken shape on a tiny inline example."""

from lib.extraction.tables import extract_tables, split_glued_row, split_spaced_header

SECTOR_ROWS = [
    ["Healthcare Services", "Intermediate Adoption", "Pioneering Implementation", "Pioneering Implementation"],
    ["Financial Technology (FinTech)", "Intermediate Adoption", "Advanced Deployment", "Advanced Deployment"],
    ["Manufacturing & Automation", "Nascent Stage", "Advanced Integration", "Moderate Integration"],
]  # fmt: skip
POLICY_ROWS = [
    ["Regulatory Transparency", "Limited Scope", "Extensive Clarity Across Sectors"],
    ["Investment Intensity", "Moderate Levels", "Robust Funding Mechanisms Including Public-Private Partnerships"],
    ["Inclusivity In Development Processes", "Emerging Initiatives", None],
]  # fmt: skip
GROWTH_ROWS = [
    ["General-Purpose AI", "Struggling, dominated by US/China", "Moderate, continued US/China dominance"],
    ["Vertical AI (Manufacturing)", "Emerging, potential for Korean leadership",
     "High, significant market share for Korean firms"],
    ["Localized AI (Data Sovereignty)", "Early stages, growing regulatory support",
     "Very High, strong demand within Korea"],
]  # fmt: skip


def test_sources_without_tables(corpus):
    for source_id in ("001_2942bf26baef545b", "003_cd50ce98a801f824", "004_60a257b0d244c978"):
        assert corpus.sources[source_id].tables == []


def test_000_spaced_table(corpus):
    source = corpus.sources["000_ab1ee7e039089319"]
    (table,) = source.tables
    assert table.columns == [
        "AI Development Focus",
        "Current Status (June 2025)",
        "Projected Growth (2028)",
    ]
    assert table.rows == GROWTH_ROWS
    assert source.text[table.start : table.end].startswith("AI Development Focus Current Status")
    assert source.text[table.start : table.end].endswith("Very High, strong demand within Korea")


def test_002_sector_table_broken_by_scraping(corpus):
    source = corpus.sources["002_23b03b3f3f1e2ab1"]
    sector = source.tables[0]
    assert sector.columns == ["Industry Sector", "South Korea", "United States", "China"]
    assert sector.rows == SECTOR_ROWS
    assert source.text[sector.start : sector.end].startswith("Industry Sector | South Korea")
    assert source.text[sector.start : sector.end].endswith("Moderate Integration")
    assert (
        "row 'Financial Technology (FinTech)' repeated in fragments; merged into one row"
        in sector.flags
    )
    assert "header repeated inside the table; merged" in sector.flags


def test_002_policy_table_with_bled_paragraph(corpus):
    source = corpus.sources["002_23b03b3f3f1e2ab1"]
    policy = source.tables[1]
    assert policy.columns == ["Policy Aspect", "South Korean Framework", "Global Best Practices"]
    assert policy.rows == POLICY_ROWS
    assert source.text[policy.start :].startswith("Policy Aspect |")
    assert any("bled into the cell; cell set missing" in flag for flag in policy.flags)
    assert (
        policy.row_quote(source.text, 2)
        == "Inclusivity In Development Processes | Emerging Initiatives |"
    )


def test_every_row_quote_is_verbatim(corpus):
    for source in corpus.sources.values():
        for table in source.tables:
            for index, row in enumerate(table.rows):
                assert row[0] in table.row_quote(source.text, index)


def test_plain_markdown_table():
    text = "Intro.\n\n| Country | Models |\n|---|---|\n| Korea | 14 |\n| France |  |\n\nAfter."
    (table,) = extract_tables(text)
    assert table.columns == ["Country", "Models"]
    assert table.rows == [["Korea", "14"], ["France", None]]
    assert (
        text[table.start : table.end]
        == "| Country | Models |\n|---|---|\n| Korea | 14 |\n| France |  |"
    )


def test_ragged_rows_are_padded_and_flagged():
    text = "A | B | C |\n---|\n1 | 2 |\n3 | 4 | 5 | 6 |\n"
    (table,) = extract_tables(text)
    assert table.columns == ["A", "B", "C", "extra_1"]
    assert table.rows == [["1", "2", None, None], ["3", "4", "5", "6"]]
    assert len(table.flags) == 2


def test_glued_row_split_at_level_words():
    row = (
        "Financial Technology (FinTech)Intermediate AdoptionAdvanced DeploymentAdvanced Deployment"
    )
    assert split_glued_row(row, 4) == [
        "Financial Technology (FinTech)", "Intermediate Adoption", "Advanced Deployment", "Advanced Deployment",
    ]  # fmt: skip
    assert split_glued_row("A unified effort between bodies is crucial for South Korea.", 4) is None


def test_spaced_header_split_by_parallel_shape():
    header = "AI Development Focus Current Status (June 2025) Projected Growth (2028)"
    assert split_spaced_header(header, 3) == [
        "AI Development Focus", "Current Status (June 2025)", "Projected Growth (2028)",
    ]  # fmt: skip


def test_prose_is_not_a_table():
    text = "Korea is big\nChina is bigger\nThe United States is biggest\n"
    assert extract_tables(text) == []
