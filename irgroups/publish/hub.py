"""Upload a published folder to the Hugging Face Hub so that the Hub holds exactly that folder.

The token is huggingface_hub's own business (`$HF_TOKEN` or the `hf auth login` cache): irgroups
never reads, prints or writes it.

Sync: one `HfApi.upload_folder` call with `delete_patterns` for the data files. Shards on the Hub
that the folder no longer has (a republish with fewer configs, splits or shards) are deleted in the
commit that adds the new ones, so `load_dataset` never mixes old and new rows; files the Hub already
has with the same content are dropped from the commit by huggingface_hub itself (it compares the
oids the Hub's preupload answer gives), and a republish of an unchanged folder makes no commit.
Files that are not data (`.gitattributes`, anything else a maintainer added) are left alone.

Resume: with `hf_xet` (installed with huggingface_hub on x86_64 and arm64) `upload_folder` streams
the files to Xet storage and commits in batches; re-running the same `irgroups publish` after a
kill resumes it: files already committed are skipped and chunks already uploaded are deduplicated,
so ~0 bytes go again. A layout (a few configs x two splits, and the card) is far below the 256 files
of one batch, so it normally lands as one commit: card, new shards and deletions together, never a
Hub whose card describes other files. Without hf_xet it is one `create_commit`, whose LFS objects
already uploaded are not sent again. Not `upload_large_folder`: it cannot delete, keeps its resume
state inside the folder, and huggingface_hub 2.x no longer has it (its `upload_folder` resumes).
"""

from __future__ import annotations

from pathlib import Path

from huggingface_hub import CommitInfo, HfApi
from huggingface_hub.errors import HfHubHTTPError

from irgroups.errors import IrgroupsError

# what publish writes besides the card: every such file on the Hub that the folder lacks is stale
DATA_PATTERNS = ["*.parquet"]


def upload(folder: Path, repo_id: str, private: bool = False, revision: str | None = None,
           client: HfApi | None = None) -> CommitInfo:
    """Make dataset repo `repo_id` (at branch `revision`) hold `folder` (written by publish); the last commit."""
    client = client or HfApi()
    try:
        client.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        if revision and revision != "main":
            client.create_branch(repo_id, branch=revision, repo_type="dataset", exist_ok=True)
        return client.upload_folder(repo_id=repo_id, folder_path=folder, repo_type="dataset", revision=revision,
                                    delete_patterns=DATA_PATTERNS, commit_message="irgroups publish")
    except HfHubHTTPError as e:  # its message names the URL, status and the Hub's reason, never the token
        raise IrgroupsError(f"the Hub refused the upload to {repo_id}: {e}") from None
