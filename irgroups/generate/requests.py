"""The request cache: (model, prompt, sampling settings, sample index) -> answer.

Every answer is written the moment it arrives, so a build killed in the middle of
generation never pays twice for a finished request: on restart only the missing
(prompt, sample) pairs go to the backend. SQLite in WAL mode, safe under SIGKILL.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any


class RequestCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL)")
        self._lock = threading.Lock()

    @staticmethod
    def key(model: str, backend: str, prompt: Any, settings: dict[str, Any], sample: int) -> str:
        blob = json.dumps({"model": model, "backend": backend, "prompt": prompt, "settings": settings,
                           "sample": sample}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def put(self, key: str, answer: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO answers (key, answer) VALUES (?, ?)", (key, answer))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0])

    def close(self) -> None:
        self._db.close()
