"""Level of detail for the map renderer: what is in view, and pixels for many features at once.

Pure numpy (no Qt), so the cost of a redraw follows the features in view, not the layer:

- ``SpatialGrid``: features bucketed by the cell of their box centre (row-major cells), so the
  features of a view are a few contiguous runs of one index array; no scan of a million boxes.
- ``fill_boxes``: features under a few pixels are drawn as boxes of their own area centred on
  their box (an area-equivalent box): at that size the shape cannot be seen, its tone can, and an
  equal area keeps the tone of a full draw (a plain bounding box would darken tilted parcels).
- ``fill_polygons``: a vectorised scanline fill of the exact rings (even-odd, pixel centres, as
  Qt's aliased fill does), for the many features too big to be boxes and too many for QPainter;
  ``fill_rings`` gives the same pixels with one running sum per row instead of pairing the
  crossings of each feature, and falls back on ``fill_polygons`` where features overlap.

All pixel writes go into a premultiplied ARGB32 ``(h, w)`` uint32 array; later features overwrite
earlier ones, as painting in draw order does. Coordinates are screen pixels, y down.
"""
from __future__ import annotations

import math

import numpy as np

CELL_TARGET = 64  # features per grid cell on average
ONCE = float(2 ** 40)  # fill_rings: one feature's coverage, above any ARGB colour
SMALL_BOX = 6  # boxes up to this many pixels a side are filled offset by offset, not row by row


