"""A source stands apart from its reporting verb (extractors/claimants_phrase.py,
``_subject_end``): an adverb, a relative clause between commas, a participle or a place may
come between them; and a wire title's dot ("Gov.") does not end the sentence.

Every sentence here is our own, written for these tests; none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.claimants import find_claimant
from extractors.pipeline import extract_article


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Sahel-based JNIM, which has fought the junta since 2012, separately claimed it had killed 30 soldiers.",
     "JNIM"),
    ("Residents reached by telephone said at least 12 civilians were killed in Djibo.", "residents"),
    ("The Fano militia in northern Ethiopia said on Tuesday it had killed 14 soldiers.", "Fano militia"),
    ("On Sunday, Karen rebels near Myawaddy said 40 soldiers had surrendered.", "Karen rebels"),
])
def test_the_subject_behind_a_modifier(text: str, claimant: str) -> None:
    found = find_claimant(text)
    assert found is not None and claimant in found.claimant


@pytest.mark.parametrize("text", [
    "An air strike claimed the lives of 12 people in Idlib.",  # "claimed the lives" is no attribution
    "The Islamic State claimed responsibility for the blast in Mogadishu.",
])
def test_claimed_without_a_claim(text: str) -> None:
    found = find_claimant(text)
    assert found is None or "lives" not in found.words


def test_a_governor_after_gov_dot() -> None:
    text = ("In the Zaporizhzhia region, Russian shelling killed three civilians over the past day, "
            "Gov. Ivan Fedorov said on Telegram.")
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    assert [c.claimant for c in claims] == ["Ivan Fedorov"]


@pytest.mark.parametrize(("text", "claimant"), [
    # "according to" names the source even when a known name stands elsewhere in the sentence
    ("A car bomb killed nine people in central Kabul, according to preliminary reports on Sunday.", "preliminary reports"),
    ("Eleven people died in Mogadishu according to local health officials despite the ceasefire.",
     "local health officials"),
])
def test_according_to_a_described_source(text: str, claimant: str) -> None:
    found = find_claimant(text)
    assert found is not None and found.claimant == claimant
