"""``python -m lib.figures OUTDIR --format png|svg|pdf --size WxH``: every chart as an image."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lib.charts.catalog import every_chart
from lib.datasets.frames import build_for_command
from lib.export.images import IMAGE_FORMATS, figure_bytes, figure_with_disclosures, parse_size


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m lib.figures",
        description="Write every chart of the app as an image, its source caption inside.",
    )
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="folder to write into")
    parser.add_argument("--format", choices=IMAGE_FORMATS, default="png", help="image format")
    parser.add_argument(
        "--size", default="1920x1080", help="WIDTHxHEIGHT in pixels (default 1920x1080)"
    )
    parser.add_argument("--dark", action="store_true", help="dark background")
    args = parser.parse_args(argv)
    try:
        size = parse_size(args.size)
    except ValueError as err:
        parser.error(str(err))
    built = build_for_command()
    if built is None:
        return 1
    corpus, data = built
    args.outdir.mkdir(parents=True, exist_ok=True)
    for chart in every_chart(data, corpus):
        started = time.perf_counter()
        path = args.outdir / f"{chart.chart_id}.{args.format}"
        figure = figure_with_disclosures(chart)
        path.write_bytes(figure_bytes(figure, args.format, size, dark=args.dark))
        print(f"{path} ({time.perf_counter() - started:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
