"""Hedges and directions stated around a figure: ``about``, ``more than``, ``up to``, ``rose``.

:func:`read_change` gives a figure's ``change``: ``=``, ``~`` (about), ``>`` (more than), ``<``
(less than, up to), ``up`` or ``down`` (the figure is the amount of a rise or a fall).
"""

from __future__ import annotations

import re

#: How far back (in characters) a hedge or a direction may be written before a figure.
LOOKBACK = 40
CHANGE_BEFORE = re.compile(
    r"\b(?:(?P<approx>about|around|roughly|nearly|almost|approximately|approx\.|some|circa|c\."
    r"|close\s+to|an\s+estimated|estimated|just\s+over|just\s+under|just\s+shy\s+of|more\s+or\s+less"
    r"|getting\s+on\s+for)"
    r"|(?P<less>no\s+more\s+than|not\s+more\s+than|less\s+than|fewer\s+than|lower\s+than|under|up\s+to"
    r"|below|at\s+most|as\s+(?:many|much|few|little)\s+as|a\s+maximum\s+of|not\s+exceeding)"
    r"|(?P<more>more\s+than|greater\s+than|higher\s+than|over|at\s+least|above|in\s+excess\s+of"
    r"|upwards\s+of|exceeding|a\s+minimum\s+of|at\s+a\s+minimum)"
    r"|(?P<up>rose|rise|rises|risen|rising|increased|increase|increases|increasing|grew|grow|grows"
    r"|grown|growing|jumped|jumps|climbed|climbs|gained|gains|soared|soars|surged|surges|rallied"
    r"|advanced|(?:a|an)\s+(?:rise|increase|jump|gain|growth|hike)\s+of|growth\s+of|up)"
    r"|(?P<down>fell|fall|falls|fallen|falling|dropped|drops|drop|declined|declines|decreased"
    r"|decreases|slumped|slumps|slid|slides|dipped|dips|shrank|shrunk|shrinks|tumbled|plunged"
    r"|plummeted|sank|eased|cut\s+by|(?:a|an)\s+(?:fall|drop|decline|decrease|cut|loss|slump)\s+of"
    r"|down))\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"(?P<more>-plus\b|\+(?!\w)|(?:\s+[a-z]+){0,2}\s+or\s+more\b)|(?P<approx>(?:\s+[a-z]+){0,2}\s+or\s+so\b)"
)


def read_change(text: str, start: int, end: int, kind: str) -> str:
    """The hedge or direction stated around a figure: ``=``, ``~``, ``>``, ``<``, ``up``, ``down``."""
    if kind in ("date", "year", "ordinal", "time"):
        return "="
    m = CHANGE_BEFORE.search(text, max(0, start - LOOKBACK), start)
    if m:
        group = m.lastgroup
        bare = m.group(group).lower() in ("up", "down")
        if group in ("up", "down") and bare and kind not in ("percent", "money"):
            return "="
        return {"approx": "~", "less": "<", "more": ">", "up": "up", "down": "down"}[group]
    m = _CHANGE_AFTER.match(text, end)
    if m:
        return ">" if m.group("more") else "~"
    return "="
