"""Control-change triggers: the trigger families built from the reference frames and
vocabulary, found left to right, and the filters that tell a reported event from an
attempt, intention, denial, adjective or background."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import compiled_patterns
from ..patterns import alternation, lowers_exactly, substring_finder, trie_alternation
from .frames import anaphor_only_verbs, control_after_fighting, control_modifier_pattern, control_nouns, declared_control, vocabulary
from .nominals import _nominal_list, _possessor
from . import auxiliary_gate, withdrawals

_DAYS_MONTHS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    "April|June|July|August|September|October|November|December"
)
# a time phrase between a passive participle and its "by" ("was overrun on Tuesday by the
# White Army", "were captured overnight by"; helper control8b)
_PASSIVE_TIME = (rf"(?:\s+(?:on\s+(?:{_DAYS_MONTHS})(?:\s+\d{{1,2}})?|(?:early|late)\s+(?:on\s+)?(?:{_DAYS_MONTHS})|"
                 rf"overnight|yesterday|last\s+(?:week|month|night)|in\s+(?:{_DAYS_MONTHS}))(?:\s+(?:morning|night|evening))?,?)?")


@dataclass(frozen=True)
class Trigger:
    """A control-change word in a sentence (offsets into the sentence text)."""

    form: str  # active, passive, listed_by, reduced_passive, from_passive, expel, fell_to, nominal
    change: str  # capture, recapture, entry, encirclement, withdrawal, lost, surrender
    start: int
    end: int


_SPACE = r"[\"”“']?\s+"


def _alternation(phrases: list[str]) -> str:
    """Phrases whose words may be separated by a closing quote as well as space; before a
    control noun ("seized control of") any modifier of the frames may stand ("seized full
    control of", "gained complete military control over")."""
    return _alternation_of(tuple(phrases))


@lru_cache(maxsize=None)  # the same word lists are asked for per sentence: built once
def _alternation_of(phrases: tuple[str, ...]) -> str:
    pattern = alternation(phrases, flexible_space=_SPACE)
    nouns = "|".join(re.escape(n) for n in control_nouns())
    return re.sub(rf"{re.escape(_SPACE)}({nouns}){re.escape(_SPACE)}",
                  lambda m: f"{_SPACE}{control_modifier_pattern()}{m.group(1)}{_SPACE}", pattern)



def _vocab() -> dict[str, Any]:
    """The control vocabulary with the trigger forms generated from the lemma frames."""
    return vocabulary()

@lru_cache(maxsize=None)  # asked for every phrase once per first word (~250 words)
def _first_word_of(phrase: str) -> str:
    return re.split(r"[\s-]", phrase.strip().lower())[0]


_GROUPED: dict[int, tuple[list[str], dict[str, list[str]]]] = {}


def _by_first_word(words: list[str]) -> dict[str, list[str]]:
    """The phrases of a vocabulary list by first word, in list order: asked for every list
    once per first word (~250 words), so grouped once instead of filtered each time."""
    held = _GROUPED.get(id(words))
    if held is None or held[0] is not words:  # the list itself is held: its id stays its own
        groups: dict[str, list[str]] = {}
        for phrase in words:
            groups.setdefault(_first_word_of(phrase), []).append(phrase)
        held = _GROUPED[id(words)] = (words, groups)
    return held[1]


@lru_cache(maxsize=None)
def _trigger_patterns(word: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """(form, change, pattern text) for every trigger family, in priority order; with
    ``word``, only the families and phrases that can start with that word (the regex tried
    at a word then stays small)."""
    vocab = _vocab()
    out: list[tuple[str, str, str]] = []

    def phrases(words: list[str]) -> list[str]:
        return words if word is None else _by_first_word(words).get(word, [])

    aux = r"(?:is|was|were|are|has\s+been|have\s+been|had\s+been|being|been)"
    adverb = rf"(?:\s+(?:{'|'.join(_ADVERBS)}))?"
    if word is None or word in _AUXILIARIES:
        for change, words in vocab["passive"].items():
            out.append(("passive", change, rf"\b{aux}{adverb}\s+(?:{_alternation(words)}){_PASSIVE_TIME}\s+by\b"))
        out.append(("expel_passive", "capture",  # "IS was expelled by the army from Zuhur"
                    rf"\b{aux}{adverb}\s+(?:{_alternation(_expel_participles())})(?:\s+(?:back|out))?"
                    r"\s+(?:by\s+[^,.;]{1,60}?\s+|(?:\w+\s+){1,3}ago\s+|last\s+\w+\s+|on\s+\w+day\s+)?(?:out\s+of|out\s+from|from)\s+"))
        out.append(("under_control_passive", "capture",  # "X was taken under control", "brought back under army control"
                    rf"\b{aux}{adverb}\s+(?:{_alternation(vocab['under_control_passive'])})\s+(?:back\s+)?under\s+"
                    r"(?=(?:[\w'’-]+\s+){0,3}?control\b)"))
    if phrases(vocab["under_control_active"]):  # "brought Kafr Nabuda back under its control"
        out.append(("under_control_active", "capture",
                    rf"(?<![\w-])(?<!took\s)(?<!take\s)(?<!takes\s)(?<!taken\s)(?<!taking\s)"  # "took place"
                    rf"(?:{_alternation(phrases(vocab['under_control_active']))})\s+"
                    r"(?!(?:on|in|at|near|during|after|before|outside|inside|around)\b)"  # an object, not a place adverbial
                    r"(?=[^.;:]{1,80}?\s+under\s+(?:[\w'’-]+\s+){0,3}?control\b)"))
    if word is None or word == "control":  # "control was established over X"
        preps = "|".join(vocab["control_passive_prepositions"])
        for change, words in vocab["control_passive"].items():
            out.append(("control_passive", change,
                        rf"\bcontrol\s+{aux}{adverb}\s+(?:{_alternation(words)})\s+(?:back\s+)?(?:{preps})\b"))
    for change, words in vocab["listed_by"].items():
        if phrases(words):
            out.append(("listed_by", change,
                        rf"(?<![\w-])(?:{_alternation(phrases(words))})\s+by\b(?=[^.;]{{0,60}}?\b(?:were|are|included|include)\b)"))
    for change in vocab["listed_by"]:  # "the liberated neighborhoods are A, B and C"
        words = vocab["passive"][change]
        if phrases(words):
            out.append(("listed_adjective", change,
                        rf"(?<=\bthe\s)(?:{_alternation(phrases(words))})\s+(?:villages|towns|neighbou?rhoods|districts|areas)"
                        r"\s+(?:are|were|include|included|includes)\s+"))
    for change, words in vocab["passive"].items():
        if phrases(words):
            out.append(("reduced_passive", change, rf"(?<![\w-])(?:{_alternation(phrases(words))})\s+by\b"))
    for change, words in vocab["from_passive"].items():
        if phrases(words):
            out.append(("from_passive", change, rf"(?<![\w-])(?:{_alternation(phrases(words))})(?:\s+back)?\s+from\b"))
    if phrases(vocab["expel"]["verbs"]):
        expel = _alternation(phrases(vocab["expel"]["verbs"]))
        out.append(("expel", "capture",
                    rf"(?<![\w-])(?:{expel})(?!\s+(?:by|to)\b)\s+(?:the\s+)?(?:[\w'’-]+\s+){{1,5}}?(?:out\s+of|out\s+from|from)\s+(?:the\s+)?"))
    for change, words in vocab["fell_to"].items():
        if phrases(words):
            out.append(("fell_to", change, rf"\b(?:{_alternation(phrases(words))})\b"))
    for change, words in vocab.get("under_control", {}).items():  # "came under Russian control"
        if phrases(words):
            out.append(("under_control", change,
                        rf"\b(?:{_alternation(phrases(words))})\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+|effective\s+)?"
                        r"(?=(?:[\w'’-]+\s+){1,3}(?:control|hands)\b)"))  # "fell into rebel hands" (control5)
    if word is None or word in _cleared_starts():  # "cleared the Qaboun district of terrorists" (control5)
        from .sieges import cleared_of_pattern
        out.append(("cleared_of", "capture", cleared_of_pattern()))
    if word is None or word in _LEAVE:  # "The advance leaves the east of the city cut off" (control5)
        out.append(("left_encircled", "encirclement", rf"(?<![\w-])(?:{'|'.join(_LEAVE)})\s+(?={_LEFT_CUT_OFF})"))
    if word is None or word == "under":  # "has been under Daesh control since May"
        out.append(("under_since", "capture",
                    r"\bunder\s+(?:the\s+|a\s+)?(?:full\s+|total\s+|complete\s+)?(?:(?:[\w'’-]+\s+){1,3}?control|(?:[\w'’-]+\s+){0,3}?siege)\s+since\b"))
    if word is None or word in _DETERMINERS:
        for change, words in vocab["nominal"].items():
            out.append(("nominal", change,
                        rf"\b(?:the|its|their|his|a)\s+(?:[\"“]?[\w-]+(?:['’]s|['’])?[\"”]?\s+)?[\"“]?(?:{_alternation(words)})[\"”]?\s+(?:of|from)\b"))
    if word is None or word in _nominal_first_words():  # "the Sudanese army's capture of", "Nusra Fronts take over of"
        for change, words in vocab["nominal"].items():
            if phrases(words):
                out.append(("nominal", change, rf"{_POSSESSED}[\"“]?(?:{_alternation(phrases(words))})[\"”]?\s+of\b"))
    if word is None or word in control_after_fighting()[0]:  # "had full control of X after heavy clashes" (control10b)
        out.append(("active", "capture", control_after_fighting()[1]))
    if word is None or word in anaphor_only_verbs()[0]:  # "IS fighters took those villages" (control10b)
        out.append(("active", "capture", anaphor_only_verbs()[1]))
    if word is None or word in declared_control()[0]:  # "the regime declares it has full control of Aleppo" (control10f)
        out.append(("active", "capture", declared_control()[1]))
    if word is None or word in withdrawals.first_words():  # "withdrew its troops from", "ordered troops to leave"
        out.extend(withdrawals.patterns())
    for change, words in vocab["active"].items():
        if phrases(words):
            out.append(("active", change, rf"(?<![\w-])(?:{_alternation(phrases(words))})(?![\w-])"))
    return tuple(out)


@lru_cache(maxsize=None)
def _trigger_regex(word: str | None = None) -> re.Pattern[str]:
    """The trigger families (of those that can start with ``word``) in one pattern
    (group ``t<i>`` = family i of ``_trigger_patterns(word)``)."""
    families = "|".join(f"(?P<t{i}>{pattern})" for i, (_, _, pattern) in enumerate(_trigger_patterns(word)))
    return compiled_patterns.compile(families, re.IGNORECASE)  # kept on disk: large, compiled per first word


@lru_cache(maxsize=None)
def _active_regexes(word: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(change, pattern) of each active family that can start with ``word``."""
    return tuple((change, compiled_patterns.compile(pattern, re.IGNORECASE))
                 for form, change, pattern in _trigger_patterns(word) if form == "active")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Words a trigger can start with: the pattern is only tried where one of them stands."""
    return (_phrase_starts() | _AUXILIARIES | _DETERMINERS | {"under", "control"} | set(_LEAVE) | _cleared_starts() | _nominal_first_words() | declared_control()[0] | anaphor_only_verbs()[0] | control_after_fighting()[0]
            | withdrawals.first_words())


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """First words of the vocabulary's own phrases ("were" of "were in full control of")."""
    vocab = _vocab()
    groups = ("active", "passive", "listed_by", "from_passive", "nominal", "under_control")
    phrases = [w for group in groups for ws in vocab.get(group, {}).values() for w in ws]
    phrases += [w for words in vocab["fell_to"].values() for w in words] + vocab["expel"]["verbs"]
    phrases += vocab["under_control_active"]
    return frozenset(re.split(r"[\s-]", p.strip())[0].lower() for p in phrases)


_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _cleared_starts() -> frozenset[str]:
    from ..reference import load_yaml
    from .frames import inflections
    frame = load_yaml("control_frames.yaml")["cleared_of"]
    return frozenset(f for lemma in frame["verbs"] + frame["declare_verbs"] for f in inflections(lemma))

_LEAVE = ("leaves", "left", "leaving", "leave")
_LEFT_CUT_OFF = (r"(?:(?!\b(?:and|was|were|is|are|has|had|after|when|but|while|almost|nearly|partially|partly)\b)[^.;,]){3,80}?"
                 r"\s+(?:(?:completely|effectively|virtually|totally|fully|now)\s+)?"
                 r"(?:cut\s+off|encircled|surrounded|besieged|under\s+(?:full\s+|total\s+)?siege)\b")
_UNDER_CONTROL = re.compile(r"\bunder\s+(?:[\w'’-]+\s+){0,3}?control\b")  # "taken under (army) control"
# Right after a possessor: "army's ", "forces' ", "Fronts " (apostrophe lost); the noun's
# possessor is read as its agent (``events._agent_before``: the actor right before).
_POSSESSED = r"(?:(?<=\w['’]s\s)|(?<=\ws['’]\s)|(?<=\ws\s))"


def _possessed_by_actor(text: str, start: int) -> bool:
    """Do the one to three words before ``start`` name an armed possessor ("the Sudanese
    army's", "Iraqi forces'", "Nusra Fronts")?"""
    words = text[max(0, start - 60):start].split()
    return any(_possessor(" ".join(words[-n:])) for n in (1, 2, 3) if len(words) >= n)


@lru_cache(maxsize=1)
def _nominal_first_words() -> frozenset[str]:
    return frozenset(re.split(r"[\s-]", w.lower())[0] for words in _vocab()["nominal"].values() for w in words)


_AUXILIARIES = frozenset({"is", "was", "were", "are", "has", "have", "had", "being", "been"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "a"})


@lru_cache(maxsize=1)
def _only_passive_starts() -> frozenset[str]:
    """Auxiliaries that start a trigger only as a passive ("was captured by") or a
    be-frame ("is under siege by", "was under the full siege of"): every such trigger holds
    " by" or "siege"."""
    vocab = _vocab()
    others = [w for group in ("active", "listed_by", "from_passive", "nominal") for ws in vocab[group].values() for w in ws]
    starts = {re.split(r"[\s-]", p.strip())[0].lower() for p in others + vocab["expel"]["verbs"]}
    starts |= {re.split(r"[\s-]", p.strip())[0].lower() for words in vocab["fell_to"].values() for p in words
               if " by" not in p and "siege" not in p}
    return _AUXILIARIES - starts


@lru_cache(maxsize=1)
def _expel_participles() -> list[str]:
    """Past participles of the expel verbs ("driven", "pushed", "expelled")."""
    from .frames import participles
    vocab = _vocab()
    forms = [p for lemma in vocab.get("expel_lemmas", ()) for p in participles(lemma)]
    return list(dict.fromkeys(forms + [w for w in vocab["expel"]["verbs"] if w.endswith("ed")]))


@lru_cache(maxsize=1)
def _expel_participle_finder() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in _expel_participles())})\s+(?:back\s+|out\s+)?(?:of|from)\b")


