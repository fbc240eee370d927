"""Casualty claims: "killing 12 civilians", "the death toll rose to 605, including 245 from
HTS...", "hundreds of militants were killed".

For each count in a sentence (``numbers.find_counts``) the extractor looks for an outcome
cue right after the count and its victim noun ("12 civilians were killed") or right before
the count ("killing 12", "the death toll has risen to 605"). Counts with no cue of their own
take the outcome of a toll they break down ("605, including 245 from HTS") or of the count
they are coordinated with ("3 soldiers and 5 civilians were killed"). The readings are
``casualty_cue_reading`` (a cue of its own) and ``casualty_inherit`` (none); this module
adds the perpetrator, drops background and vague figures and makes the claims.

The victim group comes from the noun after the count (``casualty_victims.csv`` and the
actor alias table); a bare toll with no victim noun is a mixed total (victim ``all``).
Vocabularies: ``seeds/reference/casualty_cues.yaml``, ``casualty_victims.csv``,
``casualty_perpetrators.csv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import actors, casualty_links, casualty_lowered, casualty_scope, dates, numbers, places
from .casualty_cue_reading import Reading, freed, read
from .casualty_not_toll import equipment_count, restated
from .casualty_gate_earlier import earlier_event
from .casualty_gate_stock import no_new_loss
from .casualty_cues import cues as _cues, has_hint, perpetrator_words as _perpetrator_words
from .casualty_owner import foreign_framing, losses_part_owner, possessive_owner, speaker_owner, suffered_owner
from .casualty_inherit import inherit, link_asides, same_group
from .casualty_local_group import aircraft_crew, checked_group, killers_enemy
from .casualty_target import target_side, without_targets
from .casualty_vague import VAGUE, vague_wounded
from .casualty_readings import aimed_at_civilians, depicted_one, mixed_people, of_them, passing_one, too_vague
from .casualty_victims import Victim, deposed_loyalty, specific_group, victim_phrase
from .casualty_state_forces import bare_default, local_forces, object_victims, own_side, prisoners_of_war, whose_soldiers
from .claimants import clause_claimant
from .claims import CasualtyClaim, Count, Place
from .context import SentenceContext
from .patterns import lowers_exactly


_AIRCRAFT_HINT = ("board", "down", "crash")  # cheap gate for casualty_local_group.aircraft_crew, lower-cased text
_BY_AGENT = re.compile(r"[^,.;]{0,30}?\bby\s+(?P<agent>[^,.;]{1,60})")  # "killed ... by <agent>"


_EARLIER_CUE = casualty_lowered.compile(r"\b(?:kill|wound|injur|claim)\w*\b")


_CLAUSE_WORD = re.compile(r"\bthat\b|\bsaid\b")  # with , ; : the breaks between clauses


def _subject_clause(before: str) -> str:
    """The words before an active cue that hold its subject: the clause, up to an earlier
    cue the verb is coordinated with ("strikes killed 20 soldiers and wounded ...": the
    subject is "strikes", not the soldiers)."""
    # the clause starts after the last break: the last , ; : and any "that"/"said" after it
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1
    for m in _CLAUSE_WORD.finditer(before, cut):
        cut = m.end()
    clause = before[cut:]
    cue = _EARLIER_CUE.search(clause)
    return clause[:cue.start()] if cue else clause


def _agent_and_perpetrator(sentence: str, reading: Reading) -> tuple[str | None, str | None]:
    """The clause's agent and the perpetrator of a reading (``_agent``, ``_perpetrator``),
    the words after the cue and the subject clause read once for both."""
    # "by" within 32 characters of the cue, or no match (_BY_AGENT's reach)
    by = _BY_AGENT.match(sentence[reading.cue_end:]) if sentence.find("by", reading.cue_end, reading.cue_end + 32) >= 0 else None
    subject = _subject_clause(sentence[:reading.cue_start]) if reading.active else None
    return _agent(reading, by, subject), _perpetrator(sentence, reading, by, subject)


def _agent(reading: Reading, by: re.Match[str] | None, subject: str | None) -> str | None:
    """The armed actor that did the killing as the clause's grammar says: the first one
    named in the clause before an active cue (``subject``: "The SDF ... killing 80
    militants"), else the first one after "by" ("killed by the SDF after an IS attack")."""
    if reading.active:
        region = subject
    else:
        region = by.group("agent") if by else ""
    named = [a.actor_id for a in actors.find_actors(without_targets(region)) if a.actor_id not in ("civilians", "unknown")]
    return named[0] if named else None


def _perpetrator(sentence: str, reading: Reading, by: re.Match[str] | None, subject: str | None) -> str | None:
    """Who caused the casualties when the sentence says so: "killed by government shelling"
    (after the cue, ``by``) or "Russian air strikes killed" (``subject``, the clause before
    an active cue)."""
    table, pattern = _perpetrator_words()
    regions = []
    if by:
        regions.append(by.group("agent"))
    attack = _cues()["attack_frame"].match(sentence[reading.cue_end:])
    if attack:  # "killed in a Russian air strike", "died when government warplanes bombed"
        regions.append(attack.group("agent") or attack.group("agent2"))
    if reading.active:
        regions.append(subject)
    for i, region in enumerate(map(without_targets, regions)):
        named = [a.actor_id for a in actors.find_actors(region) if a.actor_id != "civilians"]
        if named:  # the subject of an active clause comes first ("The army ambushed a group of terrorists")
            return named[0] if reading.active and i == len(regions) - 1 else named[-1]
        adjectives = [table[m.group().lower()] for m in pattern.finditer(region)]
        if adjectives:
            return adjectives[-1]
    return None



def _is_background(sentence: str, count: Count) -> bool:
    """A war-wide cumulative toll ("more than 400000 killed since 2011"), not the event."""
    cues = _cues()
    value = max(v for v in (count.low, count.best, count.high, 0) if v is not None)
    if value >= cues["background_always"]:
        return True
    if (value >= cues["campaign_min"] and cues["campaign_total"].search(sentence) is not None
            and cues["campaign_recent"].search(sentence) is None):
        return True  # "The insurgency ... has killed more than 30,000 people"
    return value >= cues["background_min"] and cues["background"].search(sentence) is not None


_ONE_THEN_ONE = re.compile(r"\s+[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+)?\s*(?:,\s*|,?\s*and\s+|(?<=\s))(?:(?:her|his|their)\s+)?",
                           re.IGNORECASE)


def _joined_singles(readings: list[Reading], sentence: str) -> list[Reading]:
    """"A woman and a child were killed", "a girl, a boy and a woman died": civilians counted
    one by one in a list that shares its outcome word are one figure of their number."""
    out: list[Reading] = []
    run_end = -1  # where the last person of the list being summed was counted
    for reading in readings:
        previous = out[-1] if out else None
        if (previous is not None and reading.mention.count.best == 1 and reading.mention.count.qualifier == "exact"
                and (previous.mention.count.best == 1 or run_end >= 0)
                and previous.mention.count.qualifier == "exact"
                and previous.outcome == reading.outcome and previous.cue_start == reading.cue_start
                and previous.victim.type == reading.victim.type == "civilian"
                and _ONE_THEN_ONE.fullmatch(sentence, max(run_end, previous.mention.end), reading.mention.start)):
            total = previous.mention.count.best + 1
            out[-1] = replace(previous, mention=replace(previous.mention, count=Count(total, total, total, "exact")))
            run_end = reading.mention.end
            continue
        run_end = -1
        out.append(reading)
    return out


def _ranked_one(reading: Reading, sentence: str) -> bool:
    """"17 troops including a commander": one person of a rank inside a total of the same
    outcome is a detail of that total, not a toll of its own."""
    count = reading.mention.count
    if reading.total_start is None or count.best != 1 or reading.mention.text.lower() not in ("a", "an", "one"):
        return False
    return (reading.victim.label or "").lower().split()[-1:] in ([w] for w in _cues()["rank_nouns"])


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
    return list(_read_figures(_unquoted(sentence), article_text))


_BRACKETED = re.compile(r"\[([A-Za-z][\w'’ -]{0,40})\]")


def _unquoted(sentence: str) -> str:
    """The sentence with quotes around a lone count read as spaces (killing "hundreds" of
    soldiers); same length, so every offset still points into the original. An editor's
    insertion in square brackets ("up to 80 [Daesh] fighters") is read as plain words."""
    if "[" in sentence:
        sentence = _BRACKETED.sub(lambda m: f" {m.group(1)} ", sentence)
    if '"' not in sentence and "“" not in sentence:
        return sentence
    cues = _cues()
    unquoted = cues["quoted_count"].sub(lambda m: f" {m.group('count')} ", sentence)
    # scare quotes around an outcome word ('were "neutralised"') are read as spaces too
    return cues["quoted_word"].sub(
        lambda m: f" {m.group('word')} " if m.group("word").lower() in cues["cue_words"] else m.group(), unquoted)


def _is_date_day(sentence: str, mention: numbers.CountMention) -> bool:
    """"since the offensive began on Nov. 27": a day after an abbreviated month is no count."""
    value = mention.count.best if mention.count.best is not None else mention.count.low
    return value is not None and value <= 31 and _cues()["date_before"].search(
        sentence, max(0, mention.start - 8), mention.start) is not None


def _speaker(sentence: str, mention: numbers.CountMention) -> bool:
    """"one medic told AFP": one person followed by a reporting verb is a source, not a toll."""
    if mention.count.best != 1:
        return False
    return _cues()["speaker_after"].match(sentence, mention.end) is not None


def _outside_related(sentence: str, mentions: list[numbers.CountMention]) -> list[numbers.CountMention]:
    """The counts outside a page's list of links to other stories ("Related Kobani in Ruins
    After Anti-IS Airstrikes ... Airstrikes Against IS Kill 36 Civilians Watchdog ... Tags
    civilian casualties"): those headlines are other articles' tolls."""
    if not all(word in sentence for word in _cues()["link_block_words"]):
        return mentions
    blocks = [(m.start("block"), m.end("block")) for m in _cues()["link_block"].finditer(sentence)]
    return [m for m in mentions if not any(start <= m.start < end for start, end in blocks)]


_OF_A = re.compile(r"\b(?:of|from)\s+$", re.IGNORECASE)


def _outside_phrases(sentence: str, mentions: list[numbers.CountMention]) -> list[numbers.CountMention]:
    """The counts that stand in no other count's victim phrase: in "ten people of a rebel
    militia were wounded" the "a" belongs to the ten's noun, it counts no one."""
    kept: list[numbers.CountMention] = []
    for mention in mentions:
        if (kept and mention.text.lower() in ("a", "an") and _OF_A.search(sentence, max(0, mention.start - 6), mention.start)
                and victim_phrase(sentence, kept[-1].end)[1] >= mention.end):
            continue
        kept.append(mention)
    return kept


@lru_cache(maxsize=512)
def _read_figures(sentence: str, article_text: str) -> tuple[Figure, ...]:
    cues = _cues()
    if not has_hint(sentence, cues["hint_stems"], cues["hint"]):
        return ()
    mentions = [m for m in numbers.find_counts(sentence)
                if not cues["age_before"].search(sentence, max(0, m.start - 40), m.start)  # ages are no counts
                and not _is_date_day(sentence, m) and not cues["age_after"].match(sentence, m.end)
                and not _speaker(sentence, m) and not freed(sentence, m)
                and not restated(sentence, m)]
    mentions = _outside_phrases(sentence, _outside_related(sentence, mentions))
    readings: dict[int, Reading] = {}
    for i, mention in enumerate(mentions):
        reading = read(sentence, mention)
        if reading:
            readings[i] = reading
    for _ in range(2):  # a second pass lets inherited readings pass on in turn
        for i, mention in enumerate(mentions):
            if i not in readings:
                reading = inherit(sentence, mention, sorted(readings.values(), key=lambda r: r.mention.start))
                if reading:
                    readings[i] = reading
    of_them(mentions, readings, sentence)
    ordered = link_asides(same_group([r for _, r in sorted(readings.items())], sentence, mentions), sentence)
    kept = [r for r in ordered if not _is_background(sentence, r.mention.count) and not too_vague(r.mention.count)
            and not passing_one(r.mention.count, own_side(sentence, r.mention, r.victim))
            and not depicted_one(r.mention.count, sentence) and not equipment_count(sentence, r.mention)]
    kept = _joined_singles([r for r in kept if not no_new_loss(sentence, r)], sentence)
    kept = [r for r in kept if not _ranked_one(r, sentence)]
    starts = {r.mention.start for r in kept}
    home = casualty_scope.home_country(article_text) if article_text and kept else None
    lowered = sentence.lower()
    aircraft = (any(word in lowered for word in _AIRCRAFT_HINT) if lowers_exactly(sentence)
                else re.search("|".join(_AIRCRAFT_HINT), sentence, re.IGNORECASE) is not None)
    figures = []
    for r in kept:
        agent, perpetrator = _agent_and_perpetrator(sentence, r)
        plain = aimed_at_civilians(sentence, mixed_people(sentence, r.mention.start, r.victim))
        victim = own_side(sentence, r.mention, checked_group(plain, specific_group(plain, sentence, article_text, agent),
                                                             sentence, article_text))
        victim = whose_soldiers(sentence, target_side(sentence, victim, perpetrator or agent), home, perpetrator or agent, article_text)
        victim = killers_enemy(_owned(sentence, r.mention.start, victim, home), sentence, perpetrator)
        if victim.type != "combatant" and aircraft:
            victim = aircraft_crew(victim, sentence, victim_phrase(sentence, r.mention.end)[1], article_text)
        victim = local_forces(sentence, victim, home, perpetrator or agent, article_text)
        victim = prisoners_of_war(sentence, object_victims(sentence, victim), r.outcome, (r.cue_start, r.cue_end))
        victim = deposed_loyalty(sentence, victim, article_text)
        victim = casualty_scope.war_total_victims(sentence, r.mention.start, r.mention.count.low or r.mention.count.best, victim)
        figures.append(Figure(r.mention, r.outcome, victim, perpetrator, r.total_start if r.total_start in starts else None))
    return tuple(figures)


def _owned(sentence: str, start: int, victim: Victim, home: str | None) -> Victim:
    """The side a possessive ("five of the group's fighters") or a foreign nationality word
    ("Iranian militants" in a Syrian article) gives victims of no side of their own."""
    own_words = victim.label is None or victim.label not in sentence[start:start + 60]  # no noun of its own
    if own_words and _cues()["own_losses_before"].search(sentence, max(0, start - 60), start):
        owner = speaker_owner(sentence, start, "its own ")  # "its own losses were 9 dead and 12 wounded"
        return Victim(owner, "own losses", "combatant") if owner else victim
    if victim.actor == "all" and victim.label is None:
        loser = losses_part_owner(sentence, start) or suffered_owner(sentence, start)  # "suffered 3,000 casualties"
        return Victim(loser, None, "combatant") if loser else victim
    if victim.type != "combatant":
        return victim
    owner = possessive_owner(sentence, start, victim.label) if victim.actor in ("unknown", "opposition") else None
    if owner is None and (victim.actor in ("unknown", "opposition") or bare_default(victim)):
        owner = speaker_owner(sentence, start, victim.label)  # "192 of its soldiers", "had lost 1,500 servicemen"
    if owner is None and victim.actor == "opposition" and home is not None:
        owner = foreign_framing(victim.label, _home_forces().get(home))
    return Victim(owner, victim.label, victim.type) if owner else victim


@lru_cache(maxsize=1)
def _home_forces() -> dict[str, str]:
    return {name.lower(): actor for name, actor in actors.country_forces().items()}


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
    figures = [f for f in read_figures(ctx.text, ctx.article.text) if not earlier_event(ctx.text, f.mention.start, ctx.published_at)]
    vague = None
    if not any(f.outcome == "wounded" for f in figures) and ("wound" in ctx.text or "injur" in ctx.text or "hurt" in ctx.text):
        vague = vague_wounded(ctx.text, [(f.victim, f.perpetrator) for f in figures if f.outcome == "killed"])
    if not figures and vague is None:
        return []
    when = dates.resolve_when(ctx.text, ctx.published_at)
    period_start, period_end = dates.find_period(ctx.text, ctx.published_at)
    place = _place(ctx.text)
    background = casualty_scope.is_background(ctx)
    claims = []
    rows = [(f.victim, f.outcome, f.mention.count, f.perpetrator, f.mention.start) for f in figures]
    if vague is not None:  # "... and injured many others": wounded without a figure
        rows.append((vague[0], "wounded", VAGUE, vague[1], len(ctx.text)))
    for victim, outcome, count, perpetrator, at in rows:
        own = clause_claimant(ctx.text, at) if ctx.claimant else None
        claims.append(CasualtyClaim(
            article_id=ctx.article.article_id,
            evidence=ctx.evidence,
            claimant=own.claimant if own else ctx.claimant,
            claimant_text=own.words if own else ctx.claimant_text,
            when=when,
            place=place,
            victim_actor=victim.actor,
            victim_label=victim.label,
            victim_type=victim.type,
            outcome=outcome,
            count=count,
            period_start=period_start,
            period_end=period_end,
            perpetrator_actor=perpetrator if perpetrator != victim.actor else None,
            is_background=background,
        ))
    starts = [f.mention.start for f in figures] + [len(ctx.text)] * (vague is not None)
    return casualty_links.link_parts(claims, starts, [f.total_start for f in figures] + [None] * (vague is not None))
