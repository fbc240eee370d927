"""Control changes: who took, retook, entered, encircled or left which place.

One ``ControlChange`` per place and trigger. The rules, in the order they run:

1. Triggers (``seeds/reference/control_vocabulary.yaml``): active verbs ("rebels seized X"),
   passives ("X was captured by Y", "seized by Y were A, B and C"), "X fell to Y" and nouns
   ("the recapture of X").
2. A trigger is dropped when it is not a reported event: failed attempts, intentions,
   denials, negations, modals, conditions, background ("since", a year before the
   article's), an adjective use ("the besieged town"), or an entry that only reinforces
   one's own side ("entered ... with a convoy to support ...").
3. The place(s): names after the trigger, one claim per name in a list ("A, B, and the
   town of C"); "18 villages in Hama province" keeps the whole phrase with the province's
   admin1 precision; "the city" falls back to the city named just before.
4. Actors: the agent is the nearest actor before the trigger (or after "by"); generic
   framings become the group the article names ("militants" -> hts). A withdrawal (or "lost
   control of") makes the agent the previous controller and the opponent named in the
   sentence, else the article's main opponent, the new one.
5. Date from ``dates.resolve_when`` on the sentence, else on earlier sentences of its
   paragraph; claimant from the sentence context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .patterns import alternation, substring_finder
from . import dates
from .actors import ActorMention, find_actors, resolve_actor, specific_actor
from .claims import UNKNOWN_DATE, ControlChange, DateSpan, Place
from .context import SentenceContext
from .places import find_places, resolve_place
from .reference import load_yaml

GOVERNMENT_SIDE = frozenset({"syrian_government", "russia", "iran", "hezbollah"})
REBEL_SIDE = frozenset({"hts", "opposition", "sna", "turkey"})
KURDISH_SIDE = frozenset({"sdf", "us_coalition"})
NOT_ARMED = frozenset({"civilians", "unknown"})
_DAYS_MONTHS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    "April|June|July|August|September|October|November|December"
)


@dataclass(frozen=True)
class Trigger:
    """A control-change word in a sentence (offsets into the sentence text)."""

    form: str  # active, passive, listed_by, reduced_passive, from_passive, expel, fell_to, nominal
    change: str  # capture, recapture, entry, encirclement, withdrawal, lost, surrender
    start: int
    end: int


@dataclass(frozen=True)
class PlaceSpan:
    """A place read from a sentence (offsets into the sentence text)."""

    name: str
    start: int
    end: int
    place: Place


def _alternation(phrases: list[str]) -> str:
    """Phrases whose words may be separated by a closing quote as well as space."""
    return alternation(phrases, flexible_space=r"[\"”“']?\s+")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    return load_yaml("control_vocabulary.yaml")


@lru_cache(maxsize=1)
def _trigger_patterns() -> tuple[tuple[str, str, str], ...]:
    """(form, change, pattern text) for every trigger family, in priority order."""
    vocab = _vocab()
    out: list[tuple[str, str, str]] = []
    aux = r"(?:is|was|were|are|has\s+been|have\s+been|had\s+been|being|been)"
    adverb = r"(?:\s+(?:now|currently|reportedly|fully|completely|almost|nearly|partially|already|also))?"
    for change, words in vocab["passive"].items():
        out.append(("passive", change, rf"\b{aux}{adverb}\s+(?:{_alternation(words)})\s+by\b"))
    for change, words in vocab["listed_by"].items():
        out.append(("listed_by", change,
                    rf"(?<![\w-])(?:{_alternation(words)})\s+by\b(?=[^.;]{{0,60}}?\b(?:were|are|included|include)\b)"))
    for change, words in vocab["passive"].items():
        out.append(("reduced_passive", change, rf"(?<![\w-])(?:{_alternation(words)})\s+by\b"))
    for change, words in vocab["from_passive"].items():
        out.append(("from_passive", change, rf"(?<![\w-])(?:{_alternation(words)})\s+from\b"))
    expel = _alternation(vocab["expel"]["verbs"])
    out.append(("expel", "capture",
                rf"(?<![\w-])(?:{expel})(?!\s+by\b)\s+(?:the\s+)?(?:[\w'’-]+\s+){{1,5}}?(?:out\s+of|out\s+from|from)\s+(?:the\s+)?"))
    out.append(("fell_to", "capture", rf"\b(?:{_alternation(vocab['fell_to'])})\b"))
    for change, words in vocab["nominal"].items():
        out.append(("nominal", change,
                    rf"\b(?:the|its|their|his|a)\s+(?:[\"“]?[\w-]+[\"”]?\s+)?[\"“]?(?:{_alternation(words)})[\"”]?\s+(?:of|from)\b"))
    for change, words in vocab["active"].items():
        out.append(("active", change, rf"(?<![\w-])(?:{_alternation(words)})(?![\w-])"))
    return tuple(out)


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern[str]:
    """All trigger families in one pattern (group ``t<i>`` = family i)."""
    families = "|".join(f"(?P<t{i}>{pattern})" for i, (_, _, pattern) in enumerate(_trigger_patterns()))
    return re.compile(families, re.IGNORECASE)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Words a trigger can start with: the pattern is only tried where one of them stands."""
    return _phrase_starts() | _AUXILIARIES | _DETERMINERS


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """First words of the vocabulary's own phrases ("were" of "were in full control of")."""
    vocab = _vocab()
    groups = ("active", "passive", "listed_by", "from_passive", "nominal")
    phrases = [w for group in groups for ws in vocab[group].values() for w in ws]
    phrases += vocab["fell_to"] + vocab["expel"]["verbs"]
    return frozenset(re.split(r"[\s-]", p.strip())[0].lower() for p in phrases)


