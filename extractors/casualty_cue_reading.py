"""A count read with an outcome cue of its own: right after the count and its victim noun
("12 civilians were killed"), right before the count ("killing 12", "the death toll has risen
to 605"), in a partitive or "among" frame ("six of those killed were rebels", "five children
were among the dead") or further down the list of an active verb ("killed a staff member and
around 20 civilians"). Counts without a cue of their own are ``casualty_inherit``'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import casualty_lowered, numbers
from .claims import Count
from .casualty_affiliation import affiliated
from .casualty_cues import cues as _cues
from .casualty_readings import counted_group, cue_noun, described_victims, listed_cue, toll_of, with_partner
from .casualty_owner import loser
from .casualty_victims import UNSPECIFIED, Victim, is_framing, loyal_to, resolve_victim, victim_before_cue, victim_of_remains, victim_phrase
from .casualty_state_forces import bare_default, crew_of, origin_states
from .patterns import lowers_exactly


@dataclass(frozen=True)
class Reading:
    """One count read as a casualty figure (before it becomes a claim)."""

    mention: numbers.CountMention
    outcome: str
    victim: Victim
    cue_start: int  # where the outcome cue starts in the sentence
    cue_end: int
    active: bool  # the cue comes before the count ("killing 12"): its subject is the perpetrator
    total_start: int | None = None  # where the total this count is a part of starts ("605, including 245")



def _read_partitive(sentence: str, mention: numbers.CountMention) -> Reading | None:
    """"six of those killed were rebel fighters": killed, victims named after the verb."""
    cues = _cues()
    m = cues["partitive"].match(sentence, mention.end)
    if not m and cues["partitive_before"].search(sentence, max(0, mention.start - 40), mention.start):
        m = cues["partitive_verb"].match(sentence, mention.end)  # "Of those killed, six were children"
    if not m:
        return None
    phrase, _ = victim_phrase(sentence, m.end())
    victim = resolve_victim(phrase)
    if victim is None or victim is UNSPECIFIED:
        return None
    return Reading(mention, "killed", victim, m.start(), m.end(), False)


_ARTICLE_INSIDE = re.compile(r"\b(?:a|an)\s", re.IGNORECASE)
_AMONG_HINT = casualty_lowered.compile(r"\b(?:among|of\s+th(?:e|ose)\s)")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+|these\s+|those\s+|their\s+)?$", re.IGNORECASE)
_AMONG_OUTCOMES = {"killed": "killed", "dead": "killed", "died": "killed", "executed": "killed", "victims": "killed",
                   "deceased": "killed", "martyrs": "killed", "fatalities": "killed",
                   "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "casualties": "casualties"}


def _read_among(sentence: str, mention: numbers.CountMention) -> Reading | None:
    """"five children were among the dead", "three children were among at least 19
    civilians killed": the group is a part of the victims (of the total when counted)."""
    if not _AMONG_HINT.search(sentence, mention.end, mention.end + 120):
        return None  # cheap gate: most counts have neither "among" nor "of the/those" after them
    cues = _cues()
    of_the = cues["of_the_victims"].match(sentence, mention.end)
    if of_the:  # "Fifteen of the wounded were in critical condition"
        then = cues["after"].match(sentence[of_the.end():])  # "Two of the injured later died"
        if then and cues["cue_words"].get(re.sub(r"\s+", " ", then.group("cue").lower())) == "killed":
            return Reading(mention, "killed", UNSPECIFIED, of_the.end() + then.start("cue"), of_the.end() + then.end("cue"), False)
        return Reading(mention, _AMONG_OUTCOMES[of_the.group("cue").lower()], UNSPECIFIED,
                        of_the.start("cue"), of_the.end(), False)
    if _OF_BEFORE.search(sentence, max(0, mention.start - 12), mention.start):
        return None  # "the wives of the five fighters were among the dead": the count is no subject
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    m = cues["among"].match(sentence, phrase_end)
    victim = resolve_victim(phrase) if m else None
    if m is None or victim is None or (victim is UNSPECIFIED and phrase.lower() not in ("", "others", "other")):
        return None  # "the three others among the dead" are victims of no named group
    if victim is UNSPECIFIED and phrase:
        victim = Victim(victim.actor, phrase, victim.type)  # "the three others": not the people named before
    if mention.text.lower() in ("a", "an") and _ARTICLE_INSIDE.search(phrase):
        return None  # "A nurse a hospital employee and two soldiers are among the dead": a list, not one
    total_start = None
    if m.group("total"):
        inside = [c for c in numbers.find_counts(sentence) if m.start("total") <= c.start < m.end("total")]
        total_start = inside[0].start if inside else None
        whole = resolve_victim(m.group("noun")) if m.group("noun") else None
        if whole is not None and whole.type == "combatant" and victim.actor == "civilians" and (
                (victim.label or "").lower().split()[:1] in (["people"], ["persons"], ["individuals"])):
            victim = Victim(whole.actor, m.group("noun"), whole.type)  # "nine people ... among the terrorists killed"
    return Reading(mention, _AMONG_OUTCOMES[m.group("cue").lower()], victim, m.start("cue"), m.end(), False,
                    total_start)


