"""Prefect's temporary server for one `newsfacts run`, started the moment the command starts.

With no Prefect server configured, Prefect starts a temporary one itself, but only once the
flow is called, and in two steps: it first imports its whole server package into this process
(~5 s on a 2-core machine, holding this process's interpreter lock), then starts the server
process and waits for it to answer (another ~5 s). Started here instead, before the CLI imports
the pipeline and plans the run, the server process boots on the other core while this one
works, and this process never imports the server package: a cold run on one article takes
~8 s less, and every run that many seconds (`benchmarks/cold_start.py`, `throughput.py`).

The command is the one Prefect runs for its own temporary server (uvicorn over
`prefect.server.api.server:create_app`, UI off, marked ephemeral), so the server, its
database and its behaviour are Prefect's own. Kept here, not taken from Prefect, only because
Prefect offers it no earlier than the flow call. If the server cannot start (a port taken in
between, a broken install), the run falls back to Prefect's own way, with a logged warning.
"""
from __future__ import annotations

import atexit
import contextlib
import importlib.util
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

READY_TIMEOUT = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 120))


@dataclass
class TemporaryServer:
    process: subprocess.Popen
    port: int

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> bool:
        """True once the server answers its health check; False if its process ended or the
        time ran out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as r:
                    if r.status == 200:
                        return True
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_if_needed() -> TemporaryServer | None:
    """Start Prefect's temporary server now, when a run would need one (no API URL configured,
    temporary servers allowed); None otherwise."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        return None
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        return None
    port = _free_port()
    env = {**os.environ, **settings.to_environment_variables(exclude_unset=True),
           "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    args = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.submodule_search_locations[0]).parent),
            "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]
    try:
        server = TemporaryServer(subprocess.Popen(args, env=env), port)
    except OSError as e:
        log.warning("could not start a temporary Prefect server early (%s); Prefect starts its own", e)
        return None
    # stopped as the process exits, after Prefect's own exit handlers (registered later, so run
    # earlier) have sent the run's last logs and events, as Prefect does with its own server
    atexit.register(server.stop)
    return server


@contextlib.contextmanager
def serving(server: TemporaryServer | None) -> Iterator[None]:
    """Point Prefect at the early server (once it answers) for the block; without one, or if it
    did not come up (then it is stopped), Prefect does as it always does."""
    if server is None:
        yield
        return
    if not server.wait_ready():
        log.warning("the temporary Prefect server started early did not answer; Prefect starts its own")
        server.stop()
        yield
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
