"""Outcome verbs and toll nouns added as data (seeds/reference/casualty_lemmas.yaml,
casualty_cues.yaml: of_toll_nouns, unit_nouns, things_cues) and their limits.

Every sentence here is our own, written for these tests (Syria, Iraq, Yemen, Sudan, Mali);
none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.casualties import read_figures
from extractors.pipeline import extract_article


def _figures(sentence: str) -> list[tuple[int | None, str, str]]:
    return [(f.mention.count.best or f.mention.count.low, f.outcome, f.victim.actor) for f in read_figures(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two men were stoned to death in Raqqa, the monitor said.", [(2, "killed", "civilians")]),
    ("More than 40 people suffered suffocation after the shells hit the market in Aden.", [(40, "wounded", "civilians")]),
    ("Six Malian soldiers sustained serious injuries when the convoy was ambushed near Gao.", [(6, "wounded", "mali")]),
    ("The group executed 120 villagers while 60 more have gone missing.", [(120, "killed", "civilians"), (60, "missing", "civilians")]),
    ("The strikes destroyed a command post and up to 50 militants near al-Qaim, the ministry said.", [(50, "killed", "opposition")]),
    ("Jets have taken out twelve militants in the hills.", [(12, "killed", "opposition")]),
    ("The shells hit the market, claiming the life of one person and injuring nine others.",
     [(1, "killed", "civilians"), (9, "wounded", "civilians")]),
    ("Dozens of casualties in Sudan market shelling.", [(24, "casualties", "all")]),
    ("The siege took hundreds of lives in the old city.", [(200, "killed", "all")]),
])
def test_verbs_and_toll_words(sentence: str, expected: list) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # units, not people
    "Three groups of militants who had crossed from Iraq were destroyed near the border.",
    # a list of things between the count and "destroyed"
    "13 elements of the gang including four buildings two vehicles and a mortar were destroyed.",
    # "thousands of" before a participle names its people after it: no toll of the word itself
    "The rebels paraded thousands of captured trucks through the town.",
    # the things themselves
    "The strike destroyed 5 tanks and 12 vehicles of the militants.",
])
def test_no_people_no_toll(sentence: str) -> None:
    assert _figures(sentence) == []


def test_an_editors_bracketed_name_is_read_as_words() -> None:
    claims = extract_article("Up to 60 [ISIS] fighters were killed in the strikes near Mosul, the ministry said.",
                             "our-sentence", date(2017, 10, 1)).casualty_claims
    assert [(c.count.best, c.victim_actor) for c in claims] == [(60, "isis")]


def test_a_quoted_wounded_count_keeps_its_toll_not_the_speaker() -> None:
    # '170 wounded" Konashenkov said': the name after the quote is the speaker, not the victims
    sentence = 'Losses of the militants totalled 300 killed and more than 170 wounded" the general said.'
    assert (170, "wounded", "unknown") not in _figures(sentence)
    assert [f[1] for f in _figures(sentence)] == ["killed", "wounded"]
