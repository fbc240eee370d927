"""A faster ``__init__`` for the frozen dataclasses the extractors make by the ten thousand.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__``
(the class's own ``__setattr__`` refuses): a function call per field, about twice the cost of
the object's whole construction otherwise. ``fast_init`` replaces it with one that stores
the fields straight into the instance ``__dict__``, which is what ``object.__setattr__`` does
for a plain attribute: the same instances (same ``__dict__``, in the same order), equality,
hashing, ``repr``, ``dataclasses.replace`` and the refusal to assign afterwards are
unchanged. A pass over the dev set builds ~60,000 such records (speed11b).

Only for the simple shape: frozen, no ``__slots__``, no ``__post_init__``, every field an
``__init__`` argument (all positional-or-keyword, or all keyword-only) with at most a plain
default, and no field name a data descriptor of the class. Any other class is returned as
it is.
"""
from __future__ import annotations

import dataclasses
import inspect
from typing import TypeVar

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """``cls`` (a frozen dataclass) with its fields stored directly (see the module)."""
    if not _simple(cls):
        return cls
    fields = dataclasses.fields(cls)
    defaults = {f"_default_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    params = ", ".join(f.name + (f"=_default_{f.name}" if f.default is not dataclasses.MISSING else "") for f in fields)
    if any(f.kw_only is True for f in fields):  # then all are (``_simple``)
        params = "*, " + params  # ``kw_only=True``: every field a keyword
    body = "".join(f"\n    _fields[{f.name!r}] = {f.name}" for f in fields)
    source = f"def __init__(self, {params}):\n    _fields = self.__dict__{body}\n"
    namespace: dict = {}
    exec(source, dict(defaults), namespace)  # noqa: S102 - the field names only, from the class itself
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls


def _simple(cls: type) -> bool:
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init or "__slots__" in vars(cls):
        return False
    if hasattr(cls, "__post_init__"):
        return False
    for f in dataclasses.fields(cls):
        if (not f.init or f.default_factory is not dataclasses.MISSING
                or not f.name.isidentifier() or f.name.startswith("_")):
            return False
        for klass in cls.__mro__:
            attribute = vars(klass).get(f.name)
            if attribute is not None and hasattr(type(attribute), "__set__"):
                return False
    # the generated __init__ takes exactly the fields, in order, with their defaults (no InitVar)
    expected = [(f.name, f.default) for f in dataclasses.fields(cls)]
    given = [(p.name, p.default if p.default is not inspect.Parameter.empty else dataclasses.MISSING)
             for p in list(inspect.signature(cls.__init__).parameters.values())[1:]]
    kinds = {p.kind for p in list(inspect.signature(cls.__init__).parameters.values())[1:]}
    keywords = kinds == {inspect.Parameter.KEYWORD_ONLY} and all(f.kw_only is True for f in dataclasses.fields(cls))
    return given == expected and (kinds <= {inspect.Parameter.POSITIONAL_OR_KEYWORD} or keywords)
