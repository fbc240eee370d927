"""Assets by stage: ingestion (inbox -> raw), extraction (raw -> claims), dbt (claims -> marts)."""
