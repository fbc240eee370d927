"""Who the casualties were: the noun phrase after a count ("civilians", "from HTS", "of
militants") read against the victim table and the actor aliases, with the rules that turn
generic words into a group ("fighters loyal to Assad", "militants" in an article about one
group, "four of its soldiers", "on both sides").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import actors, equipment_mentions
from .theatre import memo as theatre_memo
from .casualty_owner import leader_owner, leaders, theatre_framing, two_sides
from .casualty_cues import cues as _cues, number_words as _number_words, victim_table as _victim_table


@dataclass(frozen=True)
class Victim:
    """Who the casualties were: actor id (or civilians / all / unknown), words, type."""

    actor: str
    label: str | None
    type: str



UNSPECIFIED = Victim("all", None, "mixed")

_NP_STOP = {
    "who", "that", "which", "were", "was", "are", "is", "have", "has", "had", "been", "in",
    "on", "at", "by", "after", "during", "when", "while", "as", "and", "with", "near",
    "following", "since", "for", "across", "into", "to", "over", "under", "inside", "outside",
    "amid", "including", "among", "due", "because", "this", "last", "yesterday", "today",
    "or", "but", "so", "if", "than", "will", "would", "could", "may", "might", "all",
    "according", "between", "throughout", "within", "overnight", "mostly", "mainly", "most",
    "many", "some", "not", "near", "per", "each", "despite", "kill", "kills", "killing",
    "injure", "injures", "injuring", "wounding", "wound", "leaving", "left", "said", "says",
    "got", "get", "gets", "fled", "returned", "arrived", "remain", "remained", "went",
    "it", "he", "she", "they",  # "wounded 22 it said": the reporting clause, no victims
}
_NP_LEAD = re.compile(r"""^[\s"“”'‘’]*(?:(?:of|from)\s+(?:the\s+|them\b|whom\b)?)?""", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NOT_SPACE = re.compile(r"[^\s]")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_NOT_SPACE_OR_QUOTE = re.compile(r"[^\s\"“”'‘’]")


_DETERMINERS = frozenset({"a", "an", "the"})
_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|their|his|her|its|them|him)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def victim_phrase(text: str, end: int) -> tuple[str, int]:
    """The noun phrase right after a count ("civilians", "from HTS", "of militants"), and
    where it ends; it stops at punctuation, a verb or preposition, or an outcome word.
    Cached: a figure's reading asks for the same phrase up to three times."""
    lead = _NP_LEAD.match(text[end:])
    cursor = end + (lead.end() if lead else 0)
    phrase_end = cursor
    stems = _cues()["stems"]
    words = 0
    for m in _WORD.finditer(text, cursor):
        gap = text[phrase_end:m.start()]
        if gap and (_NOT_SPACE if words else _NOT_SPACE_OR_QUOTE).search(gap):
            break  # punctuation between words ends the phrase
        word = m.group().lower().rstrip(".")
        if not words and word in _DETERMINERS:
            break  # "killed 5 ... and wounded 50 a monitoring group said": no noun of its own
        if word == "and" and words and _coordinated_victim(text, m.end()):
            words += 1  # "rebels and jihadists", "women and children": one group of victims
            phrase_end = m.end()
            continue
        stop = word in _NP_STOP and not m.group().isupper()  # "IS" is an actor, "is" a verb
        stop = stop or (words > 0 and word.endswith("ing") and len(word) >= 5 and word not in _victim_table()[0]
                        and (_OBJECT_NEXT.match(text, m.end()) is not None  # "a doctor receiving the ..."
                             or (_people_word(text[cursor:m.start()]) and not _thing_next(text, m.end()))))
        # "1300 people using chemical weapons": a participle after a people noun starts a clause
        # (not "13 Daesh fighting positions": an adjective before a thing)
        stop = stop or (words > 0 and word == "more" and re.match(r"\s+than\b", text[m.end():]) is not None)
        stop = stop or (words > 0 and word in _number_words())  # "six women five children"
        if stop or word in stems or word.split("-")[0] in stems:
            break
        abbreviation = _ABBREVIATION.fullmatch(m.group()) is not None  # "U.S.", "U.N.": the dot is the word's
        phrase_end = m.end() - (0 if abbreviation else len(m.group()) - len(m.group().rstrip(".")))
        words += 1
        if words >= 8:  # "members of the so-called Free Syrian Army"
            break
    return text[end:phrase_end].strip(" \"“”'‘’"), phrase_end


def _people_word(words: str) -> bool:
    """True when the last word of ``words`` is a people noun of the victim table."""
    last = words.split()[-1].lower() if words.split() else ""
    return last in _victim_table()[0]


