"""Dagster definitions only: assets, checks, resources, schedules and sensors."""
