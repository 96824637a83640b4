"""Starts the real `replykit-server serve` on a free loopback port for the tests of this folder."""
import json
import os
import pathlib
import signal
import subprocess
import threading
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SERVER = os.environ.get("REPLYKIT_SERVER", str(ROOT / ".build/debug/replykit-server"))
DOCUMENT = ROOT / "Sources/ReplyServer/Resources/openapi.json"


class Server:
    """A running `replykit-server serve`: its process, base URL and log lines."""

    def __init__(self, *args, cwd=ROOT):
        self.log = []
        self.process = subprocess.Popen(
            [SERVER, "serve", "--port", "0", *args], cwd=cwd,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        self.port = None
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.log.append(line)
            entry = json.loads(line)
            if entry.get("msg") == "listening":
                self.port = int(entry["port"])
                break
        if self.port is None:
            self.process.kill()
            raise RuntimeError("replykit-server did not start:\n" + "".join(self.log))
        self.url = f"http://127.0.0.1:{self.port}"
        # Read the log as it comes: a full pipe would block the server's writes.
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self):
        for line in self.process.stderr:
            self.log.append(line)

    def read_log(self):
        """Every log line up to the process's end (call after it stopped)."""
        self.reader.join(timeout=10)
        return [json.loads(line) for line in self.log if line.strip()]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture(scope="module")
def server():
    running = Server("--templates", str(ROOT / "templates"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def document():
    return json.loads(DOCUMENT.read_text())
