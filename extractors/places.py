"""Places: find place names in text and resolve them against the gazetteer.

The gazetteer is ``seeds/reference/gazetteer.csv`` (GeoNames places of Syria, the 14
governorates and hand-kept places; see ``seeds/reference/README.md``). Names are compared
through ``name_key``, which folds the usual transliteration noise: Arabic article prefixes
("al-", "Al ", "ad-", "ez-"...), hyphens, apostrophes and ayn marks, doubled letters,
"ou"/"o" vs "u", "ei"/"ey" vs "ay", "q" vs "k" and a final "h" ("Hamah" = "Hama",
"Ma'arrat an-Nu'man" = "Maarat al-Numan", "Deir ez-Zor" = "Deir al-Zour").

"X province", "X governorate", "X countryside", "rural X" and "countryside of X" resolve to
the governorate with precision ``admin1``. A name the gazetteer does not know is kept as
written with precision ``unresolved`` and no coordinates: nothing is ever guessed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby, islice

from .allegiance import may_hold_phrase
from .place_actor_gate import actor_spans, in_some_alias
from .claims import Place
from .geo import is_metonym, lookup_admin1, lookup_world, place_type, world_first_tokens
from .geo.country import country_head_tokens, local_country, lookup_in_country, world_place_for
from .reference import load_csv, load_yaml


@dataclass(frozen=True)
class PlaceMention:
    name: str  # as written
    start: int  # offsets into the searched text
    end: int
    place: Place  # resolved (precision place/admin1/country) or unresolved


@dataclass(frozen=True)
class GazetteerEntry:
    """One row of the gazetteer."""

    place_id: str
    name: str
    admin1: str
    latitude: float | None
    longitude: float | None
    kind: str  # city, town, village, governorate, site


# Arabic article forms, dropped when they prefix a name ("al-Bab", "Deir ez-Zor").
_ARTICLES = frozenset(
    "al el il ad ed an en ar er as es ash esh at et az ez ath adh".split()
)
# Letter-sequence folds applied to every token, in order.
_FOLDS = (
    ("ou", "u"), ("oo", "u"), ("o", "u"), ("ee", "i"), ("ei", "ay"), ("ey", "ay"),
    ("ai", "ay"), ("q", "k"), ("ck", "k"), ("ph", "f"),
)
_ADMIN_AFTER = re.compile(
    r"\s+(?:province|provinces|governorate|governorates|countryside|countrysides|oblast|"
    r"region|district|suburbs|outskirts|city|town|village|area)$",
    re.IGNORECASE,
)
_ADMIN_WORDS = frozenset(
    "province provinces governorate governorates countryside countrysides region oblast "
    "district suburbs outskirts".split()
)
_LEAD = re.compile(
    r"^(?:the\s+)?(?:(?:city|town|village|province|governorate|countryside|suburbs|"
    r"outskirts)\s+of\s+)?(?:(?:rural|greater)\s+)?",
    re.IGNORECASE,
)
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|north-?(?:east|west)(?:ern)?|"
    r"south-?(?:east|west)(?:ern)?|central|rural)\s+",
    re.IGNORECASE,
)
@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Keys of country names (``places_types.yaml``): a country is never a settlement."""
    return frozenset(name_key(n) for n in load_yaml("places_types.yaml")["countries"])


_LONGEST_ARTICLE = max(len(a) for a in _ARTICLES)
_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’ʼ`‘ʿʾ]*")
_MAX_TOKENS = 5


_APOSTROPHES = re.compile(r"['’ʼ`‘ʿʾ]")
_KEY_TOKEN = re.compile(r"[a-z0-9]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Spelling-insensitive comparison key for a place name (see module docstring)."""
    if name.isascii():  # NFKD changes no ASCII text and leaves no combining mark: skip both
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _APOSTROPHES.sub("", text)
    tokens = _KEY_TOKEN.findall(text)
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _ARTICLES] or tokens
    return " ".join(_fold(t) for t in tokens)


@lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    for old, new in _FOLDS:
        token = token.replace(old, new)
    token = _REPEATS.sub(r"\1", token)
    if len(token) > 3 and token.endswith("h") and token[-2] in "aeiu":
        token = token[:-1]
    return token


def _float(value: str) -> float | None:
    return float(value) if value and value.strip() else None


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[GazetteerEntry, ...]]:
    """name_key -> gazetteer entries with that name or alias (several when ambiguous)."""
    index: dict[str, list[GazetteerEntry]] = {}
    for row in load_csv("gazetteer.csv"):
        entry = GazetteerEntry(
            row["place_id"], row["name"], row["admin1"], _float(row["latitude"]),
            _float(row["longitude"]), row["kind"],
        )
        names = [row["name"], *row["aliases"].split("|")]
        for key in {name_key(n) for n in names if n.strip()}:
            index.setdefault(key, []).append(entry)
    return {key: tuple(entries) for key, entries in index.items()}


