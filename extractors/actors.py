"""Armed actors: find the article's words for them and map them onto contract actor ids.

The alias table is ``seeds/reference/actor_aliases.csv``. The article's own words are kept
(``label``) next to the normalised id, so framing ("terrorists", "rebels") is never lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .allegiance import allegiance_cue, allegiance_mentions
from . import compiled_patterns
from .patterns import trie_alternation
from .reference import load_csv
from .theatre import localised, memo as theatre_memo
from .records import fast_init


@fast_init
@dataclass(frozen=True)
class ActorMention:
    label: str  # as written
    actor_id: str
    start: int  # offsets into the searched text
    end: int


CASE_SENSITIVE = "case-sensitive"  # a note marking aliases matched only as written ("IS")


@lru_cache(maxsize=1)
def _alias_rows() -> tuple[tuple[str, str, bool], ...]:
    """(alias as written, actor id, case-sensitive) for every alias: ``actor_aliases.csv``,
    then the aliases ``actor_aliases_by_theatre.csv`` alone knows, with actor id "" (they name
    an actor only in their theatres: ``theatre.localised``)."""
    rows = [(r["alias"].strip(), r["actor_id"].strip(), CASE_SENSITIVE in (r.get("note") or ""))
            for r in load_csv("actor_aliases.csv")]
    known = {alias.lower() for alias, _, _ in rows}
    for r in load_csv("actor_aliases_by_theatre.csv"):
        alias = r["alias"].strip()
        if alias.lower() not in known:
            known.add(alias.lower())
            rows.append((alias, "", CASE_SENSITIVE in (r.get("note") or "")))
    return tuple(rows)


@lru_cache(maxsize=1)
def _exact() -> dict[str, str]:
    """Lower-case key -> the alias as written, for aliases matched only as written."""
    return {alias.lower(): alias for alias, _, exact in _alias_rows() if exact}


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    """Lower-case alias -> actor id (the nationality aliases, then the alias table's rows)."""
    table = {**_nationality_aliases(),
             **{alias.lower(): actor for alias, actor, is_exact in _alias_rows() if not is_exact}}
    table.update({alias.lower(): actor for alias, actor, is_exact in _alias_rows() if is_exact})
    return table


@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, str], re.Pattern[str]]:
    """Lower-case alias -> actor id, and one pattern for them all. Aliases whose note says
    "case-sensitive" match only as written, so "IS" (the group) is never the verb "is".
    The scan reads ``_alias_table`` and ``_pattern_starting`` only: this pattern of every
    alias (a third of a new process's first article to compile) is built when asked for."""
    exact = _exact()
    table = _alias_table()
    return table, _pattern([(a, _branch(a, exact)) for a in table])


def _branch(alias: str, exact: dict[str, str]) -> str:
    original = exact.get(alias)
    return f"(?-i:{re.escape(original)})" if original else re.escape(alias)


