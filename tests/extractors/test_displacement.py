"""Displacement figures and projections, sentences of our own wording."""
from datetime import date

import pytest

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


# --- rules added for real wire text (sentences of our own wording) ---------------------

def test_evacuations_by_convoy_and_safe_passage() -> None:
    assert read("Buses carrying about 3,000 people left the besieged town at dawn.")[0][1] == "evacuated"
    assert read("Nearly 900 people, among them many fighters, were granted safe passage to the north.") == [
        (900, "evacuated", False)]
    # a count inside the aside belongs to the same evacuation
    assert [r[1] for r in read(
        "The convoy carried at least 4000 people including several hundred gunmen who were granted safe passage.")] == [
        "evacuated", "evacuated"]


def test_forced_from_homes_but_not_forced_to_surrender() -> None:
    assert read("The militia forced 12,000 villagers out of their homes last spring.") == [(12000, "displaced", False)]
    assert read("The army forced 150 gunmen to surrender.") == []


def test_home_to_displaced_people_is_a_figure() -> None:
    assert read("The camp is home to tens of thousands of people displaced by the shelling.")[0][1] == "displaced"


def test_displaced_victims_of_a_strike_are_not_a_displacement_figure() -> None:
    assert read("The raid killed two farmers and a family of five displaced people sheltering in a school.") == []
    assert read("Officials counted 5,000 displaced people in the camp.") == [(5000, "displaced", False)]


def test_a_count_of_killed_evacuees_is_a_casualty_not_a_displacement() -> None:
    assert read("Days earlier a car bomb killed more than 80 evacuees at the crossing.") == []


def test_bare_count_after_displaced() -> None:
    assert read("The conflict has killed 90,000 people and displaced millions since 2012.") == [
        (2000000, "displaced", False)]
    assert read("The war uprooted 6 million, nearly half of the pre-war population.") == [
        (6000000, "displaced", False)]
    assert read("The floods displaced 40 percent of the district.") == []


def test_displacement_of_and_exodus_of() -> None:
    assert read("The assault caused the displacement of roughly 75,000 people.") == [(75000, "displaced", False)]
    assert read("Monitors recorded an exodus of 8,000 families toward the coast.") == [(8000, "displaced", False)]
    assert read("The offensive caused the displacement of 3 besieged villages.") == []


def test_caused_or_prompted_to_flee() -> None:
    assert read("Heavy shelling has caused thousands of civilians to flee.") == [(2000, "displaced", False)]
    assert read("The advance prompted some 15,000 residents to flee north.") == [(15000, "displaced", False)]
    assert read("The siege has forced millions to flee.") == [(2000000, "displaced", False)]
    assert read("Air raids forced hundreds of Deir Ezzor locals to flee their homes.") == [(200, "displaced", False)]
    assert read("The strikes caused 25 people to be wounded.") == []


def test_planned_evacuations_and_families() -> None:
    assert read("Under the truce more than 9000 people will be evacuated in three stages.") == [
        (9000, "evacuated", True)]
    assert read("About 300 rebels and their families were evacuated overnight.") == [(300, "evacuated", False)]
    assert read("The agreement would evacuate 1,200 gunmen to the north.") == [(1200, "evacuated", True)]
    assert read("Planners warned the dam failure could displace up to 250,000 people.") == [
        (250000, "displaced", True)]


def test_cue_inside_a_long_noun_phrase() -> None:
    assert read("Hundreds of government supporters evacuated the night before slept in the buses.") == [
        (200, "evacuated", False)]
    # a run of capitalised words (a headline) does not name people
    assert read("Views 512 Related Syrian refugees arrive in new camp") == []


def test_a_count_of_towns_is_not_people() -> None:
    assert read("Evacuation of 4 Besieged Towns Resumes after the blast") == []


def test_the_known_total_is_not_a_forecast() -> None:
    assert read("She said she would leave and join the 3 million refugees who have already gone.") == [
        (3000000, "refugees", False)]


def test_nationality_homeless_and_asylum() -> None:
    assert read("Some 700 Palestinian refugees reached the border post.") == [(700, "refugees", False)]
    assert read("The bombardment left 6,500 people homeless.") == [(6500, "displaced", False)]
    assert read("Around 900 Syrians have sought asylum in Greece.") == [(900, "refugees", False)]


def test_a_deal_that_will_see_fighters_leave_is_a_projected_evacuation() -> None:
    from datetime import date
    from extractors import extract_article
    rows = extract_article("A deal was reached in Qudsaya that will see some 150 rebels and their families leave the "
                           "area and be transferred to Idlib.", "t", date(2016, 10, 13)).displacement_figures
    assert [(r.population, r.count.best, r.is_projection) for r in rows] == [("evacuated", 150, True)]


def test_the_number_could_reach_is_a_projection_of_the_same_population() -> None:
    from datetime import date
    from extractors import extract_article
    rows = extract_article("The UN said 80,000 people had been displaced, warning the number could reach 300,000.",
                           "t", date(2024, 12, 6)).displacement_figures
    assert [(r.count.best, r.is_projection) for r in rows] == [(80000, False), (300000, True)]


