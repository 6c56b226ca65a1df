"""The `irgroups` command line: one module per command, one error handler and one set of exit codes
(irgroups/cli/errors.py). `build` and `train` take their options from BuildConfig and TrainConfig."""

from __future__ import annotations

import click

from irgroups import __version__
from irgroups.cli.build import build
from irgroups.cli.errors import Group, epilog
from irgroups.cli.eval import eval_cmd
from irgroups.cli.execute import execute_cmd
from irgroups.cli.llvm import llvm_groups
from irgroups.cli.publish import publish
from irgroups.cli.report import report
from irgroups.cli.sandbox import sandbox
from irgroups.cli.stats import stats
from irgroups.cli.train import train


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"],
                                          "auto_envvar_prefix": "IRGROUPS"}, epilog=epilog())
@click.version_option(__version__, prog_name="irgroups")
@click.option("-v", "--verbose", count=True, help="More log lines (-vv: debug).")
@click.option("-q", "--quiet", is_flag=True, help="Warnings and errors only.")
def main(verbose: int, quiet: bool) -> None:
    """Build verified IR-group datasets (GEPO / OORL) from programming problems with tests.

    Every option can also come from the environment: IRGROUPS_<COMMAND>_<OPTION>, e.g.
    IRGROUPS_BUILD_WORKERS=16 or IRGROUPS_BUILD_SANDBOX=docker (the command line wins)."""
    import logging

    # our own logger, with its own handler: a library that reconfigures the root logger on import
    # (several do) cannot silence it
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    ours = logging.getLogger("irgroups")
    ours.handlers.clear()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    ours.addHandler(handler)
    ours.setLevel(level)
    ours.propagate = False
    if verbose > 1:
        logging.basicConfig(level=logging.DEBUG, force=True)


for command in (build, stats, sandbox, train, publish, eval_cmd, execute_cmd, report, llvm_groups):
    main.add_command(command)

__all__ = ["main"]
