"""The run report: one self-contained static HTML page built from an output folder.

    newsfacts report [--out DIR] [--html FILE]      (default FILE: OUT/_newsfacts/report.html)

The page holds its styles and charts (inline SVG) and loads nothing: no script, no font, no
stylesheet, no image from anywhere, and its Content-Security-Policy forbids them. Everything
that comes from the articles (titles, quotes, names, sources) is escaped by the template
engine (autoescape), so it shows as text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from tasks import PIPELINE_VERSION
from tasks.common.datafiles import DataFiles
from tasks.store.layout import OutputLayout
from tasks.report import charts
from tasks.report.corpus import Corpus, corpus
from tasks.report.entities import Label, entities
from tasks.report.load import Loaded, load
from tasks.report.numbers import Numbers, numbers
from tasks.report.quality import Quality, quality
from tasks.report.runs import Runs, runs
from tasks.report.speakers import Speakers, speakers
from tasks.store.io import atomic_write_bytes

DATA = DataFiles.beside(__file__)
TEMPLATE = "report.html.j2"


@dataclass(frozen=True)
class Sections:
    corpus: Corpus
    speakers: Speakers
    numbers: Numbers
    entities: list[Label]
    quality: Quality
    runs: Runs


def default_path(out: str | Path) -> Path:
    return OutputLayout(out).report


def build(out: str | Path, html: str | Path | None = None) -> Path:
    """Write the report of an output folder (atomically); returns its path.
    Raises tasks.report.load.NoTables when the folder holds no tables."""
    data = load(out)
    target = Path(html) if html else default_path(out)
    atomic_write_bytes(target, render(data).encode("utf-8"))
    return target


def sections(data: Loaded) -> Sections:
    return Sections(corpus=corpus(data), speakers=speakers(data), numbers=numbers(data), entities=entities(data),
                    quality=quality(data), runs=runs(data))


def render(data: Loaded, built_at: datetime | None = None) -> str:
    s = sections(data)
    return _environment().get_template(TEMPLATE).render(
        s=s, charts=draw(s), out=str(data.layout.root.resolve()), version=PIPELINE_VERSION,
        built_at=(built_at or datetime.now(timezone.utc)).replace(microsecond=0))


def draw(s: Sections) -> dict[str, Markup]:
    """The page's charts, by name; a chart with nothing to show is left out."""
    c, r = s.corpus, s.runs
    out = {}
    if c.per_month:
        out["months"] = charts.columns(c.per_month, "articles")
    if c.per_outlet:
        out["outlets"] = charts.bars(c.per_outlet, "articles")
    if s.speakers.top:
        out["speakers"] = charts.bars([(p.name, p.quotes) for p in s.speakers.top], "quotes")
    if s.numbers.by_kind:
        out["kinds"] = charts.bars(s.numbers.by_kind, "facts")
        out["units"] = charts.bars(s.numbers.by_unit, "facts")
    if s.entities:
        out["labels"] = charts.bars([(lab.label, lab.entities) for lab in s.entities], "entities (one per article)")
    if r.recent:
        ids = [when(run.when, "%Y-%m-%d %H:%M") if run.when else run.run_id for run in r.recent]
        if r.stages:
            out["stages"] = charts.stacked(ids, r.stages, [run.stages for run in r.recent], "seconds (batch stages summed over batches)")
        if any(run.articles_per_second for run in r.recent):
            out["speed"] = charts.trend(ids, [run.articles_per_second for run in r.recent], "articles per second")
        if r.memory_recorded:
            out["memory"] = charts.trend(ids, [run.peak_memory_mb for run in r.recent], "peak memory (MB)", color=charts.PALETTE[1])
    return {name: Markup(svg) for name, svg in out.items()}  # drawn by matplotlib, which escapes every label


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(DATA.folder)), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(num=number, when=when, secs=seconds)
    return env


def number(v) -> str:
    """A count or a value as people read it: 12,345; 3.5; 1.2e+15."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "\u2013"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v) < 1e15 else f"{v:.3g}"
    return f"{int(v):,}" if abs(v) < 1e15 else f"{float(v):.3g}"


def when(t: datetime | None, fmt: str = "%Y-%m-%d %H:%M UTC") -> str:
    return t.strftime(fmt) if t else "\u2013"


def seconds(v: float | None) -> str:
    return "\u2013" if v is None else f"{v:,.1f} s"
