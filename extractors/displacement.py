"""Displacement figures: "280,000 people have been displaced", "the number of refugees
might reach 1.5 million", "the evacuation of 3,000 civilians".

A count becomes a figure when a population word follows it and its noun, or a population
phrase ends right before it. ``is_projection`` is set when the count's clause is a
forecast ("could reach", "expected to"). Vocabulary: ``seeds/reference/displacement_cues.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .patterns import case_blind_alternation, invert, whole_words
from . import dates, displacement_attributes, numbers
from . import compiled_patterns
from . import displacement_guards as guards
from .displacement_lemmas import expand
from .displacement_attributes import clause
from .casualties import read_casualties
from .casualty_cues import has_hint, literal_stems
from .casualty_victims import UNSPECIFIED, resolve_victim, victim_phrase
from .claims import DisplacementFigure
from .context import SentenceContext
from .reference import load_yaml
from .startup_cache import cached_table


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    # expanding the {lemma} placeholders loads lemminflect's tables (about 0.4 CPU s): done once
    # per extractor version and kept on disk (startup_cache)
    data = cached_table("displacement_cues", lambda: _expanded(load_yaml("displacement_cues.yaml")))
    words = invert(data["after"])
    # compiled with IGNORECASE below
    # the frames' matches count as "displaced"
    names = {*load_yaml("places_types.yaml")["countries"], *data.get("refugee_countries", ())}
    countries = "|".join(re.escape(c) for c in sorted(names, key=len, reverse=True))
    frames = {population: pattern.replace("<COUNTRY>", f"(?:{countries})")
              for population, pattern in data.get("population_frames", {}).items()}
    # population frames first: "fled the region into Algeria" are refugees before "fled" says displaced
    cues = ("|".join(f"(?:{pattern})" for pattern in frames.values()) + "|" + case_blind_alternation(words)
            + f"|(?:{data['shelter_frame']})|(?:{data['leave_frame']})")
    filler = case_blind_alternation(data["after_filler"]) + r"|[a-z][a-z-]*ly"  # and adverbs: "pre-emptively evacuated"
    cause_words = {kind: whole_words(data["cause"][kind]) for kind in ("disaster", "conflict")}
    return {
        "words": words,
        "frames": [(compiled_patterns.compile(pattern, re.IGNORECASE), population) for population, pattern in frames.items()],
        "returned": compiled_patterns.compile(
            r"\b(?:" + "|".join([re.escape(w) for w, p in words.items() if p == "returnees"]
                                 + ([frames["returnees"]] if "returnees" in frames else [])) + r")\b", re.IGNORECASE),
        "after": compiled_patterns.compile(rf"(?P<aside>{data['aside']})?(?:\s*,?\s*(?:{filler})\b)*\s*(?P<cue>{cues})\b",
                            re.IGNORECASE),
        "before": [
            (compiled_patterns.compile(item["pattern"], re.IGNORECASE), item["population"], bool(item.get("needs_people")),
             compiled_patterns.compile(item.get("after", ""), re.IGNORECASE), bool(item.get("bare")))
            for item in data["before"]
        ],
        "people_nouns": frozenset(w.lower() for w in data["people_nouns"]),
        "appositive": compiled_patterns.compile(data["appositive"], re.IGNORECASE),
        "attributive": compiled_patterns.compile(data["attributive"], re.IGNORECASE),
        "projection": compiled_patterns.compile(data["projection"], re.IGNORECASE),
        "not_people": compiled_patterns.compile(data["not_people"], re.IGNORECASE),
        "hint": compiled_patterns.compile(data["sentence_hint"], re.IGNORECASE),
        "hint_stems": literal_stems(data["sentence_hint"]),
        "inherit": compiled_patterns.compile(data["inherit"], re.IGNORECASE),
        "subgroup": compiled_patterns.compile(data["subgroup"], re.IGNORECASE),
        "stock": compiled_patterns.compile(data["stock"], re.IGNORECASE),
        "stock_noun": compiled_patterns.compile(data["stock_noun"], re.IGNORECASE),
        "flow_words": compiled_patterns.compile(data["flow_words"], re.IGNORECASE),
        "stock_overridden_by": compiled_patterns.compile(data["stock_overridden_by"], re.IGNORECASE),
        "as_of": compiled_patterns.compile(data["as_of"], re.IGNORECASE),
        "capacity_before": compiled_patterns.compile(data["capacity_before"], re.IGNORECASE),
        "medical_after": compiled_patterns.compile(data["medical_after"], re.IGNORECASE),
        "evacuation_context": compiled_patterns.compile(data["evacuation_context"], re.IGNORECASE),
        "part_of_whole": compiled_patterns.compile(data["part_of_whole"]),
        "cause": cause_words,
    }


def _expanded(data: Any) -> Any:
    """The vocabulary with every ``{lemma}`` placeholder of its strings expanded."""
    if isinstance(data, str):
        return expand(data)
    if isinstance(data, list):
        return [_expanded(item) for item in data]
    if isinstance(data, dict):
        return {key: _expanded(value) for key, value in data.items()}
    return data


def read_displacement(sentence: str) -> list[tuple[numbers.CountMention, str, bool]]:
    """(count mention, population, is_projection) for every displacement figure in a sentence."""
    cues = _cues()
    if not has_hint(sentence, cues["hint_stems"], cues["hint"]):
        return []
    out = []
    mentions = numbers.find_counts(sentence)
    restated = _restatements(sentence, mentions)
    parts = guards.wholes(sentence, mentions)
    whole_at = set(parts.values())
    for index, mention in enumerate(mentions):
        if index - 1 in restated or index in whole_at:
            continue  # the second count of a restated pair (read with the first), or a whole
        if guards.is_capacity(sentence, mention):
            continue  # "ready to receive up to 100,000 people": room, not people who moved
        if index in parts:  # "1.7 million of Gaza's 2.3 million people have been displaced"
            whole = mentions[parts[index]]
            phrase, phrase_end = victim_phrase(sentence, whole.end)
            population = _population_after(sentence, mention, phrase_end, [m for m in mentions if m is not whole])
            if population is not None and not _is_casualty_count(sentence, mention):
                out.append((mention, population, _is_projection(sentence, mention)))
            continue
        phrase, phrase_end = victim_phrase(sentence, mention.end)
        if cues["not_people"].match(phrase):
            continue
        if index in restated:  # "1,146 households (6,876 individuals) displaced": one figure, in people
            people, pair_end = restated[index]
            after = cues["after"].match(sentence, pair_end)
            population = (_population_before(sentence, mention, phrase)
                          or (_cue_population(after) if after else None))
            if population is not None and not _is_casualty_count(sentence, people):
                out.append((people, population, _is_projection(sentence, people)))
            continue
        window = sentence[max(0, mention.start - 60):mention.start]
        if out and cues["subgroup"].match(phrase) and cues["inherit"].search(window):
            continue  # "20,000 people, including 3,500 children, have been evacuated": a part, not a figure
        population = (_population_after(sentence, mention, phrase_end, mentions)
                      or _population_before(sentence, mention, phrase)
                      or _population_noun(phrase))
        if population is None and out and (_THE_NUMBER.search(window) or _is_part(sentence, mention)):
            population = out[-1][1]  # "280,000 displaced ..., warning the number could reach 1.5 million"
        if population is None:
            continue
        if population == "displaced" and _victim_type(phrase) == "combatant":
            continue  # "3,000 soldiers arrived in Kidal", "200 fighters left the area": troops move, not displaced
        if _is_casualty_count(sentence, mention):
            continue  # "killed 120 evacuees", "a family of six displaced people" killed: victims
        if population == "evacuated" and guards.is_medical(sentence, phrase_end):
            continue  # "13 people were transferred to other facilities for treatment": patients
        if population == "displaced" and guards.left_under_evacuation_here(sentence, mention):
            population = "evacuated"  # "Buses carrying 3,000 people left the besieged town"
        out.append((mention, population, _is_projection(sentence, mention)))
    return out


# "6.7 million refugees ..., 6.2 million of them in Europe": a part of the figure before it
_PARTITIVE = re.compile(r"\s+of\s+(?:them|these|those|whom)\b", re.IGNORECASE)
# "55,000 households, or about 278,000 people": the same group counted twice
_RESTATED = re.compile(r"\s+(?:families|households)\s*(?:\(\s*|,?\s*or\s+|,\s*)$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(r"\s+(?:people|persons|individuals)\b\s*\)?", re.IGNORECASE)
_RESTATED_PEOPLE = re.compile(r"\s+(?:people|persons|individuals)\s*\(\s*$", re.IGNORECASE)
_HOUSEHOLDS_AFTER = re.compile(r"\s+(?:families|households)\s*\)", re.IGNORECASE)


def _restatements(sentence: str, mentions: list[numbers.CountMention]) -> dict[int, tuple[numbers.CountMention, int]]:
    """Index of a households/families count -> (the people count restating it, where the pair
    ends): "1,146 households (6,876 individuals)", "52,711 families or 223,457 persons"; or of a
    people count -> (itself, where the pair ends): "2,500 people (500 households)"."""
    pairs = {}
    for index, (first, second) in enumerate(zip(mentions, mentions[1:])):
        gap = sentence[first.end:second.start]
        if len(gap) < 30 and _RESTATED.search(gap):
            people = _PEOPLE_AFTER.match(sentence, second.end)
            if people:
                pairs[index] = (second, people.end())
        elif len(gap) < 30 and _RESTATED_PEOPLE.fullmatch(gap):
            households = _HOUSEHOLDS_AFTER.match(sentence, second.end)
            if households:
                pairs[index] = (first, households.end())
    return pairs


def _is_part(sentence: str, mention: numbers.CountMention) -> bool:
    """The count restates or is a part of the figure before it: "up from 362,000", "including
    1 million in Tigray", "6.2 million of them in Europe"."""
    window = sentence[max(0, mention.start - 60):mention.start]
    return bool(_cues()["inherit"].search(window)
                or (_PARTITIVE.match(sentence, mention.end) and _value(mention) >= 10))


