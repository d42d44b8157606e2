"""Map outputs: print layouts at true scale (PDF/PNG), raster backgrounds and the offline web map.

Qt-free: the shell's print dialog edits a :class:`~gis_app.cartography.layout.PrintLayout` and its
canvas draws what :func:`~gis_app.cartography.raster.read_raster` returns.
"""
