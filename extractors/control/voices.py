"""Control told in other voices than "AGENT <verb> PLACE" (helper control4): the control
noun as a passive subject ("control was established over X", "X was taken under
control"), a "where" clause ("X, where rebels seized ground"), a list of gains ("the gains
include the towns of A and B"), and the reading these and ``events`` share."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors import ActorMention, resolve_actor
from ..context import SentenceContext
from ..sides import NOT_ARMED
from .agents import _AIR_ONLY, _actor_after_by, _agent_before, _armed, _from_actor
from .anaphora import _anaphoric_subject, _recent_city
from .arguments import PlaceSpan, _names_in, _object_places, _passive_subject, listed
from .triggers import Trigger


@dataclass(frozen=True)
class _Reading:
    """One trigger read: places, change type and the actors around it."""

    places: tuple[PlaceSpan, ...]
    change: str
    agent: ActorMention | None
    counterpart: ActorMention | None  # "from X" / "by X" of a withdrawal


def _controller_before_control(text: str, start: int, noun: str = "control") -> ActorMention | None:
    """"RSF control", "government control", "Russian control" (or "government siege"): the
    actor named by the words before the noun (a nationality or "government" as its forces)."""
    m = re.match(rf"((?:[\w'’-]+\s+){{0,2}}[\w'’-]+)\s+{noun}\b", text[start:])
    if m is None:
        return None
    words = m.group(1)
    actor = resolve_actor(words) or resolve_actor(words + " forces")
    if actor is None or actor in NOT_ARMED:
        return None
    return ActorMention(words, actor, start, start + len(words))


def _read_control_passive(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"control was established over X" (the place follows) and "X was taken under
    [government] control" (the place precedes): the agent is the actor before "control",
    else after "by", else the subject of the sentence, else the armed actor heading the
    sentence before ("A military source announced that control was established over X")."""
    text, sent = ctx.text, ctx.mentions
    if trigger.form == "control_passive":
        places, _ = _object_places(text, trigger.end, ctx)
        after = places[-1].end if places else trigger.end
        agent = None
    else:
        places = _passive_subject(text, trigger) or _anaphoric_subject(ctx, trigger)
        after = trigger.end
        agent = _controller_before_control(text, trigger.end)
        control = re.match(r"(?:[\w'’-]+\s+){0,3}?control\b", text[trigger.end:])
        after = trigger.end + (control.end() if control else 0)
    if not places:
        return None
    by = re.match(r"\s*,?\s*(?:[\w'’-]+\s+){0,2}?by\s", text[after:])
    agent = (agent or (_actor_after_by(sent, after + by.start()) if by else None)
             or _agent_before(sent, trigger.start, text[trigger.start:trigger.end]))
    if agent is None and not _armed(sent.actors_in(0, trigger.start)):
        agent = _previous_armed_subject(ctx)
    counterpart = _from_actor(sent, places[-1].end)
    back = trigger.change == "capture" and re.search(r"\sback\s", text[trigger.start:trigger.end])
    return _Reading(tuple(places), "recapture" if back else trigger.change, agent, counterpart)


def _previous_armed_subject(ctx: SentenceContext) -> ActorMention | None:
    """The first armed actor of the sentence before (not air power), standing for the
    agent of an agentless passive; its offsets are not in this sentence (never compared)."""
    prev = ctx.previous(1)
    if prev is None:
        return None
    armed = [m for m in _armed(ctx.article.mentions_of(prev).actors) if not _AIR_ONLY.search(m.label)]
    return armed[0] if armed else None


def _clause_subject(ctx: SentenceContext, m: re.Match[str]) -> ActorMention | None:
    """The armed actor ending the group ``subject`` of a relative clause (sentence offsets)."""
    subject = _armed(ctx.mentions.actors_in(m.start("subject"), m.end("subject")))
    if not subject or subject[-1].end < len(m.group("subject").rstrip()) - 1:
        return None
    last = subject[-1]
    return ActorMention(last.label, last.actor_id, m.start("subject") + last.start, m.start("subject") + last.end)


_WHERE = re.compile(
    r"(?:\s+(?:district|neighbou?rhood|town|village|city|area|suburb))?\s*,?\s+where\s+"
    r"(?P<subject>(?:the\s+)?(?:[\w'’-]+\s+){1,5}?)(?:(?:had|have|has|then|later|also|\w+ly)\s+)*$")


