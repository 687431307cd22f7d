"""Frozen records shared by the checking core.

Every record that points into a text keeps code-point offsets (``start`` inclusive, ``end``
exclusive) into the text the user sent, so a CMS can highlight it in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A figure's value: a number, a ``(low, high)`` range, or an ISO date string.
FigureValue = float | tuple[float, float] | str


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of a text with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to.

    ``start``/``end``/``text`` are the mention at the attribution as written (``he``, ``Kirby``,
    ``the spokesman``); ``name`` is the canonical name it resolves to (``John Kirby``), equal to
    ``text`` when nothing better is known. ``named`` tells that the mention is a name, not a
    pronoun or a role.
    """

    start: int
    end: int
    text: str
    name: str
    named: bool = True


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: the text inside its quotation marks, and its speaker if known."""

    start: int
    end: int
    text: str
    speaker: Speaker | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure stated in a text.

    ``kind`` is one of count, money, percent, date, year, ordinal, duration, measure; ``change``
    is ``=``, ``~`` (about), ``>`` (more than), ``<`` (less than), ``up`` or ``down``.
    """

    start: int
    end: int
    text: str
    value: FigureValue
    unit: str | None
    kind: str
    change: str = "="

    def moved(self, by: int) -> Figure:
        """The same figure ``by`` characters further on (a copy of its text elsewhere)."""
        return Figure(self.start + by, self.end + by, self.text, self.value, self.unit,
                      self.kind, self.change)


@dataclass(frozen=True, slots=True)
class Passage:
    """An indexed piece of a reference: a sentence, or a quote with its speaker."""

    reference_id: str
    start: int
    end: int
    text: str
    kind: str  # "sentence" or "quote"
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class ReferenceInfo:
    """What a report says about a reference article."""

    id: str
    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SourceMatch:
    """Where a claim was found in the store and how closely it matched."""

    reference: ReferenceInfo
    start: int
    end: int
    text: str
    score: float
    speaker: str | None = None
    others: int = 0  # further references holding the same passage


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One word-level difference between a draft quote and its source."""

    op: str  # "replace", "insert" (in the draft, not the source), "delete" (from the source)
    draft: str
    source: str


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one claim of the draft (a quote or a figure)."""

    claim: str  # "quote" or "figure"
    verdict: str
    start: int
    end: int
    text: str
    explanation: str
    speaker: Speaker | None = None
    figure: Figure | None = None
    source: SourceMatch | None = None
    source_figure: Figure | None = None
    diff: tuple[DiffOp, ...] = field(default_factory=tuple)
    negation: bool = False


#: Verdicts that are discrepancies, and the flag kind each one raises.
FLAG_KINDS = {
    "altered": "quote_altered",
    "misattributed": "quote_misattributed",
    "unverified": "quote_unverified",
    "mismatch": "number_mismatch",
}
