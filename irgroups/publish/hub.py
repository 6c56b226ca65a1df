"""Upload a published folder to the Hugging Face Hub, resumably.

The token is huggingface_hub's own business (`$HF_TOKEN` or the `huggingface-cli
login` cache): irgroups never reads, prints or writes it. Resume: files already on
the Hub with the same content (sha256 for LFS files, size and git blob for the
rest) are skipped, and each config is its own commit, so a killed upload loses
at most one config's worth of work. The card goes last: it describes the files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, cast

from irgroups.errors import IrgroupsError


class HubClient(Protocol):
    """The part of `huggingface_hub.HfApi` publish uses (a test double implements the same)."""

    def create_repo(self, repo_id: str, *, repo_type: str, private: bool, exist_ok: bool) -> Any: ...

    def create_branch(self, repo_id: str, *, branch: str, repo_type: str, exist_ok: bool) -> Any: ...

    def list_repo_tree(self, repo_id: str, *, repo_type: str, revision: str | None, recursive: bool) -> Any: ...

    def upload_folder(self, *, repo_id: str, folder_path: str, repo_type: str, revision: str | None,
                      allow_patterns: list[str], commit_message: str) -> Any: ...


def default_client() -> HubClient:
    try:
        from huggingface_hub import HfApi
    except ImportError:
        raise IrgroupsError("uploading needs huggingface_hub: pip install huggingface_hub") from None
    return cast(HubClient, HfApi())


def _git_blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _remote_index(client: HubClient, repo_id: str, revision: str | None) -> dict[str, tuple[int, str | None, str | None]]:
    try:
        entries = client.list_repo_tree(repo_id, repo_type="dataset", revision=revision, recursive=True)
    except Exception:  # noqa: BLE001 - an empty repo or a new branch has no tree yet
        return {}
    index = {}
    for e in entries:
        if getattr(e, "size", None) is None:
            continue  # a folder
        lfs = getattr(e, "lfs", None)
        sha256 = (lfs.get("sha256") if isinstance(lfs, dict) else getattr(lfs, "sha256", None)) if lfs else None
        index[e.path] = (e.size, sha256, getattr(e, "blob_id", None))
    return index


def _same(path: Path, remote: tuple[int, str | None, str | None] | None) -> bool:
    if remote is None:
        return False
    data = path.read_bytes()
    size, sha256, blob = remote
    if size != len(data):
        return False
    if sha256:
        return hashlib.sha256(data).hexdigest() == sha256
    return blob is None or blob == _git_blob_sha(data)


def upload(folder: Path, repo_id: str, private: bool = False, revision: str | None = None,
           client: HubClient | None = None, log: Callable[[str], None] = print) -> dict[str, list[str]]:
    """Upload `folder` (written by publish) to dataset repo `repo_id`; what was uploaded and skipped."""
    client = client or default_client()
    client.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
    if revision and revision != "main":
        client.create_branch(repo_id, branch=revision, repo_type="dataset", exist_ok=True)
    remote = _remote_index(client, repo_id, revision)
    uploaded: list[str] = []
    skipped: list[str] = []
    configs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    for config in configs:
        files = sorted(config.glob("*.parquet"))
        todo = [f for f in files if not _same(f, remote.get(f"{config.name}/{f.name}"))]
        skipped += [f"{config.name}/{f.name}" for f in files if f not in todo]
        if not todo:
            log(f"{config.name}: already on the Hub, skipped")
            continue
        names = [f"{config.name}/{f.name}" for f in todo]
        log(f"{config.name}: uploading {len(todo)} file(s)")
        client.upload_folder(repo_id=repo_id, folder_path=str(folder), repo_type="dataset", revision=revision,
                             allow_patterns=names, commit_message=f"irgroups publish: {config.name}")
        uploaded += names
    card = folder / "README.md"
    if _same(card, remote.get("README.md")):
        skipped.append("README.md")
    else:
        client.upload_folder(repo_id=repo_id, folder_path=str(folder), repo_type="dataset", revision=revision,
                             allow_patterns=["README.md"], commit_message="irgroups publish: dataset card")
        uploaded.append("README.md")
    return {"uploaded": uploaded, "skipped": skipped}
