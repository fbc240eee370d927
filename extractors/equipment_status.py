"""What happened to a piece of equipment, Oryx style: destroyed, damaged, abandoned or
captured, read from a phrase after it ("were put out of action"), an adjective before it
("blown-up tanks"), the nearest status verb before it in its clause, or a status carried
from a neighbouring sentence; and whether the sentence hedges the loss ("allegedly").

Vocabulary: ``seeds/reference/equipment_vocabulary.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .actors import find_actors
from .context import SentenceContext
from .equipment_mentions import EquipmentMention, np_prefix, phrases, vocab
from .equipment_verbs import reduced_passive
from .sides import armed

_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:while|but|as|after|when|where|which|who|whereas|although)\b|(?<!\b[A-Z])(?<!\bMr)(?<!\bDr)(?<!\bSt)\.\s|"  # not "U.S. "
    r"\b(?:that|said|says|added|reported|stated|claimed)\b"
)



@lru_cache(maxsize=1)
def _status_patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """For adjectives, verbs_before and after: (status, pattern) pairs."""
    table = vocab()
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for family in ("adjectives", "verbs_before", "after"):
        out[family] = [
            (status, re.compile(rf"(?<![\w-])(?:{phrases(words)})(?![\w-])", re.IGNORECASE))
            for status, words in table[family].items()
        ]
    return out


# Stems of status words and of words that introduce equipment lists: a sentence without


def clause_start(text: str, end: int) -> int:
    breaks = list(_CLAUSE_BREAK.finditer(text[:end]))
    return breaks[-1].end() if breaks else 0


def _camera_subject(text: str, at: int) -> bool:
    """True when a status verb at ``at`` has a camera as subject ("footage captures")."""
    words = phrases(vocab()["not_a_loss_subject"])
    return bool(re.search(rf"\b(?:{words})\b(?:\s+\w+){{0,3}}\s*$", text[:at], re.IGNORECASE))


def _status_after(text: str, mention: EquipmentMention) -> tuple[str, int] | None:
    after = text[mention.end:mention.end + 60]
    # "SUVs with machine guns were", "a helicopter supporting the troops had crashed": a
    # post-modifier between the item and its auxiliary; "tanks being destroyed": progressive
    lead = re.match(r"^\s*(?:,\s*)?(?:(?:with|[a-z]+ing|based|stationed|belonging\s+to|operated\s+by|used\s+by)\s+"
                    r"(?:[\w-]+\s+){1,4}?(?=(?:were|was|have|has|had)\b))?"
                    r"(?:(?:also|reportedly|have|has|had|all|were|was|then|been|being|\w+ly)\s+)*", after)
    plain = re.match(r"^\s*(?:,\s*)?(?:(?:also|reportedly|all|then)\s+)*", after)
    # the item as subject of a relative clause: "HMS Sheffield, which sank six days later" (equipment10w)
    relative = _RELATIVE_SUBJECT.match(after)
    # try with the auxiliary ("were destroyed") and after it ("were put out of action")
    offsets = dict.fromkeys((plain.end() if plain else 0, lead.end() if lead else 0, relative.end() if relative else 0))
    for offset in offsets:
        for status, pattern in _status_patterns()["after"]:
            m = pattern.match(after, offset)
            if m:
                return status, mention.end + m.end()
    return reduced_passive(text, mention.end, vocab()) or _object_relative(text, mention.end)  # "Five VBIEDs destroyed in"


_RELATIVE_SUBJECT = re.compile(r"^\s*,?\s*(?:which|that)\s+(?:(?:later|then|eventually|subsequently|soon|also|reportedly|\w+ly)\s+)*",
                               re.IGNORECASE)


@lru_cache(maxsize=1)
def _object_relative_pattern() -> re.Pattern[str]:
    """The item as the object of a relative clause: "Humvees that Islamic State had seized",
    "a bulldozer they had captured"; the status is the participle's."""
    groups = "|".join(f"(?P<s{i}>{phrases(words)})" for i, words in enumerate(vocab()["participles"].values()))
    return re.compile(
        rf"\s+(?:that\s+|which\s+)?(?:they|it|he|she|we|the\s+(?:rebels|militants|army|troops|fighters|insurgents|jihadists)|"
        rf"(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}))\s+(?:(?:had|have|has|reportedly|also|just)\s+)*(?:{groups})(?![\w-])",
        re.IGNORECASE)