def _pattern(branches: list[tuple[str, str]]) -> re.Pattern[str]:
    branches = sorted(branches, key=lambda item: len(item[0]), reverse=True)
    # "Hayat Tahrir al-Sham-led rebels": a name may end in "-led" (the group leads them)
    return compiled_patterns.compile(r"(?<![\w-])(?:" + "|".join(b for _, b in branches) + r")(?:(?![\w-])|(?=-led\b))",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _pattern_starting(first: str) -> re.Pattern[str]:
    """The aliases whose first letter/digit run is ``first``, in one pattern: the regex
    tried at a word stays small however many aliases the table holds."""
    exact = _exact()
    return _pattern([(alias, _branch(alias, exact)) for alias in _by_first_word().get(first, ())])


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """First letter/digit run -> the aliases that start with it."""
    table = _alias_table()
    out: dict[str, list[str]] = {}
    for alias in table:
        lead = _WORD_RUN.match(alias)
        if lead:
            out.setdefault(lead.group(), []).append(alias)
    return {k: tuple(v) for k, v in out.items()}


def _nationality_aliases() -> dict[str, str]:
    """"Ukrainian troops", "the Sudanese army": every nationality word of
    ``actors_nationalities.csv`` with every force noun of ``actors_force_nouns.csv``, as
    lower-case alias -> actor id (the alias table's own rows override these)."""
    nouns = [row["noun"].strip().lower() for row in load_csv("actors_force_nouns.csv")]
    return {
        f"{row['demonym'].strip().lower()} {noun}": row["actor_id"].strip()
        for row in load_csv("actors_nationalities.csv") if (row.get("form") or "adjective").strip() != "plural"
        for noun in nouns
    }


@lru_cache(maxsize=1)
def demonym_actors() -> dict[str, str]:
    """Every nationality word of ``actors_nationalities.csv`` (adjectives and peoples' plurals,
    lower case) -> the state's forces: "ukrainian" -> ukraine, "palestinians" -> palestine."""
    return {row["demonym"].strip().lower(): row["actor_id"].strip() for row in load_csv("actors_nationalities.csv")}


@lru_cache(maxsize=None)
def nationality_words(form: str) -> dict[str, str]:
    """The nationality words of one ``form`` of ``actors_nationalities.csv`` ("adjective":
    "Ukrainian"; "plural": "Palestinians"; a row without a form is an adjective), as
    written -> the state's forces."""
    return {row["demonym"].strip(): row["actor_id"].strip() for row in load_csv("actors_nationalities.csv")
            if ((row.get("form") or "").strip() or "adjective") == form}


@lru_cache(maxsize=1)
def state_forces() -> frozenset[str]:
    """Actor ids that are a state's forces (the nationality table's ids)."""
    return frozenset(row["actor_id"].strip() for row in load_csv("actors_nationalities.csv"))


@lru_cache(maxsize=1)
def country_forces() -> dict[str, str]:
    """A state's name as written (or its capital standing for its government) -> its forces'
    actor id (``actors_country_names.csv``): "Russia said its forces ...", "Ankara claimed"."""
    return {row["name"].strip(): row["actor_id"].strip() for row in load_csv("actors_country_names.csv")}


def resolve_actor(label: str) -> str | None:
    """Actor id for a phrase as written, or None when the alias table does not know it."""
    mentions = find_actors(label.strip())
    return mentions[0].actor_id if mentions else None


def find_actors(text: str) -> list[ActorMention]:
    """Every alias in ``text``, longest match first, left to right, non-overlapping; an
    alias naming no army of its own ("the army") as the current article's country reads it
    (``theatre``)."""
    found = _find_actors(text)
    if not found and not allegiance_cue(text):
        return []
    # the same text is read again and again by the rules of one article (a sentence, its
    # clauses): its answer is kept for the article and the state its country is read in
    memo, state = theatre_memo("actors")
    if memo is not None:
        kept = memo.get((text, state))
        if kept is not None:
            return list(kept)
    # an alias of another war's theatre only ("AA" outside Myanmar's war) names nobody here
    merged = _merge_group_framings(text, [m for m in map(localised, found) if m.actor_id])
    merged = allegiance_mentions(text, merged, find_actors, ActorMention)  # "forces loyal to X" (control8b)
    if memo is not None:
        memo[(text, state)] = tuple(merged)
    return merged


@lru_cache(maxsize=32768)
def _find_actors(text: str) -> tuple[ActorMention, ...]:
    """Cached alias matches of ``find_actors`` (before the article's country and the merging
    of framings): the extractors read the same sentence and its parts often."""
    table = _alias_table()
    firsts = _alias_first_words()
    normalised = text.replace("’", "'")  # same length, so offsets still hold
    found: list[ActorMention] = []
    resume = 0
    # try the big pattern only where an alias may start; an ASCII text (most) is searched for
    # those first words in one scan, any other word by word
    words = (_ascii_first_word_finder().finditer(normalised.lower()) if normalised.isascii()
             else _WORD_RUN.finditer(normalised))
    for word in words:
        at = word.start()
        if at < resume or word.group().lower() not in firsts:
            continue
        if at and (normalised[at - 1].isalnum() or normalised[at - 1] in "-_"):
            continue
        m = _pattern_starting(word.group().lower()).match(normalised, at)
        if m:
            found.append(ActorMention(text[m.start():m.end()], table[m.group().lower()], m.start(), m.end()))
            resume = m.end()
    return tuple(found)


def _merge_group_framings(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """"ISIL terrorists", "Nusra militants", "JNIM fighters": a framing right after a named
    armed group is that group (one mention, the group's id)."""
    merged: list[ActorMention] = []
    for mention in found:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.actor_id not in _NOT_A_GROUP and mention.actor_id == "opposition"
                and text[prev.end:mention.start] == " " and is_framing(mention.label)):
            merged[-1] = ActorMention(text[prev.start:mention.end], prev.actor_id, prev.start, mention.end)
        else:
            merged.append(mention)
    return merged


_WORD_RUN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _ascii_first_word_finder() -> re.Pattern[str]:
    """In a lower-cased ASCII text, the whole letter/digit runs (as ``_WORD_RUN`` reads them)
    that are an alias's first word (lower-casing first spares the engine the slower
    case-blind comparisons)."""
    words = sorted(w for w in _alias_first_words() if w.isascii())
    if not words:
        return compiled_patterns.compile(r"(?!)")
    # ``\b`` first: the engine tests it at every position far faster than the look-behind; it
    # drops only a word after "_", which the caller passes over anyway
    return compiled_patterns.compile(rf"\b(?<![a-z0-9])(?={trie_alternation(_alias_openings())})(?:{trie_alternation(words)})(?![a-z0-9])",
                      re.ASCII)


@lru_cache(maxsize=1)
def _alias_openings() -> list[str]:
    """What the lower-cased text must hold where an alias starts: the alias's first word and
    the next three characters when it is ASCII (the alias pattern matches literally,
    case-blind or as written: either way the lower-cased text then holds it), else only its
    first word (a case-blind non-ASCII letter may match an ASCII one). Most first words
    ("the", "people", "forces") start no alias where they stand, and are then passed over
    inside the scan; three characters keep the pattern small (quick to compile)."""
    table = _alias_table()
    openings = set()
    for alias in table:
        first = _WORD_RUN.match(alias)
        if first:
            openings.add(alias[:first.end() + 3] if alias.isascii() else first.group())
    return sorted(openings)


@lru_cache(maxsize=1)
def _alias_first_words() -> frozenset[str]:
    """Leading letter/digit run of every alias ("hayat" for "hayat tahrir al-sham")."""
    table = _alias_table()
    return frozenset(_WORD_RUN.match(alias).group() for alias in table if _WORD_RUN.match(alias))


SPECIFIC_GROUPS = frozenset({"hts", "sna", "isis", "sdf"})
# ids that name no group of their own: a framing after them ("civilians militants") stays apart
_NOT_A_GROUP = frozenset({"opposition", "civilians", "unknown"})


@lru_cache(maxsize=1)
def _framing_heads() -> dict[str, frozenset[str]]:
    """Head word of a generic framing ("militants") -> groups it may stand for."""
    return {
        row["head"].strip().lower(): frozenset(a.strip() for a in row["may_be"].split("|") if a.strip())
        for row in load_csv("control_actor_framings.csv")
    }


@lru_cache(maxsize=1)
def _framings() -> frozenset[str]:
    """Alias-table phrases that frame an unnamed opposition group ("terrorists", "rebels")."""
    return frozenset(
        row["alias"].strip().lower()
        for row in load_csv("actor_aliases.csv")
        if row["actor_id"].strip() == "opposition" and row.get("note", "").strip() == "framing"
    )


def framing_may_be(label: str) -> frozenset[str]:
    """The specific groups a framing may stand for (``control_actor_framings.csv``: the first
    word of the label with an entry decides; empty when none has one)."""
    heads = _framing_heads()
    return next((heads[w] for w in label.strip().lower().split() if w in heads), frozenset())


def is_framing(label: str) -> bool:
    """True when ``label`` is a generic framing of an opposition group, not its name."""
    key = label.strip().lower().replace("’", "'")
    key = key[4:] if key.startswith("the ") else key
    return key in _framings() or ("the " + key) in _framings()


def main_group(text: str, among: frozenset[str] = SPECIFIC_GROUPS, at_least: int = 1) -> str | None:
    """The specific group a text is about, of those in ``among``: the only one it names, or
    one named at least three times as often as any other; named ``at_least`` times."""
    counts = {g: n for g, n in group_counts(text).items() if g in among}
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < at_least:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]:
        return ranked[0][0]
    return None


