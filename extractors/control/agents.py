"""The actors of a control trigger: its agent (subject, "by X"), the previous controller
("from X", "rebel-held"), generic framings refined into the group the article names, and
the opponent of an actor in the sentence or the article."""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import SPECIFIC_GROUPS, ActorMention, country_forces, find_actors, framing_may_be, is_framing, resolve_actor, specific_actor, state_forces
from ..context import SentenceContext
from ..opponents import SPEAKER_NOUN, article_opponent
from ..places import lookup
from ..sentence import SentenceMentions
from ..sides import NOT_ARMED, _camp_leads, _sides, actor_ids, lead_opponent, opposed as _opposed, theatres
from ..theatre import country_theatres, current_country
from ..sides import armed as _armed

_BY_TIME = (r"(?!\s+(?:noon|dawn|dusk|midnight|nightfall|morning|evening|night|then|now|late|early|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+end|the\s+time)\b)")
# "On Saturday the SDF ...", "In March Kurdish forces ...": a time phrase governs no actor.
_ON_TIME = (r"(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
            r"june|july|august|september|october|november|december|\d{1,4})\b)")
_GOVERNED = re.compile(
    r"(?<![-\w])(?:by" + _BY_TIME + r"|with|against|from|of|on" + _ON_TIME + r"|to|in" + _ON_TIME + r"|backed|supported|allied|alongside|among|between)\s+"
    r"(?:(?!(?:that|who|which|said|says|reported|announced|claimed|and|after|before|when|while|as|since|"
    r"because|but|then|where|once|until)\b)[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_BACKED_PAIR = re.compile(r"\b(?:backed|supported|aided)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}and\s+$", re.IGNORECASE)
_BACKED = re.compile(
    r"(?<![-\w])(?:backed|supported|allied|alongside|by" + _BY_TIME + r"|against|with)\s+"
    r"(?:(?!(?:that|who|which|said|says|reported|announced|claimed)\b)[\w'’-]+\s+){0,5}$", re.IGNORECASE)


# Dash or bracket asides ("fighters - backed by Russian jets - retook ..."): their actors
# are never the subject.
_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{1,100}?\s[-–—]\s|\([^()]{0,100}\)|,\s*(?:backed|supported)\s+by[^,]{1,80},"
                    r"|,\s*where\s[^,]{1,100},(?=\s*and\s)")  # "retook the station, where gunmen had hidden, and recovered" (control11)
# Air power takes no ground: such actors are never the ones who capture or enter.
_AIR_ONLY = re.compile(r"\b(?:air|airstrikes?|jets?|warplanes?|aircraft|planes?|strikes?|drones?)\b", re.IGNORECASE)


