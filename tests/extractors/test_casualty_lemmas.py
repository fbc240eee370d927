"""Casualty verbs as lemmas with frames (``seeds/reference/casualty_lemmas.yaml``,
extractors/casualty_lemmas.py), the victim-class lexicon in the singular, and a speaker counted
as one person (extractors/casualties.py).

Every sentence here is our own, written for these tests (Nigeria, DR Congo, Ukraine, Yemen,
Somalia, Afghanistan, Sudan, Gaza, Mali, Syria); none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.casualty_lemmas import phrases
from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str, str]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return [(c.count.best or c.count.low, c.outcome, c.victim_actor, c.victim_type) for c in claims]


def test_frames_generate_the_forms_they_need() -> None:
    assert "gunned down" in phrases("gun down", "passive")
    assert {"shot and killed", "shooting and killing"} <= phrases("shoot and kill", "active")
    assert "succumbed to their wounds" in phrases("succumb to {their|his|her} {wounds|injuries}", "intransitive")
    assert "gunning down" not in phrases("gun down", "passive")  # a passive needs the participle only


@pytest.mark.parametrize(("text", "expected"), [
    ("Six farmers were hacked to death in Benue on Sunday.", (6, "killed")),
    ("Five civilians were burned to death when their homes were set alight in Ituri.", (5, "killed")),
    ("Four children drowned while fleeing the fighting across the river.", (4, "killed")),
    ("Five fighters succumbed to their wounds overnight in Marib.", (5, "killed")),
    ("Two paramedics were shot and killed near Khan Younis.", (2, "killed")),
    ("Two paramedics were gunned down near Khan Younis.", (2, "killed")),
    ("Gunmen gunned down 16 villagers in Zamfara state.", (16, "killed")),
    ("Over 10 residents have been hospitalised after the shelling of Kherson.", (10, "wounded")),
    ("Eight miners died when the attackers stormed the site near Butembo.", (8, "killed")),
])
def test_lemma_frames(text: str, expected: tuple[int, str]) -> None:
    assert expected in [(r[0], r[1]) for r in _rows(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("One rebel was killed in the raid near Mopti.", (1, "killed", "opposition", "combatant")),
    ("One insurgent was wounded in the clash in Helmand.", (1, "wounded", "opposition", "combatant")),
    ("One gunman was killed by police in Mogadishu.", (1, "killed", "opposition", "combatant")),
    ("One aid worker was killed in the strike on the convoy in Darfur.", (1, "killed", "civilians", "civilian")),
    ("The bodies of 14 miners were found near Butembo.", (14, "killed", "civilians", "civilian")),
])
def test_victim_class_in_the_singular(text: str, expected: tuple) -> None:
    assert expected in _rows(text)


def test_a_peoples_name_stays_an_adjective() -> None:
    """"Syrian rebels" are rebels: the singular of "Syrians" is no victim noun."""
    assert _rows("At least 29 Syrian rebels were killed in clashes near Aleppo.") == [(29, "killed", "opposition", "combatant")]


def test_a_captive_modifier_is_no_victim_noun() -> None:
    assert [r[2:] for r in _rows("IS executed 50 captive Syrian troops in Raqqa.")] != [("civilians", "civilian")]


def test_one_person_who_speaks_is_a_source() -> None:
    text = "Hospitals are struggling with the number of wounded in recent days, one medic told AFP."
    assert _rows(text) == []
    assert (1, "killed", "civilians", "civilian") in _rows("One resident was killed in the shelling of Kharkiv.")


def test_singles_listed_without_commas_are_one_figure() -> None:
    assert _rows("A father a mother and a son were killed in the strike on Deir al-Balah.") == [(3, "killed", "civilians", "civilian")]


@pytest.mark.parametrize("text", [
    "The hospital said five gendarmes were killed in the ambush in Mali on Monday.",
    "Five servicemen were killed in the ambush in Mali on Monday.",
])
def test_state_force_nouns_read_as_soldiers(text: str) -> None:
    """Any noun of the state-forces class is the article's own army where the war is known
    (as "soldiers" already is)."""
    assert [r[2] for r in _rows(text)] == ["mali"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Five Ugandan soldiers serving with the African Union mission were killed near Marka.", (5, "killed", "uganda", "combatant")),
    ("The strike cost the lives of 8 civilians in Marib.", (8, "killed", "civilians", "civilian")),
])
def test_participle_phrase_and_cost_the_lives(text: str, expected: tuple) -> None:
    assert expected in _rows(text)


def test_lives_lost() -> None:
    assert [(r[0], r[1]) for r in _rows("The attack on the market in Kassala claimed 14 lives, police said.")] == [(14, "killed")]
    assert _rows("Rescuers in Kherson saved 14 lives.") == []
