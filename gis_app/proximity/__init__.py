"""Travel time from CNHT sites to assembly plants (rule R5: at most 30 minutes).

`sites.py` collects the sites (CNHT subzones, vacant industrial land), `straight_line.py` and
`network.py` measure minutes to the nearest plant, `analysis.py` ties them together.
"""
