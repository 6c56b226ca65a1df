"""A second Ray node on this machine, as its own process tree, for the multi-node and kill tests."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil


class Node:
    def __init__(self, ray: Any, sandbox: int = 1, cpus: int = 1) -> None:
        self.ray = ray
        address = ray.get_runtime_context().gcs_address
        before = ray.cluster_resources().get("sandbox", 0)
        ray_cli = str(Path(sys.executable).with_name("ray"))
        self.proc = subprocess.Popen([ray_cli, "start", "--address", address, "--num-cpus", str(cpus),
                                      "--resources", json.dumps({"sandbox": sandbox}), "--block"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                                     env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0"})
        self.wait(lambda r: r.get("sandbox", 0) >= before + sandbox, "the node to join")

    def wait(self, ok: Any, what: str, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while not ok(self.ray.available_resources() if what == "free" else self.ray.cluster_resources()):
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {seconds:.0f} s for {what}")
            time.sleep(0.5)

    def kill(self) -> None:
        """SIGKILL the node: its `ray start` process and everything it started (raylet, workers)."""
        try:
            tree = [psutil.Process(self.proc.pid), *psutil.Process(self.proc.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            tree = []
        for p in tree:
            with contextlib.suppress(ProcessLookupError):
                os.kill(p.pid, signal.SIGKILL)
        self.proc.wait()
