"""A real Ralph LRS for the end-to-end xAPI test, in its own virtual environment, on 127.0.0.1.

The venv (``ralph-malph[lrs]`` + ``requests``) is cached in ``$STICKY_RALPH_VENV`` or
``~/.cache/sticky-situations/ralph-venv`` and built on first use. Ralph serves ``ralph.api:app`` with
uvicorn and the file-system backend. Ralph 5.1.0's FS backend writes with a *create* operation by
default, so every write after the first fails with 500 ("already exists"); there is no setting for it,
so the launcher sets ``FSLRSBackend.default_operation_type`` to APPEND before uvicorn imports the app.

Run it by hand: ``python tests/training/ralph_lrs.py PORT DIR`` (prints the endpoint, Ctrl-C stops).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

RALPH = "ralph-malph[lrs]==5.1.0"
USER, PASSWORD = "sticky", "workshop-secret"

LAUNCHER = """
import sys
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
import uvicorn
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""

AUTH = """
import bcrypt, json, sys
hashed = bcrypt.hashpw(sys.argv[2].encode(), bcrypt.gensalt()).decode()
json.dump([{"agent": {"mbox": "mailto:trainer@example.org"}, "scopes": ["all"], "hash": hashed,
            "username": sys.argv[1]}], open(sys.argv[3], "w"))
"""


def venv_dir() -> Path:
    """Where the Ralph venv is cached."""
    return Path(os.environ.get("STICKY_RALPH_VENV") or Path.home() / ".cache" / "sticky-situations" / "ralph-venv")


def _works(python: Path) -> bool:
    check = "import ralph.backends.lrs.fs, fastapi, uvicorn, requests, bcrypt"
    return python.exists() and subprocess.run([str(python), "-c", check], capture_output=True).returncode == 0


def ensure_venv() -> tuple[Path | None, str]:
    """The venv's python, building the venv if needed; (None, reason) when Ralph can't be installed."""
    folder = venv_dir()
    python = folder / "bin" / "python"
    if _works(python):
        return python, ""
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(folder)], check=True, capture_output=True, timeout=300
        )
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", RALPH, "requests"], capture_output=True, text=True, timeout=900
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"could not create the Ralph venv in {folder}: {exc}"
    if result.returncode != 0 or not _works(python):
        return None, f"could not install {RALPH} into {folder}: {result.stderr.strip()[-400:]}"
    return python, ""


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Ralph:
    """A running Ralph LRS; ``stop`` ends it, ``start`` brings it back on the same port and files."""

    def __init__(self, python: Path, folder: Path, port: int | None = None) -> None:
        self.python = python
        self.folder = folder
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        self.auth = folder / "auth.json"
        subprocess.run([str(python), "-c", AUTH, USER, PASSWORD, str(self.auth)], check=True, timeout=60)

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint."""
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self, wait: float = 60.0) -> None:
        """Start uvicorn and wait for the heartbeat."""
        env = dict(os.environ)
        env.update(
            {
                "RALPH_RUNSERVER_BACKEND": "fs",
                "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.folder / "statements"),
                "RALPH_AUTH_FILE": str(self.auth),
                "RALPH_APP_DIR": str(self.folder / "app"),
                "RALPH_SENTRY_DSN": "",
            }
        )
        log = (self.folder / "ralph.log").open("ab")
        self.process = subprocess.Popen(
            [str(self.python), "-c", LAUNCHER, str(self.port)], env=env, stdout=log, stderr=log, cwd=self.folder
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph exited: {(self.folder / 'ralph.log').read_text()[-800:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("Ralph did not answer its heartbeat in time")

    def stop(self) -> None:
        """Stop the server."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def stored_lines(self) -> list[dict[str, object]]:
        """Every statement the file backend holds, one per line (duplicates would show up twice)."""
        path = self.folder / "statements" / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    py, why = ensure_venv()
    if py is None:
        sys.exit(why)
    server = Ralph(py, Path(sys.argv[2]), int(sys.argv[1]))
    server.start()
    print(f"Ralph LRS at {server.endpoint} (user {USER}, password {PASSWORD}); Ctrl-C stops it", flush=True)
    try:
        server.process.wait()  # type: ignore[union-attr]
    except KeyboardInterrupt:
        server.stop()
