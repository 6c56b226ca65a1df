"""A language added in one module, as the design promises: "Snakelet", Python whose functions are
named in camelCase (`sumSquares` for HumanEval's `sum_squares`), run by the host's python3.

Everything a language is asked for comes from here or from what it inherits: names and fence
tags, rendering, the test program, toolchain and runtime, extraction and mutation hooks, its
references (`references_dir`, set by whoever registers it). Nothing elsewhere names it."""

from __future__ import annotations

from irgroups.languages.base import Toolchain
from irgroups.languages.python import Python


class Snakelet(Python):
    name = "snakelet"
    aliases = ("snk",)
    display_name = "Snakelet"
    extra_fence_tags = ("snakelet3",)
    extension = "snk"
    runs_sources = False
    toolchain = Toolchain(("python3",), ("python3", "--version"), "apt-get install -y python3")

    def function_name(self, entry_point: str) -> str:
        head, *rest = entry_point.split("_")
        return head + "".join(part[:1].upper() + part[1:] for part in rest)
