"""Sources named by the alias table: "according to SOHR", "the army said", "X told Reuters".

The alias table ``seeds/reference/claimants_aliases.csv`` maps the article's words for a
source onto one normalised claimant ("the Observatory" -> "SOHR"); the attribution words
(reporting verbs, "according to") are in ``seeds/reference/claimants_verbs.yaml``. This
module compiles both and turns an alias match into a ``ClaimantMention``; ``claimants``
decides which match a sentence attributes itself to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import theatre
from . import compiled_patterns
from .patterns import alternation, case_blind_alternation, lowers_exactly, substring_finder, trie_alternation
from .reference import load_csv, load_yaml
from .records import fast_init


@fast_init
@dataclass(frozen=True)
class ClaimantMention:
    """A source named in a sentence, with how it was attributed."""

    claimant: str  # normalised ("SOHR")
    words: str  # as written ("the Observatory")
    start: int  # where the attribution starts in the sentence
    generic: bool  # a back-reference such as "the sources"


@fast_init
@dataclass(frozen=True)
class Alias:
    claimant: str
    generic: bool


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, Alias], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Alias table and compiled patterns (aliases, verbs after a source, phrases before one,
    pronoun subjects)."""
    aliases: dict[str, Alias] = {}
    sensitive: list[str] = []
    insensitive: list[str] = []
    for row in load_csv("claimants_aliases.csv"):
        alias = row["alias"].strip().lower()
        claimant = row["claimant"].strip()
        aliases[alias] = Alias(claimant, (row.get("generic") or "").strip() == "yes")
        # abbreviations that are also ordinary words ("who", "ap") match in capitals only
        if claimant == alias.upper() and alias.isalpha():
            sensitive.append(alias.upper())
        else:
            insensitive.append(alias)
    for alias in list(insensitive):  # "the Syrian Observatory for Human Rights" as a whole
        if not alias.startswith("the ") and "the " + alias not in aliases:
            aliases["the " + alias] = aliases[alias]
            insensitive.append("the " + alias)
    alias_pattern = compiled_patterns.compile(
        rf"(?<![\w-])(?:(?-i:{alternation(sensitive)})|{trie_alternation(insensitive)})(?![\w-])",
        re.IGNORECASE,
    )
    verbs = load_yaml("claimants_verbs.yaml")
    verb = case_blind_alternation(verbs["reporting_verbs"])  # every pattern here is case-blind
    gap = (
        r"(?:\s*\([^)]{0,40}\))?"  # "(SOHR)"
        r"(?:\s*,[^,]{1,120},)?"  # ", which has supported Damascus since 2015,"
        r"(?:\s+(?:in|from|at|of|on|inside)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+[a-z]+)?)?"  # "in Hama city"
        r"(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}"  # a person's name: "spokesman Dmitry Peskov"
        r"\s*,?\s*(?:(?:\w+ly|also|has|have|had|then|later|earlier|further|"
        r"on\s+(?-i:[A-Z])\w+|in\s+a\s+statement)\s+){0,3}"
    )
    after_source = compiled_patterns.compile(  # not "an airstrike ... claimed the lives of"
        rf"^[)\]]?{gap}(?P<verb>{verb})\b(?!\s+(?:the\s+)?lives\b)", re.IGNORECASE)  # "(UNICEF) has said"
    before = compiled_patterns.compile(
        rf"\b(?P<phrase>{case_blind_alternation(verbs['before_claimant'])})\s+(?:the\s+|a\s+)?$", re.IGNORECASE
    )
    pronoun = compiled_patterns.compile(
        rf"(?:^|[,\"”]\s*)(?:{case_blind_alternation(verbs['pronoun_subjects'])})\s+(?:\w+ly\s+|also\s+)?(?:{verb})\b"
        rf"|\b(?:said|added|noted)\s+(?:he|she|they)\b",
        re.IGNORECASE,
    )
    return aliases, alias_pattern, after_source, before, pronoun


@lru_cache(maxsize=1)
def _attribution_stems() -> tuple[str, ...]:
    """Cheap prefilter words: a sentence names a claimant only next to one of these (a
    reporting verb, "according to", "a statement from", "figures from"...). Shortest
    stems only: "report" covers "reported", "reports"..."""
    verbs = load_yaml("claimants_verbs.yaml")
    words = {w.split()[0].lower() for w in verbs["reporting_verbs"]}
    words |= {w.lower() for phrase in verbs["before_claimant"] for w in phrase.split()
              if len(w) > 3 and w not in ("this", "from")}
    stems = sorted(words, key=len)
    kept: list[str] = []
    for word in stems:
        if not any(stem in word for stem in kept):
            kept.append(word)
    return tuple(kept)


def may_attribute(text: str) -> bool:
    return _may_attribute(text)


