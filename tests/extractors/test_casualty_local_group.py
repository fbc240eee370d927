"""Which group a hostile framing stands for, checked against the words around the count
(extractors/casualty_local_group.py).

Every sentence here is our own, written for these tests (Syria, Somalia); none is copied
from an article.
"""
from __future__ import annotations

from datetime import date

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str]]:
    claims = extract_article(text, "our-sentence", date(2016, 3, 1)).casualty_claims
    return [(c.count.best or c.count.low, c.outcome, c.victim_actor) for c in claims]


def test_a_group_named_in_the_victims_words_outranks_the_article() -> None:
    article = ("The army's jets struck ISIS hideouts near al-Bab, a military source said. "
               "Dozens of ISIS terrorists were killed there.\n\n"
               "In the countryside of Idlib 12 Jaish al-Fateh terrorists were killed in the raids.")
    assert (12, "killed", "opposition") in _rows(article)
    assert (12, "killed", "isis") not in _rows(article)


def test_a_framing_never_stands_for_a_group_it_cannot_describe() -> None:
    # "Takfiri insurgents" killed as the YPG advances: the YPG is the one group named, not the victims
    text = "At least 30 Takfiri insurgents were killed as units of the Kurdish YPG advanced on Tal Rifaat."
    assert _rows(text) == [(30, "killed", "opposition")]


def test_a_paragraph_about_other_groups_keeps_the_framing_generic() -> None:
    article = ("The air force pounded ISIS positions east of Aleppo on Monday, killing 40 ISIS terrorists.\n\n"
               "Warplanes also hit positions of Jaish al-Islam and other terrorist organizations in Eastern Ghouta. "
               "Nine terrorists were killed in the strikes.")
    rows = _rows(article)
    assert (40, "killed", "isis") in rows
    assert (9, "killed", "opposition") in rows


def test_the_same_paragraph_keeps_the_article_group() -> None:
    article = ("The air force pounded positions of ISIS terrorists east of Aleppo on Monday. "
               "Warplanes also hit hideouts of ISIS terrorists near al-Bab. Nine terrorists were killed in the strikes.")
    assert (9, "killed", "isis") in _rows(article)


def test_a_war_the_framing_table_does_not_list_keeps_its_usual_insurgent() -> None:
    article = ("MOGADISHU, Somalia - Al Shabaab fighters stormed a base at Galcad in Middle Shabelle on Friday. "
               "The government said its troops had repelled the assault and killed more than 80 militants.")
    assert (80, "killed", "al_shabaab") in _rows(article)


def test_sideless_fighters_killed_by_a_named_side_are_the_other_side() -> None:
    text = "A Russian air strike destroyed an ISIS command post with more than 30 fighters near Mayadin."
    assert _rows(text) == [(30, "killed", "isis")]


def test_sideless_fighters_without_a_killer_stay_unknown() -> None:
    # the one group named is the enemy here: no side is given to the fighters
    text = "Twenty fighters were killed in clashes with ISIS near Mayadin."
    assert _rows(text) == [(20, "killed", "unknown")]


def test_a_downed_military_aircraft_counts_its_crew() -> None:
    # a bare headline toll, and people on board named in the sentence before
    assert _rows("4 Killed as Turkish Army Chopper Shot Down Near Afrin") == [(4, "killed", "turkey")]
    article = ("A Russian Mi-8 military transport helicopter was shot down near Idlib, the ministry said. "
               "The ministry said all three people on board were killed.")
    assert (3, "killed", "russia") in _rows(article)


def test_people_on_board_an_airliner_stay_civilians() -> None:
    article = ("A passenger plane crashed near Aleppo on Monday, the authorities said. "
               "All 40 people on board were killed.")
    assert _rows(article) == [(40, "killed", "civilians")]


def test_people_of_unknown_status() -> None:
    text = "The monitor said 12 other people were killed, without saying whether they were civilians or fighters."
    assert _rows(text) == [(12, "killed", "unknown")]


def test_unknown_status_and_others_are_not_rewritten_by_the_article() -> None:
    # an article whose named victims are civilians: "the 14 others" the monitor could not
    # place stay of unknown status, not civilians
    article = ("Air strikes killed 30 civilians in Raqqa on Monday, the monitor said. Nine children and "
               "six women were among them. A further 12 civilians died in Tabqa. "
               "The monitor said 20 civilians were identified among those killed in Raqqa but that it was not "
               "clear whether the 14 others were civilians or IS fighters.")
    assert (14, "killed", "unknown") in _rows(article)
