"""Event clustering: the same occurrence told by several documents becomes one cluster.

Reports are compared only inside a *block* (same place key, same ACLED event
type) and, inside a block, only with clusters whose anchor interval lies within
the date tolerance, found by bisection in a list kept sorted by anchor start.
Each report is scored against one seed per candidate cluster, so the work grows
with the number of reports times the (small) number of clusters open around
their date, never with the square of the corpus.

Coarse dates need care: "Palmyra was retaken in 2016" overlaps the March 2016
recapture and the December 2016 loss. So placement runs in two passes per block:

1. Fine reports (day, week) in date order: each joins the best-scoring cluster
   anchored within the tolerance, or seeds a new one. Only fine reports anchor.
2. Coarse reports (month, season, year), narrowest first: a report joins a fine
   cluster overlapping its interval only when that cluster has the same
   sub-event type, fits (score at the threshold) and is the *only* one that
   fits; when several fit it stays alone as ``ambiguous`` (so it never glues
   two events); when none fits it joins, or seeds, a coarse-only cluster.

Incremental runs keep fine clusters as they are. A coarse report already linked
in a block is placed again when a new fine report overlaps its interval (its
candidates changed); a coarse-only cluster that loses a report is dissolved and
all its reports placed again. Reports without a place or a date form clusters
of their own (``alone``): nothing safe can be said about which occurrence they
tell.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from palmyra.link.records import EventKey, LinkEvent
from palmyra.link.score import Seed, gap_days, score


@dataclass(slots=True)
class Cluster:
    """A cluster as placement needs it: kind, block and the seed reports are compared with.

    ``kind`` is ``fine`` (anchored by a day/week report), ``coarse`` (month or
    coarser reports only), ``ambiguous`` (one coarse report that fits several
    fine clusters) or ``alone`` (a report without place or date).
    """

    id: str
    block: str | None
    kind: str
    seed: Seed
    seed_key: EventKey


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a report went and why (``rule``), with the score that decided it."""

    cluster_id: str
    rule: str  # seed | match | unique | best | coarse-seed | coarse-match | ambiguous | alone
    score: float | None = None


@dataclass
class LinkResult:
    """What one run changed: placements of new and re-placed reports, and clusters gone."""

    placements: dict[EventKey, Placement] = field(default_factory=dict)
    detached: dict[EventKey, str] = field(default_factory=dict)  # report -> cluster it left
    dissolved: set[str] = field(default_factory=set)

    @property
    def touched(self) -> set[str]:
        """Surviving clusters whose reports changed: only these are summarised again."""
        ids = {p.cluster_id for p in self.placements.values()} | set(self.detached.values())
        return ids - self.dissolved


def cluster_id(key: EventKey) -> str:
    """Stable id from the seed report, so a rebuild of the same store gives the same ids."""
    return "c" + hashlib.sha1(f"{key[0]}:{key[1]}".encode()).hexdigest()[:12]


def seed_of(event: LinkEvent) -> Seed:
    return Seed(event.sub_event_type, event.actors, event.text, event.start or 0, event.end or 0,
                (event.counts or {}).get("killed"))


