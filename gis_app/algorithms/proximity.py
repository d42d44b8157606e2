"""`proximity`: travel minutes from each CNHT subzone and vacant area to the nearest assembly plant."""
from __future__ import annotations

import json

from ..core.atomic import write_text_atomic
from ..core.processing import Algorithm, Output, DestinationFile, Number, SourceFile


class ProximityAlgorithm(Algorithm):
    name = "proximity"
    title_vi = "Khoảng cách thời gian tới nhà máy lắp ráp (R5)"
    title_en = "Travel time to assembly plants (R5)"
    params = (
        SourceFile("project", "dự án (.gpkg) / project (.gpkg)", required=True, positional=True),
        SourceFile("plants", "điểm nhà máy lắp ráp / assembly plant locations", required=True),
        SourceFile("roads", "mạng đường (tùy chọn) / road lines (optional)"),
        DestinationFile("json", "tệp JSON kết quả / output JSON", required=True),
        Number("speed", "tốc độ trên đường, km/h / road speed, km/h", default=40.0, minimum=0, unit="km/h"),
        Number("access_speed", "tốc độ tiếp cận, km/h / access speed, km/h", default=20.0, minimum=0, unit="km/h"),
        Number("detour", "hệ số đường vòng khi không có mạng đường / detour factor", default=1.3, minimum=1),
        Number("limit", "giới hạn, phút / limit, minutes", default=30.0, minimum=0, unit="min"),
    )
    outputs = (Output("json", "json"),)

    def process(self, params, feedback):
        from ..core.project import Project
        from ..proximity.analysis import ProximitySettings, run_proximity

        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)
        feedback.progress(20)
        settings = ProximitySettings(speed_kmh=params["speed"], access_speed_kmh=params["access_speed"],
                                     detour=params["detour"], limit_minutes=params["limit"])
        result = run_proximity(project, params["plants"], params["roads"], settings)
        write_text_atomic(params["json"], json.dumps(result, ensure_ascii=False, indent=1))
        feedback.progress(100)
        late = sum(s["status"] == "warning" for s in result["sites"])
        return {"json": params["json"], "result": result,
                "summary": f"{len(result['sites'])} sites, {late} over {settings.limit_minutes:g} min ({result['mode']})"}
