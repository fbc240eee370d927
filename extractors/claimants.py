"""Who makes a claim: "according to SOHR", "the army said", "X told Y TV"...

The alias table ``seeds/reference/claimants_aliases.csv`` maps the article's words for a
source onto one normalised claimant ("the Observatory" -> "SOHR"); the attribution words
(reporting verbs, "according to") are in ``seeds/reference/claimants_verbs.yaml``.

A sentence names its own claimant when a known source stands next to an attribution:
"according to X", "reported by X", "X said", "X, which ..., reported", "X told Y" (the
claimant is then "X (Y)"). A pronoun subject ("they said") takes the previous claimant, and
a generic back-reference ("the sources", "the military") takes the most recent claimant
sharing its head word. A claimant that opens a sentence carries to the following sentences
of its paragraph (and on into the next paragraph while paragraphs are single sentences),
until another one is named.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .patterns import alternation, case_blind_alternation, lowers_exactly, substring_finder, trie_alternation
from . import theatre
from .reference import load_csv, load_yaml
from .text import Sentence

OPENING_CHARS = 30  # an attribution starting this close to the sentence start opens it


@dataclass(frozen=True)
class ClaimantMention:
    """A source named in a sentence, with how it was attributed."""

    claimant: str  # normalised ("SOHR")
    words: str  # as written ("the Observatory")
    start: int  # where the attribution starts in the sentence
    generic: bool  # a back-reference such as "the sources"


@dataclass(frozen=True)
class _Alias:
    claimant: str
    generic: bool


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, _Alias], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Alias table and compiled patterns (aliases, verbs after a source, phrases before one,
    pronoun subjects)."""
    aliases: dict[str, _Alias] = {}
    sensitive: list[str] = []
    insensitive: list[str] = []
    for row in load_csv("claimants_aliases.csv"):
        alias = row["alias"].strip().lower()
        claimant = row["claimant"].strip()
        aliases[alias] = _Alias(claimant, (row.get("generic") or "").strip() == "yes")
        # abbreviations that are also ordinary words ("who", "ap") match in capitals only
        if claimant == alias.upper() and alias.isalpha():
            sensitive.append(alias.upper())
        else:
            insensitive.append(alias)
    for alias in list(insensitive):  # "the Syrian Observatory for Human Rights" as a whole
        if not alias.startswith("the ") and "the " + alias not in aliases:
            aliases["the " + alias] = aliases[alias]
            insensitive.append("the " + alias)
    alias_pattern = re.compile(
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
        r"\s*,?\s*(?:(?:\w+ly|also|has|have|had|then|later|further|"
        r"on\s+(?-i:[A-Z])\w+|in\s+a\s+statement)\s+){0,3}"
    )
    after_source = re.compile(  # not "an airstrike ... claimed the lives of"
        rf"^[)\]]?{gap}(?P<verb>{verb})\b(?!\s+(?:the\s+)?lives\b)", re.IGNORECASE)  # "(UNICEF) has said"
    before = re.compile(
        rf"\b(?P<phrase>{case_blind_alternation(verbs['before_claimant'])})\s+(?:the\s+|a\s+)?$", re.IGNORECASE
    )
    pronoun = re.compile(
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


def _may_attribute(text: str) -> bool:
    return _attribution_finder().search(text.lower()) is not None


@lru_cache(maxsize=1)
def _attribution_finder() -> re.Pattern[str]:
    return substring_finder(_attribution_stems())


_WORD_RUN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _alias_start_finder() -> re.Pattern[str] | None:
    """In the lower-cased text, the letter/digit runs an alias starts with (None when an
    alias does not start with one or is not ASCII: then only the full scan is exact)."""
    firsts = set()
    for alias in _tables()[0]:
        lead = _WORD_RUN.match(alias)
        if lead is None or not alias.isascii():
            return None
        firsts.add(lead.group())
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(sorted(firsts))})(?![^\W_])")


def _alias_matches(text: str, alias_pattern: re.Pattern[str]) -> list[re.Match[str]]:
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


def _according_to(text: str) -> re.Match[str] | None:
    return re.search(r"\baccording\s+to\b", text, re.IGNORECASE)


