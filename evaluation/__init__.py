"""Evaluation of extracted claims against hand-made gold annotations and FA-KES labels.

Modules:
- :mod:`evaluation.scoring`: pure matching and scoring functions over row dicts (contract
  column names) and gold facts; the matching rules are documented there.
- :mod:`evaluation.gold`: reading and checking a gold file (the seeds' ``gold.yaml`` shape).
- :mod:`evaluation.sources`: where rows come from: a built warehouse (``--db``) or the
  extractors run in-process over a folder or a FA-KES-style CSV (``--direct``).
- :mod:`evaluation.report`: plain-text rendering of the results.
"""
from .errors import EvaluationInputError

__all__ = ["EvaluationInputError"]