def _where_relative(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"Dahiyet al-Assad, where rebels seized ground on Friday": a trigger with no object
    inside a "where" clause takes the place the clause hangs on; its subject is the agent."""
    text = ctx.text
    before = text[:trigger.start]
    m = _WHERE.search(before)
    if not m:
        return None
    agent = _clause_subject(ctx, m)
    if agent is None:
        return None
    names = _names_in(before[:m.start()], 0)
    if not names or names[-1].end < m.start() - 1:
        return None
    return _Reading((names[-1],), trigger.change, agent, None)


def _read_nominal_list(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"The gains are mostly north of Hama, including the towns of Suran and Halfaya": the
    places listed after the gains; the agent is an actor inside the phrase ("the Houthi
    advances"), else the subject before it, else the armed actor heading the sentence before."""
    text, sent = ctx.text, ctx.mentions
    names = _names_in(text[trigger.end:trigger.end + 300], trigger.end)
    if not names or names[0].start != trigger.end:
        return None
    inside = _armed(sent.actors_in(trigger.start, trigger.end))
    agent = (ActorMention(inside[0].label, inside[0].actor_id, trigger.start + inside[0].start, trigger.start + inside[0].end)
             if inside else _agent_before(sent, trigger.start, "gains") or _previous_armed_subject(ctx))
    return _Reading(tuple(listed(text, names)), trigger.change, agent, None)


_UNDER_CONTROL_AFTER = re.compile(r"\s+(?P<back>back\s+)?under\s+(?P<owner>(?:[\w'’-]+\s+){0,3}?)control\b")


def _read_under_control_active(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"the army brought Kafr Nabuda back under its control", "brought it back under regime
    control" (``it``: the town named last): the object is the place, the actor before
    "control" (else the subject) the new controller; with "back" a recapture."""
    text, sent = ctx.text, ctx.mentions
    under = _UNDER_CONTROL_AFTER.search(text, trigger.end, trigger.end + 120)
    if under is None:
        return None
    if re.fullmatch(r"\s*(?:it|them)\s*", text[trigger.end:under.start()]):
        city = _recent_city(ctx, trigger.start)
        places = [PlaceSpan(city.name, trigger.end, under.start(), city)] if city is not None else []
    else:
        places, _ = _object_places(text[:under.start()], trigger.end, ctx)
    if not places:
        return None
    agent = (_controller_before_control(text, under.start("owner")) if under.group("owner") else None) or _agent_before(
        sent, trigger.start, text[trigger.start:trigger.end])
    return _Reading(tuple(places), "recapture" if under.group("back") else trigger.change, agent, None)


# A clause opened by a gerund trigger ("After capturing X, ...", "Having retaken X, ...",
# "Since seizing X on Monday, ..."): its subject is the main clause's, after the comma.
_GERUND_OPENS = re.compile(r"(?:^|[;:]\s*|\.\s+)[\"“]?(?:(?:after|since|following|upon|on|before|while|by)\s+|having\s+)$",
                           re.IGNORECASE)
_WITH_HAVING = re.compile(r"\bwith(?P<with>\s)[^,;:()]{1,100}?\s+having\s+$", re.IGNORECASE)  # an absolute clause
_MAIN_SUBJECT = re.compile(r"[^,;:.]{0,120}?(?:,\s*(?:in|near|the|a|an|capital)\s[^,;:.]{1,50})?,\s*(?:[a-z]+ly\s+|then\s+|later\s+)?(?:the\s+)?")


def gerund_clause_subject(ctx: SentenceContext, trigger: Trigger, places: tuple[PlaceSpan, ...]) -> ActorMention | None:
    """"After capturing the town of X, regime forces moved north": a trigger opening its
    clause as a gerund ("capturing", or "having" + participle) takes the armed actor that
    starts the main clause after the comma (helper control10f)."""
    text = ctx.text
    if not places or not _GERUND_OPENS.search(text, 0, trigger.start):
        return None
    word = text[trigger.start:trigger.end].split()[0].lower()
    if not (word.endswith("ing") or re.search(r"having\s+$", text[:trigger.start], re.IGNORECASE)):
        return None
    m = _MAIN_SUBJECT.match(text, places[-1].end)
    if m is None:
        return None
    armed = _armed(ctx.mentions.actors_in(m.end(), m.end() + 80))
    if not armed or armed[0].start != 0:
        return None  # the main clause does not open with an armed actor
    first = armed[0]
    return ActorMention(first.label, first.actor_id, m.end() + first.start, m.end() + first.end)


def absolute_clause_subject(ctx: SentenceContext, trigger: Trigger) -> ActorMention | None:
    """"..., with Iraqi forces aided by coalition airstrikes having retaken X": the subject
    of a "with ... having <participle>" clause is the actor right after "with", not the
    main clause's subject before it (helper control10f)."""
    text = ctx.text
    if "having" not in text:
        return None
    absolute = _WITH_HAVING.search(text, max(0, trigger.start - 120), trigger.start)
    if absolute is None:
        return None
    after_with = _armed(ctx.mentions.actors_in(absolute.end("with"), trigger.start))
    if not after_with or after_with[0].start > 4:
        return None
    first = after_with[0]
    return ActorMention(first.label, first.actor_id, absolute.end("with") + first.start, absolute.end("with") + first.end)