@lru_cache(maxsize=1)
def _not_in_free_text() -> frozenset[str]:
    """Keys never matched by ``find_places`` on their own (common words, foreign places)."""
    return frozenset(name_key(row["name"]) for row in load_csv("places_ambiguous.csv"))


def lookup(name: str, *, governorate: bool = False) -> GazetteerEntry | None:
    """Best gazetteer entry for a name: a governorate when ``governorate`` is set, else a
    settlement or site before a governorate of the same name."""
    entries = _index().get(name_key(name), ())
    if not entries:
        return None
    govs = [e for e in entries if e.kind == "governorate"]
    others = [e for e in entries if e.kind != "governorate"]
    if governorate:
        if govs:
            return govs[0]
        return others[0] if others else None
    return (others or govs)[0]


def _as_place(name: str, entry: GazetteerEntry, precision: str) -> Place:
    if precision == "admin1" and entry.kind != "governorate":
        gov = lookup(entry.admin1, governorate=True)
        if gov is not None:
            entry = gov
    kind = "governorate" if precision == "admin1" else entry.kind
    return Place(
        name=name, place_id=entry.place_id, admin1=entry.admin1, latitude=entry.latitude,
        longitude=entry.longitude, precision=precision, place_type=place_type(name, kind, precision),
    )


def _world_place(name: str, candidates: tuple[str, ...], is_admin: bool, country: str | None = None) -> Place | None:
    """A place of the worldwide cities1000 list or an admin1 area ("Kherson", "Kherson
    oblast", "Northern Darfur"): a province resolves to its area, never a city's point; the
    article's ``country``'s place first ("Tripoli" in a report from Libya)."""
    for candidate in candidates:
        found = None if is_admin else world_place_for(candidate, country)
        area = lookup_admin1(candidate) if found is None else None
        if found is not None:
            place_id = f"gn_{found.country.lower()}_{_slug(found.name)}_{_slug(found.admin1)}"
            return Place(name=name, place_id=place_id, admin1=found.admin1, latitude=found.latitude,
                         longitude=found.longitude, precision="place",
                         place_type=place_type(name, "town", "place"))
        if area is not None:
            return Place(name=name, place_id=f"adm1_{area.country.lower()}_{_slug(area.name)}",
                         admin1=area.name, latitude=area.latitude, longitude=area.longitude,
                         precision="admin1", place_type="admin1")
    return None


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def resolve_place(name: str) -> Place:
    """``_resolve_place`` for the article being read (its country's places first, when
    they are not searched in every text: ``geo.country``)."""
    return _resolve_place(name, local_country())


@lru_cache(maxsize=16384)  # a pure function of the name and country: the same names recur in every article
def _resolve_place(name: str, country: str | None = None) -> Place:
    """Gazetteer entry for a name as written; unresolved Place(name) when unknown.

    "Hama province" / "Hama countryside" / "rural Hama" give the governorate (precision
    admin1); "the city of Hama" / "Hama city" give the city; "northern Hama countryside"
    drops the direction word; "Syria" gives precision country.
    """
    cleaned = " ".join(name.split()).strip(" ,.;:")
    if not cleaned:
        return Place(name=name, place_type="unknown")
    whole = lookup(cleaned)
    if whole is not None:  # the full phrase is itself a name ("Rural Damascus")
        return _as_place(name, whole, "admin1" if whole.kind == "governorate" else "place")
    core = _LEAD.sub("", cleaned)
    admin_word = _ADMIN_AFTER.search(core)
    is_admin = bool(admin_word and admin_word.group().strip().lower() in _ADMIN_WORDS)
    is_admin = is_admin or bool(re.match(
        r"^(?:the\s+)?(?:province|governorate|countryside|suburbs|outskirts)\s+of\s+|^rural\s+",
        cleaned, re.IGNORECASE,
    ))
    if admin_word:
        core = core[: admin_word.start()]
    core = re.sub(r"['’]s$", "", core.strip())
    for candidate in (core, _DIRECTION.sub("", core)):
        if name_key(candidate) in _countries():
            return Place(name=name, precision="country", place_type="country")
        entry = lookup(candidate, governorate=is_admin)
        if entry is not None:
            return _as_place(name, entry, "admin1" if is_admin else "place")
    site = _site_pattern().match(cleaned)
    if site:  # "Aleppo international airport", "the central prison in Hama"
        entry = lookup(_DIRECTION.sub("", site.group("place") or site.group("place2")))
        if entry is not None:
            place = _as_place(name, entry, "admin1")
            return Place(**{**place.__dict__, "place_type": place_type(name, None, "unresolved")})
        return Place(name=name, place_type=place_type(name))
    world = None
    if len(core) >= 3 and not core.isupper():  # never an acronym ("IS", "SDF")
        world = _world_place(name, (core, _DIRECTION.sub("", core)), is_admin, country)
    return world or Place(name=name, place_type=place_type(name))


