"""First names from the lexicon: which words count, what the recognizer returns, and a
name spaCy misses found end to end from the CLI."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app
from hipaalint.detect.first_names import FirstNameRecognizer
from hipaalint.detect.lexicons import english_words, first_names_not_words, is_english_word, person_names


@pytest.fixture(scope="module")
def recognizer() -> FirstNameRecognizer:
    return FirstNameRecognizer()


def test_lexicon_keeps_names_and_drops_english_words():
    first_names, surnames = first_names_not_words(), person_names()[1]
    assert {"mateo", "duane", "kayla", "tomasz", "yusuf", "halina"} <= first_names
    # names that are also English words are left to spaCy and the cue patterns
    assert not {"will", "grace", "june", "bill", "mark", "rose", "hope"} & first_names
    assert {"will", "grace", "june"} <= english_words()
    assert {"miller", "garcia", "nguyen"} <= surnames
    assert len(first_names) > 5000


def test_english_words_include_regular_inflections():
    assert all(is_english_word(w) for w in ["control", "controls", "studies", "bulldogs", "walked", "walking"])
    assert not any(is_english_word(w) for w in ["grantham", "oyelaran", "mateo"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mateo showing off his 6 stitches", ["Mateo"]),
        ("Caught Duane on the parallel bars this morning", ["Duane"]),
        ("LOL thank you Kayla!!! Your little guy was a trooper", ["Kayla"]),
        # the capitalised words after a first name are its surname
        ("Amos and Lizzie Stoltzfus welcomed their baby", ["Lizzie Stoltzfus"]),
        ("tattoo on his arm: MARISOL forever", ["MARISOL"]),
        # the first word of a place or a company is no name
        ("We hiked Bryce Canyon on our day off", []),
        ("Medora Systems has issued a recall", []),
        # English words, acronyms, lowercase words and words inside handles are not looked up
        ("Will you join us? Grace and June are organizing.", []),
        ("left AMA with the IV still in", []),
        ("mateo in bed 4", []),
        # a lowercase first name after a cue, or opening a post that speaks to them
        ("gma inez in rm 4b beat me at gin rummy", ["inez"]),
        ("marcus we're glad the cough cleared up", ["marcus"]),
        ("thinking of wendell today", ["wendell"]),
        ("pt states she is fine", []),
        # after a spouse or relative: a first name that is also a word, but not a verb
        ("her husband walt brought cookies", ["walt"]),
        ("the patient's wife said they just moved here", []),
        ("the mateo family came by", []),
        ("follow @Mateo_rn and #TeamMateo", []),
    ],
)
def test_recognizer_finds_first_names(recognizer, text, expected):
    found = [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"])]
    assert found == expected
    assert all(r.score < 0.85 for r in recognizer.analyze(text, ["PERSON"])), "below spaCy's own score"


def test_cli_reports_a_first_name_spacy_misses(cli_engine):
    text = "Caught Duane on the parallel bars this morning, 4 weeks after his knee replacement!"
    assert "Duane" not in {cli_engine.nlp(text)[e.start : e.end].text for e in cli_engine.nlp(text).ents}
    result = CliRunner().invoke(app, ["check", "--format", "json", "--text", text])
    assert result.exit_code == 1, result.output
    assert '"PHI-NAME"' in result.output and '"Duane"' in result.output
