"""Execution verdicts cached by content: (candidate id, test-suite hash, toolchain, limits).

SQLite in WAL mode, so a run killed mid-stage keeps every verdict already
written, and the restarted run never executes those candidates again.
Infrastructure failures (sandbox_error) are never cached.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import threading
from pathlib import Path

from irgroups import languages
from irgroups.execute import SANDBOX_ERROR, Verdict
from irgroups.languages.toolchains import resolve
from irgroups.problems.model import Problem
from irgroups.results import PROTOCOL
from irgroups.sandbox.base import Limits


class VerdictCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, verdict TEXT NOT NULL)")
        self._lock = threading.Lock()
        self.hits = 0

    @staticmethod
    def key(candidate_id: str, tests_hash: str, toolchain: str, limits: str) -> str:
        # the report protocol is part of the key: a verdict judged under other rules is not reused
        blob = f"{candidate_id}|{tests_hash}|{toolchain}|{limits}|{PROTOCOL}"
        return hashlib.sha256(blob.encode()).hexdigest()

    @classmethod
    def key_for(cls, candidate_id: str, problem: Problem, lang: str, limits: Limits) -> str:
        """The key of `candidate_id`'s verdict on `problem` (its tests, amplified ones included)."""
        language = languages.get(lang)
        # the compiler's flags are part of what decides a verdict: a change of flags is a new key
        toolchain = f"{resolve(language).version} {language.compile_argv()}"
        return cls.key(candidate_id, problem.tests_hash, toolchain, repr(dataclasses.astuple(limits)))

    def get(self, key: str) -> Verdict | None:
        with self._lock:
            row = self._db.execute("SELECT verdict FROM verdicts WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return Verdict(**json.loads(row[0]))

    def put(self, key: str, verdict: Verdict) -> None:
        if verdict.status == SANDBOX_ERROR:
            return
        blob = json.dumps(dataclasses.asdict(verdict))
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO verdicts (key, verdict) VALUES (?, ?)", (key, blob))

    def close(self) -> None:
        self._db.close()
