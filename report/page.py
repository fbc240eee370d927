"""The report page: HTML sections (tables escaped here), the charts' specs and the claims
and article texts as inline JSON, the Vega bundle and the page script inlined. No network."""
from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import vl_convert

from sitrep.output import flat, json_value

from .charts import CONTROLLER_COLOURS, casualty_chart, estimate_label, map_chart, timeline_chart
from .data import ReportData
from .oryx import claims_link, oryx_html

ASSETS = Path(__file__).parent / "assets"


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, from the vl-convert-python package."""
    return vl_convert.javascript_bundle().replace("</script", "<\\/script")


def inline_json(value: Any) -> str:
    """JSON safe inside <script>: no "<" can close the tag."""
    return json.dumps(value, ensure_ascii=False, default=str).replace("<", "\\u003c")


def cell(value: Any) -> str:
    return escape(flat(value)) if value is not None else '<span class="muted">–</span>'


def swatch(actor: str | None) -> str:
    colour = CONTROLLER_COLOURS.get(actor or "unknown", "#9e9e9e")
    return f'<span class="swatch" style="background:{colour}"></span>{cell(actor)}'


def table(headers: list[str], rows: list[tuple[list[str], list[str]]], table_id: str = "") -> str:
    """``rows``: (claim ids, already-escaped cells)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        f'<tr data-claims="{escape(" ".join(i for i in ids if i))}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for ids, cells in rows)
    attr = f' id="{table_id}"' if table_id else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def places_table(data: ReportData) -> str:
    events = {e["event_id"]: e["claim_ids"] for e in data.control_events}
    extra = [c for c in ("geo_precision", "admin1", "place_type") if data.places and c in data.places[0]]
    rows = [(events.get(p["event_id"], []),
             [cell(p["place_name"]), swatch(p["controller"]), cell(p["controlled_since"]),
              swatch(p["previous_controller"]), cell(p["change_type"]), cell(p["n_articles"]),
              cell("no" if p["latitude"] is None else "yes")] + [cell(p.get(c)) for c in extra])
            for p in data.places]
    return table(["place", "controller", "since", "before", "last change", "articles", "on map"] + extra, rows,
                 "places")


def events_table(data: ReportData) -> str:
    rows = [(e["claim_ids"], [cell(e["place_name"]), cell(e["change_type"]), swatch(e["new_controller"]),
                              swatch(e["previous_controller"]), cell(e["date_start"]), cell(e["date_end"]),
                              cell(e["n_articles"]), cell(e["claimants"]), cell(len(e["claim_ids"]))])
            for e in data.control_events]
    return table(["place", "change", "new controller", "previous", "from", "to", "articles", "claimants",
                  "claims"], rows, "control-events")


def casualty_table(data: ReportData) -> str:
    ranges: dict[str, list[str]] = {}
    for claim in data.casualty_claims:
        low = claim["count_low"] if claim["count_low"] is not None else claim["count_best"]
        high = claim["count_high"]
        figure = flat(low) if high in (None, low) else f"{low}-{high}"
        plus = "+" if high is None and claim["qualifier"] in ("at_least", "more_than", "vague") else ""
        via = f" via {claim['via']}" if claim["via"] else ""
        ranges.setdefault(claim["estimate_id"], []).append(f"{claim['claimant']}{via}: {figure}{plus}")
    rows = []
    for e in data.casualty_estimates:
        disputed = '<span class="disputed">disputed</span>' if e["disputed"] else "no"
        rows.append((e["claim_ids"], [cell(estimate_label(e).replace("  [DISPUTED]", "")), cell(e["count_low"]),
                                      cell(e["count_best"]), cell(e["count_high"]), disputed,
                                      cell("; ".join(ranges.get(e["estimate_id"], []))), cell(e["n_claims"])]))
    return table(["victim group, outcome, period", "low", "best", "high", "disputed", "each claimant's figure",
                  "claims"], rows, "casualties-table")


