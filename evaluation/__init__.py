"""Evaluation of extracted claims against hand-made gold annotations and FA-KES labels.

Modules:
- :mod:`evaluation.matching`: whether a row (contract column names) matches a gold fact;
  the matching rules are documented there.
- :mod:`evaluation.scoring`: precision, recall, attribute accuracy and must_not over a gold file.
- :mod:`evaluation.fakes_scoring`: FA-KES main-toll recall and victim-type accuracy.
- :mod:`evaluation.evidence`: evidence offsets give back the evidence sentence.
- :mod:`evaluation.gold`: reading and checking a gold file (the seeds' ``gold.yaml`` shape).
- :mod:`evaluation.sources`: where rows come from: a built warehouse (``--db``) or the
  extractors run in-process over a folder or a FA-KES-style CSV (``--direct``).
- :mod:`evaluation.report`: plain-text rendering of the results.
"""
from .errors import EvaluationInputError

__all__ = ["EvaluationInputError"]
