"""Who claims a control change (helper control6, issue 7): an armed actor named in full
before "said" is the claimant even where the shared reader keeps only a word of its name,
and a headline without a source takes the source the article gives for the same change.

Every sentence here was written by us (helper control6) in the style of wire reports from
Myanmar, Syria, Sudan and the Sahel; none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def claimants(text: str) -> list[tuple]:
    return [(c.place.name, c.claimant) for c in extract_article(text, "t", date(2024, 5, 1)).control_changes]


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("The Arakan Army said on Monday it had seized full control of Paletwa.", "Arakan Army"),
    ("The Syrian National Army said its fighters had taken control of Tal Rifaat.", "Syrian National Army"),
    ("The Kachin Independence Army said it had captured Bhamo after weeks of fighting.", "Kachin Independence Army"),
])
def test_the_speaker_named_in_full(sentence: str, claimant: str) -> None:
    rows = claimants(sentence)
    assert rows and all(c is not None and claimant.lower() in c.lower() for _, c in rows)


def test_a_named_source_is_kept() -> None:
    """The shared reader's own source stays when it is not a fragment of the actor's name."""
    rows = claimants("Rebels captured Saraqeb on Friday, the Syrian Observatory for Human Rights said.")
    assert rows and all(c == "SOHR" for _, c in rows)


def test_a_headline_takes_the_source_of_the_same_change() -> None:
    text = ("RSF enters Wad Madani\n\n"
            "The Rapid Support Forces said on Tuesday they had entered Wad Madani, the capital of Gezira state.")
    rows = claimants(text)
    assert len(rows) == 2 and rows[0][1] is not None and rows[0][1] == rows[1][1]


def test_no_source_to_inherit_stays_none() -> None:
    assert claimants("Rebels captured Kafr Nabuda on Monday.") == [("Kafr Nabuda", None)]
