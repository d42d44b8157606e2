"""Exchange with land departments: formats, VN-2000 catalogue, legacy Vietnamese encodings.

Qt-free. The convert command (``gis_app/algorithms/convert.py``) and the shell's import/export
dialogs call the functions here: ``readers.read_dataset``, ``writers.write_dataset``,
``field_mapping.propose_mapping``/``MappingStore``, ``vn2000.crs_candidates``,
``encodings.detect.detect_encoding``, ``geometry_check.check_geometries``.
"""
