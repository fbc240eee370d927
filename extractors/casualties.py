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
from typing import Any

from .patterns import alternation, invert, whole_words
from . import actors, casualty_links, casualty_scope, dates, equipment_mentions, numbers, places
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
    total_start: int | None = None  # where the total this count is a part of starts ("605, including 245")


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
    "got", "get", "gets", "fled", "returned", "arrived", "remain", "remained", "went",
}
_NP_LEAD = re.compile(r"""^[\s"“”'‘’]*(?:(?:of|from)\s+(?:the\s+|them\b|whom\b)?)?""", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NOT_SPACE = re.compile(r"[^\s]")
_NOT_SPACE_OR_QUOTE = re.compile(r"[^\s\"“”'‘’]")


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
         re.compile(item.get("hint", ""), re.IGNORECASE), int(item.get("reach", 140)))
        for item in data["before"]
    ]
    return {
        "cue_words": cue_words,
        "after": after,
        "before": before,
        "breakdown": re.compile(data["breakdown"], re.IGNORECASE),
        "hint": re.compile(data["sentence_hint"], re.IGNORECASE),
        "hint_stems": literal_stems(data["sentence_hint"]),
        "stems": {w.split()[0] for w in cue_words},
        "not_victims": frozenset(w.lower() for w in data["not_victims"]),
        "group_framings": frozenset(w.lower() for w in data["group_framings"]),
        "loyal_to": re.compile(data["loyal_to"], re.IGNORECASE),
        "government_words": re.compile(data["government_words"], re.IGNORECASE),
        "opposition_context": re.compile(data["opposition_context"], re.IGNORECASE),
        "background": re.compile(data["background"], re.IGNORECASE),
        "partitive": re.compile(data["partitive"], re.IGNORECASE),
        "background_min": int(data["background_min"]),
        "background_always": int(data["background_always"]),
        "attack_frame": re.compile(data["attack_frame"], re.IGNORECASE),
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


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Number words that start a new count inside a list ("five", "twenty"); "one" is left
    out ("members of one family")."""
    data = load_yaml("numbers_vocabulary.yaml")
    return frozenset(w.lower() for kind in ("units", "tens") for w in data[kind] if w.lower() != "one")


def literal_stems(hint: str) -> tuple[str, ...]:
    """The lower-case literal words of a hint alternation ("kill|\\blost\\b" -> kill, lost)."""
    return tuple(sorted({part.replace(r"\b", "").lower() for part in hint.split("|")}))


def has_hint(text: str, stems: tuple[str, ...], hint: re.Pattern[str]) -> bool:
    """Cheap prefilter: plain substring tests first (fast); the hint regex only to confirm
    a stem that is not a plain literal ("die\\b" must not match "diesel")."""
    lowered = text.lower()
    found = [stem for stem in stems if stem in lowered]
    if not found:
        return False
    plain = _plain_stems(hint.pattern)
    if any(stem in plain for stem in found):
        return True
    return hint.search(text) is not None


@lru_cache(maxsize=8)
def _plain_stems(hint: str) -> frozenset[str]:
    """Parts of a hint alternation that are plain lower-case letters (no boundaries)."""
    return frozenset(part for part in hint.split("|") if re.fullmatch(r"[a-z ]+", part))


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
        if gap and (_NOT_SPACE if words else _NOT_SPACE_OR_QUOTE).search(gap):
            break  # punctuation between words ends the phrase
        word = m.group().lower().rstrip(".")
        if word == "and" and words and _coordinated_victim(text, m.end()):
            words += 1  # "rebels and jihadists", "women and children": one group of victims
            phrase_end = m.end()
            continue
        stop = word in _NP_STOP and not m.group().isupper()  # "IS" is an actor, "is" a verb
        stop = stop or (words > 0 and word in _number_words())  # "six women five children"
        if stop or word in stems or word.split("-")[0] in stems:
            break
        phrase_end = m.end() - (len(m.group()) - len(m.group().rstrip(".")))
        words += 1
        if words >= 6:
            break
    return text[end:phrase_end].strip(" \"“”'‘’"), phrase_end


def _coordinated_victim(text: str, at: int) -> bool:
    """True when the word after "and" at ``at`` is itself a victim noun (not a number)."""
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", text[at:at + 30])
    word = nxt.group(1).lower() if nxt else ""
    if not word or word in _number_words() or word in _NP_STOP or word.endswith(("ed", "ing")):
        return False  # "killed 90,000 people and displaced millions": a verb, not a group
    victim = resolve_victim(nxt.group(1))
    return victim is not None and victim is not UNSPECIFIED


_PRO_GOVERNMENT = re.compile(r"^(?:pro-(?:regime|government|assad)|regime|loyalist)\b", re.IGNORECASE)
_KURDISH = re.compile(r"^kurdish\s+(?:fighters|militiamen|militia|troops|forces|members|gunmen)\b", re.IGNORECASE)


def resolve_victim(phrase: str) -> Victim | None:
    """Victim group of a noun phrase; UNSPECIFIED when empty; None when the phrase names
    no people ("rockets", "Idlib")."""
    words = phrase.strip()
    if not words or words.lower() in ("others", "more", "other", "them", "of them", "people more"):
        return UNSPECIFIED
    head = re.split(r"\s+(?:of|out|from)\s+", words, maxsplit=1)[0].split()[-1].lower()
    if head in _cues()["not_victims"]:
        return None  # "23 terrorist targets", "two dens": things, not people
    table, pattern = _victim_table()
    found = pattern.search(words)
    named = [a for a in actors.find_actors(words) if a.actor_id not in ("civilians",)]
    if found:
        actor, kind = table[found.group().lower()]
        if kind == "combatant" and _PRO_GOVERNMENT.match(words):
            actor = "syrian_government"  # "pro-regime gunmen and security guards"
        elif kind == "combatant" and _KURDISH.match(words):
            actor = "sdf"
        elif kind == "combatant" and named:
            actor = named[0].actor_id
        return Victim(actor, words, kind)
    if named:
        return Victim(named[0].actor_id, words, "combatant")
    if _names_equipment(words):
        return None  # "5 SUVs with large-caliber weapons": equipment, not people
    if re.fullmatch(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}", words):
        return Victim("unknown", words, "unknown")  # a group named by a proper noun ("Lebanese")
    return None


def _names_equipment(phrase: str) -> bool:
    """True when a noun phrase opens with equipment of the catalogue ("SUVs", "T-72 tanks")."""
    found = equipment_mentions.find_equipment(phrase)
    return bool(found) and found[0].start == 0


def _perpetrator(sentence: str, reading: _Reading) -> str | None:
    """Who caused the casualties when the sentence says so: "killed by government shelling"
    (after the cue) or "Russian air strikes killed" (the subject before an active cue)."""
    table, pattern = _perpetrator_words()
    after = re.match(r"[^,.;]{0,30}?\bby\s+(?P<agent>[^,.;]{1,60})", sentence[reading.cue_end:])
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


def _victim_of_remains(sentence: str, cue_end: int) -> Victim | None:
    """"230 corpses of tribesmen", "12 bodies of soldiers": the victims after the cue."""
    if not sentence[:cue_end].lower().endswith(("bodies", "corpses", "remains")):
        return None
    m = re.match(r"\s+of\s+", sentence[cue_end:])
    if not m:
        return None
    victim = resolve_victim(victim_phrase(sentence, cue_end + m.end())[0])
    return victim if victim is not UNSPECIFIED else None


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


_PERFECT_AUX = re.compile(r"\b(?:have|has|had)\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:been|were|was|are|is|being)\b", re.IGNORECASE)


def _active_with_object(sentence: str, phrase_end: int, after: re.Match[str]) -> bool:
    """True when the outcome word after a count is an active verb with its own count as
    object ("bombers have killed at least 30"), not a participle ("were killed")."""
    between = sentence[phrase_end:phrase_end + after.start("cue")]
    if _PASSIVE_AUX.search(between) or not _PERFECT_AUX.search(between):
        return False  # "57 civilians killed 150 injured" (a headline) stays a toll
    rest = sentence[phrase_end + after.end("cue"):phrase_end + after.end("cue") + 40]
    following = numbers.find_counts(rest)
    return bool(following) and following[0].start <= 2


def _read(sentence: str, mention: numbers.CountMention) -> _Reading | None:
    """The casualty reading of one count with its own cue, or None."""
    cues = _cues()
    partitive = _read_partitive(sentence, mention)
    if partitive:
        return partitive
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    victim = resolve_victim(phrase)
    if victim is not None:
        victim = _loyal_to(sentence, phrase_end, victim)
    after = cues["after"].match(sentence[phrase_end:])
    if after and victim is not None and _active_with_object(sentence, phrase_end, after):
        after = None  # "two suicide bombers have killed at least 30 ...": the count is the killers
    if after and victim is not None:
        outcome = cues["cue_words"][re.sub(r"\s+", " ", after.group("cue").lower())]
        if victim is UNSPECIFIED:
            victim = _victim_of_remains(sentence, phrase_end + after.end("cue")) or victim
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
    window = re.sub(r"\ball\s+$", "", sentence[window_start:mention.start])  # "killing all five"
    for pattern, outcome, needs_victim, hint, reach in cues["before"]:
        offset = _short_window_start(window, reach)
        m = pattern.search(window, offset) if hint.search(window, offset) else None
        if not m or victim is None or (needs_victim and victim is UNSPECIFIED):
            continue
        start = window_start + m.start()
        active = not re.match(r"\s*(?:the\s+)?(?:death|toll|number|fatalities|deaths|dead|casualt|losses)",
                              m.group(), re.IGNORECASE)
        if victim is UNSPECIFIED and outcome in ("killed", "casualties") and not active:
            # "civilian death toll"; but in "Islamic State killed 270" the words before an
            # active verb are the perpetrator, not the victim
            victim = _victim_before_cue(sentence, start) or UNSPECIFIED
        if needs_victim and outcome == "killed" and (victim.actor == "unknown" or _is_framing(victim)):
            victim = _subject_victim(sentence[:start], victim)  # "Hezbollah lost 20 fighters"
        return _Reading(mention, outcome, victim, start, window_start + m.end(), active)
    return None


def _short_window_start(window: str, reach: int) -> int:
    """Where the last ``reach`` characters of ``window`` start, moved to a word start."""
    if len(window) <= reach:
        return 0
    space = window.find(" ", len(window) - reach)
    return space + 1 if space >= 0 else len(window)


def _is_framing(victim: Victim) -> bool:
    """True when the victim words are a generic hostile framing ("militants", "Takfiri
    terrorists") rather than a named group."""
    if victim.actor != "opposition" or not victim.label:
        return False
    words = re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", victim.label.lower()).split()
    # the head is the last word ("Takfiri terrorists"), or the first when the phrase runs
    # on in unpunctuated text ("militants the destruction of")
    return bool(words) and (words[-1] in _cues()["group_framings"] or words[0] in _cues()["group_framings"])


def _loyal_to(sentence: str, phrase_end: int, victim: Victim) -> Victim:
    """"fighters loyal to President Assad": the victims belong to whom they are loyal to."""
    if victim.type != "combatant":
        return victim
    label = victim.label or ""
    start = phrase_end - len(label.split()[-1]) - 1 if label.lower().endswith(("loyal", "allied", "affiliated")) else phrase_end
    m = _cues()["loyal_to"].match(sentence, max(start, 0))
    if not m:
        return victim
    whom = m.group("whom")
    named = [a.actor_id for a in actors.find_actors(whom) if a.actor_id != "civilians"]
    if named:
        return Victim(named[0], victim.label, victim.type)
    if _cues()["government_words"].search(whom):
        return Victim("syrian_government", victim.label, victim.type)
    return victim


def specific_group(victim: Victim, sentence: str, article_text: str = "") -> Victim:
    """A generic framing ("militants", "terrorists") becomes the one group the sentence,
    or else the article, is about ("Daesh attack ... left 28 militants dead" -> isis)."""
    if victim.actor == "unknown" and victim.type == "combatant" and _cues()["opposition_context"].search(sentence):
        return Victim("opposition", victim.label, victim.type)  # "fighters" among rebels only
    if not _is_framing(victim) or " and " in (victim.label or ""):
        return victim  # "rebels and jihadists": several groups, none named
    # an article that names a group only once in passing is not about it
    group = actors.main_group(sentence) if actors.group_counts(sentence) else actors.main_group(article_text, at_least=2)
    return Victim(group, victim.label, victim.type) if group else victim


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
    victim = resolve_victim(phrase)
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
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|plus|,)\s*", between, re.IGNORECASE):
                return _Reading(mention, nxt.outcome, victim, nxt.cue_start, nxt.cue_end, False)
            break
    return None


def _same_group(ordered: list[_Reading], sentence: str) -> list[_Reading]:
    """A count with no victim words of its own ("killing 10 terrorists and injuring 20
    others", "10 civilians were killed and another 17 injured") counts the same group as
    the figure with another outcome right before it."""
    out: list[_Reading] = []
    for reading in ordered:
        previous = out[-1] if out else None
        groups = {r.victim.actor for r in out if r.victim is not UNSPECIFIED}
        if (previous is not None and reading.victim is UNSPECIFIED and len(groups) == 1
                and previous.victim is not UNSPECIFIED and previous.outcome != reading.outcome
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
    "militants" stand for the one group the article is about."""
    cues = _cues()
    if not has_hint(sentence, cues["hint_stems"], cues["hint"]):
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
    ordered = _link_asides(_same_group([r for _, r in sorted(readings.items())], sentence), sentence)
    kept = [r for r in ordered if not _is_background(sentence, r.mention.count)]
    starts = {r.mention.start for r in kept}
    return [
        Figure(r.mention, r.outcome, _own_side(sentence, r, specific_group(r.victim, sentence, article_text)),
               _perpetrator(sentence, r), r.total_start if r.total_start in starts else None)
        for r in kept
    ]


def read_casualties(sentence: str, article_text: str = "") -> list[tuple[numbers.CountMention, str, Victim, str | None]]:
    """(count mention, outcome, victim, perpetrator) for every casualty figure in a sentence."""
    return [(f.mention, f.outcome, f.victim, f.perpetrator) for f in read_figures(sentence, article_text)]


_OWN = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:soldiers|troops|fighters|members|men|personnel|servicemen)\b",
                  re.IGNORECASE)
_BOTH_SIDES = re.compile(r"^[^.;]{0,40}?\b(?:on|from)\s+(?:both|all)\s+sides\b", re.IGNORECASE)


def _own_side(sentence: str, reading: _Reading, victim: Victim) -> Victim:
    """"The Turkish military said four of its soldiers were killed": the victims belong to
    the sentence's first armed actor; "300 fighters on both sides" are a mixed toll."""
    if victim.type == "combatant" and _BOTH_SIDES.match(sentence[reading.mention.end:]):
        return Victim("all", victim.label, "mixed")
    if not victim.label or not _OWN.search(victim.label):
        return victim
    owners = [a for a in actors.find_actors(sentence[:reading.mention.start]) if a.actor_id not in ("civilians", "unknown")]
    return Victim(owners[0].actor_id, victim.label, victim.type) if owners else victim


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
