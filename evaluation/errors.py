"""The one error type the evaluation raises for bad input (the CLI turns it into exit code 2)."""
from __future__ import annotations


class EvaluationInputError(Exception):
    """A missing file, unreadable gold file, missing warehouse table, or similar."""
