"""The named thresholds and limits of a check, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Thresholds and limits of the check, with defaults tuned on development drafts."""

    first_candidate_limit: int = 6  # texts asked first for a quote: enough when one holds it
    candidate_limit: int = 20  # passages asked from the index per claim
    few_keys: int = 3  # a quote with this few index keys ties with many passages...
    wide_candidate_limit: int = 100  # ...so this many are asked for
    screen_keep: int = 8  # candidates aligned word by word after the rapidfuzz screen
    min_quote_words: int = 5  # shorter quotes prove little when they match inside a long passage
    min_attributed_words: int = 4  # shorter quotes are never held to be misattributed
    close_score: float = 70.0  # rapidfuzz ratio of quote vs source stretch to count as "close"
    close_coverage: float = 0.6  # share of the quote's words found in order in the source
    min_cut_quote_words: int = 4  # a source quote with one cut (no ellipsis) keeps this many
    figure_candidate_limit: int = 20  # passages asked from the index per figure sentence
    figure_keep: int = 6  # source sentences a figure is lined up with
    figure_context: float = 0.75  # word-level similarity of a figure's sentence to a source one
    attribution_reach: int = 80  # max characters between a quote and a speaker named at it


DEFAULT_OPTIONS = CheckOptions()
