"""Subjects the actor table reads as something else, named by the sentence's own grammar
(helper control6):

- "Hayat Tahrir al-Sham-led rebels captured Aleppo": the leader named before "-led";
  "KIA troops entered the town": the actor before a bare force noun.
- "the AA took Maungdaw" where the article wrote "the Arakan Army (AA)" or only "the Arakan
  Army": an acronym defined in brackets after an actor's name, or its initials.
- "Israeli tanks rolled into Rafah", "Russian armour pushed into Vovchansk": a nationality
  and an armour noun are that state's forces.
- "The operation has so far captured Jarablus": the actor who launched the operation.
- "The Giants Brigades said ... and that their units had entered Harib": "their units" after
  a reporting verb are the speaker's, not the nearest actor of a relative clause before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorMention, country_forces, find_actors, resolve_actor
from ..sentence import SentenceMentions
from ..sides import NOT_ARMED

_LED = re.compile(r"-(?:led|dominated|spearheaded)\s+$")


_FORCE_NOUN = re.compile(r"(?:troops|forces|soldiers|fighters|units|militiamen|gunmen|army|military|navy)$", re.IGNORECASE)
# A state's name written right before a bare force noun: "Sri Lanka army", "Ukraine troops".
_STATE_BEFORE = re.compile(r"\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+$")


def leader_of(sent: SentenceMentions, agent: ActorMention | None) -> ActorMention | None:
    """The actor right before "-led" when ``agent`` is the led group, or right before a bare
    force noun ("KIA troops", "RSF fighters": the troops are the KIA's, not the theatre's
    army); else ``agent``."""
    if agent is not None and _FORCE_NOUN.fullmatch(agent.label.strip()):
        owners = [m for m in sent.actors_in(max(0, agent.start - 60), agent.start)
                  if max(0, agent.start - 60) + m.end >= agent.start - 1 and m.actor_id not in NOT_ARMED]
        if owners and owners[-1].actor_id != agent.actor_id:
            m = owners[-1]
            return ActorMention(m.label, m.actor_id, max(0, agent.start - 60) + m.start, max(0, agent.start - 60) + m.end)
        state = _STATE_BEFORE.search(sent.text, max(0, agent.start - 40), agent.start)
        if not owners and state is not None and state.group(1) in country_forces():  # "Sri Lanka army captures" (control10w)
            return ActorMention(state.group(1), country_forces()[state.group(1)], state.start(1), state.end(1))
    if agent is None or not _LED.search(sent.text, 0, agent.start):
        return agent
    dash = sent.text.rfind("-", 0, agent.start)
    for mention in sent.actors_in(max(0, dash - 60), dash + 1):
        if abs((max(0, dash - 60) + mention.end) - dash) <= 1 and mention.actor_id not in NOT_ARMED:
            return ActorMention(mention.label, mention.actor_id, max(0, dash - 60) + mention.start, dash)
    return agent


@lru_cache(maxsize=64)
def _acronyms(article: str) -> dict[str, str]:
    """Acronym -> actor id: "the Arakan Army (AA)", or the initials of an actor's name the
    article gives ("Arakan Army" for "AA")."""
    out: dict[str, str] = {}
    for mention in find_actors(article):  # "the Arakan Army" ... "the AA": the initials of a name it gives
        words = re.findall(r"[A-Z][\w'’]*", mention.label)
        if len(words) >= 2 and len(words) == len(mention.label.split()) and mention.actor_id not in NOT_ARMED:
            out.setdefault("".join(w[0] for w in words), mention.actor_id)
    for m in re.finditer(r"\(([A-Z]{2,6})\)", article):
        before = [a for a in find_actors(article[max(0, m.start() - 80):m.start()])
                  if article[max(0, m.start() - 80):m.start()].rstrip().endswith(a.label)]
        if before and before[-1].actor_id not in NOT_ARMED:
            out.setdefault(m.group(1), before[-1].actor_id)
    return out


_ACRONYM_BEFORE = re.compile(r"\b(?:the\s+)?([A-Z]{2,6})\s+(?:(?:fighters|forces|troops|units)\s+)?(?:had\s+|has\s+|have\s+)?"
                             r"(?:also\s+|later\s+|then\s+)?$")
_ARMOUR_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:tanks|armou?r|armou?red\s+(?:vehicles|columns|units)|armou?red\s+forces|"
                            r"columns)\s+(?:had\s+|have\s+|has\s+)?(?:also\s+)?$")


def unnamed_subject(text: str, article: str, start: int) -> ActorMention | None:
    """An acronym the article defined, or a nationality's armour, right before ``start``."""
    m = _ACRONYM_BEFORE.search(text, max(0, start - 60), start)
    if m is not None and m.group(1) in _acronyms(article):
        return ActorMention(m.group(1), _acronyms(article)[m.group(1)], m.start(1), m.end(1))
    m = _ARMOUR_BEFORE.search(text, max(0, start - 60), start)
    if m is not None:
        actor = resolve_actor(m.group(1) + " forces")
        if actor is not None and actor not in NOT_ARMED:
            return ActorMention(m.group(1), actor, m.start(1), m.end(1))
    return None


