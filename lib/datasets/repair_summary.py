"""What the cleaning did: repairs per source and step, every table's flags, and a per-source
summary (encoding and how it was decided, repairs by rule, characters removed as chrome)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.datasets.corpus import Corpus
from lib.extraction.source import Source


def repair_log_frame(corpus: Corpus) -> pd.DataFrame:
    """Every logged repair of every source: step, rule, line, before -> after."""
    records = [
        {"source_id": source.source_id, **repair.to_dict()}
        for source in corpus.sources.values()
        for repair in source.repairs
    ]
    columns = ["source_id", "step", "rule", "line", "start", "end", "before", "after"]
    return pd.DataFrame.from_records(records, columns=columns)


def repairs_by_step(corpus: Corpus, log: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of repairs per source and cleaning step (sources with none show 0).

    Each row quotes its source's first line of cleaned text, so the chart's passages say which
    article each bar is. ``log`` is :func:`repair_log_frame` of the corpus, when already built.
    """
    log = repair_log_frame(corpus) if log is None else log
    counts = log.groupby(["source_id", "step"], sort=False).size().rename("repairs").reset_index()
    untouched = [sid for sid in corpus.sources if sid not in set(counts["source_id"])]
    zero = pd.DataFrame({"source_id": untouched, "step": "boilerplate", "repairs": 0})
    frame = pd.concat([counts, zero], ignore_index=True)
    openings = {sid: _opening_line(source.text) for sid, source in corpus.sources.items()}
    frame["quote"] = frame["source_id"].map(lambda sid: openings[sid][0])
    frame["quote_start"] = frame["source_id"].map(lambda sid: openings[sid][1])
    frame["quote_end"] = frame["source_id"].map(lambda sid: openings[sid][2])
    return frame


def _opening_line(text: str) -> tuple[str, int, int]:
    """The first non-blank line of a text and its span."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return text[start:end], start, end


def table_flags_frame(corpus: Corpus) -> pd.DataFrame:
    """Every data-quality flag the table extractor raised, with the table's header as excerpt."""
    records = []
    for source in corpus.sources.values():
        for number, table in enumerate(source.tables, start=1):
            header_end = source.text.find("\n", table.start, table.end)
            header_end = table.end if header_end == -1 else header_end
            for flag in table.flags:
                records.append(
                    {
                        "source_id": source.source_id,
                        "table": number,
                        "flag": flag,
                        "quote": source.text[table.start : header_end],
                        "quote_start": table.start,
                        "quote_end": header_end,
                    }
                )
    columns = ["source_id", "table", "flag", "quote", "quote_start", "quote_end"]
    return pd.DataFrame.from_records(records, columns=columns)


LOSS_WARNING_SHARE = 0.2  # a source that loses more than this share of its text as chrome


@dataclass(frozen=True)
class CleaningSummary:
    """What the cleaning did to one source, in the numbers an analyst checks first."""

    encoding: str
    decided_by: str
    repairs_by_rule: dict[str, int]
    chrome_chars_removed: int
    text_chars: int
    html: str  # "" for plain text, else what the HTML step kept ("12,345 chars of HTML → …")

    @property
    def removed_share(self) -> float:
        """Share of the text (before chrome removal) that the chrome rules removed."""
        total = self.text_chars + self.chrome_chars_removed
        return self.chrome_chars_removed / total if total else 0.0

    @property
    def loses_much(self) -> bool:
        """True when the chrome rules removed more than ``LOSS_WARNING_SHARE`` of the text."""
        return self.removed_share > LOSS_WARNING_SHARE


def cleaning_summary(source: Source) -> CleaningSummary:
    """Encoding and how it was decided, repairs by step/rule, and characters removed as chrome."""
    by_rule: dict[str, int] = {}
    removed = 0
    html = ""
    for repair in source.repairs:
        key = f"{repair.step}/{repair.rule}"
        by_rule[key] = by_rule.get(key, 0) + 1
        if repair.step == "boilerplate":
            removed += max(0, len(repair.before) - len(repair.after))
        elif repair.step == "html":
            html = f"{repair.before} → {repair.after}"
    return CleaningSummary(
        encoding=source.encoding,
        decided_by=getattr(source, "decided_by", "") or "",
        repairs_by_rule=by_rule,
        chrome_chars_removed=removed,
        text_chars=len(source.text),
        html=html,
    )
