"""One module per operation; every Algorithm subclass here becomes a CLI command and a GUI action.

Keep module imports light (import heavy libraries inside ``process``) so that ``main.py --help``
stays fast.
"""