def _value(mention: numbers.CountMention) -> int:
    """The count's best (else low) value; "one of them told AFP" is a person, not a part of a figure."""
    return mention.count.best if mention.count.best is not None else (mention.count.low or 0)


_THE_NUMBER = re.compile(
    r"\b(?:the|that|this)\s+(?:number|figure|total)\s+(?:(?:\w+\s+){0,3}?"
    r"(?:reach|rise\s+to|rose\s+to|climb\s+to|top|exceed|hit|double\s+to|grow\s+to|swell\s+to|increase\s+to)\s+)?$"
    r"|\bbring(?:s|ing)?\s+the\s+(?:overall\s+)?(?:total|tally|figure)\s+to\s+$",  # "bringing the total to 2.8 million"
    re.IGNORECASE)


def _is_projection(sentence: str, mention: numbers.CountMention) -> bool:
    """A forecast word in the count's clause makes it a projection. A count introduced by
    "the" ("would join the 5 million refugees who have left") names a group that already
    exists: only forecast words after it count then."""
    if re.search(r"\bthe\s+$", sentence[max(0, mention.start - 8):mention.start], re.IGNORECASE):
        around = clause(sentence[mention.start:], 0, mention.end - mention.start)
    else:
        around = clause(sentence, mention.start, mention.end)
    return bool(_cues()["projection"].search(around))


