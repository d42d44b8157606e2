"""Crash safety: SIGKILL at random moments of a save leaves the old or the new project, never a broken
or mixed one; leftovers go at the next open; file sets are replaced as sets; a writer's success is
checked before the rename (full disk)."""
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gis_app.core.atomic import TMP_MARK, atomic_outputs, clean_leftovers
from gis_app.core.project import Project
from gis_app.store import open_store

KILLS = 100


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if TMP_MARK in p.name)


def _kill_loop(target_folder, child_work, check, kills=KILLS, max_delay=0.4, mid_write_wanted=KILLS // 4,
               max_kills=KILLS * 4):
    """Fork a child that runs ``child_work(i)`` in a loop; SIGKILL it at a random moment; ``check()``.

    At least ``kills`` kills, and more (up to ``max_kills``) until ``mid_write_wanted`` of them found the
    child in the middle of a write: on a loaded machine the child needs longer to reach its first write,
    so each kill that found no temporary file lengthens the random delay (the point is kills inside
    writes, not a fixed timing). Returns how many kills found the child mid-write.
    """
    rng = random.Random(15)
    mid_write = done = 0
    delay_cap = max_delay
    while done < kills or (mid_write < mid_write_wanted and done < max_kills):
        pid = os.fork()
        if pid == 0:  # the child: write forever until killed
            try:
                i = done
                while True:
                    child_work(i)
                    i += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.02, delay_cap))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        hit = bool(_leftovers(target_folder))
        mid_write += hit
        if not hit:
            delay_cap = min(delay_cap * 1.1, 4.0)
        check()
        done += 1
    return mid_write


def test_project_save_killed_100_times_is_always_old_or_new(tmp_path, sample_project_path):
    path = tmp_path / "p.gpkg"
    path.write_bytes(sample_project_path.read_bytes())
    project = Project.load(path)
    original_names = list(project.zones["name"])

    def save(i):
        tag = f"v{i % 2}"
        project.meta["name"] = tag
        project.layers["parcels"]["tenant"] = tag
        project.layers["zones"]["name"] = tag
        open_store(path).write(project, force=True)

    def check():
        loaded = Project.load(path)  # the next open cleans up after the dead writer
        name = loaded.meta.get("name")
        if name in ("v0", "v1"):  # a new one, whole
            assert set(loaded.parcels["tenant"]) == {name} and set(loaded.zones["name"]) == {name}
        else:  # the old one (no save finished yet), whole
            assert list(loaded.zones["name"]) == original_names
        assert len(loaded.parcels) == 218
        assert _leftovers(tmp_path) == []

    mid_write = _kill_loop(tmp_path, save, check)
    assert mid_write >= KILLS // 4, mid_write  # the kills did land inside saves
    assert [p.name for p in tmp_path.iterdir()] == ["p.gpkg"]


def test_file_set_killed_100_times_is_one_whole_set(tmp_path):
    """A shapefile, a layout and its metrics JSON: written as one journaled set."""
    shp, meta = tmp_path / "lots.shp", tmp_path / "lots.json"
    frames = {n: gpd.GeoDataFrame({"tag": [f"v{n}"] * (200 + 300 * n)},
                                  geometry=[shapely.box(i, 0, i + 1, 1) for i in range(200 + 300 * n)], crs=9209)
              for n in (0, 1)}

    def write(i):
        n = i % 2
        with atomic_outputs(shp) as outputs:
            pyogrio.write_dataframe(frames[n], outputs.path(shp, sidecars=(".shx", ".dbf", ".prj", ".cpg")),
                                    driver="ESRI Shapefile")
            outputs.path(meta).write_text(f'{{"tag": "v{n}", "lots": {len(frames[n])}}}')

    write(0)

    def check():
        clean_leftovers(shp)  # what the next open or save does
        frame = pyogrio.read_dataframe(shp)
        tags = set(frame["tag"])
        assert len(tags) == 1 and len(frame) == len(frames[int(tags.pop()[1])])
        assert f'"lots": {len(frame)}' in meta.read_text()
        assert _leftovers(tmp_path) == []

    mid_write = _kill_loop(tmp_path, write, check, max_delay=0.15)
    assert mid_write >= KILLS // 4, mid_write


def test_png_sheet_series_replaces_the_old_series_as_a_set(tmp_path):
    from gis_app.cartography.pdf_render import pdf_to_png
    from reportlab.pdfgen import canvas

    def pdf(pages, name):
        path = tmp_path / name
        c = canvas.Canvas(str(path), pagesize=(200, 200))
        for i in range(pages):
            c.drawString(20, 100, f"sheet {i}")
            c.showPage()
        c.save()
        return path

    out = tmp_path / "out.png"
    three = pdf(3, "three.pdf")
    pdf_to_png(three, out, dpi=50)
    assert sorted(p.name for p in tmp_path.glob("out*.png")) == ["out-01.png", "out-02.png", "out-03.png"]
    pdf_to_png(pdf(1, "one.pdf"), out, dpi=50)  # one sheet: the old series goes with the same commit
    assert sorted(p.name for p in tmp_path.glob("out*.png")) == ["out.png"]
    assert _leftovers(tmp_path) == []


def test_truncated_kml_on_a_full_disk_never_replaces_the_good_file(tmp_path):
    """A file-size limit (as a full disk) makes GDAL's KML writer stop early; the old file stays."""
    target = tmp_path / "zones.kml"
    small = gpd.GeoDataFrame({"zone_id": ["A"]}, geometry=[shapely.box(105.0, 20.0, 105.01, 20.01)], crs=4326)
    from gis_app.exchange.writers import write_dataset

    write_dataset(small, target)
    good = target.read_bytes()
    big = tmp_path / "big.gpkg"
    gpd.GeoDataFrame({"zone_id": [f"Z{i:05d}" for i in range(3000)]},
                     geometry=[shapely.box(105 + i * 1e-4, 20, 105 + i * 1e-4 + 5e-5, 20.001) for i in range(3000)],
                     crs=4326).to_file(big)
    script = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path.insert(0, {str(os.getcwd())!r})
        import geopandas as gpd
        from gis_app.exchange.writers import write_dataset
        frame = gpd.read_file({str(big)!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (60000, 60000))
        try:
            write_dataset(frame, {str(target)!r})
        except Exception as exc:
            print("refused", type(exc).__name__)
            sys.exit(3)
        print("wrote")
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            cwd=os.path.dirname(os.path.dirname(__file__)))
    assert result.returncode == 3, (result.stdout, result.stderr[-2000:])
    assert target.read_bytes() == good
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_live_writers_temporary_files_are_not_touched(tmp_path, kind):
    target = tmp_path / "out.gpkg"
    if kind == "file":
        from gis_app.core.atomic import atomic_path

        with atomic_path(target) as tmp:
            tmp.write_bytes(b"x")
            assert clean_leftovers(target) == 0  # our own lock is held: not a dead writer's
            assert tmp.exists()
    else:
        with atomic_outputs(target) as outputs:
            outputs.path(target).write_bytes(b"x")
            assert clean_leftovers(target) == 0
    assert target.read_bytes() == b"x" and _leftovers(tmp_path) == []
