"""The exit codes of every `irgroups` command, and the one handler that maps errors to them.

`Command` and `Group` are rich-click's (help in panels, errors in colour) with that handler around
every command's body."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
import rich_click
from rich.box import Box
from rich.text import Text
from rich_click.rich_help_formatter import RichHelpFormatter

from irgroups.errors import IrgroupsError, SandboxError

OK = 0
CHECK_FAILED = 1  # `sandbox check`: a toolchain, an image or the sandbox itself is missing
USAGE = 2  # a bad option, recipe, input file or run directory (IrgroupsError); click's usage errors too
SANDBOX_VERDICTS = 3  # `build` finished, but some verdicts are sandbox_error (they get no label)
INFRASTRUCTURE = 4  # SandboxError: the sandbox or a toolchain is unusable; nothing was judged

EXIT_CODES = {
    OK: "success",
    CHECK_FAILED: "`sandbox check` found something missing",
    USAGE: "bad option, recipe, input file or run directory (the message says which)",
    SANDBOX_VERDICTS: "`build` finished, but some verdicts were sandbox_error (no label; see the summary)",
    INFRASTRUCTURE: "the sandbox or a toolchain is unusable (infrastructure error; nothing was judged)",
}


def epilog() -> Text:
    """The exit codes as `--help` shows them, one a line (rich-click prints a Text as it is, unwrapped)."""
    return Text("Exit codes:\n" + "\n".join(f"  {code}  {text}" for code, text in EXIT_CODES.items()))


@contextmanager
def handled() -> Iterator[None]:
    """An IrgroupsError becomes one clear line on stderr and its exit code, instead of a traceback."""
    try:
        yield
    except SandboxError as e:
        click.echo(f"infrastructure error: {e}", err=True)
        raise SystemExit(INFRASTRUCTURE) from None
    except IrgroupsError as e:
        click.echo(f"error: {e}", err=True)
        raise SystemExit(USAGE) from None


# help and usage errors written to a file or a pipe (logs, tests, `| less`), where rich would assume 80 columns
PIPED_WIDTH = 120
# rich-click's look, with each panel under a rule with its title and no other lines, and an option's names and
# value in one column (`-v, --verbose INTEGER`), as click writes them: a help text or an error message wrapped
# over lines has nothing but spaces between its words, so it reads (and copies, and greps) as written
RULE = Box("────\n" + "    \n" * 7)
RICH_HELP: dict[str, Any] = {
    **{f"style_{kind}_panel_box": RULE for kind in ("options", "commands", "errors")},
    "options_table_column_types": ["required", "opt_all_metavar", "help"],
    "delimiter_comma": ", ", "delimiter_slash": " / ", "append_metavars_help_string": "{}",
}


class HelpFormatter(RichHelpFormatter):
    """rich-click's, PIPED_WIDTH wide when stdout is no terminal and no width is set (TERMINAL_WIDTH, the
    context's terminal_width), so long option names, choices and the exit codes keep to one line each."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(indent_increment, width, max_width, **kwargs)
        # not COLUMNS: readline puts it in the environment of whatever a Python with readline starts
        if width is None and kwargs.get("console") is None and self.config.width is None and not sys.stdout.isatty():
            self.width = PIPED_WIDTH


class Context(rich_click.RichContext):
    """rich-click's context, its help and usage errors written by HelpFormatter."""

    formatter_class = HelpFormatter


class Command(rich_click.RichCommand):
    """Every irgroups command: its body runs inside `handled`, however it is invoked (the group or a test);
    its `--help` is rich-click's, options grouped in panels (an option's `panel`)."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.context_settings.setdefault("rich_help_config", RICH_HELP)

    def invoke(self, ctx: click.Context) -> Any:
        with handled():
            return super().invoke(ctx)


class Group(rich_click.RichGroup):
    """Its commands are `Command`s and its subgroups `Group`s."""

    context_class = Context
    command_class = Command
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.context_settings.setdefault("rich_help_config", RICH_HELP)
