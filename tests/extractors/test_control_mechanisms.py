"""Control-change mechanisms added from misses mined on FA-KES articles no gold file covers
(helper CONTROL3): anaphora to a village no gazetteer knows, a weak verb coordinated with
an earlier one, "has since", adverbs inside phrasal verbs, the expel frame (every form,
"the city", pronoun objects, passives).

Every sentence here was written by us, in the style of wire reports from Syria, Ukraine,
Sudan, Gaza and Myanmar; none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str, published: date | None = date(2024, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.previous_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


def places(text: str) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", date(2024, 5, 1)).control_changes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dozens were shot in the small village of Umm Hijara on Monday. The killings began after "
     "troops entered the town on Tuesday.", [("Umm Hijara", "syrian_government", "entry")]),
    ("Shelling hit the village of Novo Pole all week. Russian troops entered the village on Sunday.",
     [("Novo Pole", "russia", "entry")]),
])
def test_the_town_finds_a_village_no_gazetteer_knows(text: str, expected: list[tuple]) -> None:
    """"the town" stands for the last settlement the text itself called a town or village,
    known to a gazetteer or not."""
    assert places(text) == expected


def test_the_town_needs_a_name_called_a_settlement() -> None:
    assert places("The Observatory said on Monday that troops entered the town on Tuesday.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Residents fled after IS fighters planted their flags on the eastern hills and entered Kobane on Monday.",
     [("Kobane", "isis", "entry")]),
    ("Russian troops shelled the outskirts for a week and entered Vuhledar on Monday.",
     [("Vuhledar", "russia", "entry")]),
])
def test_a_weak_verb_after_and_takes_the_subject_of_its_clause(text: str, expected: list[tuple]) -> None:
    assert places(text) == expected


def test_a_weak_verb_after_a_new_clause_keeps_needing_its_own_subject() -> None:
    """The subject of "entered" is unknown once a clause of its own starts in between."""
    assert places("Russian troops shelled the outskirts while a convoy of aid lorries waited and entered Vuhledar.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The RSF has since captured El Fasher.", [("El Fasher", "rsf", "capture")]),
    ("The Arakan Army has since seized control of Paletwa.", [("Paletwa", "arakan_army", "capture")]),
])
def test_has_since_is_afterwards_not_background(text: str, expected: list[tuple]) -> None:
    assert places(text) == expected


def test_since_a_past_event_stays_background() -> None:
    assert places("The army has held the town since rebels captured it in 2012.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Army units advanced again into Zuhur on Monday.", [("Zuhur", "syrian_government", "entry")]),
    ("Israeli troops pushed further into Rafah on Tuesday.", [("Rafah", "israel", "entry")]),
    ("Sudanese army units moved swiftly into Omdurman on Friday.", [("Omdurman", "sudan", "entry")]),
])
def test_an_adverb_may_stand_inside_a_phrasal_verb(text: str, expected: list[tuple]) -> None:
    assert places(text) == expected


def test_withdrawal_abroad_leaves_no_syrian_rebels_in_charge() -> None:
    """Without an opponent in the text, a withdrawal in Syria goes to the opposition; in
    Ukraine it goes to nobody named, never to Syria's rebels."""
    assert changes("Russian forces withdrew quickly from Kherson.") == [("Kherson", "unknown", "russia", "withdrawal")]
    assert changes("Government forces withdrew from Madaya.") == [("Madaya", "opposition", "syrian_government", "withdrawal")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukrainian troops drove Russian forces out of Kupiansk on Friday.",
     [("Kupiansk", "ukraine", "russia", "capture")]),
    ("Rebels shelled the town of Ariha on Monday. Regime forces later managed to drive the rebels from the city.",
     [("Ariha", "syrian_government", "opposition", "capture")]),
    ("IS dealt a heavy blow to Syrian government forces, driving them out of Raqqa province.",
     [("Raqqa province", "isis", "syrian_government", "capture")]),
    ("The Kachin Independence Army ousted Myanmar troops from Bhamo on Sunday.",
     [("Bhamo", "kachin_independence_army", "myanmar", "capture")]),
])
def test_expel_frame(text: str, expected: list[tuple]) -> None:
    """AGENT <expel verb> ACTOR (out) of/from PLACE, every form of the lemmas generated."""
    assert changes(text) == expected


@pytest.mark.parametrize("text", [
    "The army pushed them more than 20 kilometers from the city's neighborhoods.",
    "RSF fighters were driving a truck from Omdurman.",
    "Government forces managed to hold the line near Aleppo.",
])
def test_expel_needs_an_actor_put_out_of_a_place(text: str) -> None:
    assert changes(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("IS was expelled by the army from Zuhur on Monday.",
     [("Zuhur", "syrian_government", "isis", "capture")]),
    ("Russian troops were driven out of Kherson by Ukrainian forces on Friday.",
     [("Kherson", "ukraine", "russia", "capture")]),
    ("The RSF was pushed out of Wad Madani on Saturday, the Sudanese army said.",
     [("Wad Madani", "sudan", "rsf", "capture")]),
    ("Rebels were forced out of the town of Daraya.", [("Daraya", "unknown", "opposition", "withdrawal")]),
])
def test_expel_passive(text: str, expected: list[tuple]) -> None:
    """ACTOR was <expelled> [by AGENT] from PLACE: the subject is the previous controller."""
    assert changes(text) == expected


def test_expel_passive_needs_an_armed_subject() -> None:
    assert changes("Thousands of civilians were driven from their homes in Khartoum.") == []


def test_expelled_generic_group_is_not_the_agent_itself() -> None:
    """"Nusra expelled rebels": the rebels are not refined into Nusra itself."""
    assert changes("In November Al Nusra Front expelled Western-backed rebels from their Idlib positions.",
                   date(2015, 1, 19)) == [("Idlib", "hts", "opposition", "capture")]
