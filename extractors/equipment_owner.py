"""Whose equipment it was and who took it: the owner named after it ("an APC of the Turkish
army"), by a "by" phrase, a possessor before it ("regime tanks", "their vehicles"), the
actor between the status verb and the equipment ("captured Russian military equipment"),
else the side the acting subject fought (the combatants the same sentence reports killed,
the sentence's or article's opponent), else the side the article says suffered losses.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import actors
from .actors import ActorMention, find_actors, specific_actor
from .context import SentenceContext
from .equipment_mentions import EquipmentMention, np_prefix, phrases, vocab
from .equipment_status import clause_start
from .opponents import article_opponent
from .sides import NOT_ARMED, allied, lead_opponent, opposed
from .theatre import role_actor
from .sides import armed as _armed



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


@lru_cache(maxsize=256)
def _only_opponent(actor: str) -> str | None:
    """The one armed actor of the reference opposed to ``actor`` in every war it fights
    ("Ukrainian forces destroyed 12 tanks": Russia's), else None."""
    return lead_opponent(actor)  # the lead of the one camp: North Korea's troops fight on Russia's


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
    prefix = np_prefix(ctx.text, mention.start)
    start = mention.start - len(prefix)
    mentions = _armed(find_actors(prefix))
    if mentions and re.fullmatch(r"(?:'s|’s|')?\s*", prefix[mentions[-1].end:]):
        last = mentions[-1]
        return _refine(ActorMention(last.label, last.actor_id, start + last.start, start + last.end), ctx)
    # "their vehicles", "their armored and machinegun-equipped vehicles": the last armed
    # actor before it, in this sentence or the one before in the paragraph
    their = _THEIR.search(ctx.text, max(0, mention.start - 60), mention.start)
    if their:
        earlier = [m for m in _armed(find_actors(ctx.text[:their.start()]))
                   if not _acting(ctx.text, m.end, their.start())]
        subject = _subject(ctx, 0, their.start())
        others = [m for m in earlier if subject is None or not allied(_refine(m, ctx), subject)]
        if others or earlier:  # "SDF fighters repelled ISIL ... near SDF positions ... destroying their vehicles": ISIL's
            return _refine((others or earlier)[-1], ctx)
        previous = ctx.previous()
        if previous is not None and previous.paragraph == ctx.sentence.paragraph:
            earlier = _armed(find_actors(previous.text))
            if earlier:
                return _refine(earlier[-1], ctx)
    country = _COUNTRY_POSSESSIVE.search(prefix)  # "Syria's navy ships", "Argentina's Skyhawks" (equipment10w)
    if country and country.group(1) in actors.country_forces():
        return actors.country_forces()[country.group(1)]
    adjective = re.search(r"([A-Za-z.]+)(?:\s+military)?\s+$", prefix)
    if adjective:
        owner = owner_word(adjective.group(1))
        if owner:
            return owner
    return _first_conjunct_owner(ctx, mention)


@lru_cache(maxsize=1)
def _owner_words() -> dict[str, str]:
    """Nationality words (``actors_nationalities.csv``: "Ukrainian", "US") and the
    vocabulary's own owner words ("regime", "army"), lower case -> actor id."""
    table = dict(actors.demonym_actors())
    table.update({word.lower(): actor for word, actor in vocab()["owner_adjectives"].items()})
    return table


_COUNTRY_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s\s+(?:[\w-]+\s+){0,2}$")
_COUNTRY_SUBJECT = re.compile(
    r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s\s+(?:air\s+force|navy|army|military|armed\s+forces|forces|troops|fleet|"
    r"air\s+defen[cs]es?))?\s+(?:(?:has|have|had|also|reportedly|allegedly|apparently|\w+ly)\s+)*$")


def _country_subject(before: str) -> str | None:
    """The state whose name (or whose service) is the subject of "lost": "Georgia lost",
    "Ukraine's air force said it lost" is not read (the subject must end at the verb)."""
    m = _COUNTRY_SUBJECT.search(before)
    return actors.country_forces().get(m.group(1)) if m else None


def owner_word(word: str) -> str | None:
    """The actor a word before an item names ("a Ukrainian Su-25", "a US drone", "army
    trucks"); a role word ("army", "regime") names the forces of the article's country."""
    word = word.lower()
    if word in _owner_words():
        return role_actor(word) or _owner_words()[word]
    return None


def _acting(text: str, end: int, their: int) -> bool:
    """True when the actor ending at ``end`` is the subject of the status verb whose object
    "their" opens ("The SDF destroyed their vehicles": not the SDF's own)."""
    return _status_verb().match(text[end:their].lower().strip() + " ") is not None


@lru_cache(maxsize=1)
def _status_verb() -> re.Pattern[str]:
    words = [w for ws in vocab()["verbs_before"].values() for w in ws]
    return re.compile(rf"(?:(?:fighters|forces|troops|also|then|have|has|had|\w+ly)\s+){{0,2}}?(?:{phrases(words)})\s+$",
                      re.IGNORECASE)


_THEIR = re.compile(r"\b(?:their|its)\s+(?:[\w-]+\s+){0,2}?(?:(?:and|or)\s+[\w-]+\s+)?$", re.IGNORECASE)
_VERB_OR_BREAK = re.compile(r"[,;:]|\b(?:was|were|is|are|has|have|had|killed|destroyed|targeted|hit|struck|"
                            r"attacked|captured|seized|by|said|says)\b")  # case-sensitive: "IS" is the group


def _first_conjunct_owner(ctx: SentenceContext, mention: EquipmentMention) -> str | None:
    """"The ISIL military equipment and machinegun-equipped vehicles were destroyed": an
    owner named at the head of a coordinated noun phrase owns every item of it."""
    before = ctx.text[clause_start(ctx.text, mention.start):mention.start]
    if not re.search(r"\b(?:and|or|as\s+well\s+as)\s+(?:[\w-]+\s+)?$", before, re.IGNORECASE):
        return None
    head = re.split(r"\b(?:and|or|as\s+well\s+as)\s+(?:[\w-]+\s+)?$", before)[0]
    if _VERB_OR_BREAK.search(head) or re.search(r"\b\w+ing\b", head):
        return None  # a clause, not a noun phrase: "army units carried out ... destroying a tank and"
    found = _armed(find_actors(head))
    return _refine(found[0], ctx) if found else None


def _owner_after(ctx: SentenceContext, mention: EquipmentMention) -> str | None:
    """"an APC of the Turkish army", "vehicles used by ISIS": the owner named after it."""
    words = phrases(vocab()["owner_after"])
    m = re.match(rf"^\s+(?:{words})\s+(?:the\s+)?", ctx.text[mention.end:mention.end + 40], re.IGNORECASE)
    if not m:
        return None
    start = mention.end + m.end()
    mentions = _armed(find_actors(ctx.text[start:start + 60]))
    if mentions and mentions[0].start <= 12:
        first = mentions[0]
        return _refine(ActorMention(first.label, first.actor_id, start + first.start, start + first.end), ctx)
    return None


@lru_cache(maxsize=1)
def _owner_subject_verb() -> re.Pattern[str]:
    return re.compile(rf"(?:{phrases(vocab()['owner_subject_verbs'])})(?![\w-])", re.IGNORECASE)


def _fallen_side(ctx: SentenceContext, acted: str | None, text: str | None = None) -> str | None:
    """The one armed group whose fighters the sentence (or ``text``) reports killed, wounded
    or captured, when it is not the acting side: equipment lost in the same fight is theirs
    ("killing 34 militants ... the destruction of 5 SUVs")."""
    from .casualties import read_figures  # the casualty reading of the sentence

    groups = {
        f.victim.actor for f in read_figures(text or ctx.text, ctx.article.text)
        if f.victim.type == "combatant" and f.victim.actor not in NOT_ARMED | {"all"}
    }
    if acted is not None:
        groups = {g for g in groups if not allied(g, acted)}
    return groups.pop() if len(groups) == 1 else None


_GROUP_WORDS = r"the\s+(?:group|insurgents|militants|rebels|attackers|assailants|jihadists|movement|organi[sz]ation|militia|gunmen)"
_ANAPHOR = re.compile(rf"\b{_GROUP_WORDS}\s+(?:[\w'’-]+\s+){{0,5}}$", re.IGNORECASE)
# "The group said in a statement that it had seized ...": the speaker is the subject of "it"
_SPEAKER_ANAPHOR = re.compile(rf"^\s*{_GROUP_WORDS}\s+(?:[\w'’-]+\s+){{0,12}}?(?:said|says|claimed|claims|announced|added|reported)\b"
                              rf"[^.;]{{0,80}}?\b(?:it|they)\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)


_COALITIONS = frozenset({"saudi_coalition", "us_coalition"})


def _anaphoric_subject(ctx: SentenceContext, verb_at: int) -> str | None:
    """The armed group an anaphoric subject ("the group", "the insurgents", "the attackers")
    stands for: the first armed actor that is no state's forces in the nearest earlier
    sentence that names one, within five sentences; none when the clause names an actor."""
    before = ctx.text[clause_start(ctx.text, verb_at):verb_at]
    sentence = re.sub(r"^(?:He|She|A\s+spokesman|The\s+spokesman)\s+said\s+", "", ctx.text[:verb_at])
    if not (_ANAPHOR.search(before) or _SPEAKER_ANAPHOR.match(sentence)) or _armed(find_actors(ctx.text[:verb_at])):
        return None
    for n in range(1, 6):
        previous = ctx.previous(n)
        if previous is None:
            return None
        found = [m for m in _armed(find_actors(previous.text))
                 if m.actor_id not in actors.state_forces() and m.actor_id not in _COALITIONS]  # a group is no state
        if found:
            return specific_actor(found[0].label, found[0].actor_id, (), ctx.article.text)
    return None


def owner_and_captor(
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
        subject = _subject(ctx, clause_start(text, verb_at), verb_at)
        if status == "abandoned" or _owner_subject_verb().match(text, verb_at):
            country = re.search(r"([A-Za-z.]+)\s+(?:(?:has|have|had)\s+)?$", text[:verb_at])
            owner = owner or subject or (owner_word(country.group(1)) if country else None)  # "Russia lost an A-50"
            owner = owner or _country_subject(text[:verb_at])  # "Georgia lost", "Ukraine's air force reportedly lost"
        else:
            acted = acted or subject
    owner = owner or _possessor(ctx, mention)
    if owner is None and status == "captured":  # "captured two howitzers from the junta"
        source = re.search(r"\bfrom\s+(?:the\s+)?", text[mention.end:mention.end + 80])
        if source and not re.search(r"[;:]", text[mention.end:mention.end + source.start()]):
            at = mention.end + source.end()
            word = re.match(r"[A-Za-z.]+", text[at:])
            owner = _actor_at(ctx, at, at + 40) or (owner_word(word.group()) if word else None)
    if acted is None and verb_at is not None and owner is None:
        acted = _subject(ctx, 0, verb_at)  # "Army units targeted ..., while other units destroyed"
    if acted is None and verb_at is not None and owner is None:
        acted = _anaphoric_subject(ctx, verb_at)  # "The group said it had seized six howitzers" (equipment10w)
    owner = owner or _fallen_side(ctx, acted)  # "killing 34 militants and destroying 5 SUVs"
    if owner is None and acted is None:  # "Several SUVs were put out of action": the fight told just before
        previous = ctx.previous()
        if previous is not None and previous.paragraph == ctx.sentence.paragraph:
            owner = _fallen_side(ctx, None, previous.text)
    if owner is None and acted is not None:
        owner = _sentence_opponent(ctx, acted) or article_opponent(ctx, acted)[0] or _only_opponent(acted)
    owner = owner or _article_loser(article)
    if status == "captured":
        captor = acted or (article_opponent(ctx, owner)[0] if owner else None)
    if owner is not None and owner == captor:
        owner = None
    return owner, captor
