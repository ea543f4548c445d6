"""Chart geometry for the overview, computed in Python and drawn as SVG by the templates.

Server-side geometry keeps the overview readable without JavaScript and lets the
report embed the very same markup. Only numbers and labels leave here; the
templates escape the labels and the stylesheet owns the colours (``c0``…``c8``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

PALETTE_SIZE = 8  # the stylesheet's c0..c7; c8 is "other outlets"


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    css: str
    title: str


@dataclass
class Tick:
    pos: float
    label: str


@dataclass
class StackedChart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    left: int = 40
    bottom: int = 0


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _nice_max(value: int) -> tuple[int, int]:
    """A round axis maximum at or above ``value`` and its tick step."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 5:
            return max(step, -(-value // step) * step), step
    step = 10 ** len(str(value))
    return -(-value // step) * step, step


def documents_per_month(
    rows: Sequence[Mapping[str, Any]], width: int = 960, height: int = 260
) -> StackedChart:
    """Documents per month, stacked by outlet (the largest outlets coloured, the rest grouped)."""
    chart = StackedChart(width, height)
    valid = [r for r in rows if r["month"] and len(r["month"]) == 7 and r["month"][4] == "-"]
    if not valid:
        return chart
    totals: dict[str, int] = defaultdict(int)
    for r in valid:
        totals[r["outlet"]] += r["n"]
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    coloured = ranked[:PALETTE_SIZE]
    css = {o: f"c{i}" for i, o in enumerate(coloured)}
    months = _months(min(r["month"] for r in valid), max(r["month"] for r in valid))
    stacks: dict[str, dict[str, int]] = {m: defaultdict(int) for m in months}
    for r in valid:
        stacks[r["month"]][r["outlet"] if r["outlet"] in css else "other outlets"] += r["n"]
    top, bottom, left, right = 10, 30, 40, 10
    chart.left, chart.bottom = left, height - bottom
    plot_w, plot_h = width - left - right, height - top - bottom
    y_max, y_step = _nice_max(max(sum(s.values()) for s in stacks.values()))
    slot = plot_w / len(months)
    gap = min(2.0, slot * 0.2)
    order = [*coloured, "other outlets"]
    for i, month in enumerate(months):
        y = float(height - bottom)
        for outlet in order:
            n = stacks[month].get(outlet, 0)
            if not n:
                continue
            h = plot_h * n / y_max
            y -= h
            chart.bars.append(Bar(left + i * slot + gap / 2, y, max(slot - gap, 0.5), h,
                                  css.get(outlet, "c8"), f"{outlet} — {month}: {n}"))
    label_every = max(1, round(len(months) / 12))
    for i, month in enumerate(months):
        if i % label_every == 0:
            label = month if (i == 0 or month.endswith("-01") or label_every == 1) else month[5:]
            chart.x_ticks.append(Tick(left + (i + 0.5) * slot, label))
    chart.y_ticks = [Tick(height - bottom - plot_h * v / y_max, str(v))
                     for v in range(0, y_max + 1, y_step)]
    chart.legend = [(o, css[o]) for o in coloured]
    if len(ranked) > len(coloured):
        chart.legend.append((f"{len(ranked) - len(coloured)} other outlets", "c8"))
    return chart


@dataclass
class HBar:
    label: str
    detail: str
    n: int
    w: float
    css: str


def horizontal_bars(
    items: Sequence[tuple[str, str, int, str]], width: float = 100.0
) -> list[HBar]:
    """Bars scaled to the largest value: ``(label, detail, n, css)`` in, widths in percent out."""
    top = max((n for _, _, n, _ in items), default=0) or 1
    return [HBar(label, detail, n, width * n / top, css) for label, detail, n, css in items]
