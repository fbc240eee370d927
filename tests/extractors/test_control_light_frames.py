"""Control changes told with a light verb and a control noun, in every voice, and places
told as counted groups (helper control4, issue 7).

Every sentence here was written by us (helper control4) in the style of wire reports from
Syria, Ukraine, Sudan, Gaza/Lebanon, Myanmar, Yemen and the Sahel; none is copied from an
article. Each mechanism has positive sentences and negative ones (attempts, plans,
denials, futures, questions, provinces) that must give no row.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str, published: date | None = date(2024, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


# ---------------------------------------------------------------- light verb + noun + preposition

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Rebels scored quick gains in the Dahiyet al-Assad district on Friday.",
     [("Dahiyet al-Assad district", "opposition", "entry")]),
    ("Russian forces have made significant advances into Krasnohorivka.",
     [("Krasnohorivka", "russia", "entry")]),
    ("The RSF made rapid inroads into Wad Madani on Saturday.",
     [("Wad Madani", "rsf", "entry")]),
    ("Israeli troops, making new gains inside Khan Younis, pressed on.",
     [("Khan Younis", "israel", "entry")]),
    ("Arakan Army fighters seized ground in Paletwa last week.",
     [("Paletwa", "arakan_army", "capture")]),
    ("Government forces had recovered some lost ground in Sahl al-Ghab.",
     [("Sahl al-Ghab", "syrian_government", "recapture")]),
])
def test_light_verb_frames(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The rebels made gains in Hama province.",  # a province: an advance, no place taken
    "Russian forces gained ground in Ukraine.",  # a country
    "Russian forces failed to make gains in Avdiivka.",
    "The army said it hoped to make advances into Douma soon.",
    "Will the army make gains in Idlib?",
    "The Houthis could make advances into Marib if the truce collapses.",
    "JNIM has not made inroads into Djibo.",
    "The Tatmadaw is expected to gain ground in Lashio.",
])
def test_light_verb_frames_negative(sentence: str) -> None:
    assert changes(sentence) == []


# ---------------------------------------------------------------- the control noun in other voices

@pytest.mark.parametrize(("sentence", "expected"), [
    # passive with the control noun as subject; the agent heads the sentence before
    ("Syrian army units pushed west of Deir Ezzor on Tuesday. A military source announced that "
     "control was established over Telal Hakema after the fortifications of ISIL were destroyed.",
     [("Telal Hakema", "syrian_government", "capture")]),
    ("Full control has been restored over Kupiansk by Ukrainian troops.",
     [("Kupiansk", "ukraine", "recapture")]),
    # PLACE was taken / brought under control
    ("The village of Kafr Nabuda was taken under control by the Syrian army on Tuesday.",
     [("Kafr Nabuda", "syrian_government", "capture")]),
    ("The town of Babanusa was brought back under Sudanese army control on Sunday.",
     [("Babanusa", "sudan", "recapture")]),
    # a possessive before "control", a preposition of the verb
    ("The RSF extended their control to Babanusa.", [("Babanusa", "rsf", "capture")]),
    ("Houthi fighters wrested control of Al Hazm on Friday.", [("Al Hazm", "houthis", "capture")]),
    # "won back", with the subject, not the actor governed by "on"
    ("On Saturday the SDF, after inflicting heavy casualties on IS fighters, won back the "
     "general hospital of Manbij.", [("general hospital of Manbij", "sdf", "recapture")]),
    ("Ukrainian troops won back Kupiansk on Sunday.", [("Kupiansk", "ukraine", "recapture")]),
])
def test_control_noun_voices(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The army vowed that control would be established over Douma within days.",
    "Control was not established over Khan Younis, a spokesman said.",
    "Ukrainian troops tried to win back Kupiansk on Sunday.",
    "The Syrian army refuted terrorists claims about winning back a key district near Deir Ezzor.",
    "The RSF aims to extend its control to El Fasher.",
    "Kafr Nabuda was not taken under control by the army, activists said.",
])
def test_control_noun_voices_negative(sentence: str) -> None:
    assert changes(sentence) == []


# ---------------------------------------------------------------- "where", lists of gains

@pytest.mark.parametrize(("sentence", "expected"), [
    ("A correspondent who visited Dahiyet al-Assad where rebels seized ground on Friday saw "
     "deserted streets.", [("Dahiyet al-Assad", "opposition", "capture")]),
    ("Rebel gains were reported north of Hama. The gains are mostly north of Hama province "
     "including the towns of Suran and Halfaya.",
     [("Suran", "opposition", "capture"), ("Halfaya", "opposition", "capture")]),
    ("Analysts said the Houthi advances included Marib and Al Jawf.",
     [("Marib", "houthis", "capture"), ("Al Jawf", "houthis", "capture")]),
])
def test_where_clauses_and_lists_of_gains(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The army hopes its gains will include Douma.",
    "Analysts said the Houthi advances could include Marib.",
    "Fighting raged in Bakhmut, where Russian forces failed to seize ground.",
])
def test_where_clauses_and_lists_of_gains_negative(sentence: str) -> None:
    assert changes(sentence) == []


# ---------------------------------------------------------------- counted groups of places

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The rebels have seized control of 14 villages in four days.",
     [("14 villages", "opposition", "capture")]),
    ("Militants pushed on for the first time, seizing a string of villages.",
     [("string of villages", "opposition", "capture")]),
    ("The army captured several towns and villages on Monday.",
     [("several towns and villages", "syrian_government", "capture")]),
    ("The RSF took 3 villages on Sunday.", [("3 villages", "rsf", "capture")]),
    ("The Arakan Army seized five towns, the group said.", [("five towns", "arakan_army", "capture")]),
    ("JNIM fighters overran a number of villages near Djibo.",
     [("number of villages near Djibo", "jnim", "capture")]),  # a territory phrase
])
def test_counted_groups_are_places(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Government forces shelled 14 villages in Idlib.",  # no control verb
    "The Arakan Army said it aimed to capture several towns in Rakhine.",
    "The RSF took 20 prisoners.",
    "Three SDF soldiers were killed fighting IS after the capture of five villages.",  # whose capture?
    "Israeli troops did not enter the two villages.",
])
def test_counted_groups_negative(sentence: str) -> None:
    assert changes(sentence) == []


def test_described_encirclement_with_a_framing_agent() -> None:
    text = ("In March SDF military commander Nasser Haj Mansour told Sputnik that the Kurdish-led "
            "units had surrounded the strategically important Al Tabqah west of Raqqa.")
    assert changes(text, date(2017, 4, 6)) == [("Al Tabqah", "sdf", "encirclement")]


# ---------------------------------------------------------------- the places and agents of nouns

@pytest.mark.parametrize(("text", "expected"), [
    # a gloss in brackets does not end a list of hills
    ("Army units took control over the hills of Tal Saman (the barricades) and Tal Abyad after "
     "destroying the last IS positions.",
     [("hills of Tal Saman", "syrian_government", "capture"), ("Tal Abyad", "syrian_government", "capture")]),
    # the one district the article names stands for "a district in X" and "the district"
    ("Rebels advanced into a key district in Aleppo on Monday. The attack on the Castello Road in "
     "the Al Mallah district came at dawn. The regime's capture of the district days ago had come "
     "during a truce.",
     [("Al Mallah district", "opposition", "entry"), ("Al Mallah district", "syrian_government", "capture")]),
    # a possessor names the agent of a noun
    ("The RSF's seizure of Wad Madani shocked the army.", [("Wad Madani", "rsf", "capture")]),
    ("The Houthis' capture of Al Hazm was confirmed on Friday.", [("Al Hazm", "houthis", "capture")]),
])
def test_places_and_agents_of_nouns(text: str, expected: list[tuple]) -> None:
    assert changes(text) == expected


@pytest.mark.parametrize("sentence", [
    "The regime's capture of Aleppo would change the war.",  # hypothetical
    "The Organization for the Liberation of the Levant issued a statement.",
    "Rebels advanced into a key district in Aleppo and the Zahra district on Monday.",  # two named districts
    "Government forces seized the central prison in Aleppo and Idlib.",  # a singular site: no list
])
def test_places_and_agents_of_nouns_negative(sentence: str) -> None:
    rows = changes(sentence)
    assert all(place not in ("Idlib", "Aleppo", "Zahra district") for place, _, _ in rows)
    assert not any("Liberation" in place for place, _, _ in rows)


def test_encircled_compass_half_is_that_half_of_the_city_named_before() -> None:
    text = ("Aleppo city has been divided between government control in the west and rebel control "
            "in the east since 2012. In recent weeks government forces have encircled the east.")
    assert changes(text, date(2016, 8, 1)) == [("eastern Aleppo", "syrian_government", "encirclement")]


@pytest.mark.parametrize("text", [
    "Russian troops shelled Kharkiv. They encircled the north of the country.",  # "of": not a half
    "Government forces shelled the east of Aleppo.",  # no encirclement
    "The army failed to encircle the east. Aleppo remained divided.",
])
def test_encircled_compass_half_negative(text: str) -> None:
    assert changes(text, date(2016, 8, 1)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The army brought Kafr Nabuda back under its control on Tuesday.",
     [("Kafr Nabuda", "syrian_government", "recapture")]),
    ("Rebels had held the town of Marea for a year. On Sunday the army brought it back under "
     "regime control.", [("Marea", "syrian_government", "recapture")]),
    ("The Tatmadaw put Lashio under military control, the junta said.", [("Lashio", "myanmar", "capture")]),
])
def test_brought_under_control(text: str, expected: list[tuple]) -> None:
    assert changes(text) == expected


@pytest.mark.parametrize("sentence", [
    "The blast took place on the outskirts of the Old City of Homs which is under rebel control.",
    "Firefighters brought the blaze under control.",
    "The army vowed to bring Douma under its control.",
    "Hamas has not brought Rafah under its control.",
])
def test_brought_under_control_negative(sentence: str) -> None:
    assert changes(sentence) == []
