"""Qt-free charts of a check result, as PNG/SVG bytes: the PDF report and the GUI use the same ones.

matplotlib's object API (Figure + Agg canvas) is used, not pyplot: no global state, safe in the GUI's
worker thread. DejaVu Sans (matplotlib's default) carries the Vietnamese letters.
"""
from __future__ import annotations

import io

from ..core.i18n import t
from ..core.safe_text import plot_label
from ..rules.view import STATUS_COLORS, status_label, zone_status

HIGHTECH_COLOR = "#6baed6"  # as the subzones layer style (core/styles.py)
CNHT_COLOR = "#74c476"
OTHER_COLOR = "#e0e0e0"
SELECTED_EDGE = "#000000"


def _figure(width_in: float, height_in: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")


def _bytes(fig, fmt: str, dpi: int) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


def _legend_columns(width_in: float) -> int:
    return 4 if width_in >= 6 else 2  # narrow charts (the GUI's dock) stack the legend


def _set_title(fig, ax, title: str, kind: str | None, width_in: float) -> None:
    if width_in >= 6:
        ax.set_title(f"{title} — {kind}" if kind else title, fontsize=10)
    else:  # narrow (the GUI's dock): centred on the figure, not the axes, the kind on a second line
        fig.suptitle(f"{title}\n{kind}" if kind else title, fontsize=9)


def _pick(result: dict, kind: str | None) -> list[dict]:
    return [z for z in result["zones"] if kind is None or z["kind"] == kind]


def fill_rate_chart(result: dict, kind: str | None = None, selected: str | None = None,
                    fmt: str = "png", dpi: int = 150, width_in: float = 7.0) -> bytes:
    """Horizontal bars of fill rate by zone, sorted; bars coloured by compliance status."""
    zones = sorted((z for z in _pick(result, kind) if z["fill_rate"] is not None),
                   key=lambda z: z["fill_rate"])
    height = max(2.0, 1.0 + 0.16 * len(zones))
    fig = _figure(width_in, height)
    ax = fig.add_subplot()
    if not zones:
        ax.text(0.5, 0.5, t("Chưa có tỷ lệ lấp đầy", "No fill rates"), ha="center", va="center")
        ax.set_axis_off()
        return _bytes(fig, fmt, dpi)
    rates = [z["fill_rate"] * 100 for z in zones]
    colors = [STATUS_COLORS[zone_status(z)] for z in zones]
    edges = [SELECTED_EDGE if z["zone_id"] == selected else "none" for z in zones]
    ax.barh(range(len(zones)), rates, color=colors, edgecolor=edges, linewidth=1.5)
    ax.set_yticks(range(len(zones)), [plot_label(z["name"]) for z in zones], fontsize=6 if len(zones) > 30 else 8)
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("Tỷ lệ lấp đầy (%)", "Fill rate (%)"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    ax.set_axisbelow(True)
    from matplotlib.patches import Patch

    shown = [s for s in STATUS_COLORS if any(zone_status(z) == s for z in zones)]
    fig.legend(handles=[Patch(color=STATUS_COLORS[s], label=status_label(s)) for s in shown],
               title=t("Màu: kết quả kiểm tra xấu nhất của khu", "Colour: the zone's worst finding"),
               title_fontsize=7, fontsize=7, loc="outside lower center", ncol=_legend_columns(width_in), frameon=False)
    title = t("Tỷ lệ lấp đầy theo khu", "Fill rate by zone")
    _set_title(fig, ax, title, kind, width_in)
    return _bytes(fig, fmt, dpi)


def reservation_chart(result: dict, kind: str | None = None, selected: str | None = None,
                      fmt: str = "png", dpi: int = 150, width_in: float = 7.0, line_share: float = 0.20) -> bytes:
    """Stacked bars: high-tech, CNHT and other shares of each zone's industrial land, with the 20% line.

    Zones shown: those with a reservation, or to which R1/R2 apply (the rest would be all grey).
    """
    zones = [z for z in _pick(result, kind) if z["industrial_m2"] and (
        (z["hightech_m2"] or 0) + (z["cnht_m2"] or 0) > 0
        or any(f["rule"] in ("R1", "R2") and f["status"] != "n/a" for f in z["findings"]))]
    zones.sort(key=lambda z: (z["hightech_share"] or 0) + (z["cnht_share"] or 0))
    height = max(2.2, 1.3 + 0.22 * len(zones))
    fig = _figure(width_in, height)
    ax = fig.add_subplot()
    if not zones:
        ax.text(0.5, 0.5, t("Chưa khu nào có phân khu công nghệ cao hoặc CNHT",
                            "No zone has a high-tech or CNHT subzone"), ha="center", va="center")
        ax.set_axis_off()
        return _bytes(fig, fmt, dpi)
    ys = range(len(zones))
    ht = [100 * (z["hightech_share"] or 0) for z in zones]
    cn = [100 * (z["cnht_share"] or 0) for z in zones]
    rest = [max(100 - a - b, 0) for a, b in zip(ht, cn)]
    edges = [SELECTED_EDGE if z["zone_id"] == selected else "none" for z in zones]
    ax.barh(ys, ht, color=HIGHTECH_COLOR, edgecolor=edges, label=t("Công nghệ cao", "High-tech"))
    ax.barh(ys, cn, left=ht, color=CNHT_COLOR, edgecolor=edges, label="CNHT")
    ax.barh(ys, rest, left=[a + b for a, b in zip(ht, cn)], color=OTHER_COLOR, edgecolor=edges,
            label=t("Đất công nghiệp khác", "Other industrial land"))
    ax.axvline(line_share * 100, color="#d7301f", linestyle="--", linewidth=1.2,
               label=t("Mức tối thiểu {p:g}%", "Minimum {p:g}%", p=line_share * 100))
    ax.set_yticks(list(ys), [plot_label(z["name"]) for z in zones], fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("Tỷ trọng quỹ đất công nghiệp (%)", "Share of the industrial land fund (%)"))
    fig.legend(loc="outside lower center", ncol=_legend_columns(width_in), fontsize=7, frameon=False)
    title = t("Tỷ trọng đất dành cho công nghệ cao và CNHT", "High-tech and CNHT reservation shares")
    _set_title(fig, ax, title, kind, width_in)
    return _bytes(fig, fmt, dpi)


def zone_map(zone_geom, subzones, parcels, title: str = "", fmt: str = "png", dpi: int = 110,
             size_in: float = 3.2) -> bytes:
    """A small map of one zone: parcels by land use (leased darker), subzones hatched, the outline."""
    import shapely

    from ..core.styles import LANDUSE_COLORS, NO_DATA_COLOR

    fig = _figure(size_in, size_in)
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=8)
    if len(parcels):
        colors = parcels["landuse"].map(LANDUSE_COLORS).fillna(NO_DATA_COLOR).to_numpy(dtype=object)
        leased = (parcels["status"] == "leased").to_numpy()
        colors[leased] = "#7b4fa0"
        _draw(ax, parcels.geometry.values, facecolors=list(colors), edgecolor="#555555", linewidth=0.15)
    hatches = {"hightech": ("////", HIGHTECH_COLOR), "cnht": ("\\\\\\\\", CNHT_COLOR), "general": ("..", "#999999")}
    for use, (hatch, color) in hatches.items():
        part = subzones[subzones["use"] == use] if len(subzones) else subzones
        if len(part):
            _draw(ax, part.geometry.values, facecolors="none", edgecolor=color, linewidth=1.0, hatch=hatch)
    _draw(ax, [zone_geom], facecolors="none", edgecolor="#7f2704", linewidth=1.2)
    xmin, ymin, xmax, ymax = shapely.bounds(zone_geom)
    pad = 0.04 * max(xmax - xmin, ymax - ymin, 1.0)
    ax.set_xlim(xmin - pad, xmax + pad)
    ax.set_ylim(ymin - pad, ymax + pad)
    return _bytes(fig, fmt, dpi)


def _draw(ax, geoms, **style) -> None:
    """Polygons (with holes) as one PathCollection: one artist, whatever the number of features."""
    import numpy as np
    import shapely
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    parts, owner = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    if isinstance(style.get("facecolors"), list):  # one colour per feature → one per polygon part
        style["facecolors"] = [style["facecolors"][i] for i, g in zip(owner, parts)
                               if not g.is_empty and g.geom_type == "Polygon"]
    paths = []
    for geom in parts:
        if geom.is_empty or geom.geom_type != "Polygon":
            continue
        rings = [geom.exterior, *geom.interiors]
        verts = np.concatenate([np.asarray(r.coords)[:, :2] for r in rings])
        codes = np.concatenate([[Path.MOVETO] + [Path.LINETO] * (len(r.coords) - 2) + [Path.CLOSEPOLY]
                                for r in rings])
        paths.append(Path(verts, codes))
    if paths:
        ax.add_collection(PathCollection(paths, **style))