_REPORT_VERB = re.compile(r"\b(?:said|says|claimed|announced|reported|stated)\b")
_OWN_UNITS = re.compile(r",?\s+and\s+that\s+(?:its|their)\s+(?:[\w-]+\s+)?(?:fighters|troops|forces|units|men)\s+"
                        r"(?:had\s+|have\s+|has\s+)?(?:also\s+)?$", re.IGNORECASE)


def speaker_for_own_units(sent: SentenceMentions, agent: ActorMention | None, start: int) -> ActorMention | None:
    """"X said ..., which the Houthis seized, and that their units had entered Y": the
    speaker X (an actor before the reporting verb), or None; ``agent`` when the frame is absent."""
    if agent is None or not _OWN_UNITS.search(sent.text, 0, start):
        return agent
    verb = _REPORT_VERB.search(sent.text, 0, start)
    if verb is None or agent.start < verb.end():
        return agent
    speakers = [m for m in sent.actors_in(0, verb.start()) if m.actor_id not in NOT_ARMED]
    return speakers[-1] if speakers else None


_OPERATION_SUBJECT = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:operation|offensive|campaign|assault)"
                                r"\s+(?:has\s+|had\s+|have\s+)?(?:so\s+far\s+|now\s+|also\s+|since\s+)?$", re.IGNORECASE)
_LAUNCHED_BY = re.compile(r"\b(?:operation|offensive|campaign|assault)\s+(?:[\w-]+\s+){0,3}?(?:launched|led|started|begun|mounted|"
                          r"waged|spearheaded)\s+by\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}|[a-z]+\s+forces|the\s+army|army)",
                          re.IGNORECASE)
_LAUNCHER = re.compile(r"\b((?:the\s+)?(?:army|military|rebels|regime|[a-z]+\s+forces)|(?!The\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:began|launched|started|mounted|announced)\s+(?:an?|the|its|their)\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:operation|offensive|campaign)\b")


def operation_agent(text: str, earlier: list[str], start: int) -> ActorMention | None:
    """"The operation has so far captured Jarablus" after "Ankara began the cross-border
    operation", "... an offensive launched by the army": the actor who launched the
    operation named as the subject (this sentence, then the sentences before, nearest first)."""
    if not _OPERATION_SUBJECT.search(text, max(0, start - 80), start):
        return None
    for where in [text] + earlier:
        for pattern in (_LAUNCHED_BY, _LAUNCHER):
            for m in pattern.finditer(where):
                name = m.group(1)
                actor = resolve_actor(name) or country_forces().get(name) or resolve_actor(name.split()[-1])
                if actor is not None and actor not in NOT_ARMED:
                    return ActorMention(name, actor, start, start)
    return None
