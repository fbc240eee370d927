"""Counts in text: digits, words, scales, vague amounts, qualifiers, ranges and traps."""
import pytest

from extractors.claims import Count
from extractors.numbers import find_counts, parse_number


def counts(text: str) -> list[Count]:
    return [m.count for m in find_counts(text)]


@pytest.mark.parametrize("phrase, value", [
    ("2,450", 2450), ("7301", 7301), ("3.2 million", 3200000), ("thirty-one", 31),
    ("a hundred", 100), ("two dozen", 24), ("one hundred and six", 106),
])
def test_parse_number(phrase: str, value: int) -> None:
    assert parse_number(phrase) == value


def test_digits_words_and_single_people() -> None:
    assert counts("Shelling left 2,450 people homeless and three farmers hurt.") == [
        Count(2450, 2450, 2450), Count(3, 3, 3)]
    assert counts("A shepherd was shot near the border.") == [Count(1, 1, 1)]


def test_vague_amounts_have_low_bound_and_no_best() -> None:
    found = counts("Dozens fled, scores were hurt, hundreds waited and thousands marched.")
    assert [(c.low, c.best, c.qualifier) for c in found] == [
        (24, None, "vague"), (40, None, "vague"), (200, None, "vague"), (2000, None, "vague")]


@pytest.mark.parametrize("text, expected", [
    ("no fewer than 40 men", Count(40, 40, None, "at_least")),
    ("more than 900 families", Count(900, None, None, "more_than")),
    ("losses exceeded 3,100 fighters", Count(3100, None, None, "more_than")),
    ("roughly 75 workers", Count(None, 75, None, "approximately")),
    ("nearly a million people", Count(None, 1000000, None, "approximately")),
    ("as many as 60 students", Count(None, 60, 60, "up_to")),
    ("between 30 and 45 pupils", Count(30, None, 45, "exact")),
    ("8 to 11 patients", Count(8, None, 11, "exact")),
])
def test_qualifiers_and_ranges(text: str, expected: Count) -> None:
    assert counts(text) == [expected]


@pytest.mark.parametrize("text", [
    "the convoy stopped 35 kilometers north of the town",
    "a base some 120km from the coast",
    "the town, home to roughly 400,000 residents, was quiet",
    "fighting there in 2013 and again in 2019-2020",
    "the boy, aged 9, and his 14-year-old sister",
    "prices rose 12 percent, or 15%, costing $3 million",
    "the troops seized 27 villages and 4 hills",
    "the blast on October 3 at 0730 shook Brigade 93",
])
def test_non_counts_are_left_out(text: str) -> None:
    assert counts(text) == []


def test_several_hundred_and_a_few_thousand_are_vague_amounts() -> None:
    assert counts("several hundred fighters") == [Count(200, None, None, "vague")]
    assert counts("a few thousand families") == [Count(2000, None, None, "vague")]


def test_day_of_month_before_month_name_is_not_a_count() -> None:
    assert counts("Reuters, Saturday 14 Sep 2019: the strike hit a school.") == []


def test_population_phrase_unless_displaced_people_follow() -> None:
    assert counts("The district is home to 80,000 residents.") == []
    assert counts("The district is home to 80,000 people displaced from the east.") == [Count(80000, 80000, 80000, "exact")]


def test_trie_alternation_matches_like_a_plain_alternation() -> None:
    import re
    from extractors.patterns import trie_alternation
    words = ["the sources", "the source", "the", "observatory", "obs"]
    pattern = re.compile(rf"\b(?:{trie_alternation(words)})\b", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer("The sources and the source told obs the observatory")] == [
        "The sources", "the source", "obs", "the", "observatory"]


def test_separated_thousands_are_never_years_and_a_year_after_in_is_a_year() -> None:
    from extractors.numbers import find_counts
    assert [m.count.best for m in find_counts("2,000 Iraqi refugees were stranded")] == [2000]
    assert [m.count.best for m in find_counts("2000 Syrian refugees arrived")] == [2000]
    assert find_counts("In 2015 civilians fled the town") == []


def test_no_one_is_no_count() -> None:
    from extractors.numbers import find_counts
    assert find_counts("There must be action if no one is evacuated.") == []
    assert [m.count.best for m in find_counts("killed no fewer than 20 people")] == [20]