@lru_cache(maxsize=1)
def _only_nominal_starts() -> frozenset[str]:
    """Determiners that start a trigger only as a noun form ("the capture of")."""
    return _DETERMINERS - _phrase_starts()


@lru_cache(maxsize=1)
def _nominal_nouns() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for words in _vocab()["nominal"].values() for w in words}))


# Word stems of every trigger: a sentence without any of them is skipped at once.
_STEMS = (
    "clear", "declar", "cleans", "purg", "rid ", "announc",  # "cleared X of militants" (control5)
    "seiz", "captur", "control", "took", "taken", "taking over", "take over", "overr", "storm",
    "wrest", "conquer", "occup", "retook", "retak", "regain", "reclaim", "liberat", "enter",
    "into", "encircl", "besieg", "siege", "surround", "cut off", "withdr", "retreat", "pull",
    "depart", "left", "leav", "abandon", "redeploy", "reloc", "lost", "losing", "surrender",
    "fell", "fall", "evacuat", "fallen", "establish", "impos", "restor", "freed", "freeing", "won",
    "drove", "driving", "push", "expel", "oust", "kick", "chas", "forc", "inside", "takeover", "ground",
    "ordered", "ordering", "orders ",  # "ordered its troops to leave" (control6; not "in order to")
)


@lru_cache(maxsize=1)
def _stem_finder() -> re.Pattern[str]:
    """The stems above plus the first word (up to five letters) of every trigger phrase,
    generated forms included: a new lemma in the frames needs no new stem here."""
    vocab = _vocab()
    phrases = [w for group in ("active", "passive", "listed_by", "from_passive", "nominal", "under_control")
               for words in vocab.get(group, {}).values() for w in words]
    phrases += [w for words in vocab["fell_to"].values() for w in words] + vocab["expel"]["verbs"]
    firsts = {re.split(r"[\s-]", p.strip().lower())[0][:5] for p in phrases}
    return substring_finder(set(_STEMS) | {f for f in firsts if len(f) >= 3})


