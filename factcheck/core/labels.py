"""Numbers that are part of a name or label (``Number 10``, ``Channel 4``, ``Fathers 4 Justice``).

They are not figures (extraction leaves them out), but a draft that writes ``Number 12`` where
its source sentence has ``Number 10`` has still got something wrong: the checker lines them up
with the source like figures and compares them exactly.
"""

from __future__ import annotations

import re

from factcheck.core.types import Figure

_DIGITS = re.compile(r"(?<![\w.,:/-])\d{1,4}(?![\w:/%-]|[.,]\d)")

LABEL = "label"


def label_numbers(text: str, figures: list[Figure]) -> list[Figure]:
    """The whole numbers of ``text`` that no figure covers, as figures of kind ``label``.

    >>> [(f.text, f.kind) for f in label_numbers("Talks at Number 10 lasted 3 hours.", [])]
    [('10', 'label'), ('3', 'label')]
    """
    covered = [(f.start, f.end) for f in figures]
    out = []
    for m in _DIGITS.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in covered):
            out.append(Figure(m.start(), m.end(), m.group(), float(m.group()), None, LABEL))
    return out


def with_labels(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` and the label numbers of ``text`` beside them, in text order."""
    return sorted([*figures, *label_numbers(text, figures)], key=lambda f: f.start)
