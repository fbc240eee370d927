"""A dbt process started early: its start (importing dbt, reading the project, the partial parse)
overlaps ingestion and extraction instead of waiting for them.

A small refresh's dbt spends ~6-7 CPU s before its first model (importing dbt-core: mashumaro
compiles its classes; loading the profile and project; the partial parse), whatever the
number of articles. The ingestion step, once it knows the run will build, calls :func:`start`:
a process (``python -m orchestration.dbt_warm``) imports dbt and parses the project with the
run's dbt environment (``dbtRunner(...).invoke(["parse"])``), then waits on its stdin. The dbt
step calls :func:`take`, which hands that process its one command (arguments and environment,
one JSON line) and returns it as the ``subprocess.Popen`` of a dagster-dbt ``DbtCliInvocation``:
dbt's structured log lines on its stdout, its exit code dbt's (0, 1 failures, 2 error). The
build reuses the parsed manifest (dbt's documented ``dbtRunner(manifest=...)``), so it
parses nothing.

Safe by construction: the process belongs to one run (``run_id``) and to its Dagster process
(it exits when its stdin closes, so a killed run leaves nothing behind; a killed process group
takes it too); when it is missing, gone or belongs to another run, the dbt step runs dbt as
before (``take`` returns None). ``SITREP_DBT_WARM=0`` turns it off.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

from .dbt_project import DBT_PROJECT_DIR

ENV = "SITREP_DBT_WARM"
PARTIAL_PARSE = "partial_parse.msgpack"
_WARM: dict[str, tuple[subprocess.Popen, Path]] = {}  # run id -> (process, its target folder)


def enabled() -> bool:
    return os.environ.get(ENV, "1") != "0"


def dbt_environment(target_path: Path, extra: dict[str, str]) -> dict[str, str]:
    """The environment dagster-dbt gives a dbt command (``DbtCliResource.cli``), plus ``extra``."""
    return {
        **os.environ, **extra,
        "DAGSTER_DBT_CLI": "true", "PYTHONUNBUFFERED": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_LOG_FORMAT": "json", "DBT_TARGET_PATH": str(target_path), "DBT_LOG_PATH": str(target_path),
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR), "DBT_PROJECT_DIR": str(DBT_PROJECT_DIR),
    }


def start(run_id: str, dbt_env: dict[str, str]) -> None:
    """Start this run's dbt process (it imports dbt and parses the project, then waits)."""
    if not enabled():
        return
    stop_others(run_id)
    if run_id in _WARM:
        return
    target = DBT_PROJECT_DIR / "target" / f"warm-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    target.mkdir(parents=True, exist_ok=True)
    parsed = DBT_PROJECT_DIR / "target" / PARTIAL_PARSE
    if parsed.exists():  # as dagster-dbt does: start from the last parse
        shutil.copyfile(parsed, target / PARTIAL_PARSE)
    process = subprocess.Popen([sys.executable, "-m", "orchestration.dbt_warm"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=DBT_PROJECT_DIR,
                               env=dbt_environment(target, dbt_env))
    _WARM[run_id] = (process, target)


def take(run_id: str, args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, Path] | None:
    """This run's waiting dbt process, told to run ``dbt <args>`` with ``env`` added to its
    environment; None when there is none (the caller runs dbt the ordinary way)."""
    stop_others(run_id)
    held = _WARM.pop(run_id, None)
    if held is None:
        return None
    process, target = held
    if process.poll() is not None:
        return None
    command = {"args": args, "env": dbt_environment(target, env)}
    try:
        process.stdin.write((json.dumps(command) + "\n").encode())
        process.stdin.flush()
    except OSError:  # it died meanwhile
        process.kill()
        return None
    process.args = ["dbt", *args]  # what dagster-dbt logs as the command
    return process, target


SELECTION_TAGS = (("dagster_dbt/select", "--select"), ("dagster_dbt/exclude", "--exclude"),
                  ("dagster_dbt/selector", "--selector"))  # the dbt_assets' own selection (op tags)


def warm_invocation(context, dbt, args: list[str], env: dict[str, str], translator):
    """``dbt <args>`` for the step of the dbt asset ``context`` runs, as dagster-dbt's
    ``DbtCliInvocation`` on this run's warm process; None when there is none, or when the step
    runs a subset of the dbt assets or checks (dagster-dbt then computes the selection)."""
    from .dbt_lib import DbtCliInvocation
    from .dbt_project import manifest_json, sitrep_dbt_project

    assets_def = context.assets_def
    if (assets_def.keys_by_output_name != assets_def.node_keys_by_output_name
            or assets_def.check_specs_by_output_name != assets_def.node_check_specs_by_output_name):
        stop_others("")  # a subset: the warm process is not used
        return None
    selection: list[str] = []
    for tag, flag in SELECTION_TAGS:  # as dagster-dbt passes them for a whole (not subset) run
        if context.op.tags.get(tag):
            selection += [flag, context.op.tags[tag]]
    taken = take(context.run.run_id, [*dbt.global_config_flags, *args, *selection], env)
    if taken is None:
        return None
    process, target = taken
    context.log.info(f"dbt runs in the process started at ingestion (pid {process.pid}): {' '.join(process.args)}")
    return DbtCliInvocation(process=process, manifest=manifest_json(), dagster_dbt_translator=translator,
                            project_dir=DBT_PROJECT_DIR, target_path=target, raise_on_error=True,
                            cli_version=dbt._cli_version, project=sitrep_dbt_project(), context=context,
                            adapter=None)


def stop_others(run_id: str) -> None:
    """End warm processes of other runs of this Dagster process (e.g. tests' in-process runs)."""
    for other in [r for r in _WARM if r != run_id]:
        process, _ = _WARM.pop(other)
        if process.poll() is None:
            process.kill()
        process.wait()


def serve() -> int:
    """The warm process: import dbt, parse, wait for the command, run it; dbt's exit code."""
    manifest = None
    try:
        from dbt.cli.main import dbtRunner

        with open(os.devnull, "w") as quiet:
            saved, sys.stdout = sys.stdout, quiet
            try:
                parsed = dbtRunner().invoke(["parse", "--log-level", "none", "--log-level-file", "none",
                                             "--no-write-json"])
            finally:
                sys.stdout = saved
        manifest = parsed.result if parsed.success else None
    except Exception:  # the build below parses (and reports any error) itself
        manifest = None
    line = sys.stdin.readline()
    if not line:  # the run's Dagster process is gone: nothing to do
        return 0
    command = json.loads(line)
    os.environ.clear()
    os.environ.update(command["env"])
    from dbt.cli.main import dbtRunner

    result = dbtRunner(manifest=manifest).invoke(command["args"])
    sys.stdout.flush()
    if result.success:
        return 0
    if result.exception is not None:
        print(f"dbt failed: {result.exception!r}", flush=True)
        return 2
    return 1


if __name__ == "__main__":
    sys.exit(serve())
