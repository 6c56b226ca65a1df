"""`irgroups report`: a self-contained HTML page and a markdown version, with PNG plots."""

from irgroups.report.render import build_report, collect

__all__ = ["build_report", "collect"]
