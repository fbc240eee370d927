"""Whose soldiers bare state-force nouns are in wars other than Syria's
(extractors/casualty_state_forces.py: the nationality word before the noun, the state the
sentence names set aside the attacker, the forces the article names most; never the Syrian
default).

Every sentence here is our own, written for these tests (Mozambique, Ukraine, Afghanistan,
Nigeria, Mali, Lebanon, Syria); none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return [(c.count.best or c.count.low, c.outcome, c.victim_actor) for c in claims]


@pytest.mark.parametrize(("text", "expected"), [
    # a nationality word before the noun outranks the table's default army
    ("PEMBA, Mozambique - The spokesman said one Rwandan soldier was killed near Palma in Mozambique.",
     [(1, "killed", "rwanda")]),
    ("KABUL, Afghanistan - The blast near the gate in Afghanistan killed 11 American service members.",
     [(11, "killed", "us_coalition")]),
    # an abbreviation ("U.S.") stays part of the victims' words
    ("Blast at Kabul gate kills 9 U.S. troops", [(9, "killed", "us_coalition")]),
])
def test_a_nationality_word_names_the_state(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_the_attacker_is_not_the_victims_state() -> None:
    text = ("KYIV, Ukraine - Ukraine's air force said a Russian drone strike on a base near Poltava "
            "had killed seven soldiers and wounded 20.")
    assert _rows(text) == [(7, "killed", "ukraine"), (20, "wounded", "ukraine")]


def test_the_forces_the_article_names_most() -> None:
    # no state in the sentence: the U.S. forces the article keeps naming, not Afghanistan's army
    article = ("Bomb at Kabul airport kills 11 U.S. troops\n\n"
               "KABUL, Afghanistan - A bomber struck the gate of Kabul airport in Afghanistan on Friday, "
               "killing 11 U.S. service members, the American military said.\n\n"
               "The Pentagon said 14 service members were also wounded.")
    assert (14, "wounded", "us_coalition") in _rows(article)


def test_military_sources_name_no_state() -> None:
    # "military sources" is the article's army by its role, no state named: the Nigerian
    # forces the article names decide, never a neighbour named as a lake
    article = ("Militants overrun Nigerian army base near Lake Chad\n\n"
               "MAIDUGURI, Nigeria - Militants overran a Nigerian army base on the shore of Lake Chad, "
               "near the border with Chad and Niger.\n\n"
               "Military sources said dozens of soldiers were missing.")
    assert (24, "missing", "nigeria") in _rows(article)


def test_never_the_syrian_default_in_another_war() -> None:
    article = ("BEIRUT, Lebanon - Israeli troops pushed into southern Lebanon, the Israeli military said.\n\n"
               "The army said one soldier was killed in southern Lebanon.")
    assert _rows(article) == [(1, "killed", "israel")]


def test_syria_keeps_its_reading() -> None:
    # in Syria bare "soldiers" are still the Syrian army
    text = "DAMASCUS, Syria - Rebel shelling killed six soldiers near Hama in Syria, SANA said."
    assert _rows(text) == [(6, "killed", "syrian_government")]


# ---------------------------------------------------------------- a war's running total of "people"

@pytest.mark.parametrize(("text", "expected"), [
    ("The health ministry says more than 41,000 Palestinians have been killed in the war.",
     [(41000, "killed", "all")]),
    ("More than 2,300 people have been killed in Lebanon since Hezbollah began firing at Israel in October last year.",
     [(2300, "killed", "all")]),
    # one day's toll stays civilians; so does a small count
    ("More than 1,100 people were killed in the shelling of the market on Monday.", [(1100, "killed", "civilians")]),
    ("Eleven people have been killed in the war's latest strikes on the town.", [(11, "killed", "civilians")]),
])
def test_a_wars_running_total_of_people_is_mixed(text: str, expected: list) -> None:
    assert _rows(text) == expected


# ---------------------------------------------------------------- whose attack it was

def test_attackers_of_the_sentences_attack() -> None:
    text = ("KHARTOUM, Sudan - The army said it had repelled an RSF assault on the city's southern edge, "
            "killing 150 attackers.")
    assert _rows(text) == [(150, "killed", "rsf")]


def test_attackers_of_the_articles_attack_before_the_wars_usual_insurgent() -> None:
    # in Mali a bare framing is JNIM's by default; this article reports an Islamic State attack
    article = ("Islamic State attack on Mali army base kills 30 soldiers\n\n"
               "BAMAKO, Mali - Thirty Malian soldiers were killed in an attack by Islamic State militants "
               "on a base in Mali's Menaka region, the government said.\n\n"
               "It said troops had killed 25 attackers.")
    assert (25, "killed", "isis") in _rows(article)


# ---------------------------------------------------------------- parts, lists and bare tolls

@pytest.mark.parametrize(("text", "expected"), [
    # a passive toll and a bare count tacked on: the same soldiers
    ("PEMBA, Mozambique - The spokesman said one Rwandan soldier had been killed and three wounded near Palma in Mozambique.",
     [(1, "killed", "rwanda"), (3, "wounded", "rwanda")]),
    # "and several soldiers" is a count of its own, not part of the crew's words
    ("KHARTOUM, Sudan - A drone strike on the palace killed two members of a state radio crew and several soldiers.",
     [(2, "killed", "civilians")]),
    # a bare toll counts the people its sentence shot
    ("YAOUNDE, Cameroon - The party said gunmen had shot villagers and burned their homes, putting the toll at 17.",
     [(17, "killed", "civilians")]),
])
def test_parts_lists_and_bare_tolls(text: str, expected: list) -> None:
    rows = _rows(text)
    for row in expected:
        assert row in rows
    assert all(r[2] != "all" for r in rows)


def test_a_one_side_article_names_its_bare_tolls() -> None:
    article = ("Dozens of Malian soldiers killed in attack on Mali base\n\n"
               "BAMAKO, Mali - Militants attacked an army base in central Mali on Sunday, killing dozens of soldiers.\n\n"
               "A security source said more than 20 soldiers were killed. Another source said 35 soldiers died.\n\n"
               "A local official put the number of dead at over 50.")
    assert (50, "killed", "mali") in _rows(article)


def test_a_toll_with_civilian_parts_in_a_civilian_article() -> None:
    # women and children among the dead do not make the toll mixed when every named victim is a civilian
    article = ("Gunmen kill 30 villagers in Congo, UN says\n\n"
               "BENI, Congo - Gunmen killed 30 villagers in an attack on a village near Beni in Congo, "
               "local officials said. Six children were among the dead.\n\n"
               "The U.N. mission put the toll at 31, including 11 women and eight children.")
    assert (31, "killed", "civilians") in _rows(article)


@pytest.mark.parametrize(("text", "expected"), [
    # the crew of a military aircraft are the reporting state's, not civilians
    ("Separately, Turkey said an army helicopter had been shot down near the border, killing three crew members.",
     [(3, "killed", "turkey")]),
    # a merchant ship's crew stay civilians
    ("A missile struck the tanker in the Red Sea, killing two crew members, the military said.",
     [(2, "killed", "civilians")]),
    # an agency's staff are civilians
    ("The charity said seven of its staff were killed while running a clinic in the camp.",
     [(7, "killed", "civilians")]),
    # fighters no longer: former combatants are civilians
    ("The ombudsman said four ex-FARC members were among the dead.", [(4, "killed", "civilians")]),
])
def test_crews_staff_and_former_fighters(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a nation's people taken prisoner are its soldiers; the kidnapped stay civilians
    ("Russian bloggers claimed 150 Ukrainians had been taken prisoner near the village.", [(150, "captive", "ukraine")]),
    ("Gunmen kidnapped 12 Nigerians on the highway near Kaduna.", [(12, "captive", "civilians")]),
    # a part of a side's losses is that side's
    ("Washington said Russia had suffered more than 90,000 casualties since May, including more than 18,000 killed.",
     [(18000, "killed", "russia")]),
])
def test_prisoners_of_war_and_parts_of_losses(text: str, expected: list) -> None:
    rows = _rows(text)
    for row in expected:
        assert row in rows
