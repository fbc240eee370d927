"""The casualty vocabulary, compiled once: outcome cues, victim words, perpetrator words
and the sentence prefilter (``seeds/reference/casualty_cues.yaml``, ``casualty_victims.csv``,
``casualty_perpetrators.csv``, number words from ``numbers_vocabulary.yaml``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import compiled_patterns
from .casualty_lemmas import before_pattern, lemma_cues
from .casualty_lowered import case_blind
from .patterns import case_blind_alternation, invert, substring_finder, whole_words
from .reference import load_csv, load_yaml


# Words set off by commas between the victims and their verb: a name in apposition ("One
# Israeli officer, Chief Inspector Arnon Zamora, was killed"), a description ("500 people,
# both civilians and soldiers, had been killed"), a relative clause ("28 of the group's
# members, who had been guarding the perimeter, were among the dead"), where they came from
# ("13 peacekeepers and troops, from South Africa, Malawi and Uruguay, were killed"). No
# digit inside (a list of counts is no insertion), not a clause of its own ("and", "but",
# "while"), and the insertion ends with a comma right before the auxiliary of the verb or an
# intransitive outcome verb ("A civilian, Ivo Marek, died").
_PARENTHETICAL = (r"\s*,\s*(?!(?:and|but|or|while|whereas|as|after|before|when|then|so)\b)[^.;:()\d\"“”]{2,90}?,"
                  r"(?=\s+(?:(?:also|all|reportedly)\s+)?(?:was|were|had|has|have|are|died|perished|drowned|succumbed)\s)")


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """Compiled cue patterns from the YAML vocabulary."""
    data = load_yaml("casualty_cues.yaml")
    cue_words = invert(data["after"])
    lemma_after, lemma_before = lemma_cues()  # verbs listed once as lemmas, every form generated
    for word, outcome in lemma_after.items():
        cue_words.setdefault(word, outcome)
    cues = case_blind_alternation(cue_words)  # compiled with IGNORECASE below
    # any adverb too: "were slightly hurt", "were critically injured"
    filler = case_blind_alternation(data["after_filler"]) + r"|[a-z]+ly"
    aside = (  # "12 people, including 5 children, were killed"; "mostly women and children"
        r"(?P<aside>\s*[,(–-]?\s*(?:including|mostly|mainly|most(?=\s+[a-z])|among\s+them|(?:(?:more\s+than|over|nearly|almost|about)\s+)?(?:most|many|some|all|half|several)\s+of\s+(?:them|whom))"
        r"\b[^,.;()–]{0,60}?(?:\s*\([^()]{1,20}\))?(?:\s*[,)–-](?=\s)|(?=\s)))?"  # "three children (5-8 years)"
    )
    # where the victims were: a named place, or a common noun with its article ("25 others on a bus")
    place = (r"(?:\s+(?:in|near|across|around|on|aboard|inside)\s+(?:(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?"
             r"(?:\s+province)?|(?-i:a|an|the)\s+(?-i:[a-z]+)(?=\s+(?:were|was|had|have|are)\b)))?")
    # a name in apposition ("One Israeli officer, Chief Inspector Arnon Zamora of the police unit,
    # was killed"): a capitalised phrase between commas, no count in it
    apposition = rf"(?P<insert>{_PARENTHETICAL})?"
    # "70 terrorists who were later identified as foreigners were eliminated": a relative
    # clause between the victims and their outcome, up to the auxiliary of the main verb
    # ... or a participle phrase ("five Ugandan soldiers serving with the AU mission were killed")
    # A participle that is itself an outcome ("two others injured in an attack ...") is the
    # count's own cue, never the start of such a phrase (headline run-ons: "Child killed two
    # others injured in attack on X One child was killed ...").
    relative = (rf"(?P<relative>\s+(?:(?:who|that)\s+|(?!(?:{cues})\b)(?-i:[a-z]+)(?:ing|ed)\s+(?:with|in|at|on|near|for|from|to|as|under|inside)\s+)"
                r"[^,.;\d]{1,80}?(?=\s(?:were|was|had\s+been|have\s+been|has\s+been)\s))?")
    # the victims' ages between the noun and the verb ("eight students between 7 and 12 years
    # old were killed", "two children aged 5 and 7", "three boys, aged between 4 and 9,")
    ages = (r"(?:\s*,?\s*(?:aged\s+(?:between\s+|from\s+)?|between\s+)\d{1,2}(?:\s*(?:-|–|and|to)\s*\d{1,2})?"
            r"(?:\s+years?(?:\s+old)?)?(?:\s*,)?)?")
    # one more person coordinated before the verb ("another 27 students and a female teacher
    # were injured"): the count keeps its own figure
    partner = (r"(?P<partner>\s+and\s+(?-i:an?|one|his|her|their)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?-i:[a-z])[\w-]*"
               r"(?=\s+(?:were|was|had|have)\s))?")
    after = compiled_patterns.compile(
        rf"^{aside}{ages}{partner}{apposition}{place}{relative}(?:\s*,?\s*(?:{filler})\b)*\s*,?\s*(?P<cue>{cues})\b",
        re.IGNORECASE,
    )
    before = [
        (compiled_patterns.compile(item["pattern"], re.IGNORECASE), item["outcome"], bool(item.get("needs_victim")),
         compiled_patterns.compile(item.get("hint", ""), re.IGNORECASE), int(item.get("reach", 140)))
        for item in data["before"]
    ] + [(compiled_patterns.compile(before_pattern(words), re.IGNORECASE), outcome, False, compiled_patterns.compile(""), 48)
         for outcome, words in lemma_before.items()]
    hint = "|".join([data["sentence_hint"], *sorted(set(lemma_after) | {w for ws in lemma_before.values() for w in ws})])
    compiled = {
        "cue_words": cue_words,
        "after": after,
        "before": before,
        "before_lowered": _lowered(before),
        "breakdown": compiled_patterns.compile(data["breakdown"], re.IGNORECASE),
        "hint": compiled_patterns.compile(hint, re.IGNORECASE),
        "hint_stems": literal_stems(hint),
        "stems": {w.split()[0] for w in cue_words} - {"the"},  # "the death toll" does not end a victim phrase at "the"
        "not_victims": frozenset(w.lower() for w in data["not_victims"]),
        "of_toll_nouns": frozenset(w.lower() for w in data["of_toll_nouns"]),
        "unit_nouns": frozenset(w.lower() for w in data["unit_nouns"]),
        "things_cues": frozenset(w.lower() for w in data["things_cues"]),
        "described_as": compiled_patterns.compile(data["described_as"], re.IGNORECASE),
        "civilian_attack": compiled_patterns.compile(data["civilian_attack"], re.IGNORECASE),
        "civilian_target": compiled_patterns.compile(data["civilian_target"], re.IGNORECASE),
        "armed_complement": compiled_patterns.compile(data["armed_complement"], re.IGNORECASE),
        "rank_nouns": frozenset(w.lower() for w in data["rank_nouns"]),
        "kin_partner": compiled_patterns.compile(r"(?:\s+(?-i:[a-z])[\w-]*){1,3}?\s+and\s+(?:his|her|their)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:"
                                  + "|".join(map(re.escape, data["kin_partners"])) + r")\b(?!\s*(?:'s|’s))", re.IGNORECASE),
        "group_framings": frozenset(w.lower() for w in data["group_framings"]),
        "loyal_to": compiled_patterns.compile(data["loyal_to"], re.IGNORECASE),
        "government_words": compiled_patterns.compile(data["government_words"], re.IGNORECASE),
        "opposition_context": compiled_patterns.compile(data["opposition_context"], re.IGNORECASE),
        "background": compiled_patterns.compile(data["background"], re.IGNORECASE),
        "partitive": compiled_patterns.compile(data["partitive"], re.IGNORECASE),
        "background_min": int(data["background_min"]),
        "campaign_total": compiled_patterns.compile(data["campaign_total"], re.IGNORECASE),
        "campaign_min": int(data["campaign_min"]),
        "campaign_recent": compiled_patterns.compile(data["campaign_recent"], re.IGNORECASE),
        "background_always": int(data["background_always"]),
        "vague_min": int(data["vague_min"]),
        "on_board": compiled_patterns.compile(data["on_board"], re.IGNORECASE),
        "aircraft": compiled_patterns.compile(data["aircraft"]),
        "downed": compiled_patterns.compile(data["downed"], re.IGNORECASE),
        "military_marker": compiled_patterns.compile(data["military_marker"], re.IGNORECASE),
        "group_before": compiled_patterns.compile(data["group_before"], re.IGNORECASE),
        "listed_before": compiled_patterns.compile(data["listed_before"], re.IGNORECASE),
        "listed_outcomes": dict(data["listed_outcomes"]),
        "age_before": compiled_patterns.compile(data["age_before"], re.IGNORECASE),
        "date_before": compiled_patterns.compile(data["date_before"]),
        "age_after": compiled_patterns.compile(data["age_after"], re.IGNORECASE),
        "partitive_before": compiled_patterns.compile(data["partitive_before"], re.IGNORECASE),
        "partitive_verb": compiled_patterns.compile(data["partitive_verb"], re.IGNORECASE),
        "quoted_count": compiled_patterns.compile(data["quoted_count"]),
        "quoted_word": compiled_patterns.compile(r'["“”](?P<word>[A-Za-z]+)["“”]'),
        # "28 of the group's members, who had been guarding the perimeter, were among the dead"
        "deposed_words": data["deposed_words"],
        "among": compiled_patterns.compile(rf"(?:{_PARENTHETICAL})?" + data["among"], re.IGNORECASE),
        "of_the_victims": compiled_patterns.compile(data["of_the_victims"], re.IGNORECASE),
        "equipment_gap": compiled_patterns.compile(data["equipment_gap"]),  # case-sensitive: a capital is a name ("RSF")
        "equipment_crew": compiled_patterns.compile(data["equipment_crew"], re.IGNORECASE),
        "equipment_people": frozenset(data["equipment_people"]),
        "restated_before": compiled_patterns.compile(data["restated_before"], re.IGNORECASE),
        "own_losses_before": compiled_patterns.compile(data["own_losses_before"], re.IGNORECASE),
        "before_fillers": compiled_patterns.compile(data["before_fillers"], re.IGNORECASE),
        "attack_frame": compiled_patterns.compile(data["attack_frame"], re.IGNORECASE),
        "target_frame": compiled_patterns.compile(data["target_frame"], re.IGNORECASE),
        "vague_wounded": compiled_patterns.compile(data["vague_wounded"], re.IGNORECASE),
        "caption": compiled_patterns.compile(data["caption"], re.IGNORECASE),
        "speaker_after": compiled_patterns.compile(data["speaker_after"], re.IGNORECASE),
        "link_block": compiled_patterns.compile(data["link_block"]),
        "link_block_words": tuple(data["link_block_words"]),
        "lives_before": compiled_patterns.compile(data["lives_before"], re.IGNORECASE),
        "captives_freed": compiled_patterns.compile(data["captives_freed"], re.IGNORECASE),
        "freed_before": compiled_patterns.compile(data["freed_before"], re.IGNORECASE),
        "attempt_before": compiled_patterns.compile(data["attempt_before"], re.IGNORECASE),
        "summed_total": compiled_patterns.compile(data["summed_total"], re.IGNORECASE),
        "part_civilians": compiled_patterns.compile(data["part_civilians"], re.IGNORECASE),
        "armed_target": compiled_patterns.compile(data["armed_target"], re.IGNORECASE),
        "combat_deaths": compiled_patterns.compile(data["combat_deaths"], re.IGNORECASE),
        "status_unknown": compiled_patterns.compile(data["status_unknown"], re.IGNORECASE),
        "combat_unless": compiled_patterns.compile(data["combat_unless"], re.IGNORECASE),
        # the captive cue words, for lower-cased text: a count is freed only after one of them
        "captive_words": substring_finder(sorted(w.lower() for w, outcome in cue_words.items() if outcome == "captive")),
    }
    # case-blind patterns run on the lower-cased text where that finds the same matches
    # (casualty_lowered); the sentence prefilter keeps its own (has_hint reads it as is)
    return {key: case_blind(value) if isinstance(value, re.Pattern) and key != "hint" else value
            for key, value in compiled.items()}


def _lowered(before: list[tuple[Any, ...]]) -> list[tuple[Any, ...]] | None:
    """The "before" patterns and hints for lower-cased text (same matches without
    IGNORECASE), or None when one of them holds a capital letter."""
    out = []
    for pattern, outcome, needs_victim, hint, reach in before:
        for source in (pattern.pattern, hint.pattern):
            letters = re.sub(r"\\[a-zA-Z]|\(\?P<\w+>", "", source)
            cased = [c for c in letters if c != c.lower() or (not c.isascii() and c != c.upper())]
            if cased or "(?" in letters.replace("(?:", "").replace("(?=", "").replace("(?!", "").replace("(?<", ""):
                return None  # a capital, a cased non-ASCII letter, or an inline flag
        out.append((re.compile(pattern.pattern), outcome, needs_victim, re.compile(hint.pattern), reach))
    return out


@lru_cache(maxsize=1)
def victim_table() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    table = {row["word"].strip().lower(): (row["victim_actor"].strip(), row["victim_type"].strip())
             for row in load_csv("casualty_victims.csv")}
    data = load_yaml("casualty_cues.yaml")
    keep_plural = set(data["no_singular"]) | set(cues()["cue_words"])  # "Syrian rebels", "taken prisoner"
    for word, value in list(table.items()):  # "one rebel", "a resident": the singular of each plural
        one = singular(word)
        if one not in keep_plural:
            table.setdefault(one, value)
    return table, whole_words(table)


def singular(word: str) -> str:
    """The singular of a plural victim noun ("aid workers" -> "aid worker", "gunmen" ->
    "gunman"), by lemminflect (offline); the word itself when its head is no plural noun or
    it is a phrase with "of" ("members of the group")."""
    import lemminflect

    head = word.split()[-1]
    if " of " in word or not head.isalpha() or head.lower() in ("people", "staff", "personnel", "police", "crew", "elderly"):
        return word
    lemmas = (lemminflect.getAllLemmas(head, "NOUN") or lemminflect.getAllLemmasOOV(head, "NOUN")).get("NOUN", ())
    if not lemmas or lemmas[0] == head or head not in (lemminflect.getInflection(lemmas[0], tag="NNS", inflect_oov=True) or ()):
        return word
    return word[: len(word) - len(head)] + lemmas[0]


@lru_cache(maxsize=1)
def perpetrator_words() -> tuple[dict[str, str], re.Pattern[str]]:
    """Attack qualifiers ("government", "Russian") -> actor id, and their pattern."""
    words = {row["word"].strip().lower(): row["actor_id"].strip() for row in load_csv("casualty_perpetrators.csv")}
    return words, whole_words(words)


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Number words that start a new count inside a list ("five", "twenty"); "one" is left
    out ("members of one family")."""
    data = load_yaml("numbers_vocabulary.yaml")
    return frozenset(w.lower() for kind in ("units", "tens") for w in data[kind] if w.lower() != "one")


