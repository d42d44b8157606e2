"""PostGIS store against a real server (KCN_PG_DSN, started by .ci/run): round trip, VN-2000 SRIDs,
row versions and conflicts, the edit log, roles, hostile names, concurrent editors, web map."""
import json
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import psycopg
import pytest
from psycopg import sql

from gis_app.core.crs import VN2000_TM3_EPSG, transformer
from gis_app.core.errors import InputError
from gis_app.core.fill_rates import zone_fill_rates
from gis_app.core.project import Project
from gis_app.store import NotAllowed, RowConflicts, open_store
from gis_app.store.postgis import address_from_dsn, make_address, split_address

pytestmark = pytest.mark.postgis
ROOT = Path(__file__).resolve().parents[1]
LOT = "CN-07"


@pytest.fixture
def published(pg_project, sample_project_path):
    """The sample project published to the test schema, one parcel renamed CN-07."""
    project = Project.load(sample_project_path)
    parcels = project.layers["parcels"]
    parcels.loc[parcels.index[6], "parcel_id"] = LOT
    project.save(pg_project)
    return pg_project


def _lot(project):
    parcels = project.layers["parcels"]
    return parcels.index[parcels["parcel_id"] == LOT][0]


def test_publish_open_check_and_export_back(published, sample_project_path, tmp_path):
    gpkg = Project.load(sample_project_path)
    db = Project.load(published)
    assert list(db.layers) == list(gpkg.layers)
    assert db.crs.equals(gpkg.crs)
    ours = zone_fill_rates(gpkg)
    theirs = zone_fill_rates(db)
    assert np.allclose(ours["industrial_m2"].fillna(-1), theirs["industrial_m2"].fillna(-1))
    assert (ours["figures_from"] == theirs["figures_from"]).all()
    exported = tmp_path / "back.gpkg"
    db.save(exported)
    again = Project.load(exported)
    assert {n: len(f) for n, f in again.layers.items()} == {n: len(f) for n, f in gpkg.layers.items()}
    assert again.zones["established"].dtype.kind == "M"


def test_vn2000_srids_agree_with_the_application_to_the_millimetre(published, pg_dsn):
    with psycopg.connect(pg_dsn) as conn:
        for code in VN2000_TM3_EPSG:
            forward = transformer(code, 4326)
            back = transformer(4326, code)
            for x, y in [(440000.0, 1200000.0), (500000.0, 2300000.0), (560000.0, 1800000.0)]:
                lon, lat = forward.transform(x, y)
                gx, gy, bx, by = conn.execute(
                    "SELECT ST_X(g), ST_Y(g), ST_X(b), ST_Y(b) FROM (SELECT "
                    "ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), %s), 4326) AS g, "
                    "ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), %s) AS b) AS q",
                    (x, y, code, lon, lat, code)).fetchone()
                ex, ey = back.transform(lon, lat)
                assert abs(gx - lon) * 111_320 < 0.001 and abs(gy - lat) * 110_570 < 0.001, code
                assert abs(bx - ex) < 0.002 and abs(by - ey) < 0.002, (code, bx - ex, by - ey)


def test_second_planner_is_told_and_chooses(published):
    first = Project.load(published)
    second = Project.load(published)
    first.layers["parcels"].loc[_lot(first), "tenant"] = "Công ty Thứ Nhất"
    first.save()
    second.layers["parcels"].loc[_lot(second), "tenant"] = "Công ty Thứ Hai"
    second.layers["parcels"].loc[second.layers["parcels"].index[0], "sector"] = "điện tử"  # no conflict
    store = open_store(published)
    with pytest.raises(RowConflicts) as caught:
        second.save()
    [conflict] = caught.value.conflicts
    assert (conflict.layer, conflict.key) == ("parcels", LOT)
    assert conflict.mine["tenant"] == "Công ty Thứ Hai" and conflict.theirs["tenant"] == "Công ty Thứ Nhất"
    assert Project.load(published).parcels.set_index("parcel_id").loc[LOT, "tenant"] == "Công ty Thứ Nhất"
    # Keep mine: saved over theirs (knowingly), with the other, non-conflicting edit.
    store.resolve(second, caught.value.conflicts, "mine")
    second.save()
    now = Project.load(published).parcels.set_index("parcel_id")
    assert now.loc[LOT, "tenant"] == "Công ty Thứ Hai"
    assert now["sector"].iloc[0] == "điện tử"
    # Take theirs: the first planner's copy is stale now; it takes the database's row.
    first.layers["parcels"].loc[_lot(first), "tenant"] = "again"
    with pytest.raises(RowConflicts) as caught:
        first.save()
    store.resolve(first, caught.value.conflicts, "theirs")
    assert first.parcels.set_index("parcel_id").loc[LOT, "tenant"] == "Công ty Thứ Hai"
    first.save()  # nothing left to conflict