_LOYAL_WORDS = (" loyal", " allied", " affiliated", " close")
# whom the victims are loyal to, up to the verb: a few words, no punctuation, no count
_LOYAL_TAIL = re.compile(r"\s+(?:to|with)\s+(?:[A-Za-z][\w'’-]*\s+){1,5}?(?=(?:were|was|had|have|has)\s)")
def _inserted(insert: str, victim: Victim) -> Victim:
    """What words set off by commas tell of the victims: a mix ("500 people, both civilians
    and soldiers,") or the soldiers' states ("13 troops, from South Africa and Malawi,")."""
    if (victim.label or "").lower() in _PLAIN_PEOPLE:
        told = resolve_victim(insert.strip(" ,"))
        return told if told is not None and told.type == "mixed" else victim
    return origin_states(insert, victim)


_PERFECT_AUX = re.compile(r"\b(?:have|has|had)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|that|which)\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:been|were|was|are|is|being)\b", re.IGNORECASE)


def _active_with_object(sentence: str, phrase_end: int, after: re.Match[str]) -> bool:
    """True when the outcome word after a count is an active verb with its own count as
    object ("bombers have killed at least 30"), not a participle ("were killed")."""
    between = sentence[phrase_end:phrase_end + after.start("cue")]
    if _PASSIVE_AUX.search(between) or not (_PERFECT_AUX.search(between) or _RELATIVE.search(between)):
        return False  # "57 civilians killed 150 injured" (a headline) stays a toll; "2 men who killed 3" does not
    rest = sentence[phrase_end + after.end("cue"):phrase_end + after.end("cue") + 40]
    following = numbers.find_counts(rest)
    return bool(following) and following[0].start <= 2


_RELATIVE_VERB = re.compile(r"\b(?:who|that|which)\s+(?:(?:had|have|has|also|reportedly)\s+)*\S+\s+$", re.IGNORECASE)


def _object_in_relative(sentence: str, mention: numbers.CountMention, victim: Victim) -> Reading | None:
    """"Two guards who killed 3 farmers were arrested": the count is the object of the
    relative clause's active verb; the outcome after it is the clause head's."""
    if not _RELATIVE_VERB.search(sentence, max(0, mention.start - 40), mention.start):
        return None
    before = _read_before(sentence, mention, victim)
    return before if before is not None and before.active else None


_SPACES = re.compile(r"\s+")
_TOLL_WORD = re.compile(r"\s*(?:the\s+)?(?:death|toll|number|fatalities|deaths|dead|casualt|losses)", re.IGNORECASE)


