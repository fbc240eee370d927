"""``extractors.EXTRACTOR_VERSION``: a hash of the extractor code and reference data."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import extractors
from extractors import version

REPO = Path(__file__).resolve().parents[2]


def _version_in_subprocess(env_extra: dict[str, str]) -> str:
    import os

    env = {**os.environ, "PYTHONPATH": str(REPO), **env_extra}
    done = subprocess.run([sys.executable, "-c", "import extractors; print(extractors.EXTRACTOR_VERSION)"],
                          capture_output=True, text=True, env=env, check=True, cwd=REPO)
    return done.stdout.strip()


def test_version_is_a_short_hash_of_the_rules_on_disk():
    assert re.fullmatch(r"[0-9a-f]{12}", extractors.EXTRACTOR_VERSION)
    assert extractors.EXTRACTOR_VERSION == version.compute_version()
    labels = [label for label, _ in version.rule_files()]
    assert "extractors/casualties.py" in labels and "reference/casualty_cues.yaml" in labels
    assert not any("__pycache__" in label for label in labels)


def test_a_changed_reference_file_gives_a_new_version_and_the_cache_follows(tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(REPO / "seeds" / "reference", reference)
    cache = tmp_path / "cache"
    env = {"SITREP_REFERENCE_DIR": str(reference), "XDG_CACHE_HOME": str(cache)}
    first = _version_in_subprocess(env)
    assert first == extractors.EXTRACTOR_VERSION  # same files, same hash: paths do not count
    assert (cache / "sitrep" / "extractor_version.json").is_file()
    assert _version_in_subprocess(env) == first  # from the cache
    with (reference / "casualty_cues.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# one more comment\n")
    assert _version_in_subprocess(env) != first


def test_claim_ids_carry_the_version():
    claims = extractors.extract_article("Five civilians were killed in Idlib on Monday.", "a1")
    assert claims.casualty_claims
    assert all(c.extractor_version == extractors.EXTRACTOR_VERSION for c in claims.casualty_claims)
