"""Subcommands that live in their own modules. Each module here exposes `COMMANDS`,
a list of click commands; `irgroups.cli` registers them all."""