def find_claimant(text: str) -> ClaimantMention | None:
    """The source a sentence attributes itself to, or None."""
    if not _may_attribute(text):
        return _headline_credit(text)
    aliases, alias_pattern, after_source, before, _ = _tables()
    mentions = _alias_matches(text.replace("’", "'"), alias_pattern)
    if not mentions:
        return _described_source(text) or _headline_credit(text)
    according = _according_to(text)
    if according:
        for m in mentions:
            between = text[according.end():m.start()]
            if m.start() >= according.end() and len(between) <= 60 and "," not in between:
                return _mention(aliases, m, according.start(), text)
    candidates: list[ClaimantMention] = []
    for m in mentions:
        prefix = before.search(text[max(0, m.start() - 40):m.start()])
        if prefix and prefix.group("phrase").lower() != "told":
            start = m.start() - (len(text[max(0, m.start() - 40):m.start()]) - prefix.start())
            candidates.append(_mention(aliases, m, start, text))
            continue
        follow = after_source.match(text[m.end():m.end() + 220])
        if follow:
            mention = _mention(aliases, m, m.start(), text)
            if follow.group("verb").lower() == "told":
                medium = _told_medium(text, m.end() + follow.end("verb"))
                if medium:
                    mention = ClaimantMention(f"{mention.claimant} ({medium})", mention.words,
                                              mention.start, mention.generic)
            candidates.append(mention)
    if not candidates:
        return _described_source(text) or _headline_credit(text)
    chosen = _source_at(min(candidates, key=lambda c: c.start), text, mentions, aliases)
    end = chosen.start + len(chosen.words)
    for m in mentions:  # "state news agency SANA": the name in apposition is more precise
        if 0 < m.start() - end <= 2 and not chosen.generic:
            return ClaimantMention(aliases[m.group().lower()].claimant, text[chosen.start:m.end()], chosen.start, False)
    return chosen


def _told_medium(text: str, verb_end: int) -> str | None:
    """"X told Reuters": the known medium right after "told" (its normalised name)."""
    aliases, alias_pattern, *_ = _tables()
    told = alias_pattern.match(text, verb_end + 1) or alias_pattern.match(text, verb_end + 5)
    if told and re.fullmatch(r"\s+(?:the\s+)?", text[verb_end:told.start()], re.IGNORECASE):
        return aliases[told.group().lower()].claimant
    return None


def _source_at(mention: ClaimantMention, text: str, mentions: list[re.Match[str]],
               aliases: dict[str, _Alias]) -> ClaimantMention:
    """"A source at Aleppo Police Command said": the institution, not "sources"."""
    base, medium = (mention.claimant.split(" (", 1) + [""])[:2]
    if base != "sources":
        return mention
    end = mention.start + len(mention.words)
    institutions = [
        m for m in mentions
        if m.start() > end and re.fullmatch(r"\s+(?:at|in|from|within|of|inside)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}",
                                            text[end:m.start()])
    ]
    if institutions:  # the longest reach: "Damascus Police Command", not "Damascus"
        m = max(institutions, key=lambda found: found.end())
        name = aliases[m.group().lower()].claimant + (f" ({medium}" if medium else "")
        return ClaimantMention(name, text[mention.start:m.end()], mention.start, False)
    return mention


