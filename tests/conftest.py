"""Shared fixtures: the spaCy model is loaded once per session."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SEED = ROOT / "raw" / "putin-macron-nato.txt"


@pytest.fixture(scope="session")
def nlp():
    from tasks.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text) -> (Article, Doc): cleaned, split and parsed like the pipeline does."""
    from tasks.structure.clean import clean
    from tasks.model import RawDocument
    from tasks.nlp.sentences import sentences_of

    def _parse(text: str, source: str = "test.txt"):
        art = clean(RawDocument(source=source, text=text, encoding="utf-8", content_sha256="0" * 64))
        doc = nlp(art.text)
        art.sentences = sentences_of(doc, art)
        return art, doc

    return _parse


@pytest.fixture(scope="session")
def seed(parse):
    return parse(SEED.read_text(encoding="utf-8"), source=str(SEED))


@pytest.fixture(scope="session")
def gold():
    return json.loads((DATA / "putin-macron-nato.json").read_text(encoding="utf-8"))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """A real `prefect server start` on 127.0.0.1 and a free port, stopped at the end."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = _free_port()
    home = tmp_path_factory.mktemp("prefect-home")
    env = dict(os.environ, PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false")  # no test opens the UI, and building it adds seconds to the start
    env.pop("PREFECT_API_URL", None)
    log = open(home / "server.log", "w")
    proc = subprocess.Popen([str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.time() + 180
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"prefect server did not start: {(home / 'server.log').read_text()[-2000:]}")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(autouse=True)
def _slow_tests_share_the_session_server(request, monkeypatch):
    """Flow runs of tests marked slow (and the processes they start) report to the session's
    Prefect server: without one, every CLI process would start a temporary server of its own
    (10-17 s each). Running without a server is tested on its own (tests/flows/test_server.py),
    and tests that need their own server or none set or drop PREFECT_API_URL themselves."""
    if request.node.get_closest_marker("slow") is not None:
        monkeypatch.setenv("PREFECT_API_URL", request.getfixturevalue("prefect_server"))


MARKUP_ARTICLE = DATA / "markup-article.txt"  # HTML and console markup in its title and quotes
REFUSED_NAME = "<img src=x onerror=alert(1)>.txt"  # a binary input named like an HTML tag


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, prefect_server):
    """One `newsfacts run` (a real Prefect flow run, through the CLI) shared by the CLI and
    report tests: the seed article, an article holding HTML and console markup, and a binary
    input named like an HTML tag, which is refused.
    -> (out folder, the finished process, its JSON summary)"""
    import shutil
    import subprocess
    import sys

    work = tmp_path_factory.mktemp("seed-run")
    inp, out = work / "in", work / "out"
    inp.mkdir()
    shutil.copy(SEED, inp / SEED.name)
    shutil.copy(MARKUP_ARTICLE, inp / MARKUP_ARTICLE.name)
    (inp / REFUSED_NAME).write_bytes(b"%PDF-1.7\n\x00\x01")
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_API_URL=prefect_server)
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(inp), "--out", str(out), "--workers", "1", "--json", "--quiet"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 6, proc.stderr[-3000:]  # one input refused, the rest written; the markup article is under the word floor
    return out, proc, json.loads(proc.stdout)
