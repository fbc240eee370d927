"""Control recall on wire-service style (round 9, helper control9b): runs of village names
written without commas, "declared X liberated", "walked into", "recovered", "consolidated
control over".

Every sentence below was written for this test by helper control9b; none is taken from an
article. Each mechanism has a near miss that must give no row.
"""
from datetime import date

from extractors import extract_article


def rows(text: str, published: date = date(2016, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


def places(text: str) -> list[str]:
    return [r[0] for r in rows(text)]


# ---- a run of names without commas is split before each toponym head word

def test_run_of_names_without_commas_is_a_list() -> None:
    text = "The army took full control of Beit Sahem Tel Marqab and Jabal Hass on Friday."
    assert places(text) == ["Beit Sahem", "Tel Marqab", "Jabal Hass"]


def test_run_with_a_glued_article_after_the_head() -> None:
    text = "The army said three villages including Kafr Dalla Tel alNour and Jabal Samra had been wrested back from the insurgents."
    assert set(places(text)) == {"Kafr Dalla", "Tel alNour", "Jabal Samra"}


def test_head_word_inside_a_name_does_not_split_it() -> None:
    # near miss: "Ain" alone would be a one-word piece, so "Ras Al Ain" stays whole
    assert "Ras Al Ain" in places("Kurdish fighters took full control of Ras Al Ain on Friday.")


# ---- DECLARE NAME liberated

def test_declared_the_town_liberated() -> None:
    text = "The Syrian army declared the town of Kafr Nabuda liberated on Tuesday after a week of fighting."
    assert ("Kafr Nabuda", "syrian_government") in [r[:2] for r in rows(text)]


def test_declared_city_fully_liberated_any_war() -> None:
    text = "MANILA, Oct 17 - The Philippine army declared Marawi fully liberated from pro-Islamic State militants."
    assert "Marawi" in places(text)


def test_declared_victory_is_no_liberated_object() -> None:
    # near miss: the object of "declared" is "victory", not a name
    text = "The prime minister declared victory after the last district was liberated."
    assert rows(text) == []


# ---- new lemmas: walk into, recover (a known place only), consolidate control

def test_walked_into_the_town_is_an_entry() -> None:
    text = "Syrian army units walked into the town of Tadef on Sunday after the militants withdrew."
    assert ("Tadef", "syrian_government", "entry") in rows(text)


def test_walked_into_an_ambush_is_no_entry() -> None:
    assert rows("Syrian army units walked into an ambush near the river on Sunday.") == []


def test_recovered_the_town_is_a_recapture() -> None:
    text = "Government forces recovered the town of Deir Hafer from Islamic State fighters on Thursday."
    assert ("Deir Hafer", "syrian_government", "recapture") in rows(text)


def test_recovered_bodies_is_no_recapture() -> None:
    assert rows("Government forces recovered the bodies of six soldiers on Thursday.") == []


def test_consolidated_control_over_the_town() -> None:
    text = "The Syrian army consolidated its control over the town of Suran on Monday."
    assert ("Suran", "syrian_government") in [r[:2] for r in rows(text)]


# ---- "retook X after losing control of it": the enemy's capture before the recapture

def test_retook_after_losing_them_tells_the_enemy_capture() -> None:
    text = ("Pro-government fighters retook the villages of Tal Hamdan and Kafr Saleh from the rebels "
            "after losing control of them hours earlier, a monitor said.")
    found = rows(text)
    assert ("Tal Hamdan", "opposition", "capture") in found
    assert ("Kafr Saleh", "syrian_government", "recapture") in found


def test_retook_after_losing_soldiers_is_no_capture() -> None:
    # near miss: what was lost is soldiers, not the place
    text = "Government forces retook Kafr Saleh from the rebels on Monday after losing 20 soldiers."
    assert [r for r in rows(text) if r[2] == "capture"] == []
