"""A frame matrix for control changes (helper control10f): sentences GENERATED from templates
written for this module (none is taken from an article), each with the rows it must give.

Every template is crossed with every listed lemma and every inflection its frame takes
(``lemminflect``), and rotates through the agents (Syria's and other wars' forces) and the
place wordings ("the town of X", "X, in Hama province,", "the village of X near Y", lists of
two or three names). ``positives()`` yields (frame, sentence, expected) with expected a set
of (place, actor id, role) where role is ``new`` (the new controller) or ``prev`` (the one
who left); ``negatives()`` yields (frame, sentence) that must give no capture-like row.

``coverage()`` runs the extractor over the matrix and counts, per frame, the sentences
whose expected rows all come out and those that give a row for a place not expected.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import count

from lemminflect import getInflection

# (wording, actor id): the agent at the start of a sentence, capitalised by the template.
AGENTS = [
    ("the Syrian army", "syrian_government"), ("regime forces", "syrian_government"),
    ("government troops", "syrian_government"), ("pro-government militias", "syrian_government"),
    ("Syrian government forces", "syrian_government"), ("the Syrian Arab Army", "syrian_government"),
    ("rebels", "opposition"), ("the Free Syrian Army", "opposition"), ("opposition fighters", "opposition"),
    ("Islamic State militants", "isis"), ("ISIS", "isis"), ("the Islamic State group", "isis"),
    ("the Nusra Front", "hts"), ("Hayat Tahrir al-Sham", "hts"),
    ("Kurdish YPG fighters", "sdf"), ("the SDF", "sdf"), ("Turkish-backed rebels", "sna"),
    ("Ukrainian troops", "ukraine"), ("Russian forces", "russia"), ("the Sudanese army", "sudan"),
    ("Iraqi forces", "iraq"), ("Houthi rebels", "houthis"),
]
# Loser wordings for "X lost Y to Z" / "Z drove X out of Y" (must be a different side).
LOSERS = {"syrian_government": ("rebels", "opposition"), "opposition": ("government forces", "syrian_government"),
          "isis": ("Kurdish fighters", "sdf"), "hts": ("regime forces", "syrian_government"),
          "sdf": ("Islamic State fighters", "isis"), "sna": ("Kurdish fighters", "sdf"),
          "ukraine": ("Russian troops", "russia"), "russia": ("Ukrainian forces", "ukraine"),
          "sudan": ("the RSF", "rsf"), "iraq": ("Islamic State militants", "isis"),
          "houthis": ("government forces", None)}

# Gazetteer settlements per theatre (one name each) and the place wordings.
SYRIA = ["Kafr Nabuda", "Palmyra", "Tal Abyad", "Khan Shaykhun", "Maarat al-Numan", "Jisr al-Shughur",
         "Manbij", "Qusayr", "Morek", "Latamneh", "Marea", "Daraya"]
OTHER = {"ukraine": ["Kherson", "Bakhmut", "Lyman"], "russia": ["Bakhmut", "Avdiivka", "Soledar"],
         "sudan": ["Wad Madani", "Omdurman", "El Fasher"], "iraq": ["Mosul", "Ramadi", "Fallujah"],
         "houthis": ["Marib", "Hodeidah", "Taiz"]}


def _places(actor: str, i: int) -> list[str]:
    pool = OTHER.get(actor, SYRIA)
    return [pool[(i + k) % len(pool)] for k in range(3)]


# (template, names it names): {P} a place phrase; names as the list of expected places.
def place_phrase(i: int, names: list[str], syrian: bool) -> tuple[str, list[str]]:
    a, b, c = names
    shapes = [
        (a, [a]), (f"the town of {a}", [a]), (f"the village of {a}", [a]), (f"the city of {a}", [a]),
        (f"the strategic town of {a}", [a]),
        (f"{a}, in Hama province,", [a]) if syrian else (f"{a}, in the east of the country,", [a]),
        (f"the village of {a} near {b}", [a]), (f"{a} and {b}", [a, b]), (f"{a}, {b} and {c}", [a, b, c]),
        (f"the towns of {a} and {b}", [a, b]),
        (f"the rebel-held town of {a}", [a]) if syrian else (f"the frontline town of {a}", [a]),
        (f"the ancient city of {a}", [a]), (f"the Kurdish-majority town of {a}", [a]),
        (f"the town of {a} and the village of {b}", [a, b]), (f"the lakeside town of {a} and the hub of {b}", [a, b]),
        (f"{a}, the second-largest town in the province,", [a]), (f"{a}, capital of the province,", [a]),
    ]
    return shapes[i % len(shapes)]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _forms(lemma: str, tag: str) -> list[str]:
    head, _, rest = lemma.partition(" ")
    return [f"{f} {rest}".strip() for f in dict.fromkeys(getInflection(head, tag) or [head])]


# Lemmas of the frames: (lemma, kind) with kind capture or entry (the agent takes the place).
TAKE_LEMMAS = ["capture", "seize", "take", "take over", "overrun", "conquer", "liberate", "recapture", "retake",
               "regain", "reclaim", "win back", "take back", "enter", "wrest"]
KNOWN_ONLY = ["recover", "free"]  # objects of many kinds: gazetteer places only
CONTROL_LEMMAS = ["take", "seize", "gain", "regain", "retake", "assume", "secure", "establish", "restore", "wrest"]
CONTROL_MODS = ["", "full ", "complete ", "total ", "effective ", "full military "]
PASSIVE_LEMMAS = ["capture", "seize", "take", "overrun", "liberate", "recapture", "retake", "regain", "take over"]
NOUNS = ["capture", "seizure", "recapture", "liberation", "fall", "takeover", "conquest"]
WITHDRAW = ["withdraw from", "pull out of", "retreat from", "pull back from"]
EXPEL = ["drive", "push", "expel", "oust", "kick", "chase"]
ADVANCE = ["advance into", "push into", "move into", "storm into", "sweep into", "break into"]
AUX_ADVERBS = ["", "finally ", "reportedly ", "on Monday ", "now ", "also ", "fully "]


def positives() -> Iterator[tuple[str, str, set[tuple[str, str, str]]]]:
    n = count()

    def pick() -> tuple[int, str, str, str, list[str]]:
        i = next(n)
        agent, actor = AGENTS[i % len(AGENTS)]
        phrase, names = place_phrase(i // len(AGENTS) + i, _places(actor, i), actor in ("syrian_government", "opposition", "isis", "hts", "sdf", "sna"))
        return i, agent, actor, phrase, names

    def new(names: list[str], actor: str) -> set[tuple[str, str, str]]:
        return {(p, actor, "new") for p in names}

    for lemma in TAKE_LEMMAS + KNOWN_ONLY:
        for tag, frame in (("VBD", "active_past"), ("VBN", "active_perfect"), ("VB", "headline_present")):
            for form in _forms(lemma, tag):
                for adv in AUX_ADVERBS[:4]:
                    i, agent, actor, phrase, names = pick()
                    if lemma in KNOWN_ONLY and not phrase.startswith(names[0]):
                        phrase, names = names[0], names[:1]
                    if frame == "active_past":
                        s = f"{_cap(agent)} {adv}{form} {phrase} after heavy fighting."
                    elif frame == "active_perfect":
                        aux = "has" if agent.startswith(("the ", "ISIS", "Hayat")) else "have"
                        s = f"{_cap(agent)} {aux} {adv}{form} {phrase}, a monitor said."
                    else:
                        verb = _forms(lemma, "VBZ")[0] if agent.startswith(("the ", "ISIS", "Hayat")) else form
                        s = f"{_cap(agent)} {verb} {phrase.rstrip(',')}"
                    yield frame + ":" + lemma, s, new(names, actor)
    for lemma in CONTROL_LEMMAS:
        for tag in ("VBD", "VBN", "VBZ", "VB"):
            for form in _forms(lemma, tag):
                for mod in CONTROL_MODS:
                    i, agent, actor, phrase, names = pick()
                    if tag == "VBN":
                        s = f"{_cap(agent)} have {form} {mod}control of {phrase}."
                    elif tag == "VBZ":
                        s = f"{_cap(agent)} {form} {mod}control over {phrase} on Monday."
                    elif tag == "VB":
                        s = f"{_cap(agent)} managed to {form} {mod}control of {phrase}."
                    else:
                        s = f"{_cap(agent)} {form} {mod}control of {phrase} on Thursday."
                    yield "control:" + lemma, s, new(names, actor)
    for lemma in PASSIVE_LEMMAS:
        for form in _forms(lemma, "VBN"):
            for aux in ("was", "has been", "had been", "was fully", "were", "was later", "was reportedly"):
                i, agent, actor, phrase, names = pick()
                be = "were" if len(names) > 1 else ("was" if aux == "were" else aux)
                if len(names) > 1 and be.startswith("was"):
                    be = be.replace("was", "were")
                if len(names) > 1 and be.startswith("has"):
                    be = be.replace("has", "have")
                yield "passive_by:" + lemma, f"{_cap(phrase)} {be} {form} by {agent} on Tuesday.", new(names, actor)
    for tmpl in ("{P} fell to {A} on Sunday.", "{P} fell into the hands of {A}.", "{P} came under the control of {A} last week.",
                 "{P} has fallen to {A}.", "{P} finally fell to {A} after a long siege.", "{P} fell under the full control of {A}.",
                 "{P} had fallen to {A} in the offensive."):
        for _ in range(6):
            i, agent, actor, phrase, names = pick()
            if len(names) > 1:
                tmpl2 = tmpl.replace("has fallen", "have fallen").replace("had fallen", "had fallen")
            else:
                tmpl2 = tmpl
            yield "fell_to", _cap(tmpl2.format(P=phrase, A=agent)), new(names, actor)
    for noun in NOUNS:
        for tmpl in ("The {N} of {P} by {A} was confirmed on Monday.", "{A2}'s {N} of {P} came after weeks of fighting.",
                     "Residents fled after the {N} of {P} by {A}.", "Following the {N} of {P} by {A}, aid convoys stopped."):
            for _ in range(2):
                i, agent, actor, phrase, names = pick()
                if noun == "fall":
                    s = tmpl.replace("{N} of {P} by {A}", "fall of {P} to {A}").replace("{A2}'s {N} of {P}", "The fall of {P} to {A}")
                else:
                    s = tmpl
                a2 = "The " + agent[4:] if agent.startswith("the ") else agent
                a2 = a2[:-1] + "s'" if a2.endswith("s") else a2 + "'s"
                s = s.replace("{A2}'s", "{A2}")
                yield "nominal:" + noun, _cap(s.format(N=noun, P=phrase, A=agent, A2=a2)), new(names, actor)
    for lemma in WITHDRAW:
        for tag in ("VBD", "VBN"):
            for form in _forms(lemma, tag):
                for _ in range(4):
                    i, agent, actor, phrase, names = pick()
                    aux = "have " if tag == "VBN" else ""
                    yield "withdraw:" + lemma, f"{_cap(agent)} {aux}{form} {phrase} overnight.", {(p, actor, "prev") for p in names}
    for lemma in EXPEL:
        for tag in ("VBD", "VBN"):
            for form in _forms(lemma, tag):
                for _ in range(3):
                    i, agent, actor, phrase, names = pick()
                    loser, _lid = LOSERS[actor]
                    aux = "have " if tag == "VBN" else ""
                    out = "from" if lemma in ("expel", "oust") else "out of"
                    yield "expel:" + lemma, f"{_cap(agent)} {aux}{form} {loser} {out} {phrase} on Friday.", new(names, actor)
    for tmpl in ("{L} lost {P} to {A} on Monday.", "{L} have lost control of {P} to {A}.", "{L} lost {P} to {A} after days of clashes."):
        for _ in range(6):
            i, agent, actor, phrase, names = pick()
            loser, _lid = LOSERS[actor]
            yield "lost_to", _cap(tmpl.format(L=loser, P=phrase.rstrip(","), A=agent)), new(names, actor)
    for lemma in ADVANCE:
        for form in _forms(lemma, "VBD"):
            for _ in range(3):
                i, agent, actor, phrase, names = pick()
                yield "advance:" + lemma, f"{_cap(agent)} {form} {phrase} on Saturday.", new(names, actor)
    for tmpl in ("After {G} {P}, {A} moved north.", "{A}, which {V} {P} last week, said it would push on.",
                 "{A} consolidated positions in the recently {V} town of {P1}.",
                 "{P} is now under {A} control.", "{P} came under {A} control on Sunday.",
                 "{P} is now fully controlled by {A}.", "{A} now control {P} after a two-week battle.",
                 "{A} were able to {B} {P} on Monday.", "{A} succeeded in {G} {P}."):
        for lemma in ("capture", "seize", "take", "retake", "recapture", "liberate"):
            i, agent, actor, phrase, names = pick()
            ctl = {"syrian_government": "government", "opposition": "rebel", "isis": "Islamic State", "hts": "Nusra",
                   "sdf": "Kurdish", "sna": "SNA", "ukraine": "Ukrainian", "russia": "Russian", "sudan": "army",
                   "iraq": "Iraqi", "houthis": "Houthi"}[actor]
            s = tmpl.format(G=_forms(lemma, "VBG")[0], P=phrase, A=agent if "{A} control" not in tmpl else ctl,
                            V=_forms(lemma, "VBD")[0], B=lemma, P1=names[0])
            s = s.replace(",,", ",")
            if "{P1}" in tmpl:
                names = names[:1]
            if len(names) > 1:
                s = s.replace(" is now", " are now")
            if agent.startswith("the "):
                s = s.replace(" now control ", " now controls ")
            yield "participial:" + tmpl, _cap(s), new(names, actor)


NEGATIVE_TEMPLATES = [
    "{A} tried to capture {P} on Monday.", "{A} attempted to storm {P} but were repelled.",
    "{A} aimed to retake {P} before the winter.", "{A} launched an offensive to recapture {P}.",
    "{A} shelled {P} overnight, a monitor said.", "Heavy fighting raged near {P} on Sunday.",
    "Clashes broke out between {A} and {L} in {P}.", "{L} said {A} had failed to take {P}.",
    "{A} denied that {L} had captured {P}.", "{A} did not capture {P}, a spokesman said.",
    "{A} were preparing to storm {P}.", "{A} threatened to seize {P} within days.",
    "{A} could take {P} within days, analysts said.", "{A} would retake {P} soon, the minister said.",
    "{A} plan to capture {P} next month.", "{A} besieged {P} for months.",
    "{A} are trying to advance into {P}.", "An attempt by {A} to capture {P} failed.",
    "{A} bombarded {P} as they prepared an assault.", "{A} vowed to liberate {P}.",
    "{A} have been unable to take {P}.", "{L} repelled an attack by {A} on {P}.",
    "{A} hope to regain control of {P}.", "{A} are fighting to take control of {P}.",
    "{A} said they had full control of the situation in {P}.", "The capture of {P} would be a strategic prize for {A}.",
    "{P} is now under heavy shelling by {A}.", "{L} denied that {A} were in full control of {P}.",
    "After failing to capture {P}, {A} regrouped.", "The fall of {P} to {A} would be a huge blow.",
]


def negatives() -> Iterator[tuple[str, str]]:
    n = count()
    for tmpl in NEGATIVE_TEMPLATES:
        for _ in range(4):
            i = next(n)
            agent, actor = AGENTS[i % len(AGENTS)]
            loser = LOSERS[actor][0]
            phrase, _names = place_phrase(i, _places(actor, i), True)
            yield tmpl, _cap(tmpl.format(A=agent, P=phrase.rstrip(","), L=loser))


_CAPTURE_LIKE = {"capture", "recapture", "entry", "withdrawal", "lost", "surrender"}


def rows(text: str) -> list[tuple[str, str | None, str | None, str]]:
    from extractors import extract_article
    return [(c.place.name if c.place else "", c.new_controller, c.previous_controller, c.change_type)
            for c in extract_article(text, "matrix", date(2016, 5, 1)).control_changes]


def _named(want: str, got: str) -> bool:
    w, g = want.lower(), got.lower().removeprefix("the ")
    return w == g or w in g or g in w


def judge(text: str, expected: set[tuple[str, str, str]]) -> tuple[bool, bool]:
    """(every expected row came out, a row for a place not expected came out)."""
    got = rows(text)
    ok = all(any(_named(p, r[0]) and (r[1] == actor if role == "new" else r[2] == actor) for r in got)
             for p, actor, role in expected)
    extra = any(not any(_named(p, r[0]) for p, _a, _r in expected) for r in got)
    return ok, extra


def coverage() -> tuple[Counter, Counter, Counter, list[str], list[str]]:
    """Per frame family: sentences, right, with an extra row; the misses; the negatives that gave a row."""
    total, right, extra = Counter(), Counter(), Counter()
    misses: list[str] = []
    for frame, text, expected in positives():
        family = frame.split(":")[0]
        ok, more = judge(text, expected)
        total[family] += 1
        right[family] += ok
        extra[family] += more
        if not ok:
            misses.append(f"{frame} | {text} | {rows(text)}")
    false = [f"{tmpl} | {text} | {rows(text)}" for tmpl, text in negatives()
             if any(r[3] in _CAPTURE_LIKE for r in rows(text))]
    return total, right, extra, misses, false
