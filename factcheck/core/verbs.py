"""Reporting verbs of general English ("said", "warned", "shot back") and their inflected forms.

A lexicon of the language, not of any corpus: every entry is a common verb that news writing
uses to attribute speech.  Regular verbs are listed by their base form and inflected by rule.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


#: Reporting verbs with regular inflection (``warn``: warns, warned, warning).
_REGULAR = _words(
    """add warn insist tweet argue explain note declare claim stress ask reply respond continue
    recall acknowledge announce state report suggest predict promise vow pledge boast complain
    charge contend maintain assert observe remark comment concede conclude confirm deny joke
    shout yell scream cry exclaim whisper mutter murmur answer counter retort emphasize emphasise
    point mention describe call urge plead demand proclaim reiterate repeat testify post wonder
    speculate caution recount reveal disclose allege accuse criticize criticise praise lament
    sigh thunder hint estimate recommend quote chant talk assure press muse elaborate interject
    mock tout blast scoff fume chide grumble volunteer characterize characterise decry deride hail
    cite remind opine pronounce preach implore inquire enquire rejoin tease taunt gush sneer grouse
    threaten insinuate imply indicate summarize clarify applaud apologize apologise chuckle scold
    underscore advise assail agree guarantee"""
)

#: Regular verbs that double their final consonant (``admit``: admitted, admitting).
_DOUBLING = _words("admit quip blog snap slam refer beg concur brag")

#: Irregular reporting verbs: every form.
_IRREGULAR = _words(
    """say says said saying tell tells told telling write writes wrote written writing
    begin begins began begun beginning go goes went gone going read reads reading
    sing sings sang sung singing speak speaks spoke spoken speaking put puts putting
    swear swears swore sworn swearing forecast forecasts forecasting pled"""
)


def inflect(base: str) -> tuple[str, str, str, str]:
    """``(base, third person, past, present participle)`` of a regular verb.

    >>> [inflect(verb)[2] for verb in ("deny", "admit", "agree", "note", "stress")]
    ['denied', 'admitted', 'agreed', 'noted', 'stressed']
    """
    if base in _DOUBLING:
        return base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    if base.endswith("ee"):
        return base, base + "s", base + "d", base + "ing"
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith(("s", "sh", "ch", "x")):
        return base, base + "es", base + "ed", base + "ing"
    return base, base + "s", base + "ed", base + "ing"


#: Every inflected form of every reporting verb.
REPORTING_VERBS = _IRREGULAR | frozenset(
    form for base in _REGULAR | _DOUBLING for form in inflect(base)
)

#: Verbs that only count as reporting verbs when directly next to a quotation (too common as
#: ordinary verbs: "went to", "called for", "put it").
_WEAK_BASES = _words(
    """call point agree describe talk praise criticize criticise accuse chant post estimate quote
    recommend continue"""
)
WEAK_VERBS = frozenset(form for base in _WEAK_BASES for form in inflect(base)) | _words(
    """go goes went gone going begin begins began begun beginning put puts putting read reads
    reading speak speaks spoke spoken speaking sing sings sang sung singing"""
)

#: Cues that introduce a speaker after them ("according to X").
ACCORDING_TO = (
    "according to",
    "According to",
    "in the words of",
    "In the words of",
    "as quoted by",
)

#: Multi-word reporting verbs ("shot back", "weighed in").
REPORTING_PHRASES = (
    tuple(
        f"{verb} {particle}"
        for verb, particle in (
            ("shot", "back"),
            ("fired", "back"),
            ("hit", "back"),
            ("hits", "back"),
            ("fires", "back"),
            ("shoots", "back"),
            ("chimed", "in"),
            ("chimes", "in"),
            ("weighed", "in"),
            ("weighs", "in"),
            ("pointed", "out"),
            ("points", "out"),
            ("went", "on"),
            ("goes", "on"),
            ("spoke", "out"),
            ("speaks", "out"),
            ("summed", "up"),
            ("sums", "up"),
            ("lashed", "out"),
            ("lashes", "out"),
            ("piped", "up"),
            ("pushed", "back"),
            ("pushes", "back"),
        )
    )
    + ACCORDING_TO
)
