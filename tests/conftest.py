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
    from tasks.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text) -> (Article, Doc): cleaned, split and parsed like the pipeline does."""
    from tasks.clean import clean
    from tasks.model import RawDocument
    from tasks.nlp import sentences_of

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