def _read(sentence: str, mention: numbers.CountMention) -> Reading | None:
    cues = _cues()
    partitive = _read_partitive(sentence, mention) or _read_among(sentence, mention)
    if partitive:
        return partitive
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    if phrase.endswith(" aged"):  # "two children aged 5 and 7 were killed": the ages are read with the cue
        phrase, phrase_end = phrase[:-5], phrase_end - 5
    if phrase.lower() in ("lives", "of lives"):  # "the attack claimed 14 lives", "took hundreds of lives"
        lives = cues["lives_before"].search(sentence, max(0, mention.start - 30), mention.start)
        return Reading(mention, "killed", UNSPECIFIED, lives.start(), mention.start, True) if lives else None
    head, _, rest = phrase.partition(" ")
    if rest.startswith("of ") and head.lower() in cues["unit_nouns"]:
        return None  # "three groups of terrorists": units, not people
    victim = counted_group(sentence, mention) or described_victims(sentence, mention) or resolve_victim(phrase)
    after = cues["after"].match(sentence[phrase_end:])
    if victim is None and phrase.lower() == "of" and after and after.group("cue").lower() in cues["of_toll_nouns"]:
        victim = UNSPECIFIED  # "dozens of casualties", "hundreds of dead": a count of the toll word itself
    if victim is not None:
        victim = affiliated(sentence, mention.end, crew_of(sentence, phrase_end, loyal_to(sentence, phrase_end, victim)))
        if after is None and phrase.lower().endswith(_LOYAL_WORDS):
            tail = _LOYAL_TAIL.match(sentence, phrase_end)  # "148 gunmen loyal to Assad had also been killed"
            after = cues["after"].match(sentence[tail.end():]) if tail else None
            phrase_end = tail.end() if after else phrase_end
    if after and after.group("aside") and after.group("cue").lower() in cues["things_cues"] and any(
            word in cues["not_victims"] for word in after.group("aside").lower().split()):
        after = None  # "13 elements ... including four buildings and three vehicles were destroyed"
    adjective = _wounded_adjective(sentence, mention, phrase, phrase_end, after)
    if adjective is not None:
        return adjective
    if after and after.group("partner") and mention.count.best == 1:
        pair = with_partner(sentence, mention)  # "a man and his young daughter were killed": two people
        if pair is None:
            after = None  # "a commander and his fighters": no count of the partner
        else:
            mention = pair
    if after and after.group("relative") and numbers.find_counts(after.group("relative")):
        after = None  # "... that nine others were injured": the relative clause has a count of its own
    if after and victim is not None and _active_with_object(sentence, phrase_end, after):
        after = None  # "two suicide bombers have killed at least 30 ...": the count is the killers
    if (after and mention.count.best == 1 and phrase.lower().startswith("of ") and " " in phrase
            and after.group("cue").lower() in _BODY_CUES):
        after = None  # "one of ISIS bodies had detained a woman": an organ of the group, no remains
    if after and victim is not None and after.group("insert"):
        victim = _inserted(after.group("insert"), victim)
    if after and victim is not None:
        outcome = cues["cue_words"][_SPACES.sub(" ", after.group("cue").lower())]
        if victim is UNSPECIFIED:  # "12 bodies of soldiers"; the cue itself names people: "350 hostages"
            victim = victim_of_remains(sentence, phrase_end + after.end("cue")) or cue_noun(after.group("cue")) or victim
        if outcome == "captive" and cue_noun(after.group("cue")) is not None:
            fate = _captives_fate(sentence, mention, phrase_end + after.end("cue"), victim)
            if fate is not None:  # "21 hostages dead", "killed 21 hostages": the captives were killed
                return fate
        start = phrase_end + after.start("cue")
        if mention.count.qualifier == "exact" and _AT_LEAST.search(sentence, phrase_end, start):
            best = mention.count.best  # "125 terrorists at least were killed"
            mention = replace(mention, count=Count(best, best, None, "at_least"))
        reading = Reading(mention, outcome, victim, start, phrase_end + after.end("cue"), False)
        # an outcome reached only across an aside ("killed 100 people including 25 children
        # and injured 400") yields to a cue right before the count
        if not after.group("aside") and not _cue_takes_next_count(sentence, phrase_end + after.end("cue")):
            return _object_in_relative(sentence, mention, victim) or reading
        # ... and an outcome verb with a count of its own right after it ("killed two patients
        # injured eight others", "Kurds kill 83 Injured 100") is that count's cue
        before = _read_before(sentence, mention, victim)
        if before is not None and before.outcome != outcome and not after.group("aside"):
            return before
        return before or reading
    if victim is None and phrase[:1].isupper():
        # "Death Toll in Blast ... Rises to 70 REUTERS Social Media": a headline's toll runs on
        # into page furniture that names no one; a toll word (never an active verb) keeps it
        toll = _read_before(sentence, mention, UNSPECIFIED)
        return toll if toll is not None and not toll.active else None
    return _read_before(sentence, mention, victim) or _read_listed(sentence, mention, victim, phrase_end)


