"""Regenerate ``boundaries.geojson``: country outlines around Syria, from Natural Earth.

Source: the npm package ``world-atlas`` 2.0.2 (Natural Earth 1:50m admin-0 countries as
TopoJSON; Natural Earth is public domain, world-atlas is ISC). Fetch it with the ordinary
npm client, then run this script on it::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python report/assets/make_boundaries.py package/countries-50m.json

It keeps the countries whose outline touches the region (longitude 20..60, latitude
10..50: the Levant, Turkey, Iraq, Iran, the Caucasus, Ukraine's south), rounds
coordinates to 0.01 degree and drops repeated points, so the file stays small enough to
inline in the report.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REGION = (20.0, 10.0, 60.0, 50.0)  # west, south, east, north
OUT = Path(__file__).with_name("boundaries.geojson")


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs: list, indices: list[int]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    rounded: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def touches_region(polygons: list) -> bool:
    west, south, east, north = REGION
    return any(west <= x <= east and south <= y <= north
               for polygon in polygons for r in polygon for x, y in r)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [[ring(arcs, r) for r in geometry["arcs"]]]
        elif geometry["type"] == "MultiPolygon":
            polygons = [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        polygons = [[r for r in polygon if len(r) >= 4] for polygon in polygons]
        polygons = [p for p in polygons if p]
        if not polygons or not touches_region(polygons):
            continue
        features.append({"type": "Feature", "properties": {"name": geometry["properties"]["name"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    collection = {"type": "FeatureCollection",
                  "source": "Natural Earth 1:50m admin-0 countries (public domain) via npm world-atlas 2.0.2",
                  "features": features}
    OUT.write_text(json.dumps(collection, separators=(",", ":")))
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
