"""Near-duplicate documents: wire copies and reposts, found by MinHash LSH.

Each document body becomes a set of word shingles (``shingle_words`` words,
lower-cased); datasketch's ``MinHash`` signs it with ``minhash_perm``
permutations, and the signature is cut into the b bands of r rows that
datasketch's ``MinHashLSH`` chooses for ``duplicate_threshold`` (b=25, r=5 for
0.5 and 128 permutations). Band keys are stored in the ``doc_bands`` table, so a
new document finds its candidates with one join against every document linked
before, without holding the index in memory; each candidate pair is then
checked on the exact Jaccard similarity of the two shingle sets.
"""

from __future__ import annotations

import re
import zlib
from functools import cached_property
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from palmyra.link.state import insert, registered
from palmyra.store.db import Store

_WORD = re.compile(r"\w+")
# datasketch 2 signs 32-bit hashes (crc32 fits) with this scheme; named so that stored
# band keys stay comparable across datasketch releases.
_SCHEME = "affine32"
_MIX = np.random.default_rng(20160327).integers(1, 2**63, size=257, dtype=np.uint64) | np.uint64(1)


def shingles(text: str, k: int) -> set[bytes]:
    """The set of ``k``-word shingles of ``text`` (one shingle when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Bander:
    """Signs shingle sets and cuts the signatures into LSH band keys."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.k = settings["shingle_words"]
        self.num_perm = settings["minhash_perm"]
        lsh = MinHashLSH(threshold=settings["duplicate_threshold"], num_perm=self.num_perm)
        self.bands, self.rows = lsh.b, lsh.r

    @cached_property
    def _permutations(self) -> Any:
        # Building the permutations is the costly part of a MinHash: do it once.
        return MinHash(num_perm=self.num_perm, seed=1, scheme=_SCHEME).permutations

    def band_keys(self, shingle_set: set[bytes]) -> list[int]:
        """One signed 64-bit key per band; empty for an empty text (it matches nothing)."""
        if not shingle_set:
            return []
        # crc32 rather than Python's hash(): keys are stored, so they must not vary by process.
        m = MinHash(
            num_perm=self.num_perm,
            hashfunc=zlib.crc32,
            permutations=self._permutations,
            scheme=_SCHEME,
        )
        m.update_batch(list(shingle_set))
        rows = m.hashvalues[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, -1)
        # A band's key mixes its r values with fixed odd multipliers (wrapping uint64
        # arithmetic) and its band number; a rare collision only adds a candidate, which
        # the exact Jaccard check then drops.
        keys = (rows * _MIX[: self.rows]).sum(axis=1, dtype=np.uint64)
        keys ^= np.arange(self.bands, dtype=np.uint64) * _MIX[-1]
        return keys.view(np.int64).tolist()


_BODY_SQL = """
    SELECT d.id, substr(d.text, coalesce(d.body_start, 0) + 1,
                        coalesce(d.body_end, length(d.text)) - coalesce(d.body_start, 0))
    FROM documents d JOIN {ids} i ON i.id = d.id
"""
_CHUNK = 2000  # documents read per query: bounds memory on a million-document run


def _bodies(store: Store, doc_ids: list[str]) -> dict[str, str]:
    with registered(store, {"id": doc_ids}) as ids:
        return dict(store.con.execute(_BODY_SQL.format(ids=ids)).fetchall())


def find_duplicates(store: Store, doc_ids: list[str], settings: dict[str, Any]) -> int:
    """Index ``doc_ids`` (not indexed before) and store their near-duplicate pairs.

    Returns:
        int: the number of new pairs.
    """
    bander = Bander(settings)
    k = bander.k
    for i in range(0, len(doc_ids), _CHUNK):
        rows: dict[str, list[Any]] = {"doc_id": [], "band": [], "key": []}
        for doc_id, body in _bodies(store, doc_ids[i : i + _CHUNK]).items():
            keys = bander.band_keys(shingles(body or "", k))
            rows["doc_id"].extend([doc_id] * len(keys))
            rows["band"].extend(range(len(keys)))
            rows["key"].extend(keys)
        with registered(store, rows) as name:
            store.con.execute(f"INSERT INTO doc_bands SELECT * FROM {name}")
    with registered(store, {"id": doc_ids}) as ids:
        candidates = store.con.execute(
            "SELECT DISTINCT least(a.doc_id, b.doc_id), greatest(a.doc_id, b.doc_id)"
            " FROM doc_bands a JOIN doc_bands b ON a.band = b.band AND a.key = b.key"
            f" WHERE a.doc_id IN (SELECT id FROM {ids}) AND a.doc_id <> b.doc_id"
            " ORDER BY 1, 2"
        ).fetchall()
    if not candidates:
        return 0
    bodies = _bodies(store, sorted({d for pair in candidates for d in pair}))
    sets = {d: shingles(t or "", k) for d, t in bodies.items()}
    threshold = settings["duplicate_threshold"]
    pairs = []
    for a, b in candidates:
        j = jaccard(sets[a], sets[b])
        if j >= threshold:
            pairs.append({"doc_a": a, "doc_b": b, "jaccard": round(j, 4)})
    insert(store, "near_duplicates", pairs)
    return len(pairs)
