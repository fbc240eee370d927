"""The fast first-word scan of ASCII sentences finds the same aliases as trying every word
(the scan looks ahead for an alias's opening letters and starts at a word boundary)."""
from __future__ import annotations

import pytest

from extractors import actors
from extractors.actors import ActorMention, _aliases, _alias_first_words, _pattern_starting, _WORD_RUN


def _every_word(text: str) -> tuple[ActorMention, ...]:
    """The alias matches read by trying the alias pattern at every word (no scan)."""
    table, _ = _aliases()
    normalised = text.replace("’", "'")
    found, resume = [], 0
    for word in _WORD_RUN.finditer(normalised):
        at = word.start()
        if at < resume or word.group().lower() not in _alias_first_words():
            continue
        if at and (normalised[at - 1].isalnum() or normalised[at - 1] in "-_"):
            continue
        m = _pattern_starting(word.group().lower()).match(normalised, at)
        if m:
            found.append(ActorMention(text[m.start():m.end()], table[m.group().lower()], m.start(), m.end()))
            resume = m.end()
    return tuple(found)


SENTENCES = [
    "The Syrian army and the Free Syrian Army clashed near Aleppo, the Syrian Observatory said.",
    "IS fighters attacked; the group is said to have lost ground to the SDF and the YPG.",
    "Islamic State militants, Hayat Tahrir al-Sham and Nusra Front fighters withdrew.",
    "the_army foo_the Syrian army_units 3the army the-army (the army) 'the army'",
    "THE SYRIAN ARMY, The Russian air force and US-led coalition jets struck Raqqa.",
    "Government forces and pro-government militias; people of the region; forces loyal to Assad.",
    "Ukrainian troops, the Sudanese army and Rapid Support Forces were named.",
    "the army. the army, the armies, the army's positions, theArmy, the  army",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_finds_what_every_word_finds(text: str) -> None:
    assert text.isascii()
    actors._find_actors.cache_clear()
    assert actors._find_actors(text) == _every_word(text)


def test_the_scan_passes_over_first_words_that_start_no_alias_here() -> None:
    finder = actors._ascii_first_word_finder()
    starts = [m.group() for m in finder.finditer("the people of the town met the syrian army".lower())]
    assert "people" not in starts and starts.count("the") == 1  # only "the syrian army" may be an alias
