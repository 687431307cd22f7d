"""Direct quotes and their speakers, on invented sentences, plus a guard on the public dev set."""

from __future__ import annotations

import importlib.util
import itertools
import json
from pathlib import Path

import pytest

from factcheck.core.quotes import extract_quotes, extract_transcript_turns

DEV_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "quotes-dev" / "dev"
SCORER = DEV_DIR.parent.parent / "score_quotes.py"
DEV_SLICE = 30
# Measured on the first 30 dev files (F1@0.5 0.942, speaker accuracy 0.872), minus 0.01-0.02.
MIN_F1 = 0.93
MIN_SPEAKER_ACC = 0.85


def _only(text: str):
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _check(quote, text: str, inner: str, mention: str | None, name: str | None = None) -> None:
    assert (quote.start, quote.end) == _span(text, inner)
    assert quote.text == text[quote.start : quote.end]
    if mention is None:
        assert quote.speaker is None
        return
    assert quote.speaker is not None, quote
    assert quote.speaker.text == mention
    assert text[quote.speaker.start : quote.speaker.end] == mention
    assert quote.speaker.name == (name or mention)


@pytest.mark.parametrize(
    "text",
    [
        'The bridge will open in May, said Clara Ostrow, "and not a day later than that."',
        "The bridge will open in May, said Clara Ostrow, “and not a day later than that.”",
        "The bridge will open in May, said Clara Ostrow, ''and not a day later than that.''",
        "The bridge will open in May, said Clara Ostrow, «and not a day later than that.»",
    ],
)
def test_every_mark_style(text):
    inner = "and not a day later than that."
    _check(_only(text), text, inner, "Clara Ostrow")


def test_single_quotes_nested_inside_double_quotes_stay_inside():
    text = "\"They told us 'wait and see' for ten years,\" said Peter Vance."
    _check(_only(text), text, "They told us 'wait and see' for ten years,", "Peter Vance")


def test_multi_paragraph_quote_is_one_quote():
    text = (
        "Mayor Ines Tobar spoke for an hour.\n\n"
        "“We fixed the roads first. We fixed the schools next.\n\n"
        "“And now we will fix the water,” she said."
    )
    quote = _only(text)
    assert text[quote.start : quote.end].startswith("We fixed the roads")
    assert text[quote.start : quote.end].endswith("fix the water,")
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Ines Tobar"


