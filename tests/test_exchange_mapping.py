"""Field-name mapping of land-department files onto the canonical schema, remembered per field shape."""
import json

import pandas as pd
import pytest

from gis_app.core.errors import InputError
from gis_app.exchange.field_mapping import FieldMapping, MappingStore, apply_mapping, propose_mapping, shape_key


def test_parcel_file_mapping_and_value_translation():
    frame = pd.DataFrame({"MaLo": ["L1", "L2", "L3", "L4"], "SoThua": [11, 12, 13, 14],
                          "LoaiDat": ["Đất công nghiệp", "Đất giao thông", "Đất cây xanh", "ĐẤT CÔNG NGHIỆP"],
                          "TrangThai": ["Đã cho thuê", None, "Còn trống", "Chưa cho thuê"],
                          "TenDN": ["Công ty A", None, None, None], "DienTich": [1.0, 2.0, 3.0, 4.0]})
    mapping = propose_mapping(frame.columns)
    assert mapping.target_layer == "parcels"
    assert mapping.fields["MaLo"] == "parcel_id" and mapping.fields["SoThua"] is None
    assert mapping.fields["LoaiDat"] == "landuse" and mapping.fields["TrangThai"] == "status"
    assert mapping.fields["TenDN"] == "tenant"
    out = apply_mapping(frame, mapping, {"zone_id": "KCN-DAIAN"})
    assert out["landuse"].tolist() == ["industrial", "road", "green", "industrial"]
    assert out["status"].tolist() == ["leased", None, None, "vacant"]  # status only on industrial land
    assert (out["zone_id"] == "KCN-DAIAN").all() and "SoThua" in out


def test_zone_file_mapping():
    frame = pd.DataFrame({"MaKCN": ["KCN-DAIAN", "CCN-LAICACH"], "TenKCN": ["KCN Đại An", "CCN Lai Cách"],
                          "DienTich": [6e5, 5e5], "TrangThai": ["Đang hoạt động", "Chưa hoạt động"],
                          "Tinh": ["Hải Dương", "Hải Dương"]})
    mapping = propose_mapping(frame.columns)
    assert mapping.target_layer == "zones"
    out = apply_mapping(frame, mapping)
    assert out["zone_id"].tolist() == ["KCN-DAIAN", "CCN-LAICACH"]
    assert out["kind"].tolist() == ["KCN", "CCN"]
    assert out["operating"].tolist() == [True, False]
    assert out["province"].tolist() == ["Hải Dương", "Hải Dương"]


def test_zone_general_field_in_words():
    """TongHop = "Tổng hợp" / "Chuyên ngành" (a Hưng Yên land-department file) becomes general true/false."""
    frame = pd.DataFrame({"MaKhu": ["KCN-A", "KCN-B", "KCN-C"], "TenKhu": ["A", "B", "C"],
                          "TongHop": ["Tổng hợp", "Chuyên ngành", "?"]})
    out = apply_mapping(frame, propose_mapping(frame.columns))
    assert out["general"].tolist() == [True, False, None]  # an unreadable word stays unknown, never guessed


def test_unknown_fields_are_kept_and_no_target_guessed():
    mapping = propose_mapping(["abc", "xyz"])
    assert mapping.target_layer == "" and mapping.fields == {"abc": None, "xyz": None}


def test_store_remembers_corrected_mapping_per_shape(tmp_path, monkeypatch):
    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    columns = ["Ma_Lo", "Loai_Dat", "GhiChu"]
    store = MappingStore()
    assert store.path == tmp_path / "cfg" / "field_mappings.json"
    proposal = store.mapping_for(columns)
    assert not proposal.from_store and proposal.fields["Ma_Lo"] == "parcel_id"
    corrected = FieldMapping("parcels", {"Ma_Lo": "parcel_id", "Loai_Dat": "landuse", "GhiChu": "sector"})
    store.put(columns, corrected)
    # the next file of the same shape (same names, other order/case) gets the planner's mapping
    again = MappingStore().mapping_for(["ghichu", "MA_LO", "Loai_Dat"])
    assert again.from_store and again.fields["GhiChu"] == "sector"
    assert shape_key(columns) == shape_key(["ghichu", "MA_LO", "Loai_Dat"])
    assert not MappingStore().mapping_for(["Ma_Lo", "Loai_Dat"]).from_store
    saved = json.loads((tmp_path / "cfg" / "field_mappings.json").read_text(encoding="utf-8"))
    assert list(saved.values())[0]["columns"] == columns