def _governed(sent: SentenceMentions, mention: ActorMention) -> bool:
    """Is ``mention`` the object of a preposition ("backed by X", "against X")? Not when a
    gazetteer name (metonym or not) closes the prepositional phrase first ("west of the capital Damascus
    government forces seized": the forces are the subject)."""
    m = _GOVERNED.search(sent.text[: mention.start])
    if m is None:
        return False
    between = sent.text[m.start(): mention.start]
    return not any(lookup(word.group()) is not None for word in _CAPITALISED.finditer(between))


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z][\w'’-]+")


def _agent_before(sent: SentenceMentions, start: int, trigger_word: str) -> ActorMention | None:
    """The subject of a trigger at ``start``: the nearest actor before it that is not the
    object of a preposition ("backed by Turkey") or of an earlier verb ("push back
    government forces and seize"); for a participle ("..., taking control of") the first.
    None when every actor before it is governed by "backed by", "against", "with"..."""
    text = sent.text
    asides = [m.span() for m in _ASIDE.finditer(text[:start])]
    mentions = [
        m for m in sent.actors_in(0, start)
        if not _AIR_ONLY.search(m.label) and not any(a <= m.start and m.end <= b for a, b in asides)
    ]
    if not mentions:
        return None
    free = [
        m for m in mentions
        if not (_governed(sent, m) or _BACKED_PAIR.search(text[: m.start])) or re.match(r"\s*,?\s*(?:who|which|that)\b", text[m.end:])
    ]
    if not free:
        if any(_BACKED.search(text[: m.start]) for m in mentions):
            return None
        free = mentions
    if trigger_word.split()[0].lower().endswith("ing") and re.search(r",|\band\b", text[free[0].end:start]):
        return free[0]
    chosen = free[-1]
    if len(free) > 1 and re.fullmatch(r"\s*(?:[a-z]+\s+){0,3}and\s+(?:\w+ly\s+)?", text[chosen.end:start]):
        chosen = free[-2]
    elif (len(free) > 1 and re.fullmatch(r"\s*(?:,|and|&)\s*(?:its\s+|their\s+)?(?:allies\s+)?(?:the\s+)?",
                                        text[free[-2].end:chosen.start])
          and not _opposed(free[-2].actor_id, chosen.actor_id)):
        chosen = free[-2]  # "the army and Hezbollah captured": the leading ally of the subject
    return chosen


def _actor_after_by(sent: SentenceMentions, start: int) -> ActorMention | None:
    """First actor within a few words after ``start`` ("... by the rebels")."""
    text = sent.text
    window = text[start:start + 80]
    for mention in sent.actors_in(start, start + 80):
        if re.fullmatch(r"\s*(?:by\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}", window[: mention.start]):
            return ActorMention(mention.label, mention.actor_id, start + mention.start, start + mention.end)
        break
    return None


def _from_actor(sent: SentenceMentions, after: int) -> ActorMention | None:
    """"... from government forces": the previous controller named after the place."""
    text = sent.text
    m = re.match(r"^[^.;]{0,40}?\bfrom\s+(?:the\s+)?", text[after:])
    if not m:
        return None
    rest = text[after + m.end(): after + m.end() + 60]
    mentions = _armed(sent.actors_in(after + m.end(), after + m.end() + 60))
    if mentions and re.fullmatch(r"(?:(?:local|allied|remaining|retreating|loyalist|pro-[\w-]+)\s+)?", rest[:mentions[0].start]):
        first = mentions[0]  # "from local NDF militias", "from retreating government troops"
        return ActorMention(first.label, first.actor_id, after + m.end(), after + m.end() + first.end)
    return None


def _refine(mention: ActorMention, ctx: SentenceContext) -> str:
    """Actor id with generic framings turned into the group the article names; "jihadists
    from the Islamic State" is the Islamic State."""
    text = ctx.text
    of_group = re.match(r"^\s+(?:from|of)\s+(?:the\s+)?", text[mention.end:])
    if of_group and mention.actor_id == "opposition":
        nxt = ctx.mentions.actors_in(mention.end + of_group.end(), mention.end + of_group.end() + 60)
        if nxt and nxt[0].start == 0 and nxt[0].actor_id not in NOT_ARMED and not _opposed(
                mention.actor_id, nxt[0].actor_id):  # not "rebels from government forces"
            return nxt[0].actor_id
    earlier = (text[: mention.start],) + tuple(
        s.text for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None
    )
    refined = specific_actor(mention.label, mention.actor_id, earlier, ctx.article.text)
    if refined == "opposition" and is_framing(mention.label):
        return _group_of_other_wars(mention.label, ctx.article.text) or refined
    return refined


@lru_cache(maxsize=1)
def _non_state_groups() -> frozenset[str]:
    """Every armed group of ``actors.csv`` that is no state's forces (``actors_nationalities.csv``,
    ``actors_country_names.csv``) and fights no war in Syria: what "the rebels", "the
    militants" may stand for in another war."""
    states = state_forces() | set(country_forces().values())
    return frozenset(a for a in actor_ids() - states - NOT_ARMED - {"opposition"}
                     if "syria" not in theatres(a))  # Syria's factions: actors.specific_actor decides


@lru_cache(maxsize=256)
def _group_of_other_wars(label: str, article: str) -> str | None:
    """"insurgents", "jihadists" in an article that names one armed group of another war
    (the MNDAA, JNIM, the Arakan Army) and none of Syria's: that group, when it is one the
    framing may stand for (``control_actor_framings.csv``; helper control6)."""
    listed = framing_may_be(label)
    if not listed:
        return None
    mentions = find_actors(article)
    if any(m.actor_id in SPECIFIC_GROUPS for m in mentions):
        return None  # Syria's groups are actors.specific_actor's to choose
    wars = set(country_theatres(current_country())) - {"syria"}
    for may_be in (listed - SPECIFIC_GROUPS,  # the groups the framing lists, else any armed group of the war
                   {g for g in _non_state_groups() if wars & set(theatres(g))}):  # ("the rebels" of an M23 report; control8)
        counts: dict[str, int] = {}
        for mention in mentions:
            if mention.actor_id in may_be:
                counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0] >= 3 * ranked[1]):
            return max(counts, key=lambda a: counts[a])
    return None


