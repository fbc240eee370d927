"""Every annotation file under tests/gold loads, and the texts we wrote ourselves carry the
same article ids as their annotations (a misspelt key would silently drop an article)."""
import csv
from pathlib import Path

import pytest

from evaluation.gold import load_gold

GOLD = Path(__file__).resolve().parents[1] / "gold"


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.yaml")), ids=lambda p: p.name)
def test_gold_file_loads_with_facts(path: Path) -> None:
    gold = load_gold(path)
    assert len(gold) >= 20
    assert sum(len(facts) for a in gold.values() for facts in a.facts.values()) > len(gold)


@pytest.mark.parametrize("name", ["written_r6_open", "written_r6_closed", "written_r7", "written_r8_open", "written_r8_closed"])
def test_written_texts_match_their_annotations(name: str) -> None:
    with (GOLD / f"{name}_articles.csv").open(encoding="utf-8", newline="") as handle:
        ids = [row["unit_id"] for row in csv.DictReader(handle)]
    assert len(ids) == len(set(ids)) == 40
    assert set(load_gold(GOLD / f"{name}_gold.yaml")) == set(ids)