@lru_cache(maxsize=1)
def _site_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                     sorted(load_yaml("places_vocabulary.yaml")["site_words"], key=len, reverse=True))
    return re.compile(
        rf"^(?:the\s+)?(?:(?P<place>.+?)(?:['’]s)?\s+(?:{words})|(?:[\w-]+\s+){{0,2}}?(?:{words})\s+"
        rf"(?:in|of|near|outside)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?(?P<place2>.+))$",
        re.IGNORECASE,
    )


def find_places(text: str) -> list[PlaceMention]:
    """Known place names (and "X province" phrases) in ``text``, left to right (see
    ``_find_places``); cached, since several extractors read the same sentence."""
    return list(_find_places(text, local_country()))


@lru_cache(maxsize=16384)
def _find_places(text: str, country: str | None = None) -> tuple[PlaceMention, ...]:
    """Known place names (and "X province" phrases) in ``text``, left to right.

    A name followed by "province", "countryside" or "governorate" (also "Idlib and Aleppo
    provinces") is reported with that word and precision admin1.
    """
    inside_actor: list[tuple[int, int]] | None = None  # actor name spans, read when first needed
    mentions: list[PlaceMention] = []
    taken = 0  # the end of the name found last: a token starting before it is inside it
    for a, b in _candidate_tokens(text, country):
        if a < taken:
            continue  # inside the name found last
        # the tokens from this one on (a name has at most ``_MAX_TOKENS``): a scan started at
        # a token's start finds the same tokens as one over the whole text
        tokens = [match.span() for match in islice(_TOKEN.finditer(text, a), _MAX_TOKENS)]
        found = _longest_match(text, tokens, 0, country)
        if found is None:
            continue
        j, entry = found
        start, end = tokens[0][0], tokens[j][1]
        if inside_actor is None and (may_hold_phrase(text) or in_some_alias(text[start:end])):
            inside_actor = actor_spans(text)  # read only where an actor's name may hold the place
        inside = any(a <= start and end <= b and (b - a) > (end - start) for a, b in inside_actor or ())
        if not inside and not is_metonym(text[start:end], text[end:end + 30]):
            mentions.append(_mention(text, start, end, entry, country))  # not "al-Sham" of "Hayat Tahrir al-Sham"
        taken = end
    return tuple(_admin_lists(text, mentions))


_TOKEN_CHARS = "A-Za-z\u00C0-\u024F'’ʼ`‘ʿʾ"  # what ``_TOKEN`` reads
_APOSTROPHE_CHARS = "'’ʼ`‘ʿʾ"
_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
# A token that may start a name, as ``_TOKEN`` reads it (the first letter not right after
# another: then it is inside a token): one starting with an upper-case letter, or a
# lower-case article ("al-", "ad-") that is a whole token. One scan of the text; the first
# letter is matched first, so the engine skips every other character quickly.
_CANDIDATE = re.compile(
    f"[{_UPPER}aei](?<![A-Za-z\u00C0-\u024F].)(?:(?<=[{_UPPER}])[{_TOKEN_CHARS}]*|"
    + "|".join(f"(?<={first})(?:" + "|".join("".join(f"[{c}{c.upper()}]" for c in a[1:]) for a in rest) + f")(?![{_TOKEN_CHARS}])"
               for first, rest in groupby(sorted(_ARTICLES, key=lambda a: (a[0], -len(a), a)), key=lambda a: a[0]))
    + ")")


def _candidate_tokens(text: str, country: str | None) -> list[tuple[int, int]]:
    """The tokens (spans, left to right) that may start a place name: an article ("al") or a
    capitalised word that starts a gazetteer name (``_longest_match`` finds nothing at any
    other word). The same tokens as reading every token of ``_TOKEN.finditer(text)`` and
    keeping those."""
    found: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        a, b = m.span()
        if a and text[a - 1] in _APOSTROPHE_CHARS and not _starts_token(text, a):
            continue  # after an apostrophe inside a token ("Ma'Arrat"): no token starts here
        word = m.group()
        if not word[0].isupper():  # a lower-case article, whole
            found.append((a, b))
        elif ((b - a <= _LONGEST_ARTICLE and word.lower() in _ARTICLES)
              or _head_tokens(word) or (country is not None and _country_head(country, word))):
            found.append((a, b))
    return found


def _starts_token(text: str, at: int) -> bool:
    """Whether ``_TOKEN.finditer`` starts a token at ``at`` (a letter after apostrophes):
    only when no letter stands in the run of token characters before it."""
    k = at - 1
    while k >= 0 and text[k] in _APOSTROPHE_CHARS:
        k -= 1
    return k < 0 or re.match(f"[{_TOKEN_CHARS}]", text[k]) is None


