"""Subdivision parameters and the ``--lot-mix`` parser.

A lot mix ``500-1000:0.3,1000-5000:0.5,5000-10000:0.2`` gives, per area range, the share of the
lot land (not of the lot count) to lay out in lots of that range. Shares must sum to 1.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.errors import InputError
from ..core.i18n import t

# Preferred depth/frontage of a lot: 25 m deep for 20 m of frontage (the 500 m² lot).
PREFERRED_DEPTH_RATIO = 1.25


@dataclass(frozen=True)
class LotClass:
    """One row type of the layout: lots of ``width`` (frontage) by ``depth``."""
    low_m2: float
    high_m2: float
    share: float
    width: float
    depth: float

    @property
    def target_m2(self) -> float:
        return self.width * self.depth


@dataclass(frozen=True)
class SubdivisionParams:
    min_lot: float = 500.0
    lot_mix: tuple[tuple[float, float, float], ...] = ()  # (low, high, share)
    frontage: float = 15.0
    frontage_large: float = 20.0
    max_depth_ratio: float = 3.0
    road_width: float = 16.0
    block_length: float = 250.0
    hightech_share: float = 0.0
    green_buffer: float = 0.0
    tolerance: float = 0.05  # m: a lot edge this close to a road counts as frontage

    def required_frontage(self, area_m2):
        """Frontage needed by a lot of ``area_m2`` (numpy-friendly)."""
        import numpy as np

        return np.where(np.asarray(area_m2) >= 1000.0, self.frontage_large, self.frontage)

    def lot_classes(self) -> list[LotClass]:
        """Row types: one per mix range (target = range midpoint), else lots near the minimum."""
        mix = self.lot_mix or ((self.min_lot, self.min_lot, 1.0),)
        classes = []
        for low, high, share in mix:
            target = max(self.min_lot, (low + high) / 2.0)
            # a little over the minimum so that rounding the block never drops a lot under it
            target = target * 1.02 if target <= self.min_lot * 1.0001 else target
            depth = math.sqrt(target * PREFERRED_DEPTH_RATIO)
            width = target / depth
            need = self.frontage_large if target >= 1000.0 else self.frontage
            if width < need:  # keep the frontage rule, then the depth ratio
                width, depth = need, target / need
            if depth / width > self.max_depth_ratio:
                depth = math.sqrt(target * self.max_depth_ratio)
                width = target / depth
            classes.append(LotClass(low, high, share, width, depth))
        return classes


def parse_lot_mix(text: str | None, min_lot: float) -> tuple[tuple[float, float, float], ...]:
    """Parse ``LOW-HIGH:SHARE,...``; InputError naming ``--lot-mix`` on any problem."""
    if text is None or not str(text).strip():
        return ()
    arg = "--lot-mix"
    out = []
    for item in str(text).split(","):
        item = item.strip()
        try:
            rng, share = item.split(":")
            low, high = (float(v) for v in rng.split("-"))
            share = float(share)
        except ValueError:
            raise InputError(t("mục {item!r} không đúng dạng THẤP-CAO:TỶ_LỆ (vd. 500-1000:0.3)",
                               "item {item!r} is not LOW-HIGH:SHARE (e.g. 500-1000:0.3)", item=item), arg)
        if not (math.isfinite(low) and math.isfinite(high) and math.isfinite(share)):
            raise InputError(t("mục {item!r} có số không hợp lệ", "item {item!r} has an invalid number",
                               item=item), arg)
        if low <= 0 or high < low:
            raise InputError(t("khoảng diện tích {item!r} không hợp lệ (cần 0 < THẤP ≤ CAO)",
                               "area range {item!r} is invalid (need 0 < LOW ≤ HIGH)", item=item), arg)
        if high < min_lot:
            raise InputError(t("khoảng {item!r} nằm dưới diện tích lô tối thiểu {m:g} m²",
                               "range {item!r} lies below the minimum lot of {m:g} m²", item=item, m=min_lot), arg)
        if not 0 < share <= 1:
            raise InputError(t("tỷ lệ trong {item!r} phải trong (0, 1]", "share in {item!r} must be in (0, 1]",
                               item=item), arg)
        out.append((low, high, share))
    total = sum(s for _, _, s in out)
    if abs(total - 1.0) > 1e-6:
        raise InputError(t("tổng các tỷ lệ là {s:g}, phải bằng 1", "the shares sum to {s:g}, they must sum to 1",
                           s=total), arg)
    return tuple(out)


def check_params(p: SubdivisionParams) -> None:
    """Reject values that cannot give a layout, naming the argument."""
    checks = [
        ("--min-lot", p.min_lot > 0), ("--frontage", p.frontage > 0), ("--frontage-large", p.frontage_large > 0),
        ("--max-depth-ratio", p.max_depth_ratio > 0), ("--road-width", p.road_width > 0),
        ("--block-length", p.block_length > 0), ("--hightech-share", 0 <= p.hightech_share < 1),
        ("--green-buffer", p.green_buffer >= 0),
    ]
    for arg, ok in checks:
        if not ok:
            raise InputError(t("giá trị ngoài phạm vi cho phép", "value out of the allowed range"), arg)
