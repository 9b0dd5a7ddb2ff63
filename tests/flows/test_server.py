"""Prefect's temporary server started as the CLI starts: only when no server is configured,
pointed at for the run, and Prefect's own way when it does not come up."""
from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

from flows import server


def test_a_configured_server_is_used_as_it_is():
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert server.start_if_needed() is None


def test_without_an_early_server_nothing_changes():
    before = get_current_settings().api.url
    with server.serving(None):
        assert get_current_settings().api.url == before


def test_a_server_that_does_not_come_up_leaves_prefect_its_own_way(caplog):
    dead = server.TemporaryServer(subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"]), port=9)
    with temporary_settings(updates={PREFECT_API_URL: None}), caplog.at_level(logging.WARNING, logger="flows.server"):
        with server.serving(dead):
            assert get_current_settings().api.url is None
    assert dead.process.poll() == 3
    assert "did not answer; Prefect starts its own" in caplog.text


SCRIPT = """
import os
from flows import server
early = server.start_if_needed()
assert early is not None and early.api_url == f"http://127.0.0.1:{early.port}/api"
from prefect import flow
from prefect.settings import get_current_settings

@flow(name="early-server-check")
def check() -> str:
    return get_current_settings().api.url

with server.serving(early):
    assert early.process.poll() is None
    assert check() == early.api_url
assert get_current_settings().api.url is None
print(early.process.pid)
"""


@pytest.mark.slow
def test_the_early_server_serves_the_run_and_stops_as_the_process_exits(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    p = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=180)
    assert p.returncode == 0, p.stderr[-2000:]
    # Prefect sent the run's last logs and events before the server stopped, and it did stop
    assert "Error logging to API" not in p.stderr and "Unable to connect" not in p.stderr
    pid = int(p.stdout.split()[-1])
    assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"