def test_unbalanced_mark_stays_in_its_paragraph():
    text = (
        'Residents said the plan was "a start, nothing more.\n\n'
        'The council meets on Friday. "We will listen to everyone," said Omar Faisal.'
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["a start, nothing more.", "We will listen to everyone,"]
    assert quotes[1].speaker.name == "Omar Faisal"


def test_said_after_name():
    text = '"The numbers do not add up," Greta Lindqvist said on Monday.'
    _check(_only(text), text, "The numbers do not add up,", "Greta Lindqvist")


def test_name_then_colon_before_quote():
    text = 'Greta Lindqvist said: "The numbers do not add up."'
    _check(_only(text), text, "The numbers do not add up.", "Greta Lindqvist")


def test_told_someone_colon():
    text = 'Greta Lindqvist told reporters: "The numbers do not add up."'
    _check(_only(text), text, "The numbers do not add up.", "Greta Lindqvist")


def test_according_to():
    text = 'The deal is "dead in the water for now," according to Paolo Brandt.'
    _check(_only(text), text, "dead in the water for now,", "Paolo Brandt")


def test_partial_quote_in_indirect_speech():
    text = 'Paolo Brandt said that the deal was "dead in the water" after the vote.'
    _check(_only(text), text, "dead in the water", "Paolo Brandt")


@pytest.mark.parametrize(
    "verb", ["warned", "insisted", "tweeted", "has argued", "acknowledged", "replied"]
)
def test_reporting_verbs_beyond_said(verb):
    text = f'"We cannot wait another year," Nadia Rahal {verb}.'
    _check(_only(text), text, "We cannot wait another year,", "Nadia Rahal")


def test_apposition_between_name_and_verb():
    text = '"We cannot wait another year," Nadia Rahal, a spokeswoman for the port authority, said.'
    _check(_only(text), text, "We cannot wait another year,", "Nadia Rahal")


def test_title_is_stripped_from_name_and_surname_resolves():
    text = 'Senator Hugo Marchetti opened the session. "We begin now," said Sen. Marchetti.'
    quote = _only(text)
    assert quote.speaker.text == "Sen. Marchetti"
    assert quote.speaker.name == "Hugo Marchetti"


def test_surname_alone_resolves_to_full_name():
    text = 'Dara Quill ran the count. "It was close," Quill said.'
    quote = _only(text)
    assert quote.speaker.text == "Quill"
    assert quote.speaker.name == "Dara Quill"


def test_pronoun_resolves_to_the_right_earlier_person():
    text = (
        "Mrs. Lena Ortiz met Mr. Tomas Reyes at the station. "
        'Reyes left early. "I have nothing to add," she said.'
    )
    quote = _only(text)
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Lena Ortiz"


def test_role_resolves_to_the_person_introduced_with_it():
    text = (
        '"No comment," said Ivo Brandl, a spokesman for the ministry.\n\n'
        '"We will publish the figures in June," the spokesman added.'
    )
    quotes = extract_quotes(text)
    assert quotes[1].speaker.text == "the spokesman"
    assert quotes[1].speaker.name == "Ivo Brandl"


def test_floating_quote_continues_previous_speaker():
    text = (
        '"The river rose overnight," said Anja Holm, the town engineer.\n\n'
        '"By morning the bridge was closed and the school was shut."'
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    assert quotes[1].speaker.name == "Anja Holm"


def test_scare_quote_and_title_are_not_direct_quotes():
    text = 'The so-called "reform" went nowhere, and the film "Winter Light Again" flopped.'
    assert extract_quotes(text) == []


def test_markup_attribute_values_are_not_quotes():
    assert extract_quotes('<post id="12345" author="someone">Hello</post>') == []


def test_quotes_are_sorted_and_do_not_overlap():
    text = '"One," said Ada Bern. "Two," said Ada Bern. "Three," she added.'
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["One,", "Two,", "Three,"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(quotes))


def test_transcript_turns():
    text = (
        "JOHN KIRBY: We have said this before.\n"
        "Q: Will you say it again?\n"
        "MR. KIRBY: Yes, I will.\n"
    )
    turns = extract_transcript_turns(text)
    assert [t.text for t in turns] == [
        "We have said this before.",
        "Will you say it again?",
        "Yes, I will.",
    ]
    assert [t.speaker.text for t in turns] == ["JOHN KIRBY", "Q", "MR. KIRBY"]
    assert turns[2].speaker.name == "John Kirby"
    assert all(text[t.start : t.end] == t.text for t in turns)


def test_transcript_turns_ignore_ordinary_prose():
    assert extract_transcript_turns("Update: the vote was moved.\nIt was late: very late.") == []


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_slice_does_not_regress():
    if not DEV_DIR.is_dir() or not SCORER.is_file():
        pytest.fail(f"evaluation set missing: expected {DEV_DIR} and {SCORER}")
    scorer = _load_scorer()
    matched = predicted = gold_total = speakers_ok = speakers_total = 0
    for gold_path in sorted(DEV_DIR.glob("*.json"))[:DEV_SLICE]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        preds = [
            {
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker
                and {"start": q.speaker.start, "end": q.speaker.end, "text": q.speaker.text},
            }
            for q in extract_quotes(text)
        ]
        spans = [(q["start"], q["end"]) for q in preds]
        pairs = scorer.match([(q["start"], q["end"]) for q in gold["quotes"]], spans, 0.5)
        matched += len(pairs)
        predicted += len(preds)
        gold_total += len(gold["quotes"])
        for gi, pi in pairs:
            if gold["quotes"][gi]["speaker"]:
                speakers_total += 1
                speakers_ok += scorer.speaker_correct(
                    preds[pi]["speaker"], gold["quotes"][gi]["speaker"], text
                )[0]
    precision, recall = matched / predicted, matched / gold_total
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = speakers_ok / speakers_total
    assert f1 >= MIN_F1, f"F1@0.5 fell to {f1:.3f}"
    assert accuracy >= MIN_SPEAKER_ACC, f"speaker accuracy fell to {accuracy:.3f}"


def test_said_then_name_after_quote():
    text = '"The numbers do not add up," said Mayor Greta Lindqvist.'
    quote = _only(text)
    _check(quote, text, "The numbers do not add up,", "Mayor Greta Lindqvist", "Greta Lindqvist")


def test_doubled_apostrophe_marks_with_nested_single_quote():
    text = "''He called it 'a start,''' said Dr. Omar Faisal. ''We go on.''"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["He called it 'a start,'", "We go on."]
    assert [q.speaker.name for q in quotes] == ["Omar Faisal", "Omar Faisal"]


def test_stray_mark_does_not_swallow_following_paragraphs():
    text = 'A stray " mark here.\n\nNo quote here.\n\n"Fine," said Ada Bern.'
    quotes = extract_quotes(text)
    assert quotes[-1].text == "Fine,"
    assert quotes[-1].speaker.name == "Ada Bern"
    assert all("No quote here" not in q.text for q in quotes)


def test_gender_from_pronoun_picks_the_fitting_person():
    text = (
        "Mr. Paul Adler spoke first. Then Nora Vieth took the stage, and she was blunt.\n\n"
        "Adler left early.\n\n"
        '"We are not done," she said.'
    )
    quote = _only(text)
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Nora Vieth"


def test_nickname_inside_a_name_is_not_a_quote():
    assert extract_quotes('The county sent Sheriff Tomas "Bud" Arlen to the meeting.') == []


def test_stretches_of_bare_markup_are_not_quotes():
    text = '<p class="note">Read the post:"<embed/>." And more: "Yes," said Ada Bern.</p>'
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["Yes,"]


def test_a_short_cry_or_question_is_speech_but_not_after_a_title_context():
    text = 'The crowd roared "Never Again!" Then Ivo Brandl asked, "Really?"'
    assert [q.text for q in extract_quotes(text)] == ["Never Again!", "Really?"]
    assert extract_quotes('They watched the film "Run, Lola!" twice.') == []


def test_a_title_after_a_verb_of_naming_is_a_quote():
    text = 'The campaign released a memo titled "The Facts on the Race" on Monday.'
    assert [q.text for q in extract_quotes(text)] == ["The Facts on the Race"]
    text = 'Ana Kovac dismissed the rival camp, dubbing its members as "Rust Belt Dreamers."'
    assert [q.text for q in extract_quotes(text)] == ["Rust Belt Dreamers."]


def test_an_excerpt_under_a_byline_is_not_a_quote():
    text = (
        'TOWN HALL: "Council votes on the bridge," by the Courier\'s Ana Kovac: "The council met '
        'on Monday and voted to rebuild the old bridge by the spring." http://example.org/x\n\n'
        "From Ivo Brandl writing at The Ledger:\n\n"
        '"The budget was late again this year, and the mayor blamed the weather."'
    )
    assert extract_quotes(text) == []


def test_an_opening_mark_inside_an_open_quote_starts_a_new_one():
    text = 'Ana Kovac wrote:\n\n"The office is not about “fair play” anymore, she argued.'
    assert [q.text for q in extract_quotes(text)] == ["The office is not about", "fair play"]


def test_what_a_crowd_chants_is_a_quote_even_in_title_case():
    text = 'She was met with chants of "Go Team Go" as she walked in, and "Ana!" chants.'
    assert [q.text for q in extract_quotes(text)] == ["Go Team Go", "Ana!"]


def test_a_title_right_after_told_is_the_show_not_speech():
    text = '"We will not back down," Ana Kovac told "Morning Ledger" on Sunday.'
    assert [q.text for q in extract_quotes(text)] == ["We will not back down,"]


def test_a_tagged_last_paragraph_of_a_multi_paragraph_quote_is_its_own_quote():
    text = (
        '"The roads are a mess," Ana Kovac said. "We asked for money twice.\n\n'
        '"Nobody in the capital listened to us," she said.'
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "The roads are a mess,",
        "We asked for money twice.",
        "Nobody in the capital listened to us,",
    ]
    assert [q.speaker.name for q in quotes] == ["Ana Kovac"] * 3
    # Opened at its paragraph and tagged only at the end, it stays one quote.
    text = '"We asked for money twice.\n\n"Nobody in the capital listened to us," Ana Kovac said.'
    assert [q.text for q in extract_quotes(text)] == [text[1 : text.index(',"') + 1]]


def test_a_translation_gloss_is_not_a_quote():
    text = 'The crowd chanted "Ajde!" - Croatian for "let\'s go" - as Ana Kovac arrived.'
    assert [q.text for q in extract_quotes(text)] == ["Ajde!"]


def test_a_stretch_cited_with_its_year_is_a_work_not_speech():
    text = 'Posters read "Stop the new tax now" (2014) and "Roads before bridges" (2016).'
    assert extract_quotes(text) == []


def test_a_stretch_inside_embedded_markup_is_not_a_quote():
    text = '<post author="@akovac">"The bridge opens in May, finally"</post>\n\nAna Kovac smiled.'
    assert extract_quotes(text) == []
    # Formatting tags do not hide a quote.
    text = '<p>"The bridge opens in May, finally," said Ana Kovac.</p>'
    assert [q.text for q in extract_quotes(text)] == ["The bridge opens in May, finally,"]


def test_a_long_title_case_title_after_a_title_context_is_not_speech():
    text = "It is told in Ivo Brandl's \"Bridges of Ash: How the River Town Rebuilt Its Bridge\"."
    assert extract_quotes(text) == []
    text = 'The campaign released a memo titled "Why the Town Needs a New Bridge This Winter".'
    assert len(extract_quotes(text)) == 1


def test_a_single_closing_quote_after_a_sentence_end_closes_an_open_quote():
    text = 'Ana Kovac tweeted: “We did it. The bridge is open.’ She was at the ribbon cutting.'
    assert [q.text for q in extract_quotes(text)] == ["We did it. The bridge is open."]


def test_a_title_case_phrase_announced_by_a_colon_or_a_slogan_is_a_quote():
    text = 'The marchers outside the Town Hall had one message for Ana Kovac: "Fix Our Roads."'
    assert [q.text for q in extract_quotes(text)] == ["Fix Our Roads."]
    text = 'Ivo Brandl ran on the slogan "Roads Before Bridges" in 2014.'
    assert [q.text for q in extract_quotes(text)] == ["Roads Before Bridges"]


def test_a_comma_after_a_verb_of_naming_keeps_the_title_a_quote():
    text = 'The council released an ad on Monday titled, "Broken Promises."'
    assert [q.text for q in extract_quotes(text)] == ["Broken Promises."]


def test_quote_never_closed_over_paragraphs_is_split_per_paragraph():
    text = (
        'Ada Bern read out the letter:\n\n"We were never told of the plan.\n\n'
        '"Nobody asked the tenants.\n\nThe council met on Monday.'
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We were never told of the plan.",
                                        "Nobody asked the tenants."]


def test_quote_closed_in_its_last_paragraph_stays_one_quote():
    text = '"We were never told of the plan.\n\n"Nobody asked the tenants," said Ada Bern.'
    quote = _only(text)
    assert quote.text == "We were never told of the plan.\n\n\"Nobody asked the tenants,"
    assert quote.speaker.name == "Ada Bern"
