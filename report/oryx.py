"""Equipment losses in the Oryx layout: per owner, per category a headline with the total
and the split by status, then each model with its losses, each linked to its claims."""
from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

STATUSES = ("destroyed", "damaged", "abandoned", "captured")


def label(identifier: str | None) -> str:
    return (identifier or "unknown").replace("_", " ")


def claims_link(text: str, claim_ids: list[str]) -> str:
    return f'<a class="claims" data-claims="{escape(" ".join(claim_ids))}">{escape(text)}</a>'


def oryx_html(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return '<p class="muted">No equipment losses reported.</p>'
    owners: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        owners[row["owner_actor"] or "unknown"][row["category"] or "other"].append(row)
    parts = ['<div class="oryx">']
    for owner, categories in owners.items():
        total = sum(r["n_losses"] for rs in categories.values() for r in rs)
        parts.append(f"<h3>{escape(label(owner))} ({total})</h3>")
        for category, items in sorted(categories.items(), key=lambda kv: -sum(r["n_losses"] for r in kv[1])):
            by_status = defaultdict(int)
            for item in items:
                by_status[item["status"]] += item["n_losses"]
            split = ", ".join(f"{s}: {by_status[s]}" for s in STATUSES if by_status.get(s))
            count = sum(by_status.values())
            parts.append(f"<h4>{escape(label(category).capitalize())}s ({count}, of which {escape(split)})</h4><ul>")
            models: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for item in items:
                models[item["model"] or f"unknown {label(category)}"].append(item)
            for model, entries in models.items():
                n = sum(e["n_losses"] for e in entries)
                links = " ".join(
                    claims_link(f"({e['n_losses']}{'+' if e['n_at_least'] or e['n_unspecified_at_least_1'] else ''}, "
                                f"{e['status']})", e["claim_ids"] or [])
                    for e in entries)
                captors = sorted({c for e in entries for c in (e["captor_actors"] or [])})
                by = f' <span class="muted">by {escape(", ".join(label(c) for c in captors))}</span>' if captors else ""
                parts.append(f"<li><b>{n} {escape(model)}</b>: {links}{by}</li>")
            parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)
