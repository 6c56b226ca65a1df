"""`irgroups sandbox check`."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from irgroups import languages
from irgroups.cli.common import sandbox_option
from irgroups.cli.errors import CHECK_FAILED, OK, Group


@click.group(cls=Group)
def sandbox() -> None:
    """Sandbox tools."""


@sandbox.command("check")
@sandbox_option
def sandbox_check(sandbox: str) -> None:
    """What the chosen sandbox needs per language (toolchains or images), and how to install what is missing."""
    from irgroups.languages import toolchains
    from irgroups.sandbox.docker.images import image_exists
    from irgroups.sandbox.docker.sandbox import DockerSandbox
    from irgroups.sandbox.local import LocalSandbox
    from irgroups.verifier import open_sandbox

    names = list(languages.LANGUAGES)
    box = open_sandbox(sandbox, names)
    try:
        table = Table(title=f"irgroups sandbox check ({sandbox})")
        table.add_column("language")
        table.add_column("status")
        table.add_column("image" if sandbox == "docker" else "version or fix")
        ok = True
        if isinstance(box, LocalSandbox):
            for name, res in toolchains.check(list(languages.LANGUAGES.values())).items():
                found = isinstance(res, toolchains.Resolved)
                ok &= found
                table.add_row(name, "[green]ok[/green]" if found else "[red]missing[/red]",
                              res.version if isinstance(res, toolchains.Resolved) else str(res))
        elif isinstance(box, DockerSandbox):
            for name in names:
                tag = box.image(name)
                found = image_exists(tag)
                ok &= found
                table.add_row(name, "[green]ok[/green]" if found else "[red]missing[/red]", tag)
        Console().print(table)
        problems = box.problems()
        for p in problems:
            Console().print(f"[red]sandbox:[/red] {p}")
        if isinstance(box, LocalSandbox):
            from irgroups.languages import rust_crates

            # which hierarchy (v1, v2) the steps' limits use, or why none: see LocalSandbox.cgroup_note
            Console().print(f"local sandbox: bubblewrap namespaces, no network; {box.cgroup_note}")
            crates = rust_crates.built()
            why = "" if crates else rust_crates.missing()
            Console().print("rust crates for HumanEval-X (rand, regex, md5): "
                            + (f"built in {crates.dir}" if crates else
                               f"not built ({why or 'run: python -m irgroups.languages.rust_crates build'}); "
                               "programs that use them are unsupported"))
        else:
            Console().print("docker sandbox: one container per worker and language, --network none, read-only root")
    finally:
        box.close()
    raise SystemExit(OK if ok and not problems else CHECK_FAILED)
