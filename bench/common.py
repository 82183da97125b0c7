"""Shared benchmark helpers: timing statistics, machine facts, process memory."""

from __future__ import annotations

import platform
import statistics
import subprocess
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

PACKAGES = ["streamlit", "pandas", "plotly", "ftfy", "kaleido", "python-pptx", "playwright"]


def median(values: list[float]) -> float:
    """Median of the values (0 when empty)."""
    return statistics.median(values) if values else 0.0


def p95(values: list[float]) -> float:
    """95th percentile (nearest rank)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    try:
        chromium = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        chromium = "not installed"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, "
        f"{int(memory) / 1024 / 1024:.0f} GiB",
        "system": platform.platform(),
        "python": platform.python_version(),
        "chromium": chromium,
        "packages": ", ".join(f"{name} {version(name)}" for name in PACKAGES),
    }