def _thing_next(text: str, at: int) -> bool:
    """True when the word at ``at`` is a thing, not people ("fighting positions")."""
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", text[at:at + 30])
    return nxt is not None and nxt.group(1).lower() in _cues()["not_victims"]


_QUANTIFIERS = frozenset({"several", "many", "dozens", "scores", "hundreds", "thousands", "numerous", "some"})


def _coordinated_victim(text: str, at: int) -> bool:
    """True when the word after "and" at ``at`` is itself a victim noun (not a number)."""
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", text[at:at + 30])
    word = nxt.group(1).lower() if nxt else ""
    if not word or word in _number_words() or word in _NP_STOP or word in _QUANTIFIERS:
        return False  # "three members of a TV crew and several soldiers": a count of its own follows
    pair = re.match(r"\s+[A-Za-z][\w-]*\s+([A-Za-z][\w-]*)", text[at:at + 40])
    if pair and pair.group(1).lower() in _victim_table()[0]:
        return True  # "regime and allied fighters": an adjective, then a victim noun;
        # "patients and their companions": a possessive, then a victim noun
    if word.endswith(("ed", "ing")):
        return False  # "killed 90,000 people and displaced millions": a verb, not a group
    victim = resolve_victim(nxt.group(1))
    return victim is not None and victim is not UNSPECIFIED


_PRO_GOVERNMENT = re.compile(r"^(?:pro-(?:regime|government|assad)|regime|loyalist)\b", re.IGNORECASE)
_KURDISH = re.compile(r"^kurdish\s+(?:fighters|militiamen|militia|troops|forces|members|gunmen)\b", re.IGNORECASE)


# compiled once (resolve_victim runs ~6,000 times a dev pass)
_OF_FIRST = re.compile(r"of\s", re.IGNORECASE)
_OF_SPLIT = re.compile(r"\s+(?:of|out|from)\s+")
_FORMER = re.compile(r"(?:of\s+)?(?:ex-|former\s+|demobili[sz]ed\s+)", re.IGNORECASE)
_MEMBERS_OF = re.compile(r"(?:members?|staff|employees)\s+of\s+(?:an?\s+|the\s+)?", re.IGNORECASE)
_PROPER_NOUN = re.compile(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}")


def resolve_victim(phrase: str) -> Victim | None:
    """Victim group of a noun phrase; UNSPECIFIED when empty; None when the phrase names
    no people ("rockets", "Idlib"). The rules of one article ask for the same phrase again
    and again (a figure's reading, its inheritance, the owner and target checks): its
    answer is kept for the article and the state its country is read in, as find_actors'."""
    memo, state = theatre_memo("victims")
    if memo is None:
        return _resolve_victim(phrase)
    key = (phrase, state)
    if key not in memo:
        memo[key] = _resolve_victim(phrase)
    return memo[key]


