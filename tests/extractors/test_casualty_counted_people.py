"""Who and how many a count's own words make the victims (round 10, casualty10f):
- an outcome participle right after "N others" is that count's outcome, also in a headline
  run into its lead without a full stop ("Child killed two others injured in attack on X One
  child was killed ...": two wounded, not two killed) (casualty_cues.py, the relative phrase);
- one person and a relative named after them are two victims ("a man and his wife", "one
  mother and her child"; not "a commander and his bodyguards") (casualty_readings.with_partner);
- "one of ISIS bodies" is an organ of the group, not remains (casualty_cue_reading.py);
- people whose own words make them members of an armed group are its combatants ("seven
  people of a local armed group", "three men from the Nusra Front"), and a toll of "people"
  with a part from an armed group is a mixed toll ("412 people, more than half of them from
  ISIS") (casualty_readings.mixed_people).

Every sentence here is our own, written for these tests (Syria, Ukraine, Sudan, Mali, Nigeria,
Somalia, Yemen, Myanmar, Afghanistan); none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str, str]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return sorted((c.count.best or c.count.low, c.outcome, c.victim_actor, c.victim_type) for c in claims)


@pytest.mark.parametrize(("text", "expected"), [
    # a headline run into its lead: the participle after "N others" is theirs
    ("Child killed two others injured in shelling on Sheikh Maqsoud in Aleppo One child was killed and two others "
     "were injured on Monday when shells hit the neighbourhood.",
     [(1, "killed", "civilians", "civilian"), (2, "wounded", "civilians", "civilian")]),
    ("Woman killed three others wounded in drone strike on Kherson A woman was killed and three others were wounded "
     "on Friday when a drone hit a bus stop.",
     [(1, "killed", "civilians", "civilian"), (3, "wounded", "civilians", "civilian")]),
    ("Four people killed six others injured in rocket attack on Omdurman market Four people were killed and six "
     "others were injured on Sunday when rockets hit the market.",
     [(4, "killed", "civilians", "civilian"), (6, "wounded", "civilians", "civilian")]),
    # a participle phrase that is no outcome still sits between the victims and their verb
    ("Five Ugandan soldiers serving with the AU mission were killed near Baidoa.",
     [(5, "killed", "uganda", "combatant")]),
])
def test_participle_after_others_is_their_outcome(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A source said the shells killed a man and his wife in the village of Kafr Nabl.", [(2, "killed", "civilians", "civilian")]),
    ("The rockets claimed the lives of a man and his wife as their house collapsed.", [(2, "killed", "civilians", "civilian")]),
    ("One mother and her child have died after a barrel bomb hit their home in Daraa.", [(2, "killed", "civilians", "civilian")]),
    ("A man and his young daughter were killed in the shelling of Bakhmut.", [(2, "killed", "civilians", "civilian")]),
    ("A woman and her two-year-old son were killed when a drone hit their car near Kharkiv.", [(2, "killed", "civilians", "civilian")]),
    ("Gunmen shot dead a farmer and his son in Benue state on Tuesday.", [(2, "killed", "civilians", "civilian")]),
    ("A father and his three children were wounded when a shell hit their tent in Rafah.", [(3, "wounded", "civilians", "civilian")]),
    # (above: the children have a count of their own; the father is left out)
    # not a relative: the partner is no count
    ("A man and his friends were arrested after the protest in Mandalay.", []),
    ("A teacher and her students were injured in the blast in Kabul.", []),
    ("One soldier was killed and his unit withdrew from the village near Gao.", [(1, "killed", "mali", "combatant")]),
])
def test_one_person_and_a_relative_are_two(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the woman detained is a captive (casualty11: "detain" is a captive lemma); no remains
    ("The so-called al-Hisbah which is one of ISIS bodies had detained a woman in Raqqa.", [(1, "captive", "civilians", "civilian")]),
    ("Rescuers recovered one of the bodies from the rubble in Mariupol on Tuesday.", []),
    ("Police found the bodies of 12 men in a ditch outside Khartoum.", [(12, "killed", "civilians", "civilian")]),
    ("Dozens of bodies were found in a mass grave near Izium.", [(24, "killed", "all", "mixed")]),
])
def test_an_organ_of_a_group_is_no_remains(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Another seven people of a local armed group were also killed in the clash.", [(7, "killed", "unknown", "combatant")]),
    ("Three men from the Nusra Front were killed in the strike on Tuesday.", [(3, "killed", "hts", "combatant")]),
    ("Nine people from al-Shabaab were killed in the raid near Kismayo, police said.", [(9, "killed", "al_shabaab", "combatant")]),
    ("Ten people of a rebel militia were wounded when their truck hit a landmine near Lashio.",
     [(10, "wounded", "opposition", "combatant")]),  # no second count from "a rebel militia"
    # people of a place, a family, a community stay civilians
    ("Five people from the same family were killed in the shelling of Douma.", [(5, "killed", "civilians", "civilian")]),
    ("Twelve people of the village were killed when the militia attacked.", [(12, "killed", "civilians", "civilian")]),
    ("Six people from Kharkiv were killed in the strike.", [(6, "killed", "civilians", "civilian")]),
    ("20 people of the Hazara community were killed in the bombing in Kabul.", [(20, "killed", "civilians", "civilian")]),
])
def test_people_of_an_armed_group_are_its_combatants(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 412 people, more than half of them from ISIS, have been killed in and around Kobane since mid-September.",
     [(412, "killed", "all", "mixed")]),
    ("The strike killed 15 people, most of them from the Wagner group, near Bakhmut.", [(15, "killed", "all", "mixed")]),
    ("The blast killed 30 people, more than half of them from the same tribe, in Marib.", [(30, "killed", "civilians", "civilian")]),
])
def test_people_with_a_part_from_an_armed_group_are_mixed(text, expected):
    assert _rows(text) == expected


# Round 10, casualty10f: where an attack was aimed. Our own sentences again (Syria, Ukraine,
# Sudan, Yemen, Gaza, Nigeria, Somalia).
@pytest.mark.parametrize(("text", "expected"), [
    # a headline run into its lead: the lead's subject is no target of the headline's attack
    ("2 persons killed 13 injured in terrorist rocket attacks on Harasta suburb Damascus Countryside Terrorist "
     "organizations positioned in Eastern Ghouta fired rocket shells on the town.",
     [(2, "killed", "civilians", "civilian"), (13, "wounded", "civilians", "civilian")]),
    ("Shelling on residential neighbourhoods of Donetsk by Ukrainian forces killed five people.",
     [(5, "killed", "civilians", "civilian")]),
    # an armed side named before any place people live in stays an armed target
    ("Strikes on army positions in the village of Kafr Zita killed 20 people.", [(20, "killed", "all", "mixed")]),
    ("A drone strike on a Houthi checkpoint near Marib killed 12 people.", [(12, "killed", "all", "mixed")]),
    ("A suicide attack on a rival rebel group's headquarters killed 16 people in Idlib.", [(16, "killed", "all", "mixed")]),
])
def test_homes_before_an_armed_side_make_no_armed_target(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bare tolls of an attack aimed at civilians by name, no combatant named among the victims
    ("A bomb attack on a convoy of evacuees near Rashidin killed dozens. The death toll rose to 70 on Sunday. "
     "Over 130 were injured, a source said.",
     [(24, "killed", "civilians", "civilian"), (70, "killed", "civilians", "civilian"), (130, "wounded", "civilians", "civilian")]),
    ("An air strike on a crowded market in El Fasher killed 31, activists said. The toll later rose to 40.",
     [(31, "killed", "civilians", "civilian"), (40, "killed", "civilians", "civilian")]),
    # a combatant named among the victims keeps the article's other bare tolls as read
    ("An air strike on a crowded market in Saada killed 31, medics said. The toll later rose to 40. "
     "Two Houthi fighters were among the dead.",
     [(2, "killed", "houthis", "combatant"), (31, "killed", "civilians", "civilian"), (40, "killed", "unknown", "unknown")]),
    # no attack aimed at civilians by name: the bare toll stays a mixed total
    ("A blast near the front line in Bakhmut killed 14, officials said.", [(14, "killed", "all", "mixed")]),
])
def test_an_attack_on_civilians_makes_its_bare_tolls_civilians(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a headline toll that runs on into page furniture keeps its toll
    ("Death Toll in Blast at Kramatorsk Station Rises to 52 REUTERS Social Media Website Europe A regional "
     "official said the strike hit the crowd.", [(52, "killed", "all", "mixed")]),
    # ... but an active verb never reads a capitalised thing as people
    ("The army destroyed 12 Grad launchers near Idlib.", []),
    ("Rebels captured 15 Hilux trucks near Kidal.", []),
])
def test_a_headline_toll_before_page_furniture(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare toll in a sentence whose attack was aimed at civilians by name
    ("According to state media the coalition attacked residential areas north of Raqqa on Thursday leaving dozens "
     "killed and injured.", [(24, "casualties", "civilians", "civilian")]),
    ("Russian missiles struck residential buildings in Dnipro, killing 40 and wounding 75.",
     [(40, "killed", "civilians", "civilian"), (75, "wounded", "civilians", "civilian")]),
    ("RSF shelling hit a crowded market in Omdurman, killing 20.", [(20, "killed", "civilians", "civilian")]),
    ("The coalition bombed a wedding party in Hajjah killing 23.", [(23, "killed", "civilians", "civilian")]),
    ("An air strike hit a school sheltering displaced families in Gaza City, killing 30.", [(30, "killed", "civilians", "civilian")]),
    # a military target, or a word of the outcome inside the target words, is no aim at civilians
    ("Jihadists hit Bamako gendarmerie school and airport; over 70 dead, sources say", [(70, "killed", "all", "mixed")]),
    ("Israeli strikes on Hamas positions in Khan Younis killed 12.", [(12, "killed", "all", "mixed")]),
    ("The Observatory said the attack on two villages killed 15 civilians and 27 pro-government fighters with another "
     "10 bodies yet to be identified.",
     [(10, "killed", "all", "mixed"), (15, "killed", "civilians", "civilian"), (27, "killed", "syrian_government", "combatant")]),
    # a headline drops the "and" of "kills and wounds"
    ("Bombing of bus convoy kills wounds dozens outside Aleppo.", [(24, "casualties", "all", "mixed")]),
    ("Drone strike on Sumy bus killed injured dozens, governor says.", [(24, "casualties", "all", "mixed")]),
])
def test_a_bare_toll_of_an_attack_aimed_at_civilians(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # headlines of other stories in a page's "Related ... Tags" block are no tolls of this article
    ("A drone hit a bus in Kherson, killing five people. Topic Russia's War in Ukraine Related Strike on Odesa Port "
     "Kills 12 Dockworkers Kyiv Shelling Leaves 40 Injured Tags Ukraine, Kherson",
     [(5, "killed", "civilians", "civilian")]),
    ("RSF fighters killed 30 villagers in Gezira, activists said. Related Army Airstrike Kills 20 in Nyala Sudan Talks "
     "Stall Tags Sudan, RSF", [(30, "killed", "civilians", "civilian")]),
    # no "Tags" closing the block: the counts stay (the story's own lead may follow the links)
    ("Print Tweet Related Car bomb kills 9 in Mogadishu A car bomb killed 9 people in Mogadishu on Monday, police said.",
     [(9, "killed", "civilians", "civilian")]),
])
def test_related_links_are_no_tolls(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people counted by a plain noun whom the text describes: the description says who they were
    ("The video showed the beheadings of at least 18 men described as Syrian military personnel.",
     [(18, "killed", "syrian_government", "combatant")]),
    ("Rights groups documented the executions of 40 prisoners identified as Ukrainian soldiers near Bakhmut.",
     [(40, "killed", "ukraine", "combatant")]),
    ("The army said it killed 30 men who were believed to be al-Shabaab fighters near Kismayo.",
     [(30, "killed", "al_shabaab", "combatant")]),
    ("Gunmen killed 9 people described as local traders in Zamfara.", [(9, "killed", "civilians", "civilian")]),
    # the plural of a killing noun names its victims too
    ("The killings of 12 villagers in Ituri were condemned by the UN.", [(12, "killed", "civilians", "civilian")]),
    ("The massacre of 200 villagers in Moura was blamed on the army.", [(200, "killed", "civilians", "civilian")]),
    ("He spoke of the killing of his brother in 2012.", []),
])
def test_described_victims_and_killing_nouns(text, expected):
    assert _rows(text) == expected
