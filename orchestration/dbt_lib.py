"""dagster-dbt, imported without dbt-core: what Sitrep uses of it, from one place.

dagster-dbt imports dbt-core's Python package when it can (``dagster_dbt/compat.py``): ~3 CPU
s in every Dagster process (mashumaro compiles dbt's classes at import), a fifth of what a
small refresh spends outside dbt itself. Sitrep's Dagster process never needs it: dbt runs
as its own process (``DbtCliResource.cli``), the dbt version is read from the installed
package (``resources.py``), the asset specs come from ``target/manifest.json`` with the
default selection (every node, which dagster-dbt then takes from the manifest without dbt's
selector), and no dbt adapter is opened in-process. dagster-dbt supports running without
dbt-core (for dbt Fusion), so here it is imported as if dbt-core were absent; afterwards
``import dbt`` works as usual for anyone else in the process. Set ``SITREP_DAGSTER_DBT_CORE=1``
to import it the ordinary way.

Import dagster-dbt's names from here, never from ``dagster_dbt`` directly, so this runs first.
"""
from __future__ import annotations

import os
import sys

_HIDDEN = "dbt.version"  # the module whose ImportError makes dagster-dbt skip dbt-core

if "dagster_dbt" not in sys.modules and os.environ.get("SITREP_DAGSTER_DBT_CORE") != "1":
    _before = sys.modules.get(_HIDDEN)
    sys.modules[_HIDDEN] = None  # type: ignore[assignment]  # `import dbt.version` raises ImportError
    try:
        import dagster_dbt  # noqa: F401
    finally:
        if _before is None:
            del sys.modules[_HIDDEN]
        else:
            sys.modules[_HIDDEN] = _before

from dagster_dbt import (  # noqa: E402
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliInvocation,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)

__all__ = ["DagsterDbtTranslator", "DagsterDbtTranslatorSettings", "DbtCliInvocation", "DbtCliResource", "DbtProject", "dbt_assets"]