_WORD = re.compile(r"[A-Za-z]+")
_AUXILIARIES = frozenset({"is", "was", "were", "are", "has", "have", "had", "being", "been"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "a"})


@lru_cache(maxsize=1)
def _only_passive_starts() -> frozenset[str]:
    """Auxiliaries that start a trigger only as a passive ("was captured by")."""
    return _AUXILIARIES - _phrase_starts()


@lru_cache(maxsize=1)
def _only_nominal_starts() -> frozenset[str]:
    """Determiners that start a trigger only as a noun form ("the capture of")."""
    return _DETERMINERS - _phrase_starts()


@lru_cache(maxsize=1)
def _nominal_nouns() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for words in _vocab()["nominal"].values() for w in words}))


# Word stems of every trigger: a sentence without any of them is skipped at once.
_STEMS = (
    "seiz", "captur", "control", "took", "taken", "taking over", "take over", "overr", "storm",
    "wrest", "conquer", "occup", "retook", "retak", "regain", "reclaim", "liberat", "enter",
    "into", "encircl", "besieg", "siege", "surround", "cut off", "withdr", "retreat", "pull",
    "depart", "left", "leav", "abandon", "redeploy", "reloc", "lost", "losing", "surrender",
    "fell", "fall", "evacuat", "fallen", "establish", "impos", "restor", "freed", "freeing", "won",
    "drove", "driving", "push", "expel", "oust", "kick", "chas", "forc", "inside", "takeover", "ground",
)


_STEM_FINDER = substring_finder(_STEMS)


def _has_stem(text: str) -> bool:
    """Cheap test: does a sentence hold any trigger word at all?"""
    return _STEM_FINDER.search(text.lower()) is not None


def _find_triggers(text: str) -> list[Trigger]:
    """Triggers left to right; at one position passive, listed, "fell to" and noun forms
    come before plain verbs."""
    families = _trigger_patterns()
    regex, firsts = _trigger_regex(), _first_words()
    low = text.lower()
    if " by" not in low:  # every passive form ends in "by"
        firsts = firsts - _only_passive_starts()
    if not any(noun in low for noun in _nominal_nouns()):  # "the capture of"
        firsts = firsts - _only_nominal_starts()
    found: list[Trigger] = []
    resume = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < resume or word.group().lower() not in firsts:
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        m = regex.match(text, start)
        if m:
            form, change, _ = families[int(m.lastgroup[1:])]
            found.append(Trigger(form, change, m.start(), m.end()))
            resume = m.end()
    return found


# ---------------------------------------------------------------- modality filters

@lru_cache(maxsize=1)
def _not_event_pattern() -> re.Pattern[str]:
    words = [w.strip() for w in _vocab()["not_an_event"]]
    variants = set(words) | {w[0].upper() + w[1:] for w in words if w.lower() != "may"}
    return re.compile(r"(?<![\w'])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(variants, key=len, reverse=True)
    ) + r")(?![\w])")


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_CLAUSE_BREAK = re.compile(r"[;:—]|,\s+(?:but|while|although|whereas)\b|\b(?:but|while|whereas)\b")


def _window_before(text: str, start: int, words: int = 12) -> str:
    """Up to ``words`` words before ``start``, not crossing a clause break."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    return " ".join(before.split()[-words:])


# "since late last week the rebels have taken ...": a recent anchor, not background
_RECENT_SINCE = re.compile(
    rf"\s+(?:late\s+|early\s+)?(?:last\s+(?:week|night|month)|yesterday|the\s+weekend|this\s+week|dawn|"
    rf"(?:{_DAYS_MONTHS})\b)", re.IGNORECASE)


def _is_reported_event(text: str, trigger: Trigger, published_year: int | None) -> bool:
    """False for failed attempts, intentions, denials, modals, background and adjectives."""
    window = _window_before(text, trigger.start)
    for m in _not_event_pattern().finditer(window):
        if m.group().lower() != "since" or not _RECENT_SINCE.match(window, m.end()):
            return False
    infinitive = re.search(r"(\w+)\s+to\s+(?:\w+ly\s+)?$", window + " ") or re.search(
        r"(\w+)\s+to\s+[a-z]+\b[^,;.]{0,60}\band\s+(?:[a-z]+\s+)?$", window + " ")
    if infinitive and infinitive.group(1).lower() not in _vocab()["success_before_to"]:
        return False  # "to take", "to advance on X and complete the encirclement of"
    if trigger.form == "active" and _is_adjective(text, trigger):
        return False  # "the besieged town of ...", "two captured villages"
    words = text[trigger.start:trigger.end].split()
    if trigger.form == "expel":
        words = words[:1]  # the expelled actor's name may be capitalised
    capitals = [w for i, w in enumerate(words) if w[0].isupper() and (i > 0 or trigger.start > 0)]
    if capitals and not _is_title(text):
        return False  # part of a name: "Organization for the Liberation of the Levant"
    for year in _YEAR.findall(text):
        if published_year is None or int(year) < published_year:
            return False
    return True


def _is_adjective(text: str, trigger: Trigger) -> bool:
    """A participle used as an adjective: after a determiner, number, preposition or a
    "-held" word ("the captured town", "19 besieged areas", "government-held besieged")."""
    word = text[trigger.start:trigger.end].split()[0].lower()
    if not re.search(r"(?:ed|en|un)$", word):
        return False
    before = re.search(r"([\w'’-]+)\s*$", text[:trigger.start])
    if before is None:
        return False
    prev = before.group(1).lower()
    return (
        prev in _vocab()["adjective_before"] or prev.isdigit()
        or prev.endswith(("-held", "-controlled", "-besieged"))
    )


def _is_title(text: str) -> bool:
    """A headline in title case ("Militants Seize Control of Major City")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _is_reinforcement(text: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in _vocab()["reinforcement"])


