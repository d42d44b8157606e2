"""The sample project "Hải Dương (minh họa)": real outlines, illustrative zones, two laid-out KCN.

Entry points: :func:`builder.build_project` (in memory) and :func:`builder.build_sample` (saved).
Command: ``python main.py build-sample [--out PATH]``.
"""