def test_two_connections_edit_one_lot_1000_times_without_a_lost_update(pg_project, sample_project_path):
    """Each planner adds 1 to the lot's counter 500 times, retrying (take theirs) on conflict.

    A small project (one zone's parcels) keeps the 1,000 saves quick; the save path is the full one.
    """
    source = Project.load(sample_project_path)
    parcels = source.layers["parcels"].iloc[:12].copy()
    parcels.loc[parcels.index[6], "parcel_id"] = LOT
    parcels.loc[parcels.index[6], "tenant"] = "0"
    small = Project(crs=source.crs)
    small.add_layer("zones", source.zones[source.zones["zone_id"].isin(parcels["zone_id"])])
    small.add_layer("parcels", parcels)
    small.save(pg_project)
    published = pg_project
    store = open_store(published)
    errors, conflicts_seen = [], []

    def planner(times):
        try:
            project = Project.load(published)
            for _ in range(times):
                while True:
                    at = _lot(project)
                    value = int(project.layers["parcels"].loc[at, "tenant"])
                    project.layers["parcels"].loc[at, "tenant"] = str(value + 1)
                    try:
                        project.save()
                        break
                    except RowConflicts as exc:
                        conflicts_seen.append(1)
                        store.resolve(project, exc.conflicts, "theirs")
        except Exception as exc:  # reported to the main thread
            errors.append(exc)

    threads = [threading.Thread(target=planner, args=(500,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    final = Project.load(published).parcels.set_index("parcel_id").loc[LOT, "tenant"]
    assert final == "1000"  # 0 lost updates
    assert conflicts_seen  # they did collide


def test_edit_log_records_who_what_before_and_after(published, pg_dsn):
    project = Project.load(published)
    project.layers["parcels"].loc[_lot(project), "status"] = "leased"
    project.save()
    _, schema = split_address(published)
    with psycopg.connect(pg_dsn) as conn:
        rows = conn.execute(sql.SQL("SELECT who, layer, row_key, operation, before, after FROM {} "
                                    "WHERE operation = 'UPDATE'").format(sql.Identifier(schema, "kcn_edit_log"))
                            ).fetchall()
    assert len(rows) == 1
    who, layer, key, operation, before, after = rows[0]
    assert (who, layer, key) == ("kcn_admin", "parcels", LOT)
    assert after["status"] == "leased" and after["kcn_version"] == before["kcn_version"] + 1
    from gis_app.store.editlog import read_edit_log
    log = read_edit_log(published, row_key="CN-0")
    assert list(log["row_key"].unique()) == [LOT] and "UPDATE" in set(log["operation"])


def _login(pg_dsn, name, role):
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(sql.Identifier(name), sql.Identifier(role)))


def test_viewer_cannot_change_anything_editor_can(published, pg_dsn):
    _, schema = split_address(published)
    host = psycopg.conninfo.conninfo_to_dict(pg_dsn)
    _login(pg_dsn, "test_viewer", "kcn_viewer")
    _login(pg_dsn, "test_editor", "kcn_editor")
    as_viewer = make_address(host["host"], host["port"], host["dbname"], "test_viewer", schema)
    as_editor = make_address(host["host"], host["port"], host["dbname"], "test_editor", schema)
    project = Project.load(as_viewer)  # viewers read
    project.layers["parcels"].loc[_lot(project), "tenant"] = "viewer's edit"
    with pytest.raises(NotAllowed):
        project.save()
    with psycopg.connect(pg_dsn.replace("user=kcn_admin", "user=test_viewer")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(schema, "parcels")))
    editor = Project.load(as_editor)
    editor.layers["parcels"].loc[_lot(editor), "tenant"] = "editor's edit"
    editor.save()
    with psycopg.connect(pg_dsn.replace("user=kcn_admin", "user=test_editor")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the log is the database's
            conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(schema, "kcn_edit_log")))
    logged = Project.load(published).parcels.set_index("parcel_id").loc[LOT, "tenant"]
    assert logged == "editor's edit"
    from gis_app.store.editlog import read_edit_log
    assert "test_editor" in set(read_edit_log(published)["who"])


