"""Charts of outside tables show typed HTML as text: plotly.js would make it a live link."""

import json

from lib.charts.custom import table_chart
from lib.datasets.uploads import table_frame
from lib.extraction.document import ingest_bytes

LINK = '<a href="http://attacker.example/">sign in</a>'
ARTICLE = (
    f"{LINK} Korea AI plan\n\nCountry | Models |\n---|---|\n{LINK} | 14 |\nUnited States | 125 |\n"
)


def test_custom_chart_escapes_title_cells_and_caption():
    source = ingest_bytes(ARTICLE.encode("utf-8"), "hostile.txt")
    source.meta = {"source_id": source.source_id, "title": LINK}
    table = source.tables[0]
    frame = table_frame(table.columns, table.rows)
    chart = table_chart(frame, "Country", ["Models"], "bar", table, source.text, source.meta, LINK)
    spec = json.dumps(chart.figure.to_plotly_json())
    assert "<a href" not in spec
    assert spec.count('&lt;a href=\\"http://attacker.example/\\"&gt;') >= 3  # title, tick, caption
