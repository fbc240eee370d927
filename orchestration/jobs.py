"""The refresh job: inbox -> raw -> claims -> marts, with every check."""
import dagster as dg

refresh_job = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description="Read the inbox, extract claims, rebuild the dbt marts and run every check.",
)
