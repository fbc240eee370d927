"""Sources no table knows, read from the grammar of the attribution: the noun phrase that is
the subject of a reporting verb ("Reporters Without Borders said", "the Union of Syrian
Medical Organisations reported", "Leading opposition figure George Sabra said", "Junta-run
media reported"), the one after a closing "said" ("..., said Talal al-Barazi.", "..., regional
governor Pavlo Kyrylenko said on Telegram") and the one after "according to" ("according to
the directorate of health in Idlib province").

The phrase is kept as written (without its article); the claimant is the phrase, or the
person's name when a role stands before it ("opposition figure George Sabra" -> George
Sabra). A phrase must carry a capitalised word after its first one, a hyphenated source
modifier ("junta-run", "state-run") or, after "according to", a source head noun: a bare
"people said" or "it said" is no source. Words: ``claimants_verbs.yaml`` (``reporting_verbs``,
``source_heads``, ``source_modifier_stop``, ``phrase_source_*``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .claimants_described import source_mention
from .claimants_named import ClaimantMention, alias_matches, tables
from .patterns import case_blind_alternation
from .reference import load_yaml

_TOKEN = re.compile(r"\(?[\w'’.&-]+\)?")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "there", "who", "which"})
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(a reporting verb, a closing "said" with its phrase, the "according to" phrase, words
    that end a phrase, source heads, role words before a person's name)."""
    verbs = load_yaml("claimants_verbs.yaml")
    verb = case_blind_alternation(verbs["phrase_source_verbs"])
    reporting = re.compile(
        rf"(?:\s+(?:has|have|had|also|later|earlier|then|further))*\s+(?P<verb>{verb})\b"
        r"(?!\s+(?:the\s+)?(?:lives|responsibility)\b)")  # a verb in lower case: "States" is no "states"
    closing = re.compile(
        r"\b(?:said|says|added|reported|told\s+\w+)\s+(?P<np>(?:[\w'’.()-]+\s+){0,7}?[\w'’.()-]+)"
        r"(?:\s+(?:on|in|at)\s+(?:a\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s*(?:[.\"”]|$)", re.IGNORECASE)
    according = re.compile(  # "according to (figures compiled by) X", "listed by X"
        r"\b(?:according\s+to|(?:reported|listed|compiled|recorded|documented|counted|released|published|"
        r"announced|confirmed|issued)\s+by)\s+(?:(?:figures|data|a\s+report|a\s+statement|reports|statements|"
        r"a\s+count|a\s+tally)(?:\s+(?:compiled|released|issued|published|gathered))?\s+(?:by|from|of)\s+)?"
        r"(?P<np>[^,.;:\"”]{2,90})", re.IGNORECASE)
    stop = frozenset(w.lower() for w in verbs["source_modifier_stop"]) - _CONNECTORS
    heads = frozenset(w.lower() for w in verbs["source_heads"])
    roles = frozenset(w.lower() for w in verbs["phrase_source_roles"])
    return reporting, closing, according, stop, heads, roles


@lru_cache(maxsize=1)
def _not_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("claimants_verbs.yaml")["phrase_source_not_heads"])


_CAPITAL_START = re.compile(r"(?:[a-z]{1,3}-)?[A-Z]")


def _capitalised(token: str) -> bool:
    """A name's word: "Barazi", "al-Barazi" (an Arabic article before the capital)."""
    return _CAPITAL_START.match(token.strip("()")) is not None


def _acronym(token: str) -> bool:
    core = token.strip("()")
    return len(core) > 1 and core.isupper() and core.isalpha()


_MODIFIER = re.compile(r"-(?:run|based|backed|affiliated|owned|controlled|led)$", re.IGNORECASE)
_CONNECTORS = frozenset({"of", "for", "to", "and", "on", "in", "de"})


