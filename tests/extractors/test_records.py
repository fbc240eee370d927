"""``records.fast_init``: a frozen dataclass built by the faster ``__init__`` is the same
object as one the dataclass's own ``__init__`` builds (fields, order, equality, hash,
replace, refusal to assign), and classes of another shape are left as they are."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace

import pytest

from extractors import claims
from extractors.actors import ActorMention
from extractors.records import fast_init


@dataclass(frozen=True)
class _Plain:
    name: str
    start: int
    end: int = 0
    kind: str | None = None


@fast_init
@dataclass(frozen=True)
class _Fast:
    name: str
    start: int
    end: int = 0
    kind: str | None = None


@fast_init
@dataclass(frozen=True, kw_only=True)
class _Keywords:
    a: int
    b: str = "x"


def test_same_instances() -> None:
    for args, kwargs in (((("n", 1)), {}), (("n", 1, 5), {}), (("n",), {"start": 2, "kind": "k"})):
        plain, fast = _Plain(*args, **kwargs), _Fast(*args, **kwargs)
        assert vars(plain) == vars(fast) and list(vars(plain)) == list(vars(fast))
        assert hash(dataclasses.astuple(plain)) == hash(dataclasses.astuple(fast))
    assert _Fast("n", 1) == _Fast("n", 1) and hash(_Fast("n", 1)) == hash(_Fast("n", 1, 0, None))
    assert replace(_Fast("n", 1), end=4) == _Fast("n", 1, 4)
    assert repr(_Fast("n", 1)).endswith("_Fast(name='n', start=1, end=0, kind=None)")


def test_still_frozen_and_checked() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Fast("n", 1).end = 3
    with pytest.raises(TypeError):
        _Fast("n")  # a required field missing
    with pytest.raises(TypeError):
        _Fast("n", 1, 2, None, 5)
    with pytest.raises(TypeError):
        _Keywords(1)  # keyword-only
    assert _Keywords(a=1) == _Keywords(a=1, b="x")


def test_other_shapes_kept() -> None:
    @dataclass(frozen=True)
    class WithPost:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True)
    class WithFactory:
        a: list = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class WithSlots:
        a: int

    @dataclass
    class Mutable:
        a: int

    for cls in (WithPost, WithFactory, WithSlots, Mutable):
        before = cls.__init__
        assert fast_init(cls).__init__ is before


def test_extractor_records() -> None:
    assert ActorMention("the army", "syrian_army", 0, 8) == ActorMention(label="the army", actor_id="syrian_army", start=0, end=8)
    claim = claims.CasualtyClaim(article_id="a", evidence=claims.Evidence("t", 0, 1), victim_actor="civilians",
                                 victim_label=None, victim_type="civilian", outcome="killed",
                                 count=claims.Count(3, 3, 3))
    assert claim.when is claims.UNKNOWN_DATE and claim.place is None
    assert replace(claim, claimant="SOHR").claimant == "SOHR"
    assert replace(claim, article_id="b").claim_id != claim.claim_id
