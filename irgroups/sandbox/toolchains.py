"""Moved to irgroups/languages/toolchains.py (the sandbox knows no language). Transitional
re-export for the modules that still import it from here (issue 13); it goes with them."""

from irgroups.languages.toolchains import Resolved, check, resolve  # noqa: F401  # re-export