def read(sentence: str, mention: numbers.CountMention) -> Reading | None:
    """The casualty reading of one count with its own cue, or None; one person and a
    relative named after them ("killed a man and his wife", "one mother and her child have
    died") count two."""
    reading = _read(sentence, mention)
    pair = with_partner(sentence, mention) if reading is not None and reading.mention.count.best == 1 else None
    return replace(reading, mention=pair) if pair is not None else reading


def freed(sentence: str, mention: numbers.CountMention) -> bool:
    """Captives named by their noun who are set free ("20 hostages were released", "the army
    freed 40 hostages"): no captive claim, and no other outcome of the sentence either."""
    cues = _cues()
    if lowers_exactly(sentence) and cues["captive_words"].search(sentence.lower(), mention.end) is None:
        return False  # no captive cue word after the count (the cue below must be one, as written)
    after = cues["after"].match(sentence[mention.end:])
    if after is None or cues["cue_words"].get(after.group("cue").lower()) != "captive" or cue_noun(after.group("cue")) is None:
        return False
    return (cues["captives_freed"].match(sentence, mention.end + after.end("cue")) is not None
            or cues["freed_before"].search(sentence, max(0, mention.start - 30), mention.start) is not None)


def _captives_fate(sentence: str, mention: numbers.CountMention, noun_end: int, victim: Victim) -> Reading | None:
    """Captives named by their noun whose own outcome is told: after it ("21 hostages dead",
    "hostages were killed") or before the count ("killed 21 hostages")."""
    cues = _cues()
    then = cues["after"].match(sentence[noun_end:])
    if then:
        outcome = cues["cue_words"].get(re.sub(r"\s+", " ", then.group("cue").lower()))
        if outcome in ("killed", "wounded"):
            return Reading(mention, outcome, victim, noun_end + then.start("cue"), noun_end + then.end("cue"), False)
    before = _read_before(sentence, mention, victim)
    return before if before is not None and before.outcome in ("killed", "wounded") else None


