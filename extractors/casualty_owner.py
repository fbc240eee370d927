"""Whose people the casualties were when the victim noun names no side: the grammar around
the count says it.

- The loser of "lost" / "suffered" is the clause's subject, a named actor or a state
  standing for its forces ("Ukraine had lost up to 2,030 servicemen" -> ukraine).
- A possessive points back to the group named before the count ("killed five of the group's
  fighters" after "Houthi military spokesman" -> houthis; "the movement's members").
- A nationality word before a hostile framing names a foreign state's forces ("hundreds of
  Iranian militants" -> iran); the home country's own word does not ("Syrian militants"
  stay the generic rebels).
- Two sides as modifiers of one noun are both sides ("88 rebel and regime forces" -> a mixed
  toll).
- A bare hostile framing ("militants") in a war whose usual insurgent is known stands for it
  when the sentence and the article name no group (``casualty_framing_theatres.csv``:
  Gaza's militants are Hamas's, the Sahel's JNIM's).

Words: ``seeds/reference/casualty_cues.yaml`` (``group_anaphora``, ``group_framings``),
``actors_country_names.csv`` and ``actors_nationalities.csv`` (read through ``actors`` and
``casualty_victims``), ``casualty_framing_theatres.csv``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import actors, theatre
from .casualty_cues import cues as _cues, victim_table as _victim_table
from .reference import load_csv, load_yaml

_NOT_SIDES = ("civilians", "unknown")


@lru_cache(maxsize=1)
def _state_names() -> re.Pattern[str]:
    names = sorted(actors.country_forces(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?P<name>" + "|".join(re.escape(n) for n in names) + r")(?:'s|’s)?(?![\w-])")


_PRONOUN_SUBJECT = re.compile(r"^\s*(?:it|they|we)\s+(?:(?:had|has|have|also|reportedly|itself|themselves)\s+)*"
                              r"(?:(?:lost|lose|loses|losing|suffered)\b)?\s*$", re.IGNORECASE)


def loser(before: str) -> str | None:
    """The subject of "lost"/"suffered" in the clause before the cue: the last actor named,
    else the last state named ("It said Ukraine had lost", "Russia has suffered")."""
    clause = re.split(r"[,;:]|\bthat\b|\b(?:said|says|told|reported|claimed|added)\b", before)[-1]
    if _PRONOUN_SUBJECT.match(clause):  # "The GNA said it had lost eight men": the speaker's own
        clause = re.split(r"[;:]|\b(?:said|says|told|reported|claimed|added)\b", before)[0]
    named = [a.actor_id for a in actors.find_actors(clause) if a.actor_id not in _NOT_SIDES]
    if named:
        return named[-1]
    states = list(_state_names().finditer(clause))
    return actors.country_forces()[states[-1].group("name")] if states else None


@lru_cache(maxsize=1)
def _possessive() -> re.Pattern[str]:
    heads = "|".join(sorted(load_yaml("casualty_cues.yaml")["group_anaphora"], key=len, reverse=True))
    return re.compile(rf"^\s*(?:of\s+)?the\s+(?:{heads})(?:'s|’s)\s", re.IGNORECASE)


def possessive_owner(sentence: str, start: int, label: str | None) -> str | None:
    """"five of the group's fighters": the one armed group named before the count owns them;
    "43 of Haftar's fighters": a leader's name stands for the group he leads (``leader_owner``)."""
    if not label:
        return None
    if not _possessive().match(label):
        return leader_owner(label)
    named = {a.actor_id for a in actors.find_actors(sentence[:start]) if a.actor_id not in _NOT_SIDES}
    named -= {"opposition"}  # a framing word is no group to point back to
    return named.pop() if len(named) == 1 else None


_LEADER_POSSESSIVE = re.compile(r"^\s*(?:of\s+|from\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?P<name>(?-i:[A-Z])[\w-]*)(?:'s|’s)\s+"
                                r"(?:[a-z-]+\s+)?(?P<noun>[a-z]+)\b")
