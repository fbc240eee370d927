"""Whose people the victims are when the words name a leader, a peacekeeping mission, a state
in two words, a modifier of no side, or a place of armed men (casualty10w, round 10):

- a leader's possessive or loyalty names the group he leads ("43 of Haftar's fighters" -> lna;
  leaders read off actor_aliases.csv plus seeds/reference/casualty_leaders.csv);
- bare "peacekeepers" are the mission the article names, else the one deployed in the
  article's country (seeds/reference/casualty_peacekeepers.csv); a nationality word wins;
- two-word nationality words place soldiers ("Sri Lankan troops" ... "25 soldiers");
- a modifier naming no side leaves a state-forces noun bare ("1,173 federal servicemen" in a
  Russian article -> russia, never the Syrian default; seeds/reference/casualty_neutral_modifiers.csv);
- "people" killed where a violent verb's object is a place of armed men are a mixed toll
  (``armed_sites`` in seeds/reference/casualty_attackers.yaml), not civilians.

Every sentence here is our own, written for these tests (Libya, Sudan, South Sudan, Ukraine,
Russia/Chechnya, Central African Republic, DR Congo, Lebanon, Mali, Burkina Faso, Sri Lanka,
Afghanistan, Syria); none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.casualty_owner import leader_owner, leaders
from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return [(c.count.best or c.count.low, c.outcome, c.victim_actor) for c in claims]


def test_leaders_are_read_off_the_aliases_and_the_table() -> None:
    table = leaders()
    assert table["haftar"] == "lna" and table["machar"] == "splm_io" and table["gaddafi"] == "gaddafi_forces"
    assert table["hemedti"] == "rsf"
    assert "ukraine" not in table and "kyiv" not in table  # a state's forces are no leader's


@pytest.mark.parametrize(("label", "expected"), [
    ("of Haftar's fighters", "lna"),
    ("of Khalifa Haftar's men", "lna"),
    ("Hemedti's gunmen", "rsf"),
    ("of Machar's forces", "splm_io"),
    ("Putin's critics", None),        # not a combatant noun
    ("of Smith's fighters", None),    # no leader of the table
    ("of the group's fighters", None),  # a group anaphora, read elsewhere
])
def test_leader_owner(label: str, expected: str | None) -> None:
    assert leader_owner(label) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("TRIPOLI, Libya - The spokesman said the fighting killed at least 43 of Haftar's fighters near Gharyan.",
     [(43, "killed", "lna")]),
    ("Government forces killed 12 of Khalifa Haftar's men in Sirte, Libya.", [(12, "killed", "lna")]),
    ("KHARTOUM, Sudan - The army said it killed 120 of Hemedti's fighters near Omdurman.", [(120, "killed", "rsf")]),
    ("The army said 30 fighters loyal to Hemedti were killed in El Fasher, Sudan.", [(30, "killed", "rsf")]),
    ("JUBA, South Sudan - The army said it killed 25 of Machar's fighters near Nasir.", [(25, "killed", "splm_io")]),
    ("Russia's defence ministry said 200 of Zelensky's troops were killed near Kupiansk, Ukraine.",
     [(200, "killed", "ukraine")]),
    # the leader's forces as killers leave the victims as they are
    ("Residents said Haftar's forces killed 12 civilians in Tarhuna, Libya.", [(12, "killed", "civilians")]),
])
def test_a_leaders_possessive_names_his_group(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("BANGUI, Central African Republic - Rebels attacked the outskirts of Bangui, Central African Republic, "
     "on Wednesday. One peacekeeper was killed.", [(1, "killed", "minusca")]),
    # the mission the article names beats a neighbour the article also names
    ("BANGUI - Rebels seized Bangassou on the border with Congo and Congo's army closed the border. "
     "Seven peacekeepers had been killed since December, MINUSCA said.", [(7, "killed", "minusca")]),
    ("GOMA, Congo - Two Rwandan peacekeepers and three U.N. peacekeepers were killed.",
     [(2, "killed", "rwanda"), (3, "killed", "monusco")]),
    ("BEIRUT, Lebanon - Four peacekeepers were wounded when a shell hit their post near Naqoura in Lebanon.",
     [(4, "wounded", "unifil")]),
    # a nationality word still wins
    ("BANGUI, Central African Republic - Two Moroccan peacekeepers were killed near Bangassou.",
     [(2, "killed", "morocco")]),
])
def test_peacekeepers_are_the_mission(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("COLOMBO, Jan 2 - Sri Lankan troops captured Kilinochchi on Friday. Military sources said about 25 "
     "soldiers were killed on Wednesday alone.", [(25, "killed", "sri_lanka")]),
    ("JUBA, South Sudan - South Sudanese troops said 12 soldiers were killed in Nasir.", [(12, "killed", "south_sudan")]),
    ("MOSCOW, Feb 7 - Russian forces took Grozny. The Russian military says 1,173 federal servicemen have "
     "been killed since October.", [(1173, "killed", "russia")]),
    # in Syria the table's reading stands
    ("DAMASCUS - Government forces said 20 regular troops were killed in Idlib.", [(20, "killed", "syrian_government")]),
])
def test_state_words(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "victim"), [
    ("DAKAR - Islamist militants attacked a gendarmerie training school and the military section of the airport "
     "in Bamako, Mali, on Tuesday, killing 70 people.", "all"),
    ("Gunmen stormed an army base in northern Burkina Faso on Sunday, killing 40 people.", "all"),
    ("Russian missiles hit a military academy in Poltava, Ukraine, killing 50 people.", "all"),
    ("Taliban fighters attacked a police checkpoint in Kunduz, Afghanistan, killing nine people.", "all"),
    # negatives: a market, a wedding, civilians among the objects, a convoy of civilian cars
    ("Militants attacked a market near Gao, Mali, killing 30 people.", "civilians"),
    ("A drone struck a wedding party in Kandahar, Afghanistan, killing 20 people.", "civilians"),
    ("Gunmen attacked an army post and shot villagers in Mopti, Mali, killing 14 people.", "civilians"),
    ("Russian forces fired on a convoy of civilian cars near Kupiansk, Ukraine, killing 24 people.", "civilians"),
])
def test_people_at_an_armed_site_are_mixed(text: str, victim: str) -> None:
    assert [r[2] for r in _rows(text)] == [victim]


@pytest.mark.parametrize(("text", "expected"), [
    # a bare count taken prisoner in the sentence right after one side's fighters killed
    ("TRIPOLI, Libya - The spokesman said the fighting killed at least 43 of Haftar's fighters. "
     "About 18 were taken prisoner, he said.", [(43, "killed", "lna"), (18, "captive", "lna")]),
    ("KHARTOUM, Sudan - The army said it killed 120 RSF fighters in Omdurman on Monday. Dozens more were captured, it said.",
     [(120, "killed", "rsf"), (24, "captive", "rsf")]),
    ("KYIV, Ukraine - Ukraine said its forces killed 40 Russian soldiers near Bakhmut. About 12 were captured.",
     [(40, "killed", "russia"), (12, "captive", "russia")]),
    # negatives: another sentence between them; civilians killed before
    ("TRIPOLI, Libya - The spokesman said the fighting killed at least 43 of Haftar's fighters. Residents fled the town. "
     "About 18 were taken prisoner, he said.", [(43, "killed", "lna"), (18, "captive", "all")]),
    ("MARIUPOL - Russian shelling killed 30 civilians. About 18 were taken prisoner, officials said.",
     [(30, "killed", "civilians"), (18, "captive", "all")]),
])
def test_captives_after_a_fight_are_the_losers(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # soldiers listed with their auxiliaries are the state's combatants
    ("OUAGADOUGOU, Burkina Faso - Jihadists attacked Djibo on Sunday, killing dozens of soldiers and volunteer "
     "militiamen, security sources said.", [(24, "killed", "burkina_faso")]),
    ("A security source in Burkina Faso said about 50 soldiers and volunteers had been killed in Djibo.",
     [(50, "killed", "burkina_faso")]),
    ("BAMAKO, Mali - 12 soldiers and policemen were killed in an ambush near Mopti.", [(12, "killed", "mali")]),
    # negatives: another side, civilians, volunteers of an aid society
    ("KHARTOUM, Sudan - The army said 20 soldiers and RSF fighters were killed in clashes.", [(20, "killed", "all")]),
    ("BAMAKO, Mali - 12 soldiers and civilians were killed in an ambush near Mopti.", [(12, "killed", "all")]),
    ("ALEPPO, Syria - Shelling killed 5 soldiers and volunteers of the Red Crescent.", [(5, "killed", "all")]),
])
def test_soldiers_and_their_auxiliaries(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the crew of an aircraft model of the (military) equipment catalogue are its state's
    ("YEREVAN, Armenia - Armenia said a Russian Mi-24 helicopter was shot down over Armenia near the border on "
     "Monday, killing two crew members.", [(2, "killed", "russia")]),
    # negatives: an airliner, a cargo plane
    ("A Boeing 737 crashed near Tehran, killing all nine crew members.", [(9, "killed", "civilians")]),
    ("KHARTOUM, Sudan - An Antonov cargo plane crashed in Khartoum, killing five crew members.", [(5, "killed", "civilians")]),
])
def test_crew_of_a_catalogued_military_aircraft(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "others" after one victim told without a count are that victim's people; the one
    # ("a U.N. crew member", "an aid worker") is a count of one (casualty11: "a"/"an" before
    # up to two modifiers and a singular people noun, numbers_vocabulary.yaml)
    ("JUBA, South Sudan - A South Sudanese army general and dozens of soldiers were killed when a U.N. helicopter came "
     "under fire on Friday. Makuei put the number of soldiers killed at 27. Another 30 soldiers were wounded, he said. "
     "A U.N. crew member also died, the U.N. mission UNMISS said, and two others were seriously injured.",
     [(24, "killed", "south_sudan"), (27, "killed", "south_sudan"), (30, "wounded", "south_sudan"), (1, "killed", "civilians"),
      (2, "wounded", "civilians")]),
    ("A crew member of the helicopter was killed and two others were critically injured, the U.N. mission said.",
     [(1, "killed", "civilians"), (2, "wounded", "civilians")]),
    ("KYIV - Russian shelling killed 12 civilians in Kherson. An aid worker was also killed and three others were wounded.",
     [(12, "killed", "civilians"), (1, "killed", "civilians"), (3, "wounded", "civilians")]),
])
def test_others_of_one_victim(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a state named only by its weapon fired it: its soldiers are not the victims
    ("KYIV - Russian shelling killed 12 soldiers near Bakhmut.", [(12, "killed", "unknown")]),
    ("BEIRUT - An Israeli air strike killed three soldiers in south Lebanon.", [(3, "killed", "unknown")]),
    # the victims' state named by a force word still decides
    ("KYIV, Ukraine - Ukraine's air force said a Russian drone strike on a base near Poltava had killed seven soldiers.",
     [(7, "killed", "ukraine")]),
    ("GAZA - The Israeli military said three soldiers were killed by a Hamas attack.", [(3, "killed", "israel")]),
])
def test_a_weapons_state_is_no_victim(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_a_captive_count_with_words_of_its_own_before_it_stays() -> None:
    # the sentence counts an unread figure of its own before the captives: no ellipsis
    text = ("BANGUI, Central African Republic - One peacekeeper was killed. The government said 30 attackers of the "
            "coalition were 'neutralised' and five captured near Bangui.")
    assert ("captive", "minusca") not in [(r[1], r[2]) for r in _rows(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # more state-forces nouns: airmen, guardsmen
    ("COLOMBO, Sri Lanka - Sri Lankan troops captured Kilinochchi. A suicide bomber killed two airmen outside the "
     "air force headquarters in Colombo later on Friday, police said.", [(2, "killed", "sri_lanka")]),
    ("DAMASCUS - Rebels killed 4 airmen at the Mezzeh airbase.", [(4, "killed", "syrian_government")]),
    ("KYIV, Ukraine - Ukraine's army said 9 Ukrainian guardsmen were wounded near Pokrovsk.", [(9, "wounded", "ukraine")]),
])
def test_more_force_nouns(text: str, expected: list) -> None:
    assert _rows(text) == expected
