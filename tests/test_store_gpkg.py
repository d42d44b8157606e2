"""GeoPackage store: faithful saves, one-snapshot reads, changed-since-opened, files held by QGIS."""
import sqlite3
import subprocess
import sys
import textwrap

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gis_app.core.errors import InputError
from gis_app.core.project import Project
from gis_app.store import ChangedSinceOpened, NotAllowed, open_store


@pytest.fixture
def project_file(tmp_path, sample_project_path):
    path = tmp_path / "p.gpkg"
    path.write_bytes(sample_project_path.read_bytes())
    return path


def _add_user_tables(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contracts (id INTEGER PRIMARY KEY, parcel TEXT, signed DATE, amount NUMERIC)")
    db.execute("INSERT INTO contracts VALUES (1, 'P-1', '2024-02-01', 12.5)")
    db.execute("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY, f_table_name TEXT, styleQML TEXT)")
    db.execute("INSERT INTO layer_styles VALUES (1, 'parcels', '<qgis/>')")
    db.commit()
    db.close()
    wells = gpd.GeoDataFrame({"depth": [12.5, 30.0], "code": ["W1", "W2"], "drilled": [1, 2]},
                             geometry=[shapely.Point(105.3, 20.9), shapely.Point(105.4, 20.95)], crs=4326)
    pyogrio.write_dataframe(wells, path, layer="wells")


def _decl(path, table):
    db = sqlite3.connect(path)
    try:
        return [(r[1], r[2]) for r in db.execute(f'PRAGMA table_info("{table}")')]
    finally:
        db.close()


def test_save_keeps_unknown_tables_column_types_and_crs_of_extra_layers(project_file):
    _add_user_tables(project_file)
    before_wells = _decl(project_file, "wells")
    project = Project.load(project_file)
    assert project.layers["wells"].crs.equals(project.crs)  # shown in the project CRS
    project.layers["parcels"].loc[project.layers["parcels"].index[0], "tenant"] = "Công ty A"
    project.save()
    db = sqlite3.connect(project_file)
    assert db.execute("SELECT parcel, signed, amount FROM contracts").fetchall() == [("P-1", "2024-02-01", 12.5)]
    assert db.execute("SELECT styleQML FROM layer_styles").fetchall() == [("<qgis/>",)]
    srs = db.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'wells'").fetchone()[0]
    db.close()
    assert srs == 4326
    assert _decl(project_file, "wells") == before_wells
    again = Project.load(project_file)
    assert again.parcels["tenant"].iloc[0] == "Công ty A"

    # An edited extra layer is written back in its own CRS.
    again.layers["wells"].loc[0, "depth"] = 99.0
    again.save()
    assert pyogrio.read_info(project_file, layer="wells")["crs"] == "EPSG:4326"
    assert pyogrio.read_dataframe(project_file, layer="wells")["depth"].tolist() == [99.0, 30.0]


def test_convert_into_existing_geopackage_adds_a_layer(project_file, tmp_path):
    _add_user_tables(project_file)
    from gis_app.algorithms.convert import Convert

    src = tmp_path / "roads.geojson"
    gpd.GeoDataFrame({"name": ["QL5"]}, geometry=[shapely.LineString([(105.3, 20.9), (105.4, 20.9)])],
                     crs=4326).to_file(src)
    Convert().run({"input": str(src), "output": str(project_file), "layer_name": "roads_new", "geometry": "any"})
    names = [n for n, _ in pyogrio.list_layers(project_file)]
    assert {"zones", "parcels", "wells", "roads_new"} <= set(names)
    db = sqlite3.connect(project_file)
    assert db.execute("SELECT count(*) FROM contracts").fetchone()[0] == 1
    db.close()


def test_second_saver_is_told_the_file_changed(project_file):
    first = Project.load(project_file)
    second = Project.load(project_file)
    first.meta["name"] = "first"
    first.save()
    second.meta["name"] = "second"
    with pytest.raises(ChangedSinceOpened):
        second.save()
    assert Project.load(project_file).meta["name"] == "first"
    open_store(project_file).write(second, force=True)  # the planner chose "save anyway"
    assert Project.load(project_file).meta["name"] == "second"


def test_file_held_open_by_another_client_is_not_replaced(project_file):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        db = sqlite3.connect({str(project_file)!r})
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("SELECT count(*) FROM parcels").fetchone()
        print("open", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        project = Project.load(project_file)
        project.meta["name"] = "edited while QGIS has it"
        inode = project_file.stat().st_ino
        with pytest.raises(NotAllowed, match="QGIS"):
            project.save()
        assert project_file.stat().st_ino == inode
    finally:
        holder.communicate("")
    project.save()  # closed there: now it saves
    assert Project.load(project_file).meta["name"] == "edited while QGIS has it"
    db = sqlite3.connect(project_file)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_load_is_one_snapshot_while_another_process_saves(project_file):
    """A writer process alternates two versions; every load sees one version whole."""
    project = Project.load(project_file)
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).resolve().parents[1])!r})
        from gis_app.core.project import Project
        from gis_app.store import open_store
        p = Project.load({str(project_file)!r})
        for i in range(40):
            tag = "A" if i % 2 else "B"
            p.meta["name"] = tag
            p.layers["parcels"]["tenant"] = tag
            p.layers["zones"]["name"] = tag
            open_store({str(project_file)!r}).write(p, force=True)
        """)])
    seen = set()
    try:
        while writer.poll() is None:
            p = Project.load(project_file)
            tags = {p.meta.get("name")} | set(p.parcels["tenant"].dropna()) | set(p.zones["name"])
            assert len(tags) == 1 or p.meta.get("name") not in ("A", "B"), tags
            seen |= tags
    finally:
        writer.wait()
    assert writer.returncode == 0
    assert project is not None


def test_load_and_save_are_linear_in_layers(tmp_path, monkeypatch):
    """200 extra layers: load opens the file once; a save rewrites only the one changed layer."""
    path = tmp_path / "many.gpkg"
    project = Project()
    for i in range(200):
        frame = gpd.GeoDataFrame({"v": [i]}, geometry=[shapely.Point(580000 + i, 2300000)], crs=project.crs)
        project.layers[f"layer_{i:03d}"] = frame
    project.save(path)
    opened, written = [], []
    real_connect, real_write = sqlite3.connect, pyogrio.write_dataframe
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: opened.append(a[0]) or real_connect(*a, **k))
    monkeypatch.setattr(pyogrio, "write_dataframe", lambda df, p, layer=None, **k:
                        written.append(layer) or real_write(df, p, layer=layer, **k))
    loaded = Project.load(path)
    assert len(loaded.layers) == 200 and len(opened) == 1
    loaded.layers["layer_007"].loc[0, "v"] = -1
    loaded.save()
    assert written == ["layer_007"]
    monkeypatch.undo()
    assert Project.load(path).layers["layer_007"]["v"].tolist() == [-1]
    assert Project.load(path).layers["layer_199"]["v"].tolist() == [199]


def test_not_a_geopackage_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.gpkg"
    bad.write_text("hello")
    with pytest.raises(InputError, match="bad.gpkg"):
        Project.load(bad)
