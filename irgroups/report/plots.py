"""PNG plots with matplotlib (Agg backend: no display needed)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
from matplotlib.ticker import MaxNLocator  # noqa: E402


def _whole_numbers(axis: Any) -> None:
    """Ticks at whole numbers only: a count of 2 is not '2.00', and there is no 0.25 of a problem."""
    axis.set_major_locator(MaxNLocator(integer=True))


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return buf.getvalue()


def bars(labels: list[str], values: Sequence[float], title: str, ylabel: str, ylim: float | None = None,
         value_format: str = "{:.2f}") -> bytes:
    """One bar per label, its value written on top: shares with the default format, counts with
    `value_format="{:,.0f}"` (their axis then ticks at whole numbers)."""
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.bar(labels, values, color="#4C72B0")
    for i, v in enumerate(values):
        ax.text(i, v, value_format.format(v), ha="center", va="bottom", fontsize=8)
    if value_format.endswith(".0f}"):
        _whole_numbers(ax.yaxis)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    if ylim is not None:
        ax.set_ylim(0, ylim)
    ax.tick_params(axis="x", rotation=30)
    return _png(fig)


def histogram(values: list[int], title: str, xlabel: str) -> bytes:
    fig, ax = plt.subplots(figsize=(6, 3.5))
    if values:
        lo, hi = min(values), max(values)
        ax.hist(values, bins=range(lo, hi + 2), color="#55A868", edgecolor="white", align="left")
        if hi - lo < 20:  # a tick per value: with one value MaxNLocator falls back to 4.50, 4.65, ...
            ax.set_xticks(range(lo, hi + 1))
        else:
            _whole_numbers(ax.xaxis)  # the values are whole numbers (members, tests)
    _whole_numbers(ax.yaxis)  # and so are the counts
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("count")
    return _png(fig)


def grouped_bars(groups: list[str], series: dict[str, list[float]], title: str, ylabel: str) -> bytes:
    fig, ax = plt.subplots(figsize=(7, 3.8))
    n = max(len(series), 1)
    width = 0.8 / n
    for i, (name, values) in enumerate(series.items()):
        xs = [x + i * width - 0.4 + width / 2 for x in range(len(groups))]
        ax.bar(xs, values, width, label=name)
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(groups, rotation=30)
    ax.set_ylim(0, 1)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    return _png(fig)


def score_histograms(series: dict[str, list[float]], title: str, xlabel: str) -> bytes:
    """Distributions of scores in [0, 1], one outline per series, on the same bins."""
    fig, ax = plt.subplots(figsize=(6, 3.5))
    bins = [i / 10 for i in range(11)]
    for name, values in series.items():
        ax.hist(values, bins=bins, histtype="step", linewidth=2, label=f"{name} (mean {sum(values) / max(len(values), 1):.2f})")
    ax.set_xlim(0, 1)
    _whole_numbers(ax.yaxis)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("problems")
    ax.legend(fontsize=8, loc="upper left")
    return _png(fig)
