"""`screenshot PROJECT --out PNG [--zone ID] [--lang vi|en]`: the real main window, rendered headless."""
from __future__ import annotations

from pathlib import Path

from gis_app.core.errors import InputError
from gis_app.core.i18n import t
from gis_app.core.processing import Algorithm, Output, DestinationFile, Enumeration, Number, SourceFile, ZoneId


class Screenshot(Algorithm):
    name = "screenshot"
    title_vi = "Chụp ảnh cửa sổ chính"
    title_en = "Screenshot of the main window"
    params = (
        SourceFile("project", "tệp dự án .gpkg / project .gpkg", required=True, positional=True),
        DestinationFile("out", "ảnh PNG đầu ra / output PNG", required=True),
        ZoneId("zone", "mã khu để phóng tới / zone id to zoom to"),
        Enumeration("lang", "ngôn ngữ giao diện / UI language", default="vi", choices=("vi", "en")),
        Number("width", "chiều rộng (px) / width (px)", default=1600, integer=True, minimum=1, unit="px"),
        Number("height", "chiều cao (px) / height (px)", default=1000, integer=True, minimum=1, unit="px"),
    )
    outputs = (Output("out", "file", "PNG"),)

    def process(self, params: dict, feedback) -> dict:
        from gis_app.core.atomic import atomic_path
        from gis_app.core.project import Project

        out = Path(params["out"])
        if out.suffix.lower() != ".png":
            raise InputError(t("tệp đầu ra phải là .png", "the output file must be a .png"), out)
        project = Project.open(params["project"])  # InputError for a bad or geographic project: exit 2
        from gis_app.core.drawable import check_project_drawable

        # a feature far outside the CRS's area of use would zoom the map to a blank picture
        check_project_drawable(project, params["project"])
        zone = params.get("zone")
        if zone and zone not in set(project.zones["zone_id"].astype(str)):
            raise InputError(t("không có khu {zone} trong dự án", "no zone {zone} in the project", zone=zone),
                             "--zone")
        from ..app import application
        from ..main_window import MainWindow
        from ..language import apply_language
        from ..window_actions import select_zone, show_project

        app = application(offscreen=True)
        apply_language(params["lang"], remember=False)
        window = MainWindow(restore_layout=False)  # the default layout, whatever the user's
        window.resize(int(params["width"]), int(params["height"]))
        window.show()
        app.processEvents()
        show_project(window, project)
        if zone:
            select_zone(window, zone)
        else:
            window.canvas.zoom_to(window.canvas.full_extent())
        feedback.progress(50)
        window.rules.wait_idle()  # the rules check and charts run in the task runner
        app.processEvents()
        window.canvas.refresh()
        app.processEvents()
        if window.rasters.underlay.wait():  # background rasters are read off the UI thread
            window.canvas.refresh()
            app.processEvents()
        image = window.grab()
        window.set_modified(False)
        window.close()
        with atomic_path(out, suffix=".png") as tmp:
            if not image.save(str(tmp), "PNG"):
                raise InputError(t("không ghi được ảnh", "cannot write the image"), out)
        feedback.progress(100)
        return {"out": str(out), "summary": t("Đã ghi {out} ({w}×{h})", "Wrote {out} ({w}×{h})",
                                              out=out, w=image.width(), h=image.height())}
