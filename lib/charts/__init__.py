"""Stage 4, datasets → charts: pure plotly builders, the chart catalogue, citations, excerpts.

In: the DataFrames of ``lib.datasets``. Out: ``Chart`` records (figure, data, quotes, caption,
alt text) that the pages show. Next: ``lib.export`` turns them into images and slides.
"""
