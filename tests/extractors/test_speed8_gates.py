"""The cheap tests added for speed (speed8) skip only texts where the expensive pattern can
find nothing; the per-article victim memo answers as the rules do. Sentences written for
these tests (no article text)."""
from __future__ import annotations

import pytest

from extractors import actors, allegiance, theatre
from extractors.casualty_victims import _resolve_victim, resolve_victim
from extractors.mentions import reported_agents
from extractors.sentence import SentenceMentions

SENTENCES = [
    "Russia's defence ministry said its forces had captured Selydove.",
    "The RSF said it had taken Babanusa on Friday.",
    "Ukraine's military said they withdrew from the town, officials said.",
    "The army said the town was calm and officials said nothing more.",
    "The ministry said: IT had seized the base.",
    "Forces loyal to the Tripoli-based government's forces said its troops took Gharyan.",
    "The Sudanese government's forces and the government’s militias pushed on.",
    "Government forces shelled the town, the government said.",
    "THE GOVERNMENT'S TROOPS entered the city, they said.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_no_report_match_where_the_pronoun_gate_says_none(text: str) -> None:
    gate = reported_agents._PRONOUN.search(text) is not None
    matches = [i for i in range(len(text)) if reported_agents._REPORT.match(text, i)]
    assert gate or not matches


@pytest.mark.parametrize("text", SENTENCES)
def test_no_government_possessive_match_where_the_gate_says_none(text: str) -> None:
    gov_owned = allegiance._patterns()[3]
    gate = allegiance._POSSESSIVE.search(text) is not None
    assert gate or gov_owned.search(text) is None


def test_the_gates_let_the_reports_and_possessives_through() -> None:
    found = SentenceMentions(SENTENCES[1]).actors
    assert any(m.label == "it" and m.actor_id == "rsf" for m in found)
    assert any(m.label.startswith("The Sudanese government") for m in actors.find_actors(SENTENCES[6]))


@pytest.mark.parametrize("phrase", ["civilians", "Syrian soldiers", "of the rebels", "rebel and regime fighters",
                                    "rockets", "", "Ukrainian troops", "members of a TV crew"])
def test_resolve_victim_kept_per_article_answers_as_the_rules(phrase: str) -> None:
    with theatre.reading(["Fighting went on near Aleppo and Idlib in Syria."]):
        resolve_victim(phrase)  # may read the article's country (a new state: a new memo key)
        first = resolve_victim(phrase)
        assert resolve_victim(phrase) is first
        assert first == _resolve_victim(phrase)
    assert resolve_victim(phrase) == first  # outside an article: no memo, the same answer here


def test_alias_table_is_the_table_of_the_full_pattern() -> None:
    assert actors._aliases()[0] is actors._alias_table()
