"""Control precision and agents in other wars, second pass (helper control8b).

Every sentence below was written for this test by helper control8b (wire-service style);
none is taken from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str, published: date = date(2024, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


@pytest.mark.parametrize("text", [
    # an assault with no word of a hold is a raid
    "KHARTOUM, June 6 - Witnesses said RSF fighters had stormed the village of Um Dom twice, killing dozens.",
    "MOGADISHU, Jan 13 - Al Shabaab fighters stormed a military base at Bulo Burte on Friday before being repelled.",
])
def test_an_assault_alone_is_no_capture(text: str) -> None:
    assert changes(text) == []


@pytest.mark.parametrize("text, expected", [
    # near misses: the sentence says the place was taken or held
    ("MOGADISHU, Jan 13 - Al Shabaab fighters stormed the town of Bulo Burte and took control of it on Friday.",
     ("Bulo Burte", "al_shabaab", "capture")),
    ("KHARTOUM, June 6 - RSF fighters stormed and captured the village of Um Dom on Tuesday.",
     ("Um Dom", "rsf", "capture")),
])
def test_an_assault_with_a_hold_is_a_capture(text: str, expected: tuple) -> None:
    assert expected in changes(text)


def test_another_group_is_not_the_group_of_the_story() -> None:
    text = ("YANGON, Aug 30 - The Arakan Army said it had captured Maungdaw on Friday. "
            "The army's command in Lashio fell to another rebel group in August.")
    assert [c for c in changes(text) if c[0] == "Lashio"] == []
    assert ("Maungdaw", "arakan_army", "capture") in changes(text)


def test_the_town_is_the_story_place_not_a_capital_in_passing() -> None:
    text = ("Government forces say they have taken Bani Walid\n\n"
            "TRIPOLI, June 6 - Libya's Government of National Accord said on Friday its forces had taken "
            "Bani Walid, as the offensive on Tripoli collapsed.\n\n"
            "GNA fighters entered the town without meeting resistance, a spokesman said.")
    places = [c[0] for c in changes(text)]
    assert "Tripoli" not in places and "Bani Walid" in places


@pytest.mark.parametrize("text, expected", [
    # forces named by whom they serve read as their master, in any war
    ("TRIPOLI, June 26 - Forces loyal to Libya's Tripoli-based government seized the town of Gharyan on Wednesday.",
     ("Gharyan", "libya", "capture")),
    ("JUBA, March 4 - Forces loyal to President Salva Kiir recaptured the town of Nasir on Tuesday.",
     ("Nasir", "south_sudan", "recapture")),
    ("KHARTOUM, Nov 23 - Troops of the Sudanese government recaptured the town of Sinja on Saturday.",
     ("Sinja", "sudan", "recapture")),
    ("BENGHAZI, Jan 5 - Haftar-aligned fighters captured the town of Sirte on Monday.",
     ("Sirte", "lna", "capture")),
])
def test_forces_named_by_allegiance(text: str, expected: tuple) -> None:
    assert expected in changes(text)


def test_allegiance_mentions_and_near_misses() -> None:
    from extractors.actors import find_actors
    assert [(m.actor_id) for m in find_actors("the Tripoli-based government's forces withdrew")] == ["libya"]
    assert [(m.actor_id) for m in find_actors("fighters loyal to the eastern-based administration")] == ["lna"]
    # a seat no table knows, a master no rule knows: nothing rather than a guess
    assert find_actors("forces loyal to the Zawiya-based government") == []
    assert find_actors("fighters loyal to a local commander") == []


@pytest.mark.parametrize("text, expected", [
    # an armed group the tables lacked, with its side; a time phrase before the passive's "by"
    ("JUBA, March 8 - The White Army overran the town of Nasir in Upper Nile state on Tuesday.",
     ("Nasir", "white_army", "capture")),
    ("JUBA, March 8 - The town of Nasir was overrun on Tuesday by the White Army.",
     ("Nasir", "white_army", "capture")),
    ("KHARTOUM, June 6 - The town of Sinja was captured overnight by RSF fighters.", ("Sinja", "rsf", "capture")),
])
def test_new_group_and_timed_passive(text: str, expected: tuple) -> None:
    assert expected in changes(text)


def test_the_white_army_fights_the_state_not_the_splm_io() -> None:
    from extractors.sides import opposed
    assert opposed("white_army", "south_sudan") and not opposed("white_army", "splm_io")


def test_the_dateline_country_beats_a_namesake_of_an_unnamed_country() -> None:
    from extractors.theatre import article_country
    # Marawi is also a town in Sudan (a free-text country); the dateline names the Philippines
    assert article_country(["Troops retake Marawi", "MARAWI, Philippines, Oct 17 - Troops retook the city of "
                            "Marawi on Tuesday.", "Fighting in Marawi had lasted five months."]) == "PH"
    # near miss: a report that names Sudan keeps Sudan's town
    assert article_country(["RSF attack Marawi", "KHARTOUM, Oct 17 - Sudanese troops said RSF fighters "
                            "attacked Marawi in Sudan on Tuesday.", "Marawi lies on the Nile."]) == "SD"
