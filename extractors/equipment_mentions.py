"""Equipment named in a sentence: the catalogue of models and generic words
(``seeds/reference/equipment_catalogue.csv``), improvised items ("vehicles mounted with
heavy machine guns", "car bombs"), and the quantity written before each.

Vocabulary: ``seeds/reference/equipment_vocabulary.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import numbers
from . import compiled_patterns
from .equipment_shapes import is_ship_name, reshape
from .equipment_verbs import reduced_passive
from .patterns import lowers_exactly, substring_finder, trie_alternation
from .reference import load_csv, load_yaml

@dataclass(frozen=True)
class EquipmentMention:
    """A piece of equipment named in a sentence (offsets into the sentence)."""

    text: str  # as written, with an attached generic word ("Gvozdika self-propelled artillery unit")
    start: int
    end: int
    model: str | None  # canonical model, None for generic words
    category: str


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The vocabulary, with its loss lemmas spread into every verb form (equipment_verbs)."""
    from .equipment_verbs import expanded_vocabulary

    return expanded_vocabulary(lambda: load_yaml("equipment_vocabulary.yaml"))


def _alias_regex(alias: str) -> str:
    """An alias as a pattern where hyphens and spaces may be written either way or omitted."""
    parts = re.split(r"[-\s]+", alias.strip())
    return r"[-\s]?".join(re.escape(p) for p in parts)


@lru_cache(maxsize=1)
def _catalogue() -> tuple[dict[str, tuple[str | None, str]], dict[str, re.Pattern[str]]]:
    """Folded alias -> (model, category), and per leading run of an alias ("t" for T-72,
    "bmp" for BMP-1) one pattern matching the aliases that start with it: a word of the
    text tries only the aliases that can start there, not all of them."""
    table: dict[str, tuple[str | None, str]] = {}
    for row in load_csv("equipment_catalogue.csv"):
        model = row["model"].strip() or None
        for alias in row["aliases"].split("|"):
            if alias.strip():
                table[_fold(alias)] = (model, row["category"].strip())
    aliases = sorted(
        {a.strip() for row in load_csv("equipment_catalogue.csv") for a in row["aliases"].split("|") if a.strip()},
        key=len, reverse=True,
    )
    by_start: dict[str, list[str]] = {}
    for alias in aliases:
        by_start.setdefault(_RUN.match(alias.lower()).group(), []).append(alias)
    # a model written with a variant suffix glued to it ("T-90M", "T-72B3", "Mi-8MTV", "Su-30SM2",
    # "Leopard 2A6") is the model: capital letters and digits only, so a plural "s" stays one
    patterns = {
        start: compiled_patterns.compile(
            r"(?P<alias>" + "|".join(_alias_regex(a) for a in group) + r")"
            r"(?P<variant>(?-i:[A-Z]{1,3}\d{0,2}|\d{1,2}[A-Z]{0,2}))?(?:s|'s)?(?![\w-])",
            re.IGNORECASE,
        )
        for start, group in by_start.items()
    }
    return table, patterns


_HYPHENS_SPACES = re.compile(r"[-\s]+")


def _fold(alias: str) -> str:
    return _HYPHENS_SPACES.sub("", alias.lower())


def phrases(words: list[str]) -> str:
    """Words as one alternation, longest first, spaces and hyphens written either way."""
    return _phrases(tuple(words))


