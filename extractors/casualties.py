"""Casualty claims: "killing 12 civilians", "the death toll rose to 605, including 245 from
HTS...", "hundreds of militants were killed".

For each count in a sentence (``numbers.find_counts``) the extractor looks for an outcome
cue right after the count and its victim noun ("12 civilians were killed") or right before
the count ("killing 12", "the death toll has risen to 605"). Counts with no cue of their own
take the outcome of a toll they break down ("605, including 245 from HTS") or of the count
they are coordinated with ("3 soldiers and 5 civilians were killed").

The victim group comes from the noun after the count (``casualty_victims.csv`` and the
actor alias table); a bare toll with no victim noun is a mixed total (victim ``all``).
Vocabularies: ``seeds/reference/casualty_cues.yaml``, ``casualty_victims.csv``,
``casualty_perpetrators.csv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import actors, casualty_links, casualty_scope, dates, numbers, places
from .casualty_affiliation import affiliated
from .casualty_cues import cues as _cues, has_hint, perpetrator_words as _perpetrator_words
from .casualty_readings import counted_group, cue_noun, listed_cue, of_them, passing_one, toll_of, too_vague
from .casualty_victims import (
    UNSPECIFIED, Victim, is_framing, loyal_to, own_side, resolve_victim, specific_group, subject_victim,
    victim_before_cue, victim_of_remains, victim_phrase, whose_soldiers, crew_of,
)
from .claims import CasualtyClaim, Count, Place
from .patterns import lowers_exactly
from .context import SentenceContext


@dataclass(frozen=True)
class _Reading:
    """One count read as a casualty figure (before it becomes a claim)."""

    mention: numbers.CountMention
    outcome: str
    victim: Victim
    cue_start: int  # where the outcome cue starts in the sentence
    cue_end: int
    active: bool  # the cue comes before the count ("killing 12"): its subject is the perpetrator
    total_start: int | None = None  # where the total this count is a part of starts ("605, including 245")


_BY_AGENT = re.compile(r"[^,.;]{0,30}?\bby\s+(?P<agent>[^,.;]{1,60})")  # "killed ... by <agent>"


def _agent(sentence: str, reading: _Reading) -> str | None:
    """The armed actor that did the killing as the clause's grammar says: the first one
    named in the clause before an active cue ("The SDF ... killing 80 militants"), else
    the first one after "by" ("killed by the SDF after an IS attack")."""
    if reading.active:
        region = re.split(r"[,;:]|\bthat\b|\bsaid\b", sentence[:reading.cue_start])[-1]
    else:
        after = _BY_AGENT.match(sentence[reading.cue_end:])
        region = after.group("agent") if after else ""
    named = [a.actor_id for a in actors.find_actors(region) if a.actor_id not in ("civilians", "unknown")]
    return named[0] if named else None


def _perpetrator(sentence: str, reading: _Reading) -> str | None:
    """Who caused the casualties when the sentence says so: "killed by government shelling"
    (after the cue) or "Russian air strikes killed" (the subject before an active cue)."""
    table, pattern = _perpetrator_words()
    after = _BY_AGENT.match(sentence[reading.cue_end:])
    regions = []
    if after:
        regions.append(after.group("agent"))
    attack = _cues()["attack_frame"].match(sentence[reading.cue_end:])
    if attack:  # "killed in a Russian air strike", "died when government warplanes bombed"
        regions.append(attack.group("agent") or attack.group("agent2"))
    if reading.active:
        before = sentence[:reading.cue_start]
        clause = re.split(r"[,;:]|\bthat\b|\bsaid\b", before)[-1]
        regions.append(clause)
    for region in regions:
        named = [a.actor_id for a in actors.find_actors(region) if a.actor_id != "civilians"]
        if named:
            return named[-1]
        adjectives = [table[m.group().lower()] for m in pattern.finditer(region)]
        if adjectives:
            return adjectives[-1]
    return None


def _read_partitive(sentence: str, mention: numbers.CountMention) -> _Reading | None:
    """"six of those killed were rebel fighters": killed, victims named after the verb."""
    m = _cues()["partitive"].match(sentence, mention.end)
    if not m:
        return None
    phrase, _ = victim_phrase(sentence, m.end())
    victim = resolve_victim(phrase)
    if victim is None or victim is UNSPECIFIED:
        return None
    return _Reading(mention, "killed", victim, m.start(), m.end(), False)


_AMONG_HINT = re.compile(r"\b(?:among|of\s+th(?:e|ose)\s)", re.IGNORECASE)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+|these\s+|those\s+|their\s+)?$", re.IGNORECASE)
_AMONG_OUTCOMES = {"killed": "killed", "dead": "killed", "died": "killed", "executed": "killed", "victims": "killed",
                   "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "casualties": "casualties"}


def _read_among(sentence: str, mention: numbers.CountMention) -> _Reading | None:
    """"five children were among the dead", "three children were among at least 19
    civilians killed": the group is a part of the victims (of the total when counted)."""
    if not _AMONG_HINT.search(sentence, mention.end, mention.end + 120):
        return None  # cheap gate: most counts have neither "among" nor "of the/those" after them
    cues = _cues()
    of_the = cues["of_the_victims"].match(sentence, mention.end)
    if of_the:  # "Fifteen of the wounded were in critical condition"
        return _Reading(mention, _AMONG_OUTCOMES[of_the.group("cue").lower()], UNSPECIFIED,
                        of_the.start("cue"), of_the.end(), False)
    if _OF_BEFORE.search(sentence, max(0, mention.start - 12), mention.start):
        return None  # "the wives of the five fighters were among the dead": the count is no subject
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    m = cues["among"].match(sentence, phrase_end)
    victim = resolve_victim(phrase) if m else None
    if m is None or victim is None or victim is UNSPECIFIED:
        return None
    total_start = None
    if m.group("total"):
        inside = [c for c in numbers.find_counts(sentence) if m.start("total") <= c.start < m.end("total")]
        total_start = inside[0].start if inside else None
    return _Reading(mention, _AMONG_OUTCOMES[m.group("cue").lower()], victim, m.start("cue"), m.end(), False,
                    total_start)


