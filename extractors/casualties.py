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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .patterns import alternation, invert, whole_words
from . import actors, dates, numbers, places
from .claims import CasualtyClaim, Count, Place
from .context import SentenceContext
from .reference import load_csv, load_yaml


@dataclass(frozen=True)
class Victim:
    """Who the casualties were: actor id (or civilians / all / unknown), words, type."""

    actor: str
    label: str | None
    type: str


@dataclass(frozen=True)
class _Reading:
    """One count read as a casualty figure (before it becomes a claim)."""

    mention: numbers.CountMention
    outcome: str
    victim: Victim
    cue_start: int  # where the outcome cue starts in the sentence
    cue_end: int
    active: bool  # the cue comes before the count ("killing 12"): its subject is the perpetrator


UNSPECIFIED = Victim("all", None, "mixed")

_NP_STOP = {
    "who", "that", "which", "were", "was", "are", "is", "have", "has", "had", "been", "in",
    "on", "at", "by", "after", "during", "when", "while", "as", "and", "with", "near",
    "following", "since", "for", "across", "into", "to", "over", "under", "inside", "outside",
    "amid", "including", "among", "due", "because", "this", "last", "yesterday", "today",
    "or", "but", "so", "if", "than", "will", "would", "could", "may", "might", "all",
    "according", "between", "throughout", "within", "overnight", "mostly", "mainly", "most",
    "many", "some", "not", "near", "per", "each", "despite", "kill", "kills", "killing",
    "injure", "injures", "injuring", "wounding", "wound", "leaving", "left", "said", "says",
}
_NP_LEAD = re.compile(r"""^[\s"“”'‘’]*(?:(?:of|from)\s+(?:the\s+|them\b|whom\b)?)?""", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    """Compiled cue patterns from the YAML vocabulary."""
    data = load_yaml("casualty_cues.yaml")
    cue_words = invert(data["after"])
    cues = alternation(cue_words)
    filler = alternation(data["after_filler"])
    aside = (  # "12 people, including 5 children, were killed"; "mostly women and children"
        r"(?P<aside>\s*[,(–-]?\s*(?:including|mostly|mainly|among\s+them|most\s+of\s+them|many\s+of\s+them)"
        r"\b[^,.;()–]{0,60}?(?:\s*[,)–-](?=\s)|(?=\s)))?"
    )
    place = r"(?:\s+(?:in|near|across|around)\s+(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?(?:\s+province)?)?"
    after = re.compile(
        rf"^{aside}{place}(?:\s*,?\s*(?:{filler})\b)*\s*,?\s*(?P<cue>{cues})\b",
        re.IGNORECASE,
    )
    before = [
        (re.compile(item["pattern"], re.IGNORECASE), item["outcome"], bool(item.get("needs_victim")),
         re.compile(item.get("hint", ""), re.IGNORECASE))
        for item in data["before"]
    ]
    return {
        "cue_words": cue_words,
        "after": after,
        "before": before,
        "breakdown": re.compile(data["breakdown"], re.IGNORECASE),
        "hint": re.compile(data["sentence_hint"], re.IGNORECASE),
        "stems": {w.split()[0] for w in cue_words},
    }


@lru_cache(maxsize=1)
def _victim_table() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    table = {row["word"].strip().lower(): (row["victim_actor"].strip(), row["victim_type"].strip())
             for row in load_csv("casualty_victims.csv")}
    return table, whole_words(table)


@lru_cache(maxsize=1)
def _perpetrator_words() -> tuple[dict[str, str], re.Pattern[str]]:
    """Attack qualifiers ("government", "Russian") -> actor id, and their pattern."""
    words = {row["word"].strip().lower(): row["actor_id"].strip() for row in load_csv("casualty_perpetrators.csv")}
    return words, whole_words(words)


def victim_phrase(text: str, end: int) -> tuple[str, int]:
    """The noun phrase right after a count ("civilians", "from HTS", "of militants"), and
    where it ends; it stops at punctuation, a verb or preposition, or an outcome word."""
    lead = _NP_LEAD.match(text[end:])
    cursor = end + (lead.end() if lead else 0)
    phrase_end = cursor
    stems = _cues()["stems"]
    words = 0
    for m in _WORD.finditer(text, cursor):
        gap = text[phrase_end:m.start()]
        if words and re.search(r"[^\s]", gap) or not words and re.search(r"[^\s\"“”'‘’]", gap):
            break
        word = m.group().lower().rstrip(".")
        stop = word in _NP_STOP and not m.group().isupper()  # "IS" is an actor, "is" a verb
        if stop or word in stems or word.split("-")[0] in stems:
            break
        phrase_end = m.end() - (len(m.group()) - len(m.group().rstrip(".")))
        words += 1
        if words >= 6:
            break
    return text[end:phrase_end].strip(" \"“”'‘’"), phrase_end


def resolve_victim(phrase: str) -> Victim | None:
    """Victim group of a noun phrase; UNSPECIFIED when empty; None when the phrase names
    no people ("rockets", "Idlib")."""
    words = phrase.strip()
    if not words or words.lower() in ("others", "more", "other", "them", "of them", "people more"):
        return UNSPECIFIED
    table, pattern = _victim_table()
    found = pattern.search(words)
    named = [a for a in actors.find_actors(words) if a.actor_id not in ("civilians",)]
    if found:
        actor, kind = table[found.group().lower()]
        if kind == "combatant" and named:
            actor = named[0].actor_id
        return Victim(actor, words, kind)
    if named:
        return Victim(named[0].actor_id, words, "combatant")
    if re.fullmatch(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}", words):
        return Victim("unknown", words, "unknown")  # a group named by a proper noun ("Lebanese")
    return None


def _perpetrator(sentence: str, reading: _Reading) -> str | None:
    """Who caused the casualties when the sentence says so: "killed by government shelling"
    (after the cue) or "Russian air strikes killed" (the subject before an active cue)."""
    table, pattern = _perpetrator_words()
    after = re.match(r"[^,.;]{0,30}?\bby\s+(?P<agent>[^,.;]{1,60})", sentence[reading.cue_end:])
    regions = []
    if after:
        regions.append(after.group("agent"))
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


def _victim_before_cue(sentence: str, cue_start: int) -> Victim | None:
    """A victim adjective just before a toll word: "civilian death toll", "militant casualties"."""
    window = sentence[max(0, cue_start - 30):cue_start]
    words = " ".join(window.split()[-2:])
    victim = resolve_victim(words) if words else None
    return victim if victim is not None and victim is not UNSPECIFIED else None


def _subject_victim(before: str, victim: Victim) -> Victim:
    """The actor named just before "lost" owns the losses: "Hezbollah lost 20 fighters"."""
    clause = re.split(r"[,;:]|\bthat\b", before)[-1]
    named = [a.actor_id for a in actors.find_actors(clause) if a.actor_id != "civilians"]
    return Victim(named[-1], victim.label, victim.type) if named else victim


def _read(sentence: str, mention: numbers.CountMention) -> _Reading | None:
    """The casualty reading of one count with its own cue, or None."""
    cues = _cues()
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    victim = resolve_victim(phrase)
    after = cues["after"].match(sentence[phrase_end:])
    if after and victim is not None:
        outcome = cues["cue_words"][re.sub(r"\s+", " ", after.group("cue").lower())]
        start = phrase_end + after.start("cue")
        reading = _Reading(mention, outcome, victim, start, phrase_end + after.end("cue"), False)
        # an outcome reached only across an aside ("killed 100 people including 25 children
        # and injured 400") yields to a cue right before the count
        if not after.group("aside"):
            return reading
        return _read_before(sentence, mention, victim) or reading
    return _read_before(sentence, mention, victim)


def _read_before(sentence: str, mention: numbers.CountMention, victim: Victim | None) -> _Reading | None:
    """The reading given by a cue that ends right before the count ("killing 12")."""
    cues = _cues()
    window_start = max(0, mention.start - 140)
    window = sentence[window_start:mention.start]
    for pattern, outcome, needs_victim, hint in cues["before"]:
        m = pattern.search(window) if hint.search(window) else None
        if not m or victim is None or (needs_victim and victim is UNSPECIFIED):
            continue
        start = window_start + m.start()
        if victim is UNSPECIFIED and outcome in ("killed", "casualties"):
            victim = _victim_before_cue(sentence, start) or UNSPECIFIED
        if needs_victim and outcome == "killed" and victim.actor == "unknown":
            victim = _subject_victim(sentence[:start], victim)  # "Hezbollah lost 20 fighters"
        active = not re.match(r"\s*(?:the\s+)?(?:death|toll|number|fatalities|deaths|dead|casualt|losses)",
                              m.group(), re.IGNORECASE)
        return _Reading(mention, outcome, victim, start, window_start + m.end(), active)
    return None


def _inherit(sentence: str, mention: numbers.CountMention, readings: list[_Reading]) -> _Reading | None:
    """A count without a cue of its own: a part of a toll it follows ("605, including 245
    from HTS") or coordinated with the next count ("3 soldiers and 5 civilians were killed")."""
    cues = _cues()
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    victim = resolve_victim(phrase)
    if victim is None:
        return None
    for head in reversed([r for r in readings if r.mention.end <= mention.start]):
        between = sentence[head.mention.end:mention.start]
        if cues["breakdown"].search(between) and not re.search(r"[;.]", between):
            return _Reading(mention, head.outcome, victim, head.cue_start, head.cue_end, head.active)
    for nxt in readings:
        if nxt.mention.start >= phrase_end and not nxt.active:
            between = sentence[phrase_end:nxt.mention.start]
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|plus|,)\s*", between, re.IGNORECASE):
                return _Reading(mention, nxt.outcome, victim, nxt.cue_start, nxt.cue_end, False)
            break
    return None


def read_casualties(sentence: str) -> list[tuple[numbers.CountMention, str, Victim, str | None]]:
    """(count mention, outcome, victim, perpetrator) for every casualty figure in a sentence."""
    if not _cues()["hint"].search(sentence):
        return []
    mentions = numbers.find_counts(sentence)
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
    return [
        (r.mention, r.outcome, r.victim, _perpetrator(sentence, r))
        for _, r in sorted(readings.items())
    ]


def _place(sentence: str) -> Place | None:
    try:
        found = places.find_places(sentence)
    except Exception:  # the places module belongs to another owner; never fail on it
        return None
    return found[0].place if found else None


def extract(ctx: SentenceContext) -> list[CasualtyClaim]:
    """Casualty claims stated in one sentence."""
    figures = read_casualties(ctx.text)
    if not figures:
        return []
    when = dates.resolve_when(ctx.text, ctx.published_at)
    period_start, period_end = dates.find_period(ctx.text, ctx.published_at)
    place = _place(ctx.text)
    claims = []
    for mention, outcome, victim, perpetrator in figures:
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
            outcome=outcome,
            count=mention.count,
            period_start=period_start,
            period_end=period_end,
            perpetrator_actor=perpetrator if perpetrator != victim.actor else None,
        ))
    return claims