def _object_relative(text: str, end: int) -> tuple[str, int] | None:
    m = _object_relative_pattern().match(text, end)
    if m is None:
        return None
    statuses = list(vocab()["participles"])
    return next(((statuses[i], m.end()) for i in range(len(statuses)) if m.group(f"s{i}")), None)


_AUXILIARY = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:(?:also|all|reportedly|\w+ly)\s+)*",
                        re.IGNORECASE)
_NOT_A_LIST = re.compile(r"[.;:!?\"“”]|\band\s+(?:that|of)\b|\b(?:is|are|killed|wounded|injured|said|says|fired|hit|targeted|struck|"
                         r"attacked|destroyed|seized|captured)\b", re.IGNORECASE)


def _status_after_list(text: str, mention: EquipmentMention) -> tuple[str, int] | None:
    """The verb after a list the mention opens or sits in ("two tanks and two artillery
    batteries were destroyed", "6 vehicles equipped with machineguns were destroyed")."""
    window = text[mention.end:mention.end + 200]
    aux = _AUXILIARY.search(window)
    # "carriers and pick-up trucks that they said had been seized": a relative clause, told by its speaker
    told = re.sub(r"\b(?:that|which)?\s*(?:they|he|she|it|we)\s+said\s*$", " ", window[: aux.start()]) if aux else ""
    if aux is None or _NOT_A_LIST.search(told):
        return None
    # "were also destroyed", "have been destroyed" read as "were destroyed"
    verb = "was " if aux.group().split()[0].lower() in ("was", "has") else "were "
    rest = window[aux.end():]
    for status, pattern in _status_patterns()["after"]:
        m = pattern.match(verb + rest)
        if m and m.end() > len(verb):
            return status, mention.end + aux.end() + m.end() - len(verb)
    return None


_DETERMINER = re.compile(r"\b(?:a|an|the|some|several|many|all|its|their|his|one|two|three|four|five|six|seven|eight|"
                         r"nine|ten|dozens|scores|tens|hundreds|numerous|few|of|\d+)\b", re.IGNORECASE)  # then it is a verb


def _status_adjective(text: str, mention: EquipmentMention) -> str | None:
    prefix = np_prefix(text, mention.start)
    for status, pattern in _status_patterns()["adjectives"]:
        for m in pattern.finditer(prefix):
            between = prefix[m.end():]
            if re.fullmatch(r"(?:[\s-]+[\w-]+){0,2}\s*", between) and not _DETERMINER.search(between):
                return status
    return None


def _status_verb_before(text: str, mention: EquipmentMention) -> tuple[str, int] | None:
    """Nearest status verb before the mention in its clause: (status, verb start)."""
    floor = clause_start(text, mention.start)
    best: tuple[str, int] | None = None
    verb_end = 0
    for status, pattern in _status_patterns()["verbs_before"]:
        for m in pattern.finditer(text, floor, mention.start):
            if _camera_subject(text, m.start()) or _adjectival_loss(text, m):
                continue
            if best is None or m.start() > best[1]:
                best, verb_end = (status, m.start()), m.end()
    if best is not None and _blocked(text, clause_start(text, best[1]), best[1], verb_end):
        return None
    inverted = re.match(r"\s+(?:were|was|are|is|included|include|including)\b", text[verb_end:])  # "destroyed were"
    if best is not None and _new_clause().search(text, inverted.end() + verb_end if inverted else best[1] + 3,
                                                  mention.start):
        return None  # "destroyed a checkpoint and the army sent tanks": another verb's object
    if best is None:
        direct = _direct_verb().search(text[max(floor, mention.start - 40):mention.start])
        if direct and not _not_a_loss().search(text[floor:mention.start]):
            status = "destroyed" if direct.group("verb").lower().startswith("down") else "damaged"
            return status, max(floor, mention.start - 40) + direct.start()  # "rebels hit a tank", "Rebels down regime jet"
    return best


