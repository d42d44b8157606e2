"""Shapefile exchange speed: our TCVN3-aware writer/reader against GDAL (pyogrio) alone.

    .venv/bin/python bench/bench_exchange_io.py [--quick]

Prints seconds and ratios to the GDAL baseline measured in the same run (GDAL's reading of a
TCVN3 file is fast but wrong: it cannot decode TCVN3).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10,000 parcels instead of 100,000")
    args = parser.parse_args()
    import pyogrio

    from gis_app.exchange.readers import read_dataset
    from gis_app.exchange.writers import write_dataset
    from tests.exchange_helpers import hai_duong_names, parcels_frame

    n = 10_000 if args.quick else 100_000
    names = hai_duong_names()
    frame = parcels_frame([names[i % len(names)] for i in range(n)])
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        start = time.perf_counter()
        pyogrio.write_dataframe(frame, base / "gdal.shp")
        gdal_write = time.perf_counter() - start
        start = time.perf_counter()
        pyogrio.read_dataframe(base / "gdal.shp")
        gdal_read = time.perf_counter() - start
        start = time.perf_counter()
        write_dataset(frame, base / "ours.shp", out_encoding="tcvn3")
        our_write = time.perf_counter() - start
        start = time.perf_counter()
        back = read_dataset(base / "ours.shp")
        our_read = time.perf_counter() - start
    assert back.frame["TenXa"].tolist() == frame["TenXa"].tolist()
    # TCVN3 is also a registered Python codec; the DBF reader calls the table directly: compare both
    from gis_app.exchange import encodings

    raw = [encodings.encode(names[i % len(names)], "tcvn3") for i in range(n)]
    start = time.perf_counter()
    via_codec = [b.decode("tcvn3") for b in raw]
    codec_time = time.perf_counter() - start
    start = time.perf_counter()
    direct = [encodings.tcvn3.decode(b) for b in raw]
    direct_time = time.perf_counter() - start
    assert via_codec == direct
    print(f"{n} parcels")
    print(f"TCVN3 decode of {n} values: codecs.register path {codec_time:.3f} s, direct table (DBF path) "
          f"{direct_time:.3f} s  (direct x{direct_time / codec_time:.2f} of the codec)")
    print(f"write: GDAL UTF-8 {gdal_write:.2f} s, ours TCVN3 {our_write:.2f} s  (x{our_write / gdal_write:.1f})")
    print(f"read:  GDAL UTF-8 {gdal_read:.2f} s, ours TCVN3 + detection + geometry check {our_read:.2f} s  "
          f"(x{our_read / gdal_read:.1f})")


if __name__ == "__main__":
    main()