def literal_stems(hint: str) -> tuple[str, ...]:
    """The lower-case literal words of a hint alternation ("kill|\\blost\\b" -> kill, lost)."""
    return tuple(sorted({part.replace(r"\b", "").lower() for part in hint.split("|")}))


def has_hint(text: str, stems: tuple[str, ...], hint: re.Pattern[str]) -> bool:
    """Cheap prefilter: is a plain stem in the text (fast substring scan)? Else the hint
    regex only to confirm a stem that is not a plain literal ("die\\b" must not match
    "diesel"). One scan for all stems answers most texts: none found, or a plain one."""
    memo = _FINDERS.get(id(hint))
    if memo is None or memo[0] is not hint or memo[1] is not stems:
        memo = _FINDERS[id(hint)] = (hint, stems, *_stem_finders(stems, hint.pattern), _plain_stems(hint.pattern))
    _, _, plain_finder, any_finder, plain = memo
    lowered = text.lower()
    if any_finder is None:
        return plain_finder is not None and plain_finder.search(lowered) is not None
    found = False
    for match in any_finder.finditer(lowered):
        if match.group() in plain:
            return True  # a plain stem stands in the text
        found = True
    if not found:
        return False  # no stem at all (every plain stem is one of all the stems)
    if plain_finder is not None and plain_finder.search(lowered):
        return True  # a plain stem overlapping one of the matches above
    # no plain stem stands in the text: in ASCII text (where lower-casing and a case-blind
    # match agree) only the other alternatives can match, a short pattern ("die\\b|\\blost\\b")
    # instead of every alternative tried at every place (~0.3-0.6 ms a sentence)
    others = _other_alternatives(hint.pattern, hint.flags) if text.isascii() else None
    return (others or hint).search(text) is not None


