"""``sitrep eval --direct`` end to end (real extractors, real files in a temp folder).

These tests check the command's output shape, not the extractors' quality, which changes
while the rules are written.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitrep.cli import main

REPO = Path(__file__).resolve().parents[2]

ARTICLE_A = ("Government troops recaptured the village of Zor Mahruq on Tuesday, a military source said. "
             "Nine fighters were killed in the fighting.")
ARTICLE_B = ("About 2000 people left their homes near Jisr al-Shughur this week. "
             "The river there is 15 km long.")
MANIFEST = "file,title,outlet,published_at,language\na.txt,,,2019-05-15,en\nb.txt,,,2019-05-16,en\n"
GOLD = """
articles:
  a.txt:
    published_at: 2019-05-15
    control_changes:
      - {place: Zor Mahruq, new_controller: syrian_government, change_type: recapture, event_date: 2019-05-14}
    casualty_claims:
      - {victim: [opposition, unknown], victim_type: combatant, outcome: killed, qualifier: exact, best: 9, optional: true}
  b.txt:
    published_at: 2019-05-16
    displacement_figures:
      - {population: displaced, best: 2000, qualifier: approximately, is_projection: false}
    must_not:
      - {type: any, best: 15}
"""
TYPE_LINE = re.compile(r"^(control_change|casualty_claim|displacement_figure|equipment_loss|all)\s+"
                       r"(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)$", re.M)


@pytest.fixture
def tiny(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    return folder, gold


def test_direct_mode_end_to_end_as_a_module(tiny):
    folder, gold = tiny
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "eval", "--direct", "--articles", str(folder), "--gold", str(gold)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "2 articles scored" in out
    table = {m.group(1): [int(x) for x in m.groups()[1:7]] for m in TYPE_LINE.finditer(out)}
    assert set(table) == {"control_change", "casualty_claim", "displacement_figure", "equipment_loss", "all"}
    rows, true, false, optional, gold_facts, found = table["all"]
    assert rows == true + false + optional
    assert gold_facts == 2 and 0 <= found <= 2
    assert table["casualty_claim"][4] == 0  # the only casualty fact is optional
    assert "-- Misses" in out and "-- False rows" in out and "-- must_not violations" in out
    assert re.search(r"Evidence offsets: \d+ rows checked, 0 failures", out)


def test_direct_mode_json_counts_agree_with_misses(tiny, capsys):
    folder, gold = tiny
    assert main(["eval", "--direct", "--articles", str(folder), "--gold", str(gold), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 2
    scores = result["gold"]["scores"]
    assert scores["all"]["gold"] == 2
    assert len(result["gold"]["misses"]) == scores["all"]["gold"] - scores["all"]["gold_found"]
    assert len(result["gold"]["false_rows"]) == scores["all"]["false_rows"]
    assert result["evidence"]["checked"] == sum(result["rows"].values())


@pytest.mark.parametrize("argv, message", [
    (["--direct"], "--direct needs --articles"),
    (["--direct", "--articles", "/no/such/folder"], "articles not found"),
    (["--direct", "--articles", "ARTICLES", "--gold", "/no/such/gold.yaml"], "gold file not found"),
    (["--direct", "--articles", "ARTICLES", "--gold", "BAD_YAML"], "not valid YAML"),
    (["--direct", "--articles", "ARTICLES", "--fakes", "/no/such.csv"], "FA-KES CSV not found"),
])
def test_bad_input_exits_2_with_a_clear_message(tiny, tmp_path, capsys, argv, message):
    folder, _ = tiny
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles: {a.txt: [unclosed\n", encoding="utf-8")
    argv = [str(folder) if a == "ARTICLES" else str(bad) if a == "BAD_YAML" else a for a in argv]
    assert main(["eval", *argv]) == 2
    assert message in capsys.readouterr().err


def test_gold_without_any_corpus_article_is_an_error(tiny, tmp_path, capsys):
    folder, _ = tiny
    other = tmp_path / "other.yaml"
    other.write_text("articles:\n  zzz.txt: {casualty_claims: [{victim: all, outcome: killed, best: 1}]}\n")
    assert main(["eval", "--direct", "--articles", str(folder), "--gold", str(other)]) == 2
    assert "none of the 1 articles" in capsys.readouterr().err


def test_direct_mode_on_the_seeds_prints_per_type_scores(shared_dir):
    seeds = shared_dir / "seeds"
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "eval", "--direct", "--articles", str(seeds),
         "--gold", str(seeds / "gold.yaml")],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "5 articles scored" in done.stdout
    types = {m.group(1) for m in TYPE_LINE.finditer(done.stdout)}
    assert types == {"control_change", "casualty_claim", "displacement_figure", "equipment_loss", "all"}
    assert re.search(r"Evidence offsets: \d+ rows checked, \d+ failures", done.stdout)


def test_several_gold_files_score_as_one_set_and_overlaps_are_refused(tiny, tmp_path, capsys):
    folder, gold = tiny
    data = yaml.safe_load(GOLD)
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(yaml.safe_dump({"articles": {"a.txt": data["articles"]["a.txt"]}}), encoding="utf-8")
    second.write_text(yaml.safe_dump({"articles": {"b.txt": data["articles"]["b.txt"]}}), encoding="utf-8")
    assert main(["eval", "--direct", "--articles", str(folder), "--gold", str(first), "--gold", str(second), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gold"]["scores"]["all"]["gold"] == 2
    assert main(["eval", "--direct", "--articles", str(folder), "--gold", str(gold), "--gold", str(first)]) != 0
    assert "more than one gold file" in capsys.readouterr().err


def test_direct_mode_reads_articles_with_the_warehouse_inbox_reader(tmp_path):
    """Any inbox format the warehouse reads is scored: a .jsonl file with its own ids and
    dates, and an HTML page (main text extracted), just as the warehouse would read them."""
    from evaluation.sources import load_articles
    from warehouse.inbox import read_inbox

    folder = tmp_path / "inbox"
    folder.mkdir()
    lines = [{"id": "u1", "text": ARTICLE_A, "published_at": "2019-05-15"},
             {"id": "u2", "text": ARTICLE_B, "published_at": "2019-05-16"}]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    articles = {a.article_id: a for a in load_articles(folder)}
    assert set(articles) == {"u1", "u2"}
    assert str(articles["u1"].published_at) == "2019-05-15"
    warehouse_texts = sorted(r.text for r in read_inbox(folder).records)
    assert sorted(a.text for a in articles.values()) == warehouse_texts
    # one file given alone is read as a one-file inbox
    single = {a.article_id for a in load_articles(folder / "wire.jsonl")}
    assert single == {"u1", "u2"}