_PERFECT_AUX = re.compile(r"\b(?:have|has|had)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|that|which)\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:been|were|was|are|is|being)\b", re.IGNORECASE)


def _active_with_object(sentence: str, phrase_end: int, after: re.Match[str]) -> bool:
    """True when the outcome word after a count is an active verb with its own count as
    object ("bombers have killed at least 30"), not a participle ("were killed")."""
    between = sentence[phrase_end:phrase_end + after.start("cue")]
    if _PASSIVE_AUX.search(between) or not (_PERFECT_AUX.search(between) or _RELATIVE.search(between)):
        return False  # "57 civilians killed 150 injured" (a headline) stays a toll; "2 men who killed 3" does not
    rest = sentence[phrase_end + after.end("cue"):phrase_end + after.end("cue") + 40]
    following = numbers.find_counts(rest)
    return bool(following) and following[0].start <= 2


def _read(sentence: str, mention: numbers.CountMention) -> _Reading | None:
    """The casualty reading of one count with its own cue, or None."""
    cues = _cues()
    partitive = _read_partitive(sentence, mention) or _read_among(sentence, mention)
    if partitive:
        return partitive
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    victim = counted_group(sentence, mention) or resolve_victim(phrase)
    if victim is not None:
        victim = affiliated(sentence, mention.end, crew_of(sentence, phrase_end, loyal_to(sentence, phrase_end, victim)))
    after = cues["after"].match(sentence[phrase_end:])
    if after and after.group("relative") and numbers.find_counts(after.group("relative")):
        after = None  # "... that nine others were injured": the relative clause has a count of its own
    if after and victim is not None and _active_with_object(sentence, phrase_end, after):
        after = None  # "two suicide bombers have killed at least 30 ...": the count is the killers
    if after and victim is not None:
        outcome = cues["cue_words"][re.sub(r"\s+", " ", after.group("cue").lower())]
        if victim is UNSPECIFIED:  # "12 bodies of soldiers"; the cue itself names people: "350 hostages"
            victim = victim_of_remains(sentence, phrase_end + after.end("cue")) or cue_noun(after.group("cue")) or victim
        start = phrase_end + after.start("cue")
        reading = _Reading(mention, outcome, victim, start, phrase_end + after.end("cue"), False)
        # an outcome reached only across an aside ("killed 100 people including 25 children
        # and injured 400") yields to a cue right before the count
        if not after.group("aside"):
            return reading
        return _read_before(sentence, mention, victim) or reading
    return _read_before(sentence, mention, victim) or _read_listed(sentence, mention, victim, phrase_end)