_LEADER_ALIAS = re.compile(r"(?:forces\s+loyal\s+to\s+(?!the\b)(?:[a-z-]+\s+)*(?P<loyal>[a-z-]+)"
                           r"|(?P<own>[a-z-]+)'s\s+(?:forces|fighters|troops|men)|(?P<led>[a-z-]+)\s+loyalists)")


@lru_cache(maxsize=1)
def leaders() -> dict[str, str]:
    """Leader's surname (lower case) -> the armed group he leads: read off the aliases that name a
    group by its leader ("haftar's forces", "forces loyal to riek machar", "gaddafi loyalists"),
    states and capitals set aside ("ukraine's forces"), plus ``casualty_leaders.csv``."""
    places = {name.lower() for name in actors.country_forces()}  # states and their capitals ("kyiv's forces")
    table: dict[str, str] = {}
    for row in load_csv("actor_aliases.csv"):
        m = _LEADER_ALIAS.fullmatch(row["alias"].strip().lower())
        name = m and (m.group("loyal") or m.group("own") or m.group("led"))
        if name and name not in places and row["actor_id"].strip() not in _NOT_SIDES:
            table.setdefault(name, row["actor_id"].strip())
    for row in load_csv("casualty_leaders.csv"):
        table[row["name"].strip().lower()] = row["actor_id"].strip()
    return table


def leader_owner(label: str | None) -> str | None:
    """"of Haftar's fighters", "Khalifa Haftar's men": the group the leader named in the
    possessive leads, when the noun after it is a combatant noun of the victim table."""
    m = _LEADER_POSSESSIVE.match(label or "")
    if not m or (_victim_table()[0].get(m.group("noun"), ("", ""))[1] != "combatant" and m.group("noun") not in ("men", "forces")):
        return None  # "Haftar's men" are his fighters; "Putin's critics" are no side's
    return leaders().get(m.group("name").lower())


def foreign_framing(label: str | None, home_forces: str | None) -> str | None:
    """"Iranian militants": the state whose nationality word stands before a framing word,
    unless it is the article's own country (``home_forces``) or no home is known."""
    if not label or home_forces is None:
        return None
    words = re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", label.strip(), flags=re.IGNORECASE).split()
    framings = _cues()["group_framings"]
    if len(words) < 2 or words[-1].lower() not in framings:
        return None
    actor = actors.demonym_actors().get(words[-2].lower())
    return actor if actor is not None and actor != home_forces else None


def two_sides(words: str) -> bool:
    """"rebel and regime forces", "army and RSF fighters": modifiers naming two different
    armed sides of one people noun."""
    m = re.match(r"^(?:of\s+)?(?P<a>[\w-]+)\s+and\s+(?P<b>[\w-]+)\s+(?P<head>[\w-]+)$", words.strip(), re.IGNORECASE)
    if not m:
        return False
    sides = set()
    for modifier in (m.group("a"), m.group("b")):
        found = [a.actor_id for a in actors.find_actors(f"{modifier} {m.group('head')}")
                 if a.actor_id not in _NOT_SIDES and a.start == 0]
        if not found:
            return False
        sides.add(found[0])
    return len(sides) == 2


@lru_cache(maxsize=1)
def _theatre_framings() -> dict[str, str]:
    return {row["code"].strip(): row["actor_id"].strip() for row in load_csv("casualty_framing_theatres.csv")}


def theatre_framing() -> str | None:
    """The usual insurgent a bare framing stands for in the article's country, if listed."""
    country = theatre.current_country()
    return _theatre_framings().get(country) if country else None


_ITS = re.compile(r"^(?:of\s+)?(?:its|their)\s+(?:own\s+)?", re.IGNORECASE)
_LOSS_VERB = r"\b(?:lost|lose|loses|losing|suffered|suffers)\s+"
_ABOUT = r"up\s+to\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+"  # a count's hedges before its number
_LOST_BEFORE = re.compile(rf"{_LOSS_VERB}(?:{_ABOUT})?$", re.IGNORECASE)