@lru_cache(maxsize=256)
def _phrases(words: tuple[str, ...]) -> str:
    ordered = sorted({w.strip() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]") for w in ordered)



# any of them cannot report a loss (nor carry one), so it is skipped at once.
_STEMS = (
    "destr", "captur", "seiz", "damag", "abandon", "left behind", "blow", "blew", "burn",
    "wreck", "shot down", "downed", "fell into", "troph", "booty", "spoils", "disabl",
    "torch", "knocked", "ablaze", "on fire", "neutrali", "eliminat", "charred", "loot",
    "commandeer", "hands", "equipment", "losses", "lost", "hardware", "arsenal", "crash",
    "flames", "hit", "possession", "got hold", "out of action", "smash", "wipe", "wiping",
    "obliterat", "annihilat", "demolish", "took out", "take out", "taken out", "taking out",
    "sank", "sunk", "sink", "intercept", "grab", "confiscat", "incinerat", "flatten", "immobili",
    "crippl", "knock", "elimination", "destruction", "downing", "damage", "lose", "loss", "down",
)


def has_stem(text: str) -> bool:
    return _stem_finder().search(text.lower()) is not None


@lru_cache(maxsize=1)
def _stem_finder() -> re.Pattern[str]:
    table = vocab()  # every form of every loss verb and noun, and the after-phrases, count too
    words = [w for family in ("verbs_before", "after") for ws in table[family].values() for w in ws]
    stems = sorted({*_STEMS, *(w.lower() for w in words), *table["damage_verbs_direct"]})
    return re.compile(r"(?<![a-z])(?:" + substring_finder(stems).pattern + ")")  # at a word start: not "close", "white"


# ---------------------------------------------------------------- mentions

_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


@lru_cache(maxsize=1)
def _run_finder() -> re.Pattern[str]:
    """In the lower-cased text, the whole runs (as ``_RUN`` reads them) that are the leading
    run of an alias, or such a letter run with an "s" after it (a plural): the runs ``_scan``
    may try, found in one scan instead of reading every run in Python."""
    starts = _catalogue()[1]
    letters = sorted(k for k in starts if k.isalpha() and k.isascii())
    digits = sorted(k for k in starts if k.isdigit() and k.isascii())
    branches = [rf"(?<![a-z])(?:{trie_alternation(letters)})s?(?![a-z])"] if letters else []
    branches += [rf"(?<![0-9])(?:{trie_alternation(digits)})(?![0-9])"] if digits else []
    return compiled_patterns.compile("|".join(branches) or r"(?!)")


def _scan(text: str, patterns: dict[str, re.Pattern[str]]) -> list[re.Match[str]]:
    """Alias matches, trying at each word only the aliases that start with it. On a text
    whose lower-casing keeps its offsets (``lowers_exactly``), the runs that start no alias
    are passed over inside one scan (``_run_finder``); every other run is read as before."""
    found: list[re.Match[str]] = []
    resume = 0
    runs = (_run_finder().finditer(text.lower()) if lowers_exactly(text) and patterns is _catalogue()[1]
            else _RUN.finditer(text))
    for run in runs:
        at = run.start()
        if at < resume:
            continue
        word = text[at:run.end()].lower()
        pattern = patterns.get(word)
        if pattern is None and len(word) > 3 and word.endswith("s"):
            pattern = patterns.get(word[:-1])  # a plural of a one-word alias: "Pantsirs" (control8)
        if pattern is None:
            continue
        if word in ("a", "an") and text[run.end():run.end() + 1] != "-":
            continue  # the article, not A-50 or An-26
        if at and (text[at - 1].isalnum() or text[at - 1] in "-_"):
            continue
        m = pattern.match(text, at)
        if m:
            found.append(m)
            resume = m.end()
    return found


def find_equipment(text: str) -> list[EquipmentMention]:
    """Equipment named in ``text``, a model and the generic word after it merged
    ("Grad multiple launch rocket system"), "towed" kept with the name. Memoised per text:
    the sentence object (``sentence.equipment``, read by the equipment extractor) and the
    casualty rules (a count of equipment is no toll) ask about the same sentences."""
    return list(_find_equipment(text))


@lru_cache(maxsize=16384)
def _find_equipment(text: str) -> tuple[EquipmentMention, ...]:
    table, patterns = _catalogue()
    raw: list[EquipmentMention] = []
    for m in _scan(text, patterns):
        word = re.sub(r"(?:'s|s)$", "", m.group()) if _fold(m.group()) not in table else m.group()
        model, category = table.get(_fold(word), table.get(_fold(m.group()), table.get(_fold(m.group("alias")), (None, "other"))))
        raw.append(EquipmentMention(m.group(), m.start(), m.end(), model, category))
    merged: list[EquipmentMention] = []
    for mention in raw:
        prev = merged[-1] if merged else None
        between = text[prev.end:mention.start] if prev is not None else ""
        described = (  # "Mi-8 military transport helicopter": the model and its description
            prev is not None and prev.model and mention.model is None and prev.category == mention.category
            and re.fullmatch(r"(?:\s+[a-z][a-z-]*){1,3}\s+", between)
            and not re.search(r"\b(?:and|or|a|an|the|of|with|as|including|plus|one|two|three|four|five|six|seven|"
                              r"eight|nine|ten|several|some|their|its|other|another)\b", between))  # "a BTR-80 and a BTR": two
        if prev is not None and (re.fullmatch(r"\s+", between) or described) and (prev.model is None or mention.model is None):
            model = prev.model or mention.model
            category = prev.category if prev.model else mention.category
            merged[-1] = EquipmentMention(text[prev.start:mention.end], prev.start, mention.end, model, category)
        else:
            merged.append(mention)
    out = []
    for mention in merged:
        tail = re.match(r"\s+(?:models?|variants?|versions?|gun|guns|tanks?)\b", text[mention.end:])
        start, end = mention.start, mention.end + (tail.end() if tail and mention.model else 0)
        towed = re.search(r"\btowed\s+$", text[:start], re.IGNORECASE)
        if towed:
            start = towed.start()
        out.append(EquipmentMention(text[start:end], start, end, mention.model, mention.category))
    return tuple(_mounted(text, reshape(text, out, EquipmentMention)))  # names and designations by shape


@lru_cache(maxsize=1)
def _mounted_vocabulary() -> tuple[re.Pattern[str], frozenset[str], str]:
    table = vocab()
    return (re.compile(table["mounted_frame"], re.IGNORECASE),
            frozenset(w.lower() for w in table["mounted_vehicles"]), table["mounted_category"])


def _mounted(text: str, mentions: list[EquipmentMention]) -> list[EquipmentMention]:
    """A vehicle with what it carries is one improvised item ("vehicles equipped with heavy
    machine guns", "SUVs with large-caliber weapons"); the weapon inside the phrase is no
    item of its own."""
    frame, vehicles, category = _mounted_vocabulary()
    out: list[EquipmentMention] = []
    covered_until = -1
    for mention in mentions:
        if mention.start < covered_until:
            continue  # the machine guns of "vehicles with machine guns"
        m = frame.match(text, mention.end) if mention.model is None and mention.text.lower() in vehicles else None
        if m:
            weapon = not re.search(r"\b(?:ammunition|explosives|munitions)\b", m.group(), re.IGNORECASE)
            mention = EquipmentMention(text[mention.start:m.end()], mention.start, m.end(), None,
                                       category if weapon else mention.category)
            covered_until = m.end()
        out.append(mention)
    return out


def is_munition(text: str, mention: EquipmentMention) -> bool:
    """Ammunition, a person or a part named by the item ("TOW missiles", "a jet pilot"), or
    no military item at all ("fuel tanks")."""
    words = phrases(vocab()["munition_after"])
    if mention.model is None and re.search(rf"\b(?:{phrases(vocab()['not_equipment_before'])})\s+$",
                                           text[max(0, mention.start - 12):mention.start], re.IGNORECASE):
        return True
    return bool(re.match(rf"\s+(?:{words})\b", text[mention.end:], re.IGNORECASE))


def umbrellas(text: str, mentions: list[EquipmentMention]) -> set[int]:
    """Starts of generic mentions that only introduce a list of models."""
    openers = phrases(vocab()["list_openers"])
    drop = set()
    for i, mention in enumerate(mentions):
        if mention.model is not None or i + 1 >= len(mentions) or mentions[i + 1].model is None:
            continue
        gap = text[mention.end:mentions[i + 1].start]
        if re.fullmatch(rf"[^.;]{{0,45}}?(?:{openers})\s+(?:the\s+)?", gap, re.IGNORECASE):
            drop.add(mention.start)
    return drop


def instruments(text: str, mentions: list[EquipmentMention]) -> set[int]:
    """Starts of mentions that are the means of an action, not its object ("captured the
    town with the help of tanks and artillery", "seized the hill using car bombs", "fighters
    aboard pickup trucks"); an item listed right after one inherits it."""
    table = vocab()
    before = re.compile(rf"\b(?<!off\s)(?<!away\s)(?:{phrases(table['instrument_before'])})\s+(?:(?:the|a|an|their|its|his|[a-z][\w-]*)\s+){{0,2}}$",
                        re.IGNORECASE)
    found: set[int] = set()
    previous: EquipmentMention | None = None
    for mention in mentions:
        head = text[max(0, mention.start - 50):mention.start]
        listed = previous is not None and previous.start in found and re.fullmatch(
            r"\s*,?\s*(?:and|or|as\s+well\s+as)?\s*(?:[a-z][\w-]*\s+){0,2}", text[previous.end:mention.start])
        if listed or (before.search(head) and not re.search(r"\d", head[before.search(head).start():])):
            found.add(mention.start)
        previous = mention
    return found


def np_prefix(text: str, start: int) -> str:
    """Words of the noun phrase before ``start`` (after the last comma, "and", "including")."""
    before = text[max(0, start - 50):start]
    parts = re.split(r",(?!\d{3})|;|:|\band\b|\bor\b|\bincluding\b|\bsuch as\b|\blike\b|\bas well as\b", before)  # "2,300 Humvees"
    return parts[-1]



_SANK_AN_OBJECT = re.compile(r"\s+(?:\w+ly\s+)?(?:sank|sunk|torpedoed|rammed|capsized)\s+(?:(?:the|a|an|two|three|four|five|six|"
                             r"several)\b|\d|(?-i:[A-Z]))", re.IGNORECASE)


def is_agent(text: str, mention: EquipmentMention) -> bool:
    """True when the equipment does something ("Russian jets bombed ...", "shot down by
    Turkish F-16s"), so it is no loss."""
    if re.search(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[:mention.start], re.IGNORECASE):
        return True
    if _SANK_AN_OBJECT.match(text, mention.end):
        return True  # "naval drones sank the landing ship", "Skyhawks sank HMS Coventry" (equipment10w)
    return bool(re.match(
        r"\s+(?:\w+ly\s+)?(?:bombed|struck|shelled|targeted|fired|attacked|hit|pounded|carried|"
        r"conducted|launched|flew|destroyed|killed|downed|shot|raided|strafed|dropped|dropping|"
        r"bombing|shelling|firing|targeting|pounding|used(?!\s+by))\b",
        text[mention.end:], re.IGNORECASE)) and reduced_passive(text, mention.end, vocab()) is None


# ---------------------------------------------------------------- quantity

_CALIBRE = re.compile(r"\s*-?\s*(?:mm|millimet|cm|calibre|caliber)\b", re.IGNORECASE)


def quantity_of(text: str, mention: EquipmentMention) -> tuple[int | None, str | None]:
    """Quantity and qualifier from the words before the equipment."""
    prefix = np_prefix(text, mention.start)
    prefix_end = len(prefix)
    counts = numbers.find_counts(prefix)
    for i in reversed(range(len(counts))):  # the nearest first: "34 terrorists five vehicles"
        count = counts[i]
        if _CALIBRE.match(prefix, count.end):
            continue  # a calibre: "two 105 mm howitzers"
        if i and re.fullmatch(r"\s+of\s+(?:the\s+|their\s+|its\s+)?", prefix[counts[i - 1].end:count.start]) \
                and re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s*", prefix[count.end:prefix_end]):
            return counts[i - 1].count.best, counts[i - 1].count.qualifier  # "18 of (the) 31 trucks" counts 18
        value = count.count.best if count.count.best is not None else count.count.low
        if value is not None and 1900 <= value <= 2100 and count.count.qualifier == "exact":
            continue  # a year ("3 August 2015 A Syrian jet ..."), not "more than 2000 vehicles"
        between = prefix[count.end:prefix_end]
        if re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s*|(?:\s+[A-Z][\w-]*)?(?:\s+[a-z][\w-]*)?\s*", between):
            return count.count.best, count.count.qualifier  # "5 ISIS tanks", "two Russian armored vehicles"
        if re.fullmatch(r"\s+of\s+(?:the\s+|their\s+|its\s+)?\d[\d,]*(?:\s+[a-z][\w-]*){0,2}\s*", between):
            return count.count.best, count.count.qualifier  # "at least 18 of 31 vehicles": 18
        if re.fullmatch(r"\s+of\s+(?:the\s+|their\s+|its\s+)?(?:[A-Z][\w-]*\s+){1,2}(?:[a-z][\w-]*\s+)?", between):
            return count.count.best, count.count.qualifier  # "14 of IS military vehicles": 14
    table = vocab()
    words = "|".join(re.escape(w) for w in sorted(table["quantity_words"], key=len, reverse=True))
    pattern = re.compile(rf"\b(at\s+least\s+|more\s+than\s+|about\s+|around\s+)?(?<![\w-])(\d+|{words})\b((?:\s+[\w.-]+){{0,2}}|(?-i:(?:\s+[A-Z][\w.-]*){{3}})|(?-i:\s+[A-Z][\w.-]*)(?:\s+[a-z][\w.-]*){{2}})\s*$",
                         re.IGNORECASE)  # three words only as a name: "A Nigerian Air Force Alpha Jet", or
    # an owner and its service: "an Ethiopian air force C-130" (control8)
    m = pattern.search(prefix)
    while m is not None and (later := pattern.search(prefix, m.end(2))) is not None:
        if _CALIBRE.match(prefix, later.end(2)):
            break  # "two 105 mm howitzers" counts 2
        m = later  # the nearest quantity word: "Aug 012016 BEIRUT A Russian military helicopter" counts 1
    if m and m.group(2).isdigit() and 1900 <= int(m.group(2)) <= 2100:
        m = None  # a year, not a quantity
    if m and not re.search(r"\b(?:the|of)\b", m.group(3) or ""):
        value = m.group(2).lower()
        number = int(value) if value.isdigit() else table["quantity_words"][value]
        qualifier = {"at": "at_least", "mor": "more_than", "abo": "approximately", "aro": "approximately"}.get(
            (m.group(1) or "").strip()[:3].lower(), "exact")
        return number, qualifier
    vague = phrases(table["vague_words"])
    if re.search(rf"\b(?:{vague})\b(?:\s+[\w-]+){{0,2}}\s*$", prefix, re.IGNORECASE):
        return None, "vague"
    if _plural(mention) and (
        re.search(r"\b(?:their|its)\s+(?:[\w-]+\s+){0,2}$", prefix, re.IGNORECASE)
        or re.search(rf"\b(?:{vague}|their|its)\s+(?:[a-z-]+\s+){{0,3}}?(?:and|or|as\s+well\s+as)\s+(?:[a-z-]+\s+){{0,2}}$",
                     text[max(0, mention.start - 70):mention.start], re.IGNORECASE)):
        return None, "vague"  # "destroying their vehicles", "some tanks and military vehicles"
    if is_ship_name(mention):
        return 1, "exact"  # "the cruiser General Belgrano", "HMS Coventry": one ship (equipment10w)
    if re.search(r"\bthe\s+$", prefix, re.IGNORECASE) and mention.model and not mention.text.endswith("s") \
            and mention.text.split()[-1].lower() in {"gun", "tank", "system", "unit", "launcher", "helicopter", "jet"}:
        return 1, "exact"
    if not _plural(mention) and mention.model is None and re.search(
            r"\b(?:the|this|that|their|its|his)\s+(?:[a-z][\w-]*\s+){0,2}$", prefix, re.IGNORECASE):
        return 1, "exact"  # "the tank was put out of service": one item
    return None, None


def _plural(mention: EquipmentMention) -> bool:
    """A plural item ("vehicles", "tanks with machine guns"), by its first words."""
    return re.match(r"^(?:[\w-]+\s+){0,2}?[\w-]*[^s\W]s\b", mention.text) is not None