_COORDINATED_FINITE = re.compile(r"\b(?:and|but|then)\s+(?:(?:had|has|have|also|then|later|subsequently)\s+)*$", re.IGNORECASE)


def _blocked(text: str, floor: int, verb_start: int, verb_end: int) -> bool:
    """A plan, attempt, modal or negation governs the status verb ("tried to destroy", "did
    not capture"); not when a coordinated finite verb follows it ("repelled forces trying to
    advance and had destroyed three tanks": the trying is the enemy's, the destroying done)."""
    blockers = list(_not_a_loss().finditer(text, floor, min(len(text), verb_start + 12)))
    if not blockers:
        return False
    before = [b for b in blockers if b.end() <= verb_start]
    if len(before) < len(blockers):
        return True  # "destroyed no tanks": a negation after the verb
    verb = text[verb_start:verb_end].split()[0].lower()
    return not (_COORDINATED_FINITE.search(text, before[-1].end(), verb_start) and verb not in _base_forms())


@lru_cache(maxsize=1)
def _base_forms() -> frozenset[str]:
    """Bare infinitives of the loss lemmas ("destroy", "shoot"): "tried to advance and destroy"
    stays inside the attempt."""
    return frozenset(lemma.split()[0].lower() for lemmas in vocab().get("loss_lemmas", {}).values() for lemma in lemmas)


@lru_cache(maxsize=1)
def _new_clause() -> re.Pattern[str]:
    """A verb or connective between a status verb and the item, which starts another clause
    (FA-KES texts have lost their commas, so words must do what commas did)."""
    # case-sensitive: "IS vehicles" is the group, not the verb
    return re.compile(rf"(?<![\w-])(?:{phrases(vocab()['clause_words_between'])})(?![\w-])")


@lru_cache(maxsize=1)
def _direct_verb() -> re.Pattern[str]:
    """"hit" or "struck" with the item as its direct object: damaged at least; a headline's
    "down" ("Rebels down regime jet"), not after a verb it is the particle of: destroyed."""
    words = phrases(vocab()["damage_verbs_direct"])
    return re.compile(rf"(?<![\w-])(?<!shot )(?<!brought )(?<!came )(?<!went )(?<!climbed )(?<!back )(?<!up )"
                      rf"(?P<verb>{words}|[Dd]own)\s+(?:(?:a|an|the|one|two|three|four|five|\d+|their|its|his|several|"
                      rf"regime|government|army|rebel|enemy|militant|[A-Z][\w-]*|[a-z]+(?:ian|ish|i|ese))\s+){{0,3}}$")


def _owner_subject_verb(word: str) -> bool:
    return word.lower() in {w.lower() for w in vocab()["owner_subject_verbs"]}


def _adjectival_loss(text: str, verb: re.Match[str]) -> bool:
    """"The lost equipment", "several damaged buildings": a participle after a determiner
    is an adjective of its own noun, not the verb of a later item."""
    participle = _owner_subject_verb(verb.group()) or re.fullmatch(r"[a-z-]+(?:ed|en|nt)", verb.group(), re.IGNORECASE)
    return bool(participle) and re.search(
        r"\b(?:the|their|its|a|an|all|several|some|many|numerous|dozens\s+of|\d+)\s+$",
        text[:verb.start()], re.IGNORECASE) is not None


@lru_cache(maxsize=1)
def _not_a_loss() -> re.Pattern[str]:
    """Plans, attempts, modals and negations before a status verb (the month "May" is no
    modal: "On May 10", "In May" are dates)."""
    return re.compile(rf"(?<![\w'])(?<!\bin\s)(?:{phrases(vocab()['not_a_loss_before'])})(?![\w])(?!\s+\d)",
                      re.IGNORECASE)


