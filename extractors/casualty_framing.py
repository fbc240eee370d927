"""Which group a hostile framing ("terrorists", "militants", "jihadists") stands for.

A framing word is never the speaker's own side, and never the side that does the killing:
- the agent is the group the grammar makes the subject: the clause before an active cue
  ("the SDF ... killing 80 militants"), the "by" phrase of a passive, or else an actor
  directly followed by its verb ("SDF Foiled ISIS Attack ... 80 Terrorists Killed");
- in the sentence, the framing is the one group named besides the agent;
- failing that, the one group the article itself frames with such a word elsewhere, at
  least twice ("ISIS terrorists", "jihadists of Daesh", "Daesh takfiri terrorists"), if it
  is not the agent;
- failing that, the one group the article shows fighting, as the subject of a verb at
  least twice ("Daesh fighters pushed west. Daesh shelled the base."), if not the agent;
- else the framing stays the table's generic reading (opposition): a wrong specific group
  is worse than the generic one. (The group an article merely names most is no such
  evidence: an article on strikes against ISIS oil depots also counts "terrorists" killed
  in Daraa.)
Verbs that follow a subject: ``seeds/reference/casualty_cues.yaml`` (``subject_verbs``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import actors
from .casualty_cues import cues as _cues
from .reference import load_yaml


@lru_cache(maxsize=1)
def _subject_verb() -> re.Pattern[str]:
    words = load_yaml("casualty_cues.yaml")["subject_verbs"]
    listed = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # "SDF repelled", "the army has killed", "ISIS executes"; not "US-led", "UK-based"
    return re.compile(rf"(?:\s+(?:fighters|militants|forces|troops|units|members|gunmen|jihadists|terrorists))?"
                      rf"\s+(?:(?:has|have|had)\s+)?(?:{listed}|(?!(?:led|based|backed|held|controlled)\b)[a-z]+ed)\b",
                      re.IGNORECASE)


def subject_actor(sentence: str, before: int | None = None) -> str | None:
    """The first armed actor followed directly by a verb, before ``before``."""
    head = None  # "Kurdish SDF Troops Kill": adjacent names are one subject, the first decides
    for mention in actors.find_actors(sentence[:before] if before is not None else sentence):
        if mention.actor_id in ("civilians", "unknown") or is_framing_label(mention.label):
            head = None
            continue
        if head is None or sentence[head[1]:mention.start].strip():
            head = (mention.actor_id, mention.end)
        head = (head[0], mention.end)
        if _subject_verb().match(sentence, mention.end):
            return head[0]
    return None


def is_framing_label(label: str) -> bool:
    words = label.lower().split()
    return bool(words) and words[-1] in _cues()["group_framings"] and len(words) == 1


@lru_cache(maxsize=256)
def framed_groups(article_text: str) -> dict[str, int]:
    """Specific groups the article calls by a framing word: "ISIS terrorists", "terrorists
    of Daesh", "Daesh takfiri terrorists"."""
    framings = _cues()["group_framings"]
    found: dict[str, int] = {}
    mentions = actors.find_actors(article_text)
    for i, mention in enumerate(mentions):
        if mention.actor_id not in actors.SPECIFIC_GROUPS:
            continue
        label = mention.label.lower().split()
        if label and label[-1] in framings:
            found[mention.actor_id] = found.get(mention.actor_id, 0) + 1
            continue
        following = article_text[mention.end:mention.end + 40].lower().split()[:2]
        if any(word.strip(".,;:") in framings for word in following):
            found[mention.actor_id] = found.get(mention.actor_id, 0) + 1
            continue
        before = article_text[max(0, mention.start - 30):mention.start].lower().split()
        if len(before) >= 2 and before[-1] in ("of", "from", "the") and (
                before[-2] in framings or (before[-1] == "the" and len(before) >= 3 and before[-3] in framings)):
            found[mention.actor_id] = found.get(mention.actor_id, 0) + 1
    return found


