"""DuckLake as Sitrep's team warehouse: catalog in PostgreSQL, Parquet data in a directory or
an s3:// bucket, selected with ``SITREP_WAREHOUSE=ducklake`` (see ``settings.py``)."""
