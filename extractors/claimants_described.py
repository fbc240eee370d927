"""Sources described rather than named: "an official source said", "a hospital spokesman
said", "SANAs correspondent reported", "..., said the Britain-based organisation", and the
credit a wire headline gives last ("...: monitor.").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .claimants_named import ClaimantMention, alias_matches, tables, told_medium
from .patterns import alternation, case_blind_alternation
from .reference import load_yaml


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


def described_source(text: str) -> ClaimantMention | None:
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
        mention = source_mention(words_text, start, bare)
        proper = m.group("head")[0].isupper() and words_text.istitle()  # "the Local Coordination Committees"
        if mention.generic != definite and mention.claimant in (words_text, words_text.lower()) and not proper:
            # "the source", "the Britain-based group": back-references; "a witness": a new source
            mention = ClaimantMention(mention.claimant, mention.words, mention.start, definite)
        if m.group("verb").lower() == "told":
            medium = told_medium(text, m.end("verb"))
            if medium:
                mention = ClaimantMention(f"{mention.claimant} ({medium})", mention.words, mention.start, False)
        return mention
    m = after_said.search(text)
    if m is not None:
        np = re.sub(r"^(?:the|a|an)\s+", "", m.group("np"), flags=re.IGNORECASE)
        if not any(w.lower() in stop for w in np.split()[:-1]):
            return source_mention(np, m.start("np"), len(np.split()) == 1)
    return None


def _named_before(text: str, start: int, head_end: int) -> ClaimantMention | None:
    """A known source whose name ends right before a described one or inside it ("the
    Observatory monitor", "SANA reporter in Quneitra"): the name is the claimant."""
    aliases, alias_pattern, *_ = tables()
    for m in alias_matches(text[:head_end], alias_pattern):
        if m.end() <= head_end and (m.end() >= start or not text[m.end():start].strip()):
            alias = aliases[m.group().lower()]
            if not alias.generic:
                return ClaimantMention(alias.claimant, text[m.start():head_end], m.start(), False)
    return None


_PLURAL_OR_POSSESSIVE = re.compile(r"(?:'s|’s|s)$")
_ACRONYM_S = re.compile(r"\b([A-Z]{2,})s\b")


def source_mention(words: str, start: int, bare: bool) -> ClaimantMention:
    """A described source: its known name when a word of it is one ("SANAs correspondent")."""
    aliases, alias_pattern, *_ = tables()
    for m in alias_matches(words, alias_pattern):  # "a UK-based monitoring group"
        alias = aliases[m.group().lower()]
        if not alias.generic:
            return ClaimantMention(alias.claimant, words, start, False)
    for token in words.split():
        key = _PLURAL_OR_POSSESSIVE.sub("", token.lower())
        alias = aliases.get(key) or aliases.get(token.lower())
        if alias is not None and not alias.generic and token[0].isupper():
            return ClaimantMention(alias.claimant, words, start, False)
    name = _ACRONYM_S.sub(r"\1", words)  # "ISs statement": a possessive without its apostrophe
    return ClaimantMention(name.lower() if bare else name, words, start, bare)


@lru_cache(maxsize=1)
def _headline_credit_pattern() -> tuple[dict[str, str], re.Pattern[str]]:
    credits = {k.lower(): v for k, v in load_yaml("claimants_verbs.yaml")["headline_credit"].items()}
    return credits, re.compile(rf"(?::|\s[-–])\s*(?P<who>{alternation(credits)})\s*\.?\s*$", re.IGNORECASE)


def headline_credit(text: str) -> ClaimantMention | None:
    """"Bombs in Aleppo kill 13 fighters: monitor." (a wire headline credits its source last)."""
    if ":" not in text and " -" not in text and " –" not in text:
        return None
    credits, pattern = _headline_credit_pattern()
    m = pattern.search(text)
    if m is None:
        return None
    return ClaimantMention(credits[m.group("who").lower()], m.group("who"), m.start("who"), False)
