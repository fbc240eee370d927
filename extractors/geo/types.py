"""The type of a place (``seeds/reference/places_types.yaml``) and metonyms ("Damascus
said": a government, not a place)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..reference import load_yaml


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_yaml("places_types.yaml")


@lru_cache(maxsize=1)
def _word_types() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for kind, words in _vocab()["name_words"].items():
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        out.append((kind, re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)))
    return tuple(out)


_COUNT_PHRASE = re.compile(
    r"^(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|several|many|some|a\s+number)\s",
    re.IGNORECASE)


@lru_cache(maxsize=8192)
def place_type(name: str, gazetteer_kind: str | None = None, precision: str = "unresolved") -> str:
    """settlement, admin1, country, airport, base, prison, road, crossing, facility,
    neighbourhood, area, or unknown. Words of the name decide first ("Hama military
    airport" is an airport), then the gazetteer's kind, then the precision; a count
    phrase ("18 villages and towns") is an area; a bare proper name the gazetteer does not
    know is taken as a settlement (most such names in war reports are villages)."""
    if precision == "country":
        return "country"
    if _COUNT_PHRASE.match(name.strip()):
        return "area"
    for kind, pattern in _word_types():
        if pattern.search(name):
            if kind == "admin1" and precision not in ("admin1",) and gazetteer_kind is None:
                return "area" if precision == "unresolved" else "admin1"
            return kind
    if gazetteer_kind:
        return _vocab()["gazetteer_kinds"].get(gazetteer_kind, "settlement")
    if precision == "admin1":
        return "admin1"
    if re.fullmatch(r"(?:(?:[A-Z][\w'’ʼ`-]*|al|el|ad|ar|as|ash|az|an|ed|ez)[\s-]*)+", name.strip()):
        return "settlement"
    return "unknown"


@lru_cache(maxsize=1)
def _metonym_pattern() -> tuple[frozenset[str], re.Pattern[str]]:
    names = frozenset(n.lower() for n in _vocab()["metonym_names"])
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(_vocab()["metonym_verbs"], key=len, reverse=True))
    return names, re.compile(rf"^(?:\s+|(?=['’]s))(?:{verbs})(?![\w-])", re.IGNORECASE)


def is_metonym(name: str, after: str) -> bool:
    """True when ``name`` (a capital) followed by ``after`` stands for its government:
    "Damascus said", "Moscow's forces", "Ankara-backed" ..."""
    names, pattern = _metonym_pattern()
    if name.strip().lower() not in names:
        return False
    return bool(pattern.match(after.replace("’", "'")) or re.match(r"^-(?:backed|allied|led)\b", after))
