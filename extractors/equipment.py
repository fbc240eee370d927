"""Equipment losses, Oryx style: which equipment was destroyed, damaged, abandoned or captured.

Equipment is recognised with ``seeds/reference/equipment_catalogue.csv`` (models with
their nicknames, plus generic words such as "tanks" or "military truck" that give a
category with model null). The words around it come from ``equipment_vocabulary.yaml``.

For every piece of equipment in a sentence:
1. Umbrella words followed by a list of models ("tanks ..., including the T-72M, T-62")
   give the models only; weapon names used as ammunition ("TOW missiles") are skipped.
2. Status, first that applies: a phrase right after it ("left behind", "also fell into
   their hands", "were destroyed"); an adjective right before it ("blown-up tanks"); the
   nearest status verb before it in the same clause ("The enemy also captured A, B and
   C"); a status carried from an earlier sentence of the paragraph that talks about
   equipment, or from the next one when it says "also captured". No status, no claim.
3. Quantity from the words before it ("a towed M-46 gun" 1, "several" vague, "at least
   one" 1 at_least; plurals without a number stay null).
4. Place: the first place the sentence names, if any.
5. Owner and captor: "left behind by X", an actor named between the verb and the
   equipment ("captured Russian military equipment"), the capturing subject, else the
   article's side that suffered the losses and its opponent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from . import numbers
from .actors import ActorMention, find_actors, specific_actor
from .claims import EquipmentLoss, Place
from .context import SentenceContext
from .places import find_places
from .reference import load_csv, load_yaml
from .patterns import substring_finder

from .sides import opposed
from .sides import armed as _armed
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:while|but|as|after|when|where|which|who|whereas|although)\b|\.\s|"
    r"\b(?:that|said|says|added|reported|stated|claimed)\b"
)


@dataclass(frozen=True)
class EquipmentMention:
    """A piece of equipment named in a sentence (offsets into the sentence)."""

    text: str  # as written, with an attached generic word ("Gvozdika self-propelled artillery unit")
    start: int
    end: int
    model: str | None  # canonical model, None for generic words
    category: str


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    return load_yaml("equipment_vocabulary.yaml")


def _alias_regex(alias: str) -> str:
    """An alias as a pattern where hyphens and spaces may be written either way or omitted."""
    parts = re.split(r"[-\s]+", alias.strip())
    return r"[-\s]?".join(re.escape(p) for p in parts)


@lru_cache(maxsize=1)
def _catalogue() -> tuple[dict[str, tuple[str | None, str]], re.Pattern[str]]:
    """Folded alias -> (model, category), and one pattern matching every alias."""
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
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(_alias_regex(a) for a in aliases) + r")(?:s|'s)?(?![\w-])",
        re.IGNORECASE,
    )
    return table, pattern


def _fold(alias: str) -> str:
    return re.sub(r"[-\s]+", "", alias.lower())


def _phrases(words: list[str]) -> str:
    ordered = sorted({w.strip() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]") for w in ordered)


@lru_cache(maxsize=1)
def _status_patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """For adjectives, verbs_before and after: (status, pattern) pairs."""
    vocab = _vocab()
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for family in ("adjectives", "verbs_before", "after"):
        out[family] = [
            (status, re.compile(rf"(?<![\w-])(?:{_phrases(words)})(?![\w-])", re.IGNORECASE))
            for status, words in vocab[family].items()
        ]
    return out


# Stems of status words and of words that introduce equipment lists: a sentence without
# any of them cannot report a loss (nor carry one), so it is skipped at once.
_STEMS = (
    "destr", "captur", "seiz", "damag", "abandon", "left behind", "blow", "blew", "burn",
    "wreck", "shot down", "downed", "fell into", "troph", "booty", "spoils", "disabl",
    "torch", "knocked", "ablaze", "on fire", "neutrali", "eliminat", "charred", "loot",
    "commandeer", "hands", "equipment", "losses", "lost", "hardware", "arsenal", "crash",
    "flames", "hit", "possession", "got hold", "out of action",
)


def _has_stem(text: str) -> bool:
    return _stem_finder().search(text.lower()) is not None


@lru_cache(maxsize=1)
def _stem_finder() -> re.Pattern[str]:
    return substring_finder(_STEMS)


# ---------------------------------------------------------------- mentions

_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


@lru_cache(maxsize=1)
def _alias_starts() -> frozenset[str]:
    """Leading letter or digit run of every alias ("t" for T-72, "bmp" for BMP-1)."""
    return frozenset(
        _RUN.match(a.strip().lower()).group()
        for row in load_csv("equipment_catalogue.csv") for a in row["aliases"].split("|") if a.strip()
    )


def _scan(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Alias matches, trying the big pattern only where an alias can start (much faster
    than letting the pattern scan every character)."""
    starts = _alias_starts()
    found: list[re.Match[str]] = []
    resume = 0
    for run in _RUN.finditer(text):
        at = run.start()
        if at < resume or run.group().lower() not in starts:
            continue
        if at and (text[at - 1].isalnum() or text[at - 1] in "-_"):
            continue
        m = pattern.match(text, at)
        if m:
            found.append(m)
            resume = m.end()
    return found


