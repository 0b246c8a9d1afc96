"""Pure extraction and normalisation: text in, typed migration figures out (no Dagster, no DuckDB)."""