def _has_stem(text: str) -> bool:
    """Cheap test: does a sentence hold any trigger word at all?"""
    return _stem_finder().search(text.lower()) is not None


@lru_cache(maxsize=None)  # a compiled pattern per set (four sets): kept across texts
def _first_word_finder(firsts: frozenset[str], lowered: bool = False) -> re.Pattern[str]:
    """Whole ASCII-letter words (as ``_WORD`` reads them) that are in ``firsts``, found in one
    scan rather than by testing every word of the sentence in Python. ``lowered``: the same
    pattern for the lower-cased text, without the slower case-blind comparisons."""
    words = sorted(w for w in firsts if w)
    if not words:
        return re.compile(r"(?!)")
    if lowered:
        return re.compile(rf"(?<![a-z])(?:{trie_alternation(words)})(?![a-z])", re.ASCII)
    return re.compile(rf"(?<![A-Za-z])(?:{trie_alternation(words)})(?![A-Za-z])", re.IGNORECASE | re.ASCII)


@lru_cache(maxsize=None)
def _first_words_and_finder(passive: bool, nominal: bool, lowered: bool = False,
                            control: bool = True) -> tuple[frozenset[str], re.Pattern[str], bool]:
    """The words a trigger may start with in a sentence without " by"/"siege" (no passive),
    without a nominal noun or without "control" (no declared control: "said it has full
    control of"), their finder, and whether it reads the lower-cased text (asked for with
    ``lowered``; only when every word is ASCII): built once per combination."""
    firsts = _first_words()
    if not passive:
        firsts = firsts - _only_passive_starts()
    if not nominal:
        firsts = firsts - _only_nominal_starts()
    if not control:
        firsts = firsts - _only_declared_control_starts()
    lowered = lowered and all(w.isascii() for w in firsts)
    return firsts, _first_word_finder(firsts, lowered), lowered


