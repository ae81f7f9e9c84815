"""Groups of trigger types and cue roles that several of the coder's rules share."""
from __future__ import annotations

_MOVING = ("trade", "transit", "move")  # triggers that say goods move (a via word or a route makes them transit)
# "move" triggers (went, идет, trafia) say that something goes somewhere: trade towards a
# partner after "to", transit through a partner after "through"
_ROLE_CUES = ("destination", "origin", "between", "via", "via_weak", "arrival_from", "comparison", "bypass")
_HOSTILE = frozenset(("sanction", "conflict"))
_CASE_ROLES = ("destination", "origin", "place", "with")
_LIST_WORDS = {"and", "i", "oraz", "и", "и", "et", "und", "та", "і", "й", "және", "мен", "or", "lub", "или", "ou", "oder", "або"}
_LIST_FILLERS = ("article", "origin", "destination")  # what may stand before each member of a list
