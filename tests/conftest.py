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
    from tasks.nlp.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text) -> (Article, Doc): cleaned, split and parsed like the pipeline does."""
    from tasks.structure.clean import clean
    from tasks.model import RawDocument
    from tasks.nlp.parse import sentences_of

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
               PREFECT_UI_ENABLED="true")
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