def _sentence_status(text: str) -> str | None:
    """The last status verb of a sentence (for carrying to the next one)."""
    best: tuple[str, int] | None = None
    for status, pattern in _status_patterns()["verbs_before"]:
        for m in pattern.finditer(text):
            if _owner_subject_verb(m.group()):
                continue  # "lost" tells whose losses, never a status to carry to other sentences
            if not _camera_subject(text, m.start()) and (best is None or m.start() > best[1]):
                best = (status, m.start())
    return best[0] if best else None


_ABOUT_EQUIPMENT = re.compile(r"\b(?:equipment|included|including|losses|lost|trophies|hardware|arsenal)\b", re.IGNORECASE)


def has_own_verb(text: str, mention: EquipmentMention) -> bool:
    """True when a status verb stands before the item in its sentence (one the guards
    rejected: "planned an operation to destroy ... armored vehicles"), so no status is
    carried from a neighbouring sentence."""
    return _sentence_status(text[:mention.start]) is not None


def about_equipment_before(text: str, mention: EquipmentMention) -> bool:
    """True when the sentence talks about equipment before the item ("The equipment included
    a Buk"), so a neighbour's status may be carried to it; "injuring three citizens
    including a woman" after the item does not."""
    return _ABOUT_EQUIPMENT.search(text, 0, mention.start) is not None


def carried_status(ctx: SentenceContext) -> str | None:
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



def is_verb_only(mention: EquipmentMention) -> bool:
    """A bare vehicle word ("vehicles"), which an adjective alone does not make a loss."""
    return mention.model is None and mention.text.lower() in vocab()["verb_only_generics"]


def status_of(text: str, mention: EquipmentMention) -> tuple[str | None, int | None, int | None]:
    """(status, where its verb starts, where an after-phrase ends) for one mention."""
    after = _status_after(text, mention) or _status_after_list(text, mention)
    if after is not None and after[0] == "abandoned":
        verb = _status_verb_before(text, mention)
        if verb is not None and verb[0] == "captured" and not re.search(r"\band\b", text[verb[1]:mention.start]):
            return "captured", verb[1], None  # "seized six jets abandoned at the airport"
    if after is not None and _not_a_loss().search(text[max(0, mention.start - 60):mention.start]
                                                  + " " + text[mention.end:after[1]]):
        after = None  # "denied that any tanks were lost", "no tanks were lost"
    if after is not None:
        return after[0], None, after[1]
    adjective = _status_adjective(text, mention)
    if adjective is not None and is_verb_only(mention):
        verb = _status_verb_before(text, mention)  # "the army destroyed RSF combat vehicles": a verb after all
        if verb is not None and (re.search(r"\b(?:had|has|have|it|they|we|he|she)\s+$", text[:verb[1]])
                                 or armed(find_actors(text[max(0, verb[1] - 40):verb[1]]))):
            return verb[0], verb[1], None
        return None, None, None
    if adjective is not None:
        return adjective, None, None
    verb = _status_verb_before(text, mention)
    if verb is not None:
        return verb[0], verb[1], None
    return None, None, None


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern[str]:
    table = vocab()
    return re.compile(rf"(?<![\w-])(?:{phrases(table['hedges'])})(?![\w-])(?!\s+(?:{phrases(table['not_a_hedge_after'])})\b)",
                      re.IGNORECASE)


def is_hedged(sentence: str, end: int) -> bool:
    """True when the sentence, up to ``end`` (the end of the item or of the phrase that
    gives its status), does not vouch for the loss ("allegedly captured a tank", "the tanks
    were reportedly destroyed", "claimed to have shot down"); an item named before the hedge
    ("destroyed two technicals, and allegedly captured a tank") stays unhedged."""
    return _hedges().search(sentence, 0, end) is not None or _hedges_anywhere().search(sentence) is not None


@lru_cache(maxsize=1)
def _hedges_anywhere() -> re.Pattern[str]:
    """Doubts about the whole report, wherever the sentence writes them ("..., a claim that
    could not be independently verified")."""
    return re.compile(rf"(?<![\w-])(?:{phrases(vocab()['hedges_anywhere'])})(?![\w-])", re.IGNORECASE)
