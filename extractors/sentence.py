"""One annotation pass per sentence: every mention the fact extractors read.

``SentenceMentions`` finds, once per sentence, the actors (with their sides per theatre),
the places (gazetteer matches with their type, and the proper names the gazetteer does
not know), the counts with their qualifiers, the dates, the claimant and the equipment
items, each with offsets into the sentence. Extractors read these spans
(``ctx.mentions``) instead of re-scanning the text for another extractor's mentions; a
slice (``actors_in(start, end)``) gives the mentions inside a part of the sentence with
offsets rebased to that part, as a scan of the part alone would.

Each kind is computed when first asked for (a sentence without a trigger word never pays
for proper-name reading) and then kept for every extractor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from . import claimants, dates, numbers
from .actors import ActorMention, find_actors
from .places import PlaceMention, find_places
from .sides import NOT_ARMED, side_of, theatres
from .records import fast_init

# City names that stand for a government ("Damascus", "Moscow" as actor aliases) are
# places, not actors, after a place preposition ("near Damascus").
_METONYMS = frozenset({"damascus", "moscow"})
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|of|from|to|outside|around|towards?|capital|city|and)\s+(?:the\s+)?$", re.IGNORECASE)


@fast_init
@dataclass(frozen=True)
class ActorRef:
    """An actor mention with its sides: {theatre: side} (empty for civilians / unknown)."""

    mention: ActorMention

    @property
    def armed(self) -> bool:
        return self.mention.actor_id not in NOT_ARMED

    @property
    def sides(self) -> dict[str, str]:
        return {t: side_of(self.mention.actor_id, t) or "" for t in theatres(self.mention.actor_id)}


@fast_init
@dataclass(frozen=True, eq=False)
class SentenceMentions:
    """The mentions of one sentence (offsets into ``text``)."""

    text: str
    published_at: date | None = None
    claimant: str | None = None  # normalised claimant in force for this sentence
    claimant_text: str | None = None

    @cached_property
    def actors(self) -> tuple[ActorMention, ...]:
        """Armed actors and civilians, without capitals used as places ("near Damascus")."""
        from .mentions.reported_agents import with_reported_agents
        return with_reported_agents(self.text, tuple(
            m for m in find_actors(self.text)
            if not (m.label.lower() in _METONYMS and _PLACE_PREPOSITION.search(self.text[: m.start]))
        ))

    @cached_property
    def actor_refs(self) -> tuple[ActorRef, ...]:
        return tuple(ActorRef(m) for m in self.actors)

    @cached_property
    def places(self) -> tuple[PlaceMention, ...]:
        """Gazetteer places (project gazetteer, then the theatre countries' GeoNames places)
        with precision and type; metonyms ("Damascus said") left out."""
        return tuple(find_places(self.text))

    @cached_property
    def names(self) -> tuple:
        """Proper names read as places, known or not (``names.PlaceSpan``: an unknown
        name keeps precision ``unresolved`` and a type read from its words)."""
        from .mentions.names import names_in  # late import: names reads the control vocabulary
        return tuple(names_in(self.text, 0))

    @cached_property
    def counts(self) -> tuple[numbers.CountMention, ...]:
        return tuple(numbers.find_counts(self.text))

    @cached_property
    def dates(self) -> tuple[dates.DateMention, ...]:
        return tuple(dates.find_dates(self.text, self.published_at))

    @cached_property
    def stated_claimant(self) -> claimants.ClaimantMention | None:
        """The claimant the sentence itself names ("..., SOHR said"), if any."""
        return claimants.find_claimant(self.text)

    @cached_property
    def equipment(self) -> tuple:
        from .equipment import find_equipment  # late import: equipment reads this module's users
        return tuple(find_equipment(self.text))

    def actors_in(self, start: int, end: int | None = None) -> list[ActorMention]:
        """Actor mentions wholly inside ``text[start:end]``, offsets relative to ``start``."""
        end = len(self.text) if end is None else end
        return [ActorMention(m.label, m.actor_id, m.start - start, m.end - start)
                for m in self.actors if m.start >= start and m.end <= end]

    def places_in(self, start: int, end: int | None = None) -> list[PlaceMention]:
        """Place mentions wholly inside ``text[start:end]`` (offsets into the sentence)."""
        end = len(self.text) if end is None else end
        return [m for m in self.places if m.start >= start and m.end <= end]
