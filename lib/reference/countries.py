"""Country names as the sources write them, their ISO 3166 alpha-3 codes and chart colours."""

from __future__ import annotations

# Canonical name -> ISO 3166-1 alpha-3 (EUU is the code the EU uses in ISO-style data sets).
ISO3: dict[str, str] = {
    "South Korea": "KOR",
    "United States": "USA",
    "China": "CHN",
    "France": "FRA",
    "Japan": "JPN",
    "European Union": "EUU",
}
ALIASES: dict[str, str] = {
    "korea": "South Korea",
    "republic of korea": "South Korea",
    "the united states": "United States",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "america": "United States",
    "prc": "China",
    "eu": "European Union",
}
# Okabe-Ito, a colour-blind-safe palette that reads on light and dark backgrounds.
COUNTRY_COLOURS: dict[str, str] = {
    "South Korea": "#0072B2",
    "United States": "#D55E00",
    "China": "#009E73",
    "France": "#CC79A7",
    "Japan": "#E69F00",
    "European Union": "#56B4E9",
    "Rest of world": "#999999",
}
FALLBACK_COLOURS = ("#F0E442", "#000000", "#882255", "#44AA99")
# South Korea first, then the others in this order.
COUNTRY_ORDER = list(COUNTRY_COLOURS)


def canonical_country(name: str) -> str | None:
    """The canonical name for a country as written in a source, or None when not a country."""
    cleaned = " ".join(name.split()).strip()
    for canonical in ISO3:
        if cleaned.casefold() == canonical.casefold():
            return canonical
    return ALIASES.get(cleaned.casefold())


def iso3(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country name, or None."""
    canonical = canonical_country(name)
    return ISO3.get(canonical) if canonical else None


def country_colour(name: str) -> str:
    """The one colour a country has on every chart."""
    if name in COUNTRY_COLOURS:
        return COUNTRY_COLOURS[name]
    return FALLBACK_COLOURS[sum(map(ord, name)) % len(FALLBACK_COLOURS)]


def country_sort_key(name: str) -> tuple[int, str]:
    """Sort key that puts South Korea first, then the known countries, then the rest A-Z."""
    position = COUNTRY_ORDER.index(name) if name in COUNTRY_ORDER else len(COUNTRY_ORDER)
    return position, name
