"""The NumPy MinHash of warehouse/dedupe.py gives exactly datasketch's band keys, so bands
stored by earlier refreshes (computed with datasketch) stay valid candidates."""
from __future__ import annotations

import numpy as np
from datasketch import MinHash

from sitrep.bench_corpus import articles, sentence_pool
from warehouse.dedupe import LSH_BANDS, LSH_ROWS, NUM_PERM, lsh_bands, lsh_bands_many, shingle_hashes


def datasketch_bands(text: str) -> list[int]:
    sketch = MinHash(num_perm=NUM_PERM, hashfunc=lambda v: v, scheme="affine32")
    sketch.update_batch(shingle_hashes(text).tolist())
    values = np.asarray(sketch.hashvalues, dtype=np.uint64).reshape(LSH_BANDS, LSH_ROWS)
    key = values[:, 0].copy()
    for row in range(1, LSH_ROWS):
        key = (key * np.uint64(0x100000001B3)) ^ values[:, row]
    return key.view(np.int64).tolist()


def test_band_keys_equal_datasketch_for_long_short_and_empty_texts() -> None:
    texts = [a["text"] for a in articles(60, seed=3, pool=sentence_pool(use_fakes=False))]
    texts += ["", "Two words", "Aleppo fell on Friday; 12 were killed.", "word " * 3000]
    expected = [datasketch_bands(t) for t in texts]
    assert lsh_bands_many(texts) == expected  # batch: texts of many sizes share NumPy blocks
    assert [lsh_bands(t) for t in texts] == expected
    assert len({tuple(b) for b in expected}) == len(texts)
