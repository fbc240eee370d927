"""Displacement on IDMC-style humanitarian excerpts: recall of labelled figures and figures
per excerpt, plus the accuracy of population, measure (stock/flow), cause and as_of on the
figures found.

    python -m evaluation.displacement_excerpts [--excerpts FILE] [--misses]

The default file is ``tests/extractors/data/displacement_excerpts.yaml`` (excerpts we wrote
in the style of OCHA/IDMC/UNHCR updates from many countries; see its header). A labelled
figure is found when the excerpt yields a displacement figure whose best (else low) count
equals it; each extracted figure matches at most one label.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "tests" / "extractors" / "data" / "displacement_excerpts.yaml"
ATTRIBUTES = ("population", "measure", "cause", "as_of")


@dataclass
class ExcerptScores:
    excerpts: int = 0
    labelled: int = 0
    found: int = 0
    extracted: int = 0
    attribute_right: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ATTRIBUTES})
    attribute_total: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ATTRIBUTES})
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def per_excerpt(self) -> float:
        return self.extracted / self.excerpts if self.excerpts else 0.0


def load_excerpts(path: Path = DEFAULT_FILE) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["excerpts"]


def _value(figure: Any) -> int | None:
    return figure.count.best if figure.count.best is not None else figure.count.low


def score(excerpts: list[dict[str, Any]]) -> ExcerptScores:
    from extractors import extract_article

    scores = ExcerptScores()
    for excerpt in excerpts:
        published = excerpt.get("published_at")
        published = published if isinstance(published, date) else None
        rows = extract_article(excerpt["text"], excerpt["id"], published).displacement_figures
        scores.excerpts += 1
        scores.extracted += len(rows)
        unused = list(rows)
        for label in excerpt.get("figures") or []:
            scores.labelled += 1
            wanted = label.get("best", label.get("low"))  # a range is labelled low/high, no best
            match = next((r for r in unused if _value(r) == wanted), None)
            if match is None:
                scores.misses.append(f"{excerpt['id']}: {wanted} {label.get('population')}")
                continue
            unused.remove(match)
            scores.found += 1
            for attribute in ATTRIBUTES:
                if attribute == "as_of" and "as_of" not in label:
                    continue
                scores.attribute_total[attribute] += 1
                scores.attribute_right[attribute] += getattr(match, attribute, None) == label.get(attribute)
        scores.misses.extend(f"{excerpt['id']}: extra {_value(r)} {r.population}" for r in unused)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--excerpts", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--misses", action="store_true", help="list missed labels and extra figures")
    args = parser.parse_args(argv)
    scores = score(load_excerpts(args.excerpts))
    print(f"excerpts:              {scores.excerpts}")
    print(f"labelled figures:      {scores.labelled}")
    print(f"recall:                {scores.recall:.2f}  ({scores.found}/{scores.labelled})")
    print(f"figures per excerpt:   {scores.per_excerpt:.2f}  ({scores.extracted}/{scores.excerpts})")
    for attribute in ATTRIBUTES:
        total = scores.attribute_total[attribute]
        if total:
            print(f"{attribute + ' accuracy:':<22} {scores.attribute_right[attribute] / total:.2f}  "
                  f"({scores.attribute_right[attribute]}/{total})")
    if args.misses:
        for line in scores.misses:
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