_ADJECTIVE_CUES = frozenset({"wounded", "injured"})
_BODY_CUES = frozenset({"bodies", "corpses"})
_AT_LEAST = re.compile(r"\bat\s+least\b", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+\w")  # the noun right after the participle, nothing between


def _wounded_adjective(sentence: str, mention: numbers.CountMention, phrase: str, phrase_end: int,
                       after: re.Match[str] | None) -> Reading | None:
    """"executed at least 9 wounded SDF fighters": a participle right after the count and
    before a people noun is an adjective; the verb before the count tells the outcome when
    it kills (not "treated 20 wounded civilians": those stay wounded)."""
    if phrase.lower() not in ("", "of") or after is None or after.group("cue").lower() not in _ADJECTIVE_CUES or after.start("cue") > 2:
        return None
    rest = phrase_end + after.end("cue")
    if not _NOUN_NEXT.match(sentence, rest):
        return None  # '170 wounded" Konashenkov said': a quote or a comma ends the toll
    noun, _ = victim_phrase(sentence, rest)
    victim = resolve_victim(noun) if noun else None
    if victim is None or victim is UNSPECIFIED:
        return None
    before = _read_before(sentence, mention, victim)
    if before is not None and before.outcome == "killed" and before.active:
        return before
    # "received 27 wounded soldiers", "treated 20 wounded civilians": wounded, and the noun says who
    return Reading(mention, "wounded", victim, phrase_end + after.start("cue"), rest, False)


def _cue_takes_next_count(sentence: str, cue_end: int) -> bool:
    """True when a count follows the outcome word right away ("injured eight others")."""
    following = numbers.find_counts(sentence[cue_end:cue_end + 30])
    return bool(following) and following[0].start <= 2


def _read_listed(sentence: str, mention: numbers.CountMention, victim: Victim | None, phrase_end: int) -> Reading | None:
    """A named group further down the list of an active verb ("killed a staff member and
    around 20 civilians"); not when a verb of its own follows the group."""
    if victim is None or victim is UNSPECIFIED or OWN_VERB.match(sentence, phrase_end):
        return None
    listed = listed_cue(sentence, mention)
    return Reading(mention, listed[0], victim, listed[1], listed[2], True) if listed else None


def _read_before(sentence: str, mention: numbers.CountMention, victim: Victim | None) -> Reading | None:
    """The reading given by a cue that ends right before the count ("killing 12")."""
    cues = _cues()
    if victim is None:
        return None  # no reading without a victim: spare the searches
    window_start = max(0, mention.start - 140)
    window = cues["before_fillers"].sub("", sentence[window_start:mention.start])  # "killing all five", "killed another six"
    lowered = cues["before_lowered"] is not None and lowers_exactly(window)  # same matches, faster
    scanned = window.lower() if lowered else window
    found = None
    offsets: dict[int, int] = {}  # reach -> where the window's last ``reach`` characters start (a few reaches)
    for pattern, outcome, needs_victim, hint, reach in cues["before_lowered" if lowered else "before"]:
        if needs_victim and victim is UNSPECIFIED:
            continue
        offset = offsets.get(reach)
        if offset is None:
            offset = offsets[reach] = _short_window_start(window, reach)
        m = pattern.search(scanned, offset) if not hint.pattern or hint.search(scanned, offset) else None
        if not m or (found is not None and m.start() <= found[0].start()):
            continue
        active = not _TOLL_WORD.match(m.group())
        found = (m, outcome, needs_victim, active)
        if active:
            break  # a verb right before the count; a toll may yet yield to a nearer one
            # ("put the death toll at six and the number of injured at 28": 28 are injured)
    if found is not None:
        m, outcome, needs_victim, active = found
        start = window_start + m.start()
        if victim is UNSPECIFIED and outcome in ("killed", "casualties") and not active:
            # "civilian death toll"; but in "Islamic State killed 270" the words before an
            # active verb are the perpetrator, not the victim
            victim = victim_before_cue(sentence, start) or toll_of(m.group()) or UNSPECIFIED
        elif victim is UNSPECIFIED and outcome == "wounded" and not active:
            victim = toll_of(m.group()) or UNSPECIFIED  # "the number of people injured ... reached 57"
        plain = (victim.label or "").lower() in _PLAIN_PEOPLE  # "The GNA said it had lost eight men"
        if needs_victim and outcome == "killed" and m.group().lower().startswith("los") and (
                victim.actor == "unknown" or is_framing(victim) or bare_default(victim) or plain):
            owner = loser(sentence[:start])  # "Hezbollah lost 20 fighters", "Ukraine had lost 2,030 servicemen"
            victim = Victim(owner, victim.label, "combatant" if plain else victim.type) if owner else victim
        if active and cues["attempt_before"].search(sentence, max(0, start - 30), start):
            return None  # "tried to arrest two men": the outcome did not happen
        return Reading(mention, outcome, victim, start, window_start + m.end(), active)
    return None


_PLAIN_PEOPLE = frozenset({"men", "members", "personnel", "people"})  # no status of their own


def _short_window_start(window: str, reach: int) -> int:
    """Where the last ``reach`` characters of ``window`` start, moved to a word start."""
    if len(window) <= reach:
        return 0
    space = window.find(" ", len(window) - reach)
    return space + 1 if space >= 0 else len(window)


OWN_VERB = re.compile(  # a verb of its own after a count's noun: a new clause, not a list
    r"\s*(?!(?:have|has|had)?\s*(?:said|reported|told|confirmed|claimed|added|stated)\b)"
    r"(?:have|has|had|were|was|are|is|will|would|fled|left|went|took|came|ran|\w+ed)\b", re.IGNORECASE)