HOSTILE = ['x"; DROP TABLE parcels; --', "bảng đất 'công nghiệp' ; --", "ñ" * 300, 'a""b\\', "Robert'); DROP SCHEMA public; --"]


def test_hostile_layer_column_and_project_names(pg_dsn, memory_keyring, sample_project_path):
    import geopandas as gpd
    import shapely

    schema = "dự án\"; DROP SCHEMA public CASCADE; --" + "é" * 20
    address = address_from_dsn(pg_dsn, schema)
    project = Project.load(sample_project_path)
    for i, name in enumerate(HOSTILE):
        project.layers[name[:200]] = gpd.GeoDataFrame(
            {name[:60]: [f"v'{i};--"], "ghi chú": ["'); DELETE FROM zones; --"]},
            geometry=[shapely.Point(580000 + i, 2300000)], crs=project.crs)
    try:
        project.save(address)
        back = Project.load(address)
        for i, name in enumerate(HOSTILE):
            frame = back.layers[name[:200]]
            # PostgreSQL truncates identifiers to 63 bytes: long names come back shortened, not broken
            assert frame.iloc[0, 0] == f"v'{i};--" and frame["ghi chú"].iloc[0] == "'); DELETE FROM zones; --"
        assert len(back.zones) == len(project.zones)
        with psycopg.connect(pg_dsn) as conn:
            assert conn.execute("SELECT count(*) FROM spatial_ref_sys").fetchone()[0] > 1000  # public intact
    finally:
        with psycopg.connect(pg_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def test_password_comes_from_the_keyring_never_the_address(pg_dsn, memory_keyring, tmp_path):
    from gis_app.store.credentials import SERVICE, set_password

    host = psycopg.conninfo.conninfo_to_dict(pg_dsn)
    with pytest.raises(InputError, match="keyring|kho khóa"):
        split_address(f"postgresql://u:secret@{host['host']}:{host['port']}/kcn")
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS test_pw")
        conn.execute("CREATE ROLE test_pw LOGIN PASSWORD 's3cret-Đ' IN ROLE kcn_viewer")
    assert set_password(host["host"], host["port"], host["dbname"], "test_pw", "s3cret-Đ")
    assert list(memory_keyring.secrets) == [(SERVICE, f"test_pw@{host['host']}:{host['port']}/{host['dbname']}")]
    from gis_app.store.postgis import connect
    address = make_address(host["host"], host["port"], host["dbname"], "test_pw")
    with connect(address) as conn:  # trust auth on the test server: proves the path, not the check
        assert conn.info.password == "s3cret-Đ"
    assert "s3cret" not in address


def test_export_web_reads_a_database_project(published, tmp_path, pg_dsn):
    out = tmp_path / "web.html"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "export-web", published, "--out", str(out)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={**__import__("os").environ, "KCN_NO_BOOTSTRAP": "1",
                                 "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert LOT in html


def test_check_in_the_database_matches_the_application(published):
    from gis_app.store.sqlcheck import database_figures

    project = Project.load(published)
    app = project_figures = zone_fill_rates(project)
    db = database_figures(published)
    assert set(db.index) == set(app.index)
    for column in ("gross_m2", "industrial_m2", "leased_m2"):
        assert np.allclose(db[column].reindex(app.index).astype(float).fillna(-1),
                           project_figures[column].astype(float).fillna(-1), rtol=1e-9), column
    assert np.allclose(db["fill_rate"].reindex(app.index).astype(float).fillna(-1),
                       app["fill_rate"].astype(float).fillna(-1))


def test_missing_project_and_bad_server_are_input_errors(pg_dsn, memory_keyring):
    with pytest.raises(InputError, match="no_such|không có"):
        Project.load(address_from_dsn(pg_dsn, "no_such_project"))
    with pytest.raises(InputError):
        Project.load("postgresql://nobody@127.0.0.1:1/none?project=x")
    assert json.dumps({"ok": True})
