"""The one-scan reading of the equipment catalogue (``equipment_mentions._scan``) finds the
same aliases as reading every run of the text in Python (that reading, repeated here on
purpose as the reference). The sentences are ours, written for the edge cases: plurals,
models glued to digits and letters, the article "a" and "An-26", hyphens, underscores,
letters outside ASCII and the two characters whose lower case is not one ASCII letter."""
from __future__ import annotations

import re

import pytest

from extractors.equipment_mentions import _RUN, _catalogue, _scan


def _every_run(text: str, patterns: dict[str, re.Pattern[str]]) -> list[tuple[int, int, str]]:
    found, resume = [], 0
    for run in _RUN.finditer(text):
        at = run.start()
        if at < resume:
            continue
        word = run.group().lower()
        pattern = patterns.get(word)
        if pattern is None and len(word) > 3 and word.endswith("s"):
            pattern = patterns.get(word[:-1])
        if pattern is None:
            continue
        if word in ("a", "an") and text[run.end():run.end() + 1] != "-":
            continue
        if at and (text[at - 1].isalnum() or text[at - 1] in "-_"):
            continue
        m = pattern.match(text, at)
        if m:
            found.append((m.start(), m.end(), m.group()))
            resume = m.end()
    return found


SENTENCES = [
    "Ukrainian forces destroyed two T-72B3 tanks, a BMP-2 and an An-26 near Bakhmut.",
    "Rebels captured Grad launchers, three Pantsirs, a T-90M and several BTR-80s.",
    "The Houthis shot down an MQ-9 Reaper drone; a Mi-8MTV helicopter and Su-30SM2 jets were lost.",
    "2S19 Msta-S howitzers, M777 guns and Leopard 2A6 tanks; HIMARS and TB2s.",
    "tanks_tanks T72 t-72 xT-72 T-72x 1T-72 a-50 A-50 an An AN-26 the tank's crew.",
    "Ärzte-T-72 İT-72 \u212aT-72 ıtanks and Kalashnikovs; K-2 and \u212a-2 tanks.",
    "",
    "No equipment here at all, only words and 2024 and 15 people.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_is_every_run(text: str) -> None:
    patterns = _catalogue()[1]
    assert [(m.start(), m.end(), m.group()) for m in _scan(text, patterns)] == _every_run(text, patterns)
