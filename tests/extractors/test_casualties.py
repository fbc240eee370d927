"""Casualty claims from sentences of our own wording, plus the seed articles' facts."""
from datetime import date
from pathlib import Path

import pytest
import yaml

from extractors import extract_article
from extractors.casualties import read_casualties

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def read(text: str) -> list[tuple]:
    return [(m.count.best if m.count.best is not None else m.count.low, outcome, victim.actor, victim.type, perp)
            for m, outcome, victim, perp in read_casualties(text)]


def test_killing_n_and_n_killed() -> None:
    assert read("A car bomb tore through the market, killing nine civilians.") == [
        (9, "killed", "civilians", "civilian", None)]
    assert read("Eleven soldiers were killed and 30 wounded near the dam.") == [
        (11, "killed", "unknown", "combatant", None), (30, "wounded", "all", "mixed", None)]


def test_people_count_as_civilians_and_children_are_kept() -> None:
    assert read("At least 23 people, including six children, died in the raid.") == [
        (23, "killed", "civilians", "civilian", None), (6, "killed", "civilians", "civilian", None)]


def test_toll_breakdown_gives_one_claim_per_group() -> None:
    text = "The overall toll climbed to 312, including 140 from ISIS, 90 from the SDF and 82 civilians."
    assert read(text) == [
        (312, "killed", "all", "mixed", None), (140, "killed", "isis", "combatant", None),
        (90, "killed", "sdf", "combatant", None), (82, "killed", "civilians", "civilian", None)]


def test_perpetrator_from_subject_or_by_phrase() -> None:
    assert read("Russian air strikes killed 14 villagers overnight.")[0][4] == "russia"
    assert read("Seven shepherds were killed by government shelling.")[0][4] == "syrian_government"


def test_vague_and_missing_and_captive() -> None:
    assert read("Dozens of rebels were killed in the ambush.") == [(24, "killed", "opposition", "combatant", None)]
    assert read("Scores of fighters are now considered missing.")[0][1] == "missing"
    assert read("Gunmen are holding about 40 workers hostage.")[0][1] == "captive"


@pytest.mark.parametrize("text", [
    "The column advanced 40 kilometers, and the death toll is not known.",
    "Rebels killed no one when they took 12 villages in 2016.",
    "The city, home to 300,000 residents, saw people killed in past years.",
    "The ministry said 15 tanks were destroyed.",
])
def test_non_casualty_numbers_give_nothing(text: str) -> None:
    assert read(text) == []


def test_period_and_claimant_on_claims() -> None:
    text = ("According to the Observatory, since the assault began on May 3, the death toll has "
            "reached 77, including 20 civilians.")
    claims = extract_article(text, "t1", date(2023, 5, 20)).casualty_claims
    assert [(c.count.best, c.victim_actor) for c in claims] == [(77, "all"), (20, "civilians")]
    assert all(c.period_start == date(2023, 5, 3) and c.claimant == "SOHR" for c in claims)


def _seed_articles() -> tuple[dict, dict]:
    seeds = SHARED / "seeds"
    if not (seeds / "gold.yaml").exists():
        pytest.skip("../shared/seeds is absent (clone without the shared material)")
    gold = yaml.safe_load((seeds / "gold.yaml").read_text())["articles"]
    import csv
    manifest = {r["file"]: r for r in csv.DictReader((seeds / "manifest.csv").open())}
    return gold, manifest


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_seed_casualty_and_displacement_facts() -> None:
    gold, manifest = _seed_articles()
    for name, facts in gold.items():
        published = manifest[name]["published_at"] or None
        result = extract_article((SHARED / "seeds" / name).read_text(), name,
                                 date.fromisoformat(published) if published else None)
        rows = [c.to_row() for c in result.casualty_claims]
        for fact in facts.get("casualty_claims", []):
            if fact.get("optional"):
                continue
            key = ("count_best", fact["best"]) if fact.get("best") is not None else ("count_low", fact["low"])
            assert any(r["victim_actor"] in _as_list(fact["victim"]) and r["outcome"] in _as_list(fact["outcome"])
                       and r[key[0]] == key[1] for r in rows), (name, fact)
        figures = [f.to_row() for f in result.displacement_figures]
        for fact in facts.get("displacement_figures", []):
            assert any(r["population"] in _as_list(fact["population"]) and r["count_best"] == fact["best"]
                       and r["is_projection"] == fact["is_projection"] for r in figures), (name, fact)
        everything = [c.to_row() for c in result.all()]
        for trap in facts.get("must_not", []):
            if "best" in trap:
                kinds = {"casualty_claim": rows, "displacement_figure": figures, "any": everything}
                assert all(r.get("count_best", r.get("quantity")) != trap["best"]
                           for r in kinds.get(trap["type"], [])), (name, trap)
