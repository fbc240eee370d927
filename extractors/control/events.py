"""From a trigger to claims: read its arguments, date it, and turn the agent and the
counterpart into new and previous controllers."""
from __future__ import annotations

import re

from ..actors import ActorMention, is_framing, resolve_actor
from ..claims import ControlChange, DateSpan
from ..context import SentenceContext
from .agents import (
    _LANDMARK, _abandoned_after, _actor_after_by, _agent_before, _armed,
    _from_actor, _held_by, _opponent, _opposed_in_sentence, _refine, occupier_in_sentence,
)
from .anaphora import compass_part, _anaphoric_subject, _previous_sentence_agent, _pronoun_subject, capital_of_region, speaker_of_own_sentence
from .arguments import (
    _HYPOTHETICAL_AFTER, _is_place_like, is_counted_group, enemy_in_object, _names_in, _object_places, _passive_list_after, listed as _list_of,
    _passive_subject,
)
from .triggers import Trigger
from .sieges import cleared_region_end, read_left_encircled, read_under_since, road_object_end
from .groups import counted_subject
from .installations import owner_inside
from .nominals import agent_preposition_after, judged_nominal
from .speakers import speaker
from .subjects_named import leader_of, operation_agent, speaker_for_own_units, unnamed_subject
from .countries import country_forces, liberation_kind, state_of_country
from ..theatre import current_country, place_country
from .voices import (
    _clause_subject, _controller_before_control, absolute_clause_subject, gerund_clause_subject, _read_control_passive, _read_nominal_list, _read_under_control_active, _Reading, _where_relative,
)
from ..sides import NOT_ARMED, opposed, side_of
from .change_dates import _or_news_date, _when, since_date  # noqa: F401  (re-exported for control/__init__)

# ---------------------------------------------------------------- claims

