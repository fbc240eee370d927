"""Which group a hostile framing ("terrorists", "militants") stands for, and a group named
inside the victims' phrase. Every sentence here was written by us (Sitrep helper casualty4),
set in several wars; none is quoted from an article."""
from extractors.casualties import read_figures
from extractors.pipeline import extract_article


def _victims(sentence: str, article: str = "") -> dict[int | None, str]:
    return {f.mention.count.best or f.mention.count.low: f.victim.actor for f in read_figures(sentence, article)}


def test_the_subject_followed_by_its_verb_is_the_agent_not_the_framed_group() -> None:
    # Syria: a headline with the agent as subject and the other group as a noun modifier
    assert _victims("SDF foiled ISIS attack near Manbij, 40 terrorists killed.") == {40: "isis"}


def test_adjacent_names_make_one_subject() -> None:
    assert _victims("Kurdish SDF troops kill 12 jihadists of Daesh near Tabqa.") == {12: "isis"}


def test_a_group_named_after_of_outranks_the_framing_word() -> None:
    assert _victims("Strikes killed 9 militants of Hayat Tahrir al-Sham near Idlib.") == {9: "hts"}


def test_the_only_group_named_stays_when_the_first_actor_is_no_subject() -> None:
    # the clause's first actor is the object of "destroyed", not the killer
    assert _victims("Jets destroyed a Daesh depot and killed 14 terrorists near Palmyra.") == {14: "isis"}


def test_the_article_framing_one_group_twice_decides_a_bare_framing() -> None:
    article = ("ISIS terrorists attacked the town of Afrin. Kurdish fighters repelled the ISIS "
               "militants after a day of fighting. Activists said 25 extremists died.")
    assert _victims("Activists said 25 extremists died.", article) == {25: "isis"}


def test_a_framing_stays_generic_when_the_article_frames_no_single_group() -> None:
    article = ("ISIS militants and HTS terrorists shelled the villages. Later 7 terrorists died "
               "in Hama. The HTS terrorists withdrew; ISIS terrorists stayed.")
    assert _victims("Later 7 terrorists died in Hama.", article) == {7: "opposition"}


def test_a_framed_figure_takes_the_group_its_headline_names() -> None:
    text = ("Army kills 48 ISIL terrorists in Deir Ezzor.\n"
            "Army units shelled positions near the airport, killing 48 terrorists, a source said.")
    claims = extract_article(text, "ours-syria").casualty_claims
    assert {c.victim_actor for c in claims if c.count.best == 48} == {"isis"}


def test_the_sudanese_framing_is_not_the_subject() -> None:
    # Sudan: the RSF is the subject; "mercenaries" are not the RSF
    assert _victims("The RSF repelled the attack and killed 30 mercenaries.").get(30) != "rsf"