@lru_cache(maxsize=1)
def _described_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(a source head before a reporting verb, a source after "said" ending the sentence,
    words that end a source's modifiers)."""
    verbs = load_yaml("claimants_verbs.yaml")
    heads = case_blind_alternation(verbs["source_heads"])
    verb = case_blind_alternation(verbs["reporting_verbs"])
    before_verb = re.compile(
        rf"(?<![\w-])(?P<head>{heads}|(?-i:[A-Z]{{2,6}}))(?![\w-])"
        r"(?P<where>(?:\s+(?:in|at|of|from|for|inside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+){1,3}?)?"
        rf"\s*,?\s+(?:(?:also|later|further|has|have|had|then)\s+){{0,2}}(?P<verb>{verb})\b(?!\s+(?:the\s+)?lives\b)",
        re.IGNORECASE)
    after_said = re.compile(
        rf"\b(?:said|says|reported|added)\s+(?P<np>(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{heads}))\s*(?:[.\"”]|$)",
        re.IGNORECASE)
    stop = frozenset(w.lower() for w in verbs["source_modifier_stop"])
    return before_verb, after_said, stop


_SOURCE_WORD = re.compile(r"[\w'’-]+")


def _described_source(text: str) -> ClaimantMention | None:
    """A source described, not named: "an official source said", "a hospital spokesman
    said", "SANAs correspondent reported", "..., said the Britain-based organisation". The
    noun phrase up to its head (at most three modifiers, none a function word or a victim
    noun) is the claimant as written; a known name inside it wins ("SANAs correspondent" ->
    SANA); a bare head ("the source said") is a back-reference to an earlier source."""
    before_verb, after_said, stop = _described_patterns()
    m = before_verb.search(text)
    if m is not None:
        words = [w for w in _SOURCE_WORD.finditer(text[:m.start("head")])][-3:]
        kept: list[re.Match[str]] = []
        for word in reversed(words):
            token = word.group()
            if token.lower() in stop or token[0].isdigit() or text[word.end():m.start("head") if not kept else kept[0].start()].strip():
                break
            if kept and token[0].islower() and kept[0].group()[0].isupper():
                break  # "killed in the strikes RIA news agency said": a lower word before a name ends it
            kept.insert(0, word)
        start = kept[0].start() if kept else m.start("head")
        if re.search(r"\b(?:no|not|any)\s+$", text[max(0, start - 5):start], re.IGNORECASE):
            return None  # "No group claimed responsibility": nobody made a claim
        named = _named_before(text, start, m.end("head"))
        if named is not None:  # "the Syrian Observatory for Human Rights monitor said"
            return named
        words_text = text[start:m.end("where") if m.group("where") else m.end("head")]
        bare = not kept and not m.group("where") and m.group("head").islower()
        definite = re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.IGNORECASE) is not None
        mention = _source_mention(words_text, start, bare)
        if mention.generic != definite and mention.claimant in (words_text, words_text.lower()):
            # "the source", "the Britain-based group": back-references; "a witness": a new source
            mention = ClaimantMention(mention.claimant, mention.words, mention.start, definite)
        if m.group("verb").lower() == "told":
            medium = _told_medium(text, m.end("verb"))
            if medium:
                mention = ClaimantMention(f"{mention.claimant} ({medium})", mention.words, mention.start, False)
        return mention
    m = after_said.search(text)
    if m is not None:
        np = re.sub(r"^(?:the|a|an)\s+", "", m.group("np"), flags=re.IGNORECASE)
        if not any(w.lower() in stop for w in np.split()[:-1]):
            return _source_mention(np, m.start("np"), len(np.split()) == 1)
    return None


def _named_before(text: str, start: int, head_end: int) -> ClaimantMention | None:
    """A known source whose name ends right before a described one or inside it ("the
    Observatory monitor", "SANA reporter in Quneitra"): the name is the claimant."""
    aliases, alias_pattern, *_ = _tables()
    for m in _alias_matches(text[:head_end], alias_pattern):
        if m.end() <= head_end and (m.end() >= start or not text[m.end():start].strip()):
            alias = aliases[m.group().lower()]
            if not alias.generic:
                return ClaimantMention(alias.claimant, text[m.start():head_end], m.start(), False)
    return None


def _source_mention(words: str, start: int, bare: bool) -> ClaimantMention:
    """A described source: its known name when a word of it is one ("SANAs correspondent")."""
    aliases, alias_pattern, *_ = _tables()
    for m in _alias_matches(words, alias_pattern):  # "a UK-based monitoring group"
        alias = aliases[m.group().lower()]
        if not alias.generic:
            return ClaimantMention(alias.claimant, words, start, False)
    for token in words.split():
        key = re.sub(r"(?:'s|’s|s)$", "", token.lower())
        alias = aliases.get(key) or aliases.get(token.lower())
        if alias is not None and not alias.generic and token[0].isupper():
            return ClaimantMention(alias.claimant, words, start, False)
    name = re.sub(r"\b([A-Z]{2,})s\b", r"\1", words)  # "ISs statement": a possessive without its apostrophe
    return ClaimantMention(name.lower() if bare else name, words, start, bare)


@lru_cache(maxsize=1)
def _headline_credit_pattern() -> tuple[dict[str, str], re.Pattern[str]]:
    credits = {k.lower(): v for k, v in load_yaml("claimants_verbs.yaml")["headline_credit"].items()}
    return credits, re.compile(rf"(?::|\s[-–])\s*(?P<who>{alternation(credits)})\s*\.?\s*$", re.IGNORECASE)