def find_equipment(text: str) -> list[EquipmentMention]:
    """Equipment named in ``text``, a model and the generic word after it merged
    ("Grad multiple launch rocket system"), "towed" kept with the name."""
    table, pattern = _catalogue()
    raw: list[EquipmentMention] = []
    for m in _scan(text, pattern):
        word = re.sub(r"(?:'s|s)$", "", m.group()) if _fold(m.group()) not in table else m.group()
        model, category = table.get(_fold(word), table.get(_fold(m.group()), (None, "other")))
        raw.append(EquipmentMention(m.group(), m.start(), m.end(), model, category))
    merged: list[EquipmentMention] = []
    for mention in raw:
        prev = merged[-1] if merged else None
        between = text[prev.end:mention.start] if prev is not None else ""
        described = (  # "Mi-8 military transport helicopter": the model and its description
            prev is not None and prev.model and mention.model is None and prev.category == mention.category
            and re.fullmatch(r"(?:\s+[a-z][a-z-]*){1,3}\s+", between))
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
    return out


def _is_munition(text: str, mention: EquipmentMention) -> bool:
    words = _phrases(_vocab()["munition_after"])
    return bool(re.match(rf"\s+(?:{words})\b", text[mention.end:], re.IGNORECASE))


def _umbrellas(text: str, mentions: list[EquipmentMention]) -> set[int]:
    """Starts of generic mentions that only introduce a list of models."""
    openers = _phrases(_vocab()["list_openers"])
    drop = set()
    for i, mention in enumerate(mentions):
        if mention.model is not None or i + 1 >= len(mentions) or mentions[i + 1].model is None:
            continue
        gap = text[mention.end:mentions[i + 1].start]
        if re.fullmatch(rf"[^.;]{{0,45}}?(?:{openers})\s+(?:the\s+)?", gap, re.IGNORECASE):
            drop.add(mention.start)
    return drop


# ---------------------------------------------------------------- status

def _clause_start(text: str, end: int) -> int:
    breaks = list(_CLAUSE_BREAK.finditer(text[:end]))
    return breaks[-1].end() if breaks else 0


def _np_prefix(text: str, start: int) -> str:
    """Words of the noun phrase before ``start`` (after the last comma, "and", "including")."""
    before = text[max(0, start - 50):start]
    parts = re.split(r",|;|:|\band\b|\bor\b|\bincluding\b|\bsuch as\b|\blike\b|\bas well as\b", before)
    return parts[-1]


def _camera_subject(text: str, at: int) -> bool:
    """True when a status verb at ``at`` has a camera as subject ("footage captures")."""
    words = _phrases(_vocab()["not_a_loss_subject"])
    return bool(re.search(rf"\b(?:{words})\b(?:\s+\w+){{0,3}}\s*$", text[:at], re.IGNORECASE))


def _status_after(text: str, mention: EquipmentMention) -> tuple[str, int] | None:
    after = text[mention.end:mention.end + 60]
    lead = re.match(r"^\s*(?:,\s*)?(?:with\s+(?:[\w-]+\s+){1,3}(?=(?:were|was|have|had)\b))?"
                    r"(?:(?:also|reportedly|have|has|had|all|were|was|then|been|\w+ly)\s+)*", after)  # "SUVs with machine guns were"
    plain = re.match(r"^\s*(?:,\s*)?(?:(?:also|reportedly|all|then)\s+)*", after)
    # try with the auxiliary ("were destroyed") and after it ("were put out of action")
    offsets = dict.fromkeys((plain.end() if plain else 0, lead.end() if lead else 0))
    for offset in offsets:
        for status, pattern in _status_patterns()["after"]:
            m = pattern.match(after, offset)
            if m:
                return status, mention.end + m.end()
    return None


