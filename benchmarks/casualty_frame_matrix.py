"""Coverage of the casualty frame matrix (tests/extractors/casualty_matrix.py): per frame
family, how many generated sentences give their expected row, how many give a row that
matches nothing expected, and how many negative sentences give any casualty row.

    PYTHONPATH=. .venv/bin/python benchmarks/casualty_frame_matrix.py [--misses N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "extractors"))

from casualty_matrix import coverage, negatives  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses / extra rows and all false negatives")
    args = parser.parse_args()
    total, right, extra, misses, false = coverage()
    print(f"{'frame family':<14} {'sentences':>9} {'right':>6} {'share':>6} {'extra row':>9}")
    for family in total:
        print(f"{family:<14} {total[family]:>9} {right[family]:>6} {right[family] / total[family]:>6.2f} {extra[family]:>9}")
    n, r = sum(total.values()), sum(right.values())
    print(f"{'all':<14} {n:>9} {r:>6} {r / n:>6.2f} {sum(extra.values()):>9}")
    print(f"negatives giving a row: {len(false)} of {sum(1 for _ in negatives())}")
    for line in misses[:args.misses]:
        print(line)
    if args.misses:
        for line in false:
            print("FALSE", line)


if __name__ == "__main__":
    main()
