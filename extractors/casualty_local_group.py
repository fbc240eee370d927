"""Checks on the group a hostile framing ("terrorists", "insurgents") was read as.

``casualty_victims.specific_group`` turns a framing into the one group the sentence, or
else the whole article, is about. Three things the article-wide reading gets wrong, each
checked here against the words around the count:
- a group named in the victims' own words outranks any other reading ("10 Jaish al-Fateh
  terrorists" in an article about IS are Jaish al-Fateh's, not IS's);
- a framing only stands for a group it may describe (``control_actor_framings.csv``):
  "Takfiri insurgents were killed as YPG forces advance" are no SDF fighters, though the
  SDF is the one group the sentence names;
- a paragraph about another front: when the sentence names no group and the sentence
  before it names armed groups, but not the article's group ("the air force hit positions
  of Jaish al-Fateh and other terrorist organizations in northern Hama ... 7 terrorists were
  killed"), the framing stays generic: a wrong specific group is worse than the generic one.
"""
from __future__ import annotations

import re

from . import actors, sides
from .casualty_cues import cues as _cues
from .casualty_victims import Victim, is_framing
from .casualty_state_forces import crew_of

_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+(?=[\"“A-Z0-9])")
_NO_GROUP = frozenset({"civilians", "unknown"})


def checked_group(generic: Victim, resolved: Victim, sentence: str, article_text: str) -> Victim:
    """``resolved`` (the framing read as a specific group) unless the words around the
    count say otherwise; then ``generic`` (the framing as the table reads it)."""
    if resolved.actor == generic.actor or not is_framing(generic):
        return resolved
    label = generic.label or ""
    if any(not actors.is_framing(m.label) and m.actor_id == generic.actor for m in actors.find_actors(label)):
        return generic  # "Jaish al-Fateh terrorists": the victims' own name
    if _not_described(label, resolved.actor):
        return generic  # "Takfiri insurgents" are never the SDF
    if actors.group_counts(sentence) or not article_text:
        return resolved  # the sentence names a group: its grammar decided
    before = previous_sentence(sentence, article_text)
    named = {m.actor_id for m in actors.find_actors(before)
             if m.actor_id not in _NO_GROUP and not actors.is_framing(m.label)
             and (m.actor_id in actors.SPECIFIC_GROUPS or m.actor_id == "opposition")}
    if named and resolved.actor not in named:
        return generic  # the paragraph is about other groups than the article's
    return resolved


def previous_sentence(sentence: str, article_text: str) -> str:
    """The sentence right before ``sentence`` in the article ("" when it opens the article
    or cannot be found)."""
    at = article_text.find(sentence[:80])
    if at <= 0:
        return ""
    window = article_text[max(0, at - 600):at].rstrip()
    if "\n\n" in window:
        window = window.rsplit("\n\n", 1)[1]  # not across a paragraph break
    parts = _SENTENCE_END.split(window)
    return parts[-1] if parts else ""


def _not_described(label: str, group: str) -> bool:
    """True when the framing table lists the groups ``label`` may stand for in ``group``'s
    wars and ``group`` is not one of them. A war counts as covered when the table names two
    of its groups or more for the framing (one group alone, such as IS in Somalia, is a
    group fighting in several wars, not a list of that war's candidates)."""
    may_be = actors.framing_may_be(label)
    if not may_be or group in may_be:
        return False
    listed: dict[str, int] = {}
    for candidate in may_be:
        for theatre in sides.theatres(candidate):
            listed[theatre] = listed.get(theatre, 0) + 1
    return any(listed.get(theatre, 0) >= 2 for theatre in sides.theatres(group))


_SIDELESS = frozenset({"fighters", "fighter", "commanders", "commander", "members", "member", "militiamen",
                       "mercenaries", "leaders", "leader", "elements", "combatants", "men"})


def killers_enemy(victim: Victim, sentence: str, perpetrator: str | None) -> Victim:
    """Combatants of no side ("fighters", "commanders") killed by a named perpetrator are
    the one other armed actor the sentence names ("a Russian strike destroyed a Daesh
    command post with more than 30 fighters" -> isis). Nothing without a perpetrator: in
    "20 fighters were killed in clashes with IS" the one group named is the enemy."""
    if perpetrator is None or victim.actor != "unknown" or victim.type != "combatant":
        return victim
    words = (victim.label or "").lower().split()
    if not words or words[-1] not in _SIDELESS or words[0] == "of" or any(w.endswith(("'s", "’s")) for w in words):
        return victim  # "nine of the group's fighters": whose they are is the possessive's (casualty_owner)
    others = {m.actor_id for m in actors.find_actors(sentence)
              if m.actor_id not in _NO_GROUP and m.actor_id != perpetrator and not actors.is_framing(m.label)}
    return Victim(next(iter(others)), victim.label, victim.type) if len(others) == 1 else victim


def aircraft_crew(victim: Victim, sentence: str, phrase_end: int, article_text: str) -> Victim:
    """People of no side lost with a state's military aircraft are its crew: a bare toll in a
    sentence that downs the aircraft ("5 Killed as Russian Military Chopper Shot down"), and
    "all five people on board were assumed dead" after a sentence that names the aircraft."""
    if victim.actor not in ("all", "civilians") or (victim.label or "people").lower() not in ("people", "persons"):
        return victim
    cues = _cues()
    if cues["on_board"].match(sentence[phrase_end:phrase_end + 12]):
        if cues["aircraft"].search(sentence) or not article_text:
            return victim  # the sentence's own aircraft: crew_of has read it
        return crew_of(sentence + " " + previous_sentence(sentence, article_text), phrase_end, victim)
    if victim.label is None and cues["downed"].search(sentence):
        crew = crew_of(sentence, phrase_end, Victim("civilians", "people", "civilian"), aboard=True)
        return crew if crew.type == "combatant" else victim
    return victim