_AUXILIARY = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:(?:also|all|reportedly|\w+ly)\s+)*",
                        re.IGNORECASE)
_NOT_A_LIST = re.compile(r"[.;:!?\"“”]|\b(?:is|are|killed|wounded|injured|said|says|fired|hit|targeted|struck|"
                         r"attacked|destroyed|seized|captured)\b", re.IGNORECASE)


def _status_after_list(text: str, mention: EquipmentMention) -> tuple[str, int] | None:
    """The verb after a list the mention opens or sits in ("two tanks and two artillery
    batteries were destroyed", "6 vehicles equipped with machineguns were destroyed")."""
    window = text[mention.end:mention.end + 200]
    aux = _AUXILIARY.search(window)
    if aux is None or _NOT_A_LIST.search(window[: aux.start()]):
        return None
    # "were also destroyed", "have been destroyed" read as "were destroyed"
    verb = "was " if aux.group().split()[0].lower() in ("was", "has") else "were "
    rest = window[aux.end():]
    for status, pattern in _status_patterns()["after"]:
        m = pattern.match(verb + rest)
        if m and m.end() > len(verb):
            return status, mention.end + aux.end() + m.end() - len(verb)
    return None


_DETERMINER = re.compile(r"\b(?:a|an|the|some|several|many|all|its|their|his|one|two|three|\d+)\b", re.IGNORECASE)


def _status_adjective(text: str, mention: EquipmentMention) -> str | None:
    prefix = _np_prefix(text, mention.start)
    for status, pattern in _status_patterns()["adjectives"]:
        for m in pattern.finditer(prefix):
            between = prefix[m.end():]
            if re.fullmatch(r"(?:[\s-]+[\w-]+){0,2}\s*", between) and not _DETERMINER.search(between):
                return status
    return None


def _status_verb_before(text: str, mention: EquipmentMention) -> tuple[str, int] | None:
    """Nearest status verb before the mention in its clause: (status, verb start)."""
    floor = _clause_start(text, mention.start)
    best: tuple[str, int] | None = None
    for status, pattern in _status_patterns()["verbs_before"]:
        for m in pattern.finditer(text, floor, mention.start):
            if _camera_subject(text, m.start()):
                continue
            if best is None or m.start() > best[1]:
                best = (status, m.start())
    if best is not None and _not_a_loss().search(text[_clause_start(text, best[1]):best[1] + 12]):
        return None
    return best


@lru_cache(maxsize=1)
def _not_a_loss() -> re.Pattern[str]:
    """Plans, attempts, modals and negations before a status verb."""
    return re.compile(rf"(?<![\w'])(?:{_phrases(_vocab()['not_a_loss_before'])})(?![\w])", re.IGNORECASE)


def _sentence_status(text: str) -> str | None:
    """The last status verb of a sentence (for carrying to the next one)."""
    best: tuple[str, int] | None = None
    for status, pattern in _status_patterns()["verbs_before"]:
        for m in pattern.finditer(text):
            if not _camera_subject(text, m.start()) and (best is None or m.start() > best[1]):
                best = (status, m.start())
    return best[0] if best else None


_ABOUT_EQUIPMENT = re.compile(r"\b(?:equipment|included|including|losses|lost|trophies|hardware|arsenal)\b", re.IGNORECASE)


def _carried_status(ctx: SentenceContext) -> str | None:
    """Status from an earlier sentence of the paragraph, or from the next one's "also <verb>"."""
    if not _ABOUT_EQUIPMENT.search(ctx.text):
        return None
    for n in (1, 2, 3):
        prev = ctx.previous(n)
        if prev is None or prev.paragraph != ctx.sentence.paragraph:
            break
        status = _sentence_status(prev.text)
        if status:
            return status
    index = ctx.sentence.index + 1
    sentences = ctx.article.sentences
    if index < len(sentences) and sentences[index].paragraph == ctx.sentence.paragraph:
        nxt = sentences[index].text
        m = re.search(r"\balso\s+(\w+(?:\s+\w+){0,3})", nxt)
        if m:
            return _sentence_status(m.group(0))
    return None


