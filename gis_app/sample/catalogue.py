"""Which KCN and CCN the sample holds (the 2021 state of Hải Dương) and their declared figures.

Published figures come from /work/shared/data/kcn/hai_duong_published_figures.csv (each row cites
its publisher); counts and aggregates from seed 003_fef7a90db12cc85e.txt, Part I, section 1.2
(14 KCN ~2,700 ha, 10 operating, mean fill 77%; 53 CCN 2,685 ha, ~1,860 ha industrial land,
32 with secondary projects, fill ~45%). Everything else is illustrative and marked so
(see docs/guide/sample.md); `figures.py` fills the illustrative values so the aggregates hold.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

FIGURES_CSV = "kcn/hai_duong_published_figures.csv"
SEED_003 = "003_fef7a90db12cc85e.txt, Part I, 1.2"
ILLUSTRATIVE = "minh họa / illustrative"


@dataclass
class ZoneSpec:
    zone_id: str
    name: str
    kind: str  # KCN | CCN
    district: str  # district name as in dvhcvn_districts_4prov.geojson
    established: str  # YYYY-MM-DD
    operating: bool
    general: bool = True
    gross_ha: float | None = None  # None: illustrative, filled by figures.py
    industrial_ha: float | None = None
    fill: float | None = None  # fraction; None: illustrative (or unknown when not operating)
    source: str = ""
    anchor: str | None = None  # OSM centre name, or zone_id of a neighbour to sit beside
    layout: bool = False  # full internal layout (parcels, subzones)


def ascii_id(text: str) -> str:
    """'Đại An mở rộng' -> 'DAIANMORONG' (for zone ids)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.upper() if ch.isalnum())


TP_HD, CHI_LINH, NAM_SACH, KINH_MON = ("Thành phố Hải Dương", "Thành phố Chí Linh", "Huyện Nam Sách",
                                       "Thị xã Kinh Môn")
KIM_THANH, THANH_HA, CAM_GIANG, BINH_GIANG = ("Huyện Kim Thành", "Huyện Thanh Hà", "Huyện Cẩm Giàng",
                                              "Huyện Bình Giang")
GIA_LOC, TU_KY, NINH_GIANG, THANH_MIEN = ("Huyện Gia Lộc", "Huyện Tứ Kỳ", "Huyện Ninh Giang",
                                          "Huyện Thanh Miện")

_VNN = "vietnamnet.vn 2021-02 (BQL KCN HD)"
_BHD = "baohaiduong.vn 2022-06 (BQL KCN HD)"
_SCT = "sct.haiduong.gov.vn 2018-10 (Sở Công Thương HD)"
_CV128 = "nguoivietukraina.com ~2013 (CV 128/TTg-KTN)"


def _kcn(key, name, district, established, operating, **kw) -> ZoneSpec:
    return ZoneSpec(f"KCN-{key}", f"KCN {name}", "KCN", district, established, operating, **kw)


# 14 KCN established by 2021-12-31; 10 operating (seed 003). Districts of Đại An, Tân Trường, Phúc
# Điền, Lai Cách, Cẩm Điền–Lương Điền, Nam Sách, Quốc Tuấn–An Bình, Cộng Hòa, Việt Hòa–Kenmark follow
# the zones' names/published notes; the others are plausible districts (illustrative).
KCN_SPECS = (
    _kcn("DAIAN", "Đại An", TP_HD, "2003-08-05", True, gross_ha=136,
         source=f"{FIGURES_CSV}: area 136 ha ({_VNN}); fill from illustrative parcels",
         anchor="KCN-DAIANMORONG", layout=True),
    _kcn("DAIANMORONG", "Đại An mở rộng", CAM_GIANG, "2011-05-20", True, gross_ha=416,
         source=f"{FIGURES_CSV}: area 416 ha ({_VNN}); OSM way/1157356621 centre; fill illustrative",
         anchor="KCN Đại An mở rộng"),
    _kcn("TANTRUONG", "Tân Trường", CAM_GIANG, "2005-03-10", True, fill=1.0,
         source=f"{FIGURES_CSV}: fill 100% ({_BHD}); OSM way/597911424 centre; area illustrative",
         anchor="KCN Tân Trường (Hải Dương)"),
    _kcn("PHUCDIEN", "Phúc Điền", CAM_GIANG, "2004-01-15", True, fill=1.0,
         source=f"{FIGURES_CSV}: fill 100% ({_BHD}); area illustrative"),
    _kcn("NAMSACH", "Nam Sách", NAM_SACH, "2002-11-20", True, fill=1.0,
         source=f"{FIGURES_CSV}: fill 100% ({_BHD}); area illustrative"),
    _kcn("ANPHATCOMPLEX", "An Phát Complex", TP_HD, "2018-09-12", True, general=False, fill=1.0,
         source=f"{FIGURES_CSV}: fill 100% ({_BHD}); area and district illustrative"),
    _kcn("LAICACH", "Lai Cách", CAM_GIANG, "2007-06-01", True, fill=0.33,
         source=f"{FIGURES_CSV}: fill 'over 33%' ({_BHD}); area illustrative"),
    _kcn("VIETHOAKENMARK", "Việt Hòa – Kenmark", TP_HD, "2004-07-07", True, gross_ha=90,
         source=f"{FIGURES_CSV}: 90 ha ({_CV128}; planned size); fill illustrative"),
    _kcn("CONGHOA", "Cộng Hòa", CHI_LINH, "2008-04-22", True,
         source=f"{FIGURES_CSV}: 62.4 ha vacant in 2023 (baohaiduong.vn); area and fill illustrative"),
    _kcn("LAIVU", "Lai Vu", KIM_THANH, "2007-12-03", True,
         source=f"{ILLUSTRATIVE}: area, district and fill"),
    _kcn("LUONGDIEN", "Cẩm Điền – Lương Điền", CAM_GIANG, "2009-10-16", False,
         source=f"{ILLUSTRATIVE}: area; seed 003 Part II names KCN Lương Điền as still to build out"),
    _kcn("ANPHAT1", "An Phát 1", KINH_MON, "2019-11-25", False,
         source=f"{FIGURES_CSV}: 40 ha vacant in 2023 (baohaiduong.vn); area and district illustrative"),
    _kcn("KIMTHANH", "Kim Thành", KIM_THANH, "2018-05-30", False,
         source=f"{ILLUSTRATIVE}: area and district"),
    _kcn("QUOCTUAN", "Quốc Tuấn – An Bình", NAM_SACH, "2021-06-15", False, gross_ha=180,
         source=f"{FIGURES_CSV}: 180 ha, Nam Sách ({_VNN}, PM investment approval); "
                "founding date and layout illustrative",
         layout=True),
)

