"""Stage 5, charts → files: images (kaleido), data downloads (CSV/XLSX) and the slide deck.

In: ``Chart`` records from ``lib.charts``. Out: PNG/SVG/PDF, CSV/XLSX and PPTX bytes. The last
stage: what it writes leaves the app.
"""