# ---------------------------------------------------------------- places

@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    art = r"(?:al|el|an|ar|as|ash|at|az|ad|ez|ed|ath)"
    spaced = r"(?:al|el)"  # "al Bab"; "at Kasab", "as Syria" are English
    part = r"(?:[A-Z][\w'’ʼ`]*|\d+[A-Za-z]*)"
    tails = _alternation(_vocab()["name_tails"])
    return re.compile(
        rf"(?<![\w'’-])(?:{art}-|{spaced}\s)?[A-Z][\w'’ʼ`]*"
        rf"(?:(?:-|\s|\s{art}-|\s{spaced}\s|-{art}-){part})*"
        rf"(?:\s(?:{tails})(?![\w-]))?"
    )


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _vocab()["not_place_words"]) | {"city", "town", "village", "country"}


def _clean_name(name: str) -> str | None:
    """Drop leading words that never start a place ("The", "Syrian"); None if nothing is left."""
    tokens = name.split()
    while tokens and tokens[0].lower().strip("'’") in _not_place_words():
        tokens = tokens[1:]
    for i, token in enumerate(tokens):  # "Sarrin Monday": the name stops at such a word
        if i and token.lower().strip("'’") in _not_place_words():
            tokens = tokens[:i]
            break
    if not tokens:
        return None
    cleaned = " ".join(tokens)
    if len(tokens) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:ian|ish|ese)", cleaned):
        return None  # a demonym ("Russian equipment")
    if re.fullmatch(r"[\d\s]+", cleaned):
        return None
    return cleaned


def _is_actor_name(name: str) -> bool:
    """True when the whole name is an armed actor's name ("HTS", "Hayat Tahrir al-Sham"),
    also as a possessive with its apostrophe lost ("Nusra Fronts strongholds")."""
    for form in (name, re.sub(r"['’]?s$", "", name)):
        mentions = find_actors(form)
        if mentions and mentions[0].start == 0 and mentions[-1].end >= len(form.rstrip()) - 1:
            return True
    return False


_DIRECTION_BEFORE = re.compile(
    r"(?<![\w-])(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+$")


def _names_in(text: str, offset: int) -> list[PlaceSpan]:
    """Candidate place names in ``text`` (offsets shifted by ``offset``)."""
    spans: list[PlaceSpan] = []
    for m in _name_pattern().finditer(text):
        raw = m.group()
        cleaned = _clean_name(raw)
        if cleaned is None:
            continue
        start = m.start() + raw.index(cleaned)
        direction = _DIRECTION_BEFORE.search(text[:start])
        if direction:  # "eastern Ghouta", "northern Hama"
            cleaned, start = text[direction.start():start + len(cleaned)], direction.start()
        place = resolve_place(cleaned)
        if place.precision == "unresolved" and _is_actor_name(cleaned):
            continue
        if place.precision == "country":
            continue
        spans.append(PlaceSpan(cleaned, offset + start, offset + start + len(cleaned), place))
    return spans


_OBJECT_END = re.compile(
    r"[.;!?()\[\]—]|\s[-–]\s|,\s+(?:while|but|as|after|before|which|where|when|who|bringing|"
    r"pushing|forcing|killing|leaving|freeing|according|said|says|sources?)\b|"
    r",\s+(?:[\w'’-]+\s+){1,6}?(?:said|says|reported|reports|told|added|announced|claimed)\b|"
    rf"\s(?:after|following|amid|during|due\s+to|as|since|while|because|despite|before|when|"
    rf"on\s+(?:{_DAYS_MONTHS})|last|earlier|yesterday|today|this\s+week|to\s+(?!the\b)\w+)\b"
)
_LIST_SEP = re.compile(
    r"(?:\s+(?:village|town|city|area|district|neighbo(?:u)?rhood)s?)?\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as|&)\s+)"
    r"(?:the\s+)?(?:(?:strategic|key|nearby|neighbouring|neighboring|adjacent|small|large)\s+)*"
    r"(?:(?:town|village|city|hill|area|district|neighbo(?:u)?rhood|base|airport|camp)s?\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_DIRECT_HEAD = re.compile(
    r"^\s*[\"“”']?\s*(?:(?:the|a|an|most\s+of(?:\s+the)?|much\s+of(?:\s+the)?|all\s+of(?:\s+the)?|"
    r"parts\s+of(?:\s+the)?|large\s+parts\s+of(?:\s+the)?)\s+)?"
    r"(?:(?:(?!(?:in|near|at|on|from|to|outside|around|of)\b)[\w'’-]+\s+){0,4}(?:city|town|village|capital|stronghold|hub|bastion|district|"
    r"neighbo(?:u)?rhood|base|positions|sites|areas|villages|towns|area|region|district)\s*(?:of\s+|,\s*|including\s+|"
    r"such\s+as\s+|namely\s+|(?<=capital)\s+|(?<=city)\s+)|[\w\s,'’-]{0,40}\b(?:including|such\s+as|namely)\s+(?:the\s+)?|"
    r"[\w'’-]+\s*,\s*|(?:(?:strategic|key|vital|important|nearby|neighbou?ring|besieged|historic|ancient|"
    r"[a-z]+-(?:held|controlled|dominated|besieged))\s+){1,3})?[\"“”']?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _territory_head() -> re.Pattern[str]:
    nouns = _alternation(_vocab()["territory_nouns"])
    return re.compile(
        rf"^\s*(?:[\w'’,-]+\s+){{0,5}}?(?:{nouns})\b[\w\s,'’-]{{0,40}}?\b"
        r"(?:in|inside|within|of|near|around|across|throughout|outside|on\s+the\s+outskirts\s+of|"
        r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+of)?)\s+(?:the\s+)?"
        r"(?:(?:north|south|east|west)(?:ern)?\s+(?:and|or)\s+)?$",
        re.IGNORECASE,
    )


