"""The DuckDB side of Sitrep: reading the inbox, the raw schema, loading and query helpers."""
