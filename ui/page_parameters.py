"""The link (query) parameters each page understands, by url path; app.py drops any other with a
notice, and the injection tests put payloads in every one of them."""

PAGE_PARAMETERS: dict[str, set[str]] = {
    "sector-adoption": {"countries", "sectors"},
    "model-counts": {"countries", "rest"},
    "growth-projections": {"areas"},
    "sources": {"source", "start", "end", "q", "chart"},
}