_NAME_GAP = re.compile(r"[\s\-]{1,2}")


@lru_cache(maxsize=1)
def _first_tokens() -> dict[str, int]:
    """First token of every gazetteer key -> most tokens a name starting with it has."""
    firsts: dict[str, int] = {}
    for key in _index():
        parts = key.split()
        firsts[parts[0]] = max(firsts.get(parts[0], 0), len(parts))
    return firsts


@lru_cache(maxsize=1)
def _all_first_tokens() -> dict[str, int]:
    """``_first_tokens`` and the worldwide ``world_first_tokens`` in one table (the most
    tokens of either): one look-up per capitalised word."""
    merged = dict(world_first_tokens())
    for key, n in _first_tokens().items():
        merged[key] = max(merged.get(key, 0), n)
    return {key: n for key, n in merged.items() if n}


def _country_head(country: str | None, head: str) -> int:
    return country_head_tokens(country, name_key(head)) if country else 0


@lru_cache(maxsize=65536)
def _head_tokens(head: str) -> int:
    """Most tokens of a gazetteer name whose first token is ``head`` as written (0: none)."""
    return _all_first_tokens().get(name_key(head), 0)


def _longest_match(
    text: str, tokens: list[tuple[int, int]], i: int, country: str | None = None
) -> tuple[int, GazetteerEntry] | None:
    """Last token index and entry of the longest gazetteer name starting at token ``i``
    (the project gazetteer first, then the cities1000 places of theatre countries)."""
    first = text[tokens[i][0]:tokens[i][1]]
    is_article = first.lower() in _ARTICLES and i + 1 < len(tokens)
    if is_article and first.lower() not in ("al", "el") and text[tokens[i][1]:tokens[i + 1][0]] != "-":
        return None  # "at Hama", "As Hama": an English word before the name, not "al-"
    if not (first[0].isupper() or is_article):
        return None
    head = text[tokens[i + 1][0]:tokens[i + 1][1]] if is_article else first
    longest = max(_head_tokens(head), _country_head(country, head))
    if not longest:
        return None
    # an article prefix and hyphenated names add tokens beyond the key's own count
    last_j = min(len(tokens), i + min(_MAX_TOKENS, 2 * longest + 1)) - 1
    joined = i  # tokens i..joined are separated by name gaps only (a space or hyphen)
    while joined < last_j and _NAME_GAP.fullmatch(text, tokens[joined][1], tokens[joined + 1][0]):
        joined += 1
    has_article = first.lower() in _ARTICLES
    for j in range(min(last_j, joined), i - 1, -1):
        if not text[tokens[j][0]].isupper():
            continue
        span = text[tokens[i][0]:tokens[j][1]]
        if not has_article and name_key(span) in _not_in_free_text():
            continue
        entry = lookup(span)
        if entry is None and country and (world := lookup_in_country(span, country, free_text=True)) is not None:
            entry = GazetteerEntry("", world.name, world.admin1, world.latitude, world.longitude, "town")
        if entry is None and (world := lookup_world(span, free_text=True)) is not None:
            entry = GazetteerEntry("", world.name, world.admin1, world.latitude, world.longitude, "town")
        if entry is not None:
            return j, entry
    return None


_ADMIN_TAIL = re.compile(
    r"^(?:'s)?\s+(province|governorate|countryside|provinces|governorates|countrysides|oblast|region)\b",
    re.IGNORECASE,
)
_RURAL_HEAD = re.compile(r"(?:\b(?:rural|countryside of|province of|region of|governorate of)\s+)$", re.IGNORECASE)


def _mention(text: str, start: int, end: int, entry: GazetteerEntry, country: str | None = None) -> PlaceMention:
    """A mention, widened to "X province" / "rural X" when the text says so."""
    tail = _ADMIN_TAIL.match(text[end:])
    head = _RURAL_HEAD.search(text[max(0, start - 20):start])
    if tail:
        end += tail.end()
    elif head:
        start -= len(head.group())
    name = text[start:end]
    return PlaceMention(name, start, end, _resolve_place(name, country))


def _admin_lists(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """In "Idlib and Aleppo provinces" the plural word makes every listed name admin1."""
    out = list(mentions)
    for k in range(len(out) - 1, 0, -1):
        later = out[k]
        if later.place.precision != "admin1" or not re.search(r"s$", later.name, re.IGNORECASE):
            continue
        m = k - 1
        while m >= 0 and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[out[m].end:out[m + 1].start]):
            prev = out[m]
            entry = lookup(prev.name, governorate=True)
            if entry is not None:
                out[m] = PlaceMention(prev.name, prev.start, prev.end, _as_place(prev.name, entry, "admin1"))
            m -= 1
    return out