def _object_places(text: str, start: int, ctx: SentenceContext) -> tuple[list[PlaceSpan], bool]:
    """Places right after a trigger ending at ``start``: the list they form and whether
    they are only where a vague territory lies ("villages in Hama province")."""
    tail = text[start:start + 220]
    cut = _OBJECT_END.search(tail)
    region = tail[: cut.start()] if cut else tail
    names = _names_in(region, start)
    if not names:
        return _site_or_city(region, start, ctx), False
    head = text[start:names[0].start]
    site = _site_in(head)
    if site is not None:  # "the military academy in Aleppo"
        first = names[0]
        name = text[start + site:first.end]
        return [PlaceSpan(name, start + site, first.end, resolve_place(name))], False
    territory = False
    if not _DIRECT_HEAD.match(head):
        if _territory_head().match(head):
            territory = True
        else:  # "seized an artillery school there and shelled ... Aleppo"
            return _site_or_city(region, start, ctx), False
    chosen = [names[0]]
    for nxt in names[1:]:
        if not _LIST_SEP.fullmatch(text[chosen[-1].end:nxt.start]):
            break
        chosen.append(nxt)
    if territory:
        chosen = [_as_territory(text, start, span, len(chosen)) for span in chosen]
    return chosen, territory


def _site_in(head: str) -> int | None:
    """Offset of "<site> in" in a head such as "the central prison in ", "a key border
    crossing with Turkey at " (None when absent)."""
    sites = _alternation(_vocab()["site_nouns"])
    m = re.match(rf"^\s*(?:the|an?)\s+((?:[a-z-]+\s+){{0,2}}(?:{sites}))\s+(?:with\s+[A-Z][\w'’-]*\s+)?"
                 rf"(?:in|of|near|outside|at)\s+$", head)
    return m.start(1) if m else None


def _as_territory(text: str, start: int, span: PlaceSpan, listed: int) -> PlaceSpan:
    """"18 villages and towns in Hama province": the phrase, at the governorate's precision."""
    place = span.place
    if place.precision == "place" and place.admin1:
        gov = resolve_place(place.admin1 + " province")
        place = gov if gov.precision == "admin1" else place
    if listed == 1:
        phrase = text[start:span.end].strip(" ,\"“”'")
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        return PlaceSpan(phrase, span.end - len(phrase), span.end, Place(
            name=phrase, place_id=place.place_id, admin1=place.admin1, latitude=place.latitude,
            longitude=place.longitude, precision="admin1" if place.place_id else "unresolved"))
    name = span.name
    if place.place_id and not re.search(r"\b(?:province|governorate)s?$", name, re.IGNORECASE):
        name += " province"  # "in Aleppo and Idlib provinces": the governorates, not the cities
    return PlaceSpan(name, span.start, span.end, Place(
        name=name, place_id=place.place_id, admin1=place.admin1, latitude=place.latitude,
        longitude=place.longitude, precision="admin1" if place.place_id else "unresolved"))


def _site_or_city(region: str, start: int, ctx: SentenceContext) -> list[PlaceSpan]:
    """Unnamed objects: "the central prison" as written, "the city" (town, village) as the
    place named just before."""
    sites = _alternation(_vocab()["site_nouns"])
    m = re.match(rf"^\s*(?:(?:parts?|most|much|all)\s+of\s+)?(?:the|an?)\s+((?:[A-Za-z-]+\s+){{0,2}}?({sites}))\b", region)
    if m:
        name = _named_site(ctx.article.text, m.group(2).lower()) or _clean_name(m.group(1)) or m.group(1)
        return [PlaceSpan(name, start + m.start(1), start + m.end(1), resolve_place(name))]
    part = re.match(r"^\s*((?:(?:the\s+)?(?:\w+ern\s+)?(?:parts?|most|much|all|half)\s+of\s+)?the\s+(?:city|town|village))\b(?!\s+of\b)", region)
    if part:
        city = _recent_city(ctx, start)
        if city is not None:
            phrase = part.group(1)
            if not re.match(r"the\s", phrase):  # "part of the town": that part of the place named before
                name = re.sub(r"\bthe\s+(?:city|town|village)$", city.name, phrase)
                return [PlaceSpan(name, start, start, Place(name=name, place_id=city.place_id, admin1=city.admin1,
                                                             latitude=city.latitude, longitude=city.longitude,
                                                             precision=city.precision))]
            return [PlaceSpan(city.name, start, start, city)]
    return []


@lru_cache(maxsize=256)
def _named_site(article: str, noun: str) -> str | None:
    """The one named site of kind ``noun`` the article gives ("the Shaar gas field" for
    "a gas field"); None when it names none or several."""
    pattern = re.compile(rf"\b((?:[A-Z][\w'’-]*\s+)+){re.escape(noun)}\b")
    names: set[str] = set()
    for m in pattern.finditer(article):
        cleaned = _clean_name(m.group(1).strip())
        if cleaned and not _is_actor_name(cleaned):
            names.add(f"{cleaned} {noun}")
    return names.pop() if len(names) == 1 else None


