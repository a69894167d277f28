"""Entries → actor co-occurrence networks with a fixed layout. No I/O.

Two actors are linked when one entry names both; the link's weight is the number of such entries.
The layout is a force-directed one (Fruchterman–Reingold) with starting points taken from a hash of
each actor's id and a fixed number of steps. It uses only + − × ÷ and square roots, which IEEE 754
rounds the same way on every machine, and coordinates are rounded at the end: the same entries give
the same picture, byte for byte, on every build.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from ..entry_dates import year_of
from ..model import ACTOR_KINDS, Actor, Entry

MAX_NODES = 30          # more than this and the labels crowd each other out
MAX_EDGES = 90
PAIR_ROWS = 15          # rows of the "strongest pairs" table
STEPS = 100
GRAVITY = 0.5
WIDTH, HEIGHT, MARGIN = 760, 560, 60
LABEL_CHARACTERS = 24   # longer names are cut in the drawing (the full name is the node's title)
CHARACTER_WIDTH, LABEL_HEIGHT = 7.5, 20
SPREAD_ROUNDS = 60
KIND_SLUGS = {"state": "states", "person": "people", "organization": "organizations"}


class Layouts:
    """Places of nodes laid out by an earlier build (`earlier`), and those this build used: a layout is
    a pure function of its nodes, links and label sizes, so the same ones need not be laid out again.
    Keyed by a digest of those; the caller keeps them between builds (mawjaz.site.memo)."""

    def __init__(self, earlier: dict[str, dict[str, tuple[float, float]]] | None = None):
        self.earlier = earlier or {}
        self.used: dict[str, dict[str, tuple[float, float]]] = {}


@dataclass(frozen=True)
class Node:
    actor: Actor
    entries: int
    x: float
    y: float
    radius: float


@dataclass(frozen=True)
class Edge:
    source: str          # actor ids, in id order
    target: str
    shared: int


@dataclass(frozen=True)
class Network:
    slug: str                      # "" for all entries, a year ("2025") or a kind slug ("states")
    entries: int                   # entries the view counts
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    pairs: tuple[tuple[Actor, Actor, int], ...]   # strongest pairs first, for the table
    kind: str | None = None        # the actor kind a kind view is about


def network_to_plain(network: Network) -> dict:
    """The network as ids, counts and coordinates (for mawjaz.site.memo)."""
    return {"entries": network.entries, "kind": network.kind,
            "nodes": [[n.actor.id, n.entries, n.x, n.y, n.radius] for n in network.nodes],
            "edges": [[e.source, e.target, e.shared] for e in network.edges],
            "pairs": [[a.id, b.id, shared] for a, b, shared in network.pairs]}


def network_from_plain(slug: str, plain: dict, actor_by_id: dict) -> Network:
    nodes = tuple(Node(actor_by_id[actor_id], int(entries), float(x), float(y), float(radius))
                  for actor_id, entries, x, y, radius in plain["nodes"])
    edges = tuple(Edge(str(source), str(target), int(shared)) for source, target, shared in plain["edges"])
    pairs = tuple((actor_by_id[a], actor_by_id[b], int(shared)) for a, b, shared in plain["pairs"])
    return Network(slug, int(plain["entries"]), nodes, edges, pairs, plain["kind"])


def network_views(newest_first: list[Entry], actor_by_id: dict, layouts: Layouts | None = None) -> dict[str, Network]:
    """The whole network, one per year with at least one pair, and one per actor kind."""
    layouts = Layouts() if layouts is None else layouts
    counted = co_occurrence(newest_first, actor_by_id)     # the whole network and every kind view count these
    views = {"": build_network("", newest_first, actor_by_id, counted=counted, layouts=layouts)}
    by_year: dict[str, list[Entry]] = {}
    for entry in newest_first:
        if entry.date:
            by_year.setdefault(year_of(entry.date), []).append(entry)
    for year in sorted(by_year, reverse=True):
        view = build_network(year, by_year[year], actor_by_id, layouts=layouts)
        if view.edges:
            views[year] = view
    for kind in ACTOR_KINDS:
        view = build_network(KIND_SLUGS[kind], newest_first, actor_by_id, kind, counted, layouts)
        if view.edges:
            views[KIND_SLUGS[kind]] = view
    return views


def build_network(slug: str, entries: list[Entry], actor_by_id: dict, kind: str | None = None,
                  counted: tuple[Counter, Counter] | None = None, layouts: Layouts | None = None) -> Network:
    """The most named actors and their strongest links. With `kind`, the actors of that kind and the
    actors they appear with (a state's network is the states and whom they meet). `counted` is
    co_occurrence(entries, actor_by_id) when the caller has it already."""
    counts, pair_counts = counted or co_occurrence(entries, actor_by_id)
    if kind is not None:
        pair_counts = Counter({pair: n for pair, n in pair_counts.items()
                               if kind in (actor_by_id[pair[0]].kind, actor_by_id[pair[1]].kind)})
        paired = {actor for pair in pair_counts for actor in pair}
        counts = Counter({a: n for a, n in counts.items() if a in paired})
    chosen = set(strongest(counts, MAX_NODES))
    ordered_pairs = strongest_pairs(pair_counts)
    edges = [Edge(a, b, n) for (a, b), n in ordered_pairs if a in chosen and b in chosen]
    edges = edges[:MAX_EDGES]
    linked = sorted({i for e in edges for i in (e.source, e.target)})
    biggest = max((counts[i] for i in linked), default=1)
    radius = {i: node_radius(counts[i], biggest) for i in linked}
    boxes = {i: label_box(actor_by_id[i].name, radius[i]) for i in linked}
    positions = placed(linked, edges, boxes, Layouts() if layouts is None else layouts)
    nodes = tuple(Node(actor_by_id[i], counts[i], *positions[i], radius[i]) for i in linked)
    pairs = tuple((actor_by_id[a], actor_by_id[b], n) for (a, b), n in ordered_pairs[:PAIR_ROWS])
    return Network(slug, len(entries), nodes, tuple(edges), pairs, kind)


def co_occurrence(entries: list[Entry], actor_by_id: dict) -> tuple[Counter, Counter]:
    """Entries per actor, and entries per pair of actors (a pair is its two ids in order)."""
    counts, pairs = Counter(), Counter()
    for entry in entries:
        actors = sorted({a for a in entry.actors if a in actor_by_id})
        counts.update(actors)
        pairs.update(combinations(actors, 2))
    return counts, pairs


def strongest(counts: Counter, limit: int) -> list[str]:
    return [key for key, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def strongest_pairs(pair_counts: Counter) -> list[tuple[tuple[str, str], int]]:
    return sorted(pair_counts.items(), key=lambda item: (-item[1], item[0]))


def node_radius(entries: int, biggest: int) -> float:
    """Area grows with the number of entries: radius from 5 to 22."""
    return round(5 + 17 * math.sqrt(entries / biggest), 1)


# ------------------------------------------------------------------ layout

def placed(ids: list[str], edges: list[Edge], boxes: dict, layouts: Layouts) -> dict[str, tuple[float, float]]:
    """Each node's place in the drawing: laid out, spread and rounded, or as an earlier build placed the
    same nodes with the same links and labels."""
    key = hashlib.sha256(repr((ids, [(e.source, e.target, e.shared) for e in edges],
                               [boxes[i] for i in ids])).encode("utf-8")).hexdigest()
    positions = layouts.earlier.get(key)
    if positions is None or sorted(positions) != ids:
        positions = spread_labels(fit_to_drawing(layout(ids, edges)), boxes)
    layouts.used[key] = positions
    return positions


def start_point(actor_id: str) -> tuple[float, float]:
    """A spot in the unit square from the id's hash: stable, and independent of the other actors."""
    digest = hashlib.sha256(actor_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32, int.from_bytes(digest[4:8], "big") / 2**32


def layout(ids: list[str], edges: list[Edge]) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in the unit square, then scaled into the drawing; coordinates rounded.

    Positions and moves are kept in lists by the actor's place in `ids`, for speed; every sum is
    done in the same order as in the plain reading, so the result is the same to the last bit."""
    if not ids:
        return {}
    xs, ys = map(list, zip(*(start_point(i) for i in ids)))
    place = {actor_id: index for index, actor_id in enumerate(ids)}
    links = [(place[e.source], place[e.target], e.shared) for e in edges]
    ideal = math.sqrt(1 / len(ids))
    heaviest = max((e.shared for e in edges), default=1)
    for step in range(STEPS):
        move_x, move_y = [0.0] * len(ids), [0.0] * len(ids)
        repel(xs, ys, move_x, move_y, ideal)
        attract(links, xs, ys, move_x, move_y, ideal, heaviest)
        limit = 0.1 * (1 - step / STEPS) + 0.002        # the temperature cools to a small constant
        for i in range(len(ids)):
            dx = move_x[i] + (0.5 - xs[i]) * GRAVITY      # a pull to the centre keeps loose actors near
            dy = move_y[i] + (0.5 - ys[i]) * GRAVITY
            length = math.sqrt(dx * dx + dy * dy) or 1.0
            xs[i] += dx / length * min(length, limit)
            ys[i] += dy / length * min(length, limit)
    return {actor_id: [xs[i], ys[i]] for i, actor_id in enumerate(ids)}


def repel(xs: list[float], ys: list[float], move_x: list[float], move_y: list[float], ideal: float) -> None:
    """Every pair pushes apart; pairs in the order of itertools.combinations."""
    ideal_sq = ideal * ideal
    count = len(xs)
    for a in range(count):
        ax, ay, a_move_x, a_move_y = xs[a], ys[a], move_x[a], move_y[a]
        for b in range(a + 1, count):
            dx, dy = ax - xs[b], ay - ys[b]
            distance_sq = dx * dx / 4 + dy * dy                # labels are wide: side by side counts as closer
            force = ideal_sq / (distance_sq if distance_sq >= 1e-6 else 1e-6)
            a_move_x += dx * force
            a_move_y += dy * force
            move_x[b] -= dx * force
            move_y[b] -= dy * force
        move_x[a], move_y[a] = a_move_x, a_move_y


def attract(links: list[tuple[int, int, int]], xs: list[float], ys: list[float], move_x: list[float],
            move_y: list[float], ideal: float, heaviest: int) -> None:
    for source, target, shared in links:
        dx, dy = xs[source] - xs[target], ys[source] - ys[target]
        distance = math.sqrt(dx * dx + dy * dy)
        force = distance / ideal * shared / heaviest
        move_x[source] -= dx * force
        move_y[source] -= dy * force
        move_x[target] += dx * force
        move_y[target] += dy * force


def fit_to_drawing(position: dict) -> dict[str, list[float]]:
    """Scale the layout to fill the drawing inside its margins."""
    xs = [p[0] for p in position.values()]
    ys = [p[1] for p in position.values()]
    return {key: [MARGIN + share(x, xs) * (WIDTH - 2 * MARGIN), MARGIN + share(y, ys) * (HEIGHT - 2 * MARGIN)]
            for key, (x, y) in sorted(position.items())}


def label_box(name: str, radius: float) -> tuple[float, float, float]:
    """A node with its label under it, in drawing units: half its width, its reach above the centre
    and below it."""
    characters = min(len(name), LABEL_CHARACTERS)
    return max(characters * CHARACTER_WIDTH, 2 * radius) / 2 + 4, radius + 2, radius + LABEL_HEIGHT


def spread_labels(position: dict, boxes: dict) -> dict[str, tuple[float, float]]:
    """Nudge overlapping nodes apart, along the axis where they overlap least, for a fixed number of
    rounds, keeping every box inside the drawing; then round the coordinates so builds are identical."""
    ids = sorted(position)
    points, sizes = [position[key] for key in ids], [boxes[key] for key in ids]
    for _ in range(SPREAD_ROUNDS):
        moved = False
        for a, (point, box) in enumerate(zip(points, sizes)):
            for other, other_box in zip(points[a + 1:], sizes[a + 1:]):
                overlap_x = box[0] + other_box[0] - abs(point[0] - other[0])
                if overlap_x <= 0:
                    continue                     # most pairs: side by side, tested before the other axis
                overlap_y = min(point[1] + box[2], other[1] + other_box[2]) - max(point[1] - box[1],
                                                                                  other[1] - other_box[1])
                if overlap_y > 0:
                    push_apart(point, other, overlap_x, overlap_y)
                    moved = True
        for key in ids:
            half_width, above, below = boxes[key]
            position[key][0] = min(max(position[key][0], half_width), WIDTH - half_width)
            position[key][1] = min(max(position[key][1], above), HEIGHT - below)
        if not moved:
            break
    return {key: (round(x, 1), round(y, 1)) for key, (x, y) in position.items()}


def push_apart(a: list[float], b: list[float], overlap_x: float, overlap_y: float) -> None:
    """Move two overlapping boxes apart along the axis where they overlap least, half each."""
    axis, overlap = (0, overlap_x) if overlap_x < overlap_y else (1, overlap_y)
    sign = 1 if a[axis] > b[axis] or (a[axis] == b[axis] and axis == 1) else -1
    a[axis] += sign * overlap / 2
    b[axis] -= sign * overlap / 2


def share(value: float, values: list[float]) -> float:
    """Where `value` lies between the smallest and largest of `values`, 0 to 1 (the middle if all equal)."""
    span = max(values) - min(values)
    return (value - min(values)) / span if span else 0.5
