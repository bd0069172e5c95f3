"""Bar charts drawn on the server as inline SVG: no script, no external file.

``bar_chart`` works out the geometry; ``neighbourhood/admin/figures_chart.html``
draws it. A chart is never the only way to read a number: the page shows the
same numbers in a table.
"""

import math
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format

WIDTH = 760
HEIGHT = 300
MARGIN_LEFT = 48
MARGIN_RIGHT = 12
MARGIN_TOP = 12
MARGIN_BOTTOM = 44
# Okabe–Ito based, darkened where needed for 3:1 contrast on white.
COLOURS = ("#0072B2", "#C75300", "#007A5A", "#6A3D9A", "#8C510A", "#B8336A")
# At most this many month labels under the bars; more would overlap.
MAX_MONTH_LABELS = 18


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    # For the tooltip: "Kaartje, maart 2025: 4".
    title: str


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class MonthLabel:
    x: float
    text: str
    year: str


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    bars: list[Bar]
    ticks: list[Tick]
    months: list[MonthLabel]
    series: list[Series]
    is_empty: bool

    @property
    def labels(self) -> list[str]:
        return [series.label for series in self.series]


def nice_step(maximum: int, *, steps: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) that divides 0 to
    ``maximum`` into at most ``steps`` gridlines."""
    rough = max(maximum / steps, 1)
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def bar_chart(*, months: list[date], series: list[tuple[str, list[int]]]) -> BarChart:
    """A grouped bar chart: per month one bar for each of ``series``
    (label, one value per month)."""
    plot_left, plot_right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    plot_top, plot_bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM
    maximum = max((value for _label, values in series for value in values), default=0)
    step = nice_step(maximum)
    top = max(step * math.ceil(maximum / step), step)

    def y_of(value: int) -> float:
        return round(plot_bottom - (plot_bottom - plot_top) * value / top, 1)

    slot = (plot_right - plot_left) / max(len(months), 1)
    bar_width = slot * 0.8 / max(len(series), 1)
    bars = []
    for number, (label, values) in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        for index, (month, value) in enumerate(zip(months, values, strict=True)):
            x = plot_left + slot * index + slot * 0.1 + bar_width * number
            bars.append(
                Bar(
                    x=round(x, 1),
                    y=y_of(value),
                    width=round(bar_width, 1),
                    height=round(plot_bottom - y_of(value), 1),
                    colour=colour,
                    title=f"{label}, {date_format(month, 'F Y')}: {value}",
                )
            )
    every = math.ceil(len(months) / MAX_MONTH_LABELS) or 1
    labels = [
        MonthLabel(
            x=round(plot_left + slot * (index + 0.5), 1),
            text=date_format(month, "M"),
            # The year under the first month and under every January.
            year=str(month.year) if index == 0 or month.month == 1 else "",
        )
        for index, month in enumerate(months)
        if index % every == 0
    ]
    return BarChart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        bars=bars,
        ticks=[Tick(value=value, y=y_of(value)) for value in range(0, top + 1, step)],
        months=labels,
        series=[
            Series(label=label, colour=COLOURS[number % len(COLOURS)])
            for number, (label, _values) in enumerate(series)
        ],
        is_empty=maximum == 0,
    )
