"""Which posts and sentences are mostly in another language than English
(``hipaalint.detect.languages``): counted by function words."""

from __future__ import annotations

import pytest

from hipaalint.detect import languages


@pytest.mark.parametrize(
    "text",
    [
        "Nonna Assunta ha compiuto cento anni qui da noi in Geriatria, stanza 7",
        "turno de noche en la 214 con Doña Dolores, que dice que no tiene dolores",
        "Η γιαγιά Φωτεινή ήρθε με ελικόπτερο μετά από πτώση στο χωριό και ζήτησε καφέ",
        "Umut Bey bugün taburcu oldu, ama yine de bize çok teşekkür etti",
        "Oma Gerda wurde heute entlassen und hat sich bei uns allen bedankt",
        "Mme Duval est sortie hier, elle nous a remerciés avec des chocolats",
        "Dona Neide voltou para casa hoje e ela disse que vai sentir saudade",
        "HAT SICH BEI UNS ALLEN BEDANKT UND IST NACH HAUSE GEGANGEN",
    ],
)
def test_a_post_mostly_in_another_language(text):
    assert languages.mostly_another_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "Doña Dolores, 93, from Cuenca, says she has no pain at all",
        "Happy 100th birthday to Nonna Assunta in room 7 from all of us!",
        # two of them only: a name particle and a Spanish greeting in an English post
        "Gracias to Maria de la Cruz and her family, que bueno!",
        # as many as English function words: not more
        "que la vie est belle, said the patient in the bed by the window",
        "",
    ],
)
def test_a_post_in_english_or_too_short_to_tell(text):
    assert not languages.mostly_another_language(text)


def test_the_other_languages_function_words_are_no_english_word_and_no_name_particle():
    assert not languages.OTHER_FUNCTION_WORDS & languages.ENGLISH_STOP_WORDS
    assert not languages.OTHER_FUNCTION_WORDS & languages.NAME_PARTICLES
    assert {"che", "και", "için", "und", "que", "ang"} <= languages.OTHER_FUNCTION_WORDS


def test_a_sentence_takes_its_own_count_and_english_words_it_is_told_to_ignore():
    words = frozenset({"si", "su"})
    assert languages.mostly_other("si su", words, 2)
    assert not languages.mostly_other("si su", words, 3)
    assert not languages.mostly_other("si su is a", words, 2)
    assert languages.mostly_other("si su is a", words, 2, not_english=frozenset({"is", "a"}))
