"""Claimants: who a sentence attributes itself to, and carry-over within a paragraph."""
import pytest

from extractors.claimants import claimants_by_sentence, find_claimant
from extractors.text import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("According to the Syrian Observatory for Human Rights, shelling went on.", "SOHR"),
    ("The Observatory put the figure higher.", None),
    ("Shelling went on overnight, the army said.", "Syrian army"),
    ("The Syrian military disclosed the figures late on Monday.", "Syrian military"),
    ("The clashes were reported by Reuters.", "Reuters"),
    ("Reuters reported that the road was cut.", "Reuters"),
    ("The Russian military, which runs an air base nearby, reported strikes on depots.", "Russian military"),
    ("WHO said it had sent supplies.", "WHO"),
    ("SANA reported heavy damage.", "SANA"),
    ("Ukrainian intelligence says the unit withdrew.", "GUR"),
    ("Local sources in Idlib city told Al-Mayadeen TV that the road was open.", "local sources (Al-Mayadeen TV)"),
    ("A doctor, who works at the UN's World Food Program, warned that stocks were low.", "WFP"),
])
def test_find_claimant(text: str, expected: str | None) -> None:
    found = find_claimant(text)
    assert (found.claimant if found else None) == expected


def test_opening_claimant_carries_within_its_paragraph() -> None:
    text = (
        "According to the Observatory, the strikes hit two markets. Nine people died there.\n"
        "The town was quiet by evening."
    )
    names = [c for c, _ in claimants_by_sentence(split_sentences(text))]
    assert names == ["SOHR", "SOHR", None]


def test_generic_back_reference_takes_the_earlier_claimant() -> None:
    text = ("Field sources told Al-Mayadeen TV that the bridge held. "
            "The sources reported that losses were heavy.")
    names = [c for c, _ in claimants_by_sentence(split_sentences(text))]
    assert names == ["field sources (Al-Mayadeen TV)", "field sources (Al-Mayadeen TV)"]


@pytest.mark.parametrize("text, expected", [
    ("Most of the dead were rebels, the Britain-based monitoring group said.", "SOHR"),
    ("The toll climbed past 40, a monitor said on Sunday.", "SOHR"),
    ("Rami Abdel Rahman said the toll was likely to rise.", "SOHR"),
    ("Dozens were hurt, local authorities told reporters.", "local authorities"),
    ("Shelling went on overnight near the river.", None),  # no attribution word at all
])
def test_monitor_and_authority_aliases(text: str, expected: str | None) -> None:
    mention = find_claimant(text)
    assert (mention.claimant if mention else None) == expected


def test_the_full_name_after_the_article_is_one_source() -> None:
    from extractors.claimants import find_claimant
    mention = find_claimant("Air strikes killed 12 people on Monday, the Syrian Observatory for Human Rights said.")
    assert mention is not None and mention.claimant == "SOHR"
    assert find_claimant("The Syrian Observatory for Human Rights reported the raids.").claimant == "SOHR"


def test_a_parenthesised_abbreviation_before_the_verb() -> None:
    from extractors.claimants import find_claimant
    assert find_claimant("Strikes killed 9 children, the UN children's agency (UNICEF) has said.").claimant == "UNICEF"


def test_a_wire_headline_credits_its_source_last() -> None:
    from extractors.claimants import find_claimant
    assert find_claimant("Shelling in Idlib kills 8 fighters: monitor.").claimant == "SOHR"
    assert find_claimant("The town was hit: a report.") is None


def test_a_source_at_an_institution_is_the_institution() -> None:
    from extractors.claimants import find_claimant
    assert find_claimant("A source at Homs Police Command said two shells hit the market.").claimant == "police"


def test_a_source_in_an_institution_telling_a_medium() -> None:
    from extractors.claimants import find_claimant
    assert find_claimant("A source in the Syrian army told Sputnik that 15 soldiers were wounded.").claimant == "Syrian army (Sputnik)"


def test_claiming_lives_is_not_a_claim() -> None:
    from extractors.claimants import find_claimant
    assert find_claimant("An airstrike of the US-led coalition has claimed lives of eight civilians.") is None
    assert find_claimant("The US-led coalition claimed the strike hit IS positions.").claimant is not None


def test_state_media_names_and_whose_state() -> None:
    from extractors.claimants import find_claimant
    assert find_claimant("State news agency SANA said rebel fire killed four people.").claimant == "SANA"
    assert find_claimant("State TV said two people were wounded.").claimant == "Syrian state TV"
    assert find_claimant("Russian state TV said three soldiers died.").claimant == "Russian state media"
    assert find_claimant("A source at Damascus Police Command said two shells hit the market.").claimant == "police"
    assert find_claimant("The Observatory put the toll at six dead.").claimant == "SOHR"
