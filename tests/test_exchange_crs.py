"""VN-2000 catalogue, .prj recognition, CRS candidates, and .prj files GDAL identifies."""
import subprocess

import pytest
from pyproj import CRS

from gis_app.core.crs import VN2000_TM3_EPSG, transformer
from gis_app.exchange import vn2000
from gis_app.exchange.prj import prj_text, recognise_prj
from tests.exchange_helpers import HD_X, HD_Y

TOWGS84 = "TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]"


def custom_prj(meridian: float, datum: str = "D_VN_2000", extra: str = "", name: str = "VN2000_Tinh") -> str:
    return (f'PROJCS["{name}",GEOGCS["GCS_custom",DATUM["{datum}",SPHEROID["WGS_1984",6378137.0,298.257223563]'
            f'{extra}],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],'
            'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],'
            f'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",{meridian}],'
            'PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]')


def test_catalogue_has_63_and_34_provinces_and_all_codes(shared_data):
    pre = vn2000.provinces()
    assert len(pre) == 63 and len({p.province for p in pre}) == 63
    post = vn2000.provinces_2025()
    assert len(post) == 34
    codes = {p.epsg for p in pre}
    assert codes <= set(VN2000_TM3_EPSG)
    for p in pre:  # EPSG definitions agree with the catalogue's meridian
        assert vn2000.tm3_meridian(p.epsg) == pytest.approx(p.central_meridian)
    # merged provinces offer every meridian of their former provinces
    assert [p.epsg for p in post["Hải Phòng"]] == [9209, 9210]
    assert vn2000.meridian_options("Hải Phòng") == [9210]  # pre-2025 name wins
    assert vn2000.meridian_options("TP Hồ Chí Minh") == [9210]
    assert vn2000.meridian_options("Tỉnh Hải Dương") == [9209]
    assert (shared_data / "vn2000_provinces.csv").read_text(encoding="utf-8") == \
        (vn2000.RESOURCES / "vn2000_provinces.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", VN2000_TM3_EPSG)
def test_custom_tm3_prj_maps_to_epsg(code):
    meridian = vn2000.tm3_meridian(code)
    assert recognise_prj(prj_text(code)).epsg == code
    assert recognise_prj(CRS.from_epsg(code).to_wkt("WKT1_GDAL")).epsg == code
    assert recognise_prj(custom_prj(meridian)).epsg == code  # ESRI, named VN-2000 datum
    towgs = custom_prj(meridian, datum="WGS_1984", extra="," + TOWGS84, name="Custom TM3")
    assert recognise_prj(towgs).epsg == code  # WGS 84 + VN-2000 TOWGS84


def test_unrecognised_prj_is_not_assumed():
    plain_wgs84_tm = custom_prj(105.5, datum="D_WGS_1984", name="Transverse Mercator")
    result = recognise_prj(plain_wgs84_tm)
    assert result.epsg is None and result.guess == 9209
    assert recognise_prj("not a projection").epsg is None
    odd_meridian = recognise_prj(custom_prj(104.1))
    assert odd_meridian.epsg is None and "104.1" in odd_meridian.reason
    assert recognise_prj(CRS.from_epsg(4326).to_wkt("WKT1_ESRI")).epsg == 4326


def test_candidates_for_hai_duong_coordinates():
    bounds = (HD_X - 5000, HD_Y - 5000, HD_X + 5000, HD_Y + 5000)
    candidates = vn2000.crs_candidates(bounds)
    codes = [c.epsg for c in candidates]
    assert codes[0] == 9209
    assert "Hải Dương" in candidates[0].reason
    assert all(c.reason for c in candidates)
    lon, lat = transformer(4326, 9209).transform(106.33, 20.94)
    assert abs(lon - HD_X) < 1 and abs(lat - HD_Y) < 1


def test_candidates_for_lon_lat_and_nonsense():
    geo = vn2000.crs_candidates((106.2, 20.8, 106.5, 21.1))
    assert [c.epsg for c in geo] == [4326, 4756]
    assert vn2000.crs_candidates((0, 0, 10, 10)) == []
    assert vn2000.crs_candidates((5e6, 5e6, 6e6, 6e6)) == []


def test_written_prj_identified_by_gdal(tmp_path):
    for code in (*VN2000_TM3_EPSG, 3405, 3406):
        prj = tmp_path / f"x{code}.prj"
        prj.write_text(prj_text(code), encoding="ascii")
        out = subprocess.run(["gdalsrsinfo", "-e", str(prj)], capture_output=True, text=True, check=True).stdout
        assert f"EPSG:{code}" in out, code


def test_other_common_vn2000_spellings():
    gauss = custom_prj(105.75, datum="D_WGS_1984", name="VN2000_Hai_Phong").replace("Transverse_Mercator",
                                                                                    "Gauss_Kruger")
    assert recognise_prj(gauss).epsg == 9210
    proj4 = ("+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
             "+towgs84=-191.90441,-39.30318,-111.45032,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m")
    assert recognise_prj(proj4).epsg == 9209