def _read(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    text, sent = ctx.text, ctx.mentions
    if trigger.form == "passive":  # "Several villages held by IS have been captured by": a counted group
        places = _passive_subject(text, trigger) or _anaphoric_subject(ctx, trigger) or counted_subject(text, trigger.start)
        return _Reading(tuple(places), trigger.change, _actor_after_by(sent, trigger.end - 2), None)
    if trigger.form == "reduced_passive":  # "the Ramouseh area recently seized by rebels"
        places = [p for p in _passive_subject(text, trigger) if _is_place_like(text, p)]
        return _Reading(tuple(places), trigger.change, _actor_after_by(sent, trigger.end - 2), None)
    if trigger.form == "expel":  # "Hezbollah pushed the Nusra Front from the town of X"
        return _read_expel(ctx, trigger)
    if trigger.form == "expel_passive":  # "IS was expelled by the army from Zuhur"
        return _read_expel_passive(ctx, trigger)
    if trigger.form == "from_passive":  # "Jarablus, liberated from IS"
        places = _passive_subject(text, trigger)
        counterpart = _actor_after_by(sent, trigger.end)
        agent = _opposed_in_sentence(ctx, counterpart) if counterpart is not None else None
        back = trigger.change == "capture" and re.search(r"\sback\s", text[trigger.start:trigger.end])
        return _Reading(tuple(places), "recapture" if back else trigger.change, agent, counterpart)
    if trigger.form == "fell_to":
        return _Reading(tuple(_passive_subject(text, trigger) or _anaphoric_subject(ctx, trigger)), trigger.change, _actor_after_by(sent, trigger.end), None)
    if trigger.form == "cleared_of":  # "the army cleared the Qaboun district of terrorists"
        places, _ = _object_places(text[:cleared_region_end(text, trigger)], trigger.end, ctx)
        agent = _agent_before(sent, trigger.start, text[trigger.start:trigger.end])
        return _Reading(tuple(places), trigger.change, agent, None) if places else None
    if trigger.form == "left_encircled":  # "The advance leaves the east of the city cut off"
        return read_left_encircled(ctx, trigger)
    if trigger.form == "under_since":  # "Palmyra has been under Daesh control since May"
        return read_under_since(ctx, trigger)
    if trigger.form == "under_control":  # "Bakhmut came under Russian control"
        hands = _controller_before_control(text, trigger.end) is None  # "fell into rebel hands": weapons do too
        actor = _controller_before_control(text, trigger.end, "hands" if hands else "control")
        if actor is None:
            return None
        places = _passive_subject(text, trigger) or _anaphoric_subject(ctx, trigger)
        places = [p for p in places if not hands or p.place.place_id or _is_place_like(text, p)]
        return _Reading(tuple(places), trigger.change, actor, None)
    if trigger.form in ("control_passive", "under_control_passive"):
        return _read_control_passive(ctx, trigger)
    if trigger.form == "under_control_active":  # "brought X back under its control"
        return _read_under_control_active(ctx, trigger)
    if trigger.form == "nominal_list":  # "The gains ... including the towns of A and B"
        return _read_nominal_list(ctx, trigger)
    if trigger.form == "listed_adjective":  # "the liberated neighborhoods are A, B and C"
        names = _names_in(text[trigger.end:trigger.end + 300], trigger.end)
        if not names or names[0].start != trigger.end:
            return None
        agent = _agent_before(sent, trigger.start, text[trigger.start:trigger.end]) or _previous_sentence_agent(ctx)
        return _Reading(tuple(_list_of(text, names)), trigger.change, agent, None)
    if trigger.form == "listed_by":  # "seized by the factions were A, B"
        by = text[trigger.start:trigger.end].lower().rfind("by")
        listed = _passive_list_after(text, trigger.end)
        agent = _actor_after_by(sent, trigger.start + by + 2)
        return _Reading(tuple(listed or ()), trigger.change, agent, None)
    road = road_object_end(text, trigger)  # "seized the last supply route into X": X is encircled
    places, _ = _object_places(text, road or trigger.end, ctx)
    if not places and (trigger.change == "encirclement" or road):  # "encircled the east": that half of the city
        places = compass_part(ctx, road or trigger.end)
    if trigger.form == "nominal":  # "after the capture of five villages": whose capture is not said
        places = [p for p in places if not is_counted_group(p)]
    if not places and trigger.form == "active":
        places = capital_of_region(ctx, road or trigger.end)  # "abandoned the capital of South Kivu province"
        if not places:
            return _bare_passive(ctx, trigger) or _relative_object(ctx, trigger) or _not_the_landmark(ctx, _where_relative(ctx, trigger))
    if not places:
        return None
    by_actor = None
    if trigger.form == "nominal" and _HYPOTHETICAL_AFTER.match(text, places[-1].end):
        return None  # "the fall of Al-Bab would threaten ...": not an event
    after = agent_preposition_after(text, places[-1].end) if trigger.form == "nominal" else None  # past ", in Hama province," (control10f)
    if after and after[0] == "by":
        by_actor = _actor_after_by(sent, after[1] - 2)
    elif after and "fall" in text[trigger.start:trigger.end].lower():
        to = re.match(r"\s*(?:the\s+)?", text[after[1]:])
        by_actor = _actor_after_by(sent, after[1] + to.end())  # "the fall of Al-Bab to rebels"
    possessive = _possessive_agent(text, trigger) if trigger.form == "nominal" else None
    if trigger.form == "nominal" and by_actor is None and possessive is None and judged_nominal(text, trigger.start):
        return None  # "Congo's army called the capture of Bunagana an invasion" (control9)
    agent = (by_actor or possessive or absolute_clause_subject(ctx, trigger)
             or _pronoun_subject(ctx, trigger) or _agent_before(sent, trigger.start, text[trigger.start:trigger.end])
             or gerund_clause_subject(ctx, trigger, tuple(places)))  # "After taking X, rebels" (control10f)
    agent = country_forces(ctx, trigger.start, agent)  # "Ukraine said its troops", "Russia claimed the capture"
    agent = speaker_for_own_units(sent, leader_of(sent, agent), trigger.start)  # "HTS-led rebels" (control6)
    if agent is None:  # "the AA took", "Israeli tanks rolled into", "the operation has captured" (control6)
        agent = unnamed_subject(text, ctx.article.text, trigger.start) or operation_agent(
            text, [s.text for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None], trigger.start)
    if (agent is None and re.search(r"\b(?:they|it|its|their)\b", text[:trigger.start], re.IGNORECASE)
            and not speaker_of_own_sentence(ctx, trigger.start)):
        agent = _previous_sentence_agent(ctx)
    if (agent is not None and places[0].start == places[0].end and agent.end <= trigger.start
            and (_CLAUSE_BREAK.search(text, agent.end, trigger.start) or _unknown_relative_subject(text, agent, trigger))):
        return None  # "retook it", "the alliance that seized it" whose subject no table knows (control9)
    counterpart = (_from_actor(sent, places[-1].end) or enemy_in_object(ctx, trigger.end, places[0].start)
                   or (_held_by(text, trigger.end, places[0].start) if trigger.change != "lost" else None))
    if trigger.change == "lost":  # "lost the rebel-held town of X to the army": the taker follows "to" (control10f)
        to = agent_preposition_after(text, places[-1].end)
        counterpart = (_actor_after_by(sent, to[1]) if to and to[0] == "to" else None) or counterpart
    owner = owner_inside(_armed(sent.actors), places)  # "took the army's 46th Regiment base": the army held it
    if owner is not None and trigger.change == "surrender":  # "the surrender of the military's headquarters" (control9)
        other = agent if agent is not None and opposed(_refine(agent, ctx), owner.actor_id) else None
        return _Reading(tuple(places), trigger.change, owner, other)
    if owner is not None and agent is not None and (agent.start >= places[0].start or agent.actor_id == owner.actor_id):
        counterpart = counterpart or owner
        agent = _opposed_in_sentence(ctx, owner) or _previous_sentence_agent(ctx)
        agent = agent if agent is not None and opposed(agent.actor_id, owner.actor_id) else None
    return _Reading(tuple(places), "encirclement" if road else trigger.change, agent, counterpart)


_CLAUSE_BREAK = re.compile(r"\b(?:before|after|until|when|while|but|as)\b|[;:]")


_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who)\s+(?:(?:had|has|have|\w+ly)\s+)?$", re.IGNORECASE)


