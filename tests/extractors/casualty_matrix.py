"""A frame matrix for casualty claims (helper casualty11): sentences GENERATED from templates
written for this module (none is taken from an article, ours or FA-KES's), each with the rows
it must give.

The templates cross victim nouns of several wars (Ukraine and Russia, Israel and Hamas,
Sudan, Myanmar, Mali, Yemen, Syria; nationality adjectives and plurals, group names, force
nouns, civilians) with the outcome frames (killed, wounded, captive, missing, casualties;
passive, intransitive, active, nominal), the count forms (digits, number words, "at least",
"more than", "about", ranges, "dozens", "scores", "hundreds", "several", "many", "a number
of", "a"/"one"), the partitives ("12 of its soldiers") and the claimant forms ("the military
said", "according to X", "X said on Monday that"). Every sentence opens with a dateline that
sets the war ("KYIV, Ukraine (Reuters) -").

``positives()`` yields (frame, text, expected): expected a list of alternative readings of the
one fact the sentence tells, each (victims, outcome, count), where victims is a tuple of accepted victim ids, count one of ("best", n), ("low", n) or
("vague",) (no best figure: a vague amount). ``negatives()`` yields (frame, text) that must
give no casualty row: counts of things, money, years, ages, capacities, deployments,
releases, another war's toll. ``coverage()`` runs the extractor and counts per family.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import count

from lemminflect import getInflection

# (dateline, [(victim words, accepted ids, type)], killer words, killer id, claimants)
# Claimants: (words that open or close the sentence, where: "end" | "start" | "according").
WARS = [
    ("KYIV, Ukraine (Reuters) -", [("Ukrainian soldiers", ("ukraine",)), ("Russian troops", ("russia",)),
                       ("Ukrainian servicemen", ("ukraine",)), ("Russian soldiers", ("russia",))],
     "Russian forces", "the Ukrainian military", "Ukraine's defence ministry"),
    ("JERUSALEM, Israel (Reuters) -", [("Israeli soldiers", ("israel",)), ("Hamas fighters", ("hamas",)),
                            ("Hezbollah fighters", ("hezbollah",))],
     "Israeli forces", "the Israeli military", "Gaza's health ministry"),
    ("KHARTOUM, Sudan (Reuters) -", [("Sudanese soldiers", ("sudan",)), ("RSF fighters", ("rsf",))],
     "the Rapid Support Forces", "the Sudanese army", "Sudan's information ministry"),
    ("YANGON, Myanmar (Reuters) -", [("junta soldiers", ("myanmar",)), ("Myanmar soldiers", ("myanmar",)),
                         ("Arakan Army fighters", ("arakan_army",))],
     "the Arakan Army", "the Myanmar military", "the junta's spokesman"),
    ("BAMAKO, Mali (Reuters) -", [("Malian soldiers", ("mali",)), ("JNIM fighters", ("jnim",))],
     "JNIM militants", "the Malian army", "Mali's government"),
    ("ADEN, Yemen (Reuters) -", [("Houthi fighters", ("houthis",)), ("Yemeni soldiers", ("yemen",))],
     "Houthi rebels", "the Saudi-led coalition", "Yemen's defence ministry"),
    ("DAMASCUS, Syria (Reuters) -", [("Syrian soldiers", ("syrian_government",)), ("Islamic State militants", ("isis",)),
                         ("regime soldiers", ("syrian_government",))],
     "Islamic State militants", "the Syrian Observatory for Human Rights", "Syria's state news agency SANA"),
]
CIVILIANS = [("civilians", ("civilians",)), ("people", ("civilians", "all", "unknown")),
             ("villagers", ("civilians",)), ("children", ("civilians",))]

# (words, expected count key, plural?)
COUNTS = [
    ("12", ("best", 12), True), ("twelve", ("best", 12), True), ("at least 12", ("low", 12), True),
    ("more than 40", ("low", 40), True), ("about 30", ("best", 30), True), ("nearly 50", ("best", 50), True),
    ("between 10 and 15", ("low", 10), True), ("10 to 15", ("low", 10), True), ("dozens of", ("vague",), True),
    ("scores of", ("vague",), True), ("hundreds of", ("vague",), True), ("two", ("best", 2), True),
    ("1,200", ("best", 1200), True), ("some 300", ("best", 300), True), ("up to 20", ("best", 20), True),
]
VAGUE_WORDS = ["several", "many", "a number of", "some", "a few"]
_SINGULAR = {"soldiers": "soldier", "troops": "soldier", "servicemen": "serviceman", "fighters": "fighter",
             "militants": "militant", "civilians": "civilian"}

PASSIVE = {"killed": ["kill", "shoot dead", "execute", "gun down"], "wounded": ["wound", "injure"],
           "captive": ["capture", "take prisoner", "detain", "abduct", "take captive"]}
INTRANSITIVE = {"killed": ["die", "perish", "lose their lives"], "missing": ["go missing"],
                "captive": ["surrender"]}
ACTIVE = {"killed": ["kill", "shoot dead"], "wounded": ["wound", "injure"], "captive": ["capture", "detain"]}
STATES = {"missing": ["were missing", "are missing", "remain missing", "were still missing"],
          "killed": ["were among the dead", "were dead"]}
ADVERBS = ["", "reportedly ", "also "]


def _form(lemma: str, tag: str) -> str:
    head, _, rest = lemma.partition(" ")
    forms = getInflection(head, tag) or [head]
    return f"{forms[0]} {rest}".strip()


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _claimed(i: int, body: str, military: str, ministry: str) -> str:
    """The body with a claimant in one of four places (or none)."""
    shapes = [f"{_cap(body)}.", f"{_cap(body)}, {military} said.", f"{_cap(ministry)} said {body}.",
              f"{_cap(body)}, according to {ministry}.", f"{_cap(military)} said on Monday that {body}."]
    return shapes[i % len(shapes)]


def positives() -> Iterator[tuple[str, str, list[tuple[tuple[str, ...], str, tuple]]]]:
    n = count()

    def pick() -> tuple[int, str, str, tuple[str, ...], str, str, str]:
        i = next(n)
        dateline, sides, killer, military, ministry = WARS[i % len(WARS)]
        words, ids = (sides + CIVILIANS)[(i // len(WARS)) % (len(sides) + len(CIVILIANS))]
        return i, dateline, words, ids, killer, military, ministry

    # passive: "12 Ukrainian soldiers were killed"
    for outcome, lemmas in PASSIVE.items():
        for lemma in lemmas:
            for words, key, _ in COUNTS:
                i, dl, victims, ids, killer, mil, mini = pick()
                aux = ("were", "have been", "had been")[i % 3]
                body = f"{words} {victims} {aux} {ADVERBS[i % 3]}{_form(lemma, 'VBN')} in the attack"
                yield f"passive:{outcome}:{lemma}", f"{dl} {_claimed(i, body, mil, mini)}", [(ids, outcome, key)]
    # intransitive: "12 Ukrainian soldiers died"
    for outcome, lemmas in INTRANSITIVE.items():
        for lemma in lemmas:
            for words, key, _ in COUNTS:
                i, dl, victims, ids, killer, mil, mini = pick()
                body = f"{words} {victims} {_form(lemma, 'VBD')} in the fighting"
                yield f"intransitive:{outcome}:{lemma}", f"{dl} {_claimed(i, body, mil, mini)}", [(ids, outcome, key)]
    # active: "Russian forces killed 12 Ukrainian soldiers"; gerund after a clause
    for outcome, lemmas in ACTIVE.items():
        for lemma in lemmas:
            for words, key, _ in COUNTS:
                i, dl, victims, ids, killer, mil, mini = pick()
                if i % 2:
                    body = f"{killer} {_form(lemma, 'VBD')} {words} {victims} on Sunday"
                else:
                    body = f"{killer} shelled the town on Sunday, {_form(lemma, 'VBG')} {words} {victims}"
                yield f"active:{outcome}:{lemma}", f"{dl} {_claimed(i, body, mil, mini)}", [(ids, outcome, key)]
    # states: "15 Ukrainian soldiers were missing"
    for outcome, states in STATES.items():
        for state in states:
            for words, key, _ in COUNTS[:8]:
                i, dl, victims, ids, killer, mil, mini = pick()
                body = f"{words} {victims} {state}"
                yield f"state:{outcome}", f"{dl} {_claimed(i, body, mil, mini)}", [(ids, outcome, key)]
    # vague amounts without a figure: "several Ukrainian soldiers were killed"
    for word in VAGUE_WORDS:
        for outcome, lemma in (("killed", "kill"), ("wounded", "wound"), ("captive", "capture"),
                               ("captive", "take prisoner"), ("killed", "die")):
            for _ in range(3):
                i, dl, victims, ids, killer, mil, mini = pick()
                verb = _form(lemma, "VBD") if lemma == "die" else f"had been {_form(lemma, 'VBN')}"
                body = f"{word} {victims} {verb} in the assault"
                yield f"vague:{word}", f"{dl} {_claimed(i, body, mil, mini)}", [(ids, outcome, ("vague",))]
    # a single person: "a Ukrainian soldier was killed", "one junta soldier died", "an officer",
    # "a Syrian soldier, Ivo Marek, died"
    for det in ("a", "one", "an officer", "a named"):
        for outcome, lemma in (("killed", "kill"), ("wounded", "wound"), ("killed", "die"), ("captive", "capture")):
            for _ in range(3):
                i, dl, victims, ids, killer, mil, mini = pick()
                if ids[0] in ("civilians", "all"):
                    victims, ids = "civilians", ("civilians",)
                single = _SINGULAR.get(victims.rsplit(" ", 1)[-1], victims.rsplit(" ", 1)[-1])
                words = f"{victims.rsplit(' ', 1)[0]} {single}" if " " in victims else single
                if det == "an officer":
                    words, ids = "officer", ids + ("unknown",)  # no side word: the side may stay unknown
                article = "an" if words[:1].lower() in "aeiou" else "a"
                phrase = {"a": f"{article} {words}", "one": f"one {words}", "an officer": f"{article} {words}",
                          "a named": f"{article} {words}, Ivo Marek,"}[det]
                verb = "died" if lemma == "die" else f"was {_form(lemma, 'VBN')}"
                body = f"{phrase} {verb} in the attack"
                yield f"single:{det}", f"{dl} {_claimed(i, body, mil, mini)}", [(ids, outcome, ("best", 1))]
    # partitives of the claimant's own side: "the Ukrainian military said 12 of its soldiers were killed"
    for noun in ("soldiers", "fighters", "troops", "own fighters", "servicemen"):
        for outcome, verb in (("killed", "were killed"), ("wounded", "were wounded"), ("killed", "died"),
                              ("captive", "were captured")):
            i, dl, victims, ids, killer, mil, mini = pick()
            own = {"KYIV": ("the Ukrainian military", "ukraine"), "JERUSALEM": ("the Israeli military", "israel"),
                   "KHARTOUM": ("the Sudanese army", "sudan"), "YANGON": ("the Arakan Army", "arakan_army"),
                   "BAMAKO": ("the Malian army", "mali"), "ADEN": ("the Houthis", "houthis"),
                   "DAMASCUS": ("the Syrian army", "syrian_government")}[dl.split(",")[0]]
            yield f"partitive:{noun}", f"{dl} {_cap(own[0])} said 12 of its {noun} {verb} in the battle.", \
                [((own[1],), outcome, ("best", 12))]
    # nationality plurals: "two Israelis were killed", "three Malawian peacekeepers"
    for plural, adj, cid in (("Israelis", "Israeli", "israel"), ("Ukrainians", "Ukrainian", "ukraine"),
                             ("Russians", "Russian", "russia"), ("Malawians", "Malawian", "malawi"),
                             ("South Africans", "South African", "south_africa"), ("Sudanese", "Sudanese", "sudan"),
                             ("Pakistanis", "Pakistani", "pakistan")):
        for i, body in enumerate((f"two {plural} were killed in the attack", f"a strike killed three {plural}",
                                  f"three {adj} peacekeepers were killed in the clashes")):
            accepted = (cid, "civilians", "unknown") if i < 2 else (cid, "peacekeepers")
            yield f"nationality:{'plural' if i < 2 else 'adjective'}", f"JOHANNESBURG, South Africa (Reuters) - {_cap(body)}.", \
                [(accepted, "killed", ("best", 2 if i == 0 else 3))]
    # nominal outcomes: "suffered 300 casualties", "losses exceeded 3,000 men"
    for i, (tmpl, outcome, key) in enumerate([
            ("{V} suffered more than 3,000 casualties", "casualties", ("low", 3000)),
            ("{V} lost 40 {N} in the battle", ("casualties", "killed"), ("best", 40)),
            ("{A} losses exceeded 3,000 men", ("casualties", "killed"), ("low", 3000)),
            ("the death toll among {N} rose to 45", "killed", ("best", 45)),
            ("the bodies of 20 {N} were recovered", "killed", ("best", 20)),
            ("20 {N} were taken hostage", "captive", ("best", 20)),
            ("20 {N} were taken as hostages", "captive", ("best", 20)),
            ("20 {N} were arrested", "captive", ("best", 20)),
            ("about 600 {N} surrendered", "captive", ("best", 600))]):
        for dl, sides, killer, mil, mini in WARS:
            words, ids = sides[i % len(sides)]
            adj, noun = words.split(" ", 1)
            s = tmpl.format(V=f"{adj} forces" if adj[0].isupper() else words, N=words, A=adj)
            outs = outcome if isinstance(outcome, tuple) else (outcome,)
            yield f"nominal:{tmpl.split(' ')[1]}", f"{dl} {_claimed(i, s, mil, mini)}", [(ids, o, key) for o in outs]


NEGATIVE_TEMPLATES = [
    "{K} destroyed 12 tanks and 30 armoured vehicles on Sunday.", "{K} fired 40 rockets at the town overnight.",
    "The government pledged $12 million for reconstruction.", "In 2014, the army deployed 3,000 troops to the region.",
    "The prison was built to hold about 800 prisoners.", "{K} deployed 2,000 {V} to the front.",
    "Twelve {V} were rescued from the rubble unharmed.", "The 40 {V} were released in a prisoner exchange.",
    "A 12-year-old boy watched the convoy pass.", "The brigade has 3,000 {V} under its command.",
    "Some 500 {V} were trained by the mission last year.", "The camp shelters about 12,000 people.",
    "Seven villages were shelled overnight, but no casualties were reported.",
    "{K} said it had struck 15 targets, including 3 command posts.",
    "The 1994 genocide killed some 800,000 people in Rwanda.", "The Iran-Iraq war of the 1980s killed hundreds of thousands.",
    "About 40 {V} took part in the parade.", "More than 300 {V} graduated from the academy on Monday.",
    "The hospital has 200 beds and treated 12 {V} last year for routine illnesses.",
    "{K} said 20 of its drones were launched at the base.", "The army recruited 5,000 {V} in March.",
]


def negatives() -> Iterator[tuple[str, str]]:
    n = count()
    for tmpl in NEGATIVE_TEMPLATES:
        for _ in range(3):
            i = next(n)
            dl, sides, killer, mil, mini = WARS[i % len(WARS)]
            yield tmpl, f"{dl} {_cap(tmpl.format(K=killer, V=sides[0][0]))}"


def rows(text: str) -> list[tuple[str, str, int | None, int | None, str | None]]:
    from extractors import extract_article
    return [(c.victim_actor, c.outcome, c.count.low, c.count.best, c.claimant)
            for c in extract_article(text, "matrix", date(2024, 5, 3)).casualty_claims]


def _count_ok(key: tuple, low: int | None, best: int | None) -> bool:
    if key[0] == "best":
        return best == key[1]
    if key[0] == "low":
        return low == key[1]
    return best is None


def judge(text: str, expected: list[tuple[tuple[str, ...], str, tuple]]) -> tuple[bool, bool]:
    """(a row gives the expected fact (any of its alternatives), a row that matches none came out)."""
    got = rows(text)

    def fits(r: tuple, e: tuple) -> bool:
        return r[0] in e[0] and r[1] == e[1] and _count_ok(e[2], r[2], r[3])
    ok = any(fits(r, e) for r in got for e in expected)
    extra = any(not any(fits(r, e) for e in expected) for r in got)
    return ok, extra


def coverage() -> tuple[Counter, Counter, Counter, list[str], list[str]]:
    """Per family: sentences, right, with an extra row; the misses; the negatives that gave a row."""
    total, right, extra = Counter(), Counter(), Counter()
    misses: list[str] = []
    for frame, text, expected in positives():
        family = frame.split(":")[0]
        ok, more = judge(text, expected)
        total[family] += 1
        right[family] += ok
        extra[family] += more
        if not ok or more:
            misses.append(f"{'MISS' if not ok else 'EXTRA'} {frame} | {text} | {rows(text)}")
    false = [f"{tmpl} | {text} | {rows(text)}" for tmpl, text in negatives() if rows(text)]
    return total, right, extra, misses, false