def _recent_city(ctx: SentenceContext, before: int) -> Place | None:
    """The last city named in this sentence before ``before`` or in the two sentences before."""
    texts = [ctx.text[:before]] + [s.text for s in (ctx.previous(1), ctx.previous(2)) if s is not None]
    for text in texts:
        cities = [m.place for m in find_places(text) if m.place.precision == "place"]
        if cities:
            return cities[-1]
    return None


_BEFORE_PARTICIPLE = re.compile(
    r"(?:\s+(?:area|district|neighbou?rhood|town|village|city|region|countryside))?"
    r"(?:\s+(?:recently|newly|earlier|briefly|already|later|quickly|eventually))?\s*$", re.IGNORECASE)


def _passive_subject(text: str, trigger: Trigger) -> list[PlaceSpan]:
    """The place before a passive or "fell to": "Hama, in central Syria, was captured by",
    "the Ramouseh area recently seized by"."""
    before = text[: trigger.start].rstrip()
    if trigger.form == "reduced_passive":
        before = before[: _BEFORE_PARTICIPLE.search(before).start()]
    before = re.sub(r",[^,]{1,80},\s*$", "", before).rstrip()  # appositive
    before = re.sub(r",?\s+(?:which|that)$", "", before).rstrip()  # "Daraya, which was ..."
    names = _names_in(before, 0)
    if names and names[-1].end >= len(before) - 1:
        return [names[-1]]
    return []


_HYPOTHETICAL_AFTER = re.compile(r"[^,.;]{0,60}?\b(?:would|could|might|may|will)\b")
_THE_TOWN = re.compile(r"\b(?:the|this)\s+(?:town|city|village)\s*$", re.IGNORECASE)


def _anaphoric_subject(ctx: SentenceContext, trigger: Trigger) -> list[PlaceSpan]:
    """"... after the town fell to IS": the place named just before stands for "the town"."""
    m = _THE_TOWN.search(ctx.text[: trigger.start])
    if m is None:
        return []
    place = _recent_city(ctx, m.start())
    return [PlaceSpan(place.name, m.start(), m.end(), place)] if place is not None else []


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:town|village|city|area|district|neighbou?rhood|region|province|suburb|camp|hill)\s+of\s+$"
    r"|\b(?:in|into|near|at|around|outside)\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATIVE_AFTER = re.compile(r"^\s+(?:area|district|neighbou?rhood|town|village|city|region)\b", re.IGNORECASE)


def _is_place_like(text: str, span: PlaceSpan) -> bool:
    """A name the gazetteer knows, or one written as a place ("the town of X", "in X",
    "X district"): a reduced passive also follows people ("a pilot X captured by")."""
    return (span.place.precision != "unresolved" or bool(_LOCATIVE_BEFORE.search(text[: span.start]))
            or bool(_LOCATIVE_AFTER.match(text[span.end:])))


def _passive_list_after(text: str, trigger_end: int) -> list[PlaceSpan] | None:
    """"... seized by the factions were A, B, and C": the list after were/included."""
    m = re.compile(r"^\s*[^,.;]{0,60}?\b(?:were|was|are|is|included|include|includes)\s+").match(text[trigger_end:])
    if not m:
        return None
    start = trigger_end + m.end()
    names = _names_in(text[start:start + 300], start)
    if not names or names[0].start - start > 40:
        return None
    chosen = [names[0]]
    for nxt in names[1:]:
        if not _LIST_SEP.fullmatch(text[chosen[-1].end:nxt.start]):
            break
        chosen.append(nxt)
    return chosen


# ---------------------------------------------------------------- actors

def _side(actor: str) -> str:
    if actor in GOVERNMENT_SIDE:
        return "government"
    if actor in REBEL_SIDE:
        return "rebels"
    if actor in KURDISH_SIDE:
        return "sdf"
    return actor


def _opposed(a: str, b: str) -> bool:
    return a not in NOT_ARMED and b not in NOT_ARMED and _side(a) != _side(b)


def _armed(mentions: list[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if m.actor_id not in NOT_ARMED]


_METONYMS = frozenset({"damascus", "moscow"})
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|of|from|to|outside|around|towards?|capital|city|and)\s+(?:the\s+)?$", re.IGNORECASE)


def _actors(text: str) -> list[ActorMention]:
    """Actor mentions, without city names used as places ("near Damascus")."""
    return [
        m for m in find_actors(text)
        if not (m.label.lower() in _METONYMS and _PLACE_PREPOSITION.search(text[: m.start]))
    ]


_BY_TIME = (r"(?!\s+(?:noon|dawn|dusk|midnight|nightfall|morning|evening|night|then|now|late|early|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+end|the\s+time)\b)")
_GOVERNED = re.compile(
    r"(?<![-\w])(?:by" + _BY_TIME + r"|with|against|from|of|on|to|in|backed|supported|allied|alongside|among|between)\s+"
    r"(?:(?!(?:that|who|which|said|says|reported|announced|claimed|and|after|before|when|while|as|since|"
    r"because|but|then|where|once|until)\b)[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_BACKED_PAIR = re.compile(r"\b(?:backed|supported|aided)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}and\s+$", re.IGNORECASE)
_BACKED = re.compile(
    r"(?<![-\w])(?:backed|supported|allied|alongside|by" + _BY_TIME + r"|against|with)\s+"
    r"(?:(?!(?:that|who|which|said|says|reported|announced|claimed)\b)[\w'’-]+\s+){0,5}$", re.IGNORECASE)


