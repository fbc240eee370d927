"""Who makes a claim: "according to SOHR", "the army said", "X told Y TV"...

Known names are ``claimants_named`` (the alias table ``seeds/reference/claimants_aliases.csv``
and the attribution words of ``claimants_verbs.yaml``); sources described rather than named
("an official source said") are ``claimants_described``.

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

from .claimants_described import described_source, headline_credit
from .claimants_phrase import according_phrase, phrase_source
from .claimants_named import Alias, ClaimantMention, alias_matches, mention_of, may_attribute, pronoun_needs_attribution, tables, told_medium
from .patterns import lowers_exactly
from .text import Sentence

__all__ = ["ClaimantMention", "OPENING_CHARS", "claimants_by_sentence", "find_claimant"]

OPENING_CHARS = 30  # an attribution starting this close to the sentence start opens it


_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.IGNORECASE)  # compiled once, not looked up per sentence
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def _according_to(text: str) -> re.Match[str] | None:
    return _ACCORDING_TO.search(text)


_QUOTED = re.compile(r"\b(?:quoted|quoting|cited|citing)\s+(?:the\s+)?$", re.IGNORECASE)
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|having\s+said)\b", re.IGNORECASE)


def find_claimant(text: str) -> ClaimantMention | None:
    """The source a sentence attributes itself to, or None."""
    if not may_attribute(text):
        return headline_credit(text)
    aliases, alias_pattern, after_source, before, _ = tables()
    mentions = alias_matches(text.replace("’", "'"), alias_pattern)
    if not mentions:
        return described_source(text) or phrase_source(text) or headline_credit(text)
    according = _according_to(text)
    if according:
        for m in mentions:
            between = text[according.end():m.start()]
            if m.start() >= according.end() and len(between) <= 60 and "," not in between:
                return mention_of(aliases, m, according.start(), text)
        described = according_phrase(text)
        if described is not None:  # "according to preliminary reports": not a name elsewhere in the sentence
            return described
    candidates: list[ClaimantMention] = []
    for m in mentions:
        if _QUOTED.search(text, max(0, m.start() - 12), m.start()) and _AS_SAYING.match(text, m.end()):
            return mention_of(aliases, m, m.start(), text)  # "RIA quoted the defence ministry as saying"
        prefix = before.search(text[max(0, m.start() - 40):m.start()])
        if prefix and prefix.group("phrase").lower() in ("quoted by", "cited by") and _AS_SAYING.match(text, m.end()):
            speaker = [e for e in mentions if e.end() <= m.start() - len(prefix.group())]
            if speaker:  # "Abdel Rahman ... was quoted by AFP as saying": the speaker's claim
                candidates.append(mention_of(aliases, speaker[0], speaker[0].start(), text))
                continue
        if prefix and prefix.group("phrase").lower() != "told":
            start = m.start() - (len(text[max(0, m.start() - 40):m.start()]) - prefix.start())
            candidates.append(mention_of(aliases, m, start, text))
            continue
        follow = after_source.match(text[m.end():m.end() + 220])
        if follow:
            mention = mention_of(aliases, m, m.start(), text)
            if follow.group("verb").lower() == "told":
                medium = told_medium(text, m.end() + follow.end("verb"))
                if medium:
                    mention = ClaimantMention(f"{mention.claimant} ({medium})", mention.words,
                                              mention.start, mention.generic)
            candidates.append(mention)
    if not candidates:
        return described_source(text) or phrase_source(text) or headline_credit(text)
    chosen = _source_at(min(candidates, key=lambda c: c.start), text, mentions, aliases)
    end = chosen.start + len(chosen.words)
    alias_end = text.find(chosen.words, chosen.start) + len(chosen.words)
    if " (" not in chosen.claimant and _CAPITAL_NEXT.match(text[alias_end:alias_end + 3]):
        # the name goes on past the table's words: "the Sudan Doctors Network said" is no "doctors"
        phrase = phrase_source(text)
        if phrase is not None and phrase.start < alias_end < phrase.start + len(phrase.words):
            return phrase
    for m in mentions:  # "state news agency SANA": the name in apposition is more precise
        if 0 < m.start() - end <= 2 and not chosen.generic:
            return ClaimantMention(aliases[m.group().lower()].claimant, text[chosen.start:m.end()], chosen.start, False)
    return chosen



def _source_at(mention: ClaimantMention, text: str, mentions: list[re.Match[str]],
               aliases: dict[str, Alias]) -> ClaimantMention:
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
    *_, pronoun = tables()
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
        elif previous[0] is not None and _may_have_pronoun_report(sentence.text) and pronoun.search(sentence.text):
            current = previous
        elif carried:
            current = carried
        else:
            current = (None, None)
        out.append(current)
        previous = current
    return out


def _may_have_pronoun_report(text: str) -> bool:
    """False only when the pronoun pattern cannot match: no attribution word at all (see
    ``claimants_named.pronoun_needs_attribution``), read where lower-casing is exact."""
    return not (pronoun_needs_attribution() and lowers_exactly(text)) or may_attribute(text)


_CONTRAST = re.compile(r"\s(?:while|whereas|but)\s|;\s", re.IGNORECASE)
_CONTRAST_WORDS = ("while", "whereas", "but")  # every match holds one of these or ";"


def clause_claimant(text: str, position: int) -> ClaimantMention | None:
    """The source of the contrasted clause holding ``position`` when a sentence sets two
    sources side by side ("The Observatory said 40 were killed while the LCC put the toll
    at 45"; "Barazi reported eight whereas the Observatory gave 12"): each figure keeps its
    own clause's source. None when the sentence has one clause or the clause names none."""
    lowered = text.lower()
    if ";" not in text and lowers_exactly(text) and not any(word in lowered for word in _CONTRAST_WORDS):
        return None  # one clause (most sentences): nothing to scan for
    cuts = [m for m in _CONTRAST.finditer(text)]
    if not cuts:
        return None
    bounds = [0, *(m.start() for m in cuts), len(text)]
    for start, end in zip(bounds, bounds[1:]):
        if start <= position < end:
            found = find_claimant(text[start:end].strip())
            return found if found is not None and not found.generic else None
    return None
