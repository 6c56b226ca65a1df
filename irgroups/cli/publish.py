"""`irgroups publish RUN`."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from irgroups.cli.common import RUN
from irgroups.cli.errors import Command
from irgroups.errors import ConfigError

# what the dataset card names when a folder is written without --repo (a user fills it in before uploading)
PLACEHOLDER_REPO = "your-org/your-dataset"


@click.command(cls=Command)
@click.argument("run", type=RUN)
@click.option("--repo", default=None, help="Hub dataset repo id, org/name (needed to upload; with --to-dir it only "
              f"names the dataset in the card, default {PLACEHOLDER_REPO}).")
@click.option("--private", is_flag=True, help="Create the repo private.")
@click.option("--revision", default=None, help="Branch to upload to (created if missing).")
@click.option("--to-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write the Hub folder here instead of uploading (no network).")
@click.option("--test-fraction", type=float, default=0.1, show_default=True,
              help="Share of problems in the test split (split by problem hash).")
@click.option("--eval-only-to-test", is_flag=True,
              help="Put problems from evaluation-only sources (MultiPL-E) into the test split instead of refusing.")
def publish(run: Path, repo: str | None, private: bool, revision: str | None, to_dir: Path | None,
            test_fraction: float, eval_only_to_test: bool) -> None:
    """Publish a run's groups and RL prompt table as a Hub dataset (or a local folder)."""
    from irgroups.publish import upload

    if repo is None and to_dir is None:
        raise ConfigError("--repo org/name is needed to upload (or --to-dir DIR to write the folder only)")
    if repo is not None and "/" not in repo:
        raise ConfigError(f"--repo must be org/name, got {repo!r}")
    if to_dir is not None:
        _write(run, to_dir, repo or PLACEHOLDER_REPO, test_fraction, eval_only_to_test)
        click.echo(f"written to {to_dir}; load with datasets.load_dataset({str(to_dir)!r}, CONFIG)")
        return
    assert repo is not None  # checked above: uploading needs --repo
    with tempfile.TemporaryDirectory(prefix="irgroups-publish-") as folder:
        _write(run, Path(folder), repo, test_fraction, eval_only_to_test)
        commit = upload(Path(folder), repo, private=private, revision=revision)
    click.echo(f"{repo} on the Hub now holds this layout, shards it no longer has deleted: {commit.commit_url}")


def _write(run: Path, folder: Path, repo_id: str, test_fraction: float, eval_only_to_test: bool) -> None:
    from irgroups.publish import publish_to_dir

    layout = publish_to_dir(run, folder, repo_id, test_fraction, eval_only_to_test)
    for name, splits in layout.configs.items():
        click.echo(f"{name}: " + ", ".join(f"{s} {n} rows" for s, n in splits.items()))
