"""`irgroups report`: a self-contained HTML page and a markdown version, with PNG plots, and
groups.html, a self-contained browser of the run's groups."""

from irgroups.report.groups import collect_groups, write_groups_browser
from irgroups.report.render import build_report, collect

__all__ = ["build_report", "collect", "collect_groups", "write_groups_browser"]