def _is_agent(text: str, mention: EquipmentMention) -> bool:
    """True when the equipment does something ("Russian jets bombed ...", "shot down by
    Turkish F-16s"), so it is no loss."""
    if re.search(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[:mention.start], re.IGNORECASE):
        return True
    return bool(re.match(
        r"\s+(?:\w+ly\s+)?(?:bombed|struck|shelled|targeted|fired|attacked|hit|pounded|carried|"
        r"conducted|launched|flew|destroyed|killed|downed|shot|raided|strafed|dropped|dropping|"
        r"bombing|shelling|firing|targeting|pounding|used)\b",
        text[mention.end:], re.IGNORECASE))


# ---------------------------------------------------------------- quantity

def _quantity(text: str, mention: EquipmentMention) -> tuple[int | None, str | None]:
    """Quantity and qualifier from the words before the equipment."""
    prefix = _np_prefix(text, mention.start)
    prefix_end = len(prefix)
    for count in numbers.find_counts(prefix):
        value = count.count.best if count.count.best is not None else count.count.low
        if value is not None and 1900 <= value <= 2100:
            continue  # a year ("3 August 2015 A Syrian jet ...")
        between = prefix[count.end:prefix_end]
        if re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s*", between):
            return count.count.best, count.count.qualifier
        if re.fullmatch(r"\s+of\s+(?:the\s+|their\s+|its\s+)?\d[\d,]*(?:\s+[a-z][\w-]*){0,2}\s*", between):
            return count.count.best, count.count.qualifier  # "at least 18 of 31 vehicles": 18
    vocab = _vocab()
    words = "|".join(re.escape(w) for w in sorted(vocab["quantity_words"], key=len, reverse=True))
    m = re.search(rf"\b(at\s+least\s+|more\s+than\s+|about\s+|around\s+)?(?<![\w-])(\d+|{words})\b((?:\s+[\w-]+){{0,2}})\s*$",
                  prefix, re.IGNORECASE)
    if m and m.group(2).isdigit() and 1900 <= int(m.group(2)) <= 2100:
        m = None  # a year, not a quantity
    if m and not re.search(r"\b(?:the|of)\b", m.group(3) or ""):
        value = m.group(2).lower()
        number = int(value) if value.isdigit() else vocab["quantity_words"][value]
        qualifier = {"at": "at_least", "mor": "more_than", "abo": "approximately", "aro": "approximately"}.get(
            (m.group(1) or "").strip()[:3].lower(), "exact")
        return number, qualifier
    vague = _phrases(vocab["vague_words"])
    if re.search(rf"\b(?:{vague})\b(?:\s+[\w-]+){{0,2}}\s*$", prefix, re.IGNORECASE):
        return None, "vague"
    if re.search(r"\bthe\s+$", prefix, re.IGNORECASE) and mention.model and not mention.text.endswith("s") \
            and mention.text.split()[-1].lower() in {"gun", "tank", "system", "unit", "launcher", "helicopter", "jet"}:
        return 1, "exact"
    return None, None


# ---------------------------------------------------------------- actors

def _refine(mention: ActorMention, ctx: SentenceContext) -> str:
    earlier = (ctx.text[: mention.start],) + tuple(
        s.text for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None
    )
    return specific_actor(mention.label, mention.actor_id, earlier, ctx.article.text)


@lru_cache(maxsize=64)
def _article_loser(article_text: str) -> str | None:
    """The actor the article says suffered losses or retreated ("The army suffered losses")."""
    for m in _armed(find_actors(article_text)):
        if re.match(r"^[\w'’\s-]{0,30}?\b(?:suffered|lost|losses|retreat|retreated|withdrew|withdrawal|abandoned)\b",
                    article_text[m.end:m.end + 60], re.IGNORECASE):
            return specific_actor(m.label, m.actor_id, (), article_text)
    return None


def _article_opponent(article_text: str, actor: str) -> str | None:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for m in _armed(find_actors(article_text)):
        if opposed(m.actor_id, actor):
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
            labels.setdefault(m.actor_id, m.label)
    if not counts:
        return None
    best = max(counts, key=lambda a: counts[a])
    return specific_actor(labels[best], best, (), article_text)


def _sentence_opponent(ctx: SentenceContext, actor: str) -> str | None:
    """The one armed side the sentence names against ``actor`` ("... killing terrorists")."""
    others = {_refine(m, ctx) for m in _armed(find_actors(ctx.text))}
    others = {a for a in others if opposed(a, actor)}
    return others.pop() if len(others) == 1 else None


