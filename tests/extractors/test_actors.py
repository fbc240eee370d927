"""Actor aliases and framings, in sentences of our own wording."""
from extractors.actors import find_actors, resolve_actor, specific_actor


def test_framings_map_onto_contract_ids_and_keep_the_words() -> None:
    found = find_actors("Jihadists and regime troops clashed while insurgents shelled Assad's forces.")
    assert [(m.label, m.actor_id) for m in found] == [
        ("Jihadists", "opposition"), ("regime troops", "syrian_government"),
        ("insurgents", "opposition"), ("Assad's forces", "syrian_government"),
    ]


def test_former_names_and_sna() -> None:
    assert resolve_actor("Jabhat al-Nusra") == "hts"
    assert resolve_actor("National Army factions") == "sna"
    assert resolve_actor("terrorists") == "opposition"
    assert resolve_actor("rebels") == "opposition"


def test_framing_becomes_the_group_named_just_before() -> None:
    earlier = ("", "Monitors said HTS-led armed factions pushed south overnight.")
    assert specific_actor("the factions", "opposition", earlier, "") == "hts"


def test_framing_becomes_the_only_group_the_article_names() -> None:
    article = "Fighters of Hayat Tahrir al-Sham advanced. The militants then took the hill."
    assert specific_actor("militants", "opposition", (), article) == "hts"


def test_framing_stays_generic_when_several_groups_are_named_evenly() -> None:
    article = "ISIS attacked in the east. HTS attacked in the west. The militants moved on."
    assert specific_actor("militants", "opposition", (), article) == "opposition"


def test_a_name_is_never_reframed() -> None:
    assert specific_actor("Syrian army", "syrian_government", (), "HTS was there.") == "syrian_government"


def test_find_actors_finds_aliases_inside_hyphenated_and_possessive_text() -> None:
    from extractors.actors import find_actors
    found = [(m.label, m.actor_id) for m in find_actors("Syrian allied forces fought HTS-led factions.")]
    assert found[0] == ("Syrian allied forces", "syrian_government")
    assert find_actors("the Syrian allied forces") == find_actors("the Syrian allied forces")  # cached, same answer


def test_is_the_group_only_in_capitals() -> None:
    found = find_actors("The town fell to IS after it is said the army left.")
    assert [(m.label, m.actor_id) for m in found] == [("IS", "isis"), ("the army", "syrian_government")]


def test_bare_troops_are_the_armys_but_named_troops_keep_their_owner() -> None:
    assert [m.actor_id for m in find_actors("troops entered the town")] == ["syrian_government"]
    assert [m.actor_id for m in find_actors("Turkish troops and US troops crossed")] == ["turkey", "us_coalition"]


def test_a_rebel_framing_is_never_the_islamic_state() -> None:
    article = "IS shelled the town. IS fighters attacked. Rebel groups took control of Idlib city."
    assert specific_actor("rebel groups", "opposition", (), article) == "opposition"


def test_a_framing_right_after_a_named_group_is_that_group() -> None:
    found = find_actors("Jets struck ISIL terrorists and Nusra militants while rebels watched.")
    assert [(m.label, m.actor_id) for m in found] == [
        ("ISIL terrorists", "isis"), ("Nusra militants", "hts"), ("rebels", "opposition")]


# ---------------------------------------------------------------- issue 7: any war

def test_nationality_words_name_a_country_forces() -> None:
    """Sentences of our own about other wars."""
    from extractors.actors import find_actors
    assert [m.actor_id for m in find_actors("Ukrainian troops pushed east.")] == ["ukraine"]
    assert [m.actor_id for m in find_actors("the Sudanese army and the RSF clashed")] == ["sudan", "rsf"]
    assert [m.actor_id for m in find_actors("The IDF said Hamas fighters fled.")] == ["israel", "hamas"]


def test_sides_are_per_theatre() -> None:
    from extractors.sides import allied, armed, opposed
    assert opposed("russia", "ukraine") and opposed("hts", "syrian_government") and opposed("sudan", "rsf")
    assert not opposed("russia", "iran") and not opposed("ukraine", "hts")  # no shared war: not sides
    assert opposed("israel", "hezbollah") and allied("hezbollah", "iran")
    assert not opposed("civilians", "hts")
    from extractors.actors import ActorMention
    assert [m.actor_id for m in armed([ActorMention("x", "civilians", 0, 1), ActorMention("y", "rsf", 0, 1)])] == ["rsf"]


def test_every_alias_maps_to_a_known_actor() -> None:
    from extractors.reference import load_csv
    from extractors.sides import actor_ids
    ids = actor_ids()
    assert {row["actor_id"] for row in load_csv("actor_aliases.csv")} <= ids
    assert {row["actor_id"] for row in load_csv("actors_nationalities.csv")} <= ids
