"""Charts for the report: matplotlib figures rendered to inline SVG.

Text stays text (svg.fonttype "none": the browser draws it with a local sans-serif font, no
font is embedded or fetched), labels are never parsed as mathtext ("$" is a dollar), and the
SVG ids are salted with a fixed string so that a build of the same data gives the same page.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure

INK, ACCENT, GRID = "#333333", "#2b6cb0", "#dddddd"
PALETTE = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#d69e2e", "#718096", "#e53e3e", "#3182ce"]
RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "newsfacts-report",
    "text.parse_math": False,
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.edgecolor": GRID,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
LABEL_CHARS = 38
MIN_COLUMNS = 6


WIDTH = 6.2  # inches; the page scales the SVG to its box
CHAR_IN = 0.075  # width of a label character at 9 pt, roughly, in inches


def _svg(fig: Figure) -> str:
    """The figure as an <svg> element to inline in HTML (no XML prolog, no DOCTYPE, no
    metadata block), scaled to the width of its box. Margins are set by the caller (a
    "tight" bounding box would draw every figure twice)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, count=1, flags=re.S)
    return re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1class="chart" role="img"', svg, count=1)


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "\u2026"


def _margins(fig: Figure, labels: Sequence[str], bottom: float, top: float = 0.12) -> None:
    """Room on the left for the longest label, and `bottom`/`top` inches below and above."""
    height = fig.get_figheight()
    left = min(0.5, (0.15 + CHAR_IN * max((len(x) for x in labels), default=4)) / WIDTH)
    fig.subplots_adjust(left=left, right=0.97, bottom=min(0.6, bottom / height), top=1 - min(0.3, top / height))


def bars(pairs: Sequence[tuple[str, float]], unit: str, color: str = ACCENT) -> str:
    """Horizontal bars, the first pair on top, each labelled with its value (no value axis)."""
    with rc_context(RC):
        fig = Figure(figsize=(WIDTH, 0.3 + 0.24 * max(1, len(pairs))))
        ax = fig.add_subplot()
        labels = [_short(k) for k, _ in pairs][::-1]
        values = [v for _, v in pairs][::-1]
        rects = ax.barh(range(len(values)), values, color=color, height=0.7, label=unit)
        ax.set_yticks(range(len(values)), labels)
        ax.bar_label(rects, labels=[f"{v:,.0f}" for v in values], padding=3, fontsize=8, color=INK)
        ax.margins(x=0.14, y=0.01)
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        _margins(fig, labels, bottom=0.05, top=0.05)
        return _svg(fig)


def columns(pairs: Sequence[tuple[str, float]], unit: str, color: str = ACCENT) -> str:
    """Vertical bars in the given order (e.g. months), each labelled with its value (no value axis)."""
    with rc_context(RC):
        fig = Figure(figsize=(WIDTH, 2.4))
        ax = fig.add_subplot()
        labels = [_short(k) for k, _ in pairs]
        slanted = len(pairs) > 8
        rects = ax.bar(range(len(pairs)), [v for _, v in pairs], color=color, width=0.7, label=unit)
        ax.set_xticks(range(len(pairs)), labels, rotation=45 if slanted else 0, ha="right" if slanted else "center")
        ax.bar_label(rects, labels=[f"{v:,.0f}" for _, v in pairs], padding=2, fontsize=8, color=INK)
        ax.margins(y=0.15)
        pad = max(0.0, (MIN_COLUMNS - len(pairs)) / 2)  # a few columns stay column-wide, centred
        ax.set_xlim(-0.5 - pad, len(pairs) - 0.5 + pad)
        ax.tick_params(axis="x", length=0)
        ax.yaxis.set_visible(False)
        ax.spines["left"].set_visible(False)
        fig.subplots_adjust(left=0.03, right=0.97, top=0.95,
                            bottom=min(0.6, (0.3 + (CHAR_IN * 0.75 * max(map(len, labels), default=0) if slanted else 0)) / 2.4))
        return _svg(fig)


def stacked(runs: Sequence[str], stages: Sequence[str], seconds: Sequence[dict[str, float]], xlabel: str) -> str:
    """One horizontal bar per run (the first on top), split into its stages; the legend below."""
    legend_rows = -(-len(stages) // 4)
    legend = 0.2 * legend_rows
    with rc_context(RC):
        fig = Figure(figsize=(WIDTH, 0.75 + legend + 0.24 * max(1, len(runs))))
        ax = fig.add_subplot()
        y = list(range(len(runs)))[::-1]
        left = [0.0] * len(runs)
        for i, stage in enumerate(stages):
            widths = [s.get(stage, 0.0) for s in seconds]
            ax.barh(y, widths, left=left, color=PALETTE[i % len(PALETTE)], height=0.7, label=stage)
            left = [a + b for a, b in zip(left, widths)]
        labels = [_short(r) for r in runs]
        ax.set_yticks(y, labels)
        ax.set_xlabel(xlabel)
        ax.tick_params(axis="y", length=0)
        ax.xaxis.grid(True, color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        _margins(fig, labels, bottom=0.55 + legend)
        fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.01), ncol=4, frameon=False, fontsize=8)
        return _svg(fig)


def trend(runs: Sequence[str], values: Sequence[float | None], ylabel: str, color: str = ACCENT) -> str:
    """One value per run, in run order, as points joined by a line (runs without it are gaps)."""
    with rc_context(RC):
        fig = Figure(figsize=(WIDTH, 2.4))
        ax = fig.add_subplot()
        x = list(range(len(runs)))
        ax.plot(x, [float("nan") if v is None else v for v in values], marker="o", color=color, linewidth=1.5)
        step = max(1, len(runs) // 8)
        labels = [_short(r) for r in runs]
        ax.set_xticks(x[::step], labels[::step], rotation=30, ha="right")
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.margins(x=0.05)
        ax.yaxis.grid(True, color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        first = len(labels[0]) if labels else 0  # a slanted label reaches left of its tick
        fig.subplots_adjust(left=max(0.12, min(0.35, (0.15 + CHAR_IN * 0.8 * first) / WIDTH)), right=0.97, top=0.95,
                            bottom=min(0.6, (0.25 + CHAR_IN * 0.6 * max(map(len, labels), default=0)) / 2.4))
        return _svg(fig)