def displacement_table(data: ReportData) -> str:
    def figure(low, best, high, qualifier):
        if best is None and low is None and high is None:
            return '<span class="muted">–</span>'
        return escape(f"{(qualifier or '').replace('_', ' ')} {flat(best if best is not None else low)}".strip())

    rows = [([d["claim_id"], d["projection_claim_id"]],
             [cell(d["population"]), cell(d["place_name"]),
              figure(d["count_low"], d["count_best"], d["count_high"], d["qualifier"]),
              cell(d["as_of_date"]), cell(d["claimant"]),
              figure(d["projected_count_low"], d["projected_count_best"], d["projected_count_high"],
                     d["projected_qualifier"]),
              cell(d["projection_as_of_date"]), cell(d["projection_claimant"])])
            for d in data.displacement]
    return table(["population", "place", "figure", "as of", "according to", "projection", "as of",
                  "according to"], rows, "displacement-table")


def claims_table(data: ReportData) -> str:
    rows = [([c["claim_id"]], [cell(c["date_start"]), cell(c["fact_type"]), cell(c["summary"]),
                               cell((c["claimant"] or "–") + (f" via {c['via']}" if c["via"] else "")),
                               cell(c["outlet"]), cell(c["title"]), cell(c["published_at"])])
            for c in data.claims]
    return table(["date", "fact", "claim", "claimant", "outlet", "title", "published"], rows, "all-claims")


def page_data(data: ReportData, charts: dict[str, Any]) -> dict[str, Any]:
    claims = {c["claim_id"]: {k: json_value(v) for k, v in c.items()} for c in data.claims}
    articles = {a["article_id"]: {k: json_value(v) for k, v in a.items()} for a in data.articles}
    return {"claims": claims, "articles": articles, "charts": charts}


def render(data: ReportData, generated_at: str, source: str) -> str:
    charts = {"map-chart": map_chart(data.places),
              "timeline-chart": timeline_chart(data.control_events),
              "casualty-chart": casualty_chart(data.casualty_estimates, data.casualty_claims)}
    counts = data.counts
    summary = (f"{counts.get('articles', 0)} articles · {counts.get('control_change', 0)} control claims · "
               f"{counts.get('casualty_claim', 0)} casualty claims · {counts.get('displacement_figure', 0)} "
               f"displacement figures · {counts.get('equipment_loss', 0)} equipment losses")
    sections = [
        ("map", "Map: who holds each place",
         '<div class="chart" id="map-chart"></div><p class="muted">Boundaries: Natural Earth (public domain). '
         "Places without coordinates are listed in the table only.</p>" + places_table(data)),
        ("timeline", "Timeline of control events",
         '<div class="chart" id="timeline-chart"></div>' + events_table(data)),
        ("casualties", "Casualty figures: the spread across claimants",
         '<div class="chart" id="casualty-chart"></div>' + casualty_table(data)),
        ("equipment", "Equipment losses (Oryx layout)", oryx_html(data.equipment)),
        ("displacement", "Displacement, with projections beside", displacement_table(data)),
        ("claims", "Every claim",
         '<input id="claim-filter" placeholder="filter claims (place, claimant, outlet…)">' + claims_table(data)),
    ]
    nav = " ".join(f'<a href="#{anchor}">{escape(title.split(":")[0])}</a>' for anchor, title, _ in sections)
    body = "\n".join(f'<section id="{anchor}"><h2>{escape(title)}</h2>{content}</section>'
                     for anchor, title, content in sections)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sitrep report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{(ASSETS / "report.css").read_text()}</style></head>
<body>
<header><h1>Sitrep report</h1><p>{escape(summary)}</p>
<p>Generated {escape(generated_at)} from {escape(source)}. Click any row, link or chart mark to read its evidence.</p>
<nav>{nav}</nav></header>
<main>{body}</main>
<aside id="evidence"><h2>Evidence <span class="muted" id="evidence-count"></span></h2>
<div id="evidence-body"><p class="muted">Click a row to see the sentence each claim was read from,
highlighted in its article, with outlet, title, date and url.</p></div></aside>
<script id="sitrep-data" type="application/json">{inline_json(page_data(data, charts))}</script>
<script>{vega_bundle()}</script>
<script>{(ASSETS / "report.js").read_text()}</script>
</body></html>
"""