def test_corrupt_store_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path))
    (tmp_path / "field_mappings.json").write_text("{not json", encoding="utf-8")
    assert MappingStore().mapping_for(["MaLo", "LoaiDat"]).target_layer == "parcels"


def test_zone_kind_from_id_or_name_never_guessed():
    frame = pd.DataFrame({"MaKhu": ["KCN-A", "X1", "X2"], "TenKhu": ["Đại An", "Cụm công nghiệp Lai Cách", "Khu B"]})
    mapping = propose_mapping(frame.columns)
    out = apply_mapping(frame, mapping)
    assert out["kind"].tolist() == ["KCN", "CCN", None]


def test_preview_import_without_prj_offers_candidates(tmp_path, monkeypatch, shared_data):
    from gis_app.exchange.preview import preview_import
    from gis_app.exchange.writers import write_dataset
    from tests.exchange_helpers import hai_duong_names, parcels_frame

    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    names = list(dict.fromkeys(hai_duong_names(shared_data)))[:12]
    frame = parcels_frame(names)
    frame["LoaiDat"] = "Đất công nghiệp"
    write_dataset(frame, tmp_path / "lo.shp", out_encoding="tcvn3")
    (tmp_path / "lo.prj").unlink()
    preview = preview_import(tmp_path / "lo.shp")
    assert preview.crs_epsg is None and preview.candidates[0].epsg == 9209
    assert preview.encoding.encoding == "tcvn3" and preview.encoding.preview[0] in names
    assert preview.sample["TenXa"].tolist() == names
    assert preview.mapping.target_layer == "parcels" and preview.mapping.fields["MaLo"] == "parcel_id"
    assert preview.report.read == 12 and preview.report.rejected_count == 0
    confirmed = preview_import(tmp_path / "lo.shp", crs=9209)
    assert confirmed.crs_epsg == 9209 and confirmed.candidates == []


def test_convert_with_mapping_file(tmp_path):
    from gis_app.core.processing import registry
    from gis_app.exchange.readers import read_dataset
    from gis_app.exchange.writers import write_dataset
    from tests.exchange_helpers import parcels_frame

    write_dataset(parcels_frame(["Xã Ái Quốc", "Xã Thanh Hải"]), tmp_path / "in.shp")
    (tmp_path / "m.json").write_text(json.dumps({"target_layer": "", "fields": {"TenXa": "commune"}}),
                                     encoding="utf-8")
    registry().get("convert").run({"input": str(tmp_path / "in.shp"), "output": str(tmp_path / "out.shp"),
                                   "mapping": str(tmp_path / "m.json")})
    assert read_dataset(tmp_path / "out.shp").frame["commune"].tolist() == ["Xã Ái Quốc", "Xã Thanh Hải"]
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        registry().get("convert").run({"input": str(tmp_path / "in.shp"), "output": str(tmp_path / "o2.shp"),
                                       "mapping": str(tmp_path / "bad.json")})


def test_declared_area_check():
    from gis_app.exchange.field_mapping import declared_area_note
    from tests.exchange_helpers import parcels_frame

    frame = parcels_frame(["Xã Ái Quốc", "Xã Thanh Hải", "Phường Trần Phú"]).rename(
        columns={"DienTich": "declared_area_m2"})
    assert declared_area_note(frame) is None  # DienTich is the true area
    frame["declared_area_m2"] = frame["declared_area_m2"] / 10_000
    assert "ha" in declared_area_note(frame)
    frame["declared_area_m2"] = frame["declared_area_m2"] * 10_000 * 1.3
    assert "1.300" in declared_area_note(frame)
