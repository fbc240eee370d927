"""More frame families for the control matrix (helper control11): sentences GENERATED from
templates written for this module (none is taken from an article), each with the rows it must
give, in several wars. The families are the classes the round-11 survey of open texts found
missing (``/work/wt/_notes/control11_classes.txt``):

- ``reference``: a place named in one sentence and taken in a later one by "the village",
  "the town", "the region", "the airport" (a name the gazetteer does not know counts as a
  settlement when the article calls it a village or town anywhere);
- ``state_now``: "X is now in the hands of Y", "X is now under the control of Y" (a state made
  new by "now"; without it no row, see the negatives);
- ``whole``: "the whole of X", "the entire X" as the object;
- ``heads``: "the kibbutz of X", "the road junction of X", "the port of X", "the township of X";
- ``evacuated``: "Y evacuated X" by the side that leaves (a known place only);
- ``where_named``: "took X on the border with Y", "took X, a town on ...": an unknown name
  taken, a place by what follows it.

``positives()`` yields (frame, text, expected) as ``control_matrix.positives`` does;
``negatives()`` yields (frame, text) that must give no change of hands.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import count

# (agent wording, actor id, a gazetteer settlement of its war, the loser's wording)
WARS = [
    ("the Syrian army", "syrian_government", "Morek", "rebels"),
    ("rebels", "opposition", "Kafr Nabuda", "government troops"),
    ("Islamic State militants", "isis", "Palmyra", "government forces"),
    ("the SDF", "sdf", "Manbij", "Islamic State fighters"),
    ("Russian forces", "russia", "Avdiivka", "Ukrainian troops"),
    ("Ukrainian troops", "ukraine", "Kherson", "Russian forces"),
    ("the RSF", "rsf", "Wad Madani", "the army"),
    ("Iraqi forces", "iraq", "Ramadi", "Islamic State militants"),
    ("the Taliban", "taliban", "Lashkar Gah", "government troops"),
    ("M23 rebels", "m23", "Goma", "Congolese troops"),
]
# Names no gazetteer knows, shaped as places of those wars.
UNKNOWN = ["Tal Sikkin", "Umm Jarrah", "Deir Khabiya", "Kutkai", "Namhsan", "Awasse", "Mbau", "Ishasha"]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def positives() -> Iterator[tuple[str, str, set[tuple[str, str, str]]]]:
    n = count()

    def war() -> tuple[str, str, str, str]:
        return WARS[next(n) % len(WARS)]

    refs = [
        ("Heavy fighting was reported in the village of {p} on Sunday. {A} later captured the village.", "village"),
        ("{L} shelled the town of {p} overnight. {A} took full control of the town after heavy fighting.", "town"),
        ("Clashes erupted in the village of {u} on Monday. Residents said fighting in {u} went on for hours. "
         "{A} are now in control of the village, a monitor said.", "called"),
        ("An attack on the town of {u} began at dawn. Smoke rose over {u} all day. {A} seized the town by nightfall.", "called"),
    ]
    for tmpl, kind in refs:
        for i in range(len(WARS)):
            agent, actor, place, loser = war()
            name = UNKNOWN[i % len(UNKNOWN)] if kind == "called" else place
            text = tmpl.format(p=place, u=name, A=_cap(agent), L=_cap(loser))
            yield "reference:" + kind, text, {(name, actor, "new")}
    for region, actor, agent in (("Kharkiv region", "ukraine", "Ukrainian troops"), ("Hama province", "syrian_government", "the Syrian army"),
                                 ("Donetsk region", "russia", "Russian forces"), ("Idlib province", "opposition", "rebels")):
        for tmpl in ("Fighting spread across {r} on Monday. {A} took control of the region within a week.",
                     "An offensive began in {r} last month. {A} regained control of the province on Friday."):
            yield "reference:region", tmpl.format(r=region, A=_cap(agent)), {(region, actor, "new")}
    for tmpl in ("{p} is now in the hands of {A}.", "{p} is now under the control of {A}, a monitor said.",
                 "{p} is now firmly in the hands of {A} after a week of fighting.", "The town of {p} is now under the full control of {A}."):
        for _ in range(len(WARS)):
            agent, actor, place, _l = war()
            yield "state_now", _cap(tmpl.format(p=place, A=agent)), {(place, actor, "new")}
    for tmpl in ("{A} regained control of the whole of {p}.", "{A} captured the entire {p} area on Sunday.",
                 "{A} took full control of the whole of {p} after heavy fighting."):
        for _ in range(len(WARS)):
            agent, actor, place, _l = war()
            yield "whole", _cap(tmpl.format(p=place, A=agent)), {(place, actor, "new")}
    for agent, actor, head, name in (("Israeli troops", "israel", "kibbutz", "Kfar Aza"), ("Hamas gunmen", "hamas", "kibbutz", "Nahal Oz"),
                                     ("Rwandan troops", "rwanda", "road junction", "Awasse"), ("Houthi fighters", "houthis", "port", "Mokha"),
                                     ("the Arakan Army", "arakan_army", "township", "Namhsan"), ("M23 rebels", "m23", "road junction", "Ishasha")):
        for verb in ("captured", "retook", "seized", "took"):
            yield "heads:" + head, _cap(f"{agent} {verb} the {head} of {name} on Tuesday."), {(name, actor, "new")}
    for agent, actor, place in (("Government troops", "afghanistan", "Kunduz"), ("Russian forces", "russia", "Kherson"),
                                ("Rebels", "opposition", "Daraya"), ("Ukrainian troops", "ukraine", "Avdiivka")):
        for tail in (" on Sunday.", " overnight as the enemy advanced.", " after a two-week siege."):
            yield "evacuated", f"{agent} evacuated {place}{tail}", {(place, actor, "prev")}
    for agent, actor in (("The Arakan Army", "arakan_army"), ("M23 rebels", "m23"), ("The Taliban", "taliban"), ("The TNLA", "tnla")):
        for name in UNKNOWN[3:7]:
            for tail in (" on the border with China.", ", a trading town on the road to the border, on Monday."):
                yield "where_named", f"{agent} took {name}{tail}", {(name, actor, "new")}


NEGATIVE_TEMPLATES = [
    "{p} is in the hands of {A}.", "{p} has been in the hands of {A} since 2014.", "{p} was under the control of {A} before the war.",
    "{A} evacuated civilians from {p} on Sunday.", "{A} were evacuated from {p} by helicopter.", "Aid workers evacuated {p}'s wounded.",
    "{A} evacuated to {p} after the deal.", "{A} left for {p} on Monday.", "The fighters were left in {p} without supplies.",
    "{A} tried to take control of the whole of {p}.", "{A} aim to capture the entire {p} area.",
    "{A} took Ahmed, a commander, on the border with Turkey as a hostage.",
    "Fighting was reported in the village of {p}. {A} shelled the village overnight.",
    "Heavy clashes hit {p} on Sunday. {A} failed to take the town.",
]


def negatives() -> Iterator[tuple[str, str]]:
    n = count()
    for tmpl in NEGATIVE_TEMPLATES:
        for _ in range(3):
            agent, _actor, place, _l = WARS[next(n) % len(WARS)]
            yield tmpl, _cap(tmpl.format(p=place, A=agent))