def _resolve_victim(phrase: str) -> Victim | None:
    words = phrase.strip()
    if not words or words.lower() in ("others", "more", "other", "them", "of them", "of others", "people more"):
        return UNSPECIFIED
    if words.split()[0].lower() in ("others", "more") and not _victim_table()[1].search(words):
        return UNSPECIFIED  # "25 others Ibrahim Abu Leys told": a run-on in unpunctuated text
    if words.startswith("Related "):
        return None  # "Get short URL 185 Related Daesh Commander Killed ...": a page's link list
    if _OF_FIRST.match(words) and any(
            w.lower() in _cues()["not_victims"] for w in words.split()[1:5]):
        return None  # "14 of IS military vehicles": a part of things
    if _FORMER.match(words):
        former = resolve_victim(_FORMER.sub("", words, count=1))
        if former is not None and former.type == "combatant":
            return Victim("civilians", words, "civilian")  # "five ex-FARC members": fighters no longer
    if ("'s " in words or "’s " in words) and (led := leader_owner(words)):
        return Victim(led, words, "combatant")  # "43 of Haftar's fighters", "Haftar's men": the leader's group
    member_of = _MEMBERS_OF.match(words)
    if member_of:  # "three members of a state television crew": the people are what they are members of
        whole = resolve_victim(words[member_of.end():])
        if whole is not None and whole is not UNSPECIFIED and whole.actor != "unknown":
            return Victim(whole.actor, words, whole.type)
    head = _OF_SPLIT.split(words, maxsplit=1)[0].split()[-1].lower()
    if head in _cues()["not_victims"]:
        return None  # "23 terrorist targets", "two dens": things, not people
    table, pattern = _victim_table()
    found = pattern.search(words)
    # "jihadists of Daesh", "men from Hezbollah": a group named in the phrase outranks a framing word
    named = sorted((a for a in actors.find_actors(words) if a.actor_id not in ("civilians",)),
                   key=lambda a: a.label.lower() in _cues()["group_framings"])
    if " and " in words and two_sides(words):  # "rebel and regime forces": both sides
        return Victim("all", words, "mixed")
    if found and " and " in words.lower():
        head = auxiliary_list_head(words)
        if head is not None:  # "soldiers and volunteer militiamen": the state's soldiers and their auxiliaries
            return Victim(table[head][0], words, "combatant")
        kinds = {table[m.group().lower()][1] for m in pattern.finditer(words)}
        if {"civilian", "combatant"} <= kinds:  # "people, both militants and civilians": a mixed toll
            return Victim("all", words, "mixed")
    if found:
        actor, kind = table[found.group().lower()]
        if kind == "combatant" and _PRO_GOVERNMENT.match(words):
            actor = "syrian_government"  # "pro-regime gunmen and security guards"
        elif kind == "combatant" and _KURDISH.match(words):
            actor = "sdf"
        elif kind == "combatant" and named:
            actor = named[0].actor_id
        elif kind == "combatant" and found.start() > 0 and (actor == "unknown" or _table_default(found.group())):
            # "one Israeli officer", "two Malian policemen", "one Rwandan soldier", "U.S. service
            # members": the state of the nationality word before wins over the table's default army
            actor = demonym_actor(words[:found.start()].split()[-1]) or actor
        return Victim(actor, words, kind)
    if named:
        return Victim(named[0].actor_id, words, "combatant")
    if _names_equipment(words):
        return None  # "5 SUVs with large-caliber weapons": equipment, not people
    if _PROPER_NOUN.fullmatch(words):
        if words.lower() in _people_words():  # "43 Palestinians", "two Indians": people of a nation
            return Victim("civilians", words, "civilian")
        return Victim("unknown", words, "unknown")  # a group named by a proper noun ("Lebanese")
    return None


_AND_LIST = re.compile(r"\s*,?\s+and\s+", re.IGNORECASE)


