"""The report's charts as Vega-Lite specs (Altair): map, control timeline, casualty spread.

Every mark carries ``claim_id`` (or ``claim_ids``) so a click in the page opens its evidence.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import altair as alt

from sitrep.output import json_value

BOUNDARIES = Path(__file__).parent / "assets" / "boundaries.geojson"

# One colour per actor; the opposition side (hts, opposition, sna) in greens.
CONTROLLER_COLOURS = {
    "hts": "#1b7f3b",
    "opposition": "#4caf50",
    "sna": "#9ccc65",
    "syrian_government": "#c62828",
    "sdf": "#f9a825",
    "isis": "#212121",
    "turkey": "#ef6c00",
    "russia": "#6a1b9a",
    "iran": "#00838f",
    "hezbollah": "#d4a017",
    "us_coalition": "#1565c0",
    "israel": "#37474f",
    "unknown": "#9e9e9e",
}


def values(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: json_value(v) for k, v in r.items()} for r in records]


def controller_scale(present: list[str]) -> alt.Scale:
    domain = [a for a in CONTROLLER_COLOURS if a in present] + sorted(set(present) - set(CONTROLLER_COLOURS))
    return alt.Scale(domain=domain, range=[CONTROLLER_COLOURS.get(a, "#9e9e9e") for a in domain])


def map_extent(points: list[dict[str, Any]], margin: float = 1.2, min_span: float = 4.0) -> dict[str, Any]:
    """A GeoJSON box around the points (at least ``min_span`` degrees) for the projection to fit."""
    if not points:
        west, east, south, north = 35.5, 42.5, 32.3, 37.4  # Syria
    else:
        xs = [p["longitude"] for p in points]
        ys = [p["latitude"] for p in points]
        west, east, south, north = min(xs) - margin, max(xs) + margin, min(ys) - margin, max(ys) + margin
    if east - west < min_span:
        mid = (east + west) / 2
        west, east = mid - min_span / 2, mid + min_span / 2
    if north - south < min_span * 0.75:
        mid = (north + south) / 2
        south, north = mid - min_span * 0.375, mid + min_span * 0.375
    # corners as a MultiPoint: no ring winding for d3-geo to misread
    return {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [
        [west, south], [east, south], [east, north], [west, north]]}}


def map_chart(places: list[dict[str, Any]]) -> dict[str, Any]:
    located = [p for p in places if p.get("latitude") is not None and p.get("longitude") is not None]
    # one label per spot: the place most articles speak of
    labelled: dict[tuple, dict[str, Any]] = {}
    for place in located:
        key = (round(place["latitude"], 2), round(place["longitude"], 2))
        if key not in labelled or place["n_articles"] > labelled[key]["n_articles"]:
            labelled[key] = place
    projection = {"type": "mercator", "fit": map_extent(located)}
    boundaries = json.loads(BOUNDARIES.read_text())
    sea = alt.Chart(alt.sphere()).mark_geoshape(fill="#dcebf5", clip=True).project(**projection)
    land = alt.Chart(alt.Data(values=boundaries["features"])).mark_geoshape(
        fill="#f3efe6", stroke="#8d8d8d", strokeWidth=0.7, clip=True).project(**projection)
    scale = controller_scale([p["controller"] for p in located])
    tooltip = [alt.Tooltip("place_name:N", title="place"), alt.Tooltip("controller:N"),
               alt.Tooltip("controlled_since:N", title="since"),
               alt.Tooltip("previous_controller:N", title="before"), alt.Tooltip("n_articles:Q", title="articles")]
    dots = alt.Chart(alt.Data(values=values(located))).mark_circle(size=220, opacity=0.9, stroke="white",
                                                                   strokeWidth=1.5).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        color=alt.Color("controller:N", scale=scale, title="controller"),
        tooltip=tooltip, description=alt.Description("map_label:N"),
    ).transform_calculate(map_label="'map place ' + datum.place_name + ' held by ' + datum.controller").project(**projection)
    labels = alt.Chart(alt.Data(values=values(list(labelled.values())))).mark_text(
        dx=9, align="left", fontSize=12, fontWeight="bold", color="#333").encode(
        longitude="longitude:Q", latitude="latitude:Q", text="place_name:N").project(**projection)
    chart = alt.layer(sea, land, dots, labels).properties(width=640, height=480, title="Who holds each place now")
    return chart.configure_view(stroke="#ccc").to_dict()


def timeline_chart(events: list[dict[str, Any]]) -> dict[str, Any]:
    dated = [dict(e, claim_id=e["claim_ids"][0] if e["claim_ids"] else None,
                  date_end=e["date_end"] or e["date_start"]) for e in events if e["date_start"]]
    scale = controller_scale([e["new_controller"] for e in dated])
    base = alt.Chart(alt.Data(values=values(dated))).encode(
        y=alt.Y("place_name:N", sort=alt.EncodingSortField("date_start", op="min"), title=None),
        color=alt.Color("new_controller:N", scale=scale, title="new controller"),
        tooltip=["place_name:N", "change_type:N", "new_controller:N", "previous_controller:N",
                 "date_start:T", "date_end:T", "n_articles:Q", "claimants:N"],
    )
    spans = base.mark_rule(strokeWidth=4).encode(
        x=alt.X("date_start:T", title="date", scale=alt.Scale(padding=16)), x2="date_end:T")
    marks = base.mark_point(size=120, filled=True).encode(
        x="date_start:T", shape=alt.Shape("change_type:N", title="change"))
    height = max(160, 22 * len({e["place_name"] for e in dated}))
    return alt.layer(spans, marks).properties(width=600, height=height,
                                              title="Control events (dated)").to_dict()


def estimate_label(estimate: dict[str, Any]) -> str:
    period = estimate["period_start"] or ""
    if estimate["period_end"] and estimate["period_end"] != estimate["period_start"]:
        period = f"{period}..{estimate['period_end']}"
    elif estimate["period_basis"] == "period" and period:
        period = f"since {period}"
    label = f"{estimate['victim_actor']} {estimate['outcome']} {period}".strip()
    return label + ("  [DISPUTED]" if estimate["disputed"] else "")


def casualty_chart(estimates: list[dict[str, Any]], claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Each claimant's range per victim group (low..high, open-ended drawn to +50%), the
    figure written beside it, disputed groups marked."""
    by_id = {e["estimate_id"]: e for e in estimates}
    points = []
    for claim in claims:
        estimate = by_id[claim["estimate_id"]]
        low = claim["count_low"] if claim["count_low"] is not None else claim["count_best"]
        if low is None:
            continue
        best = claim["count_best"] if claim["count_best"] is not None else low
        open_ended = claim["count_high"] is None and claim["qualifier"] in ("at_least", "more_than", "vague")
        high = claim["count_high"] if claim["count_high"] is not None else (low * 1.5 if open_ended else best)
        figure = f"{low:,}" if low == high or open_ended else f"{low:,}-{int(high):,}"
        points.append({"group": estimate_label(estimate), "claimant": claim["claimant"], "low": low,
                       "best": best, "high": high, "open_ended": open_ended, "disputed": estimate["disputed"],
                       "label": f"{figure}{'+' if open_ended else ''} " + (claim["claimant"] if claim["claimant"].startswith("(")
                                                                       else f"({claim['claimant']})"),
                       "claim_id": claim["claim_id"], "outlet": claim["outlet"]})
    base = alt.Chart(alt.Data(values=values(points))).encode(
        y=alt.Y("group:N", title=None, sort=alt.EncodingSortField("low", op="max", order="descending")),
        yOffset="claimant:N",
        color=alt.Color("claimant:N", title="claimant"),
        tooltip=["group:N", "claimant:N", "low:Q", "best:Q", "high:Q", "open_ended:N", "disputed:N", "outlet:N"],
    )
    x = alt.X("low:Q", scale=alt.Scale(type="log"), title="reported count (log scale)")
    ranges = base.mark_rule(strokeWidth=6, opacity=0.6).encode(x=x, x2="high:Q")
    dots = base.mark_point(filled=True, size=90).encode(x=alt.X("best:Q", scale=alt.Scale(type="log")))
    text = base.mark_text(align="left", dx=8, fontSize=11).encode(x="high:Q", text="label:N")
    height = max(160, 34 * len({p["group"] for p in points}))
    return alt.layer(ranges, dots, text).properties(
        width=560, height=height, title="Casualty figures: each claimant's range per victim group").to_dict()
