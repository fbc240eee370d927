"""Armed actors named by whom they serve (helper control8b): "forces loyal to Libya's
Tripoli-based government", "fighters aligned with Kiir", "Haftar-aligned militias",
"troops of the Sudanese government", "the Tripoli-based government's forces". The forces
read as their master, in any war; the words are data (``actors_allegiance.yaml``).

The master is, in this order: a leader of the table; an armed actor the alias table knows,
right at the start of the phrase; a government ("Libya's government", "the Sudanese
government", "the government of Ethiopia", a seat of the table before "-based"; with no
country named, the article's country's). A master no rule knows gives nothing: a fact we
are unsure of is better missing than wrong.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .reference import load_csv, load_yaml
from .theatre import role_actor

_CUE = re.compile(r"loyal|allied|aligned|affiliated|answering|fighting for|backed|supported|government|administration|authorities",
                  re.IGNORECASE)


@lru_cache(maxsize=1)
def _table() -> dict:
    return load_yaml("actors_allegiance.yaml")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _force_nouns() -> str:
    nouns = [r["noun"].strip().lower() for r in load_csv("actors_force_nouns.csv")]
    return _alt([n for n in nouns if " " not in n] + list(_table()["extra_force_nouns"]))


@lru_cache(maxsize=1)
def _states() -> tuple[dict[str, str], dict[str, str]]:
    """Country names and nationality adjectives (lower case) -> the state's forces."""
    from .actors import country_forces, nationality_words  # actors imports this module
    names = {k.lower(): v for k, v in country_forces().items()}
    adjectives = {word.lower(): actor for word, actor in nationality_words("adjective").items()}
    return names, adjectives


@lru_cache(maxsize=1)
def _government_phrase() -> re.Pattern[str]:
    """"Libya's Tripoli-based government", "the Sudanese government", "the government of
    Ethiopia", "the internationally recognised government"."""
    nouns = _alt(_table()["government_nouns"])
    return re.compile(
        r"(?:the\s+)?(?:(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)['’]s\s+)?"
        r"(?P<mods>(?:[\w-]+\s+){0,3}?)"
        rf"(?P<noun>{nouns})\b(?:\s+(?:of|in)\s+(?P<of>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?")


def _government(m: re.Match[str]) -> str | None:
    names, adjectives = _states()
    seats = _table()["seats"]
    mods = m.group("mods").split()
    for word in mods:  # "Tripoli-based", "eastern-based", "the Tripoli government"
        based = word.lower().endswith("-based")
        seat = word[: -len("-based")] if based else word
        actor = next((a for s, a in seats.items() if s.lower() == seat.lower()), None)
        if based or (actor and seat[:1].isupper()):
            return actor
    owner = m.group("owner") or m.group("of")
    if owner:
        return names.get(owner.lower()) or names.get(owner.lower().removeprefix("the "))
    for i in range(len(mods)):  # "the South Sudanese government", "the Sudanese government"
        state = adjectives.get(" ".join(mods[i:]).lower())
        if state:
            return state
    if any(w[:1].isupper() for w in mods):
        return None  # "the Houthi government": a master no table knows
    return role_actor("government forces")


@lru_cache(maxsize=1)
def _leader_phrase() -> re.Pattern[str]:
    titles = _alt(_table()["titles"])
    return re.compile(rf"(?:(?:{titles})\s+){{0,3}}(?P<name>{_alt(_table()['leaders'])})(?![\w-])", re.IGNORECASE)


def _master(head: str, find: Callable) -> tuple[str, int] | None:
    """(actor, length of the words read) for the master at the start of ``head``."""
    leader = _leader_phrase().match(head)
    if leader:
        key = next(k for k in _table()["leaders"] if k.lower() == leader.group("name").lower())
        return _table()["leaders"][key], leader.end()
    gov = _government_phrase().match(head)
    if gov:
        actor = _government(gov)
        return (actor, gov.end()) if actor else None
    named = [m for m in find(head[:80]) if re.fullmatch(r"(?:the\s+)?", head[: m.start], re.IGNORECASE)]
    if named and named[0].actor_id not in ("civilians", "unknown", "opposition"):
        return named[0].actor_id, named[0].end
    return None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    nouns, table = _force_nouns(), _table()
    bonds = _alt(table["bonds"])
    prefix = _alt(table["prefix_bonds"] + table["backed_bonds"])
    gov = _alt(table["government_nouns"])
    return (
        re.compile(rf"\b(?P<noun>{nouns})\s+(?:(?:still|who\s+are|that\s+are)\s+)?(?:{bonds})\s+", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?P<master>[\w'’]+(?:\s+[A-Z][\w'’]+)?)-(?P<bond>{prefix})\s+(?:[\w-]+\s+)?(?P<noun>{nouns})\b", re.IGNORECASE),
        re.compile(rf"\b(?P<noun>{nouns})\s+of\s+(?=(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{gov})\b)", re.IGNORECASE),
        re.compile(rf"(?P<gov>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{gov}))['’]s\s+(?P<noun>{nouns})\b", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _government_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(_table()['government_nouns'])})\b", re.IGNORECASE)