def _named(phrase: list[str], heads: frozenset[str], opens: bool) -> bool:
    """The phrase names a source: a capitalised word (past its first when it opens the
    sentence, unless it is one word or ends in a source head: "Syrian media"), an acronym, or a hyphenated
    source modifier with a head ("junta-run media")."""
    if any(_acronym(t) for t in phrase) or any(_capitalised(t) for t in phrase[1:]):
        return True
    if _capitalised(phrase[0]) and (not opens or len(phrase) == 1 or phrase[-1].lower() in heads):
        return True
    return any(_MODIFIER.search(t) for t in phrase) and phrase[-1].lower() in heads


def _clean(tokens: list[str], roles: frozenset[str]) -> str:
    """The claimant of a phrase: the name an acronym stands for ("Syria Live Network (SLN)"),
    a person's name after a role ("figure George Sabra" -> "George Sabra"), else the phrase
    as written without its article."""
    if tokens and tokens[-1].startswith("(") and _acronym(tokens[-1]):
        letters = len(tokens[-1].strip("()"))
        words = [t for t in tokens[:-1]]
        named = [i for i, t in enumerate(words) if _capitalised(t)]
        if len(named) >= letters:
            return " ".join(words[named[-letters]:])
    lowered = [t.lower().strip("()") for t in tokens]
    last_role = max((i for i, t in enumerate(lowered) if t in roles), default=-1)
    if 0 <= last_role < len(tokens) - 1 and all(_capitalised(t) for t in tokens[last_role + 1:]):
        return " ".join(tokens[last_role + 1:])
    return _DETERMINER.sub("", " ".join(tokens))


def _subject(text: str, verb_start: int) -> tuple[list[str], int] | None:
    """The tokens of the phrase right before a reporting verb and where it starts. Walking
    back: capitalised words and acronyms, connectors between them ("Union of Syrian Medical
    Organisations"), source heads and role words, hyphenated source modifiers, and lower-case
    modifiers of the head before any name ("Gaza health ministry"); a stop word, a number,
    punctuation, other lower-case words after a name, or eight words end it."""
    _, _, _, stop, heads, roles = _words()
    tokens = list(_TOKEN.finditer(text[:verb_start]))
    kept: list[re.Match[str]] = []
    named = False
    plain = 0
    for token in reversed(tokens):
        word = token.group()
        lower = word.lower()
        gap = text[token.end():kept[0].start() if kept else verb_start]
        if gap.strip() or len(kept) == 8 or lower in stop or lower in _PRONOUNS or word[0].isdigit():
            break
        if _capitalised(word):
            named = True
        elif lower in _CONNECTORS:
            if not kept or not _capitalised(kept[0].group()):
                break
        elif not (lower in heads or lower in roles or _MODIFIER.search(word)):
            plain += 1
            if named or plain > 3:
                if kept and kept[0].group().lower() in _CONNECTORS:
                    return None  # "the cessation agreement in Syria said": the tail of a longer phrase
                break
        kept.insert(0, token)
    while kept and kept[0].group().lower() in _CONNECTORS:
        kept.pop(0)  # a phrase starts with a word of its own, not a connector
    if not kept:
        return None
    words = [k.group() for k in kept]
    if words[0].lower() in roles and len(words) > 1 and words[1].lower() in _CONNECTORS:
        return None  # "deputy for Mideast and North Africa told": a title, the name stands further back
    return words, kept[0].start()


_POST_MODIFIERS = (  # what may stand between a subject and its reporting verb, read backwards
    re.compile(r"\s+[a-z]+ly$"),  # "JNIM separately claimed"
    re.compile(r"\s*,\s*(?:which|who)\b[^,;\"“”]{1,100},$"),  # "JNIM, which also operates in the area, claimed"
    re.compile(r"\s+(?:reached|contacted|interviewed|speaking|quoted)\s+(?:by|to|on|in)\s+[a-z]+(?:\s+[a-z]+)?$"),
    re.compile(r"\s+(?:in|near|from)\s+(?:(?:the\s+)?(?:north|south|east|west|central)(?:ern|-eastern|-western)?\s+)?"
               r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?$"),  # "rebels in northern Mali said"
)


def _subject_end(text: str, verb_start: int) -> int:
    """Where the subject of the verb at ``verb_start`` ends, past an adverb, a relative
    clause between commas, a participle ("residents reached by telephone") or a place
    ("rebels in northern Mali") that stand between them. A place alone is no source, so
    its subject is read before it."""
    end = verb_start
    for _ in range(3):
        before = text[:end]
        for pattern in _POST_MODIFIERS:
            m = pattern.search(before, max(0, end - 130))
            if m:
                end = m.start()
                break
        else:
            return end
    return end


_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "yesterday", "tonight", "overnight", "earlier", "later", "last", "this"})