def _actor_at(ctx: SentenceContext, start: int, end: int) -> str | None:
    mentions = _armed(find_actors(ctx.text[start:end]))
    if not mentions:
        return None
    m = mentions[-1]
    return _refine(ActorMention(m.label, m.actor_id, start + m.start, start + m.end), ctx)


_OBJECT_OF = re.compile(
    r"\b(?:killed|killing|kill|kills|targeted|targeting|against|of|by|with|on|at|among|from|"
    r"backed|supported|wounding|wounded|injuring)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


def _subject(ctx: SentenceContext, start: int, end: int) -> str | None:
    """First actor of a clause that is not the object of a verb or preposition."""
    for m in _armed(find_actors(ctx.text[start:end])):
        if not _OBJECT_OF.search(ctx.text[start:start + m.start]):
            return _refine(ActorMention(m.label, m.actor_id, start + m.start, start + m.end), ctx)
    return None


def _possessor(ctx: SentenceContext, mention: EquipmentMention) -> str | None:
    """"regime tanks", "the army's T-72", "a Russian Su-24": whose the equipment is, from
    the words right before it."""
    prefix = _np_prefix(ctx.text, mention.start)
    start = mention.start - len(prefix)
    mentions = _armed(find_actors(prefix))
    if mentions and re.fullmatch(r"(?:'s|’s|')?\s*", prefix[mentions[-1].end:]):
        last = mentions[-1]
        return _refine(ActorMention(last.label, last.actor_id, start + last.start, start + last.end), ctx)
    if re.search(r"\b(?:their|its)\s+(?:[\w-]+\s+)?$", prefix, re.IGNORECASE):  # "their vehicles"
        earlier = _armed(find_actors(ctx.text[:start]))
        if earlier:
            return _refine(earlier[-1], ctx)
    adjective = re.search(r"([A-Za-z]+)(?:\s+military)?\s+$", prefix)
    if adjective:
        return _vocab()["owner_adjectives"].get(adjective.group(1).lower())
    return None


def _owner_after(ctx: SentenceContext, mention: EquipmentMention) -> str | None:
    """"an APC of the Turkish army", "vehicles used by ISIS": the owner named after it."""
    words = _phrases(_vocab()["owner_after"])
    m = re.match(rf"^\s+(?:{words})\s+(?:the\s+)?", ctx.text[mention.end:mention.end + 40], re.IGNORECASE)
    if not m:
        return None
    start = mention.end + m.end()
    mentions = _armed(find_actors(ctx.text[start:start + 60]))
    if mentions and mentions[0].start <= 12:
        first = mentions[0]
        return _refine(ActorMention(first.label, first.actor_id, start + first.start, start + first.end), ctx)
    return None


def _owner_and_captor(
    ctx: SentenceContext, mention: EquipmentMention, status: str, verb_at: int | None, after_end: int | None
) -> tuple[str | None, str | None]:
    """Whose equipment it was and, when captured, who took it."""
    text = ctx.text
    article = ctx.article.text
    owner = _owner_after(ctx, mention)
    captor = acted = None  # acted: who captured, destroyed or damaged it
    if after_end is not None:  # "left behind by government forces", "captured by rebels"
        by = re.match(r"^\s*by\s+(?:the\s+)?", text[after_end:])
        if by:
            actor = _actor_at(ctx, after_end + by.end(), after_end + by.end() + 60)
            if status == "abandoned":
                owner = owner or actor
            else:
                acted = actor
    if verb_at is not None:
        owner = owner or _actor_at(ctx, verb_at, mention.start)  # "captured Russian military equipment"
        subject = _subject(ctx, _clause_start(text, verb_at), verb_at)
        if status == "abandoned":
            owner = owner or subject
        else:
            acted = acted or subject
    owner = owner or _possessor(ctx, mention)
    if acted is None and verb_at is not None and owner is None:
        acted = _subject(ctx, 0, verb_at)  # "Army units targeted ..., while other units destroyed"
    if owner is None and acted is not None:
        owner = _sentence_opponent(ctx, acted) or _article_opponent(article, acted)
    owner = owner or _article_loser(article)
    if status == "captured":
        captor = acted or (_article_opponent(article, owner) if owner else None)
    if owner is not None and owner == captor:
        owner = None
    return owner, captor


# ---------------------------------------------------------------- claims

def extract(ctx: SentenceContext) -> list[EquipmentLoss]:
    """Equipment losses the sentence reports (see the module docstring for the rules)."""
    text = ctx.text
    if not _has_stem(text):
        return []
    mentions = find_equipment(text)
    if not mentions:
        return []
    umbrellas = _umbrellas(text, mentions)
    place: Place | None | bool = False  # computed lazily
    carried: str | None | bool = False  # computed lazily
    claims: list[EquipmentLoss] = []
    for mention in mentions:
        if mention.start in umbrellas or _is_munition(text, mention) or _is_agent(text, mention):
            continue
        status, verb_at, after_end = _status(text, mention)
        if status is None:
            if carried is False:
                carried = _carried_status(ctx)
            status = carried or None
        if status is None:
            continue
        quantity, qualifier = _quantity(text, mention)
        owner, captor = _owner_and_captor(ctx, mention, status, verb_at, after_end)
        if place is False:
            place = _place_of(ctx)
        claims.append(EquipmentLoss(
            article_id=ctx.article.article_id, evidence=ctx.evidence, claimant=ctx.claimant,
            place=place or None,
            claimant_text=ctx.claimant_text, equipment_text=mention.text, model=mention.model,
            category=mention.category, status=status, quantity=quantity, qualifier=qualifier,
            owner_actor=owner, captor_actor=captor,
        ))
    return claims


def name_generic_items(losses: list[EquipmentLoss]) -> list[EquipmentLoss]:
    """Article level: "a Russian military helicopter was shot down" and, later, "the Mi-8
    ... was shot down" are one item. A generic item takes the model when the article's
    losses of its category and status name exactly one model, for the same owner."""
    models: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    for loss in losses:
        if loss.model:
            models.setdefault((loss.category, loss.status), set()).add((loss.model, loss.owner_actor))
    out = []
    for loss in losses:
        named = models.get((loss.category, loss.status), set())
        if loss.model is None and len({model for model, _ in named}) == 1 and loss.quantity in (None, 1):
            model, owner = next(iter(named))
            if loss.owner_actor in (None, owner) or owner is None:
                loss = replace(loss, model=model, owner_actor=loss.owner_actor or owner)
        out.append(loss)
    owners: dict[tuple[str, str, str | None], set[str]] = {}
    for loss in out:
        if loss.owner_actor:
            owners.setdefault((loss.category, loss.status, loss.model), set()).add(loss.owner_actor)
    return [  # the same item's owner, told in another sentence
        replace(loss, owner_actor=next(iter(owners[key])))
        if loss.owner_actor is None and loss.model and len(owners.get(key := (loss.category, loss.status, loss.model), ())) == 1
        else loss
        for loss in out
    ]


def _place_of(ctx: SentenceContext) -> Place | None:
    """The first place the sentence names, else the last one the previous sentence of the
    same paragraph names ("... withdrawal from Saraqib. Fighters captured two tanks.")."""
    places = find_places(ctx.text)
    if places:
        return places[0].place
    prev = ctx.previous(1)
    if prev is not None and prev.paragraph == ctx.sentence.paragraph:
        earlier = find_places(prev.text)
        if earlier:
            return earlier[-1].place
    return None


def _is_verb_only(mention: EquipmentMention) -> bool:
    """A bare vehicle word ("vehicles"), which an adjective alone does not make a loss."""
    return mention.model is None and mention.text.lower() in _vocab()["verb_only_generics"]


def _status(text: str, mention: EquipmentMention) -> tuple[str | None, int | None, int | None]:
    """(status, where its verb starts, where an after-phrase ends) for one mention."""
    after = _status_after(text, mention) or _status_after_list(text, mention)
    if after is not None and after[0] == "abandoned":
        verb = _status_verb_before(text, mention)
        if verb is not None and verb[0] == "captured":  # "seized six jets abandoned at the airport"
            return "captured", verb[1], None
    if after is not None:
        return after[0], None, after[1]
    adjective = _status_adjective(text, mention)
    if adjective is not None and _is_verb_only(mention):
        return None, None, None
    if adjective is not None:
        return adjective, None, None
    verb = _status_verb_before(text, mention)
    if verb is not None:
        return verb[0], verb[1], None
    return None, None, None