def test_arrivals_in_camps_and_refuge_are_displacement_but_a_population_is_not() -> None:
    from datetime import date
    from extractors import extract_article
    def figures(text: str) -> list:
        return [(r.population, r.count.low) for r in extract_article(text, "t", date(2024, 12, 6)).displacement_figures]
    assert figures("Over 1,000 families have arrived in the camps near the border since Friday.") == [("displaced", 1000)]
    assert figures("Some 3,000 people took refuge in mosques and schools.") == [("displaced", None)]
    assert figures("Half of the pre-war population of 22 million has been displaced.") == []


def test_every_population_cue_passes_the_sentence_prefilter() -> None:
    from extractors import displacement
    from extractors.casualties import has_hint
    cues = displacement._cues()
    words = [w for w in cues["words"]]
    assert [w for w in words if not has_hint(f"Some 300 {w} were counted.", cues["hint_stems"], cues["hint"])] == []


# ---- issue 7: displacement the IDMC way. Sentences we wrote in the style of OCHA, IDMC and
# UNHCR updates from several countries (places real, events and figures invented).

def _figures(text: str, published: date = date(2024, 6, 14)):
    return extract_article(text, "h", published).displacement_figures


@pytest.mark.parametrize("text, best, population, measure, cause", [
    ("In North Kivu, nearly 600,000 people are sheltering in camps and collective centres around Goma.",
     600000, "displaced", "stock", "unknown"),
    ("About 2,400 families are staying with host families in Zinda Jan district after the earthquake.",
     2400, "displaced", "stock", "disaster"),
    ("Attacks by armed groups drove new displacement: 4,500 newly displaced people arrived at Bakassi camp.",
     4500, "displaced", "flow", "conflict"),
    ("In the Far North, 8,700 displacements were recorded in June following attacks on villages.",
     8700, "displaced", "flow", "conflict"),
    ("Ahead of the cyclone more than 100,000 people took shelter in monasteries and schools in Rakhine.",
     100000, "displaced", "flow", "disaster"),
    ("Cyclone Freddy left at least 22,000 people homeless in Zambezia province.",
     22000, "displaced", "flow", "disaster"),
    ("Some 1.1 million Iraqis remain internally displaced, the government said.",
     1100000, "displaced", "stock", "unknown"),
    ("Fighting in El Fasher has displaced an estimated 130,000 people since 10 May.",
     130000, "displaced", "flow", "conflict"),
    ("More than 300,000 people, mostly Syrians, have crossed from Lebanon into Syria to escape Israeli airstrikes.",
     300000, "refugees", "flow", "conflict"),
])
def test_stocks_flows_and_causes(text, best, population, measure, cause) -> None:
    rows = [(f.count.best or f.count.low, f.population, f.measure, f.cause) for f in _figures(text)]
    assert rows == [(best, population, measure, cause)]


def test_as_of_date_read_from_the_text() -> None:
    [figure] = _figures("As of 12 March, more than 6.5 million people were internally displaced across Sudan.",
                        date(2024, 3, 20))
    assert (figure.measure, figure.as_of) == ("stock", date(2024, 3, 12))
    [figure] = _figures("There were 375,539 internally displaced people in Mali at the end of April 2023.",
                        date(2023, 6, 30))
    assert figure.as_of == date(2023, 4, 30)
    [figure] = _figures("Fighting has displaced 25,000 people in North Gondar zone.")
    assert figure.as_of is None  # no date given: never a guess


def test_a_figure_restated_or_broken_down_keeps_its_population() -> None:
    rows = _figures("IOM estimates that nearly 580,000 people are currently internally displaced in Haiti, "
                    "up from 362,000 in March.")
    assert [(f.count.best, f.population) for f in rows] == [(580000, "displaced"), (362000, "displaced")]
    rows = _figures("Nearly 4.4 million people remain displaced across Ethiopia, including 1 million in Tigray.")
    assert [f.count.best for f in rows] == [4400000, 1000000]


def test_casualties_beside_displacement_stay_casualties() -> None:
    text = ("Ethnic violence in Manipur since 3 May has killed at least 60 people, and more than 35,000 "
            "people have been moved to relief camps.")
    claims = extract_article(text, "m", date(2023, 5, 12))
    assert [c.count.low for c in claims.casualty_claims] == [60]
    assert [(f.count.low, f.cause) for f in claims.displacement_figures] == [(35000, "conflict")]


def test_excerpt_benchmark_reads_every_labelled_file() -> None:
    from evaluation.displacement_excerpts import DEFAULT_FILE, load_excerpts, score

    excerpts = load_excerpts(DEFAULT_FILE)
    scores = score(excerpts[:5])
    assert scores.excerpts == 5 and scores.labelled >= 5
    assert 0 <= scores.found <= scores.labelled
