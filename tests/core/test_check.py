"""The checking pipeline on invented mini-articles held in a MemoryIndex: one test per rule."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.core.check import CheckOptions, check_text
from factcheck.core.memindex import MemoryIndex
from factcheck.core.report import build_report

TOYS = (
    "Harbury Toys profits jump on puzzle sales\n\n"
    "Harbury Toys said profits rose 12% to £5bn in 2004, helped by strong sales of its wooden "
    "puzzle games across northern Europe.\n\n"
    '"We have never seen demand like this for our wooden puzzles," said chief executive Laura '
    'Benning. "The figures show that families are not giving up on traditional toys, whatever '
    'the screen makers tell you."\n\n'
    "Analysts at Corvell Securities said the firm would open 35 new shops next year. "
    '"Harbury is clearly winning the battle for the high street this winter," said Tom Reddick, '
    "an analyst at Corvell.\n"
)
HARBOUR = (
    "Dunmore harbour to get container terminal\n\n"
    "The council has approved a plan to spend $22bn on Dunmore harbour over the next decade.\n\n"
    '"Work on the new container terminal will begin in the spring and will create hundreds of '
    'skilled jobs for the region," said harbour master Greta Olsen.\n'
)


def make_index(*, duplicate: bool = False) -> MemoryIndex:
    """A store of invented articles (optionally with a near-duplicate of the first)."""
    index = MemoryIndex()
    index.add("toys-1", "Harbury Toys profits jump on puzzle sales", TOYS, url="https://x.test/1")
    index.add("harbour-1", "Dunmore harbour to get container terminal", HARBOUR)
    if duplicate:
        index.add("toys-2", "Harbury Toys profits jump", TOYS.replace("jump on", "leap on"))
    return index


@pytest.fixture
def index() -> MemoryIndex:
    return make_index()


def flags_of(draft: str, index: MemoryIndex) -> list[dict]:
    flags = build_report(draft, check_text(draft, index))["flags"]
    for flag in flags:
        assert draft[flag["start"] : flag["end"]] == flag["text"]
    return flags


def only_flag(draft: str, index: MemoryIndex, kind: str, text: str) -> dict:
    flags = flags_of(draft, index)
    assert [f["kind"] for f in flags] == [kind], flags
    flag = flags[0]
    assert flag["text"] == text
    assert (flag["start"], flag["end"]) == (draft.index(text), draft.index(text) + len(text))
    return flag


def test_verified_quote_with_curly_marks_is_not_flagged(index):
    draft = (
        "Shop news\n\n“We have never seen demand like this for our wooden puzzles,” said "
        "Laura Benning."
    )
    findings = check_text(draft, index)
    assert [(f.claim, f.verdict) for f in findings] == [("quote", "verified")]
    source = findings[0].source
    assert source.reference.id == "toys-1" and source.reference.title.startswith("Harbury")
    assert TOYS[source.start : source.end] == source.text


def test_altered_word_is_flagged_with_diff(index):
    quote = "We have never seen demand like this for our plastic puzzles,"
    draft = f'"{quote}" said Laura Benning.'
    flag = only_flag(draft, index, "quote_altered", quote)
    assert flag["diff"] == [{"op": "replace", "draft": "plastic", "source": "wooden"}]
    assert "“wooden”, not “plastic”" in flag["explanation"]
    assert flag["source"]["reference_id"] == "toys-1"
    assert TOYS[flag["source"]["start"] : flag["source"]["end"]] == flag["source"]["text"]


def test_negation_added_is_flagged_and_named(index):
    quote = (
        "Work on the new container terminal will not begin in the spring and will create "
        "hundreds of skilled jobs for the region,"
    )
    flag = only_flag(f'"{quote}" said Greta Olsen.', index, "quote_altered", quote)
    assert flag["negation"] is True
    assert "adds a negation (“not”)" in flag["explanation"]


def test_negation_removed_is_flagged_and_named(index):
    quote = "The figures show that families are giving up on traditional toys,"
    flag = only_flag(f'"{quote}" Ms Benning said.', index, "quote_altered", quote)
    assert flag["negation"] is True
    assert "drops the negation (“not”)" in flag["explanation"]


def test_contracted_negation_is_a_change_but_not_a_flip(index):
    quote = "The figures show that families aren't giving up on traditional toys,"
    (flag,) = flags_of(f'"{quote}" she said.', index)
    assert flag["kind"] == "quote_altered" and flag["negation"] is False
    quote = "The figures show that families are giving up on traditional toys, whatever"
    assert flags_of(f'"{quote}" she said.', index)[0]["negation"] is True


def test_words_deleted_without_ellipsis_are_flagged(index):
    quote = (
        "Work on the new container terminal will begin and will create hundreds of skilled jobs,"
    )
    flag = only_flag(f'"{quote}" said Greta Olsen.', index, "quote_altered", quote)
    assert flag["diff"] == [{"op": "delete", "draft": "", "source": "in the spring"}]


def test_word_inserted_is_flagged(index):
    quote = "Harbury is clearly winning the long battle for the high street this winter,"
    flag = only_flag(f'"{quote}" said Tom Reddick.', index, "quote_altered", quote)
    assert flag["diff"] == [{"op": "insert", "draft": "long", "source": ""}]


def test_misattributed_quote_names_both_speakers(index):
    quote = "Harbury is clearly winning the battle for the high street this winter,"
    draft = f'Toy shops\n\n"{quote}" said Laura Benning, the chief executive.'
    flag = only_flag(draft, index, "quote_misattributed", quote)
    assert flag["speaker"]["text"] == "Laura Benning"
    assert flag["source"]["speaker"] == "Tom Reddick"
    assert flag["explanation"] == (
        "The source attributes this quote to Tom Reddick, not Laura Benning."
    )


def test_pronoun_speaker_is_never_misattribution(index):
    quote = "Harbury is clearly winning the battle for the high street this winter,"
    assert flags_of(f'Ms Benning spoke first.\n\n"{quote}" she said.', index) == []


def test_speaker_names_compare_leniently(index):
    quote = "Harbury is clearly winning the battle for the high street this winter,"
    assert flags_of(f'"{quote}" said Mr Reddick.', index) == []


def test_quote_nothing_close_to_is_unverified(index):
    quote = "Our volunteers knocked on every door in the county before the primary vote,"
    flag = only_flag(f'"{quote}" the senator said.', index, "quote_unverified", quote)
    assert flag["source"] is None
    assert flag["explanation"] == (
        "No reference in the store contains this quote or anything close to it."
    )


def test_short_quote_is_reported_but_not_flagged(index):
    draft = 'The mayor called it "a bold gamble" at the meeting.'
    findings = check_text(draft, index)
    assert [(f.claim, f.verdict) for f in findings] == [("quote", "unchecked")]
    assert build_report(draft, findings)["flags"] == []


@pytest.mark.parametrize(
    "quote",
    [
        "We have never seen demand like this ... wooden puzzles,",  # ellipsis
        "We have never seen demand like this for our… puzzles,",  # ellipsis, no space
        "We [Harbury Toys] have never seen demand like this for our wooden puzzles,",  # added
        "We have never seen demand like this for [Harbury's] wooden puzzles,",  # replacing "our"
        "we have never seen demand like this for our wooden puzzles,",  # first-letter case
        "We have never seen demand like this for our wooden puzzles",  # punctuation moved out
        "have never seen demand like this",  # partial quote of 6 words
    ],
)
def test_allowed_editing_is_not_flagged(index, quote):
    draft = f"Toys\n\nMs Benning said “{quote}”, adding that shops were full."
    findings = check_text(draft, index)
    assert [f.verdict for f in findings] == ["verified"], findings


def test_ellipsis_that_drops_a_negation_is_flagged(index):
    quote = "The figures show that families are ... giving up on traditional toys,"
    flag = only_flag(f'"{quote}" said Ms Benning.', index, "quote_altered", quote)
    assert flag["negation"] is True


def test_quote_held_inside_a_longer_sentence_is_verified(index):
    draft = '"Harbury Toys said profits rose," according to the company.'
    assert [f.verdict for f in check_text(draft, index)] == ["verified"]


def test_near_duplicates_are_counted_as_others():
    index = make_index(duplicate=True)
    draft = '"We have never seen demand like this for our wooden puzzles," said Laura Benning.'
    (finding,) = check_text(draft, index)
    assert finding.verdict == "verified"
    assert finding.source.reference.id in {"toys-1", "toys-2"}
    assert finding.source.others == 1


def test_changed_figure_is_flagged_tightly(index):
    draft = (
        "Harbury Toys said profits rose 12% to £7bn in 2004, helped by strong sales of its "
        "wooden puzzle games across northern Europe."
    )
    flag = only_flag(draft, index, "number_mismatch", "£7bn")
    assert "profits rose 12% to £5bn in 2004" in flag["source"]["text"]
    assert flag["source_figure"]["text"] == "£5bn"
    assert TOYS[flag["source"]["start"] : flag["source"]["end"]] == flag["source"]["text"]
    figure = flag["source_figure"]
    assert TOYS[figure["start"] : figure["end"]] == "£5bn"
    assert "£5" in flag["explanation"]


def test_changed_year_is_flagged(index):
    draft = (
        "Harbury Toys said profits rose 12% to £5bn in 2006, helped by strong sales of its "
        "wooden puzzle games across northern Europe."
    )
    only_flag(draft, index, "number_mismatch", "2006")


def test_figure_in_another_format_is_not_flagged(index):
    draft = (
        "Harbury Toys said profits rose 12 per cent to £5 billion in 2004, helped by strong "
        "sales of its wooden puzzle games across northern Europe."
    )
    findings = check_text(draft, index)
    assert [f.verdict for f in findings] == ["verified"] * 3


def test_figure_no_source_states_is_unchecked(index):
    draft = "The museum expects 40,000 visitors to its summer exhibition of Roman glass."
    findings = check_text(draft, index)
    assert [(f.claim, f.verdict) for f in findings] == [("figure", "unchecked")]
    assert build_report(draft, findings)["flags"] == []


def test_figure_inside_a_quote_belongs_to_the_quote_check(index):
    draft = (
        '"Harbury Toys said profits rose 12% to £9bn in 2004," an analyst wrote in a '
        "long note to clients."
    )
    findings = check_text(draft, index)
    assert [f.claim for f in findings] == ["quote"]


def test_options_are_named_and_frozen():
    options = CheckOptions(min_quote_words=8)
    with pytest.raises(AttributeError):
        options.min_quote_words = 3  # type: ignore[misc]


def test_core_imports_no_service_frameworks():
    code = (
        "import sys, factcheck.core.check, factcheck.core.report, factcheck.core.memindex\n"
        "names = ('flask', 'celery', 'redis', 'marshmallow', 'kombu')\n"
        "bad = [m for m in names if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


MARKET = (
    "Housing market cools\n\n"
    'Buyers were told "we will be back" by the estate agents in Leeds on Monday night.\n\n'
    '"Prices will keep rising through the long summer months," said Tom Reddick at Corvell '
    'Bank. Ann Hughes said: "Buyers should wait for the autumn before signing anything."\n'
)


@pytest.fixture
def market() -> MemoryIndex:
    index = MemoryIndex()
    index.add("market-1", "Housing market cools", MARKET)
    return index


def test_generic_quote_is_found_through_its_sentence(market):
    draft = 'Buyers were told "we will be back" by the estate agents in Leeds on Monday night.'
    findings = check_text(draft, market)
    assert [f.verdict for f in findings if f.claim == "quote"] == ["verified"]
    draft = draft.replace("we will be back", "we will not be back")
    flag = only_flag(draft, market, "quote_altered", "we will not be back")
    assert flag["negation"] is True


def test_name_swapped_in_attribution_is_misattributed(market):
    quote = "Prices will keep rising through the long summer months,"
    draft = f'"{quote}" said Jo Stone at Corvell Bank.'
    flag = only_flag(draft, market, "quote_misattributed", quote)
    assert "not Jo Stone" in flag["explanation"]


def test_name_introducing_the_next_quote_is_not_the_speaker(market):
    draft = (
        '"Prices will keep rising through the long summer months." Ann Hughes said: "Buyers '
        'should wait for the autumn before signing anything."'
    )
    assert flags_of(draft, market) == []


def test_changed_outlet_in_the_attribution_is_no_misattribution(market):
    quote = "Prices will keep rising through the long summer months,"
    for draft in (f'"{quote}" said Tom Reddick at Harwood Bank.',
                  f'Tom Reddick of Harwood Bank said: "{quote}"'):  # fmt: skip
        assert [f.verdict for f in check_text(draft, market)] == ["verified"], draft


def test_a_role_in_the_source_is_no_grounds_for_misattribution():
    """The source names a role, the draft the person holding it: not a misattribution."""
    index = MemoryIndex()
    index.add("fares-1", "Fares to rise", (
        "Fares to rise\n\nThe city's transport chief has warned passengers that "
        '"fares will rise sharply again next spring unless the grant is restored."\n'))
    draft = ('"Fares will rise sharply again next spring unless the grant is restored," '
             "said Dana Holt.")
    assert flags_of(draft, index) == []


def test_figure_checked_when_the_rest_of_its_sentence_is_reworded():
    """Only the words around a figure need to agree with the source sentence."""
    index = MemoryIndex()
    index.add("ferry-1", "Ferry", (
        "Ferry\n\nAlthough the weather was poor for most of the season and two sailings were "
        "cancelled, the operator said on Monday that the new ferry carried 4,200 passengers "
        "in its first week of service.\n"))
    draft = ("The operator said this week that the new ferry carried 5,600 passengers in its "
             "first week of service.")
    flags = flags_of(draft, index)
    assert [(f["kind"], f["text"]) for f in flags] == [("number_mismatch", "5,600")]
    assert flags[0]["source_figure"]["text"] == "4,200"


def test_a_changed_number_in_a_name_is_flagged_and_an_unchanged_one_is_not_a_claim():
    index = MemoryIndex()
    index.add("pm-1", "Talks", (
        "Talks\n\nThe union leaders met advisers at Number 10 on Tuesday to discuss the "
        "pay offer for nurses.\n"))
    changed = ("The union leaders met advisers at Number 12 on Tuesday to discuss the pay "
               "offer for nurses.")
    flags = flags_of(changed, index)
    assert [(f["kind"], f["text"]) for f in flags] == [("number_mismatch", "12")]
    assert "Number 10" in flags[0]["source"]["text"] and flags[0]["source_figure"]["text"] == "10"
    same = changed.replace("12", "10")
    claims = build_report(same, check_text(same, index))["claims"]
    assert flags_of(same, index) == [] and all(c["text"] != "10" for c in claims)


def test_a_hedged_figure_is_not_excused_by_a_larger_figure_of_the_same_sentence():
    index = MemoryIndex()
    index.add("wait-1", "Waits", (
        "Waits\n\nThe minister said no patient would wait more than 12 months for an "
        "outpatient appointment by March, against a current target of 18 months.\n"))
    draft = ("The minister said no patient would wait more than 16 months for an outpatient "
             "appointment by March, against a current target of 18 months.")
    assert [(f["kind"], f["text"]) for f in flags_of(draft, index)] == [
        ("number_mismatch", "16 months")]
