"""Qt-free core: errors, messages, CRS, project model, processing framework."""
