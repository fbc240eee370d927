"""Whose people the victims are from the sentence around them (extractors/casualty_owner.py
speaker_owner, casualty_state_forces.whose_soldiers, casualty_framing_theatres.csv).

Every sentence here is our own, written for these tests (Ukraine, Nagorno-Karabakh, Somalia,
Iraq, Syria); none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return [(c.count.best or c.count.low, c.outcome, c.victim_actor) for c in claims]


@pytest.mark.parametrize(("text", "expected"), [
    # "its" soldiers are the speaker's
    ("Armenia's defence ministry said 192 of its soldiers had been killed and 511 wounded.",
     [(192, "killed", "armenia"), (511, "wounded", "armenia")]),
    # the loser of "lost", also when an outcome follows the victims
    ("The ministry in Kyiv said Russian forces had lost more than 900 servicemen killed and wounded near Bakhmut.",
     [(900, "casualties", "russia")]),
    ("Turkey lost three soldiers in the clashes near al-Bab.", [(3, "killed", "turkey")]),
])
def test_speaker_and_loser_own_the_victims(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_a_syrian_default_never_reads_in_another_war() -> None:
    article = ("Moscow and Kyiv traded claims on Monday. Ukraine said Russia had shelled Kharkiv.\n"
               "Ukraine's army said Russian strikes killed four soldiers near Kupiansk in Ukraine.")
    assert all(r[2] != "syrian_government" for r in _rows(article))


def test_the_wars_usual_insurgent() -> None:
    article = ("Somali forces fought for the town on Sunday. Somalia's government said the fighting was over.\n"
               "The army said it had killed more than 60 militants near Mogadishu in Somalia.")
    assert (60, "killed", "al_shabaab") in _rows(article)


@pytest.mark.parametrize(("text", "expected"), [
    ("Pakistan says siege over, 30 militants killed; 19 hostages dead", (19, "killed", "civilians")),
    ("The gunmen killed 12 hostages before troops stormed the hotel.", (12, "killed", "civilians")),
    ("Gunmen took 30 hostages in the raid on the school.", (30, "captive", "civilians")),
    ("Two of the injured later succumbed to their wounds in hospital.", (2, "killed", "all")),
])
def test_the_fate_told_after_the_people(text: str, expected: tuple) -> None:
    assert expected in _rows(text)


@pytest.mark.parametrize("text", [
    "The insurgency, now in its 14th year, has killed more than 35,000 people in the northeast.",
    "The violence has killed about 4,000 people and forced 600,000 from their homes.",
    "Armenia lost the 1994 war in 2020 after a conflict in 2020 that killed about 7,000 people.",
    "The insurgency in the province, which began in 2017, has killed more than 4,000 people.",
])
def test_a_campaigns_running_total_is_background(text: str) -> None:
    assert _rows(text) == []


def test_a_recent_total_is_the_event() -> None:
    assert _rows("The fighting has killed more than 1,200 people since Saturday, officials said.") == [(1200, "killed", "all")]


def test_attackers_are_the_wars_insurgent() -> None:
    article = ("Somali police said the siege of the hotel in Mogadishu was over.\n"
               "Police in Somalia said troops had killed five attackers.")
    assert (5, "killed", "al_shabaab") in _rows(article)


def test_the_nearer_toll_gives_the_outcome() -> None:
    text = "The governor put the death toll at six and the number of injured at 31."
    assert _rows(text) == [(6, "killed", "all"), (31, "wounded", "all")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Air strikes killed at least 40 people, more than half of them civilians, in Idlib.", [(40, "killed", "all")]),
    ("The downing brought the toll for Russian soldiers killed in the war to 21.", [(21, "killed", "russia")]),
    ("Shelling killed 12 government troops including a commander near Deir ez-Zor.", [(12, "killed", "syrian_government")]),
])
def test_parts_and_tolls(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_a_toll_restated_by_a_pronoun() -> None:
    text = "Rescuers first counted 40 dead. This was later updated to 61 on Monday, including 20 children."
    assert (61, "killed", "all") in _rows(text) and (20, "killed", "civilians") in _rows(text)
    assert _rows("The figure was raised to 40,000 dollars by donors.") == []


def test_the_one_state_named_owns_soldiers_the_wars_table_leaves_unknown() -> None:
    article = ("Hezbollah fired rockets from Lebanon on Sunday. Lebanon said strikes hit two villages in Lebanon.\n"
               "In the north, 14 soldiers had been killed since January, the Israeli military said.")
    assert (14, "killed", "israel") in _rows(article)


@pytest.mark.parametrize(("text", "expected"), [
    ("A hospital in Kassala in Sudan said it had received 31 wounded soldiers overnight.", [(31, "wounded", "sudan")]),
    ("Medics in Khan Younis treated 20 wounded civilians.", [(20, "wounded", "civilians")]),
])
def test_a_wounded_adjective_keeps_its_noun(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_a_count_with_its_own_verb_after_a_list_is_no_part() -> None:
    text = "Officials in Dnipro said 61 people had been wounded, among them 9 children, and that 27 people had been pulled alive from the rubble."
    assert [r[0] for r in _rows(text)] == [61, 9]


@pytest.mark.parametrize(("text", "expected"), [
    ("The RSF said it had lost 14 men in the battle for the bridge.", (14, "killed", "rsf", "combatant")),
    ("The village lost 12 people in the raid.", (12, "killed", "civilians", "civilian")),
    ('More than 60 of the assailants were "neutralised" as they fled, the statement said.', (60, "killed", "opposition", "combatant")),
    ("About 20 people were still unaccounted for on Monday in Dnipro, officials said.", (20, "missing", "civilians", "civilian")),
    ("Doctors in Quetta said they had received dozens of wounded passengers.", (24, "wounded", "civilians", "civilian")),
    ("A medical source in Iraq said at least 90 members of the security forces had been killed.", (90, "killed", "iraq", "combatant")),
])
def test_whose_and_what(text: str, expected: tuple) -> None:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    assert expected in [(c.count.best or c.count.low, c.outcome, c.victim_actor, c.victim_type) for c in claims]


def test_bare_tolls_of_an_article_about_civilians_are_civilians() -> None:
    article = ("Gunmen kill dozens at a market in eastern Congo\n"
               "Gunmen killed 12 women and 9 children at the market in Ituri on Sunday, officials said. "
               "Four traders were also wounded, and two farmers died of their wounds on Monday. "
               "The local civil society group put the toll at 38.")
    rows = _rows(article)
    assert (38, "killed", "civilians") in rows and (24, "killed", "civilians") in rows
    mixed = ("Gunmen kill dozens at a base in eastern Congo\n"
             "Gunmen killed 12 women and 9 children near the base in Ituri on Sunday, officials said. "
             "Four traders were also wounded, and five soldiers died. The army put the toll at 38.")
    assert (38, "killed", "all") in _rows(mixed)


@pytest.mark.parametrize(("text", "expected"), [
    ("One Israeli officer, Chief Inspector Dan Levi of the border police, was killed in Jenin, police said.",
     (1, "killed", "israel", "combatant")),
    ("Two journalists, Reuters cameraman Sami Haddad and a colleague, were killed in southern Lebanon.", (2, "killed", "civilians", "civilian")),
    ("Two Malian policemen were killed in Gao.", (2, "killed", "mali", "combatant")),
])
def test_apposition_and_nationality(text: str, expected: tuple) -> None:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    assert expected in [(c.count.best or c.count.low, c.outcome, c.victim_actor, c.victim_type) for c in claims]


def test_a_nations_people_are_civilians() -> None:
    assert _rows("The health ministry in Gaza said 43 Palestinians were killed in strikes overnight.") == [(43, "killed", "civilians")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Twenty hostages were released in Gaza on Sunday in exchange for 60 prisoners.", []),
    ("Officials in Khartoum said the army freed 40 hostages.", []),
    ("Eight civilians were confirmed killed in Sumy and 20 remain missing.", [(8, "killed", "civilians"), (20, "missing", "civilians")]),
    ("A suicide bomber killed 26 people, most of them soldiers, at the station in Quetta.", [(26, "killed", "all")]),
    ("Strikes on Rafah killed 20 people, most of them children.", [(20, "killed", "civilians")]),
])
def test_freed_captives_remaining_missing_and_parts(text: str, expected: list) -> None:
    assert _rows(text) == expected