def _read_listed(sentence: str, mention: numbers.CountMention, victim: Victim | None, phrase_end: int) -> _Reading | None:
    """A named group further down the list of an active verb ("killed a staff member and
    around 20 civilians"); not when a verb of its own follows the group."""
    if victim is None or victim is UNSPECIFIED or _OWN_VERB.match(sentence, phrase_end):
        return None
    listed = listed_cue(sentence, mention)
    return _Reading(mention, listed[0], victim, listed[1], listed[2], True) if listed else None


def _read_before(sentence: str, mention: numbers.CountMention, victim: Victim | None) -> _Reading | None:
    """The reading given by a cue that ends right before the count ("killing 12")."""
    cues = _cues()
    window_start = max(0, mention.start - 140)
    window = cues["before_fillers"].sub("", sentence[window_start:mention.start])  # "killing all five", "killed another six"
    if victim is None:
        return None  # no reading without a victim: spare the searches
    lowered = cues["before_lowered"] is not None and lowers_exactly(window)  # same matches, faster
    scanned = window.lower() if lowered else window
    for pattern, outcome, needs_victim, hint, reach in cues["before_lowered" if lowered else "before"]:
        if needs_victim and victim is UNSPECIFIED:
            continue
        offset = _short_window_start(window, reach)
        m = pattern.search(scanned, offset) if hint.search(scanned, offset) else None
        if not m:
            continue
        start = window_start + m.start()
        active = not re.match(r"\s*(?:the\s+)?(?:death|toll|number|fatalities|deaths|dead|casualt|losses)",
                              m.group(), re.IGNORECASE)
        if victim is UNSPECIFIED and outcome in ("killed", "casualties") and not active:
            # "civilian death toll"; but in "Islamic State killed 270" the words before an
            # active verb are the perpetrator, not the victim
            victim = victim_before_cue(sentence, start) or toll_of(m.group()) or UNSPECIFIED
        elif victim is UNSPECIFIED and outcome == "wounded" and not active:
            victim = toll_of(m.group()) or UNSPECIFIED  # "the number of people injured ... reached 57"
        if needs_victim and outcome == "killed" and (victim.actor == "unknown" or is_framing(victim)):
            victim = subject_victim(sentence[:start], victim)  # "Hezbollah lost 20 fighters"
        return _Reading(mention, outcome, victim, start, window_start + m.end(), active)
    return None


def _short_window_start(window: str, reach: int) -> int:
    """Where the last ``reach`` characters of ``window`` start, moved to a word start."""
    if len(window) <= reach:
        return 0
    space = window.find(" ", len(window) - reach)
    return space + 1 if space >= 0 else len(window)


_OWN_VERB = re.compile(  # a verb of its own after a count's noun: a new clause, not a list
    r"\s*(?!(?:have|has|had)?\s*(?:said|reported|told|confirmed|claimed|added|stated)\b)"
    r"(?:have|has|had|were|was|are|is|will|would|fled|left|went|took|came|ran|\w+ed)\b", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:in|at|near|across)\s")
_PLACE_THEN_AND = re.compile(r"\s+[\w\s'’-]{0,30}?\b(?:in|at|near|around|across)\b[^,.;]{0,60}?\s+and\s+")