_PART_OF_LOSSES = re.compile(rf"{_LOSS_VERB}(?:{_ABOUT}|more\s+than\s+|over\s+)?"
                             r"[\d][\d,.]*(?:\s+(?:thousand|million))?\s+[^.;]{0,60}?,?\s+(?:including|among\s+them|of\s+whom)\s+"
                             rf"(?:{_ABOUT}|more\s+than\s+|over\s+)?$", re.IGNORECASE)


def losses_part_owner(sentence: str, start: int) -> str | None:
    """"Russia had suffered more than 100,000 casualties since December, including more than
    20,000 killed": a part of a side's losses is that side's (the loser of "lost"/"suffered")."""
    m = _PART_OF_LOSSES.search(sentence, max(0, start - 160), start)
    return loser(sentence[:m.start() + len(m.group().split()[0]) + 1]) if m else None


def suffered_owner(sentence: str, start: int) -> str | None:
    """"Russian forces suffered more than 3,000 casualties": a toll with no victim noun of its
    own right after "suffered"/"lost" is the subject's (the loser's), when one is named."""
    before = sentence[max(0, start - 160):start]
    return loser(before) if _LOST_BEFORE.search(before) else None


def speaker_owner(sentence: str, start: int, label: str | None) -> str | None:
    """Whose people "its"/"their" soldiers are: "Azerbaijan's defence ministry said 192 of its
    soldiers had been killed" -> azerbaijan, the first side named before the count (the
    clause's subject or speaker); "lost more than 1,500 servicemen" -> the loser of "lost"."""
    before = sentence[:start]
    if _LOST_BEFORE.search(before):
        return loser(before)
    if not label or not _ITS.match(label):
        return None
    named = [a for a in actors.find_actors(before) if a.actor_id not in _NOT_SIDES]
    states = list(_state_names().finditer(before))
    first = min([(a.start, a.actor_id) for a in named]
                + [(m.start(), actors.country_forces()[m.group("name")]) for m in states], default=None)
    return first[1] if first else None


def one_side_article(claims: list) -> list:
    """Bare tolls ("A local official put the number of dead at over 60") of an article whose
    named victims are combatants of one side, three figures at least and one other at most ("30
    Malian soldiers", "more than 100 soldiers", "dozens of soldiers"): that side's. The mirror
    of ``casualty_restated.civilian_article``. A toll that is a total with parts of its own,
    or a background figure, stays as read; so does every toll when any civilian is named."""
    named = [c for c in claims if c.victim_actor not in ("all", "unknown") and c.victim_type in ("civilian", "combatant")
             and not c.is_background]
    if len(named) < 3 or any(c.victim_type != "combatant" for c in named):
        return claims
    by_side: dict[str, int] = {}
    for claim in named:
        by_side[claim.victim_actor] = by_side.get(claim.victim_actor, 0) + 1
    side, most = max(by_side.items(), key=lambda item: item[1])
    if most < 3 or len(named) - most > 1:
        return claims  # every named victim but one at most of one side ("dozens of terrorists" killed in reply)
    if side == "opposition":
        return claims  # a generic framing is no side to give away
    totals = {c.part_of for c in claims if c.part_of}
    return [replace(c, victim_actor=side, victim_type="combatant")
            if c.victim_actor == "all" and c.victim_label is None and not c.is_background
            and c.outcome in ("killed", "wounded", "casualties", "missing") and c.claim_id not in totals
            and others_of_one(c) is None else c
            for c in claims]


_COUNT_OTHERS = re.compile(r"[\w,]+\s+others\b", re.IGNORECASE)
_ONE_VICTIM = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?P<noun>(?:[\w.'’-]+\s+){0,3}?[\w'’-]+)\s+(?:of\s+the\s+[\w-]+\s+)?"
                         r"(?:also\s+|later\s+)?(?:died|was\s+(?:killed|wounded|injured|hurt|shot\s+dead))\b")