def _unknown_relative_subject(text: str, agent: ActorMention, trigger: Trigger) -> bool:
    """"the pro-Islamic State alliance that seized it": the relative clause's subject is the noun
    right before "that"; an actor further back is not it."""
    m = _RELATIVE_PRONOUN.search(text, 0, trigger.start)
    return m is not None and m.end() == trigger.start and m.start() - agent.end > 3


def _possessive_agent(text: str, trigger: Trigger) -> ActorMention | None:
    """"the regime's capture of", "the regimes capture of" (apostrophes lost), "the RSF's
    seizure of": the word between the determiner and the noun, when it names an armed actor."""
    m = re.match(r"\w+\s+[\"“]?([\w-]+?)(?:['’]s|s['’]?)?\s+[\"“]?\w+[\"”]?\s+(?:of|from)\b", text[trigger.start:trigger.end])
    if m is None:
        return None
    actor = resolve_actor(m.group(1)) or resolve_actor(m.group(1) + "s")
    if actor is None or actor in NOT_ARMED:
        return None
    return ActorMention(m.group(1), actor, trigger.start + m.start(1), trigger.start + m.end(1))


# Place ids of the worldwide gazetteer outside Syria ("gn_ua_kherson_kherson").
_ABROAD = re.compile(r"gn_(?:mm|ye|il|ua|ps|bf|ne|ml|iq|sd|lb|ss|ly|tr|jo|eg|ir|ru|af|so|cd|ng|et|td|cf|dz|ma|tn|sa)_")


_OBJECT_PRONOUN = re.compile(r"^\S+\s+(?:them|it)\s+(?:out\s+of|out\s+from|from)\s", re.IGNORECASE)
_DISTANCE = re.compile(r"\b(?:\d+|a\s+few|several|two|three|five|ten)\s*(?:km|kilomet|kilomet|miles?|met)", re.IGNORECASE)
_POSSESSIVE_PLACE = re.compile(r"^\s*(?:their|its)\s+(?=[A-Z])")


