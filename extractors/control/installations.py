"""Military installations and facilities as the object of a control trigger (helper
control6): "seized the headquarters of the Sudanese army's 16th Infantry Division in
Nyala", "overran the army's 46th Regiment base west of Aleppo and the town of Khan
al-Assal", "took the northeastern command headquarters in Lashio", "retook the police
station in Sderot", "took control of the Gaza side of the crossing with Egypt".

The phrase as written (without its article) is the place, typed ``base`` or ``facility``
(never a settlement, so ``territorial_control`` leaves it out); "in/at X" stays in the
name, "west of X" / "near X" does not (the base is not in X). A phrase counts only when
something marks it military or names it: a unit word ("Division"), an owner ("the army's", "police"), an ordinal ("46th"), or a name
inside or right after it. "the camp" alone stands for the last installation phrase with
that noun the article named (``recent_installation``)."""
from __future__ import annotations

import re
from itertools import islice
from functools import lru_cache

from ..actors import ActorMention, resolve_actor
from ..claims import Place
from ..sides import NOT_ARMED
from ..mentions.names import PlaceSpan, names_in
from ..places import resolve_place
from .frames import vocabulary as _vocab

_TOKEN = re.compile(r"[\w'’.-]+|,|\"|“|”")
_PREPOSITIONS = frozenset({"in", "at", "near", "of", "to", "from", "with", "on", "outside", "inside", "and", "or",
                           "by", "for", "into", "after", "as", "while", "which", "that", "who", ","})
_LOCATIVE = re.compile(r"\s+(?P<prep>in|at|inside|near|outside|on\s+the\s+(?:edge|outskirts)\s+of|"
                       r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?"
                       r"(?:(?:town|city|village|district|region|area)\s+of\s+)?", re.IGNORECASE)