def _opponent(ctx: SentenceContext, actor: str, exclude: ActorMention) -> tuple[str | None, str | None]:
    """Opponent of ``actor`` named in the sentence, else the article's main opponent."""
    for m in _armed(ctx.mentions.actors):
        if m.start == exclude.start or SPEAKER_NOUN.match(ctx.text, m.end):
            continue  # "a Ugandan army spokesman said": who speaks, not who fights here (control9)
        refined = _refine(m, ctx)
        if _opposed(actor, refined):
            return refined, m.label
    found = article_opponent(ctx, actor)
    if found[0] is None and (lead := lead_opponent(actor) or _war_opponent(actor)) is not None:
        return lead, None  # the one camp against it in this war ("Russian forces took X": Ukraine's; control8)
    return found


@lru_cache(maxsize=256)
def _opponent_in_wars(actor: str, wars: frozenset[str]) -> str | None:
    leads = {lead for (war, side), lead in _camp_leads().items()
             if war in wars and side != _sides().get(actor, {}).get(war) and _opposed(actor, lead)}
    return leads.pop() if len(leads) == 1 else None


def _war_opponent(actor: str) -> str | None:
    """The lead of the one camp against ``actor`` in the article's war (Russia fights in
    Syria too, but in a report from Ukraine its enemy is Ukraine's)."""
    wars = frozenset(set(country_theatres(current_country())) & set(theatres(actor)))
    return _opponent_in_wars(actor, wars) if wars else None



_LANDMARK = re.compile(
    r"\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|near|outside)\s+(?:of\s+)?(?:[a-z]+\s+){0,3}$")


_HELD_IN_PHRASE = re.compile(r"(?:the\s+|an?\s+)?([A-Za-z]+)-(?:held|controlled|dominated)\b")
_HELD = re.compile(r"\b([A-Za-z]+)-(?:held|controlled|dominated)\s+(?:[\w'’-]+\s+){0,3}$")


def _held_by(text: str, head_start: int, place_start: int) -> ActorMention | None:
    """"seized rebel-held Baba Amr": the "-held" word before the place names its previous
    controller."""
    m = _HELD.search(text, head_start, place_start) or _HELD_IN_PHRASE.match(text, place_start)
    if not m:
        return None
    word = m.group(1)
    actor = resolve_actor(word) or resolve_actor(word + " forces")
    if actor is None or actor in NOT_ARMED:
        return None
    return ActorMention(word, actor, m.start(1), m.end(1))


def _opposed_in_sentence(ctx: SentenceContext, counterpart: ActorMention) -> ActorMention | None:
    """First armed actor of the sentence on the other side of ``counterpart``."""
    other = _refine(counterpart, ctx)
    for m in _armed(ctx.mentions.actors):
        if m.start != counterpart.start and not _AIR_ONLY.search(m.label) and _opposed(other, _refine(m, ctx)):
            return m
    return None


def _abandoned_after(sent: SentenceMentions, end: int) -> ActorMention | None:
    """"... following its abandonment by government forces" after an entry or capture."""
    text = sent.text
    m = re.search(
        r"\b(?:following|after)\s+(?:its|the|their)\s+(?:abandonment|departure|withdrawal|retreat|"
        r"evacuation|pullout)\s+(?:by|of)\s+", text[end:], re.IGNORECASE)
    if not m:
        return None
    mentions = _armed(sent.actors_in(end + m.end(), end + m.end() + 60))
    if mentions and mentions[0].start == 0:
        first = mentions[0]
        return ActorMention(first.label, first.actor_id, end + m.end(), end + m.end() + first.end)
    return None



_OCCUPIED = re.compile(r"(?<![\w-])([A-Za-z]+)-(?:occupied|held|controlled)\b")


def occupier_in_sentence(text: str, loser: str) -> ActorMention | None:
    """"lost their foothold in Krynky on the Russian-occupied eastern bank": a withdrawal or
    loss with no winner named takes the "-occupied"/"-held" actor of its sentence when that
    actor is the loser's enemy (helper control6)."""
    for m in _OCCUPIED.finditer(text):
        word = m.group(1)
        actor = resolve_actor(word) or resolve_actor(word + " forces")
        if actor is not None and actor not in NOT_ARMED and _opposed(loser, actor):
            return ActorMention(word, actor, m.start(1), m.end(1))
    return None