def auxiliary_list_head(words: str) -> str | None:
    """"soldiers and volunteer militiamen", "troops and police": the state-forces noun of a list
    whose other words are all the state's auxiliaries (``casualty_auxiliaries.csv``), else None."""
    if " and " not in words:
        return None
    parts = _AND_LIST.split(re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", words.strip().lower()), maxsplit=1)
    if len(parts) != 2 or not _table_default(parts[0]):
        return None
    rest = parts[1].split()
    return parts[0] if rest and all(w in _auxiliaries() for w in rest) else None


@lru_cache(maxsize=1)
def _auxiliaries() -> frozenset[str]:
    from .reference import load_csv
    return frozenset(row["word"].strip().lower() for row in load_csv("casualty_auxiliaries.csv"))


def _table_default(noun: str) -> bool:
    """True when the victim table reads a noun as the Syrian army only by default ("soldiers")."""
    return _victim_table()[0].get(noun.lower(), ("",))[0] == "syrian_government"


def _names_equipment(phrase: str) -> bool:
    """True when a noun phrase opens with equipment of the catalogue ("SUVs", "T-72 tanks")."""
    found = equipment_mentions.find_equipment(phrase)
    return bool(found) and found[0].start == 0



def victim_before_cue(sentence: str, cue_start: int) -> Victim | None:
    """A victim adjective just before a toll word: "civilian death toll", "militant casualties"."""
    window = sentence[max(0, cue_start - 30):cue_start]
    words = " ".join(window.split()[-2:])
    victim = resolve_victim(words) if words else None
    return victim if victim is not None and victim is not UNSPECIFIED else None


def victim_of_remains(sentence: str, cue_end: int) -> Victim | None:
    """"230 corpses of tribesmen", "12 bodies of soldiers": the victims after the cue."""
    if not sentence[:cue_end].lower().endswith(("bodies", "corpses", "remains")):
        return None
    m = re.match(r"\s+of\s+", sentence[cue_end:])
    if not m:
        return None
    victim = resolve_victim(victim_phrase(sentence, cue_end + m.end())[0])
    return victim if victim is not UNSPECIFIED else None



def is_framing(victim: Victim) -> bool:
    """True when the victim words are a generic hostile framing ("militants", "Takfiri
    terrorists") rather than a named group."""
    if victim.actor != "opposition" or not victim.label:
        return False
    words = re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", victim.label.lower()).split()
    # the head is the last word ("Takfiri terrorists"), or the first when the phrase runs
    # on in unpunctuated text ("militants the destruction of")
    return bool(words) and (words[-1] in _cues()["group_framings"] or words[0] in _cues()["group_framings"])


def loyal_to(sentence: str, phrase_end: int, victim: Victim) -> Victim:
    """"fighters loyal to President Assad": the victims belong to whom they are loyal to."""
    if victim.type != "combatant":
        return victim
    label = victim.label or ""
    start = phrase_end - len(label.split()[-1]) - 1 if label.lower().endswith(("loyal", "allied", "affiliated")) else phrase_end
    m = _cues()["loyal_to"].match(sentence, max(start, 0))
    if not m:
        return victim
    whom = m.group("whom")
    named = [a.actor_id for a in actors.find_actors(whom) if a.actor_id != "civilians"]
    if named:
        return Victim(named[0], victim.label, victim.type)
    if _cues()["government_words"].search(whom):
        return Victim("syrian_government", victim.label, victim.type)
    leader = _NAME.match(whom.strip())  # "fighters loyal to Hemedti": the group the leader leads
    led = leaders().get(leader.group("name").lower()) if leader else None
    return Victim(led, victim.label, victim.type) if led else victim


_NAME = re.compile(r"(?:(?:al-)?[A-Z][\w'’-]*\s+)*(?:al-)?(?P<name>[A-Z][\w’-]+)")  # the last name of a run


@lru_cache(maxsize=64)
def _deposed(name: str) -> re.Pattern[str]:
    words = _cues()["deposed_words"]
    return re.compile(rf"\b(?:{words})\s+(?:[\w-]+\s+){{0,3}}?(?:al-)?{name}\b|\b{name}\s+(?:was|had\s+been|has\s+been)\s+(?:{words})\b"
                      rf"|\b(?:since|after|following)\s+(?:the\s+)?(?:fall|ouster|overthrow|toppling|removal)\s+of\s+(?:[\w-]+\s+){{0,3}}?(?:al-)?{name}\b")


def deposed_loyalty(sentence: str, victim: Victim, article_text: str) -> Victim:
    """"148 gunmen loyal to Assad" in an article that tells "Bashar al-Assad was toppled":
    loyalists of a deposed leader are no government's forces (side unknown)."""
    if not article_text or victim.actor == "unknown" or not (victim.label or "").lower().endswith(("loyal", "allied", "affiliated")):
        return victim
    m = _cues()["loyal_to"].search(sentence)
    name = _NAME.match(m.group("whom")) if m else None
    if name is None or not _deposed(re.escape(name.group("name"))).search(article_text):
        return victim
    return Victim("unknown", victim.label, victim.type)


def specific_group(victim: Victim, sentence: str, article_text: str = "", agent: str | None = None) -> Victim:
    """A generic framing ("militants", "terrorists") becomes the one group the sentence,
    or else the article, is about ("Daesh attack ... left 28 militants dead" -> isis). When
    the sentence names two groups and one of them did the killing (``agent``), the
    framing is the other ("the SDF killed 13 jihadists of Daesh" -> isis)."""
    if victim.actor == "unknown" and victim.type == "combatant" and _cues()["opposition_context"].search(sentence):
        return Victim("opposition", victim.label, victim.type)  # "fighters" among rebels only
    if not is_framing(victim) or " and " in (victim.label or ""):
        return victim  # "rebels and jihadists": several groups, none named
    from .casualty_framing import attack_owner, framed_group
    group = framed_group(sentence, article_text, agent, victim.label or "")
    if group is None:  # whose attack it was ("repelled an RSF assault, killing 200 attackers"), then the war's usual insurgent
        group = attack_owner(sentence, article_text, agent or _subject(sentence)) or _theatre_group(sentence, agent)
    return Victim(group, victim.label, victim.type) if group else victim


def _subject(sentence: str) -> str | None:
    from .casualty_framing import subject_actor
    return subject_actor(sentence)



def _theatre_group(sentence: str, agent: str | None) -> str | None:
    """The theatre's usual insurgent for a bare framing, unless it is the one doing the killing."""
    from .casualty_framing import subject_actor
    group = theatre_framing()
    return group if group is not None and group not in (agent, subject_actor(sentence)) else None


def demonym_actor(word: str) -> str | None:
    """The country's forces a nationality word stands for ("Ukrainian" -> ukraine)."""
    return actors.demonym_actors().get(word.lower())


def is_people_of_nation(words: str) -> bool:
    """"Palestinians", "Ukrainians": a nation's people as a plural noun."""
    return words.lower() in _people_words()


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """A nation's people as a plural noun ("Palestinians", "Ukrainians", "Indians")."""
    return frozenset(word.lower() for word in actors.nationality_words("plural"))
