"""Parts of a toll told after it: by place ("15 in Manbij and another six in al-Tukhar",
casualty_inherit) and in the "among" frame (casualty_cues.yaml: among, before), with the
copula left out, words before "among", a total named by a noun only, and the dead called
"deceased", "martyrs" or "fatalities".

Every sentence here is our own, written for these tests (Syria, Yemen, Iraq, Sudan);
none is copied from an article.
"""
from __future__ import annotations

import pytest

from extractors.casualties import read_figures


def _figures(sentence: str) -> list[tuple[int | None, str, str]]:
    return [(f.mention.count.best or f.mention.count.low, f.outcome, f.victim.actor) for f in read_figures(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The monitor said 19 civilians had been killed in air raids in the province 12 in Maarat and another seven in Kafranbel.",
     [(19, "killed", "civilians"), (12, "killed", "civilians"), (7, "killed", "civilians")]),
    ("Fourteen civilians were killed in shelling on Sunday, nine in Taiz and five in Hodeidah.",
     [(14, "killed", "civilians"), (9, "killed", "civilians"), (5, "killed", "civilians")]),
    # a date's day is no part
    ("Five soldiers were killed in the attack on Tuesday 3 in the morning.", [(5, "killed", "syrian_government")]),
])
def test_parts_by_place(sentence: str, expected: list) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Four children among 30 killed in Idlib market strike.", [(4, "killed", "civilians"), (30, "killed", "all")]),
    ("The monitor said 22 civilians were identified among those killed in the raids on Mosul.", [(22, "killed", "civilians")]),
    ("Two paramedics are reportedly among the deceased, the hospital said.", [(2, "killed", "civilians")]),
    ("Among the martyrs were three women, the agency said.", [(3, "killed", "civilians")]),
    ("The other four among the dead had not been identified.", [(4, "killed", "all")]),
])
def test_among_the_dead(sentence: str, expected: list) -> None:
    assert _figures(sentence) == expected


def test_people_among_fighters_killed_are_fighters() -> None:
    figures = read_figures("The army said there were 11 people from Chechnya among the militants killed in Raqqa.")
    assert [(f.mention.count.best, f.victim.type) for f in figures] == [(11, "combatant")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the victims' ages between the noun and the verb
    ("Six pupils between 8 and 11 years old were killed when the shell hit the school.", [(6, "killed", "civilians")]),
    ("Two boys aged 9 and 13 were killed in the shelling of Taiz.", [(2, "killed", "civilians")]),
    ("Three children, aged between 4 and 9, were wounded in the strike.", [(3, "wounded", "civilians")]),
    # a qualifier after the noun
    ("Forty gunmen at least were killed in the clashes near Gao.", [(40, "killed", "opposition")]),
    # one more person coordinated before the verb: the count keeps its own figure
    ("Another 14 patients and a young nurse were injured in the raid.", [(14, "wounded", "civilians")]),
    # ... but "a man and his daughter" are two, not one (round 10: counted as two,
    # casualty_readings.with_partner)
    ("A farmer and his young son were killed near the border.", [(2, "killed", "civilians")]),
])
def test_words_between_the_victims_and_their_verb(sentence: str, expected: list) -> None:
    assert _figures(sentence) == expected


def test_the_loss_verb_again_with_its_noun_left_out() -> None:
    from datetime import date

    from extractors.pipeline import extract_article
    text = ("KYIV - Fighting raged near Bakhmut in Ukraine on Monday. "
            "Russia lost 20 soldiers in the assault while Ukraine lost 35, a monitor said.")
    rows = [(c.count.best, c.victim_actor) for c in extract_article(text, "our-sentence", date(2023, 5, 1)).casualty_claims]
    assert rows == [(20, "russia"), (35, "ukraine")]
    # things lost stay things
    assert _figures("The army lost 12 tanks and the rebels lost 4.") == []


def test_a_qualifier_after_the_noun_makes_the_count_at_least() -> None:
    figures = read_figures("Forty gunmen at least were killed in the clashes near Gao.")
    assert [(f.mention.count.low, f.mention.count.qualifier) for f in figures] == [(40, "at_least")]
