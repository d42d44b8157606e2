"""Dock panels of the main window: layers, attribute table, zone list with legend."""
