"""A synthetic corpus for scale tests: distinct articles made of recombined sentences of the
sample articles (``seeds/articles``) and, when present, FA-KES dev (``../shared/benchmarks/
fakes/dev.csv``), written as JSONL files of 1,000 articles. Deterministic for a given seed;
texts are read at run time, never copied into the repository."""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from warehouse.inbox import read_inbox

REPO = Path(__file__).resolve().parent.parent
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
PER_FILE = 1000
SENTENCES_PER_ARTICLE = 12
PUBLISHED_AT = "2025-12-31"  # after every date the sentences mention: no claim is dated after it


def fakes_csv() -> Path | None:
    for shared in (REPO.parent / "shared", Path("/work/shared")):
        path = shared / "benchmarks" / "fakes" / "dev.csv"
        if path.is_file():
            return path
    return None


def sentence_pool(use_fakes: bool = True) -> list[str]:
    """Distinct sentences of the sample articles (and FA-KES dev when present)."""
    texts = [r.text for r in read_inbox(REPO / "seeds" / "articles").records]
    fakes = fakes_csv() if use_fakes else None
    if fakes is not None:
        import polars as pl

        texts += [t for t in pl.read_csv(fakes, infer_schema=False)["article_content"].to_list() if t]
    seen: dict[str, None] = {}
    for text in texts:
        for sentence in SENTENCE.split(" ".join(text.split())):
            if 40 <= len(sentence) <= 400:
                seen.setdefault(sentence, None)
    return list(seen)


def articles(n: int, seed: int = 0, pool: list[str] | None = None) -> Iterator[dict[str, str]]:
    """``n`` distinct articles (dicts in the inbox's JSON shape)."""
    pool = pool or sentence_pool()
    rng = random.Random(seed)
    made: set[str] = set()
    while len(made) < n:
        text = " ".join(rng.sample(pool, min(SENTENCES_PER_ARTICLE, len(pool))))
        if text in made:
            continue
        made.add(text)
        i = len(made)
        yield {"id": f"bench-{seed}-{i}", "title": f"Bench article {seed}-{i}", "outlet": "Bench Wire",
               "published_at": PUBLISHED_AT, "text": text}


def write_corpus(folder: Path, n: int, seed: int = 0, prefix: str = "part", pool: list[str] | None = None) -> list[Path]:
    """Write ``n`` articles as ``<prefix>-NNNN.jsonl`` files of up to 1,000 under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    handle = None
    for i, article in enumerate(articles(n, seed, pool)):
        if i % PER_FILE == 0:
            if handle:
                handle.close()
            files.append(folder / f"{prefix}-{len(files):04d}.jsonl")
            handle = open(files[-1], "w", encoding="utf-8")
        handle.write(json.dumps(article) + "\n")
    if handle:
        handle.close()
    return files
