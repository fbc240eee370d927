"""Military installations and facilities as places, their holder as the previous
controller, "the camp" for the installation named before, and "its fighters had taken"
(helper control6, issue 7).

Every sentence here was written by us (helper control6) in the style of wire reports from
Sudan, Myanmar, Syria, Gaza/Israel, Ukraine and the Sahel; none is copied from an article.
Each mechanism has near misses that must give no row (or not the wrong one).
"""
from datetime import date

import pytest

from extractors import extract_article


def rows(text: str) -> list:
    return extract_article(text, "t", date(2024, 5, 1)).control_changes


def changes(text: str) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type) for c in rows(text)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The RSF said on Thursday it had seized the headquarters of the army's 21st Infantry Division in Zalingei.",
     [("headquarters of the army's 21st Infantry Division in Zalingei", "rsf", "capture")]),
    ("Rebels overran the army's 93rd Brigade base east of Hama and the town of Souran.",
     [("army's 93rd Brigade base", "opposition", "capture"), ("Souran", "opposition", "capture")]),
    ("The Arakan Army said its fighters had overrun the army's 352nd Light Infantry Battalion base at Kyauktaw.",
     [("army's 352nd Light Infantry Battalion base at Kyauktaw", "arakan_army", "capture")]),
    ("Israeli soldiers retook the police station in Ashkelon on Sunday.",
     [("police station in Ashkelon", "israel", "recapture")]),
    ("Ukrainian troops took control of the western side of the bridge with Russia on Friday.", []),
])
def test_installation_objects(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


def test_installation_is_a_base_not_a_settlement() -> None:
    (row,) = rows("The RSF captured the headquarters of the army's 16th Infantry Division in Nyala.")
    assert row.place.place_type == "base"
    assert row.place.place_id is None  # never Babanusa itself in territorial_control
    assert row.place.latitude is not None  # but mapped where it stands


def test_the_holder_inside_the_object_is_the_previous_controller() -> None:
    """"the army's" inside the object held the base: it is not the captor."""
    (row,) = rows("Myanmar rebels said on Friday they had taken the army's 99th Light Infantry Division headquarters in Hsipaw.")
    assert row.new_controller != "myanmar"
    assert row.previous_controller == "myanmar"


@pytest.mark.parametrize("sentence", [
    "Government forces took the base.",  # nothing named before
    "The army said it had repelled an attack on its base in Kidal.",  # an attempt
])
def test_no_installation_row(sentence: str) -> None:
    assert [c for c in rows(sentence) if "base" in c.place.name or "positions" in c.place.name] == []


def test_the_camp_is_the_camp_named_before() -> None:
    text = ("Jihadists attacked a military camp in Tessit on Sunday, security sources said. "
            "JNIM said its fighters had taken the camp.")
    assert ("military camp in Tessit", "jnim", "capture") in changes(text)


def test_its_fighters_before_a_weak_verb_are_the_speaker() -> None:
    """A weak verb ("taken") counts when a possessive and a force noun stand right before it."""
    assert changes("The RSF said its fighters had taken Babanusa on Sunday.") == [("Babanusa", "rsf", "capture")]
    assert changes("The TNLA said its troops took Kyaukme on Tuesday.")[:1] in ([], [("Kyaukme", "tnla", "capture")],
                                                                                  [("Kyaukme", "opposition", "capture")],
                                                                                  [("Kyaukme", "unknown", "capture")])


def test_a_second_locative_names_where_the_base_stands() -> None:
    """"the army's main base in West Darfur at Ardamata" (sentence we wrote): the base is at Ardamata."""
    assert [c.place.name for c in rows("The RSF captured the army's main base in Central Darfur at Zalingei on Sunday.")] == [
        "army's main base in Central Darfur at Zalingei"]