# Dash or bracket asides ("fighters - backed by Russian jets - retook ..."): their actors
# are never the subject.
_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{1,100}?\s[-–—]\s|\([^()]{0,100}\)|,\s*(?:backed|supported)\s+by[^,]{1,80},")
# Air power takes no ground: such actors are never the ones who capture or enter.
_AIR_ONLY = re.compile(r"\b(?:air|airstrikes?|jets?|warplanes?|aircraft|planes?|strikes?|drones?)\b", re.IGNORECASE)


def _agent_before(text: str, start: int, trigger_word: str) -> ActorMention | None:
    """The subject of a trigger at ``start``: the nearest actor before it that is not the
    object of a preposition ("backed by Turkey") or of an earlier verb ("push back
    government forces and seize"); for a participle ("..., taking control of") the first.
    None when every actor before it is governed by "backed by", "against", "with"..."""
    asides = [m.span() for m in _ASIDE.finditer(text[:start])]
    mentions = [
        m for m in _actors(text[:start])
        if not _AIR_ONLY.search(m.label) and not any(a <= m.start and m.end <= b for a, b in asides)
    ]
    if not mentions:
        return None
    free = [
        m for m in mentions
        if not (_GOVERNED.search(text[: m.start]) or _BACKED_PAIR.search(text[: m.start])) or re.match(r"\s*,?\s*(?:who|which|that)\b", text[m.end:])
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


def _actor_after_by(text: str, start: int) -> ActorMention | None:
    """First actor within a few words after ``start`` ("... by the rebels")."""
    window = text[start:start + 80]
    for mention in _actors(window):
        if re.fullmatch(r"\s*(?:by\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}", window[: mention.start]):
            return ActorMention(mention.label, mention.actor_id, start + mention.start, start + mention.end)
        break
    return None


def _from_actor(text: str, after: int) -> ActorMention | None:
    """"... from government forces": the previous controller named after the place."""
    m = re.match(r"^[^.;]{0,40}?\bfrom\s+(?:the\s+)?", text[after:])
    if not m:
        return None
    rest = text[after + m.end(): after + m.end() + 60]
    mentions = _armed(_actors(rest))
    if mentions and mentions[0].start == 0:
        first = mentions[0]
        return ActorMention(first.label, first.actor_id, after + m.end(), after + m.end() + first.end)
    return None


def _refine(mention: ActorMention, ctx: SentenceContext) -> str:
    """Actor id with generic framings turned into the group the article names; "jihadists
    from the Islamic State" is the Islamic State."""
    text = ctx.text
    of_group = re.match(r"^\s+(?:from|of)\s+(?:the\s+)?", text[mention.end:])
    if of_group and mention.actor_id == "opposition":
        nxt = find_actors(text[mention.end + of_group.end(): mention.end + of_group.end() + 60])
        if nxt and nxt[0].start == 0 and nxt[0].actor_id not in NOT_ARMED and not _opposed(
                mention.actor_id, nxt[0].actor_id):  # not "rebels from government forces"
            return nxt[0].actor_id
    earlier = (text[: mention.start],) + tuple(
        s.text for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None
    )
    return specific_actor(mention.label, mention.actor_id, earlier, ctx.article.text)


def _article_opponent(ctx: SentenceContext, actor: str) -> tuple[str | None, str | None]:
    """The actor most often named in the article on the other side of ``actor``."""
    return _article_opponent_of(ctx.article.text, actor)


@lru_cache(maxsize=256)
def _article_opponent_of(article: str, actor: str) -> tuple[str | None, str | None]:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for m in _armed(_actors(article)):
        refined = specific_actor(m.label, m.actor_id, (), article)
        if _opposed(actor, refined):
            counts[refined] = counts.get(refined, 0) + 1
            labels.setdefault(refined, m.label)
    if not counts:
        return None, None
    best = max(counts, key=lambda a: counts[a])
    return best, labels[best]


def _opponent(ctx: SentenceContext, actor: str, exclude: ActorMention) -> tuple[str | None, str | None]:
    """Opponent of ``actor`` named in the sentence, else the article's main opponent."""
    for m in _armed(_actors(ctx.text)):
        if m.start == exclude.start:
            continue
        refined = _refine(m, ctx)
        if _opposed(actor, refined):
            return refined, m.label
    return _article_opponent(ctx, actor)


def _previous_sentence_agent(ctx: SentenceContext) -> ActorMention | None:
    """Subject carried from the previous sentence ("They ...", "its withdrawal")."""
    prev = ctx.previous(1)
    if prev is None:
        return None
    mentions = _actors(prev.text)
    return mentions[0] if mentions else None


# ---------------------------------------------------------------- dates

def _when(ctx: SentenceContext) -> DateSpan:
    """Date of the sentence, else of up to three earlier sentences of the same paragraph or
    of the same story (consecutive sentences that tell control changes)."""
    span = dates.resolve_when(ctx.text, ctx.published_at)
    if span != UNKNOWN_DATE and span.start is not None:
        return span
    for n in (1, 2, 3):
        prev = ctx.previous(n)
        if prev is None:
            break
        same_story = prev.paragraph == ctx.sentence.paragraph or _has_stem(prev.text)
        if not same_story:  # the story goes on while sentences keep telling changes
            break
        span = dates.resolve_when(prev.text, ctx.published_at)
        if span != UNKNOWN_DATE and span.start is not None:
            return span
    return UNKNOWN_DATE


_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:now|already|just|reportedly|also|fully|officially)\s+)?"
    r"(?:[a-z]+(?:ed|en|t|wn)\s+(?:(?:its|their|a|the)\s+)?)?$",
    re.IGNORECASE,
)


