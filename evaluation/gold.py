"""Reading a gold file: the shape of ``../shared/seeds/gold.yaml``.

A gold file holds ``articles:``, a mapping from an article key (a file name such as
``000_48653ec1725ca67c.txt`` or a FA-KES ``unit_id``) to that article's expected facts::

    articles:
      "1914947530":
        published_at: 2017-04-05
        control_changes: [ {place: ..., new_controller: ..., change_type: ...} ]
        casualty_claims: [ {victim: ..., outcome: ..., best: ...} ]
        displacement_figures: [ ... ]
        equipment_losses: [ ... ]
        must_not: [ {type: casualty_claim, best: 20} ]

Keys are read as strings (YAML would make ``1914947530`` an integer).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import EvaluationInputError

# Gold file section name -> fact type (as in ``extractors.claims``' ``fact_type``).
SECTIONS: dict[str, str] = {
    "control_changes": "control_change",
    "casualty_claims": "casualty_claim",
    "displacement_figures": "displacement_figure",
    "equipment_losses": "equipment_loss",
}
FACT_TYPES: tuple[str, ...] = tuple(SECTIONS.values())
MUST_NOT_TYPES: tuple[str, ...] = (*FACT_TYPES, "any")


@dataclass(frozen=True)
class GoldArticle:
    """The expected facts of one article: ``facts[fact_type]`` is a list of gold fact dicts."""

    key: str
    published_at: date | None
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    must_not: list[dict[str, Any]] = field(default_factory=list)


def load_gold(path: str | Path) -> dict[str, GoldArticle]:
    """Gold articles of a gold file, by article key. Raises EvaluationInputError on bad input."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationInputError(f"gold file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise EvaluationInputError(f"gold file {path} is not valid YAML: {error}") from error
    return parse_gold(data, source=str(path))


def parse_gold(data: Any, source: str = "gold") -> dict[str, GoldArticle]:
    """Gold articles from an already-parsed YAML document (checked for shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise EvaluationInputError(f"{source}: expected a top-level 'articles:' mapping")
    articles: dict[str, GoldArticle] = {}
    for raw_key, body in data["articles"].items():
        key = str(raw_key)
        body = body or {}
        if not isinstance(body, dict):
            raise EvaluationInputError(f"{source}: article {key} must be a mapping")
        unknown = set(body) - set(SECTIONS) - {"published_at", "must_not", "title", "outlet", "note"}
        if unknown:
            raise EvaluationInputError(f"{source}: article {key} has unknown sections {sorted(unknown)}")
        facts = {SECTIONS[name]: _fact_list(body.get(name), source, key, name) for name in SECTIONS}
        must_not = _fact_list(body.get("must_not"), source, key, "must_not")
        for entry in must_not:
            if entry.get("type") not in MUST_NOT_TYPES:
                raise EvaluationInputError(
                    f"{source}: article {key}: must_not entry {entry} needs type in {MUST_NOT_TYPES}"
                )
        articles[key] = GoldArticle(key, _as_date(body.get("published_at")), facts, must_not)
    return articles


def _fact_list(value: Any, source: str, key: str, section: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise EvaluationInputError(f"{source}: article {key}: '{section}' must be a list of mappings")
    return [dict(item) for item in value]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise EvaluationInputError(f"published_at {value!r} is not an ISO date") from error
