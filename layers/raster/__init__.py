"""Raster layer models (basemaps, scanned plans): not yet implemented."""