def _headline_credit(text: str) -> ClaimantMention | None:
    """"Bombs in Aleppo kill 13 fighters: monitor." (a wire headline credits its source last)."""
    if ":" not in text and " -" not in text and " –" not in text:
        return None
    credits, pattern = _headline_credit_pattern()
    m = pattern.search(text)
    if m is None:
        return None
    return ClaimantMention(credits[m.group("who").lower()], m.group("who"), m.start("who"), False)


def _mention(aliases: dict[str, _Alias], m: re.Match[str], start: int, text: str) -> ClaimantMention:
    alias = aliases[m.group().lower()]
    whose = _FORCE_WORD.fullmatch(m.group())
    if whose:  # "the Ukrainian army said": whose army the nationality says, not the Syrian default
        before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, m.start() - 30):m.start() + len(whose.group(1) or "")])
        demonym = before.group(1) if before else None
        if demonym and demonym.lower() in _demonyms() and demonym.lower() != "syrian":
            return ClaimantMention(f"{demonym} {whose.group(2).lower()}", text[m.start():m.end()], start, False)
    local = theatre.local_claimant(m.group())  # "the army said" in a report from Sudan
    if local is not None:
        return ClaimantMention(local, text[m.start():m.end()], start, False)
    return ClaimantMention(alias.claimant, text[m.start():m.end()], start, alias.generic)


_FORCE_WORD = re.compile(r"(the\s+)?(army|military|armed forces)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(row["demonym"].strip().lower() for row in load_csv("actors_nationalities.csv"))


def _resolve_generic(mention: ClaimantMention, history: list[tuple[str, str]], in_force: str | None) -> str:
    """"the sources" -> the most recent claimant whose name or words contain "sources"; a
    described one ("the Britain-based group") also shares a modifier with it; a bare head
    ("the group said") with no such claimant -> the claimant in force, if any."""
    words = [w for w in mention.words.lower().split() if w not in ("the", "a", "an")]
    head, modifiers = mention.claimant.lower().split()[-1], set(words[:-1])
    for name, earlier_words in reversed(history):
        said = f"{name} {earlier_words}".lower()
        if name != mention.claimant and head in said and (not modifiers or modifiers & set(said.split())):
            return name
    if in_force and len(words) == 1 and mention.claimant == mention.words.lower():
        return in_force
    return mention.claimant


def claimants_by_sentence(sentences: Sequence[Sentence]) -> list[tuple[str | None, str | None]]:
    """For each sentence, (normalised claimant, article's words) in force, carried over
    from a claimant that opens a paragraph; (None, None) when the article gives none."""
    *_, pronoun = _tables()
    out: list[tuple[str | None, str | None]] = []
    history: list[tuple[str, str]] = []  # (claimant, the article's words for it)
    carried: tuple[str, str] | None = None
    carried_paragraph = -1
    carried_opens = False
    previous: tuple[str | None, str | None] = (None, None)
    paragraph_sizes: dict[int, int] = {}
    for sentence in sentences:
        paragraph_sizes[sentence.paragraph] = paragraph_sizes.get(sentence.paragraph, 0) + 1
    for sentence in sentences:
        if carried and sentence.paragraph != carried_paragraph:
            # carry on only through a run of one-sentence paragraphs
            if (carried_opens and paragraph_sizes.get(carried_paragraph, 0) == 1
                    and sentence.paragraph == carried_paragraph + 1):
                carried_paragraph = sentence.paragraph
            else:
                carried = None
        mention = find_claimant(sentence.text)
        if mention is not None:
            in_force = carried[0] if carried else previous[0]
            name = _resolve_generic(mention, history, in_force) if mention.generic else mention.claimant
            current: tuple[str | None, str | None] = (name, mention.words)
            history.append((name, mention.words))
            # a report's source holds for the sentences after it in its paragraph; one that
            # opens its sentence also runs on through single-sentence paragraphs
            carried, carried_paragraph = (name, mention.words), sentence.paragraph
            carried_opens = mention.start <= OPENING_CHARS
        elif previous[0] is not None and pronoun.search(sentence.text):
            current = previous
        elif carried:
            current = carried
        else:
            current = (None, None)
        out.append(current)
        previous = current
    return out
