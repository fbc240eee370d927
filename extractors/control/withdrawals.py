"""Withdrawals told with the forces as the object, and orders to leave (helper control6):
"Russia said it had withdrawn its troops from the town of Lyman", "Israel withdrew the 98th
Division from Khan Younis", "he had ordered troops to withdraw from Avdiivka", "ordered its
troops to leave the town of Vuhledar". Lemmas and force nouns are ``withdraw_forces`` in
``control_frames.yaml``; every verb form is generated. The trigger ends right before the
place, so the object reader of every other verb reads it."""
from __future__ import annotations

from functools import lru_cache

from ..reference import load_yaml
from .frames import inflections


@lru_cache(maxsize=1)
def _frame() -> dict:
    return load_yaml("control_frames.yaml")["withdraw_forces"]


def _forms(lemmas: list[str]) -> str:
    forms = {f for lemma in lemmas for f in inflections(lemma)}
    return "|".join(sorted(forms, key=len, reverse=True))


def _leave_forms() -> str:
    """"withdraw from", "pull out of", "leave": the phrase's first word in its bare form."""
    return "|".join(sorted((p.replace(" ", r"\s+") for p in _frame()["leave_phrases"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, str, str], ...]:
    """(form, change, pattern) of the two families (form ``withdraw_forces``: a unit inside may be a name), for ``triggers._trigger_patterns``."""
    frame = _frame()
    forces = "|".join(sorted(frame["force_nouns"], key=len, reverse=True))
    owner = r"(?:(?:its|their|the|all|his|her|remaining|all\s+of\s+its|all\s+its)\s+)?"
    return (
        ("withdraw_forces", "withdrawal",
         rf"(?<![\w-])(?:{_forms(frame['verbs'])})\s+{owner}(?:[\w'’-]+\s+){{0,3}}?(?:{forces})\s+"
         r"(?:back\s+)?(?:out\s+of|out\s+from|from)\s+(?=(?:the\s+)?[\w\"“])"),
        ("withdraw_forces", "withdrawal",
         rf"(?<![\w-])(?:{_forms(frame['order_verbs'])})\s+{owner}(?:[\w'’-]+\s+){{0,3}}?(?:{forces})\s+"
         rf"to\s+(?:{_leave_forms()})\s+"),
    )


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Words the two families can start with."""
    frame = _frame()
    return frozenset(f for lemma in frame["verbs"] + frame["order_verbs"] for f in inflections(lemma))
