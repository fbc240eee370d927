"""Displacement figures and projections, sentences of our own wording."""
from datetime import date

from extractors import extract_article
from extractors.displacement import read_displacement


def read(text: str) -> list[tuple]:
    return [(m.count.best if m.count.best is not None else m.count.low, population, projection)
            for m, population, projection in read_displacement(text)]


def test_tallies() -> None:
    assert read("Some 45,000 residents have fled the district since Friday.") == [(45000, "displaced", False)]
    assert read("Lebanon hosts 1.2 million refugees.") == [(1200000, "refugees", False)]
    assert read("Buses completed the evacuation of 3,500 civilians.") == [(3500, "evacuated", False)]


def test_projection() -> None:
    assert read("Officials warned the number of displaced people could reach 700,000.") == [
        (700000, "displaced", True)]
    assert read("Aid groups expect that up to 90,000 refugees may cross next month.")[0][2] is True


def test_population_is_not_a_displacement() -> None:
    assert read("The city, home to 2 million people, saw few residents flee.") == []
    assert read("Villagers fled 12 villages and 30 kilometers of road.") == []


def test_claimant_from_the_sentence() -> None:
    text = "According to the UN, about 52,000 people have been displaced."
    figures = extract_article(text, "d1", date(2023, 1, 5)).displacement_figures
    assert [(f.count.best, f.count.qualifier, f.claimant) for f in figures] == [(52000, "approximately", "UN")]