# id(hint pattern) -> (hint, stems, plain finder, finder of all stems, plain stems); holding
# the pattern keeps its id from being reused
_FINDERS: dict[int, tuple[Any, ...]] = {}


@lru_cache(maxsize=None)  # compiled patterns (one pair per hint): kept across texts
def _stem_finders(stems: tuple[str, ...], hint: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Prefix-tree patterns for the plain stems and for all stems (one scan of the text
    instead of one substring test per stem)."""
    findable = [stem for stem in stems if stem == stem.lower()]  # others never stand in lower-cased text
    plain = [stem for stem in findable if stem in _plain_stems(hint)]
    # a plain stem holding another ("killed", "shot and killed": "kill") stands only where that
    # one does: the shortest plain stems answer the same, with a smaller prefix tree
    plain = [stem for stem in plain if not any(other != stem and other in stem for other in plain)]
    findable = plain + [stem for stem in findable if stem not in _plain_stems(hint)]
    any_stem = re.compile("") if "" in findable else (substring_finder(findable) if findable else None)
    return (substring_finder(plain) if plain else None), any_stem


@lru_cache(maxsize=None)  # one per hint: kept across texts
def _other_alternatives(hint: str, flags: int) -> re.Pattern[str] | None:
    """The hint's top-level alternatives that are not plain stems, as one pattern; None when
    the hint is not a plain top-level alternation (a part that does not compile alone)."""
    parts = hint.split("|")
    try:
        for part in parts:
            re.compile(part)
    except re.error:
        return None
    plain = _plain_stems(hint)
    return re.compile("|".join(part for part in parts if part not in plain) or "(?!)", flags)


@lru_cache(maxsize=None)
def _plain_stems(hint: str) -> frozenset[str]:
    """Parts of a hint alternation that are plain lower-case letters (no boundaries)."""
    return frozenset(part for part in hint.split("|") if re.fullmatch(r"[a-z ]+", part))