def _is_people(phrase: str, named_only: bool = False) -> bool:
    """True when a noun phrase names people: the casualty victim table, or a people noun
    of the displacement vocabulary as its head ("of Raqqa locals", "families").
    ``named_only``: a run of capitalised words ("Related Syrian") is not enough."""
    victim = resolve_victim(phrase)
    if victim is not None and victim is not UNSPECIFIED and not (
            named_only and victim.actor == "unknown" and victim.type == "unknown"):
        return True
    words = re.split(r"\s+(?:of|from|and)\s+", phrase.strip(), maxsplit=1)[0].lower().split()
    return any(word in _cues()["people_nouns"] for word in words)


def _is_casualty_count(sentence: str, mention: numbers.CountMention) -> bool:
    """True when the count is a casualty figure of the sentence ("killed 120 evacuees"), or
    describes victims as displaced people in a sentence that reports casualties."""
    figures = read_casualties(sentence)
    if not figures:
        return False
    if any(m.start == mention.start for m, *_ in figures):
        return True
    return _cues()["attributive"].match(sentence, mention.end) is not None


def _population_after(sentence: str, mention: numbers.CountMention, phrase_end: int,
                      mentions: list[numbers.CountMention]) -> str | None:
    """Population named by a cue after the count and its noun ("2,000 people were
    evacuated"); None when another count stands between them outside an aside (the cue
    is that count's: "three workers and six displaced people")."""
    cues = _cues()
    for cue_at in _cue_positions(sentence, mention, phrase_end):
        after = cues["after"].match(sentence, cue_at)
        if not after:
            continue
        if mention.end < cue_at < phrase_end and not _is_people(sentence[mention.end:cue_at], named_only=True):
            continue  # a cue inside the noun phrase: the words before it must name people
        cue_start = after.start("cue")
        if not after.group("aside") and any(
                mention.end <= other.start < cue_start for other in mentions if other is not mention):
            return None
        population = _cue_population(after)
        if population in ("displaced", "refugees") and cue_at < phrase_end:
            # "30,000 displaced people have gone back": displaced people who returned are returnees
            back = cues["returned"].search(sentence, after.end("cue"), phrase_end + 60)
            if back and not (population == "refugees" and back.group().lower() == "returnees") \
                    and not any(after.end("cue") <= other.start < back.start() for other in mentions):
                return "returnees"
        return population
    return None


