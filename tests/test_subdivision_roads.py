"""Road network repair: detached parts get a connector to the access or are dropped."""
import numpy as np
import shapely

from gis_app.subdivision.params import SubdivisionParams
from gis_app.subdivision.roads import components, connect_to_access
from gis_app.subdivision.validate import network_problems


def test_detached_road_gets_a_connector_and_an_unreachable_one_is_dropped():
    params = SubdivisionParams()
    site = shapely.box(0, 0, 3000, 400)
    access = np.array([shapely.LineString([(0, 0), (0, 400)])], dtype=object)  # the west edge only
    roads = np.array([shapely.box(0, 100, 300, 116),      # reaches the access
                      shapely.box(400, 200, 700, 216),    # 100 m away from the first: connector
                      shapely.box(2500, 0, 2516, 50)], dtype=object)  # too far: dropped
    kinds = np.array(["spine", "spine", "cross"])
    assert network_problems(roads, access, params.tolerance)  # broken before the repair
    new, new_kinds, dropped = connect_to_access(roads, kinds, access, site, params)
    assert "connector" in set(new_kinds.tolist())
    assert len(dropped) == 1 and dropped[0].equals(roads[2])
    assert network_problems(new, access, params.tolerance) == []
    assert len(set(components(new, params.tolerance).tolist())) >= 1
    # the connector keeps the road width and stays inside the site
    conn = new[new_kinds == "connector"]
    assert all(shapely.difference(c, site).area < 1e-6 for c in conn)


def test_components_labels_touching_pieces_together():
    geoms = np.array([shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10), shapely.box(50, 0, 60, 10)],
                     dtype=object)
    label = components(geoms, 0.01)
    assert label[0] == label[1] != label[2]