_LEAD = re.compile(r"^\s*[\"“]?(?:(?P<det>the|an?|its|their)\s+)?(?:(?:[\w-]+\s+)side\s+of\s+the\s+)?", re.IGNORECASE)
_STATE_OWNERS = frozenset({"army", "military", "junta", "regime", "government"})  # the theatre's army
_WEAK = frozenset({"positions", "post", "outpost", "building", "complex", "compound", "camp"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    vocab = _vocab()
    kinds = {noun: kind for kind, nouns in vocab["installation_nouns"].items() for noun in nouns}
    return (kinds, frozenset(vocab["installation_units"]),
            frozenset(vocab["installation_owners"]))


def _head_at(words: list[str], i: int, kinds: dict[str, str]) -> tuple[str, int] | None:
    """The installation noun starting at word ``i`` (two-word nouns first) and its length."""
    pair = " ".join(words[i:i + 2]).lower()
    if i + 1 < len(words) and pair in kinds:
        return pair, 2
    one = words[i].lower()
    return (one, 1) if one in kinds else None


def object_installation(region: str, start: int) -> list[PlaceSpan]:
    """The installation phrase heading ``region`` (the object after a trigger ending at
    ``start``), with any names listed after it ("... base and the town of X"); [] when the
    object is not one."""
    kinds, units, owners = _tables()
    lead = _LEAD.match(region)
    tokens = list(islice(_TOKEN.finditer(region, lead.end()), 16))  # not every token of the region's rest
    words = [t.group() for t in tokens]
    head = None
    for i in range(min(len(words), 9)):
        found = _head_at(words, i, kinds)
        if found is not None and not (found[0] in units and i + found[1] < len(words)
                                      and _head_at(words, i + found[1], kinds)):  # "command headquarters"
            head = (i, *found)
            break
        if words[i].lower() in _PREPOSITIONS:
            return []
    if head is None:
        return []
    i, noun, size = head
    end = tokens[i + size - 1].end()
    before = [w.lower().rstrip("'’s") if w.lower().endswith(("'s", "’s")) else w.lower() for w in words[:i]]
    cue = any(w in units or w in owners or _ORDINAL.match(w) for w in before) or any(
        w.endswith(("'s", "’s")) or w[:1].isupper() for w in words[:i])
    of = re.match(r"\s+of\s+(?:the\s+)?((?:[\w'’-]+\s+){0,5}?[\w'’-]+)(?=\s+(?:in|at|near|outside|inside|on|with|"
                  r"(?:north|south|east|west)\w*\s+of)\b|\s*[,.;]|\s+and\b|\s*$)", region[end:])
    if of is not None and not re.search(r"\b(?:villages?|towns?|city|people|civilians)\b", of.group(1)):
        complement = of.group(1).lower().split()
        cue = cue or any(w.rstrip("'’s") in owners or w in units or w.endswith(("'s", "’s")) or _ORDINAL.match(w)
                         for w in complement) or any(w[:1].isupper() for w in of.group(1).split())
        end += of.end()
    elif lead.group("det") is None and not cue:
        return []
    with_ = re.match(r"\s+with\s+[A-Z][\w'’-]+", region[end:])  # "the crossing with Egypt"
    if with_:
        end += with_.end()
    named: PlaceSpan | None = None
    loc = _LOCATIVE.match(region, end)
    if loc is not None:
        names = names_in(region[loc.end():loc.end() + 80], start + loc.end())
        if names and names[0].start == start + loc.end():
            named = names[0]
            if not re.match(r"(?:near|outside|on|north|south|east|west)", loc.group("prep"), re.IGNORECASE):
                end = names[0].end - start
            again = _LOCATIVE.match(region, names[0].end - start)  # "main base in West Darfur at Ardamata"
            more = names_in(region[again.end():again.end() + 80], start + again.end()) if again else []
            if more and more[0].start == start + again.end() and again.group("prep").lower() in ("at", "in") and end == names[0].end - start:
                named, end = more[0], more[0].end - start
    if noun in _WEAK and named is None and not any(w in units or w in owners or _ORDINAL.match(w) for w in before):
        return []  # "captured Russian positions": no place without where they stand
    if not cue and named is None:
        return []
    phrase_start = lead.end() if not re.match(r"\s*[\"“]?(?:the|an?|its|their)\s+\w+\s+side\s+of", region, re.I) else \
        re.match(r"\s*[\"“]?(?:the|an?|its|their)\s+", region, re.I).end()
    phrase = region[phrase_start:end].strip(" ,\"“”")
    if not phrase or len(phrase) < 4:
        return []
    if named is None:  # "the Rafah crossing": where the name inside it lies
        inner = names_in(region[phrase_start:end], start + phrase_start)
        named = next((n for n in inner if n.place.latitude is not None), None)
    where = named.place if named is not None else Place(name="")
    place = Place(name=phrase, admin1=where.admin1, latitude=where.latitude, longitude=where.longitude,
                  precision="unresolved" if where.latitude is None else "place", place_type=kinds[noun] if noun not in
                  ("airport", "airbase", "air base") else "airport")
    out = [PlaceSpan(phrase, start + phrase_start, start + end, place)]
    after = max(end, named.end - start) if named is not None else end  # "... base west of Aleppo and X"
    more = re.match(r"\s*,?\s+and\s+(?:the\s+)?(?:(?:town|village|city|district)\s+of\s+)?", region[after:])
    if more:
        names = names_in(region[after + more.end():after + more.end() + 80], start + after + more.end())
        if names and names[0].start == start + after + more.end():
            out.append(names[0])
    return out


@lru_cache(maxsize=1)
def _anaphor() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, _vocab()["installation_anaphors"]), key=len, reverse=True))
    return re.compile(rf"^\s*the\s+({nouns})\b(?!\s+(?:of|in|at|near)\b)", re.IGNORECASE)


