"""Matching extracted rows to gold facts (pure functions; scores in ``scoring.py``).

Rows are dicts with the warehouse contract's column names (what ``Claim.to_row()`` gives
and what the ``marts.fct_*`` tables hold). Gold facts are dicts in the shape of
``../shared/seeds/gold.yaml``. Nothing here reads files.

How a row matches a gold fact (per article and fact type)
---------------------------------------------------------
A gold value given as a list accepts any of its members; strings compare case-insensitively.
A matching field the gold fact leaves out does not constrain the row.

- control_change: gold ``place`` vs row ``place_name`` (case-insensitive, a leading "the"
  ignored, either containing the other; or both resolving to the same non-null place_id),
  gold ``new_controller`` == ``new_controller``, gold ``change_type`` == ``change_type``.
- casualty_claim: gold ``victim`` == ``victim_actor``; ``outcome`` == ``outcome``; when gold
  ``best`` is given (not null), ``best`` == ``count_best``; else when gold ``low`` is given,
  ``low`` == ``count_low``; else, when gold says ``best: null``, the row's ``count_best``
  must be null too.
- displacement_figure: ``population``; the count as for casualties; ``is_projection``.
- equipment_loss: gold ``model`` vs row ``model`` (case-, space- and hyphen-insensitive,
  "armored" = "armoured"); a *generic* gold model (all lower case, no digit: "tank",
  "armoured recovery vehicle") also matches a row whose model is null; ``category``;
  ``status``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

Row = dict[str, Any]
GoldFact = dict[str, Any]
PlaceIdOf = Callable[[str], "str | None"]

# ---------------------------------------------------------------- value comparisons


def as_options(gold_value: Any) -> list[Any]:
    """A gold value as the list of values it accepts."""
    return list(gold_value) if isinstance(gold_value, (list, tuple)) else [gold_value]


def same_value(gold_value: Any, row_value: Any) -> bool:
    """Row value equals the gold value (any member of a list; strings case-insensitive)."""
    for option in as_options(gold_value):
        if isinstance(option, str) and isinstance(row_value, str):
            if option.strip().casefold() == row_value.strip().casefold():
                return True
        elif isinstance(option, bool) or isinstance(row_value, bool):
            if option is row_value:  # True/False only equal themselves (not 1/0)
                return True
        elif option == row_value:
            return True
    return False


def normalise_place(name: str) -> str:
    """Place name for comparison: lower case, no leading "the", single spaces."""
    text = re.sub(r"\s+", " ", name.strip().casefold())
    return re.sub(r"^the ", "", text)


def place_matches(gold_place: Any, row: Row, place_id_of: PlaceIdOf | None = None) -> bool:
    """Gold place vs row place_name: containment either way, or the same resolved place_id."""
    row_name = row.get("place_name")
    row_id = row.get("place_id")
    for option in as_options(gold_place):
        if option is None:
            if not row_name:
                return True
            continue
        gold_name = normalise_place(str(option))
        if row_name:
            name = normalise_place(row_name)
            if name and gold_name and (name in gold_name or gold_name in name):
                return True
        if row_id and place_id_of is not None and place_id_of(str(option)) == row_id:
            return True
    return False


def normalise_model(model: str) -> str:
    """Equipment model for comparison: lower case, no spaces or hyphens, British spelling."""
    text = model.casefold().replace("armored", "armoured")
    return re.sub(r"[\s\-‐‑–_]+", "", text)


def is_generic_model(model: str) -> bool:
    """A generic gold model ("tank", "armoured recovery vehicle"): all lower case, no digit."""
    return model == model.lower() and not any(ch.isdigit() for ch in model)


def model_matches(gold_model: Any, row: Row) -> bool:
    """Gold model vs row model (see module docstring)."""
    row_model = row.get("model")
    for option in as_options(gold_model):
        if option is None:
            if row_model is None:
                return True
            continue
        option = str(option)
        if row_model is not None and normalise_model(option) == normalise_model(str(row_model)):
            return True
        if row_model is None and is_generic_model(option):
            return True
    return False


def count_matches(gold: GoldFact, row: Row) -> bool:
    """Gold best vs count_best, else gold low vs count_low, else best: null vs null."""
    if gold.get("best") is not None:
        return same_value(gold["best"], row.get("count_best"))
    if gold.get("low") is not None:
        return same_value(gold["low"], row.get("count_low"))
    if "best" in gold:
        return row.get("count_best") is None
    return True


# ---------------------------------------------------------------- matching rules as data

# fact type -> [(gold key, row column)] compared with same_value.
PLAIN_MATCH_FIELDS: dict[str, list[tuple[str, str]]] = {
    "control_change": [("new_controller", "new_controller"), ("change_type", "change_type")],
    "casualty_claim": [("victim", "victim_actor"), ("outcome", "outcome")],
    "displacement_figure": [("population", "population"), ("is_projection", "is_projection")],
    "equipment_loss": [("category", "category"), ("status", "status")],
}


def fact_matches(fact_type: str, gold: GoldFact, row: Row, place_id_of: PlaceIdOf | None = None) -> bool:
    """Does ``row`` (of ``fact_type``) state the gold fact? The rules of the module docstring."""
    for gold_key, column in PLAIN_MATCH_FIELDS[fact_type]:
        if gold_key in gold and not same_value(gold[gold_key], row.get(column)):
            return False
    if fact_type == "control_change" and "place" in gold:
        return place_matches(gold["place"], row, place_id_of)
    if fact_type in ("casualty_claim", "displacement_figure"):
        return count_matches(gold, row)
    if fact_type == "equipment_loss" and "model" in gold:
        return model_matches(gold["model"], row)
    return True


# ---------------------------------------------------------------- must_not

# must_not field -> row column, where it differs from the field name.
MUST_NOT_COLUMNS: dict[str, dict[str, str]] = {
    "control_change": {"place": "place_name"},
    "casualty_claim": {"best": "count_best", "low": "count_low", "victim": "victim_actor"},
    "displacement_figure": {"best": "count_best", "low": "count_low"},
    "equipment_loss": {"best": "quantity", "owner": "owner_actor", "captor": "captor_actor"},
}


def violates(entry: GoldFact, fact_type: str, row: Row, place_id_of: PlaceIdOf | None = None) -> bool:
    """Does ``row`` (of ``fact_type``) have every field value a ``must_not`` entry lists?"""
    if entry.get("type") not in (fact_type, "any"):
        return False
    columns = MUST_NOT_COLUMNS[fact_type]
    for key, value in entry.items():
        if key in ("type", "note"):
            continue
        column = columns.get(key, key)
        if column not in row:
            return False
        if key == "place":
            if not place_matches(value, row, place_id_of):
                return False
        elif key == "model":
            if not model_matches(value, row):
                return False
        elif not same_value(value, row[column]):
            return False
    return True


# ---------------------------------------------------------------- attributes


def _year_or_date_bounds(value: Any) -> tuple[date, date] | None:
    """(first day, last day) a gold date value allows; None when it is not a date."""
    if isinstance(value, date):
        return value, value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 2200:
        return date(value, 1, 1), date(value, 12, 31)
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        return day, day
    return None


def date_matches(gold_value: Any, start: Any, end: Any) -> bool | None:
    """Row span (start, end) vs a gold date / year / [earliest, latest] / null; None if unscorable."""
    if gold_value is None:
        return start is None and end is None
    if isinstance(gold_value, (list, tuple)):
        if len(gold_value) != 2:
            return None
        first, last = _year_or_date_bounds(gold_value[0]), _year_or_date_bounds(gold_value[1])
        if first is None or last is None:
            return None
        low, high = first[0], last[1]
    else:
        bounds = _year_or_date_bounds(gold_value)
        if bounds is None:
            return None
        low, high = bounds
        if low == high:  # a single day: the row must say exactly that day
            return start == low and end == low
    if start is None or end is None:
        return False
    return low <= start <= end <= high


def normalise_words(text: str) -> str:
    """Lower-case words only, single spaces (for claimant comparison)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def claimant_matches(gold_value: Any, row_claimant: Any) -> bool:
    """Gold claimant vs row claimant: normalised words, either containing the other."""
    for option in as_options(gold_value):
        if option is None:
            if not row_claimant:
                return True
            continue
        if row_claimant:
            gold_words, row_words = normalise_words(str(option)), normalise_words(str(row_claimant))
            if gold_words and row_words and (gold_words in row_words or row_words in gold_words):
                return True
    return False


def attribute_results(fact_type: str, gold: GoldFact, row: Row) -> dict[str, bool]:
    """For each attribute the gold fact gives (and that can be scored): is the row right?"""
    results: dict[str, bool] = {}
    if "event_date" in gold:
        verdict = date_matches(gold["event_date"], row.get("date_start"), row.get("date_end"))
        if verdict is not None:
            results["event_date"] = verdict
    if "period_start" in gold and fact_type == "casualty_claim":
        verdict = date_matches(gold["period_start"], row.get("period_start"), row.get("period_start"))
        if verdict is not None:
            results["period_start"] = verdict
    if "claimant" in gold:
        results["claimant"] = claimant_matches(gold["claimant"], row.get("claimant"))
    plain = {
        "previous_controller": "previous_controller", "qualifier": "qualifier",
        "victim_type": "victim_type", "quantity": "quantity",
        "owner": "owner_actor", "captor": "captor_actor",
    }
    for gold_key, column in plain.items():
        if gold_key in gold and column in row:
            results[gold_key] = same_value(gold[gold_key], row.get(column))
    return results
