"""Control recall, round 10 (helper control10b): order restored as a recapture, a hold told as
the result of fighting, community words starting a listed name, "took those villages".

Every sentence below was written for this test by helper control10b; none is taken from an
article. Each mechanism has near misses that must give no row.
"""
from datetime import date

import pytest

from extractors import extract_article


def rows(text: str, published: date = date(2016, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


def places(text: str) -> list[str]:
    return [r[0] for r in rows(text)]


# ---- 1. "restored security / stability / law and order to/in PLACES": a recapture

@pytest.mark.parametrize("text, place, agent", [
    ("Units of the Syrian army restored security and stability to the town of Kafr Nabuda after eliminating the last terrorists.",
     "Kafr Nabuda", "syrian_government"),
    ("The army restored stability in Rankus after eliminating terrorists there.", "Rankus", "syrian_government"),
    ("Ethiopian federal forces restored law and order in Mekelle on Saturday, the prime minister said.", "Mekelle", "ethiopia"),
    ("A military source said the army had restored calm to Qaboun.", "Qaboun", "syrian_government"),
    ("Russia's Defence Ministry said its forces had restored control over Kupiansk.", "Kupiansk", "russia"),
])
def test_order_restored_is_a_recapture(text: str, place: str, agent: str) -> None:
    assert (place, agent, "recapture") in rows(text)


def test_quoted_idiom_with_a_list_across_locatives() -> None:
    text = ("A military source told SANA that army units were able to 'restore security' to Kafr Zita and Latamna "
            "in the countryside of Hama, Tal Salmo west of Aleppo and Jarjanaz and Tamanah near Maarat al-Numan.")
    got = rows(text)
    assert sorted(p for p, _, _ in got) == ["Jarjanaz", "Kafr Zita", "Latamna", "Tal Salmo", "Tamanah"]
    assert {(a, c) for _, a, c in got} == {("syrian_government", "recapture")}


def test_list_with_a_compass_part_of_a_countryside() -> None:
    text = "The army restored security to Deir al-Adas and Kafr Nasij in the northern countryside of Daraa and Danaji near Izraa."
    assert sorted(places(text)) == ["Danaji", "Deir al-Adas", "Kafr Nasij"]


def test_list_of_pairs_north_of_a_city() -> None:
    assert sorted(places("Russian forces restored control over Pisky and Vodiane north of Donetsk, the ministry said.")) == [
        "Pisky", "Vodiane"]


@pytest.mark.parametrize("text", [
    "The government sent troops to restore order in Kidal.",
    "The army is determined to restore security all over Syria.",
    "Police failed to restore calm in the town of Kismayo.",
    "The president vowed to restore law and order in Mekelle.",
    "Troops will restore stability in the town of Marib, the minister said.",
])
def test_plans_and_failures_to_restore_order_give_no_row(text: str) -> None:
    assert rows(text) == []


# ---- 2. "had full control of PLACE after heavy clashes": a capture; without the cause, a state

@pytest.mark.parametrize("text, place, agent", [
    ("The monitor said regime troops had full control of the Leramun district after heavy clashes.", "Leramun district",
     "syrian_government"),
    ("The army has complete control of Kafr Nabuda following days of fighting, SANA said.", "Kafr Nabuda", "syrian_government"),
    ("Russian forces now have full control of Vuhledar after weeks of fighting, the ministry said.", "Vuhledar", "russia"),
    ("The RSF was in full control of Nyala after fierce battles with the army.", "Nyala", "rsf"),
])
def test_control_after_fighting_is_a_capture(text: str, place: str, agent: str) -> None:
    assert (place, agent, "capture") in rows(text)


@pytest.mark.parametrize("text", [
    "The army had control of Leramun, the monitor said.",
    "The army had control of Leramun after the ceasefire.",
    "Rebels have control of the town, and the clashes continued after dark.",
])
def test_control_without_a_fight_stays_a_state(text: str) -> None:
    assert rows(text) == []


# ---- 3. a list named before, taken up by "those / these / the villages"

@pytest.mark.parametrize("verb", ["captured", "took", "had taken", "seized"])
@pytest.mark.parametrize("anaphor", ["those villages", "these villages", "the villages"])
def test_anaphor_to_the_listed_villages(verb: str, anaphor: str) -> None:
    text = (f"Kurdish forces tried to enter the villages of Tal Jabin and Hardatnin. "
            f"On Saturday IS fighters {verb} {anaphor}, the monitor said.")
    assert sorted(rows(text)) == [("Hardatnin", "isis", "capture"), ("Tal Jabin", "isis", "capture")]


def test_community_word_starts_a_listed_name() -> None:
    text = ("Rebels on Friday attempted to enter the rebel-controlled villages of Akhtarin and Turkmen Bareh near the "
            "Turkish border. The Observatory said that on Saturday IS fighters had captured those villages.")
    assert sorted(places(text)) == ["Akhtarin", "Turkmen Bareh"]


def test_community_word_of_an_actor_is_no_item() -> None:
    assert places("Turkish-backed rebels captured Jarablus and Kurdish YPG fighters withdrew.") == ["Jarablus"]


@pytest.mark.parametrize("text", [
    "The RSF captured those villages last year, before the war began.",
    "Aid workers took the villages by surprise with their convoy.",
    "The ceremony took place in the villages of Tal Jabin and Hardatnin.",
])
def test_anaphor_without_a_list_or_a_taking_gives_no_row(text: str) -> None:
    assert rows(text) == []


def test_comma_lost_after_a_locative_city() -> None:
    text = ("A military source said army units were able to restore security to Deir Maker and Kafr Nasij in the "
            "countryside of Damascus Tal Salmo west of Damascus and Tal Meri and Danaji near Kafr Shams.")
    assert sorted(places(text)) == ["Danaji", "Deir Maker", "Kafr Nasij", "Tal Meri", "Tal Salmo"]


def test_locative_city_alone_is_no_item() -> None:
    assert sorted(places("The army restored security to Deir Maker and Kafr Nasij in the countryside of Damascus.")) == [
        "Deir Maker", "Kafr Nasij"]
