"""Who is quoted: outer reporters, asides, lead-in paragraphs and name resolution.

Every sentence is invented for the test.
"""

from __future__ import annotations

import pytest

from factcheck.core.quotes import extract_quotes


def _only(text: str):
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def _check(quote, text: str, inner: str, mention: str, name: str | None = None) -> None:
    start = text.index(inner)
    assert (quote.start, quote.end) == (start, start + len(inner))
    assert quote.speaker is not None, quote
    assert quote.speaker.text == mention
    assert text[quote.speaker.start : quote.speaker.end] == mention
    assert quote.speaker.name == (name or mention)


def test_reporter_governs_a_partial_quote_in_its_complement_clause():
    text = (
        "Marta Ilves said on Friday that the council is sending inspectors who were just called "
        "up into the district “with barely a day of notice and no budget at all.”"
    )
    _check(
        _only(text),
        text,
        "with barely a day of notice and no budget at all.",
        "Marta Ilves",
    )


def test_outer_reporter_wins_over_the_subject_inside_its_complement():
    text = 'Ilves said on Friday that the mayor had described the figures as "wildly inflated."'
    _check(_only(text), text, "wildly inflated.", "Ilves")


def test_verb_of_a_closed_relative_clause_does_not_report_the_quote():
    text = (
        "Ilves said that although the board cannot “independently confirm” the figures — "
        "which the mayor has denied — “the photos tell the whole story.”"
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["independently confirm", "the photos tell the whole story."]
    assert [q.speaker.text for q in quotes] == ["Ilves", "Ilves"]


def test_a_name_does_not_run_across_a_full_stop():
    text = 'Odile Brun spoke to the BBC. Brun said: "We will appeal."'
    quote = _only(text)
    assert quote.speaker.text == "Brun"
    assert quote.speaker.name == "Odile Brun"


def test_speaker_is_the_head_of_a_name_with_an_of_phrase():
    text = 'Ann Velde of the Marsh Valley Growers Union told reporters: "The harvest is lost."'
    _check(_only(text), text, "The harvest is lost.", "Ann Velde")


def test_a_verb_form_after_a_preposition_is_a_noun():
    text = (
        "Nora Vieth spoke first.\n\n"
        'For farmers in states like North Dakota, she said, the plan was "a lifeline."'
    )
    _check(_only(text), text, "a lifeline.", "she", "Nora Vieth")


def test_pronoun_prefers_the_subject_of_the_previous_sentence():
    text = (
        "Mayor Ines Tobar met Governor Hal Brandt on Monday.\n\n"
        '"We will rebuild the bridge," she said.'
    )
    quote = _only(text)
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Ines Tobar"


def test_pronoun_skips_institutions_and_places():
    text = (
        "Tomas Reyes toured the docks. Later the Harbor Board met in Port Ellis.\n\n"
        '"The docks are ready," he said.'
    )
    quote = _only(text)
    assert quote.speaker.name == "Tomas Reyes"


def test_quote_paragraph_after_reported_speech_takes_its_reporter():
    text = (
        '"We will stay," said Omar Faisal.\n\n'
        "Ivo Brandl said the port would reopen within a month.\n\n"
        '"The cranes are already back."'
    )
    quotes = extract_quotes(text)
    assert [q.speaker.name for q in quotes] == ["Omar Faisal", "Ivo Brandl"]


def test_adverbial_opening_is_not_the_subject():
    text = 'Shortly after the vote, Ines Tobar branded the result "a disgrace to the city."'
    _check(_only(text), text, "a disgrace to the city.", "Ines Tobar")


def test_name_before_a_colon_is_the_addressee_after_a_reporting_verb():
    text = 'Ines Tobar wrote to Hal Brandt: "The bridge stays closed."'
    _check(_only(text), text, "The bridge stays closed.", "Ines Tobar")
    text = 'Engineers agree - Hal Brandt: "The bridge stays closed."'
    _check(_only(text), text, "The bridge stays closed.", "Hal Brandt")


def test_a_reporting_aside_governs_its_sentence():
    text = 'The council, Ines Tobar said, called the plan "a waste of money."'
    _check(_only(text), text, "a waste of money.", "Ines Tobar")


@pytest.mark.parametrize(
    "mention",
    ["Secretary of State Ines Tobar", "Harbor Board Chairwoman Ines Tobar", "U.S. Rep. Ines Tobar"],
)
def test_canonical_name_drops_what_qualifies_the_title(mention):
    text = f'"The port stays open," said {mention}.'
    quote = _only(text)
    assert quote.speaker.text == mention
    assert quote.speaker.name == "Ines Tobar"


def test_a_new_statement_after_a_closed_quote_does_not_claim_it():
    text = ('"The rise was modest," Ann Lee said. "It will not change what families pay this '
            'winter." However, Bob Roe insists the rise is unfair.')
    first, second = extract_quotes(text)
    assert second.speaker.name == "Ann Lee"


def test_a_word_capitalised_only_to_open_sentences_is_not_a_name():
    text = (
        "Ana Kovac visited the plant on Monday.\n\n"
        'Hours later, she issued a statement calling the deal "a real step forward."'
    )
    quote = _only(text)
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Ana Kovac"


def test_a_participle_after_the_quote_belongs_to_the_clause_subject():
    text = 'Ivo Brandl called Moss a "clown" on his radio show when commenting on the vote.'
    _check(_only(text), text, "clown", "Ivo Brandl")


def test_a_quote_ending_its_sentence_does_not_lend_its_speaker_to_the_next():
    text = (
        'Moss told Ivo Brandl to "relax." That prompted Brandl to make a joke and call Moss '
        '"very touchy," a nod to the morning debate.'
    )
    quotes = extract_quotes(text)
    assert quotes[1].text == "very touchy,"
    assert quotes[1].speaker.name == "Ivo Brandl"


def test_a_speech_tag_may_go_on_with_what_it_was_about():
    text = (
        "The debate ran late.\n\n"
        '"Why would you merge them?" Ana Kovac said about the plan to merge the two city offices.'
    )
    _check(_only(text), text, "Why would you merge them?", "Ana Kovac")


def test_a_surname_that_is_also_a_title_after_an_honorific():
    text = '"It is a risky bet," Mr. King said.'
    _check(_only(text), text, "It is a risky bet,", "Mr. King", "King")


def test_a_dash_line_after_a_quoted_paragraph_signs_it():
    text = 'The claim came up again.\n\n"Nobody has ever built a bridge that fast."\n\n- Ana Kovac.'
    _check(_only(text), text, "Nobody has ever built a bridge that fast.", "Ana Kovac")


def test_a_name_right_after_says_with_no_comma_starts_the_reported_clause():
    text = 'The old coach of the team from the north side of town says Ali "walked the walk."'
    assert _only(text).speaker.text != "Ali"


def test_the_name_after_call_is_its_object_not_an_inverted_subject():
    text = 'That prompted Ivo Brandl to make a joke about yoga and call Moss "very flexible."'
    assert _only(text).speaker.name == "Ivo Brandl"


def test_without_resolution_names_stay_canonical_and_pronouns_stay_as_written():
    text = (
        "Ann Hughes, the transport minister, spoke on Monday. \u201cThe line will open in "
        "May,\u201d said Ms Hughes. \u201cIt will be busy,\u201d she added."
    )
    resolved = extract_quotes(text)
    plain = extract_quotes(text, resolve=False)
    assert [q.text for q in plain] == [q.text for q in resolved]
    assert [(q.speaker.name, q.speaker.named) for q in resolved] == [
        ("Ann Hughes", True), ("Ann Hughes", False)]
    assert [(q.speaker.name, q.speaker.named) for q in plain] == [
        ("Ann Hughes", True), ("she", False)]


def test_a_headline_gives_no_name_to_resolve_a_role_or_a_surname_to():
    text = ("Minister Quits Over Housing Row\n\nThe housing minister resigned on Monday. "
            '"I have done nothing wrong," the minister said.')
    (quote,) = extract_quotes(text)
    assert quote.speaker.name == "the minister"  # not "Quits Over Housing Row"
    text = ("Bush Hits Marco Rubio On Abortion\n\nJeb Bush spoke first. Then Senator Marco Rubio "
            'answered. "We disagree," Rubio said.')
    (quote,) = extract_quotes(text)
    assert quote.speaker.name == "Marco Rubio"


def test_a_name_never_runs_over_a_line_break():
    text = 'Blair Defends School Plans\n\nTony Blair defended the plans. "They work," he said.'
    (quote,) = extract_quotes(text)
    assert quote.speaker.name == "Tony Blair"


def test_parliamentary_titles_are_not_part_of_the_name():
    text = ('Tory MP Boris Johnson spoke first. "It was a joke," Mr Johnson said. '
            '"We will vote no," said Green MEP Alain Lipietz.')
    first, second = extract_quotes(text)
    assert (first.speaker.name, second.speaker.name) == ("Boris Johnson", "Alain Lipietz")


def test_without_resolving_a_surname_is_completed_from_earlier_full_names_only():
    text = ('Blair Talks Tough On Crime\n\n"Tony Blair is wrong," said Ann Lee. Prime Minister '
            'Tony Blair spoke later.\n"We will act," Mr Blair said. "So will we," said Mr Brown. '
            'Gordon Brown left.')
    speakers = [q.speaker.name for q in extract_quotes(text, resolve=False)]
    # Not from the headline, nor from inside a quote; "Brown" only after it is introduced.
    assert speakers == ["Ann Lee", "Tony Blair", "Brown"]
