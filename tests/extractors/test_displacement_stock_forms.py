"""Displacement stocks told as where people are, counts as fractions of a scale, relative
clauses and origins between the people noun and the cue, returns and border crossings.
Sentences of our own wording (not taken from any article or excerpt file)."""
import pytest

from extractors.displacement import read_displacement
from extractors.numbers import find_counts


def read(text: str) -> list[tuple]:
    return [(m.count.best if m.count.best is not None else m.count.low, population)
            for m, population, _ in read_displacement(text)]


@pytest.mark.parametrize("text, value", [
    ("Nearly a quarter of a million people fled the fighting.", 250000),
    ("About half a million people have returned.", 500000),
    ("Some three-quarters of a million were uprooted.", 750000),
    ("Two thirds of a million children are out of school.", 666667),
    ("Half a dozen people were hurt.", 6),
])
def test_fractions_of_a_scale_are_one_count(text: str, value: int) -> None:
    counts = find_counts(text)
    assert len(counts) == 1
    assert counts[0].count.best == value


def test_a_fraction_without_a_scale_is_no_count() -> None:
    assert find_counts("Half of the population has left.") == []


@pytest.mark.parametrize("text, expected", [
    # where people are staying, told without a displacement word
    ("On Friday 3,200 people were in 41 temporary shelters in Sylhet division.", [(3200, "displaced")]),
    ("By Wednesday about 8,400 people were still staying in the centres.", [(8400, "displaced")]),
    ("Some 52,000 people are living in container settlements near Antakya.", [(52000, "displaced")]),
    ("About 9,000 people remained in accommodation centres in Sofala.", [(9000, "displaced")]),
    # a relative clause or an origin between the people noun and the cue
    ("Around 7,000 people whose homes were flattened were sheltering in schools.", [(7000, "displaced")]),
    ("Some 2,650 families, or 11,900 people, from villages along the river were staying in evacuation centres.",
     [(11900, "displaced")]),
    # returns and crossings
    ("More than 30,000 displaced people have gone back to their villages in Ituri.", [(30000, "returnees")]),
    ("About 4,000 of them crossed the Ubangi river into the Republic of Congo.", [(4000, "refugees")]),
    ("Some 12,500 people crossed the border into Chad last week.", [(12500, "refugees")]),
    ("Thousands of people have fled the Gao region into Niger since March.", [(2000, "refugees")]),
    ("The governor said 1,240 people had been moved to safer villages.", [(1240, "evacuated")]),
    ("Hundreds of displaced families began heading back to Jabalia on Sunday.", [(200, "returnees")]),
    ("About 9,000 people had arrived in Renk by Thursday.", [(9000, "displaced")]),
    ("Some 40,000 people, about half of them children, have been displaced.", [(40000, "displaced")]),
    ("In Deir al-Balah, where more than 700,000 people are sheltering, water is short.", [(700000, "displaced")]),
])
def test_stock_and_crossing_forms(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "About 1.2 million people live in urban centres along the coast.",
    "Some 500,000 Israelis live in settlements in the West Bank.",
    "The 200 people in the village were killed when the shell hit the market.",
    "Around 300 fighters crossed the front line near the river.",
    "About 3,000 soldiers arrived in Kidal on Tuesday.",
    "Some 200 fighters left the area under the deal.",
])
def test_places_and_crossings_that_are_not_displacement(text: str) -> None:
    assert read(text) == []


def test_a_month_named_may_is_no_forecast() -> None:
    found = read_displacement("KHARKIV, May 13 - Authorities have evacuated nearly 6,000 people from border villages.")
    assert [(m.count.best, population, projection) for m, population, projection in found] == [(6000, "evacuated", False)]
    assert read_displacement("Officials said 6,000 people may be evacuated.")[0][2] is True
