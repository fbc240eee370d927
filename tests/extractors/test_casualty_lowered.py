"""casualty_lowered: case-blind patterns searched on the lower-cased text give the matches
the case-blind pattern gives. Every sentence here is ours (written for the test, several
wars), none from an article."""
from __future__ import annotations

import re

import pytest

from extractors.casualty_cues import cues
from extractors.casualty_lowered import CaseBlind, CasedGate, case_blind, foldable, relaxed

SENTENCES = [
    "Three Rwandan soldiers were killed near Goma on Tuesday, the army said.",
    "SHELLING KILLED 12 CIVILIANS IN KHARKIV, officials said, without specifying whether they were fighters.",
    "The Kelvin sign \u212a and a long s \u017f in a text about 40 prisoners of war taken at Goose Green.",
    "An İstanbul report: 7 people died and 20 were wounded in the Kabul blast.",
    "A man carries an injured girl after an airstrike on Aleppo.",
    "Of those killed, six were children; 300 hostages were released by the militia.",
    "the insurgency has killed more than 30,000 people since 1991 in Mozambique",
    "",
]


def _spans(found):
    return None if found is None else (found.span(), found.groups(), found.string)


def test_foldable_refuses_what_lower_casing_would_change() -> None:
    assert foldable(r"\bkilled\s+\w+", re.IGNORECASE)
    assert foldable(r"\S+\W\B", re.IGNORECASE)  # escapes mean the same on lower-cased text
    assert not foldable(r"Killed", re.IGNORECASE)  # a capital
    assert not foldable(r"(?-i:[a-z])ed", re.IGNORECASE)  # an inline flag
    assert not foldable(r"\x4Billed", re.IGNORECASE)  # a character by its code
    assert not foldable(r"killed", 0)  # not case-blind: nothing to gain
    assert not foldable(r"\u00c9", re.IGNORECASE)


def test_relaxed_gate_only_outside_negative_lookarounds() -> None:
    assert relaxed(r"(?-i:[A-Z])\w+ (?-i:a|the)\s", re.IGNORECASE) == r"(?:[a-z])\w+ (?:a|the)\s"
    assert relaxed(r"(?!(?-i:[A-Z]))\w+", re.IGNORECASE) is None  # relaxing would forbid more
    assert relaxed(r"(?<!(?-i:the) )\w+", re.IGNORECASE) is None
    assert relaxed(r"\bkilled\b", re.IGNORECASE) is None  # nothing case-sensitive: foldable instead


@pytest.mark.parametrize("key", sorted(k for k, v in cues().items() if isinstance(v, (CaseBlind, CasedGate))))
def test_casualty_patterns_answer_as_the_case_blind_ones(key: str) -> None:
    wrapped = cues()[key]
    blind = wrapped.blind
    for sentence in SENTENCES:
        for pos in range(0, len(sentence) + 1, 7):
            assert _spans(wrapped.search(sentence, pos)) == _spans(blind.search(sentence, pos))
            assert _spans(wrapped.match(sentence, pos)) == _spans(blind.match(sentence, pos))
        assert [_spans(m) for m in wrapped.finditer(sentence)] == [_spans(m) for m in blind.finditer(sentence)]
        if isinstance(wrapped, CaseBlind):
            assert _spans(wrapped.fullmatch(sentence)) == _spans(blind.fullmatch(sentence))
            assert wrapped.sub("#", sentence) == blind.sub("#", sentence)


def test_case_blind_returns_the_original_text_groups() -> None:
    pattern = case_blind(re.compile(r"(?P<n>\d+)\s+(?P<who>civilians|soldiers)\s+were\s+killed", re.IGNORECASE))
    assert isinstance(pattern, CaseBlind)
    found = pattern.search("Officials said 14 SOLDIERS Were Killed in Sumy.")
    assert found is not None and found.group("who") == "SOLDIERS" and found.span() == (15, 38)
    assert pattern.search("Officials said nobody was hurt.") is None
    kelvin = "14 soldiers were \u212aILLED"  # the Kelvin sign folds onto k: read case-blind
    assert pattern.search(kelvin) is not None and pattern.search(kelvin).group() == kelvin


def test_cased_gate_keeps_case_sensitive_groups() -> None:
    pattern = case_blind(re.compile(r"\s+in\s+(?-i:[A-Z])\w+", re.IGNORECASE))
    assert isinstance(pattern, CasedGate)
    assert pattern.match(" in Bakhmut") is not None
    assert pattern.match(" IN bakhmut") is None  # the gate passes, the pattern refuses
    assert pattern.match(" on Bakhmut") is None  # the gate refuses