def _inherit(sentence: str, mention: numbers.CountMention, readings: list[_Reading]) -> _Reading | None:
    """A count without a cue of its own: a part of a toll it follows ("605, including 245
    from HTS") or coordinated with the next count ("3 soldiers and 5 civilians were killed")."""
    cues = _cues()
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    victim = counted_group(sentence, mention) or resolve_victim(phrase)
    if victim is None:
        return None
    before = [r for r in readings if r.mention.end <= mention.start]
    for head in reversed(before):
        between = sentence[head.mention.end:mention.start]
        if cues["breakdown"].search(between) and not re.search(r"[;.]", between):
            return _Reading(mention, head.outcome, victim, head.cue_start, head.cue_end, head.active,
                            head.mention.start)
    if before and victim is UNSPECIFIED and _PLACE_AFTER.match(sentence, mention.end):
        # "killed 45 civilians in Aleppo and 22 in Idlib": the same victims elsewhere
        head = before[-1]
        if head.victim is not UNSPECIFIED and _PLACE_THEN_AND.fullmatch(sentence[head.mention.end:mention.start]):
            return _Reading(mention, head.outcome, head.victim, head.cue_start, head.cue_end, head.active)
    if before and victim is not UNSPECIFIED and not _OWN_VERB.match(sentence, phrase_end):
        # a list of parts: "98 fighters of HTS, 61 soldiers of the army and 53 civilians"
        # (not "killed 60 people, and 35,000 people have been moved": a clause of its own)
        head = before[-1]
        head_end = victim_phrase(sentence, head.mention.end)[1]
        if head.victim is not UNSPECIFIED and re.fullmatch(
                r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)?\s*", sentence[head_end:mention.start], re.IGNORECASE):
            return _Reading(mention, head.outcome, victim, head.cue_start, head.cue_end, head.active,
                            head.total_start)
    for nxt in readings:
        if nxt.mention.start >= phrase_end and not nxt.active:
            between = sentence[phrase_end:nxt.mention.start]
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|plus|,)\s*", between, re.IGNORECASE) or (
                    between.isspace() and victim is not UNSPECIFIED and nxt.victim is not UNSPECIFIED):
                # "3 soldiers and 5 civilians were killed"; a headline without commas:
                # "40 Civilians 25 YPG Fighters Killed"
                return _Reading(mention, nxt.outcome, victim, nxt.cue_start, nxt.cue_end, False)
            break
    return None


def _same_group(ordered: list[_Reading], sentence: str, mentions: list[numbers.CountMention]) -> list[_Reading]:
    """A count with no victim words of its own ("killing 10 terrorists and injuring 20
    others", "10 civilians were killed and another 17 injured") counts the same group as
    the figure with another outcome right before it; not when the sentence counts people of
    two groups ("40 Civilians 25 YPG Fighters Killed 110 Injured": the injured are both)."""
    out: list[_Reading] = []
    if len(ordered) < 2 or all(r.victim is not UNSPECIFIED for r in ordered):
        return ordered
    counted = {v.actor for v in (resolve_victim(victim_phrase(sentence, m.end)[0]) for m in mentions)
               if v is not None and v is not UNSPECIFIED}
    for reading in ordered:
        previous = out[-1] if out else None
        groups = {r.victim.actor for r in out if r.victim is not UNSPECIFIED} | counted
        if (previous is not None and reading.victim is UNSPECIFIED and len(groups) == 1
                and previous.victim is not UNSPECIFIED
                # another outcome, or a clause of its own ("9 civilians were killed in X and two
                # others were killed in Y"), not one list ("3 soldiers and 2 others were killed")
                and (previous.outcome != reading.outcome or previous.cue_start != reading.cue_start)
                and not re.search(r"[;:]", sentence[previous.mention.end:reading.mention.start])
                and (reading.victim.label or "").lower() in ("", "others", "other", "more")):
            reading = replace(reading, victim=previous.victim)
        out.append(reading)
    return out


def _link_asides(ordered: list[_Reading], sentence: str) -> list[_Reading]:
    """A figure with its own outcome set inside a total's aside ("23 people, including six
    children, died") is a part of that total, like an inherited one."""
    out: list[_Reading] = []
    for reading in ordered:
        previous = out[-1] if out else None
        if previous is not None and reading.total_start is None and previous.outcome == reading.outcome:
            between = sentence[previous.mention.end:reading.mention.start]
            if len(between) < 60 and _cues()["breakdown"].search(between) and not re.search(r"[;.]", between):
                reading = replace(reading, total_start=previous.mention.start)
        out.append(reading)
    return out


def _is_background(sentence: str, count: Count) -> bool:
    """A war-wide cumulative toll ("more than 400000 killed since 2011"), not the event."""
    cues = _cues()
    value = max(v for v in (count.low, count.best, count.high, 0) if v is not None)
    if value >= cues["background_always"]:
        return True
    return value >= cues["background_min"] and cues["background"].search(sentence) is not None


