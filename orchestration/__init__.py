"""Dagster orchestration for Sitrep: assets by stage, checks, schedule, sensor, resources."""
