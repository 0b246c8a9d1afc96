"""Great Expectations suites for the migration warehouse and the bridge that runs them on DataFrames."""