def _forward(words: list[str]) -> list[str]:
    """The source phrase at the start of ``words`` (after "according to"): up to a pronoun, a
    stop word, a number or a word no source phrase has; after its head only a connector may
    go on ("directorate of health in Idlib province")."""
    _, _, _, stop, heads, _ = _words()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    kept: list[str] = []
    after_head = False
    for word in words[:9]:
        lower = word.lower()
        if lower in stop or lower in _PRONOUNS or word[0].isdigit() or (
                lower.strip(".,") in _TIME_WORDS and (word.islower() or lower.endswith("day"))):
            break  # "according to preliminary reports on Sunday": the date is no part of the source
        previous = kept[-1] if kept else ""
        if after_head and lower not in _CONNECTORS and previous.lower() not in _CONNECTORS and not (
                _capitalised(word) and _capitalised(previous)):
            break  # after the head only its complement: "Committee to Protect Journalists", not "report ISIS"
        kept.append(word)
        if lower in heads:
            after_head = True
    while kept and kept[-1].lower() in _CONNECTORS:
        kept.pop()
    return kept


def phrase_source(text: str) -> ClaimantMention | None:
    """The first source a sentence attributes itself to by grammar alone (see the module);
    a known name inside the phrase is its claimant ("The Britain-based Observatory")."""
    found = _phrase_source(text)
    if found is None:
        return None
    known = source_mention(found.words, found.start, False)
    if known.claimant == found.words or _names_outside(found.words):
        return found
    return known


def _names_outside(words: str) -> bool:
    """Capitalised words of the phrase outside the known name it holds ("Qatar Red Crescent
    Society" is not the "Red Crescent" of the table)."""
    aliases, alias_pattern, *_ = tables()
    covered = [m.span() for m in alias_matches(words, alias_pattern)]
    return any(_capitalised(t.group()) and not any(a <= t.start() < b for a, b in covered)
               for t in _TOKEN.finditer(words))


def according_phrase(text: str) -> ClaimantMention | None:
    """The source after "according to" / "listed by", named or described by its head noun."""
    _, _, according, _, heads, roles = _words()
    m = according.search(text)
    if m is None:
        return None
    words = _forward(m.group("np").split())
    if len(words) == 1 and words[0].lower() in heads:  # "according to the group": a back-reference
        return ClaimantMention(words[0].lower(), words[0], m.start(), True)
    if words and (_named(words, heads, False) or any(w.lower() in heads for w in words)):
        return ClaimantMention(_clean(words, roles), " ".join(words), m.start(), False)
    return None


def _phrase_source(text: str) -> ClaimantMention | None:
    reporting, closing, according, stop, heads, roles = _words()
    for m in reporting.finditer(text):
        found = _subject(text, _subject_end(text, m.start()))
        if found is None:
            continue
        tokens, start = found
        if tokens[0].lower() in _PRONOUNS or tokens[-1].lower() in _not_heads():
            continue
        if _named(tokens, heads, not text[:start].strip()):
            return ClaimantMention(_clean(tokens, roles), " ".join(tokens), start, False)
    found = according_phrase(text)
    if found is not None:
        return found
    m = closing.search(text)
    if m is not None:
        tokens = m.group("np").rstrip(".").split()
        if (_named(tokens, heads, False) and tokens[0].lower() not in _CONNECTORS | {"at", "by", "from"}
                and not any(t.lower() in stop for t in tokens) and _capitalised(tokens[-1])):
            return ClaimantMention(_clean(tokens, roles), " ".join(tokens), m.start("np"), False)
    return None
