"""publish: the Hub folder loads with `datasets` as the card says; uploads go through a double of the Hub's HTTP API."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any

import datasets
import pyarrow.parquet as pq
import pytest
import yaml
from huggingface_hub import HfApi

from irgroups.errors import DataError
from irgroups.publish import publish_to_dir, upload

ROOT = Path(__file__).resolve().parents[1]


def build_tiny_run(out: Path) -> Path:
    """A real (small) build: bundled problems, python only."""
    subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--langs", "python", "--source", "bundled",
                    "--limit", "4", "--mutants", "2", "--out", str(out), "--no-progress", "--workers", "2"],
                   check=True, capture_output=True, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_run(tmp_path_factory.mktemp("run") / "run")


def _card(folder: Path) -> dict[str, Any]:
    text = (folder / "README.md").read_text()
    return yaml.safe_load(text.split("---")[1])


def test_to_dir_loads_as_the_card_says(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "hub"
    result = subprocess.run([sys.executable, "-m", "irgroups.cli", "publish", str(run_dir),  # no --repo: none needed
                             "--to-dir", str(out), "--test-fraction", "0.5"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "# your-org/your-dataset" in (out / "README.md").read_text()  # the placeholder a user fills in
    card = _card(out)
    names = [c["config_name"] for c in card["configs"]]
    assert names == ["groups", "prompts"]
    problems_by_split: dict[str, set[str]] = {}
    for info in card["dataset_info"]:
        ds = datasets.load_dataset(str(out), info["config_name"])
        assert {s["name"]: s["num_examples"] for s in info["splits"]} == {k: v.num_rows for k, v in ds.items()}
        for split, part in ds.items():
            problems_by_split.setdefault(split, set()).update(part["problem_id"])
    assert set(problems_by_split) == {"train", "test"}
    assert not problems_by_split["train"] & problems_by_split["test"]  # split by problem
    for config in names:  # shards named as `datasets` names them
        assert sorted(p.name for p in (out / config).iterdir()) == \
            sorted(f"{s}-00000-of-00001.parquet" for s in problems_by_split)
    text = (out / "README.md").read_text()
    for needle in ("Apache-2.0", "irgroups version", "Toolchains", "load_dataset", "wrong_output",
                   "groups by equivalent members", "mean diversity"):
        assert needle in text


def test_multipl_e_never_in_train(run_dir: Path, tmp_path: Path) -> None:
    run = tmp_path / "run"
    shutil.copytree(run_dir, run)
    for shard in (run / "problems").glob("part-*.parquet"):
        table = pq.read_table(shard)
        n = table.num_rows
        table = table.set_column(table.schema.get_field_index("origin_dataset"), "origin_dataset",
                                 __import__("pyarrow").array(["nuprl/MultiPL-E"] * n))
        pq.write_table(table, shard)
    with pytest.raises(DataError, match="evaluation-only"):
        publish_to_dir(run, tmp_path / "refused", "org/x", test_fraction=0.0)
    layout = publish_to_dir(run, tmp_path / "ok", "org/x", test_fraction=0.0, eval_only_to_test=True)
    assert set(layout.configs["groups"]) == {"test"}
    assert "must not be used for training" in (tmp_path / "ok" / "README.md").read_text()


class HubDouble:
    """A double of the Hugging Face Hub's HTTP API (its servers cannot be reached from here): the endpoints
    huggingface_hub's create_repo, create_branch and upload_folder call (validate-yaml, tree, preupload, commit,
    revision), answered as the Hub answers them; every request must carry the token.

    Simplification: preupload answers "regular" for every file, so content comes inline in the commit
    (base64) and no LFS/Xet storage is needed; everything upstream of that (deletions from the tree
    listing, dropping unchanged files by oid, the commit's ndjson) is huggingface_hub's real code.
    """

    ROUTE = re.compile(r"/api/datasets/([^/]+/[^/]+)/(branch|tree|revision|preupload|commit)/([^/?]+)")

    def __init__(self, token: str) -> None:
        self.token = token
        self.repos: dict[str, dict[str, dict[str, bytes]]] = {}  # repo -> branch -> path -> content
        self.commits: list[dict[str, Any]] = []
        self.private: dict[str, bool] = {}
        self.refuse_commits = False
        self.authorized = 0  # requests that carried the token
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self.do_POST()

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, payload, error = hub.handle(self.command, urllib.parse.urlsplit(self.path).path,
                                                    self.headers.get("Authorization"), body)
                data = json.dumps({"error": error} if payload is None else payload).encode()
                self.send_response(status)
                if error is not None:
                    self.send_header("X-Error-Message", error)
                    codes = {"Repository not found": "RepoNotFound", "Invalid rev id": "RevisionNotFound"}
                    for start, code in codes.items():
                        if error.startswith(start):
                            self.send_header("X-Error-Code", code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def files(self, repo: str, branch: str = "main") -> dict[str, bytes]:
        return self.repos[repo][branch]

    def handle(self, method: str, path: str, auth: str | None, body: bytes) -> tuple[int, Any, str | None]:
        if auth != f"Bearer {self.token}":
            return 401, None, "Invalid credentials in Authorization header"
        self.authorized += 1
        if method == "POST" and path == "/api/repos/create":
            req = json.loads(body)
            repo = f"{req['organization']}/{req['name']}"
            url = {"url": f"{self.url}/datasets/{repo}", "name": repo}
            if repo in self.repos:  # the Hub names the existing repo in its 409
                return 409, {**url, "error": "You already created this dataset repo"}, "You already created this dataset repo"
            self.private[repo] = req.get("visibility") == "private" or bool(req.get("private"))
            self.repos[repo] = {"main": {".gitattributes": b"*.parquet filter=lfs diff=lfs merge=lfs -text\n"}}
            return 200, url, None
        if method == "POST" and path == "/api/validate-yaml":  # the card's metadata, checked before uploading
            meta = yaml.safe_load(json.loads(body)["content"].split("---")[1])
            ok = isinstance(meta, dict) and all(isinstance(c.get("data_files"), list) for c in meta.get("configs", []))
            return (200, {"errors": [], "warnings": []}, None) if ok else \
                (400, {"errors": [{"message": "bad metadata"}]}, "bad metadata")
        m = self.ROUTE.fullmatch(path)  # (a tree listing of a folder inside the repo is not needed)
        if not m or m[1] not in self.repos:
            return 404, None, "Repository not found"
        repo, what, rev = m[1], m[2], urllib.parse.unquote(m[3])
        branches = self.repos[repo]
        if what == "branch":
            if rev in branches:
                return 409, None, "Reference already exists"
            branches[rev] = dict(branches["main"])
            return 200, {}, None
        if rev not in branches:
            return 404, None, f"Invalid rev id: {rev}"
        files = branches[rev]
        if what == "tree":
            dirs = {str(parent) for p in files for parent in PurePosixPath(p).parents if str(parent) != "."}
            return 200, [{"type": "directory", "oid": "0" * 40, "path": d} for d in sorted(dirs)] + \
                [{"type": "file", "oid": _git_blob(data), "size": len(data), "path": p} for p, data in sorted(files.items())], None
        if what == "revision":
            return 200, {"id": repo, "sha": self._head(repo, rev), "private": self.private[repo]}, None
        if what == "preupload":
            return 200, {"files": [{"path": f["path"], "uploadMode": "regular", "shouldIgnore": False,
                                    "oid": _git_blob(files[f["path"]]) if f["path"] in files else None}
                                   for f in json.loads(body)["files"]]}, None
        if self.refuse_commits:
            return 403, None, "You don't have the rights to create a commit in this repo"
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        added = {x["value"]["path"]: base64.b64decode(x["value"]["content"]) for x in lines if x["key"] == "file"}
        deleted = [x["value"]["path"] for x in lines if x["key"] == "deletedFile"]
        if any(x["key"] not in ("header", "file", "deletedFile") for x in lines):
            return 400, None, "this double stores regular files only"
        missing = [p for p in deleted if p not in files]
        if missing:
            return 404, None, f"Cannot delete {missing[0]}: file not found"
        for p in deleted:
            del files[p]
        files.update(added)
        self.commits.append({"repo": repo, "branch": rev, "summary": lines[0]["value"]["summary"],
                             "added": sorted(added), "deleted": sorted(deleted)})
        oid = self._head(repo, rev)
        return 200, {"commitUrl": f"{self.url}/datasets/{repo}/commit/{oid}", "commitOid": oid,
                     "pullRequestUrl": None}, None

    def _head(self, repo: str, branch: str) -> str:
        n = sum(1 for c in self.commits if c["repo"] == repo and c["branch"] == branch)
        return hashlib.sha1(f"{repo}@{branch}#{n}".encode()).hexdigest()


def _git_blob(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


SECRET = "hf_" + "s3cr3t" * 6


@pytest.fixture
def hub() -> Iterator[HubDouble]:
    double = HubDouble(SECRET)
    yield double
    double.server.shutdown()
    double.server.server_close()


def _local(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _data(files: dict[str, bytes]) -> dict[str, bytes]:
    """What publish owns on the Hub: all but the Hub's .gitattributes and what a maintainer added."""
    return {p: d for p, d in files.items() if p not in (".gitattributes", "NOTES.md")}


def test_republish_leaves_exactly_the_new_layout(run_dir: Path, tmp_path: Path, hub: HubDouble,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", SECRET)
    api = HfApi(endpoint=hub.url)
    big, small = tmp_path / "big", tmp_path / "small"
    publish_to_dir(run_dir, big, "org/tiny", test_fraction=0.5)  # train and test shards
    publish_to_dir(run_dir, small, "org/tiny", test_fraction=0.0)  # train shards only
    stale = set(_local(big)) - set(_local(small))
    assert stale == {"groups/test-00000-of-00001.parquet", "prompts/test-00000-of-00001.parquet"}

    upload(big, "org/tiny", client=api)
    assert _data(hub.files("org/tiny")) == _local(big) and ".gitattributes" in hub.files("org/tiny")
    hub.files("org/tiny")["NOTES.md"] = b"a maintainer's file: not publish's to delete"

    commit = upload(small, "org/tiny", client=api)
    assert hub.commits[-1]["deleted"] == sorted(stale)  # in the commit that adds the new shards
    assert _data(hub.files("org/tiny")) == _local(small)
    assert {".gitattributes", "NOTES.md"} <= set(hub.files("org/tiny"))
    assert commit.commit_url.startswith(f"{hub.url}/datasets/org/tiny/commit/")
    pulled = tmp_path / "pulled"  # what `load_dataset` sees on the Hub: the new rows only
    for name, data in hub.files("org/tiny").items():
        (pulled / name).parent.mkdir(parents=True, exist_ok=True)
        (pulled / name).write_bytes(data)
    ds = datasets.load_dataset(str(pulled), "groups")
    assert {s: d.num_rows for s, d in ds.items()} == {"train": pq.read_metadata(small / "groups" /
                                                                         "train-00000-of-00001.parquet").num_rows}

    n = len(hub.commits)
    upload(small, "org/tiny", client=api)  # nothing changed: huggingface_hub makes no commit
    assert len(hub.commits) == n
    del hub.files("org/tiny")["prompts/train-00000-of-00001.parquet"]  # an upload killed half-way
    upload(small, "org/tiny", client=api)
    assert hub.commits[-1]["added"] == ["prompts/train-00000-of-00001.parquet"] and not hub.commits[-1]["deleted"]
    assert _data(hub.files("org/tiny")) == _local(small)


def test_cli_upload_keeps_the_token_out(run_dir: Path, tmp_path: Path, hub: HubDouble) -> None:
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, "HF_ENDPOINT": hub.url, "HF_TOKEN": SECRET, "HF_HOME": str(tmp_path / "hf-home"),
           "TMPDIR": str(tmp_path / "tmp")}

    def publish(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "irgroups.cli", "publish", str(run_dir), "--repo", "org/tiny",
                               *args], capture_output=True, text=True, cwd=ROOT, env=env)

    done = publish("--private", "--revision", "v1", "--test-fraction", "0.5")
    assert done.returncode == 0, done.stderr
    expected = tmp_path / "expected"
    publish_to_dir(run_dir, expected, "org/tiny", test_fraction=0.5)
    assert _data(hub.files("org/tiny", "v1")) == _local(expected)
    assert hub.private["org/tiny"] and set(hub.files("org/tiny")) == {".gitattributes"}  # main untouched
    assert "org/tiny on the Hub now holds this layout" in done.stdout
    assert not list((tmp_path / "tmp").iterdir())  # the layout's temporary folder is gone
    hub.refuse_commits = True
    refused = publish("--revision", "v1", "--test-fraction", "0")
    assert refused.returncode == 2 and "the Hub refused the upload to org/tiny" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr
    assert hub.authorized > 0  # the token reached the Hub, in the Authorization header only
    for text in (done.stdout, done.stderr, refused.stdout, refused.stderr):
        assert SECRET not in text
    written = list(_local(tmp_path).values()) + list(hub.files("org/tiny", "v1").values())
    assert all(SECRET.encode() not in data for data in written)
