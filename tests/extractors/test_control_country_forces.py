"""A state's forces named through the state: "Ukraine said its troops withdrew", "Russia
claimed the capture of Marinka", "Moscow's forces claimed control of" (helper control5,
issue 7). A bare "troops" is read as the theatre's home army unless the sentence says
whose troops they are.

Every sentence here was written by us (helper control5) in the style of wire reports from
Ukraine, Syria, Gaza, Sudan and the Sahel; none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str, published: date | None = date(2024, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.previous_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia claimed the capture of Marinka on Monday.", [("Marinka", "russia", "ukraine", "capture")]),
    ("Russia's defence ministry said its troops had liberated the village of Novomykhailivka.",
     [("Novomykhailivka", "russia", "ukraine", "capture")]),  # "liberated" by another state's army: a capture
    ("Ukraine said its troops withdrew from Avdiivka to avoid encirclement.",
     [("Avdiivka", "russia", "ukraine", "withdrawal")]),  # the one camp Ukraine fights (control8)
    ("Turkey said its troops entered Jarablus on Wednesday.", [("Jarablus", "turkey", None, "entry")]),
    ("Moscow's forces claimed control of Vuhledar after a two-year battle.", [("Vuhledar", "russia", None, "capture")]),
    ("On Monday, Israel said its forces had encircled Khan Younis.", [("Khan Younis", "israel", "hamas", "encirclement")]),
    ("Mali said its army had entered Kidal on Tuesday.", [("Kidal", "mali", None, "entry")]),
])
def test_state_owns_its_troops(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Strikes by Russia on Idlib preceded the capture of Kafr Nabuda.",  # Russia is no subject here
    "Russia denied claims that Ukraine had recaptured Robotyne.",
    "Ukraine said its troops could withdraw from Avdiivka.",
    "Israel said its forces would encircle Rafah.",
])
def test_state_owns_its_troops_negative(sentence: str) -> None:
    assert changes(sentence) == []


def test_the_army_of_the_sentence_stays_its_own() -> None:
    # "its troops" after "the army" is the army itself; a state named after the change is no owner
    assert changes("The army said its troops had entered Kafr Nabuda.") == [
        ("Kafr Nabuda", "syrian_government", None, "entry")]
    assert changes("Syrian troops entered Kafr Nabuda, Russia said.") == [
        ("Kafr Nabuda", "syrian_government", None, "entry")]
