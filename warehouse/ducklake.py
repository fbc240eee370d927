"""``SITREP_WAREHOUSE=ducklake``: imported by ``warehouse.storage.get_store`` on demand; registers
the DuckLake backend (``warehouse/lake/``)."""
from warehouse.storage import register_store

from .lake.store import DuckLakeStore

register_store("ducklake", lambda _path=None: DuckLakeStore.from_env())
