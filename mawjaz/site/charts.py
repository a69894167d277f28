"""Data → small SVG charts as text, inlined in the pages. No I/O, no JavaScript, no chart library.

One convention for every chart of the site: time runs right to left, as Arabic is read. The oldest
month stands at the right edge and the newest at the left, so a timeline reads in the same direction
as the page around it.

Charts carry no colours of their own: shapes have class names that static/style.css paints with the
page's variables (and currentColor), so dark mode and print restyle them with the rest of the page.
Every text that comes from the content is escaped; coordinates are rounded so builds are identical.
"""
from __future__ import annotations

import math
from collections import Counter

from markupsafe import Markup, escape

from ..entry_dates import month_of
from .network import HEIGHT as NETWORK_HEIGHT
from .network import LABEL_CHARACTERS
from .network import WIDTH as NETWORK_WIDTH
from .network import Network

TIMELINE_WIDTH, TIMELINE_HEIGHT = 600, 110
BASELINE, TOP = 84, 16                # the bars stand on BASELINE and reach at most TOP
HEAT_LEVELS = 5


def month_counts(entries) -> list[tuple[str, int]]:
    """Entries per month ('2025-09', n), every month from the first to the last, empty ones included.
    Entries dated by year only have no month and are left out."""
    counts = Counter(month_of(e.date) for e in entries if month_of(e.date))
    if not counts:
        return []
    return [(month, counts.get(month, 0)) for month in month_range(min(counts), max(counts))]


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def number(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing '.0'."""
    text = f"{round(value, 1):.1f}"
    return text.removesuffix(".0")


def timeline_svg(series: list[tuple[str, int]], label: str) -> Markup:
    """A bar per month, time running right to left, years written under their months."""
    step = TIMELINE_WIDTH / max(len(series), 1)
    bar = min(step * 0.8, 24)
    biggest = max((count for _, count in series), default=0) or 1
    parts = [f'<line class="chart-axis" x1="0" x2="{TIMELINE_WIDTH}" y1="{BASELINE}" y2="{BASELINE}"/>']
    for index, (month, count) in enumerate(series):
        if count:
            height = max((BASELINE - TOP) * count / biggest, 2)
            parts.append(f'<rect class="chart-bar" x="{number(month_centre(index, step) - bar / 2)}" '
                         f'y="{number(BASELINE - height)}" width="{number(bar)}" height="{number(height)}">'
                         f'<title>{escape(month)}: {count}</title></rect>')
    parts += year_marks(series, step)
    peak = max(range(len(series)), key=lambda i: (series[i][1], i), default=None)
    if peak is not None and series[peak][1]:
        parts.append(f'<text class="chart-label" x="{number(month_centre(peak, step))}" y="{TOP - 4}" '
                     f'text-anchor="middle">{series[peak][1]}</text>')
    return svg_element("chart timeline", TIMELINE_WIDTH, TIMELINE_HEIGHT, label, parts)


def month_centre(index: int, step: float) -> float:
    """Month 0 (the oldest) at the right edge: time runs right to left."""
    return TIMELINE_WIDTH - (index + 0.5) * step


def year_marks(series: list[tuple[str, int]], step: float) -> list[str]:
    """A tick where each year begins and the year's number under its months, every year when there
    is room, else every second, fifth… year."""
    years: dict[str, list[int]] = {}
    for index, (month, _) in enumerate(series):
        years.setdefault(month[:4], []).append(index)
    every = next(n for n in (1, 2, 5, 10, 20, 50) if n * 12 * step >= 48 or n == 50)
    marks = []
    for position, (year, indexes) in enumerate(years.items()):
        edge = TIMELINE_WIDTH - indexes[0] * step
        if position:
            marks.append(f'<line class="chart-tick" x1="{number(edge)}" x2="{number(edge)}" '
                         f'y1="{BASELINE}" y2="{BASELINE + 6}"/>')
        if int(year) % every == 0 or len(years) == 1:
            middle = (month_centre(indexes[0], step) + month_centre(indexes[-1], step)) / 2
            marks.append(f'<text class="chart-label" x="{number(middle)}" y="{BASELINE + 20}" '
                         f'text-anchor="middle">{year}</text>')
    return marks


def svg_element(css_class: str, width: int, height: int, label: str, parts: list[str], role: str = "img") -> Markup:
    # width and height reserve the drawing's space before CSS loads; CSS scales it to the column.
    return Markup(f'<svg class="{css_class}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
                  f'role="{role}" '
                  f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  + "".join(parts) + "</svg>")


def network_svg(network: Network, href_of, label: str) -> Markup:
    """Links as lines (thicker for more shared entries), actors as circles (larger for more entries),
    each circle a link to the actor's page. The drawing is a group of links, not a single image,
    so a keyboard or a screen reader can still follow each one."""
    heaviest = max((edge.shared for edge in network.edges), default=1)
    place = {node.actor.id: node for node in network.nodes}
    parts = ['<g class="network-edges">']
    for edge in network.edges:
        a, b = place[edge.source], place[edge.target]
        width = 1 + 5 * edge.shared / heaviest
        parts.append(f'<line x1="{number(a.x)}" y1="{number(a.y)}" x2="{number(b.x)}" y2="{number(b.y)}" '
                     f'stroke-width="{number(width)}"><title>{escape(a.actor.name)} — '
                     f'{escape(b.actor.name)}: {edge.shared}</title></line>')
    parts.append("</g>")
    for node in network.nodes:
        parts.append(network_node(node, href_of(node.actor.id)))
    return svg_element("network", NETWORK_WIDTH, NETWORK_HEIGHT, label, parts, role="group")


def network_node(node, href: str) -> str:
    name = node.actor.name
    shown = name if len(name) <= LABEL_CHARACTERS else name[:LABEL_CHARACTERS - 1].rstrip() + "…"
    return (f'<a href="{escape(href)}" class="network-node kind-{escape(node.actor.kind)}">'
            f'<title>{escape(name)}: {node.entries}</title>'
            f'<circle cx="{number(node.x)}" cy="{number(node.y)}" r="{number(node.radius)}"/>'
            f'<text x="{number(node.x)}" y="{number(node.y + node.radius + 14)}" text-anchor="middle">'
            f'{escape(shown)}</text></a>')


def heat_level(count: int, biggest: int) -> int:
    """0 for none, then 1 to HEAT_LEVELS by the square root of the share of the largest count, so that
    one very busy actor does not leave every other cell pale."""
    return math.ceil(HEAT_LEVELS * math.sqrt(count / biggest)) if count and biggest else 0
