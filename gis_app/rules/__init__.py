"""Fill rates and the land reservation rules R1–R6 (seed 003, Part II, II.3): Qt-free.

ruleset.py loads and validates the rule set (TOML), figures.py computes per-zone figures,
evaluate.py applies one evaluator per rule, summary.py sums up per kind, check.py ties them together,
view.py turns results into display rows for the GUI's zone dock.
"""