def recent_installation(region: str, start: int, earlier: list[str]) -> list[PlaceSpan]:
    """"its fighters had taken the camp": the last installation phrase with that noun in
    ``earlier`` (this sentence before the trigger, then the sentences before it, nearest
    first); offsets are the anaphor's."""
    m = _anaphor().match(region)
    if m is None:
        return []
    noun = m.group(1).lower()
    pattern = re.compile(rf"\b(?:an?|the|its|their)\s+(?:[\w'’-]+\s+){{0,4}}?{noun}\b", re.IGNORECASE)
    for text in earlier:
        for found in reversed(list(pattern.finditer(text))):
            spans = object_installation(text[found.start():found.start() + 200], 0)
            if spans and noun in spans[0].name.lower() and spans[0].name.lower() != noun:
                span = spans[0]
                return [PlaceSpan(span.name, start + m.start(1), start + m.end(1), span.place)]
    return []


def is_installation(span: PlaceSpan) -> bool:
    """A place ``object_installation`` made: named by the text, typed base/facility/airport
    (passes the known-place test of bare "took": "took the army's 275th Infantry Battalion
    base at Thay Baw Boe")."""
    return (span.place.place_id is None and span.place.place_type in ("base", "facility", "airport")
            and " " in span.name.strip())


def owner_inside(ctx_actors: list[ActorMention], spans: list[PlaceSpan]) -> ActorMention | None:
    """The armed actor named inside an installation object ("the army's 275th Infantry
    Battalion base", "the headquarters of the military's Northeastern Command"): the base's
    holder, i.e. the previous controller, never its captor. ``ctx_actors``: the sentence's
    armed actor mentions (offsets into the sentence)."""
    for span in spans:
        for mention in ctx_actors:  # "the army's ...": the mention may take the article before the phrase
            if span.start - 4 <= mention.start and mention.end <= span.end + 2 and span.end > span.start:
                return mention  # "Syrian army positions on the Syrian side of Mount Hermon" too
        if not is_installation(span):
            continue
        for word in re.finditer(r"([A-Za-z]+)['’]s\b", span.name):  # "the military's": a possessive owner
            owner = word.group(1).lower()
            actor = resolve_actor(word.group(1)) or (resolve_actor("army") if owner in _STATE_OWNERS else None)
            if actor is not None and actor not in NOT_ARMED:
                at = span.start + word.start(1) if span.end - span.start == len(span.name) else span.start
                return ActorMention(word.group(1), actor, at, at + len(word.group(1)))
    return None


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_INSTALLATION_TYPES = frozenset({"base", "facility", "airport", "prison"})


def _unnamed(change) -> bool:
    """An installation phrase with no name in it and no place it stands in ("a multinational
    military base", "the provincial government headquarters", "the last military camp",
    "military's western command"): nothing an analyst can map by itself."""
    from ..actors import demonym_actors
    place = change.place
    if place is None or place.place_id or place.place_type not in _INSTALLATION_TYPES or place.latitude is not None:
        return False
    words = [w.group() for w in _CAPITALISED.finditer(place.name)]
    return not any(w.rstrip("'’s").lower() not in demonym_actors() for w in words)


def _named(change) -> bool:
    place = change.place
    return place is not None and (place.place_id is not None or (
        not _unnamed(change) and _CAPITALISED.search(place.name) is not None))


def without_unnamed_details(changes: list) -> list:
    """An unnamed installation taken in the same sentence as a named place ("seized the town of
    Baga ... and overran a multinational military base there", "overran the city of Mosul,
    seizing the provincial government headquarters"), or in a headline whose lead names what
    was taken ("Arakan Army takes last junta outpost" over "captured the last military outpost
    in Maungdaw"), is a detail of that named change: its row is dropped (helper control10w).
    Told in a sentence of its own it stays ("Jihadists overran a military camp"; "... and
    seized the central prison" after a sentence about the city)."""
    if not any(_unnamed(c) for c in changes):
        return changes
    named = [c.evidence for c in changes if _named(c)]
    return [c for c in changes if not (_unnamed(c) and any(
        e.start == c.evidence.start or (c.evidence.start == 0 and c.evidence.end < e.start <= c.evidence.end + 300)
        for e in named))]