def _or_news_date(ctx: SentenceContext, trigger: Trigger, when: DateSpan) -> DateSpan:
    """Without a date in the text, a change told in the present perfect ("rebels have
    entered Hama", "the army has declared its withdrawal") is the news of the day: the
    publication date. Anything else stays unknown."""
    if when.start is not None or ctx.published_at is None:
        return when
    before = ctx.text[:trigger.start]
    if trigger.form == "nominal":
        before = before + ctx.text[trigger.start:trigger.end].split()[0] + " "
        before = re.sub(r"\b(?:its|their|the|a)\s+$", "", before)
    if _PRESENT_PERFECT.search(before.rstrip() + " "):
        return DateSpan(ctx.published_at, ctx.published_at, "day")
    return when


# ---------------------------------------------------------------- claims

@dataclass(frozen=True)
class _Reading:
    """One trigger read: places, change type and the actors around it."""

    places: tuple[PlaceSpan, ...]
    change: str
    agent: ActorMention | None
    counterpart: ActorMention | None  # "from X" / "by X" of a withdrawal


def _read(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    text = ctx.text
    if trigger.form == "passive":
        places = _passive_subject(text, trigger) or _anaphoric_subject(ctx, trigger)
        return _Reading(tuple(places), trigger.change, _actor_after_by(text, trigger.end - 2), None)
    if trigger.form == "reduced_passive":  # "the Ramouseh area recently seized by rebels"
        places = [p for p in _passive_subject(text, trigger) if _is_place_like(text, p)]
        return _Reading(tuple(places), trigger.change, _actor_after_by(text, trigger.end - 2), None)
    if trigger.form == "expel":  # "Hezbollah pushed the Nusra Front from the town of X"
        expelled = _armed(_actors(text[trigger.start:trigger.end]))
        places, _ = _object_places(text, trigger.end, ctx)
        agent = _agent_before(text, trigger.start, text[trigger.start:trigger.end])
        if not expelled or not places or agent is None:
            return None
        first = expelled[0]
        counterpart = ActorMention(first.label, first.actor_id, trigger.start + first.start, trigger.start + first.end)
        return _Reading(tuple(places), "capture", agent, counterpart)
    if trigger.form == "from_passive":  # "Jarablus, liberated from IS"
        places = _passive_subject(text, trigger)
        counterpart = _actor_after_by(text, trigger.end)
        agent = _opposed_in_sentence(ctx, counterpart) if counterpart is not None else None
        return _Reading(tuple(places), trigger.change, agent, counterpart)
    if trigger.form == "fell_to":
        return _Reading(tuple(_passive_subject(text, trigger) or _anaphoric_subject(ctx, trigger)), "capture", _actor_after_by(text, trigger.end), None)
    if trigger.form == "listed_by":  # "seized by the factions were A, B"
        by = text[trigger.start:trigger.end].lower().rfind("by")
        listed = _passive_list_after(text, trigger.end)
        agent = _actor_after_by(text, trigger.start + by + 2)
        return _Reading(tuple(listed or ()), trigger.change, agent, None)
    places, _ = _object_places(text, trigger.end, ctx)
    if not places and trigger.form == "active":
        return _relative_object(ctx, trigger)
    if not places:
        return None
    by_actor = None
    if trigger.form == "nominal" and _HYPOTHETICAL_AFTER.match(text, places[-1].end):
        return None  # "the fall of Al-Bab would threaten ...": not an event
    after = re.match(r"^\s*by\b", text[places[-1].end:])
    if trigger.form == "nominal" and after:
        by_actor = _actor_after_by(text, places[-1].end)
    elif trigger.form == "nominal" and re.match(r"^\s*to\b", text[places[-1].end:]) and "fall" in text[trigger.start:trigger.end].lower():
        to = re.match(r"^\s*to\s+(?:the\s+)?", text[places[-1].end:])
        by_actor = _actor_after_by(text, places[-1].end + to.end())  # "the fall of Al-Bab to rebels"
    agent = by_actor or _pronoun_subject(ctx, trigger) or _agent_before(text, trigger.start, text[trigger.start:trigger.end])
    if agent is None and re.search(r"\b(?:they|it|its|their)\b", text[:trigger.start], re.IGNORECASE):
        agent = _previous_sentence_agent(ctx)
    counterpart = _from_actor(text, places[-1].end) or _held_by(text, trigger.end, places[0].start)
    return _Reading(tuple(places), trigger.change, agent, counterpart)


_RELATIVE = re.compile(
    r",?\s+(?:which|that|whom)\s+(?P<subject>(?:the\s+)?(?:[\w'’-]+\s+){1,5}?)(?:(?:had|have|has|then|later|finally|eventually|\w+ly)\s+)?$")


def _relative_object(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"Jarablus, which Turkish-led forces captured on the first day": the place is the
    object of a relative clause, its subject the agent."""
    text = ctx.text
    m = _RELATIVE.search(text[: trigger.start])
    if not m:
        return None
    subject = _armed(_actors(m.group("subject")))
    if not subject or subject[-1].end < len(m.group("subject").rstrip()) - 1:
        return None
    agent = subject[-1]
    agent = ActorMention(agent.label, agent.actor_id, m.start("subject") + agent.start, m.start("subject") + agent.end)
    before = text[: m.start()].rstrip()
    names = _names_in(before, 0)
    if not names or names[-1].end < len(before) - 1:
        return None
    place = names[-1]
    landmark = _LANDMARK.search(before[: place.start])
    if landmark and len(names) > 1 and names[-2].end >= landmark.start() - 1:
        place = names[-2]  # "Rityan north of Aleppo, which ...": the clause is about Rityan
    return _Reading((place,), trigger.change, agent, None)


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


_PRONOUN_BEFORE = re.compile(r"\b(?:they|it)\s+(?:(?:had|have|has|then|also|later|\w+ly)\s+)?$", re.IGNORECASE)


def _pronoun_subject(ctx: SentenceContext, trigger: Trigger) -> ActorMention | None:
    """The subject of "..., when they captured X": a pronoun right before the trigger
    stands for the first armed actor of the sentence (the main clause's subject), else
    for the first of the previous sentence."""
    text = ctx.text
    if not _PRONOUN_BEFORE.search(text[:trigger.start]):
        return None
    mentions = [m for m in _armed(_actors(text[:trigger.start])) if not _AIR_ONLY.search(m.label)]
    if mentions:
        return mentions[0]
    return None


def _opposed_in_sentence(ctx: SentenceContext, counterpart: ActorMention) -> ActorMention | None:
    """First armed actor of the sentence on the other side of ``counterpart``."""
    other = _refine(counterpart, ctx)
    for m in _armed(_actors(ctx.text)):
        if m.start != counterpart.start and not _AIR_ONLY.search(m.label) and _opposed(other, _refine(m, ctx)):
            return m
    return None


def _abandoned_after(text: str, end: int) -> ActorMention | None:
    """"... following its abandonment by government forces" after an entry or capture."""
    m = re.search(
        r"\b(?:following|after)\s+(?:its|the|their)\s+(?:abandonment|departure|withdrawal|retreat|"
        r"evacuation|pullout)\s+(?:by|of)\s+", text[end:], re.IGNORECASE)
    if not m:
        return None
    mentions = _armed(find_actors(text[end + m.end(): end + m.end() + 60]))
    if mentions and mentions[0].start == 0:
        first = mentions[0]
        return ActorMention(first.label, first.actor_id, end + m.end(), end + m.end() + first.end)
    return None


def _claims_for(ctx: SentenceContext, trigger: Trigger, reading: _Reading, when: DateSpan) -> list[ControlChange]:
    if reading.agent is None or reading.agent.actor_id in NOT_ARMED:
        return []
    agent_id = _refine(reading.agent, ctx)
    change = reading.change
    left_by = _abandoned_after(ctx.text, reading.places[-1].end) if change in ("entry", "capture") else None
    if change in ("withdrawal", "lost", "surrender"):
        previous, previous_label = agent_id, reading.agent.label
        if reading.counterpart is not None:
            new, new_label = _refine(reading.counterpart, ctx), reading.counterpart.label
        else:
            new, new_label = _opponent(ctx, agent_id, reading.agent)
        if new is None:
            new, new_label = ("opposition" if agent_id in GOVERNMENT_SIDE else "unknown"), None
        change = "capture" if change == "lost" else change
    else:
        new, new_label = agent_id, reading.agent.label
        if left_by is not None:
            previous, previous_label = _refine(left_by, ctx), left_by.label
            change = "withdrawal"
        elif reading.counterpart is not None:
            previous, previous_label = _refine(reading.counterpart, ctx), reading.counterpart.label
        else:
            previous, previous_label = _opponent(ctx, agent_id, reading.agent)
    if new in NOT_ARMED and new != "unknown":
        return []
    return [
        ControlChange(
            article_id=ctx.article.article_id, evidence=ctx.evidence, claimant=ctx.claimant,
            claimant_text=ctx.claimant_text, when=when, place=span.place,
            new_controller=new, new_controller_label=new_label, previous_controller=previous,
            previous_controller_label=previous_label, change_type=change,
        )
        for span in reading.places
    ]


def extract(ctx: SentenceContext) -> list[ControlChange]:
    """Control changes the sentence reports (see the module docstring for the rules)."""
    text = ctx.text
    if not _has_stem(text):
        return []
    year = ctx.published_at.year if ctx.published_at else None
    claims: list[ControlChange] = []
    when: DateSpan | None = None
    for trigger in _find_triggers(text):
        if not _is_reported_event(text, trigger, year):
            continue
        if trigger.change == "entry" and _is_reinforcement(text):
            continue
        reading = _read(ctx, trigger)
        if reading is None or not reading.places:
            continue
        if _is_weak(text, trigger) and not _agent_right_before(reading, trigger):
            continue
        if _needs_known_place(text, trigger):
            reading = _Reading(tuple(p for p in reading.places if p.place.place_id), reading.change,
                               reading.agent, reading.counterpart)
            if not reading.places:
                continue
        when = when or _when(ctx)
        claims.extend(_claims_for(ctx, trigger, reading, _or_news_date(ctx, trigger, when)))
    return _prefer_withdrawal(claims)


def _is_weak(text: str, trigger: Trigger) -> bool:
    """Triggers too common to trust without their actor ("left", "lost", "entered")."""
    return trigger.form == "active" and text[trigger.start:trigger.end].lower() in _vocab()["weak"]


def _needs_known_place(text: str, trigger: Trigger) -> bool:
    """Triggers that also take other objects ("freed hostages") keep gazetteer places only."""
    words = text[trigger.start:trigger.end].lower().split()
    return any(w in _vocab()["needs_known_place"] for w in words)


def _agent_right_before(reading: _Reading, trigger: Trigger) -> bool:
    agent = reading.agent
    return agent is not None and agent.end <= trigger.start and trigger.start - agent.end <= 40


def _prefer_withdrawal(claims: list[ControlChange]) -> list[ControlChange]:
    """An entry into a place the same sentence says was left is told by the withdrawal."""
    left = {c.place.place_id or c.place.name for c in claims if c.change_type == "withdrawal" and c.place}
    return [c for c in claims if not (c.change_type == "entry" and c.place and (c.place.place_id or c.place.name) in left)]