class BlockIndex:
    """The clusters of one block: fine ones sorted by anchor start, the others in a list."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.fine: list[Cluster] = []
        self.others: list[Cluster] = []
        self.width = 0  # widest fine anchor: how far back a bisection must reach

    def add(self, cluster: Cluster) -> None:
        if cluster.kind != "fine":
            self.others.append(cluster)
            return
        i = bisect_right(self.starts, cluster.seed.start)
        self.starts.insert(i, cluster.seed.start)
        self.fine.insert(i, cluster)
        self.width = max(self.width, cluster.seed.end - cluster.seed.start)

    def remove(self, cluster: Cluster) -> None:
        self.others.remove(cluster)

    def fine_near(self, start: int, end: int, slack: int) -> Iterator[Cluster]:
        """Fine clusters whose anchor lies within ``slack`` days of ``[start, end]``."""
        lo = bisect_left(self.starts, start - slack - self.width)
        hi = bisect_right(self.starts, end + slack)
        for c in self.fine[lo:hi]:
            if gap_days(start, end, c.seed.start, c.seed.end) <= slack:
                yield c


class Linker:
    """Places reports into clusters, block by block, over the clusters it was given.

    Args:
        settings: resolved link settings (``palmyra.link.settings``).
        clusters: existing clusters of the blocks the new reports fall into.
        coarse_members: existing coarse reports of those blocks, with their cluster id.
    """

    def __init__(
        self,
        settings: dict[str, Any],
        clusters: Iterable[Cluster] = (),
        coarse_members: Iterable[tuple[LinkEvent, str]] = (),
    ) -> None:
        self.settings = settings
        self.blocks: dict[str, BlockIndex] = {}
        self.clusters: dict[str, Cluster] = {}
        for c in clusters:
            self._add(c)
        self.coarse_members: dict[str, list[tuple[LinkEvent, str]]] = {}
        for ev, cid in coarse_members:
            if ev.block is not None:
                self.coarse_members.setdefault(ev.block, []).append((ev, cid))

    def _add(self, cluster: Cluster) -> None:
        self.clusters[cluster.id] = cluster
        if cluster.block is not None:
            self.blocks.setdefault(cluster.block, BlockIndex()).add(cluster)

    def link(self, events: Iterable[LinkEvent]) -> LinkResult:
        """Place ``events`` (reports not linked before) and re-place the coarse ones they affect."""
        result = LinkResult()
        by_block: dict[str, list[LinkEvent]] = {}
        for ev in events:
            if ev.block is None:
                self._seed(ev, "alone", None, result)
            else:
                by_block.setdefault(ev.block, []).append(ev)
        for block in sorted(by_block):
            self._link_block(block, by_block[block], result)
        return result

    def _link_block(self, block: str, events: list[LinkEvent], result: LinkResult) -> None:
        index = self.blocks.setdefault(block, BlockIndex())
        fine = sorted((e for e in events if e.fine), key=_date_order)
        coarse = [e for e in events if not e.fine]
        tol = self.settings["date_tolerance_days"]
        for ev in fine:
            best = self._best(ev, index.fine_near(ev.start, ev.end, tol))
            if best is None:
                self._seed(ev, "fine", "seed", result)
            else:
                result.placements[ev.key] = Placement(best[1].id, "match", best[0])
        if fine:
            coarse.extend(self._detach_affected(block, fine, index, result))
        for ev in sorted(coarse, key=lambda e: (e.end - e.start, *_date_order(e))):
            self._place_coarse(ev, index, result)

    def _best(
        self, ev: LinkEvent, candidates: Iterable[Cluster], same_sub: bool = False
    ) -> tuple[float, Cluster] | None:
        fits = self._fits(ev, candidates, same_sub)
        return max(fits, key=lambda f: (f[0], -f[1].seed.start, f[1].id)) if fits else None

    def _fits(
        self, ev: LinkEvent, candidates: Iterable[Cluster], same_sub: bool
    ) -> list[tuple[float, Cluster]]:
        out = []
        for c in candidates:
            if same_sub and c.seed.sub_event_type != ev.sub_event_type:
                continue
            s = score(ev, c.seed, self.settings)
            if s is not None and s >= self.settings["join_threshold"]:
                out.append((s, c))
        return out

    def _place_coarse(self, ev: LinkEvent, index: BlockIndex, result: LinkResult) -> None:
        fits = self._fits(ev, index.fine_near(ev.start, ev.end, 0), same_sub=True)
        if len(fits) == 1:
            result.placements[ev.key] = Placement(fits[0][1].id, "unique", fits[0][0])
            return
        if len(fits) > 1:
            # Several fit the coarse date: only a clear winner on the other fields joins.
            fits.sort(key=lambda f: (-f[0], f[1].seed.start, f[1].id))
            if fits[0][0] - fits[1][0] >= self.settings["coarse_margin"]:
                result.placements[ev.key] = Placement(fits[0][1].id, "best", fits[0][0])
            else:
                self._seed(ev, "ambiguous", None, result)
            return
        open_coarse = [
            c
            for c in index.others
            if c.kind == "coarse" and gap_days(ev.start, ev.end, c.seed.start, c.seed.end) == 0
        ]
        fits = self._fits(ev, open_coarse, same_sub=True)
        if len(fits) == 1:
            result.placements[ev.key] = Placement(fits[0][1].id, "coarse-match", fits[0][0])
        elif fits:
            self._seed(ev, "ambiguous", None, result)
        else:
            self._seed(ev, "coarse", "coarse-seed", result)

    def _detach_affected(
        self, block: str, fine: list[LinkEvent], index: BlockIndex, result: LinkResult
    ) -> list[LinkEvent]:
        """Take out the block's linked coarse reports whose candidates the new fine ones changed."""
        members = self.coarse_members.pop(block, [])
        if not members:
            return []
        tol = self.settings["date_tolerance_days"]
        starts = [e.start for e in fine]  # fine is in date order
        width = max(e.end - e.start for e in fine)
        hit = set()
        for ev, cid in members:
            lo = bisect_left(starts, ev.start - tol - width)
            hi = bisect_right(starts, ev.end + tol)
            if any(gap_days(ev.start, ev.end, f.start, f.end) <= tol for f in fine[lo:hi]):
                result.detached[ev.key] = cid
                if self.clusters[cid].kind != "fine":
                    hit.add(cid)
        for cid in hit:
            result.dissolved.add(cid)
            index.remove(self.clusters.pop(cid))
        moved = []
        for ev, cid in members:
            if cid in hit:
                result.detached[ev.key] = cid
            if ev.key in result.detached:
                moved.append(ev)
        return moved

    def _seed(self, ev: LinkEvent, kind: str, rule: str | None, result: LinkResult) -> None:
        block = None if kind == "alone" else ev.block
        c = Cluster(cluster_id(ev.key), block, kind, seed_of(ev), ev.key)
        self._add(c)
        result.dissolved.discard(c.id)  # a dissolved coarse cluster may be re-seeded as it was
        result.placements[ev.key] = Placement(c.id, rule or kind)


def _date_order(ev: LinkEvent) -> tuple[int, int, str, int]:
    return (ev.start or 0, ev.end or 0, ev.doc_id, ev.seq)
