"""Sitrep extractors: conflict-news text in, typed claims out.

Pure Python: no Dagster, no DuckDB. Rules and vocabularies live as data under
``seeds/reference``. Entry point: :func:`extract_article`.
"""
from .claims import (
    EXTRACTOR_VERSION,
    ArticleClaims,
    CasualtyClaim,
    Claim,
    ControlChange,
    Count,
    DateSpan,
    DisplacementFigure,
    EquipmentLoss,
    Evidence,
    Place,
)
from .pipeline import extract_article

__all__ = [
    "EXTRACTOR_VERSION", "ArticleClaims", "CasualtyClaim", "Claim", "ControlChange", "Count",
    "DateSpan", "DisplacementFigure", "EquipmentLoss", "Evidence", "Place", "extract_article",
]
