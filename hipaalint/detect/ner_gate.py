"""Which posts spaCy's NER could find a name or a place in, from their tokens alone.

NER is most of hipaalint's time, and about a quarter of posts hold nothing it could label
a person or a place: every capitalised word opens a sentence and is an English word but no
name ("Proud of our team. We love you all!"), or is "I" or a short acronym ("ER", "ICU");
no word is a name and no title announces one ("miss pearl"). Those posts skip the ``ner``
pipe; their ``Doc`` has no entities, and NER would have found none that hipaalint keeps
(measured on the corpus: ``benchmarks/README.md``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from hipaalint.detect.lexicons import HONORIFICS, is_english_word, is_person_name

# Capitalised tokens that never make NER worth running.
_PRONOUN_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d"})
# A token after one of these starts a sentence (or a line, a quote, a bracket).
_SENTENCE_BREAKS = frozenset({".", "!", "?", "…", ":", ";", "-", "—", "–", '"', "“", "(", "["})


def _name_like(word: str) -> bool:
    """A casefolded word that is a first name or surname and no English word ("maria")."""
    return len(word) > 2 and is_person_name(word) and not is_english_word(word)


def needs_ner(doc: Doc) -> bool:
    """True unless every word of ``doc`` is one NER would not label a person or place."""
    opens_sentence = True
    for token in doc:
        text = token.text
        folded = text.casefold()
        if (token.is_alpha and _name_like(folded)) or folded.rstrip(".") in HONORIFICS:
            return True
        if not text.islower() and any(c.isupper() for c in text):
            if not (
                text in _PRONOUN_I
                or (text.isupper() and text.isalpha() and len(text) <= 4)
                or (opens_sentence and is_english_word(folded) and not is_person_name(folded))
            ):
                return True
        # whitespace, emoji and sentence punctuation let the next word open a sentence
        opens_sentence = token.is_space or text in _SENTENCE_BREAKS or not (token.is_punct or any(c.isalnum() for c in text))
    return False
