"""Wounded told without a figure: "killed 35 fighters and injured many others", "at least
seven people were killed and many more wounded", "several other people were wounded",
"gunmen injured a number of civilians". When that is all an article says of its wounded, the
fact is still a fact: a ``wounded`` claim with no count (qualifier ``vague``, low and best
empty), the victims of the sentence's one killed figure or of the noun after the amount.

An article that gives a figure for its wounded anywhere keeps only that figure (the vague
mention is the same people told loosely). Words: ``seeds/reference/casualty_cues.yaml``
(``vague_wounded``).
"""
from __future__ import annotations

import re

from .casualty_cues import cues
from .casualty_victims import UNSPECIFIED, Victim, resolve_victim
from .claims import CasualtyClaim, Count

VAGUE = Count(None, None, None, "vague")
_BOTH = re.compile(r"\bkill(?:ed|ing)\s+(?:and|or)\s+$", re.IGNORECASE)


def vague_wounded(sentence: str, killed: list[tuple[Victim, str | None]]) -> tuple[Victim, str | None] | None:
    """(victims, perpetrator) of a wounded mention without a figure in the sentence, or None.
    ``killed`` holds the sentence's killed figures (victims, perpetrator)."""
    m = cues()["vague_wounded"].search(sentence)
    if m is None or (m.group().lower().startswith(("injur", "wound", "hurt"))
                     and _BOTH.search(sentence, max(0, m.start() - 20), m.start())):
        return None  # "killing and injuring a number of terrorists": casualties, not the wounded alone
    noun = m.group("group") or next((w for w in m.group().lower().split() if w in ("people", "civilians")), None)
    group = resolve_victim(noun) if noun else None
    if group is not None and group is not UNSPECIFIED and noun.lower() not in ("others", "more"):
        return group, killed[0][1] if len(killed) == 1 else None
    if len({v.actor for v, _ in killed}) == 1:
        return killed[0]  # "killed 35 fighters and injured many others": the same side
    return None  # "others" of a group the sentence gives no figure for


def only_figure(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Article level: a vague wounded claim stays only when no wounded claim of the article
    gives a figure for the same victims (or for a mixed toll)."""
    counted = {c.victim_actor for c in claims
               if c.outcome == "wounded" and (c.count.low is not None or c.count.best is not None)}
    if not counted:
        return claims
    return [c for c in claims if not (c.outcome == "wounded" and c.count == VAGUE
                                      and (c.victim_actor in counted or "all" in counted or c.victim_actor == "all"))]
