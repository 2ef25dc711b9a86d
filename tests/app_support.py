"""Start ``app.py`` on a free loopback port for the API and browser tests.

One server per test session, shared by every module that uses the
``app_server`` fixture (import it: ``from tests.app_support import app_server``);
it is stopped when the session ends.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Loading the model and index and answering the warm-up question takes a few
# seconds on a laptop; CI machines can be slow.
START_TIMEOUT_S = float(os.environ.get("QA_APP_START_TIMEOUT", "240"))
STOP_TIMEOUT_S = 15.0
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    url: str
    port: int
    process: subprocess.Popen
    log_path: Path

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)


def start_app(port: int | None = None, timeout: float = START_TIMEOUT_S) -> AppServer:
    """Run ``python app.py --port N`` and wait until its page answers; raise with the log if not."""
    port = port or free_port()
    log_path = Path(tempfile.mkdtemp(prefix="qa-app-")) / "app.log"
    # Votes (👍/👎) go beside the log, never into the user's own feedback file.
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1",
           "QA_FEEDBACK": str(log_path.parent / "feedback.jsonl")}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = AppServer(url=f"http://127.0.0.1:{port}/", port=port, process=process, log_path=log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited with code {process.returncode} before serving:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(server.url + "config", timeout=5) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"app.py did not answer on {server.url} within {timeout:.0f} s:\n{server.log_tail()}")


_shared: dict[str, AppServer] = {}


@pytest.fixture(scope="session")
def app_server(request: pytest.FixtureRequest) -> AppServer:
    """The running app, started once per session whichever module asks first."""
    if "server" not in _shared:
        server = start_app()
        _shared["server"] = server

        def stop() -> None:
            _shared.pop("server", None)
            server.stop()

        request.config.add_cleanup(stop)
    server = _shared["server"]
    if server.process.poll() is not None:
        pytest.fail(f"app.py died during the tests (code {server.process.returncode}):\n{server.log_tail()}")
    return server


def find_chromium() -> str | None:
    """Debian's Chromium (installed by .ci/browser.sh), or ``$CHROMIUM`` / one on PATH."""
    candidates = [os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES, shutil.which("chromium") or ""]
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None
