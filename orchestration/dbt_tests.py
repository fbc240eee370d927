"""dbt data tests as ONE Dagster asset check per model (``dbt_tests``), not one per test.

Recording an asset check costs Dagster a planned event when the run is created and an
evaluation event when it runs, each written to its event log; with ~220 dbt tests that was
~440 events and the largest fixed cost of a small refresh. Here every model (or seed) with
tests has one check, ``dbt_tests``, blocking when any of its tests has severity ``error``; its
result lists every test of the model with its status and failing-row count (a Markdown table
in the check's metadata), so a person sees which test failed and on how many rows, and the
check's description names the failing tests. dbt still runs every test: a failing ``error``
test also fails ``dbt build``, so the run stops before publication either way.

A singular test that reads several models is listed in the check of each of them. A
model's per-column rules (unique, not_null, accepted_values, relationships) are one dbt test,
``column_rules`` (dbt_project/tests/generic/column_rules.sql): when it fails, ``explain`` (the
failing rows grouped by the rule they break) names each failing rule and column in the check.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import dagster as dg

CHECK_NAME = "dbt_tests"
FAILING = {"fail", "error", "warn", "skipped", "runtime error"}


def tests_of(manifest: Mapping[str, Any], model_uid: str) -> list[str]:
    """Unique ids of the data tests that read ``model_uid`` (generic and singular)."""
    return sorted(uid for uid in manifest.get("child_map", {}).get(model_uid, []) if uid.startswith("test."))


def test_label(manifest: Mapping[str, Any], test_uid: str) -> str:
    node = manifest["nodes"].get(test_uid, {})
    return node.get("name") or test_uid


def folded_check_spec(manifest: Mapping[str, Any], asset_spec: dg.AssetSpec, model_uid: str,
                      deps: Iterable[dg.AssetKey]) -> dg.AssetCheckSpec | None:
    """The one check of a model: blocking when any of its tests is severity ``error``."""
    tests = tests_of(manifest, model_uid)
    if not tests:
        return None
    severities = {(manifest["nodes"][t].get("config", {}).get("severity") or "error").lower() for t in tests}
    names = ", ".join(test_label(manifest, t) for t in tests)
    return dg.AssetCheckSpec(
        name=CHECK_NAME, asset=asset_spec.key, blocking="error" in severities,
        additional_deps=[k for k in deps if k != asset_spec.key],
        description=f"{len(tests)} dbt data test(s) of this model, in one check: {names}"[:2000],
        metadata={"dbt_tests": len(tests)},
    )


def test_result(event: Any) -> tuple[str, dict[str, Any]] | None:
    """(test unique id, result) when ``event`` is dagster-dbt's record of a dbt test, else None."""
    if not isinstance(event, (dg.AssetObservation, dg.AssetCheckResult, dg.AssetCheckEvaluation)):
        return None
    metadata = event.metadata or {}
    uid = getattr(metadata.get("unique_id"), "value", metadata.get("unique_id"))
    if not isinstance(uid, str) or not uid.startswith("test."):
        return None
    status = getattr(metadata.get("status"), "value", metadata.get("status"))
    failures = getattr(metadata.get("dagster_dbt/failed_row_count"), "value",
                       metadata.get("dagster_dbt/failed_row_count"))
    return uid, {"status": str(status or "unknown").lower(), "failures": failures}


def markdown(rows: list[tuple[str, str, Any]]) -> str:
    lines = ["| test | status | failing rows |", "|---|---|---|"]
    lines += [f"| {name} | {status} | {'' if failures is None else failures} |" for name, status, failures in rows]
    return "\n".join(lines)


Explain = Callable[[str], list[tuple[str, int]]]  # test unique id -> [(failing rule, rows)]


def column_rules_explainer(manifest: Mapping[str, Any], target_path: Path,
                           connect: Callable[[], AbstractContextManager[Any]]) -> Explain:
    """``explain`` for ``column_rules`` tests: the query dbt compiled for the test (in this dbt
    run's target folder) run again on the build, its failing rows counted per rule. Only a
    failing test is explained; when that is impossible the check still fails, without the
    breakdown."""

    def explain(test_uid: str) -> list[tuple[str, int]]:
        node = manifest["nodes"].get(test_uid, {})
        if (node.get("test_metadata") or {}).get("name") != "column_rules":
            return []
        compiled = Path(target_path, "compiled", node["package_name"], node["original_file_path"], node["path"])
        try:
            sql = compiled.read_text()
            with connect() as conn:
                return [(str(rule), int(n)) for rule, n in conn.execute(
                    f"SELECT failed_rule, count(*) FROM ({sql}) GROUP BY 1 ORDER BY 1").fetchall()]
        except Exception:  # noqa: BLE001 (the failure is reported anyway)
            return []

    return explain


def failing_rows(manifest: Mapping[str, Any], results: Mapping[str, dict[str, Any]], ran: list[str],
                 explain: Explain | None) -> list[tuple[str, str, Any]]:
    """(label, status, failing rows) per test that ran; a failing ``column_rules`` test gives one
    row per rule it found broken, labelled ``<test>: <rule>(<column>)``."""
    rows: list[tuple[str, str, Any]] = []
    for uid in ran:
        label, status, failures = test_label(manifest, uid), results[uid]["status"], results[uid]["failures"]
        broken = explain(uid) if explain is not None and status in FAILING and status != "skipped" else []
        rows += [(f"{label}: {rule}", status, n) for rule, n in broken] or [(label, status, failures)]
    return rows


def check_results(manifest: Mapping[str, Any], checks: Mapping[dg.AssetKey, str],
                  results: Mapping[str, dict[str, Any]], explain: Explain | None = None) -> Iterator[dg.AssetCheckResult]:
    """One result per model check (``checks``: asset key -> model unique id) whose tests ran."""
    for key, model_uid in checks.items():
        tests = tests_of(manifest, model_uid)
        ran = [t for t in tests if t in results]
        if not ran:
            continue
        rows = failing_rows(manifest, results, ran, explain)
        failing = [(name, status, n) for name, status, n in rows if status in FAILING]
        hard = [row for row in failing if row[1] != "warn"]
        yield dg.AssetCheckResult(
            asset_key=key, check_name=CHECK_NAME, passed=not failing,
            severity=dg.AssetCheckSeverity.ERROR if hard or not failing else dg.AssetCheckSeverity.WARN,
            description=None if not failing else "failing dbt tests: " + ", ".join(
                f"{name} ({status}{'' if n is None else f', {n} rows'})" for name, status, n in failing),
            metadata={"tests_run": len(ran), "tests_failed": len({uid for uid in ran if results[uid]["status"] in FAILING}),
                      "failing_tests": ", ".join(name for name, _, _ in failing) or "none",
                      "tests": dg.MetadataValue.md(markdown(rows))},
        )


def fold_test_events(events: Iterable[Any], manifest: Mapping[str, Any], checks: Mapping[dg.AssetKey, str],
                     explain: Explain | None = None) -> Iterator[Any]:
    """The dbt events without the per-test records, then one check result per model; when dbt
    fails, the check results (showing the failing tests) come before the error."""
    results: dict[str, dict[str, Any]] = {}
    try:
        for event in events:
            found = test_result(event)
            if found is None:
                yield event
            else:
                results[found[0]] = found[1]
    except BaseException:
        yield from check_results(manifest, checks, results, explain)
        raise
    yield from check_results(manifest, checks, results, explain)
