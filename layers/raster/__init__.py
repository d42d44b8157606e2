"""Raster layer models (orthophotos, scanned plans drawn under the vectors)."""