@dataclass(frozen=True)
class Figure:
    """One casualty figure of a sentence: the count, outcome, victims, perpetrator, and
    where the total it is a part of starts (``total_start``, a count mention's start)."""

    mention: numbers.CountMention
    outcome: str
    victim: Victim
    perpetrator: str | None
    total_start: int | None = None


def read_figures(sentence: str, article_text: str = "") -> list[Figure]:
    """Every casualty figure in a sentence; ``article_text`` (optional) lets a generic
    "militants" stand for the one group the article is about. Memoised: the equipment
    owner reads the same sentence's casualties again."""
    return list(_read_figures(sentence, article_text))


@lru_cache(maxsize=512)
def _read_figures(sentence: str, article_text: str) -> tuple[Figure, ...]:
    cues = _cues()
    if not has_hint(sentence, cues["hint_stems"], cues["hint"]):
        return ()
    mentions = [m for m in numbers.find_counts(sentence)
                if not cues["age_before"].search(sentence, max(0, m.start - 40), m.start)]  # ages are no counts
    readings: dict[int, _Reading] = {}
    for i, mention in enumerate(mentions):
        reading = _read(sentence, mention)
        if reading:
            readings[i] = reading
    for _ in range(2):  # a second pass lets inherited readings pass on in turn
        for i, mention in enumerate(mentions):
            if i not in readings:
                reading = _inherit(sentence, mention, sorted(readings.values(), key=lambda r: r.mention.start))
                if reading:
                    readings[i] = reading
    of_them(mentions, readings, sentence)
    ordered = _link_asides(_same_group([r for _, r in sorted(readings.items())], sentence, mentions), sentence)
    kept = [r for r in ordered if not _is_background(sentence, r.mention.count) and not too_vague(r.mention.count)
            and not passing_one(r.mention.count, own_side(sentence, r.mention, r.victim))]
    starts = {r.mention.start for r in kept}
    home = casualty_scope.home_country(article_text) if article_text else None
    return tuple(
        Figure(r.mention, r.outcome,
               whose_soldiers(sentence, own_side(sentence, r.mention,
                                                specific_group(r.victim, sentence, article_text, _agent(sentence, r))), home),
               _perpetrator(sentence, r), r.total_start if r.total_start in starts else None)
        for r in kept
    )


def read_casualties(sentence: str, article_text: str = "") -> list[tuple[numbers.CountMention, str, Victim, str | None]]:
    """(count mention, outcome, victim, perpetrator) for every casualty figure in a sentence."""
    return [(f.mention, f.outcome, f.victim, f.perpetrator) for f in read_figures(sentence, article_text)]


def _place(sentence: str) -> Place | None:
    try:
        found = places.find_places(sentence)
    except Exception:  # the places module belongs to another owner; never fail on it
        return None
    return found[0].place if found else None


def extract(ctx: SentenceContext) -> list[CasualtyClaim]:
    """Casualty claims stated in one sentence; a part of a total stated with it ("826
    people ..., among them 111 civilians") points at the total's claim id (``part_of``)."""
    figures = read_figures(ctx.text, ctx.article.text)
    if not figures:
        return []
    when = dates.resolve_when(ctx.text, ctx.published_at)
    period_start, period_end = dates.find_period(ctx.text, ctx.published_at)
    place = _place(ctx.text)
    background = casualty_scope.is_background(ctx)
    claims = []
    for figure in figures:
        victim = figure.victim
        claims.append(CasualtyClaim(
            article_id=ctx.article.article_id,
            evidence=ctx.evidence,
            claimant=ctx.claimant,
            claimant_text=ctx.claimant_text,
            when=when,
            place=place,
            victim_actor=victim.actor,
            victim_label=victim.label,
            victim_type=victim.type,
            outcome=figure.outcome,
            count=figure.mention.count,
            period_start=period_start,
            period_end=period_end,
            perpetrator_actor=figure.perpetrator if figure.perpetrator != victim.actor else None,
            is_background=background,
        ))
    return casualty_links.link_parts(claims, [f.mention.start for f in figures], [f.total_start for f in figures])
