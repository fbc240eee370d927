"""Pronoun agents in reported speech read as their speaker ("Russia's defence ministry said
its forces had captured Selydove"). Sentences of our own wording, several wars."""
import datetime

import pytest

from extractors.pipeline import extract_article
from extractors.sentence import SentenceMentions


def controls(text: str) -> list[tuple]:
    claims = extract_article(text, "t", datetime.date(2024, 10, 30))
    return [(c.place.name, c.new_controller) for c in claims.control_changes]


@pytest.mark.parametrize("text, expected", [
    ("Russia's defence ministry said its forces had captured Selydove.", [("Selydove", "russia")]),
    ("The Sudanese army said its troops had retaken Wad Madani.", [("Wad Madani", "sudan")]),
    ("The Arakan Army said on Monday it had seized Paletwa.", [("Paletwa", "arakan_army")]),
])
def test_the_pronoun_after_the_report_verb_is_the_speaker(text: str, expected: list) -> None:
    assert controls(text) == expected


def test_the_pronoun_replaces_a_generic_mention_inside_it() -> None:
    actors = SentenceMentions("Ukraine's military said its troops had pulled back from Krynky.").actors
    assert [(m.label, m.actor_id) for m in actors] == [("Ukraine's military", "ukraine"), ("its troops", "ukraine")]


@pytest.mark.parametrize("text", [
    "Russia's defence ministry said its air defences were on alert.",  # no pronoun agent of a deed
    "Al-Qaeda-linked militants announced they are targeting the town.",  # a plan, not a deed
])
def test_no_pronoun_agent_without_a_deed(text: str) -> None:
    labels = [m.label.lower() for m in SentenceMentions(text).actors]
    assert "it" not in labels and "they" not in labels and "its air" not in labels


def test_a_group_that_leads_names_the_force() -> None:
    text = "Hayat Tahrir al-Sham-led rebels captured most of the city of Aleppo on Saturday."
    assert controls(text) == [("Aleppo", "hts")]
