"""The bundled OORL trainer (GEPO + on-policy RL), installed as `irgroups.training`.

Not built yet: it arrives with issue 4. `irgroups build` already writes the groups it
will consume (see DESIGN.md, "group" rows).
"""