def framed_group(sentence: str, article_text: str, agent: str | None, label: str = "") -> str | None:
    """The specific group a framing in ``sentence`` stands for, or None (keep it generic).
    ``agent``: the killer the cue's clause names, if any; an actor followed by its verb
    ("the Russian Aerospace Forces have destroyed a Daesh command center and killed") is
    the better witness when there is one. ``label``: the framing as written; of two other
    groups, the only one it may describe (``control_actor_framings.csv``: "extremists" may
    be IS or HTS, never the SDF) is the one."""
    subject = subject_actor(sentence)
    counts = actors.group_counts(sentence)
    if set(counts) == {subject or agent} and (subject is None or agent is None):
        # "destroyed a Daesh command center and killed 34 terrorists": the clause's first actor
        # was no subject; "Daesh attacked the town and 28 militants were left dead": the
        # subject did not do the killing (no active cue, no "by"); the only group named stays
        return subject or agent
    agent = subject or agent
    others = {g: n for g, n in counts.items() if g != agent}
    if len(others) == 1:
        return next(iter(others))
    described = [g for g in others if g in actors.framing_may_be(label)] if label else []
    if len(described) == 1:  # "fighting between the SDF and IS members left 11 extremists dead"
        return described[0]
    if others:
        return actors.main_group(sentence, frozenset(others))
    framed = {g: n for g, n in framed_groups(article_text).items() if g != agent} if article_text else {}
    if len(framed) == 1 and max(framed.values()) >= 2:
        return next(iter(framed))
    acting = {g: n for g, n in acting_groups(article_text).items() if g != agent} if article_text else {}
    if len(acting) == 1 and max(acting.values()) >= 2:
        return next(iter(acting))
    return None


@lru_cache(maxsize=256)
def acting_groups(article_text: str) -> dict[str, int]:
    """How often each specific group is the subject of a verb in the article ("Daesh
    shelled the base", "ISIS fighters stormed"): a group the article shows fighting."""
    found: dict[str, int] = {}
    for mention in actors.find_actors(article_text):
        if mention.actor_id in actors.SPECIFIC_GROUPS and _subject_verb().match(article_text, mention.end):
            found[mention.actor_id] = found.get(mention.actor_id, 0) + 1
    return found


@lru_cache(maxsize=1)
def _attack_patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = load_yaml("casualty_attackers.yaml")
    return re.compile(data["owner_before"]), re.compile(data["owner_after"], re.IGNORECASE), int(data["article_min"])


_NOT_OWNERS = ("civilians", "unknown", "opposition")


def _attack_owners(text: str) -> dict[str, int]:
    """Sides whose attacks the text reports ("an RSF assault", "an attack by Islamic State
    militants"), with how often."""
    if "attack" not in text and "assault" not in text and "offensive" not in text and "raid" not in text \
            and "ambush" not in text and "incursion" not in text and "onslaught" not in text:
        return {}
    before, after, _ = _attack_patterns()
    found: dict[str, int] = {}
    for pattern in (before, after):
        for m in pattern.finditer(text):
            owners = {a.actor_id for a in actors.find_actors(m.group("owner")) if a.actor_id not in _NOT_OWNERS}
            if len(owners) == 1:
                owner = owners.pop()
                found[owner] = found.get(owner, 0) + 1
    return found


def attack_owner(sentence: str, article_text: str, agent: str | None) -> str | None:
    """The side whose fighters a framing ("attackers", "militants") counts: the one side whose
    attack the sentence reports, not the one that did the killing ("repelled an RSF assault,
    killing hundreds of attackers" -> rsf); else the one side whose attacks the article reports
    (at least ``article_min`` times, no other side's); None otherwise."""
    here = {g for g in _attack_owners(sentence) if g != agent}
    if len(here) == 1:
        return here.pop()
    if here or not article_text:
        return None
    return _article_attack_owner(article_text, agent)


@lru_cache(maxsize=256)
def _article_attack_owner(article_text: str, agent: str | None) -> str | None:
    owners = {g: n for g, n in _attack_owners(article_text).items() if g != agent}
    if len(owners) == 1 and max(owners.values()) >= _attack_patterns()[2]:
        return next(iter(owners))
    return None