@lru_cache(maxsize=64)
def group_counts(text: str) -> dict[str, int]:
    """How often the text names each specific armed group (hts, sna, isis, sdf)."""
    counts: dict[str, int] = {}
    for mention in find_actors(text):
        if mention.actor_id in SPECIFIC_GROUPS:
            counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
    return counts


def specific_actor(label: str, actor_id: str, earlier: tuple[str, ...] = (), article_text: str = "") -> str:
    """The group a generic framing stands for, else ``actor_id`` unchanged.

    ``earlier``: texts before the mention, nearest first (the sentence so far, then the
    previous sentences). A framing becomes a group when an earlier text names that group
    with the same head word ("HTS-led armed factions" ... "the factions"), or when the
    whole article names only one group the head word may stand for, or one
    at least three times as often as any other ("militants" in an
    article that names only HTS).
    """
    if actor_id != "opposition" or not is_framing(label):
        return actor_id
    head = label.strip().lower().split()[-1]
    # the first word with an entry decides: "rebel groups" are rebels, whatever groups are
    may_be = framing_may_be(label)
    if not may_be:
        return actor_id
    for text in earlier:
        for mention in reversed(find_actors(text)):
            if mention.actor_id in may_be and head in mention.label.lower():
                return mention.actor_id
    # the only group named, or the one the article is about
    return main_group(article_text, may_be) or actor_id
