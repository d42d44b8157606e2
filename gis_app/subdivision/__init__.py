"""Subdivision engine: vacant industrial land → SME lots on roads, new roads, a high-tech reserve
and remainder pieces with reasons. Qt-free; call :func:`subdivide` with a ``Feedback``.

Where things are: ``site.py`` input and access edges, ``roads.py`` road layout, ``blocks.py`` lot
strips, ``frontage.py`` frontage/depth, ``leftovers.py`` merging cut-offs, ``reserve.py`` the
reserve block, ``validate.py`` the guarantees, ``metrics.py``, ``numbering.py``, ``edit.py``
merge/split/renumber, ``output.py`` layers and the GeoPackage.
"""
from .engine import Layout, subdivide  # noqa: F401
from .params import SubdivisionParams, parse_lot_mix  # noqa: F401
