"""Equipment by shape, not by list (issue 7, item 7; helper equipment10w): designations,
names before a generic head, ships' names, intransitive loss verbs after a relative pronoun,
the owner from a state's name, and weapons used, delivered or counted as stock.

Every sentence here is OUR OWN wording, written for these tests across wars and eras
(Falklands, Iran-Iraq, Lebanon, Georgia 2008, the Gulf 1991, Korea, Ukraine, Sudan, Gaza,
Yemen, Myanmar, DR Congo, Ethiopia, Libya); none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def rows(text: str) -> list[tuple]:
    """(model, category, status, quantity) of every loss the text reports."""
    return [(e.model, e.category, e.status, e.quantity)
            for e in extract_article(text, "w", date(2024, 6, 1)).equipment_losses]


def owners(text: str) -> list[tuple]:
    return [(e.model, e.owner_actor) for e in extract_article(text, "w", date(2024, 6, 1)).equipment_losses]


# ---------------------------------------------------------------- ships named

@pytest.mark.parametrize("text,expected", [
    ("Argentine Skyhawks sank HMS Coventry off Pebble Island.", [("HMS Coventry", "other", "destroyed", 1)]),
    ("The British submarine HMS Conqueror sank the cruiser General Belgrano on 2 May 1982.",
     [("General Belgrano", "other", "destroyed", 1)]),
    ("An Argentine missile struck the destroyer HMS Sheffield, which sank six days later.",
     [("HMS Sheffield", "other", "destroyed", 1)]),
    ("Ukrainian naval drones sank the Russian landing ship Caesar Kunikov off Crimea.",
     [("Caesar Kunikov", "other", "destroyed", 1)]),
    ("Ukrainian missiles damaged the frigate Admiral Makarov near Snake Island.",
     [("Admiral Makarov", "other", "damaged", 1)]),
    ("The cruiser Moskva sank after being struck by two missiles.", [("Moskva", "other", "destroyed", 1)]),
    ("Russian troops captured four Georgian patrol boats in the port of Poti.", [(None, "other", "captured", 4)]),
    ("Two Russian destroyers were damaged in the strike on Sevastopol.", [(None, "other", "damaged", 2)]),
])
def test_ships_by_name_and_class(text: str, expected: list) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- names and designations

@pytest.mark.parametrize("text,expected", [
    ("Iraqi forces captured dozens of Iranian Chieftain tanks near Basra.", [("Chieftain", "tank", "captured", None)]),
    ("North Korean forces destroyed several US M24 Chaffee tanks near Osan.",
     [("M24 Chaffee", "tank", "destroyed", None)]),
    ("Argentine forces abandoned several Pucara aircraft at Pebble Island.", [("Pucara", "aircraft", "abandoned", None)]),
    ("Iranian F-4 Phantom jets were shot down over Baghdad.", [("F-4 Phantom", "aircraft", "destroyed", None)]),
    ("Allied jets destroyed several Scud launchers in western Iraq.", [("Scud", "other", "destroyed", None)]),
    ("Georgian air defences shot down a Russian Tu-22M3 bomber over South Ossetia.",
     [("Tu-22M3", "aircraft", "destroyed", 1)]),
    ("Rebels shot down an F-5 over the northern front.", [("F-5", "aircraft", "destroyed", 1)]),
    ("Tigrayan fighters downed a Mi-35 near Mekelle.", [("Mi-35", "helicopter", "destroyed", 1)]),
    ("Ukrainian troops captured two BMP-3s near Kharkiv.", [("BMP-3", "infantry_fighting_vehicle", "captured", 2)]),
    ("Government troops lost a Yak-130 in the fighting, the ministry admitted.",
     [("Yak-130", "aircraft", "destroyed", 1)]),
])
def test_models_by_shape(text: str, expected: list) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    # a count, an owner, a road, a missile: no model name
    "Argentina lost 45 aircraft in the conflict.",
    "Rebels seized the M-4 highway and destroyed two army trucks.",
    "An Iraqi SA-7 missile downed a British helicopter over Kuwait.",
    "Hezbollah fighters destroyed four Wagner tanks.",
])
def test_no_false_model_names(text: str) -> None:
    for model, _, _, _ in rows(text):
        assert model not in ("45", "M-4", "SA-7", "Wagner")


# ---------------------------------------------------------------- owner from a state's name

@pytest.mark.parametrize("text,expected", [
    ("Georgia lost at least four Su-25 jets during the five-day war.", [("Su-25", "georgia")]),
    ("Argentina lost a Super Etendard over the islands.", [("Super Etendard", "argentina")]),
    ("Ukraine's air force lost an F-16 jet on Monday.", [("F-16", "ukraine")]),
    ("Russia reportedly lost a Beriev A-50 surveillance plane over the Sea of Azov.", [("A-50", "russia")]),
    ("Israel said it destroyed most of Syria's navy ships in Latakia.", [(None, "syrian_government")]),
    ("Iraqi forces captured dozens of Iranian Chieftain tanks near Basra.", [("Chieftain", "iran")]),
])
def test_owner_from_state_name(text: str, expected: list) -> None:
    assert owners(text) == expected


# ---------------------------------------------------------------- not losses

@pytest.mark.parametrize("text", [
    "Russian drones struck an energy facility in Odesa overnight.",
    "Israeli warplanes struck targets in southern Lebanon on Tuesday.",
    "Tanks shelled the village before the infantry advanced.",
    "Argentine Skyhawks attacked British ships in San Carlos Water.",
    "The frigate fired on the Argentine positions near Goose Green.",
    "Russian bombers destroyed the bridge over the river.",
    "The US has sent 31 Abrams tanks and dozens of Bradley fighting vehicles to Ukraine.",
    "Germany pledged 18 Leopard 2 tanks, Berlin said.",
    "The army has about 2,000 tanks and 500 combat aircraft.",
    "Russia has lost more than half of its pre-war tank fleet, analysts estimate.",
    "The navy deployed two frigates to the Red Sea.",
    "The submarine HMS Conqueror torpedoed the cruiser.",
    "A Bayraktar TB2 destroyed a Russian supply convoy.",
    "The Su-25 jets struck rebel positions near Goma.",
    "Rebels said they would shoot down any aircraft entering the zone.",
    "The government denied that any helicopters were lost.",
    "The Houthis seized a cargo ship in the Red Sea.",
])
def test_not_a_loss(text: str) -> None:
    assert rows(text) == []


def test_sinking_ship_is_no_loss_of_the_attacker() -> None:
    """Our sentence: the drones that sank the ship are not lost."""
    assert rows("Ukrainian naval drones sank the Russian landing ship Caesar Kunikov.") == [
        ("Caesar Kunikov", "other", "destroyed", 1)]


def test_hit_then_sunk_is_one_ship() -> None:
    """Our sentences: the ship hit in one sentence and sunk in another is one destroyed ship."""
    text = ("Ukrainian missiles struck the flagship of the Black Sea Fleet.\n\n"
            "Officials said the cruiser had been hit by two missiles.\n\nThe warship sank on Thursday.")
    assert [r[2] for r in rows(text)] == ["destroyed"]


# ---------------------------------------------------------------- "it" after a loss verb

@pytest.mark.parametrize("text,expected", [
    ("An Iraqi jet fired two missiles at the frigate USS Stark, badly damaging it.", [("USS Stark", "other", "damaged", 1)]),
    ("Rebels fired a missile at the army helicopter, bringing it down near Idlib.", [(None, "helicopter", "destroyed", 1)]),
    ("Ukrainian forces struck a Russian Buk launcher in Kherson, destroying it.", [("Buk", "air_defence_system", "destroyed", 1)]),
    ("A Hezbollah missile struck the corvette INS Hanit, setting it on fire.", [("INS Hanit", "other", "destroyed", 1)]),
    ("Argentine pilots sank the frigates HMS Ardent and HMS Antelope.",
     [("HMS Ardent", "other", "destroyed", 1), ("HMS Antelope", "other", "destroyed", 1)]),
])
def test_pronoun_and_named_ships(text: str, expected: list) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "A drone hit the tank but failed to destroy it.",
    "The army captured a tank and drove it back to base.",
])
def test_pronoun_without_a_new_fate(text: str) -> None:
    """Our sentences: "it" after a failed or non-loss verb adds no row."""
    assert all(e.equipment_text != "it" for e in extract_article(text, "w", date(2024, 6, 1)).equipment_losses)
    assert len(rows(text)) <= 1


# ---------------------------------------------------------------- captures told as pictures, control, recovery

@pytest.mark.parametrize("text,expected", [
    # our sentences: Myanmar, Afghanistan, Sudan, Iraq, Mozambique, Karabakh
    ("Pictures showed rebels posing with captured howitzers, mortars and an army truck.",
     [(None, "towed_artillery", "captured", None), (None, "other", "captured", None), (None, "truck", "captured", 1)]),
    ("Videos showed Taliban fighters standing beside captured Humvees and pickup trucks in Kunduz.",
     [("Humvee", "armoured_vehicle", "captured", None), (None, "truck", "captured", None)]),
    ("RSF fighters took control of two army tanks left at the base.", [(None, "tank", "captured", 2)]),
    ("Insurgents took control of helicopters and armoured vehicles left at the airport in Mosul.",
     [(None, "helicopter", "captured", None), (None, "armoured_vehicle", "captured", None)]),
    ("Rwandan troops recovered three trucks that the insurgents had taken from the army.", [(None, "truck", "captured", 3)]),
    ("The Karabakh forces began handing over armoured vehicles and artillery under the deal.",
     [(None, "armoured_vehicle", "captured", None), (None, "towed_artillery", "captured", None)]),
])
def test_captures_beyond_the_capture_verb(text: str, expected: list) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "Rebels captured the town with tanks and armoured vehicles.",
    "Fighters aboard pickup trucks seized the village.",
    "The army took control of the road with two tanks.",
])
def test_means_are_still_no_loss(text: str) -> None:
    assert rows(text) == []


# ---------------------------------------------------------------- owners: "the group", lists

def test_group_anaphor_takes_the_armed_group_named_before() -> None:
    """Our sentences (Myanmar): "the group" is the Arakan Army, so the howitzers were the junta's."""
    text = ("The Arakan Army attacked the Myanmar military's base in Ann on Friday.\n\n"
            "The group said it had seized six howitzers in the fighting.")
    assert [(e.status, e.owner_actor, e.captor_actor)
            for e in extract_article(text, "w", date(2024, 12, 1)).equipment_losses] == [("captured", "myanmar", "arakan_army")]


def test_owner_shared_along_a_list() -> None:
    """Our sentence (Karabakh): the owner of the first item owns the items listed after it."""
    assert owners("Azerbaijan said its drones destroyed 12 Armenian T-72 tanks and four Osa systems.") == [
        ("T-72", "armenia"), ("Osa", "armenia")]