@lru_cache(maxsize=8)  # asked again for the same sentence by claimants_by_sentence (pronoun subjects)
def _may_attribute(text: str) -> bool:
    return _attribution_finder().search(text.lower()) is not None


@lru_cache(maxsize=1)
def pronoun_needs_attribution() -> bool:
    """True when a pronoun subject's report ("they said", "said he") holds a word of
    ``may_attribute``: every reporting verb starts with a stem of it, and so do "said",
    "added" and "noted"; then a text it rejects (lower-cased exactly) has no such report."""
    stems = _attribution_stems()
    return all(any(stem in word for stem in stems) for word in ("said", "added", "noted"))


@lru_cache(maxsize=1)
def _attribution_finder() -> re.Pattern[str]:
    return substring_finder(_attribution_stems())


_WORD_RUN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _alias_start_finder() -> re.Pattern[str] | None:
    """In the lower-cased text, the letter/digit runs an alias starts with (None when an
    alias does not start with one or is not ASCII: then only the full scan is exact)."""
    firsts = set()
    for alias in tables()[0]:
        lead = _WORD_RUN.match(alias)
        if lead is None or not alias.isascii():
            return None
        firsts.add(lead.group())
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(sorted(firsts))})(?![^\W_])")


def alias_matches(text: str, alias_pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """``list(alias_pattern.finditer(text))``, the whole alternation tried only where an
    alias's first word stands (found in one scan of the lower-cased text): an alias starts
    where its pattern looks behind for a word start, so the matches are the same."""
    finder = _alias_start_finder()
    if finder is None or not lowers_exactly(text):
        return list(alias_pattern.finditer(text))
    found: list[re.Match[str]] = []
    resume = 0
    for word in finder.finditer(text.lower()):
        if word.start() < resume:
            continue
        m = alias_pattern.match(text, word.start())
        if m:
            found.append(m)
            resume = m.end()
    return found



def told_medium(text: str, verb_end: int) -> str | None:
    """"X told Reuters": the known medium right after "told" (its normalised name)."""
    aliases, alias_pattern, *_ = tables()
    told = alias_pattern.match(text, verb_end + 1) or alias_pattern.match(text, verb_end + 5)
    if told and re.fullmatch(r"\s+(?:the\s+)?", text[verb_end:told.start()], re.IGNORECASE):
        return aliases[told.group().lower()].claimant
    return None


def mention_of(aliases: dict[str, Alias], m: re.Match[str], start: int, text: str) -> ClaimantMention:
    alias = aliases[m.group().lower()]
    whose = _FORCE_WORD.fullmatch(m.group())
    if whose:  # "the Ukrainian army said": whose army the nationality says, not the Syrian default
        before = re.search(r"((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)(['’]s)?\s+$",
                           text[max(0, m.start() - 40):m.start() + len(whose.group(1) or "")])
        demonym = before.group(1) if before else None
        if demonym and not before.group(2):
            demonym = demonym.split()[-1]  # "the Sudanese army"
        if demonym and not before.group(2) and demonym.lower() in _demonyms() and demonym.lower() != "syrian":
            return ClaimantMention(f"{demonym} {whose.group(2).lower()}", text[m.start():m.end()], start, False)
        if demonym and before.group(2) and demonym.lower() in country_names() and demonym.lower() != "syria":
            # "Mali's army said": the country's own army
            return ClaimantMention(f"{demonym}'s {whose.group(2).lower()}", text[m.start():m.end()], start, False)
    local = theatre.local_claimant(m.group()) or _theatre_claimant(m.group())  # "the army said" in Sudan
    if local is not None:
        return ClaimantMention(local, text[m.start():m.end()], start, False)
    return ClaimantMention(alias.claimant, text[m.start():m.end()], start, alias.generic)


def _theatre_claimant(words: str) -> str | None:
    """"the coalition said" in a report from Yemen: the Saudi-led coalition
    (``claimants_theatres.csv``); None elsewhere."""
    table = _theatre_claimants()
    key = words.strip().lower()
    if not any(alias == key for _, alias in table):
        return None
    country = theatre.current_country()
    return table.get((country, key)) if country else None


@lru_cache(maxsize=1)
def _theatre_claimants() -> dict[tuple[str, str], str]:
    return {(row["code"].strip(), row["alias"].strip().lower()): row["claimant"].strip()
            for row in load_csv("claimants_theatres.csv")}


_FORCE_WORD = re.compile(r"(the\s+)?(army|military|armed forces)", re.IGNORECASE)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names as written ("Mali", "Ukraine"), lower-case, from theatre_countries.csv."""
    return frozenset(name.strip().lower() for row in load_csv("theatre_countries.csv")
                     for name in (row.get("names") or "").split("|") if name.strip())


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(row["demonym"].strip().lower() for row in load_csv("actors_nationalities.csv"))
