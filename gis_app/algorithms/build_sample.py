"""Command ``build-sample [--out PATH] [--data DIR]``: (re)build the sample project GeoPackage."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Algorithm, Output, DestinationFile, SourceFile


class BuildSample(Algorithm):
    name = "build-sample"
    title_vi = "Tạo dự án mẫu Hải Dương (minh họa)"
    title_en = "Build the sample project Hải Dương (illustrative)"
    params = (
        DestinationFile("out", ("tệp GeoPackage kết quả (mặc định: resources/sample/hai_duong_minh_hoa.gpkg)",
                               "output GeoPackage (default: resources/sample/hai_duong_minh_hoa.gpkg)")),
        SourceFile("data", ("thư mục dữ liệu nguồn (mặc định: ../shared/data)",
                                "source data folder (default: ../shared/data)")),
    )
    outputs = (Output("path", "file", "GeoPackage"),)

    def process(self, params: dict, feedback) -> dict:
        from ..sample.builder import DEFAULT_OUT, build_sample, default_data_dir

        out = Path(params.get("out") or DEFAULT_OUT)
        data = Path(params.get("data") or default_data_dir())
        _check_output(out)
        if not data.is_dir():
            raise InputError(t("không tìm thấy thư mục dữ liệu nguồn", "source data folder not found"), data)
        path = build_sample(out, data, feedback=feedback)
        return {"path": str(path), "summary": t("Đã tạo dự án mẫu: {p}", "Sample project written: {p}", p=path)}


def _check_output(out: Path) -> None:
    """Refuse an output that is a folder or whose folder cannot be created, before any work."""
    if out.is_dir():
        raise InputError(t("đường dẫn kết quả là một thư mục", "the output path is a folder"), out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(t("không tạo được thư mục kết quả ({err})", "cannot create the output folder ({err})",
                           err=exc.strerror or exc), out) from exc
    if not out.parent.is_dir():
        raise InputError(t("không tạo được thư mục kết quả", "cannot create the output folder"), out)
