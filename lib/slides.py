"""``python -m lib.slides OUT.pptx``: the cited 16:9 deck of ``lib.export.slides``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.charts.catalog import every_chart
from lib.datasets.frames import build_for_command
from lib.export.slides import THEMES, build_deck, slide_count


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m lib.slides",
        description="Build a 16:9 PowerPoint deck: a title slide, then one cited slide per chart.",
    )
    parser.add_argument("out", type=Path, metavar="OUT.pptx", help="file to write")
    parser.add_argument(
        "--theme", choices=sorted(THEMES), default="light", help="light or dark slides"
    )
    parser.add_argument("--charts", help="comma-separated chart ids (default: every chart)")
    args = parser.parse_args(argv)
    built = build_for_command()
    if built is None:
        return 1
    corpus, data = built
    charts = every_chart(data, corpus)
    if args.charts:
        wanted = [c.strip() for c in args.charts.split(",") if c.strip()]
        known = {chart.chart_id for chart in charts}
        unknown = [c for c in wanted if c not in known]
        if unknown:
            parser.error(
                f"unknown chart id(s) {', '.join(unknown)}: choose from {', '.join(sorted(known))}"
            )
        charts = [chart for chart in charts if chart.chart_id in wanted]
    sources = {sid: source.meta for sid, source in corpus.sources.items()}
    deck = build_deck(charts, sources, args.theme)
    args.out.write_bytes(deck)
    slides = slide_count(deck)
    print(f"wrote {args.out}: {slides} slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
