"""Fixtures of the report tests: an invented output folder (tables, run log, validation
results, quarantine, a refusal) whose every figure is known, and headless Chromium driven over
the DevTools protocol on a pipe (no port, no extra package): a page is loaded with the network
cut off, and every request, console message and uncaught exception is recorded."""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.extract.entities.keys import entity_key
from tasks.schemas import ALL_TABLES, ARTICLES, ENTITIES, NUMERIC_FACTS, QUOTES, REJECTIONS, SENTENCES, TABLES, row

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic", "--hide-scrollbars", "--remote-debugging-pipe",
         # no way out: every host resolves to nothing and every request goes to a dead proxy
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


@dataclass
class Visit:
    """One page loaded in Chromium: what it asked for and what it complained about."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # console errors and warnings, log entries, exceptions
    dialogs: list[str] = field(default_factory=list)


class DevTools:
    """A Chromium process and its DevTools pipe (fd 3: commands in, fd 4: replies and events out)."""

    def __init__(self, width: int = 1200, height: int = 900):
        self.profile = tempfile.mkdtemp(prefix="chromium-profile")
        to_chrome, self._w = os.pipe()
        self._r, from_chrome = os.pipe()

        def fds():  # in the child, before exec: the pipe ends as fds 3 and 4
            os.dup2(to_chrome, 3)
            os.dup2(from_chrome, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
                                      "about:blank"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=fds, pass_fds=(3, 4))
        os.close(to_chrome)
        os.close(from_chrome)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        self.session: str | None = None

    def send(self, method: str, params: dict | None = None, session: bool = True, timeout: float = 60) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_for(self, method: str, timeout: float = 60) -> dict:
        deadline = time.time() + timeout
        for i, m in enumerate(self.events):
            if m.get("method") == method:
                return self.events.pop(i)
        while True:
            m = self._read(deadline)
            if m.get("method") == method:
                return m
            self.events.append(m)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def open(self, url: str, width: int, height: int) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"])
        return r["result"].get("value")

    def screenshot(self, path: Path, height: int | None = None) -> None:
        params = {"format": "png"}
        if height:
            params |= {"clip": {"x": 0, "y": 0, "width": self.evaluate("document.documentElement.clientWidth"),
                                "height": height, "scale": 1}, "captureBeyondViewport": True}
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def visit(self) -> Visit:
        """What the page did so far (drains the recorded events)."""
        self.send("Runtime.evaluate", {"expression": "1"})  # let pending events arrive
        v = Visit()
        for m in self.events:
            p = m.get("params", {})
            if m.get("method") == "Network.requestWillBeSent":
                v.requests.append(p["request"]["url"])
            elif m.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
                v.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif m.get("method") == "Runtime.exceptionThrown":
                v.console.append(json.dumps(p.get("exceptionDetails", {}))[:500])
            elif m.get("method") == "Log.entryAdded" and p["entry"].get("level") in ("error", "warning"):
                v.console.append(p["entry"].get("text", ""))
            elif m.get("method") == "Page.javascriptDialogOpening":
                v.dialogs.append(p.get("message", ""))
        self.events.clear()
        return v

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False, timeout=10)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._r)
        os.close(self._w)
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture
def chromium():
    """open(url, width, height) -> DevTools, loaded; every browser is closed at the end."""
    opened: list[DevTools] = []

    def _open(url: str, width: int = 1200, height: int = 900) -> DevTools:
        d = DevTools(width, height)
        opened.append(d)
        d.open(url, width, height)
        return d

    yield _open
    for d in opened:
        d.close()


# --------------------------------------------------------------------------- an invented output folder

RUN_A, RUN_B = "20260105T090000-aaaaaa", "20260203T101500-bbbbbb"
JAN, FEB = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), datetime(2026, 2, 3, 10, 15, tzinfo=timezone.utc)
INVENTED = {  # article_id: (source, url, title, published_at, n_words)
    "a1": ("site/a1.html", "https://www.example.org/news/1", "Mayor opens <b>bridge</b>", JAN, 120),
    "a2": ("site/a2.html", "https://example.org/news/2", "Budget passes", JAN, 80),
    "a3": ("wire/feed.jsonl#7", None, None, None, 40),
}


def _write(out: Path, table: str, rows: list[dict], month: str | None, run: str = RUN_A) -> None:
    folder = out / table / f"month={month}" if month else out / table
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=ALL_TABLES[table]), folder / f"part-{run}-00000.parquet")


def _article(aid: str) -> dict:
    source, url, title, published, words = INVENTED[aid]
    return row(ARTICLES, article_id=aid, source=source, sources=[source], title=title, standfirst=None, text="x",
               n_paragraphs=1, n_sentences=1, n_words=words, content_sha256="0" * 64, encoding="utf-8", url=url,
               published_at=published, ingested_at=JAN, pipeline_version="0.1.0")


def _entity(aid: str, n: int, name: str, label: str, mentions: int) -> dict:
    return row(ENTITIES, article_id=aid, entity_id=f"{aid}:{n}", entity_key=entity_key(label, name), name=name, label=label,
               mention_count=mentions, aliases=[name], role=None)


def _quote(aid: str, n: int, text: str, speaker: str | None, entity: int | None, kind: str = "full") -> dict:
    return row(QUOTES, article_id=aid, quote_id=f"{aid}:q:{n}", paragraph_idx=1, sentence_idx=n, char_start=10 * n,
               char_end=10 * n + len(text), text=text, kind=kind, closed=True, speaker=speaker,
               speaker_type=("person" if entity is not None else "unnamed") if speaker else None,
               speaker_entity_id=f"{aid}:{entity}" if entity is not None else None,
               entity_key=entity_key("PERSON", speaker) if entity is not None and speaker else None, speaker_mention=speaker,
               speaker_char_start=None, speaker_char_end=None, cue="said", attribution="cue_after:name" if speaker else "none")


def _fact(aid: str, n: int, sentence: int, start: int, text: str, value: float, unit: str | None, kind: str) -> dict:
    return row(NUMERIC_FACTS, article_id=aid, fact_id=f"{aid}:{sentence}:{n}", sentence_idx=sentence, char_start=start,
               char_end=start + len(text), text=text, value=value, value_low=None, value_high=None, unit=unit, unit_text=unit, qualifier=None,
               kind=kind, relation="=", direction=None, subject=None, location=None, resolved_date=None, quote_id=None)


def _sentence(aid: str, idx: int, start: int, text: str) -> dict:
    return row(SENTENCES, article_id=aid, sentence_idx=idx, paragraph_idx=1, char_start=start, char_end=start + len(text), text=text)


def _gx(passed: bool, evaluated: int, failing: list[tuple[str, str, int, list]]) -> dict:
    """A GX suite result as the pipeline keeps it (only the keys the report reads)."""
    return {"success": passed, "statistics": {"evaluated_expectations": evaluated, "unsuccessful_expectations": len(failing)},
            "results": [{"success": True, "expectation_config": {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "text"}}}]
            + [{"success": False, "expectation_config": {"type": t, "kwargs": {"column": c}},
                "result": {"unexpected_count": n, "partial_unexpected_list": ex}} for t, c, n, ex in failing]}


def make_invented_output(out: Path) -> Path:
    """Three articles in two months, five people and a group quoted, four facts, one refused
    input, two quarantined quote rows, two runs in the log and a line that is not JSON."""
    _write(out, "articles", [_article("a1"), _article("a2")], "2026-01")
    _write(out, "articles", [_article("a3")], "2026-02", RUN_B)
    _write(out, "entities", [_entity("a1", 0, "Jane Doe", "PERSON", 3), _entity("a1", 1, "John Roe", "PERSON", 1),
                             _entity("a1", 2, "Acme", "ORG", 2), _entity("a2", 0, "Jane Doe", "PERSON", 2),
                             _entity("a2", 1, "France", "GPE", 1), _entity("a3", 0, "Acme", "ORG", 4)], "2026-01")
    _write(out, "quotes", [
        _quote("a1", 0, "The bridge will carry trams and bikes across the river by spring", "Jane Doe", 0),
        _quote("a1", 1, "Trams and bikes first, cars last: the river crossing is for everyone who walks", "Jane Doe", 0),
        _quote("a1", 2, "We oppose the <script>alert(1)</script> plan [sic]", "John Roe", 1),
        _quote("a2", 0, "Trams and bikes will get the money in this budget for the city", "Jane Doe", 0),
        _quote("a2", 1, "the budget is late", "officials", None, kind="indirect"),
        _quote("a2", 2, "No comment", None, None)], "2026-01")
    _write(out, "numeric_facts", [_fact("a1", 0, 0, 4, "3,000 families", 3000, "families", "count"),
                                  _fact("a1", 1, 1, 30, "40,000 troops", 40000, "troops", "count"),
                                  _fact("a2", 0, 0, 9, "5 pounds", 5, "GBP", "money"),
                                  _fact("a2", 1, 0, 20, "3.5%", 3.5, "%", "percent")], "2026-01")
    _write(out, "sentences", [_sentence("a1", 0, 0, "For 3,000 families, a bridge."),
                              _sentence("a1", 1, 30, "40,000 troops crossed it."),
                              _sentence("a2", 0, 0, "It costs 5 pounds, up 3.5%.")], "2026-01")
    for table in ("paragraphs", "mentions"):
        _write(out, table, [], "2026-01")
    rejection = row(REJECTIONS, source="site/<img src=x onerror=alert(1)>.pdf", reason="binary file (PDF document), not text",
                    content_sha256=None, rejected_at=FEB, pipeline_version="0.1.0")
    _write(out, "rejections", [rejection], "2026-02", RUN_B)
    q = out / "quarantine" / "quotes"
    q.mkdir(parents=True)
    pq.write_table(pa.table({"table": ["quotes"] * 2, "failed_expectations": ["expect_column_values_to_be_in_set(kind)"] * 2,
                             "text": ["a", "b"]}), q / f"part-{RUN_B}-00003.parquet")
    state = out / "_newsfacts"
    (state / "validations" / RUN_A).mkdir(parents=True)
    (state / "validations" / RUN_B).mkdir(parents=True)
    (state / "validations" / RUN_A / "results.json").write_text(json.dumps({t: [_gx(True, 10, [])] for t in TABLES}))
    (state / "validations" / RUN_B / "results.json").write_text(json.dumps(
        {"quotes": [_gx(False, 12, [("expect_column_values_to_be_in_set", "kind", 2, ["shouted", "sung"])]), _gx(True, 12, [])],
         "articles": [_gx(True, 25, [])]}))
    runs = [{"run_id": RUN_A, "inputs": {"new": 2, "changed": 0, "unchanged": 0}, "rows": {"articles": 2}, "quarantined": {},
             "validation_passed": True, "rejected": 0, "seconds": {"plan+process": 3.0, "total": 4.0, "batches:spacy": 2.0,
                                                                    "flow:validate": 0.5, "commit": 0.25}},
            {"run_id": RUN_B, "inputs": {"new": 1, "changed": 0, "unchanged": 2}, "rows": {"articles": 1}, "quarantined": {"quotes": 2},
             "validation_passed": False, "rejected": 1, "seconds": {"total": 2.0, "batches:spacy": 1.0, "flow:write": 0.5},
             "peak_memory_mb": 512.5}]
    (state / "runs.jsonl").write_text(json.dumps(runs[0]) + "\n{not json\n" + json.dumps(runs[1]) + "\n")
    return out


@dataclass(frozen=True)
class Invented:
    out: Path
    run_a: str = RUN_A
    run_b: str = RUN_B
    jan: datetime = JAN
    feb: datetime = FEB


@pytest.fixture
def invented(tmp_path) -> Invented:
    """The invented output folder (see make_invented_output), with its run ids and times."""
    return Invented(make_invented_output(tmp_path / "out"))


@pytest.fixture(scope="module")
def invented_once(tmp_path_factory) -> Invented:
    """The same, shared by a module's tests that only read it."""
    return Invented(make_invented_output(tmp_path_factory.mktemp("invented") / "out"))