def _read_expel(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"Hezbollah pushed the Nusra Front from the town of X", "drove rebels from the city"
    (the town named before), "... forces, driving them out of Raqqa province" (the actor
    named before), "expelled rebels from their Idlib positions" (positions in Idlib)."""
    text, sent = ctx.text, ctx.mentions
    agent = _agent_before(sent, trigger.start, text[trigger.start:trigger.end])
    if agent is None or _DISTANCE.search(text, trigger.start, trigger.end):
        return None  # "pushing them 20 kilometers from the city": pushed back, not out
    expelled = [ActorMention(m.label, m.actor_id, trigger.start + m.start, trigger.start + m.end)
                for m in _armed(sent.actors_in(trigger.start, trigger.end))]
    if not expelled and _OBJECT_PRONOUN.match(text[trigger.start:trigger.end]):
        before = [m for m in _armed(sent.actors_in(agent.end, trigger.start)) if opposed(agent.actor_id, m.actor_id)]
        expelled = [ActorMention(m.label, m.actor_id, agent.end + m.start, agent.end + m.end) for m in before[-1:]]
        if not expelled:  # "Fano fighters took A ..., before federal troops pushed them out of the towns" (control8)
            earlier = [m for m in _armed(sent.actors_in(0, agent.start)) if opposed(agent.actor_id, m.actor_id)]
            previous = ctx.previous(1)
            if not earlier and previous is not None and previous.paragraph == ctx.sentence.paragraph:
                earlier = [m for m in _armed(ctx.article.mentions_of(previous).actors)
                           if opposed(agent.actor_id, m.actor_id)][-1:]
            expelled = [ActorMention(m.label, m.actor_id, 0, 0) for m in earlier[-1:]]
    if not expelled or agent.actor_id == expelled[0].actor_id:
        return None  # "shelling forced the FSA from the town": no opponent takes it
    start = trigger.end
    the = re.search(r"\bthe\s+$", text[trigger.start:trigger.end], re.IGNORECASE)
    if the:  # the pattern reads "from the": let the object keep its "the city"
        start = trigger.start + the.start()
    possessive = _POSSESSIVE_PLACE.match(text[start:])
    places, _ = _object_places(text, start + (possessive.end() if possessive else 0), ctx)
    if not places:
        return None
    return _Reading(tuple(places), "capture", agent, expelled[0])


def _read_expel_passive(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"IS was expelled by the army from Zuhur", "Russian troops were driven out of Kherson
    by Ukrainian forces": the subject is the previous controller, the actor after "by"
    (else the opponent named in the sentence or the article) the new one."""
    text, sent = ctx.text, ctx.mentions
    subject = [m for m in _armed(sent.actors_in(max(0, trigger.start - 60), trigger.start))
               if re.fullmatch(r"\W*\s*", text[max(0, trigger.start - 60) + m.end:trigger.start])]
    if subject:
        first = subject[-1]
        expelled = ActorMention(first.label, first.actor_id, max(0, trigger.start - 60) + first.start,
                                max(0, trigger.start - 60) + first.end)
    elif re.search(r"\band\s+$", text[:trigger.start]):  # "the extremists lost ... and were ousted"
        expelled = _agent_before(sent, trigger.start, text[trigger.start:trigger.end])
        if expelled is None or re.search(r"[.;:]|\b(?:after|while|when|because|who|which|said)\b",
                                         text[expelled.end:trigger.start]):
            return None
    else:
        return None
    places, _ = _object_places(text, trigger.end, ctx)
    if not places:
        return None
    by = re.search(r"\bby\s", text[trigger.start:trigger.end])
    agent = (_actor_after_by(sent, trigger.start + by.start()) if by else None) or (
        _actor_after_by(sent, places[-1].end) if re.match(r"\s*by\s", text[places[-1].end:]) else None)
    if agent is None:
        agent = _opposed_in_sentence(ctx, expelled)
    if agent is None:  # "were ousted from Raqqa": who took it is not said, no guess; but "regime troops
        # were pushed out of Idlib" is a withdrawal to the other side of Syria's two-sided war (control5)
        syrian_pair = _refine(expelled, ctx) in ("syrian_government", "opposition") and not _ABROAD.match(places[0].place.place_id or "")
        return _Reading(tuple(places), "withdrawal", expelled, None) if syrian_pair else None
    return _Reading(tuple(places), "capture", agent, expelled)


_BARE_PASSIVE_AUX = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_AS_CLAUSE = re.compile(r"^\s*(?:as|when|while|after)\s+(?:the\s+)?", re.IGNORECASE)


def _bare_passive(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"the headquarters inside Manbij was captured as SDF forces pushed into the town": a
    passive without "by" whose agent is the armed subject of the clause right after."""
    text = ctx.text
    clause = _AS_CLAUSE.match(text[trigger.end:])
    aux = _BARE_PASSIVE_AUX.search(text[:trigger.start])
    if not clause or not aux:
        return None
    start = trigger.end + clause.end()
    subject = _armed(ctx.mentions.actors_in(start, start + 60))
    if not subject or subject[0].start != 0:
        return None
    first = subject[0]
    places = [p for p in _passive_subject(text, Trigger("passive", trigger.change, aux.start(), trigger.end))
              if _is_place_like(text, p)]
    agent = ActorMention(first.label, first.actor_id, start + first.start, start + first.end)
    return _Reading(tuple(places), trigger.change, agent, None) if places else None


_RELATIVE = re.compile(
    r",?\s+(?:which|that|whom)\s+(?P<subject>(?:the\s+)?(?:[\w'’-]+\s+){1,5}?)(?:(?:had|have|has|then|later|finally|eventually|\w+ly)\s+)?$")


# "Maungdaw on the Bangladesh border, which ...": where the place lies, not the place (control10w)
_LOCATOR_TAIL = re.compile(r"\s+(?:on|near|along)\s+the\s+(?:[\w'’-]+\s+){1,3}?(?:border|frontier|coast|shores?|river|bank)$")


def _relative_object(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"Jarablus, which Turkish-led forces captured on the first day": the place is the
    object of a relative clause, its subject the agent."""
    text = ctx.text
    m = _RELATIVE.search(text[: trigger.start])
    if not m:
        return None
    agent = _clause_subject(ctx, m)
    if agent is None and m.group("subject").strip().lower() in ("it", "they"):  # "..., which it took earlier this month"
        armed = _armed(ctx.mentions.actors_in(0, m.start()))
        agent = armed[0] if armed else None
    if agent is None:
        return None
    before = text[: m.start()].rstrip()
    before = before[:_LOCATOR_TAIL.search(before).start()] if _LOCATOR_TAIL.search(before) else before
    names = _names_in(before, 0)
    if not names or names[-1].end < len(before) - 1:
        return None
    place = names[-1]
    landmark = _LANDMARK.search(before[: place.start])
    if landmark and len(names) > 1 and names[-2].end >= landmark.start() - 1:
        place = names[-2]  # "Rityan north of Aleppo, which ...": the clause is about Rityan
    return _Reading((place,), trigger.change, agent, None)



def _not_the_landmark(ctx: SentenceContext, reading: _Reading | None) -> _Reading | None:
    """"in al-Jawf and Nihm, east of Sanaa, where the Houthis took large areas": the clause hangs
    on Nihm; Sanaa only says where Nihm lies (helper control10w)."""
    if reading is None or len(reading.places) != 1:
        return reading
    place = reading.places[0]
    before = ctx.text[:place.start]
    landmark = _LANDMARK.search(before)
    head = before[:landmark.start()] if landmark is not None else ""
    if not head.rstrip().endswith(","):
        return reading
    head = head.rstrip(" ,")
    names = _names_in(head, 0)
    if not names or names[-1].end < len(head) - 1:
        return None
    return _Reading((names[-1],), reading.change, reading.agent, reading.counterpart)


def _claims_for(ctx: SentenceContext, trigger: Trigger, reading: _Reading, when: DateSpan) -> list[ControlChange]:
    if reading.agent is None or reading.agent.actor_id in NOT_ARMED or _another_group(ctx.text, reading.agent):
        return []
    agent_id = _refine(reading.agent, ctx)
    change = reading.change
    left_by = _abandoned_after(ctx.mentions, reading.places[-1].end) if change in ("entry", "capture") else None
    if change in ("withdrawal", "lost", "surrender"):
        previous, previous_label = agent_id, reading.agent.label
        if reading.counterpart is not None:
            new, new_label = _refine(reading.counterpart, ctx), reading.counterpart.label
        else:
            new, new_label = _opponent(ctx, agent_id, reading.agent)
        occupier = occupier_in_sentence(ctx.text, agent_id) if reading.counterpart is None else None
        if occupier is not None:  # "on the Russian-occupied bank": the occupier holds it now
            new, new_label = occupier.actor_id, occupier.label
        if new is None:  # Syria's rebels take what the government leaves, not abroad
            syrian = not _ABROAD.match(reading.places[0].place.place_id or "")
            camp = side_of(agent_id, "syria")
            if syrian and camp == side_of("syrian_government", "syria") and opposed(agent_id, "opposition"):
                new = "opposition"
            elif syrian and camp is not None and camp == side_of("opposition", "syria") and agent_id != "hts":
                new = "syrian_government"  # rebels who leave a town leave it to the government
            else:
                new = "unknown"
            new_label = None
        change = "capture" if change == "lost" else change
    else:
        new, new_label = agent_id, reading.agent.label
        if left_by is not None:
            previous, previous_label = _refine(left_by, ctx), left_by.label
            change = "withdrawal"
        elif reading.counterpart is not None:  # "rebel-held X": the rebels, not the group the article names most (control5)
            held = ctx.text[reading.counterpart.end:reading.counterpart.end + 12].startswith(("-held", "-controlled"))
            previous = reading.counterpart.actor_id if held else _refine(reading.counterpart, ctx)
            previous_label = reading.counterpart.label
        else:
            previous, previous_label = _opponent(ctx, agent_id, reading.agent)
    if new in NOT_ARMED and new != "unknown":
        return []
    if "syrian_government" in (new, previous) and not any(
            label and _NAMED_SYRIAN.search(label) for label in (new_label, previous_label)):
        article, place = current_country(), reading.places[0].place
        where = (place_country(place) if place.precision == "place" else None) or article
        if article != "SY" and where not in (None, "SY", "none"):
            new, previous = _state_abroad(new, previous, where)
    if previous == new and reading.counterpart is not None and change not in ("withdrawal", "surrender"):
        previous = reading.counterpart.actor_id  # "Nusra expelled rebels": not Nusra from Nusra
    words = ctx.text[trigger.start:trigger.end]  # "liberated": a capture, a recapture by the state on its soil
    return [_claim(ctx, span, new, new_label, previous, previous_label,
                   (liberation_kind(words, new, span.place.place_id) or change) if change in ("capture", "recapture") else change,
                   when) for span in reading.places]


_NAMED_SYRIAN = re.compile(r"[Ss]yria|Assad|Damascus|\b[A-Z]{2,}\b")  # "Syrian troops": named, not a default


def _state_abroad(new: str | None, previous: str | None, code: str) -> tuple[str | None, str | None]:
    """Syria's army read as a side of a change in another country (a default for "rebels"'
    opponent): that country's state, or unknown (helper control10w: "Chechen rebels said they
    had withdrawn from Grozny" is Russia's gain, not Syria's)."""
    home = state_of_country(code)
    fix = home if home is not None and home not in (new, previous) else "unknown"
    return (fix if new == "syrian_government" else new), (fix if previous == "syrian_government" else previous)


# "fell to another rebel group", "a rival militia seized": a group the article does not name,
# not the one it is about; no guess (helper control8b).
_ANOTHER = re.compile(r"\b(?:another|a\s+rival|a\s+different|an\s+unidentified|an\s+unknown)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _another_group(text: str, agent: ActorMention) -> bool:
    return is_framing(agent.label) and _ANOTHER.search(text, max(0, agent.start - 60), agent.start) is not None


def _claim(ctx, span, new, new_label, previous, previous_label, change, when) -> ControlChange:
    claimant, claimant_text = speaker(ctx) or (ctx.claimant, ctx.claimant_text)  # "The Arakan Army said" (control6)
    return ControlChange(
        article_id=ctx.article.article_id, evidence=ctx.evidence, claimant=claimant,
        claimant_text=claimant_text, when=when, place=span.place,
        new_controller=new, new_controller_label=new_label, previous_controller=previous,
        previous_controller_label=previous_label, change_type=change,
    )