@lru_cache(maxsize=1)
def _only_declared_control_starts() -> frozenset[str]:
    """Words whose only trigger family is the declared-control one ("said", "states": "said
    it has full control of"): it holds "control" (ASCII letters only match it case-blind), so
    a sentence without "control" has no trigger at them (speed11b: ~1,600 tries a pass)."""
    pattern = declared_control()[1]
    return frozenset(w for w in _first_words()
                     if _trigger_patterns(w) and all(p == pattern for _, _, p in _trigger_patterns(w)))


_ADVERBS = ("now", "currently", "reportedly", "fully", "completely", "almost", "nearly", "partially", "already", "also",
            "later", "finally", "eventually", "quickly", "swiftly", "then", "again", "briefly", "subsequently",
            "officially", "effectively")  # the ``adverb`` of ``_trigger_patterns``


def _find_triggers(text: str) -> list[Trigger]:
    """Triggers left to right; at one position passive, listed, "fell to" and noun forms
    come before plain verbs (a text read before gives its triggers again at once)."""
    return list(_triggers_of(text))


@lru_cache(maxsize=16384)
def _triggers_of(text: str) -> tuple[Trigger, ...]:
    return tuple(_scan_triggers(text))


def _scan_triggers(text: str) -> list[Trigger]:
    low = text.lower()
    # every passive form ends in "by" but "were driven out of"
    passive = (" by" in low or "siege" in low
               or (any(p in low for p in _expel_participles()) and _expel_participle_finder().search(low) is not None)
               or ("control" in low and (_UNDER_CONTROL.search(low) is not None
                                         or " after " in low or " following " in low)))  # "had full control of X after clashes"
    nominal = any(noun in low for noun in _nominal_nouns())  # "the capture of"
    # the finder is ASCII: on a text whose lower-casing is exact (no İ ı ſ K) the lower-case
    # finder reads the same words at the same offsets
    firsts, finder, lowered = _first_words_and_finder(passive, nominal, lowers_exactly(text), "control" in low)
    found: list[Trigger] = []
    resume = 0
    for word in finder.finditer(low if lowered else text):  # the words of ``firsts`` alone
        start = word.start()
        if start < resume or word.group().lower() not in firsts:
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        key = word.group().lower()
        if key in _AUXILIARIES and not auxiliary_gate.aux_may_start(key, text, word.end()):
            continue  # "were killed": no trigger family of "were" can go on with "killed"
        m = _trigger_regex(key).match(text, start) if _trigger_patterns(key) else None
        if m and m.lastgroup:
            form, change, _ = _trigger_patterns(key)[int(m.lastgroup[1:])]
            end = m.end()
            if form == "active":  # "took back control of" (recapture) over "took" (capture)
                for other, pattern in _active_regexes(key):
                    longer = pattern.match(text, start)
                    if longer and longer.end() > end:
                        change, end = other, longer.end()
            if form == "nominal" and key not in _DETERMINERS and not _possessed_by_actor(text, start):
                continue  # "the days capture of": no armed possessor right before the noun
            found.append(Trigger(form, change, start, end))
            resume = end
    if "includ" in low and any(noun in low for noun in _vocab()["nominal_lists"]):
        for m in _nominal_list().finditer(text):
            if not any(t.start < m.end() and m.start() < t.end for t in found):
                found.append(Trigger("nominal_list", "capture", m.start(), m.end()))
        found.sort(key=lambda t: t.start)
    return found


# The filters that tell a reported event from an attempt, a plan or background live in
# ``modality.py``; re-exported here for the package's callers.
from .modality import _is_reinforcement, _is_reported_event  # noqa: E402,F401
