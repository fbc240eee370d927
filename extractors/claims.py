"""Typed claims: what every extractor returns.

A claim is one fact as one article states it. Every claim carries the shared columns of
the warehouse contract (evidence sentence with exact offsets, claimant, dates, place,
extractor version); each fact type adds its own fields. ``to_row()`` flattens a claim
into the contract's column names, which is what the warehouse stores.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cached_property
from typing import Any, ClassVar

from .version import EXTRACTOR_VERSION
from .records import fast_init

QUALIFIERS = ("exact", "at_least", "more_than", "approximately", "up_to", "vague")
DATE_PRECISIONS = ("day", "range", "week", "month", "year", "unknown")
GEO_PRECISIONS = ("place", "admin1", "country", "unresolved")


@fast_init
@dataclass(frozen=True)
class Evidence:
    """The sentence a claim was read from: ``article_text[start:end] == text``."""

    text: str
    start: int
    end: int


@fast_init
@dataclass(frozen=True)
class Count:
    """A number of people or things, UCDP style. ``best`` is None for vague amounts."""

    low: int | None
    best: int | None
    high: int | None
    qualifier: str = "exact"


@fast_init
@dataclass(frozen=True)
class DateSpan:
    """When a fact happened. Both ends None (precision 'unknown') when the text gives no anchor."""

    start: date | None = None
    end: date | None = None
    precision: str = "unknown"


UNKNOWN_DATE = DateSpan()


@fast_init
@dataclass(frozen=True)
class Place:
    """A place as written, resolved against the gazetteer when possible."""

    name: str
    place_id: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: str = "unresolved"
    place_type: str | None = None  # settlement, admin1, road, prison, base, airport, area... (geo.types)

    @property
    def type(self) -> str:
        """``place_type``, else read from the name and precision."""
        from .geo.types import place_type  # late import: geo reads the reference files
        return self.place_type or place_type(self.name, None, self.precision)


@fast_init
@dataclass(frozen=True, kw_only=True)
class Claim:
    """Shared columns of every fact table."""

    fact_type: ClassVar[str] = "claim"

    article_id: str
    evidence: Evidence
    claimant: str | None = None  # normalised ("SOHR", "Syrian army"); None when not stated
    claimant_text: str | None = None  # the article's words for the claimant
    when: DateSpan = UNKNOWN_DATE
    place: Place | None = None
    extractor_version: str = EXTRACTOR_VERSION

    def identity(self) -> tuple[Any, ...]:
        """Fields that tell two claims of the same type in the same sentence apart."""
        return ()

    @cached_property  # read by linking, de-duplication and to_row: hashed once per claim
    def claim_id(self) -> str:
        """Deterministic: same article text and extractor version give the same id."""
        key = "|".join(
            str(part)
            for part in (
                self.fact_type, self.article_id, self.extractor_version,
                self.evidence.start, self.evidence.end, *self.identity(),
            )
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def to_row(self) -> dict[str, Any]:
        """Flatten into the warehouse contract's column names."""
        place = self.place or Place(name="")
        row: dict[str, Any] = {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "claimant": self.claimant,
            "claimant_text": self.claimant_text,
            "date_start": self.when.start,
            "date_end": self.when.end,
            "date_precision": self.when.precision,
            "place_name": place.name or None,
            "place_id": place.place_id,
            "admin1": place.admin1,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "geo_precision": place.precision if self.place else "unresolved",
            "place_type": place.type if self.place and place.name else None,
            "evidence_text": self.evidence.text,
            "evidence_start": self.evidence.start,
            "evidence_end": self.evidence.end,
            "extractor_version": self.extractor_version,
        }
        shared = {f.name for f in fields(Claim)}
        for f in fields(self):
            if f.name in shared:
                continue
            value = getattr(self, f.name)
            if isinstance(value, Count):
                row.update(
                    count_low=value.low, count_best=value.best,
                    count_high=value.high, qualifier=value.qualifier,
                )
            else:
                row[f.name] = value
        return row


@fast_init
@dataclass(frozen=True, kw_only=True)
class ControlChange(Claim):
    fact_type: ClassVar[str] = "control_change"

    new_controller: str | None
    new_controller_label: str | None
    previous_controller: str | None = None
    previous_controller_label: str | None = None
    change_type: str  # capture, recapture, withdrawal, entry, encirclement, surrender

    def identity(self) -> tuple[Any, ...]:
        return (self.place.name if self.place else "", self.new_controller, self.change_type)


@fast_init
@dataclass(frozen=True, kw_only=True)
class CasualtyClaim(Claim):
    fact_type: ClassVar[str] = "casualty_claim"

    victim_actor: str  # actor id, "civilians", or "all" for a mixed total
    victim_label: str | None
    victim_type: str  # civilian, combatant, mixed, unknown
    outcome: str  # killed, wounded, casualties, missing, captive
    count: Count
    period_start: date | None = None
    period_end: date | None = None
    perpetrator_actor: str | None = None
    part_of: str | None = None  # claim id of the total this figure is a part of ("among them")
    is_background: bool = False  # about another war or country than the article's own

    def identity(self) -> tuple[Any, ...]:
        return (self.victim_actor, self.outcome, self.count.low, self.count.best)


@fast_init
@dataclass(frozen=True, kw_only=True)
class DisplacementFigure(Claim):
    fact_type: ClassVar[str] = "displacement_figure"

    population: str  # displaced, refugees, evacuated, returnees
    count: Count
    is_projection: bool = False
    measure: str = "flow"  # stock (displaced at a date) or flow (new displacements), IDMC style
    as_of: date | None = None  # the date the figure describes when the text says ("As of 12 March")
    cause: str = "unknown"  # conflict, disaster, unknown

    def identity(self) -> tuple[Any, ...]:
        return (self.population, self.count.low, self.count.best, self.is_projection)


@fast_init
@dataclass(frozen=True, kw_only=True)
class EquipmentLoss(Claim):
    fact_type: ClassVar[str] = "equipment_loss"

    equipment_text: str
    model: str | None
    category: str
    status: str  # destroyed, damaged, abandoned, captured
    quantity: int | None = None
    qualifier: str | None = None
    owner_actor: str | None = None
    captor_actor: str | None = None
    hedged: bool = False  # "allegedly", "reportedly", "claimed to have": kept, flagged

    def identity(self) -> tuple[Any, ...]:
        return (self.equipment_text, self.model, self.status)


@dataclass
class ArticleClaims:
    """Everything extracted from one article, by fact type."""

    control_changes: list[ControlChange] = field(default_factory=list)
    casualty_claims: list[CasualtyClaim] = field(default_factory=list)
    displacement_figures: list[DisplacementFigure] = field(default_factory=list)
    equipment_losses: list[EquipmentLoss] = field(default_factory=list)

    def all(self) -> list[Claim]:
        return [*self.control_changes, *self.casualty_claims,
                *self.displacement_figures, *self.equipment_losses]


def as_dict(value: Any) -> dict[str, Any]:
    """Plain-dict view of any of the value types above (for debugging and tests)."""
    return asdict(value)
