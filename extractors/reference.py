"""Reference data (aliases, gazetteer, catalogues, vocabularies) kept as CSV/YAML files.

By default the files are read from the repository's ``seeds/reference`` folder; set
``SITREP_REFERENCE_DIR`` to use another copy. Loaded once per process.
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


def reference_dir() -> Path:
    return Path(os.environ.get("SITREP_REFERENCE_DIR", DEFAULT_DIR))


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``<reference_dir>/<name>`` as dicts (comment lines starting with # skipped)."""
    path = reference_dir() / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    return tuple(csv.DictReader(lines))


# libyaml's parser with the safe constructor when PyYAML has it (the same documents, read
# several times faster: the vocabularies are most of a new process's start-up)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    with (reference_dir() / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