# Illustrative gross areas (ha) of the KCN without a published area; with the published ones
# they sum to 2,700 ha (seed 003: "gần 2.700 ha").
KCN_ILLUSTRATIVE_GROSS_HA = {
    "KCN-TANTRUONG": 198, "KCN-PHUCDIEN": 87, "KCN-NAMSACH": 63, "KCN-ANPHATCOMPLEX": 60,
    "KCN-LAICACH": 131, "KCN-CONGHOA": 357, "KCN-LAIVU": 300, "KCN-LUONGDIEN": 197,
    "KCN-ANPHAT1": 250, "KCN-KIMTHANH": 235,
}
# Illustrative fill rates of operating KCN without a published one; KCN-LAIVU is then set so the
# plain mean over the 10 operating KCN is exactly 77% once Đại An's parcels are known.
KCN_ILLUSTRATIVE_FILL = {"KCN-DAIANMORONG": 0.72, "KCN-VIETHOAKENMARK": 0.85, "KCN-CONGHOA": 0.70}
KCN_BALANCING_ZONE = "KCN-LAIVU"
KCN_INDUSTRIAL_SHARE = 0.62  # leasable share of gross, illustrative (aggregate 1,018/1,732 ha in the csv)

# The five CCN with official 2018 figures (Sở Công Thương): gross ha, industrial ha, fill.
PUBLISHED_CCN = (
    ("Việt Hòa", TP_HD, 44.87, 31.81, 1.0),
    ("Cẩm Thượng", TP_HD, 51.9, 42.15, 1.0),
    ("Tây Ngô Quyền", TP_HD, 19.51, 16.29, 1.0),
    ("Ba Hàng", TP_HD, 46.04, 42.77, 0.6205),
    ("Cao An", CAM_GIANG, 46.31, 32.06, 0.6296),
)
# 48 more CCN, named after a commune of their district (names and districts illustrative).
ILLUSTRATIVE_CCN = {
    TP_HD: ("Ngọc Sơn", "Gia Xuyên", "Nam Đồng"),
    CAM_GIANG: ("Lương Điền", "Ngọc Liên", "Cẩm Văn", "Cẩm Vũ"),
    CHI_LINH: ("Văn An", "Hoàng Tân", "Tân Dân", "Cộng Hoà"),
    NAM_SACH: ("Đồng Lạc", "Nam Tân", "An Phú", "Hợp Tiến"),
    KINH_MON: ("Hiệp Sơn", "Long Xuyên", "Phú Thứ", "Duy Tân"),
    KIM_THANH: ("Kim Xuyên", "Lai Khê", "Tuấn Việt", "Đồng Cẩm"),
    THANH_HA: ("Thanh Quang", "Tân An", "Cẩm Việt", "Thanh Hồng"),
    BINH_GIANG: ("Thúc Kháng", "Tân Hồng", "Thái Dương", "Cổ Bì", "Vĩnh Hồng"),
    GIA_LOC: ("Toàn Thắng", "Yết Kiêu", "Gia Phúc", "Phạm Trấn"),
    TU_KY: ("Kỳ Sơn", "Nguyên Giáp", "Văn Tố", "Quang Phục"),
    NINH_GIANG: ("Nghĩa An", "Hồng Phong", "Ứng Hoè", "Tân Hương"),
    THANH_MIEN: ("Phạm Kha", "Đoàn Tùng", "Ngũ Hùng", "Thanh Giang"),
}
CCN_TOTAL_GROSS_HA = 2685.0  # seed 003
CCN_TOTAL_INDUSTRIAL_HA = 1860.0  # seed 003 ("khoảng 1.860 ha")
CCN_OPERATING = 32
CCN_TARGET_FILL = 0.45
KCN_TARGET_MEAN_FILL = 0.77


def ccn_specs() -> list[ZoneSpec]:
    """The 53 CCN; figures of the 48 illustrative ones are filled by figures.py."""
    out = []
    for name, district, gross, industrial, fill in PUBLISHED_CCN:
        out.append(ZoneSpec(f"CCN-{ascii_id(name)}", f"CCN {name}", "CCN", district, "", True,
                            gross_ha=gross, industrial_ha=industrial, fill=fill,
                            source=f"{FIGURES_CSV}: area, industrial land, fill ({_SCT}); "
                                   "founding date illustrative"))
    for district, names in ILLUSTRATIVE_CCN.items():
        for name in names:
            out.append(ZoneSpec(f"CCN-{ascii_id(name)}", f"CCN {name}", "CCN", district, "", False,
                                source=f"{ILLUSTRATIVE}: name, area, industrial land, fill, date; "
                                       f"aggregates from seed {SEED_003}"))
    return out
