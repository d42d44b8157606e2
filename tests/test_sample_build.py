"""Rebuilding the sample: the command works, reproduces the committed data, and rejects bad input."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from gis_app import cli
from gis_app.core.project import Project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory, shared_data) -> Path:
    out = tmp_path_factory.mktemp("sample") / "nested" / "rebuilt.gpkg"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "build-sample", "--out", str(out),
                           "--data", str(shared_data)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    return out


def _same_layer(a, b, name):
    assert list(a.columns) == list(b.columns), name
    assert len(a) == len(b), name
    attrs = [c for c in a.columns if c != a.geometry.name]
    pd.testing.assert_frame_equal(pd.DataFrame(a[attrs]).reset_index(drop=True),
                                  pd.DataFrame(b[attrs]).reset_index(drop=True), check_dtype=False, obj=name)
    same = shapely.equals_exact(a.geometry.values, b.geometry.values, tolerance=1e-6)
    assert same.all(), f"{name}: {int((~same).sum())} geometries differ"


def test_rebuild_reproduces_the_committed_sample(rebuilt, sample_project_path):
    committed, fresh = Project.load(sample_project_path), Project.load(rebuilt)
    assert set(committed.layers) == set(fresh.layers)
    for name in committed.layers:
        _same_layer(committed.layers[name], fresh.layers[name], name)
    assert committed.meta == fresh.meta
    assert committed.layer_state == fresh.layer_state


def test_build_twice_in_memory_is_identical(shared_data):
    from gis_app.sample.builder import build_project

    first, second = build_project(shared_data), build_project(shared_data)
    for name in ("zones", "parcels", "subzones"):
        _same_layer(first.layers[name], second.layers[name], name)


def test_another_seed_gives_other_outlines_same_figures(shared_data):
    from gis_app.sample.builder import build_project

    base, other = build_project(shared_data), build_project(shared_data, seed=7)
    moved = ~shapely.equals_exact(base.zones.geometry.values, other.zones.geometry.values, tolerance=1.0)
    assert moved.mean() > 0.9
    kcn = base.zones["kind"] == "KCN"
    assert np.isclose(base.zones.area[kcn].sum(), other.zones.area[kcn].sum(), rtol=1e-9)


def test_sample_is_small_enough(sample_project_path):
    assert sample_project_path.stat().st_size < 5 * 1024 * 1024


@pytest.mark.parametrize("make_out", [
    lambda tmp: tmp / "a_file.txt" / "sub" / "out.gpkg",  # parent is a file: cannot be created
    lambda tmp: tmp,  # an existing folder
])
def test_bad_out_exits_2_with_a_clear_message(tmp_path, capsys, make_out):
    (tmp_path / "a_file.txt").write_text("x")
    out = make_out(tmp_path)
    code = cli.main(["build-sample", "--out", str(out), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(out) in err and ("folder" in err)
    assert not list(tmp_path.glob("*.gpkg"))


def test_missing_or_corrupt_source_data_exits_2(tmp_path, capsys, shared_data):
    code = cli.main(["build-sample", "--out", str(tmp_path / "x.gpkg"), "--data", str(tmp_path / "nope")])
    assert code == 2 and "nope" in capsys.readouterr().err
    data = tmp_path / "data"
    for source in shared_data.rglob("*"):  # a writable copy (the shared folder is read-only)
        if source.is_file():
            (data / source.relative_to(shared_data)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, data / source.relative_to(shared_data))
    roads = data / "roads" / "vn_national_roads_rail_legocity.geojson"
    roads.write_bytes(roads.read_bytes()[:5000])  # truncated download
    code = cli.main(["build-sample", "--out", str(tmp_path / "x.gpkg"), "--data", str(data), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "vn_national_roads_rail_legocity.geojson" in err
    assert not (tmp_path / "x.gpkg").exists()