def others_of_one(claim) -> "Victim | None":
    """"A U.N. crew member also died, ..., and two others were seriously injured": "others"
    after one victim told without a count in the same sentence are that victim's people (the
    crew's, civilians), whoever the article's other victims are; None when the sentence tells
    no such single victim, or one of no clear side ("a police officer", bare "a soldier")."""
    if claim.victim_actor != "all" or claim.victim_label is not None:
        return None
    text = claim.evidence.text
    counted = _COUNT_OTHERS.search(text)
    one = _ONE_VICTIM.search(text, 0, counted.start()) if counted else None
    if one is None:
        return None
    from .casualty_victims import resolve_victim
    victim = resolve_victim(one.group("noun"))
    if victim is None or victim.actor in ("all", "unknown", "syrian_government", "opposition"):
        return None
    return victim


_OF_THE_OUTCOME = re.compile(r"\b(?:of|among)\s+(?:the|those)\s+(?P<word>wounded|injured|dead|killed)\b", re.IGNORECASE)
_OUTCOME_OF_WORD = {"wounded": "wounded", "injured": "wounded", "dead": "killed", "killed": "killed"}


def of_the_outcome(claims: list) -> list:
    """"Six of the wounded were in serious condition", "20 of the injured": a bare count of
    an outcome group told before counts that group's people: the victims of the nearest
    earlier figure with that outcome that names them ("12 soldiers were wounded" -> the
    soldiers' side), when such a figure exists."""
    out = []
    for i, claim in enumerate(claims):
        m = _OF_THE_OUTCOME.search(claim.evidence.text) if claim.victim_actor == "all" and claim.victim_label is None else None
        if m is not None and _OUTCOME_OF_WORD[m.group("word").lower()] == claim.outcome:
            earlier = [c for c in claims[:i] if c.outcome == claim.outcome and c.evidence.start <= claim.evidence.start
                       and c.victim_actor not in ("all", "unknown") and c.victim_type in ("civilian", "combatant")]
            if earlier:
                claim = replace(claim, victim_actor=earlier[-1].victim_actor, victim_type=earlier[-1].victim_type)
        elif (one := others_of_one(claim)) is not None:
            claim = replace(claim, victim_actor=one.actor, victim_type=one.type)
        elif claim.outcome == "captive" and claim.victim_actor == "all" and claim.victim_label is None and not claim.is_background:
            side = _fight_losers(claims[:i], claim)
            claim = replace(claim, victim_actor=side, victim_type="combatant") if side else claim
        out.append(claim)
    return out


_ELLIPTIC_CAPTIVES = re.compile(r"^\W*(?:(?:about|some|around|nearly|almost|roughly|another|at\s+least|more\s+than|over|"
                                r"up\s+to|as\s+many\s+as|dozens|hundreds|scores|[\d,]+|[a-z]+)\s+){1,3}(?:more\s+|others?\s+)?"
                                r"(?:were|had\s+been|have\s+been|was)\s+(?:also\s+)?(?:taken|captured|detained|arrested|seized)\b",
                                re.IGNORECASE)  # "About 18 were taken prisoner": the count opens the sentence
_NEXT_SENTENCE_GAP = 3  # characters between one sentence's end and the next one's start (a space, a line break)


def _fight_losers(earlier: list, claim) -> str | None:
    """"... killed at least 43 of Haftar's fighters. About 18 were taken prisoner, he said.":
    a bare count taken prisoner in the sentence of a figure of one side's fighters killed, or in
    the sentence right after it, counts that side's fighters (the last such figure before it)."""
    for prior in reversed(earlier):
        if prior.evidence.start > claim.evidence.start:
            continue
        same = prior.evidence.start == claim.evidence.start
        if not same and not (0 <= claim.evidence.start - prior.evidence.end <= _NEXT_SENTENCE_GAP
                             and _ELLIPTIC_CAPTIVES.match(claim.evidence.text)):
            return None  # another sentence between them, or one with words of its own before the count
        if prior.outcome in ("killed", "casualties") and prior.victim_type == "combatant" \
                and prior.victim_actor not in ("all", "unknown", "opposition") and not prior.is_background:
            return prior.victim_actor
    return None
