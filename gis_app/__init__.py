"""KCN Planner: industrial-zone land planning for Vietnamese provinces.

`gis_app.core` and the operation packages never import Qt; `gis_app.shell` is the Qt front end.
"""
__version__ = "0.1.0"
