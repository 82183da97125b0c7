"""What every dataset column means, and its unit: one name per quantity across all datasets."""

from __future__ import annotations

DATASET_TITLES: dict[str, str] = {
    "sector_adoption": "AI adoption level by industry sector and country",
    "model_counts": "AI models by country",
    "korean_models_by_developer": "South Korea's AI models by developer",
    "growth_projections": "Status and projected growth of AI focus areas",
    "policy_gaps": "South Korean AI policy framework vs global best practice",
    "key_figures": "Headline figures stated, derived or inferred from the sources",
    "sources": "The source articles and their metadata",
}

# column -> (description, unit or "")
FIELDS: dict[str, tuple[str, str]] = {
    "sector": ("Industry sector, as the source writes it", ""),
    "country": ("Country, as the source writes it (canonical spelling)", ""),
    "country_iso3": ("ISO 3166-1 alpha-3 code of the country", ""),
    "level": ("Level as the source's table cell words it", ""),
    "level_term": ("The codebook term the level starts with", ""),
    "level_score": (
        "Ordinal score of the level on its codebook scale (higher is further along)",
        "ordinal",
    ),
    "scale": ("Codebook scale the score is on", ""),
    "is_missing": ("True when the source gives no value for this cell", ""),
    "models": ("Number of AI models", "models"),
    "share_of_world_pct": ("Share of the 271 models released worldwide, derived", "%"),
    "developer": ("Korean corporation that developed the models", ""),
    "focus_area": ("AI development focus area", ""),
    "horizon": ("When the status applies: the date in the column header", ""),
    "horizon_label": ("Column header without its date (Current Status, Projected Growth)", ""),
    "horizon_order": ("Position of the horizon in time, 0 = earliest", ""),
    "detail": ("The qualitative text after the level word", ""),
    "aspect": ("Policy aspect compared", ""),
    "korea": ("South Korea's framework for the aspect, as the source words it", ""),
    "global_best_practice": ("Global best practice for the aspect, as the source words it", ""),
    "korea_score": ("Ordinal score of South Korea's framework on the policy scale", "ordinal"),
    "global_best_practice_score": (
        "Ordinal score of global best practice on the policy scale",
        "ordinal",
    ),
    "figure_id": ("Stable identifier of a key figure", ""),
    "label": ("What the figure measures", ""),
    "value": ("The figure's value, in `unit`", "see unit"),
    "unit": ("Unit of `value`", ""),
    "display": ("The value formatted for display", ""),
    "provenance": (
        "stated by the source, derived from stated numbers, or inferred from context",
        "",
    ),
    "formula": ("How a derived value is computed from other figures", ""),
    "basis": ("Why an inferred value was inferred", ""),
    "source_id": ("Source file stem, e.g. 004_60a257b0d244c978", ""),
    "quote": ("Verbatim passage of the source's cleaned text the value comes from", ""),
    "quote_start": ("Character offset of the quote in the source's cleaned text", "characters"),
    "quote_end": (
        "Character offset just after the quote in the source's cleaned text",
        "characters",
    ),
    "table_flags": ("Data-quality flags the table extractor raised for the table", ""),
    "file": ("File name under data/sources/", ""),
    "title": ("Headline of the article", ""),
    "publisher": ("Publisher, or unknown", ""),
    "author": ("Author, or unknown", ""),
    "published": ("Publication date, or unknown", ""),
    "published_estimate": ("Estimated publication date when not stated", ""),
    "published_basis": ("How the publication date was estimated", ""),
    "encoding": ("Byte encoding the raw file was read with", ""),
    "sha256": ("SHA-256 of the raw file's bytes", ""),
    "repairs": ("Number of logged repairs made to the raw text", "repairs"),
    "tables": ("Number of tables extracted from the cleaned text", "tables"),
}