def _cue_population(after: re.Match[str]) -> str:
    """The population the cue of an ``after`` match names: a population frame's ("crossed
    the river into", read in the sentence so its look-behinds see the words before), a word
    of the vocabulary's, else displaced (shelter and leave frames)."""
    cues = _cues()
    start, end = after.span("cue")
    for frame, population in cues["frames"]:
        found = frame.match(after.string, start)
        if found and found.end() == end:
            return population
    return cues["words"].get(re.sub(r"\s+", " ", after.group("cue").lower()), "displaced")


def _population_noun(phrase: str) -> str | None:
    """The population a noun phrase's head names ("2.6 million international refugees",
    "9,000 Sudanese returnees"): only the one-word cues, the nouns of the vocabulary."""
    words = phrase.lower().split()
    return _cues()["words"].get(words[-1]) if words and words[-1] in _POPULATION_NOUNS else None


_POPULATION_NOUNS = frozenset({"refugees", "returnees", "evacuees", "idps", "displacements", "arrivals"})


def _cue_positions(sentence: str, mention: numbers.CountMention, phrase_end: int) -> list[int]:
    """Where a population cue may start: right after the count, after its noun phrase, and
    after each word inside the phrase ("thousands of loyalists evacuated the day before",
    where the phrase runs on past the cue)."""
    inner = [m.end() for m in re.finditer(r"[\w'’-]+", sentence[mention.end:phrase_end])]
    return [mention.end, phrase_end] + [mention.end + end for end in inner if mention.end + end < phrase_end]


def _population_before(sentence: str, mention: numbers.CountMention, phrase: str) -> str | None:
    """Population named by a phrase ending right before the count ("displacing 12,000")."""
    cues = _cues()
    window = sentence[max(0, mention.start - 120):mention.start]
    for pattern, name, needs_people, needs_after, bare in cues["before"]:
        if not pattern.search(window) or not needs_after.match(sentence, mention.end):
            continue
        if needs_people and not _is_people(phrase) and not (bare and _is_bare(phrase)):
            continue
        if name == "displaced" and _victim_type(phrase) == "combatant":
            continue  # "ordered 300 soldiers to leave the base": troops move, people are displaced
        return name
    return None


def _victim_type(phrase: str) -> str | None:
    victim = resolve_victim(phrase)
    return None if victim is None or victim is UNSPECIFIED else victim.type


def _is_bare(phrase: str) -> bool:
    """A count standing without a noun ("displaced millions since 2011"), or followed by an
    appositive share ("displaced 11 million, half of the population")."""
    return not phrase.strip() or resolve_victim(phrase) is UNSPECIFIED or bool(_cues()["appositive"].match(phrase))


def extract(ctx: SentenceContext) -> list[DisplacementFigure]:
    """Displacement figures stated in one sentence, with measure (stock/flow), as_of and cause."""
    figures = read_displacement(ctx.text)
    if not figures:
        return []
    when = dates.resolve_when(ctx.text, ctx.published_at)
    as_of = displacement_attributes.as_of(ctx.text, ctx.published_at)
    measures: list[str] = []
    for index, (mention, _, _) in enumerate(figures):
        own = "stock" if as_of else displacement_attributes.measure(ctx.text, mention)  # "as of" dates a stock
        measures.append(measures[-1] if index and own == "flow" and _is_part(ctx.text, mention) else own)
    figures = [(m, "evacuated" if population == "displaced" and guards.left_under_evacuation(ctx, m) else population, p)
               for m, population, p in figures]  # "3,000 people leaving Foua ... in 45 buses"
    return [
        DisplacementFigure(
            article_id=ctx.article.article_id,
            evidence=ctx.evidence,
            claimant=ctx.claimant,
            claimant_text=ctx.claimant_text,
            when=when,
            population=population,
            count=mention.count,
            is_projection=projection,
            measure=measure,  # a part of a stock is a stock
            as_of=as_of,
            cause=displacement_attributes.cause(ctx, mention),
        )
        for (mention, population, projection), measure in zip(figures, measures)
    ]