class SpatialGrid:
    """Features of a layer bucketed by the grid cell of their box centre.

    ``bounds``: (n, 4) xmin, ymin, xmax, ymax in map units, NaN rows for empty geometries
    (never returned). ``query(extent)`` gives the rows whose box may touch ``extent``, in draw
    (row) order.
    """

    def __init__(self, bounds: np.ndarray):
        self.n = len(bounds)
        ok = ~np.isnan(bounds[:, 0])
        self.valid = np.flatnonzero(ok)
        b = bounds[ok]
        if not len(b):
            self.side, self.order, self.starts = 0, np.empty(0, np.int64), np.zeros(1, np.int64)
            return
        self.x0, self.y0 = float(b[:, 0].min()), float(b[:, 1].min())
        width = max(float(b[:, 2].max()) - self.x0, 1e-9)
        height = max(float(b[:, 3].max()) - self.y0, 1e-9)
        cells = max(1, len(b) // CELL_TARGET)
        self.nx = max(1, min(4096, int(round(math.sqrt(cells * width / height)))))
        self.ny = max(1, min(4096, int(round(cells / self.nx))))
        self.cw, self.ch = width / self.nx, height / self.ny
        # A feature can reach half its own size beyond its cell: the query widens by the largest.
        self.reach_x = float((b[:, 2] - b[:, 0]).max()) / 2
        self.reach_y = float((b[:, 3] - b[:, 1]).max()) / 2
        cell = self.cells(b)
        order = np.argsort(cell, kind="stable")  # stable: rows stay in draw order within a cell
        self.order = self.valid[order]
        self.starts = np.concatenate([[0], np.cumsum(np.bincount(cell, minlength=self.nx * self.ny))])
        self._cell = None

    def cells(self, b: np.ndarray) -> np.ndarray:
        """The grid cell (row-major) of boxes ``b`` (k, 4), by their centre."""
        cx = np.clip(((b[:, 0] + b[:, 2]) / 2 - self.x0) / self.cw, 0, self.nx - 1).astype(np.int64)
        cy = np.clip(((b[:, 1] + b[:, 3]) / 2 - self.y0) / self.ch, 0, self.ny - 1).astype(np.int64)
        return cy * self.nx + cx

    def refile(self, rows: np.ndarray, b: np.ndarray) -> bool:
        """File ``rows`` (sorted) under the cells of their new boxes ``b``, widening the reach if
        they grew; False when a box left the grid (the caller builds a new grid)."""
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        if not len(self.valid) or np.isnan(b).any() or not (
                (cx >= self.x0) & (cx <= self.x0 + self.cw * self.nx)
                & (cy >= self.y0) & (cy <= self.y0 + self.ch * self.ny)).all():
            return False
        self.reach_x = max(self.reach_x, float((b[:, 2] - b[:, 0]).max()) / 2)
        self.reach_y = max(self.reach_y, float((b[:, 3] - b[:, 1]).max()) / 2)
        old, new = self.cell_of(rows), self.cells(b)
        moved = old != new
        if not moved.any():
            return True
        if (old[moved] < 0).any():
            return False
        rows, old, new = rows[moved], old[moved], new[moved]
        # out of the old cells' runs, then into the new cells' runs in row (draw) order
        at = np.concatenate([self.starts[c] + np.flatnonzero(self.order[self.starts[c]:self.starts[c + 1]] == r)
                             for r, c in zip(rows, old)])  # a few edited rows: a loop is fine
        order = np.delete(self.order, at)
        counts = np.diff(self.starts) - np.bincount(old, minlength=len(self.starts) - 1)
        starts = np.concatenate([[0], np.cumsum(counts)])
        slots = [starts[c] + int(np.searchsorted(order[starts[c]:starts[c + 1]], r)) for r, c in zip(rows, new)]
        self.order = np.insert(order, slots, rows)
        self.starts = np.concatenate([[0], np.cumsum(counts + np.bincount(new, minlength=len(counts)))])
        self._cell[rows] = new
        return True

    def cell_of(self, rows: np.ndarray) -> np.ndarray:
        """The cell each of ``rows`` is filed under (−1 for empty geometries)."""
        if self._cell is None:
            self._cell = np.full(self.n, -1, dtype=np.int64)
            self._cell[self.order] = np.repeat(np.arange(len(self.starts) - 1), np.diff(self.starts))
        return self._cell[rows]

    def covers(self, extent) -> bool:
        """True when ``extent`` holds every feature (no query needed)."""
        if not len(self.valid):
            return True
        xmin, ymin, xmax, ymax = extent
        return (xmin <= self.x0 and ymin <= self.y0 and xmax >= self.x0 + self.cw * self.nx
                and ymax >= self.y0 + self.ch * self.ny)

    def query(self, extent) -> np.ndarray:
        """Rows whose centre cell lies within reach of ``extent`` (a superset of the rows in view),
        sorted (draw order)."""
        if not len(self.valid):
            return np.empty(0, np.int64)
        if self.covers(extent):
            return self.valid
        xmin, ymin, xmax, ymax = extent
        i0 = int(np.clip(math.floor((xmin - self.reach_x - self.x0) / self.cw), 0, self.nx - 1))
        i1 = int(np.clip(math.floor((xmax + self.reach_x - self.x0) / self.cw), 0, self.nx - 1))
        j0 = int(np.clip(math.floor((ymin - self.reach_y - self.y0) / self.ch), 0, self.ny - 1))
        j1 = int(np.clip(math.floor((ymax + self.reach_y - self.y0) / self.ch), 0, self.ny - 1))
        if xmax + self.reach_x < self.x0 or xmin - self.reach_x > self.x0 + self.cw * self.nx \
                or ymax + self.reach_y < self.y0 or ymin - self.reach_y > self.y0 + self.ch * self.ny:
            return np.empty(0, np.int64)
        rows = np.arange(j0, j1 + 1)
        first = self.starts[rows * self.nx + i0]  # one contiguous run per row of cells
        last = self.starts[rows * self.nx + i1 + 1]
        rows = self.order[_runs(first, last)]
        if len(rows) * 16 < self.n:
            rows.sort()
            return rows
        mask = np.zeros(self.n, dtype=bool)  # many rows: a mask is cheaper than a sort
        mask[rows] = True
        return np.flatnonzero(mask)


def _runs(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Concatenation of the ranges [first[k], last[k])."""
    counts = np.maximum(last - first, 0)
    total = int(counts.sum())
    if not total:
        return np.empty(0, np.int64)
    return np.arange(total, dtype=np.int64) + np.repeat(first - (np.cumsum(counts) - counts), counts)


def equal_area_half_sizes(bounds: np.ndarray, areas: np.ndarray) -> np.ndarray:
    """(n, 2) half width and half height of a box with each feature's area and its box's aspect.

    Lines and points (area 0) keep their bounding box."""
    w, h = bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]
    box_area = w * h
    with np.errstate(divide="ignore", invalid="ignore"):
        shrink = np.sqrt(np.where(box_area > 0, np.clip(areas / box_area, 0, 1), 1.0))
    shrink = np.where(np.isfinite(shrink) & (areas > 0), shrink, 1.0)
    return np.column_stack([w * shrink / 2, h * shrink / 2])


def fill_boxes(canvas: np.ndarray, x0, y0, x1, y1, values: np.ndarray, keep=None) -> None:
    """Fill pixel boxes [x0, x1) × [y0, y1) (int arrays, already by the pixel-centre rule) with
    ``values`` (uint32 ARGB per box), where ``keep`` (bool per box, optional) allows.

    Boxes are clipped to the image; empty ones (a feature narrower than a pixel whose box holds
    no pixel centre) draw nothing, as a full draw would miss them too."""
    h, w = canvas.shape
    x0, x1 = np.clip(x0, 0, w), np.clip(x1, 0, w)
    y0, y1 = np.clip(y0, 0, h), np.clip(y1, 0, h)
    bw, bh = x1 - x0, y1 - y0
    ok = (bw > 0) & (bh > 0)
    if keep is not None:
        ok &= keep
    flat = canvas.reshape(-1)
    single = ok & (bw == 1) & (bh == 1)  # the bulk when zoomed out: one pixel, no spans
    one = np.flatnonzero(single)
    rest = np.flatnonzero(ok & ~single)
    # Draw order holds within each kind; where a one-pixel box and a larger one overlap (a few
    # pixels of overlapping features), the one-pixel box stays on top.
    if rest.size and int(bw[rest].max()) <= SMALL_BOX and int(bh[rest].max()) <= SMALL_BOX:
        # small boxes: one scatter per pixel offset inside the box (no per-row spans)
        rx0, ry0, rbw, rbh, rv = x0[rest], y0[rest], bw[rest], bh[rest], values[rest]
        start = ry0 * w + rx0
        for oy in range(int(rbh.max())):
            for ox in range(int(rbw.max())):
                pick = np.flatnonzero((rbw > ox) & (rbh > oy))
                flat[start[pick] + (oy * w + ox)] = rv[pick]
    elif rest.size:
        rx0, rx1, ry0, rbh, rv = x0[rest], x1[rest], y0[rest], bh[rest], values[rest]
        box_of_row = np.repeat(np.arange(len(rx0)), rbh)
        row = ry0[box_of_row] + (np.arange(len(box_of_row)) - np.repeat(np.cumsum(rbh) - rbh, rbh))
        _fill_spans(flat, w, row, rx0[box_of_row], rx1[box_of_row], rv[box_of_row])
    if one.size:
        flat[y0[one] * w + x0[one]] = values[one]


def fill_polygons(canvas: np.ndarray, coords: np.ndarray, starts: np.ndarray, owner: np.ndarray,
                  values: np.ndarray) -> None:
    """Scanline fill of polygon rings in screen pixels.

    ``coords`` (m, 2) ring vertices (closed rings, as shapely gives them), ``starts`` (m,) True at
    each ring's first vertex, ``owner`` (m,) feature number per vertex, non-decreasing (draw
    order), ``values`` uint32 ARGB per feature number. A pixel is filled when its centre is
    inside the feature under the even-odd rule (holes stay empty).
    """
    h, w = canvas.shape
    if len(coords) < 2:
        return
    edge = np.flatnonzero(~starts[1:])  # vertex i starts an edge to i + 1 within its ring
    xa, ya = coords[edge, 0], coords[edge, 1]
    xb, yb = coords[edge + 1, 0], coords[edge + 1, 1]
    lo, hi = np.minimum(ya, yb), np.maximum(ya, yb)
    r0 = np.clip(np.ceil(lo - 0.5), 0, h).astype(np.int64)  # rows whose centre y is in [lo, hi)
    r1 = np.clip(np.ceil(hi - 0.5), 0, h).astype(np.int64)
    count = r1 - r0
    crossing = count > 0
    if not crossing.any():
        return
    edge, xa, ya, xb, yb, r0, count = (a[crossing] for a in (edge, xa, ya, xb, yb, r0, count))
    slope = (xb - xa) / (yb - ya)
    feature = owner[edge]
    of = np.repeat(np.arange(len(edge)), count)
    row = r0[of] + (np.arange(len(of)) - np.repeat(np.cumsum(count) - count, count))
    x = xa[of] + (row + 0.5 - ya[of]) * slope[of]
    # Group the crossings by (feature, row) without a full sort: a dense group number from each
    # feature's first row; most groups hold two crossings (a span), the rest are sorted apart.
    f_of = feature[of]
    first_crossing = np.flatnonzero(np.concatenate([[True], f_of[1:] != f_of[:-1]]))  # grouped by feature
    features = f_of[first_crossing]
    row_lo = np.minimum.reduceat(row, first_crossing)
    row_hi = np.maximum.reduceat(row, first_crossing)
    span_rows = row_hi - row_lo + 1
    base = np.cumsum(span_rows) - span_rows
    slot = np.repeat(np.arange(len(features)), np.diff(np.append(first_crossing, len(f_of))))
    group = base[slot] + (row - row_lo[slot])
    groups = int(span_rows.sum())
    n_in = np.bincount(group, minlength=groups)
    x_min = np.full(groups, np.inf)
    x_max = np.full(groups, -np.inf)
    np.minimum.at(x_min, group, x)
    np.maximum.at(x_max, group, x)
    group_feature = np.repeat(features, span_rows)
    group_row = np.repeat(row_lo, span_rows) + (np.arange(groups) - np.repeat(base, span_rows))
    pair = np.flatnonzero(n_in == 2)
    span_row, span_x0, span_x1, span_feature = (group_row[pair], x_min[pair], x_max[pair], group_feature[pair])
    many = n_in > 2
    if many.any():  # concave rows, holes, several parts: sort those crossings and pair them up
        pick = np.flatnonzero(many[group])
        order = np.lexsort((x[pick], group[pick]))
        gx, gg = x[pick][order], group[pick][order]
        span_row = np.concatenate([span_row, group_row[gg[0::2]]])
        span_x0 = np.concatenate([span_x0, gx[0::2]])
        span_x1 = np.concatenate([span_x1, gx[1::2]])
        span_feature = np.concatenate([span_feature, group_feature[gg[0::2]]])
        order = np.argsort(span_feature, kind="stable")  # keep the draw order
        span_row, span_x0, span_x1, span_feature = (a[order] for a in (span_row, span_x0, span_x1, span_feature))
    c0 = np.clip(np.ceil(span_x0 - 0.5), 0, w).astype(np.int64)
    c1 = np.clip(np.ceil(span_x1 - 0.5), 0, w).astype(np.int64)
    _fill_spans(canvas.reshape(-1), w, span_row, c0, c1, values[span_feature])


def fill_rings(canvas: np.ndarray, coords: np.ndarray, starts: np.ndarray, wind: np.ndarray,
               owner: np.ndarray, values: np.ndarray) -> None:
    """The fill of ``fill_polygons`` at a cost that does not depend on pairing crossings.

    Each edge adds ``±wind`` (its direction times the ring's ``wind``: +1 exterior, -1 hole,
    whichever way the ring runs; see ``renderer._winding``) at the first pixel centre right of
    each row it crosses, to a coverage image and, times its feature's colour, to a colour image;
    one running sum along the rows then gives every pixel its coverage and colour. A pixel
    covered once takes that colour, as a full draw would; a pixel covered more than once
    (overlapping features), or whose sum is no colour of the features drawn (rings that cross
    or holes outside their shell), is drawn by ``fill_polygons`` in draw order from the few
    features around it. Arguments as ``fill_polygons``, plus ``wind`` (int8 per vertex).
    """
    h, w = canvas.shape
    if len(coords) < 2 or not h or not w:
        return
    edge = np.flatnonzero(~starts[1:] & (wind[:-1] != 0))
    ya, yb = coords[edge, 1], coords[edge + 1, 1]
    r0 = np.clip(np.ceil(np.minimum(ya, yb) - 0.5), 0, h).astype(np.int64)  # rows whose centre is in [lo, hi)
    r1 = np.clip(np.ceil(np.maximum(ya, yb) - 0.5), 0, h).astype(np.int64)
    count = r1 - r0
    crossing = np.flatnonzero(count > 0)
    if not crossing.size:
        return
    edge, ya, yb, r0, count = edge[crossing], ya[crossing], yb[crossing], r0[crossing], count[crossing]
    xa = coords[edge, 0]
    slope = (coords[edge + 1, 0] - xa) / (yb - ya)
    base = xa + (r0 + 0.5 - ya) * slope - 0.5  # x - 0.5 where the edge crosses its first row's centre
    turn = np.where(yb > ya, 1.0, -1.0) * wind[edge]  # screen y runs down: map orientation flipped
    # coverage and colour in one number: coverage × 2**40 + colour (exact: far below 2**53)
    tint = turn * (values[owner[edge]].astype(np.float64) + ONCE)
    total = int(count.sum())
    of = np.repeat(np.arange(len(edge)), count)
    step = np.arange(total) - (np.cumsum(count) - count)[of]
    column = np.clip(np.ceil(base[of] + step * slope[of]), 0, w).astype(np.int64)
    top, bottom = int(r0.min()), int((r0 + count).max())  # the rows touched
    index = (r0[of] + step - top) * (w + 1) + column  # one spare column: crossings right of the image
    size = (bottom - top) * (w + 1)
    # Every row's additions sum to zero, so one running sum over the flat image restarts at 0 on
    # each row (and is faster than a sum along each row of a 2-D view).
    summed = np.bincount(index, weights=tint[of], minlength=size).cumsum().reshape(-1, w + 1)[:, :w]
    good = np.isin(summed, np.unique(values[owner[edge]]).astype(np.float64) + ONCE)  # covered once
    band = canvas[top:bottom]
    band[good] = (summed[good] - ONCE).astype(np.uint32)
    bad = np.zeros(canvas.shape, dtype=bool)
    bad[top:bottom] = (summed != 0) & ~good
    if bad.any():
        _fill_exactly(canvas, bad, coords, starts, owner, values)


def _fill_exactly(canvas, bad, coords, starts, owner, values) -> None:
    """``fill_polygons`` of the features whose screen box meets a ``bad`` pixel, kept on those
    pixels only: every feature that covers such a pixel is among them, so draw order decides."""
    h, w = canvas.shape
    group = np.flatnonzero(np.concatenate([[True], owner[1:] != owner[:-1]]))
    pick = np.ones(len(group), dtype=bool)
    if bad.sum() < 0.02 * bad.size:  # few: only the features near them (16-pixel blocks)
        block = 16
        rows, cols = np.nonzero(bad)
        marked = np.zeros((h // block + 2, w // block + 2), dtype=np.int64)
        marked[rows // block + 1, cols // block + 1] = 1
        table = marked.cumsum(axis=0).cumsum(axis=1)  # summed-area table, zero row/column first

        def cell(values_, limit):
            return np.clip(np.floor(values_ / block), 0, limit).astype(np.int64) + 1

        x0 = cell(np.minimum.reduceat(coords[:, 0], group), w // block)
        x1 = cell(np.maximum.reduceat(coords[:, 0], group), w // block)
        y0 = cell(np.minimum.reduceat(coords[:, 1], group), h // block)
        y1 = cell(np.maximum.reduceat(coords[:, 1], group), h // block)
        pick = (table[y1, x1] - table[y0 - 1, x1] - table[y1, x0 - 1] + table[y0 - 1, x0 - 1]) > 0
    keep = np.repeat(pick, np.diff(np.append(group, len(owner))))
    exact = canvas.copy()
    fill_polygons(exact, coords[keep], starts[keep], owner[keep], values)
    canvas[bad] = exact[bad]


def stroke_rings(canvas: np.ndarray, coords: np.ndarray, starts: np.ndarray, value: int) -> None:
    """One-pixel outlines of rings in screen pixels, as a cosmetic non-antialiased pen draws them:
    each edge is sampled at the pixel centres along its longer axis (so the pixels depend only on
    the pixel grid, not on how the view was cut, e.g. by a pan), plus its vertices. The samples
    are limited to the image, so a zoomed-in edge far larger than the screen stays cheap."""
    h, w = canvas.shape
    if len(coords) < 2:
        return
    flat = canvas.reshape(-1)
    vx, vy = np.floor(coords[:, 0]), np.floor(coords[:, 1])
    ok = (vx >= 0) & (vx < w) & (vy >= 0) & (vy < h)
    flat[(vy[ok] * w + vx[ok]).astype(np.int64)] = value
    edge = np.flatnonzero(~starts[1:])
    a, b = coords[edge], coords[edge + 1]
    d = b - a
    x_major = np.abs(d[:, 0]) >= np.abs(d[:, 1])
    for major, minor, limit, minor_limit, pick in ((0, 1, w, h, x_major), (1, 0, h, w, ~x_major)):
        ea, eb, ed = a[pick], b[pick], d[pick]
        lo, hi = np.minimum(ea[:, major], eb[:, major]), np.maximum(ea[:, major], eb[:, major])
        c0 = np.clip(np.ceil(lo - 0.5), 0, limit).astype(np.int64)
        c1 = np.clip(np.ceil(hi - 0.5), 0, limit).astype(np.int64)
        count = np.maximum(c1 - c0, 0)
        total = int(count.sum())
        if not total:
            continue
        of = np.repeat(np.arange(len(ea)), count)
        along = c0[of] + (np.arange(total) - np.repeat(np.cumsum(count) - count, count))
        across = np.floor(ea[of, minor] + (along + 0.5 - ea[of, major]) * (ed[of, minor] / ed[of, major]))
        inside = (across >= 0) & (across < minor_limit)
        along, across = along[inside], across[inside].astype(np.int64)
        flat[along + across * w if major == 0 else across + along * w] = value


def _fill_spans(flat: np.ndarray, w: int, row, c0, c1, values) -> None:
    """Write ``values`` into pixels [c0, c1) of each ``row`` of the flattened image."""
    length = np.maximum(c1 - c0, 0)
    total = int(length.sum())
    if not total:
        return
    start = row * w + c0
    pixels = np.arange(total, dtype=np.int64) + np.repeat(start - (np.cumsum(length) - length), length)
    flat[pixels] = np.repeat(values, length)
