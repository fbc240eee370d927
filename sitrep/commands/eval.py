"""``sitrep eval``: score extracted claims against a gold file and/or FA-KES labels::

    sitrep eval --db data/sitrep.duckdb --gold ../shared/seeds/gold.yaml
    sitrep eval --direct --articles ../shared/seeds --gold ../shared/seeds/gold.yaml
    sitrep eval --direct --articles ../shared/benchmarks/fakes/dev.csv \\
        --gold tests/gold/fakes_dev_gold.yaml --fakes ../shared/benchmarks/fakes/dev.csv

Exit code 0 when the evaluation ran (whatever the scores), 2 on bad input.
The matching rules are in :mod:`evaluation.matching`.
"""
from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from evaluation import EvaluationInputError
from evaluation import report as render
from evaluation.gold import FACT_TYPES, load_gold
from evaluation.evidence import check_evidence
from evaluation.fakes_scoring import score_fakes
from evaluation.scoring import score_gold
from evaluation.sources import Corpus, load_direct, load_fakes_records, load_warehouse


def register(subcommands: Any) -> None:
    """Register ``sitrep eval``."""
    parser = subcommands.add_parser(
        "eval", help="score extracted claims against gold annotations and FA-KES labels",
        description="Score extracted claims (from a warehouse, or the extractors run in-process) "
                    "against a gold file and/or FA-KES casualty labels.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", metavar="PATH", help="a built warehouse (DuckDB file, opened read-only)")
    source.add_argument("--direct", action="store_true",
                        help="run extractors.extract_article in-process over --articles")
    parser.add_argument("--articles", metavar="DIR_OR_CSV",
                        help="with --direct: a folder of .txt files (+ manifest.csv) or a FA-KES-style CSV")
    parser.add_argument("--gold", metavar="FILE", action="append",
                        help="gold annotations (the seeds' gold.yaml shape); repeat it to score several files as one set")
    parser.add_argument("--fakes", metavar="CSV", help="FA-KES-style CSV with casualty labels")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="list N FA-KES articles without a hit")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="list at most N misses / false rows / violations per section")
    parser.add_argument("--type", dest="only_type", choices=FACT_TYPES,
                        help="list misses and false rows of this fact type only (scores stay complete)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run_eval)


def place_id_resolver() -> Callable[[str], str | None] | None:
    """Gold place name -> gazetteer id, through the extractors' resolver (None if unavailable)."""
    try:
        from extractors.places import resolve_place
    except ImportError:
        return None

    @lru_cache(maxsize=None)
    def place_id_of(name: str) -> str | None:
        return resolve_place(name).place_id

    return place_id_of


def load_corpus(args: argparse.Namespace) -> tuple[Corpus, str]:
    """The corpus to score and a one-line description of where it came from."""
    if args.db:
        return load_warehouse(args.db), f"warehouse {args.db}"
    if not args.articles:
        raise EvaluationInputError("--direct needs --articles DIR_OR_CSV")
    started = time.perf_counter()
    corpus = load_direct(args.articles)
    seconds = time.perf_counter() - started
    return corpus, f"extractors run in-process on {args.articles} ({seconds:.2f} s incl. loading)"


def rows_for_keys(corpus: Corpus, keys: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Rows grouped by the given gold keys (only keys some article answers to)."""
    grouped = corpus.rows_by_article()
    return {key: grouped[article_id] for key, article_id in corpus.resolve_keys(keys).items()}


def load_gold_files(paths: list[str]) -> dict[str, Any]:
    """Several gold files as one set; an article annotated in two of them is an error."""
    merged: dict[str, Any] = {}
    for path in paths:
        for key, article in load_gold(path).items():
            if key in merged:
                raise EvaluationInputError(f"article {key} is annotated in more than one gold file ({path})")
            merged[key] = article
    return merged


def run_eval(args: argparse.Namespace) -> int:
    if args.articles and args.db:
        raise EvaluationInputError("--articles goes with --direct, not with --db")
    gold = load_gold_files(args.gold) if args.gold else None  # read inputs before the slow part
    gold_name = " + ".join(args.gold) if args.gold else ""
    fakes = load_fakes_records(args.fakes) if args.fakes else None
    corpus, origin = load_corpus(args)

    output: dict[str, Any] = {"source": origin, "articles": len(corpus.articles),
                              "rows": {t: len(corpus.rows[t]) for t in FACT_TYPES}}
    lines = [f"== Source: {origin}",
             f"   {len(corpus.articles)} articles; rows: "
             + ", ".join(f"{t} {len(corpus.rows[t])}" for t in FACT_TYPES)]

    if gold is not None:
        report = score_gold(gold, rows_for_keys(corpus, list(gold)), place_id_resolver())
        if not report.articles_scored:
            raise EvaluationInputError(f"none of the {len(gold)} articles of {gold_name} is in the corpus")
        output["gold"] = render.gold_json(report)
        lines += [""] + render.gold_text(report, gold_name, args.limit, args.only_type)

    if fakes is not None:
        keys = [record.unit_id for record in fakes]
        grouped = rows_for_keys(corpus, keys)
        fakes_report = score_fakes(fakes, {k: v["casualty_claim"] for k, v in grouped.items()}, grouped.keys())
        if not fakes_report.results and not fakes_report.articles_without_number:
            raise EvaluationInputError(f"none of the articles of {args.fakes} is in the corpus")
        texts_by_key = {key: corpus.articles[aid].text for key, aid in corpus.resolve_keys(keys).items()}
        output["fakes"] = render.fakes_json(fakes_report, args.show_misses)
        lines += render.fakes_text(fakes_report, args.fakes, texts_by_key, args.show_misses)

    evidence = check_evidence(corpus.all_rows(), corpus.texts())
    output["evidence"] = render.evidence_json(evidence)
    lines += render.evidence_text_lines(evidence, args.limit if args.limit is not None else 10)

    if args.json:
        print(json.dumps(output, indent=2, default=str))
    else:
        print("\n".join(lines))
    return 0
