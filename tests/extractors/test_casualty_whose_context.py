"""Whose people the victims are from the sentence around them (extractors/casualty_owner.py
speaker_owner, casualty_victims.whose_soldiers, casualty_framing_theatres.csv).

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
