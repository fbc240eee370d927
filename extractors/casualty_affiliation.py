"""Whose people a count's noun names when the group comes after it: "two men from
(Lebanese Shia group) Hezbollah", "six members of the Kurdish Asayish", "10 members of the
group" (the group the sentence named before the count).

Only nouns that say nothing of the people's status ("men", "members", "people", "fighters",
"officers", "elements") take the group; "children of ISIS fighters" stay children. A
nationality's people ("an American fighter with the jihadist group") take a group that is no
state's forces: the group they fight with, not their country's army. A group
that cannot be bound with confidence leaves the victims as they were.
Words: ``seeds/reference/casualty_cues.yaml`` (``affiliation_nouns``, ``group_anaphora``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import actors
from .casualty_victims import Victim
from .reference import load_yaml


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("casualty_cues.yaml")
    nouns = "|".join(sorted(data["affiliation_nouns"], key=len, reverse=True))
    anaphora = "|".join(sorted(data["group_anaphora"], key=len, reverse=True))
    noun_then_of = re.compile(
        rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{nouns})\s+(?:from|of|belonging\s+to|with)\s+(?:\([^)]{{0,60}}\)\s*)?",
        re.IGNORECASE)
    same_group = re.compile(rf"(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:{anaphora})\b", re.IGNORECASE)  # "the jihadist group"
    return noun_then_of, same_group


def affiliated(sentence: str, count_end: int, victim: Victim) -> Victim:
    """The group the count's people belong to when the words after their noun name it."""
    national = victim.actor in actors.state_forces()  # "an American fighter with the jihadist group"
    if victim.actor not in ("civilians", "unknown", "all") and not national or victim.type == "mixed" and victim.label:
        return victim
    noun_then_of, same_group = _patterns()
    m = noun_then_of.match(sentence, count_end)
    if m is None:
        return victim
    rest = sentence[m.end():m.end() + 80]
    if same_group.match(rest):  # "10 members of the group": the group named before the count
        before = [a for a in actors.find_actors(sentence[:count_end]) if a.actor_id in actors.SPECIFIC_GROUPS]
        if len({a.actor_id for a in before}) == 1:
            return Victim(before[-1].actor_id, victim.label, "combatant")
        return victim
    lead = re.match(r"(?:the\s+)?(?:[\w-]+\s+){0,3}?", rest, re.IGNORECASE)
    for mention in actors.find_actors(rest):
        if mention.actor_id in ("civilians", "unknown"):
            continue
        if mention.start <= (lead.end() if lead else 0):
            if national and mention.actor_id in actors.state_forces():
                return victim  # "Russian officers of the Syrian army": a state's people stay its own
            return Victim(mention.actor_id, victim.label, "combatant")
        break
    return victim
