"""The Sitrep report: one self-contained HTML file (map, control timeline, casualty
spread, equipment losses Oryx style, displacement), every row linked to its evidence.

``report.build.write_report(conn, path)`` writes it; ``sitrep report --out PATH`` and the
Dagster asset ``report/sitrep_report`` call that.
"""
