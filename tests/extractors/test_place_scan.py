"""The one-scan candidate reading of ``places._find_places`` finds the same tokens as reading
every token of the text and keeping the articles and the capitalised heads of gazetteer
names (the word-by-word reading it replaced, repeated here on purpose as the reference).
The sentences are ours, written for the token edge cases (apostrophes inside and before
names, articles in any case, letters outside ASCII, words glued to digits and underscores)."""
from __future__ import annotations

import pytest

from extractors import places
from extractors.places import _ARTICLES, _LONGEST_ARTICLE, _TOKEN, _candidate_tokens, _country_head, _head_tokens


def _every_token(text: str, country: str | None) -> list[tuple[int, int]]:
    tokens = [match.span() for match in _TOKEN.finditer(text)]
    return [(a, b) for a, b in tokens
            if (b - a <= _LONGEST_ARTICLE and text[a:b].lower() in _ARTICLES)
            or (text[a].isupper() and (_head_tokens(text[a:b]) or (country is not None and _country_head(country, text[a:b]))))]


SENTENCES = [
    "Rebels took Ma'arrat al-Nu'man and Saraqib in Idlib province on Monday.",
    "Fighting near Deir ez-Zor, ad-Dana and As Suwayda; at Hama the army held.",
    "AL-BAB, Al Bab and al Bab: 'Aleppo' and ‘Homs’ and ʿAfrin and ʾIdlib.",
    "O'Brien met D'Mello in Ma'Arrat; x'Al and ''Al and ' al-Rai.",
    "Ärzte in Überlingen, İstanbul and Şanlıurfa; Kharkiv ıl and ſal.",
    "Troops3Hama 2Aleppo _Homs Raqqa_ Kobani-Tal Abyad el-Tell ESH ash Ath adh.",
    "The Sudanese army entered Wad Madani, El Fasher and Omdurman.",
    "In Tripoli and Misrata, and in Goma, Palma and Mogadishu.",
    "",
    "no capitals at all here, al, el, il, as, an, at, en, er.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("country", [None, "LY", "CD"])
def test_candidates_are_those_of_every_token(text: str, country: str | None) -> None:
    assert _candidate_tokens(text, country) == _every_token(text, country)


def test_find_places_reads_names_after_articles_and_apostrophes() -> None:
    names = [m.name for m in places.find_places("Rebels took Ma'arrat al-Nu'man and Saraqib in Idlib province.")]
    assert "Saraqib" in names and any(n.startswith("Idlib") for n in names)
