"""Combatants killed where an attack landed belong to the side that held the place: "air
raids on ISIL positions killed 35 fighters" -> isis; "drone strikes on Ukrainian positions
near Bakhmut killed 20 soldiers" -> ukraine; "shelling of rebel posts killed 12 fighters" ->
opposition.

Only combatants no word of their own places on a side are bound this way: "fighters" with no
group (``unknown``) and bare "soldiers"/"troops", which the victim table reads as the Syrian
army by default. The target must name exactly one side that is not the attacker (the
clause's agent). Words: ``seeds/reference/casualty_cues.yaml`` (``target_frame``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import actors
from .casualty_cues import cues
from .casualty_victims import Victim, demonym_actor
from .casualty_state_forces import bare_default


def holders(words: str) -> set[str]:
    """The sides named in a target's owner words ("ISIL", "Ukrainian", "the regime's")."""
    found = {a.actor_id for a in actors.find_actors(words) if a.actor_id not in ("civilians", "unknown")}
    for word in re.findall(r"[A-Za-z]+", words):
        actor = demonym_actor(word)
        if actor:
            found.add(actor)
    return found


def target_side(sentence: str, victim: Victim, agent: str | None) -> Victim:
    """The victim bound to the side whose positions were hit, or the victim unchanged."""
    if victim.type != "combatant" or not (victim.actor == "unknown" or bare_default(victim)):
        return victim
    sides: set[str] = set()
    for m in cues()["target_frame"].finditer(sentence):
        sides |= holders(m.group("holder"))
    sides.discard(agent or "")
    if len(sides) != 1:
        return victim
    return Victim(sides.pop(), victim.label, victim.type)


@lru_cache(maxsize=4096)  # a pure function of the words: the same clause is asked for again (~3,900 calls, ~900 texts a dev pass)
def without_targets(region: str) -> str:
    """The words of a clause with its attacks' targets blanked out: the side whose positions
    were hit ("Israeli strikes on Hezbollah positions killed ...") is not the attacker."""
    return cues()["target_frame"].sub(lambda m: m.group()[:m.start("holder") - m.start()] + " " * len(m.group("holder"))
                                      + m.group()[m.end("holder") - m.start():], region)