def _near_government(pattern: re.Pattern[str], text: str, after: bool = False):
    """Matches of ``pattern`` in the few words around each government noun only (the nouns
    are rare; the pattern's force-noun alternation is not tried at every position)."""
    seen = -1
    for g in _government_word().finditer(text):
        start = max(0, g.start() - 80, seen)
        end = min(len(text), g.end() + 40) if after else g.end()
        for m in pattern.finditer(text, start, end):
            seen = m.end()
            yield m


def allegiance_cue(text: str) -> bool:
    """Cheap test: may ``text`` hold a forces-by-allegiance phrase at all?"""
    return _cues(text) is not None


def may_hold_phrase(text: str) -> bool:
    """Narrower than ``allegiance_cue``: may ``allegiance_mentions`` add a phrase to ``text``'s
    actors at all (a bond, a prefixed bond or a government noun stands in it)? False: the
    actors of ``text`` are its alias matches alone."""
    cues = _cues(text)
    return cues is not None and any(cues)


@lru_cache(maxsize=1)
def _cue_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The words of ``_CUE``; the bonds; their first words; "-" and each prefixed bond."""
    bonds = tuple(_table()["bonds"])
    words = tuple(_CUE.pattern.split("|"))
    if not all(re.fullmatch(r"[a-z ]+", w) for w in words + bonds):  # not plain words: the pattern decides
        words = ()
    return (words, bonds, tuple(b.split()[0] for b in bonds),
            tuple(f"-{b}" for b in _table()["prefix_bonds"] + _table()["backed_bonds"]))


@lru_cache(maxsize=32768)  # find_actors asks for a text again in each state of the article's country
def _cues(text: str) -> tuple[bool, bool, bool] | None:
    """(a bond, a prefixed bond, a government noun) in ``text``, or None without a cue word.
    In ASCII text (most) the words are looked for in the lower-cased text (lower-casing is
    exact there, and each pattern needs its bond as written: "fighting" alone is no bond);
    elsewhere the case-blind pattern and the first words, as before."""
    words, bonds, first_words, prefixed = _cue_words()
    low = text.lower()
    if text.isascii() and words:
        if not any(w in low for w in words):
            return None
        has_bond = any(b in low for b in bonds)
    else:
        if not _CUE.search(text):
            return None
        has_bond = any(w in low for w in first_words)
    has_prefix = "-" in low and any(p in low for p in prefixed)
    has_gov = any(g in low for g in _table()["government_nouns"])
    return has_bond, has_prefix, has_gov


_POSSESSIVE = re.compile(r"['’]s", re.IGNORECASE)  # in every match of the "government's forces" pattern


def allegiance_mentions(text: str, found: list, find: Callable, make: Callable) -> list:
    """``found`` (a sentence's actor mentions) with every forces-by-allegiance phrase of
    ``text`` as one mention of its master; mentions inside the phrase give way."""
    cues = _cues(text)
    if cues is None or not any(cues):
        return found
    has_bond, has_prefix, has_gov = cues
    new = []
    bond, prefixed, of_gov, gov_owned = _patterns()
    for m in bond.finditer(text) if has_bond else ():
        master = _master(text[m.end():], find)
        if master:
            new.append(make(text[m.start():m.end() + master[1]], master[0], m.start(), m.end() + master[1]))
    for m in prefixed.finditer(text) if has_prefix else ():
        word = m.group("master")
        master = _master(word, find) if word.lower() not in ("government", "state", "army") else (role_actor("government forces"), len(word))
        if not master or not master[0]:
            continue
        if m.group("bond").lower() in _table()["backed_bonds"] and word.lower() not in ("government", "state", "army") and (
                master[0] in _states()[0].values() or master[0] in _states()[1].values()):
            continue  # "Iran-backed militias" are not Iran's army
        new.append(make(text[m.start():m.end()], master[0], m.start(), m.end()))
    for m in _near_government(of_gov, text) if has_gov else ():
        gov = _government_phrase().match(text, m.end())
        actor = _government(gov) if gov else None
        if actor:
            new.append(make(text[m.start():gov.end()], actor, m.start(), gov.end()))
    for m in _near_government(gov_owned, text, after=True) if has_gov and _POSSESSIVE.search(text) else ():
        start = m.start("gov")
        gov = _government_phrase().search(text, start, m.end("gov"))
        actor = _government(gov) if gov and gov.end() == m.end("gov") else None
        if actor:
            new.append(make(text[gov.start():m.end()], actor, gov.start(), m.end()))
    if not new:
        return found
    kept = [f for f in found if not any(n.start < f.end and f.start < n.end for n in new)]
    return sorted(kept + new, key=lambda x: x.start)
