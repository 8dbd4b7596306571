"""Posts by Polish, Czech, Russian and Ukrainian clinicians (found on the batch 29 dev
posts): titles, patronymics and "patient" before names, room and bed words, dates with the
months' names, ages, national numbers, streets, postcodes and home towns; and the words of
those languages that must not read as PHI (saints, clinicians' titles, "od", "over 90")."""

import pytest

from hipaalint.detect import languages


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        # a title, a kinship title or "patient" before a name, in any case form
        ("Pani Jadwiga z sali 4 dziś pierwszy raz chodziła sama.", "PERSON", "Jadwiga"),
        ("Rentgen pana Horáka jsme poslali na ortopedii.", "PERSON", "Horáka"),
        ("PAN WIESIEK Z SALI 2 ZNOWU PALI NA BALKONIE", "PERSON", "WIESIEK"),
        ("Пані Ганно, дякуємо за теплі слова!", "PERSON", "Ганно"),
        ("Wczoraj przywieźli dziadka Stefana z wypadku.", "PERSON", "Stefana"),
        ("Бабуся Віра сьогодні вперше встала з ліжка.", "PERSON", "Віра"),
        ("Prosím, pacientka Jana Dvořáková čeká na pokoji 9.", "PERSON", "Jana Dvořáková"),
        ("Пацієнт Мельник приїхав на контроль.", "PERSON", "Мельник"),
        # a first name and a patronymic, and the surname before them
        ("Сегодня выписали Ольгу Петровну после операции.", "PERSON", "Ольгу Петровну"),
        ("Шукаємо рідних: Коваль Степан Миколайович, доставлений вночі.", "PERSON", "Коваль Степан Миколайович"),
        # room and bed words before their number
        ("Pani Jadwiga z sali 4 dziś pierwszy raz chodziła sama.", "ROOM", "4"),
        ("ležela na pokoji 12, lůžko 3", "ROOM", "3"),
        ("дедушка из палаты 7 опять ушёл курить", "ROOM", "7"),
        # dates: a day and a Polish, Czech, Ukrainian or Russian month; a Czech d. m. yyyy
        ("operowany 3 sierpnia po wypadku", "DATE", "3 sierpnia"),
        ("ošetření kolena ze 14. února", "DATE", "14. února"),
        ("народила 3 березня вранці", "DATE", "3 березня"),
        ("поступил 12 апреля с пневмонией", "DATE", "12 апреля"),
        ("jsme 9. 1. 2026 implantovali kardiostimulátor", "DATE", "9. 1. 2026"),
        # ages over 89: "N лет", "N рік", "N-letni", "Nletá", a numbered birthday
        ("Бабушка Зоя, 94 года, сама пришла в травмпункт", "AGE_OVER_89", "94"),
        ("пацієнт, 91 рік, доставлений швидкою", "AGE_OVER_89", "91"),
        ("przywieźli 93-letniego dziadka z wypadku", "AGE_OVER_89", "93"),
        ("92letá paní z obce Lhota", "AGE_OVER_89", "92"),
        ("přejeme k 96. narozeninám hodně zdraví", "AGE_OVER_89", "96"),
        # national numbers after their label: PESEL, rodné číslo, SNILS
        ("pacjent, PESEL 44051401359, do kontaktu", "SSN", "44051401359"),
        ("pacientka (RČ 515423/1234) čeká", "SSN", "515423/1234"),
        ("СНИЛС 112-233-445 95 указан неверно", "SSN", "112-233-445 95"),
        # a street, a Polish postcode and the town after it; a home town after "from"
        ("zam. ul. Polna 7, 31-200 Kraków", "LOCATION", "ul. Polna 7"),
        ("zam. ul. Polna 7, 31-200 Kraków", "LOCATION", "31-200"),
        ("zam. ul. Polna 7, 31-200 Kraków", "LOCATION", "Kraków"),
        ("з адреси вул. Франка, 12, кв. 3, Бровари", "LOCATION", "вул. Франка, 12, кв. 3"),
        ("emerytowana nauczycielka z Radomia poprawia mi ortografię", "LOCATION", "Radomia"),
        ("тракторист из села Дубровка попал под грозу", "LOCATION", "Дубровка"),
        # a relative's number after "номер"
        ("Син не відповідає за номером 555-0142.", "PHONE", "555-0142"),
    ],
)
def test_slavic_identifiers(detected, text, entity, value):
    assert (entity, value) in detected(text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a statistic over 90, not an age
        ("U pacientů nad 90 let zvažte nižší dávku.", ("AGE_OVER_89", "90")),
        ("Пациенты старше 90 лет — 4 % госпитализаций.", ("AGE_OVER_89", "90")),
        # a title before a code, a bare "sala" (a suite in Portuguese addresses), the Polish and Czech "telefon"
        ("pt R. Malhotra, PAN BQKPM4417K, bill pending", ("PERSON", "BQKPM")),
        ("Rua das Flores, 255, sala 12 — Centro", ("ROOM", "12")),
        ("Rejestracja: telefon 555-0100, pn–pt 7:30–18:00", ("PHONE", "555-0100")),
    ],
)
def test_slavic_look_alikes(detected, text, unwanted):
    assert unwanted not in detected(text)


@pytest.mark.parametrize(
    ("text", "rule", "value", "expected"),
    [
        # a clinician's title before her name (without it, a name beside a patient), a saint's name
        ("Pacjentka z sali 4 po operacji biodra, lekarka Anna Nowak zajrzy do niej wieczorem.", "PHI-NAME", "Anna Nowak", False),
        ("Pacjentka z sali 4 po operacji biodra, Anna Nowak zajrzy do niej wieczorem.", "PHI-NAME", "Anna Nowak", True),
        ("Życzenia od całego zespołu Hospicjum św. Łazarza!", "PHI-NAME", "Łazarza", False),
        # "od" is "from" in Polish and Czech, "OD" an overdose
        ("Życzenia od całego zespołu Hospicjum św. Łazarza!", "SOC-SENSITIVE-CONDITION", "od", False),
        ("pt brought in after an OD last night, stable now", "SOC-SENSITIVE-CONDITION", "OD", True),
        # a failed IVF, tied to a patient by "patient" in Polish; a free test on a public date
        ("Pacjentka po trzecim nieudanym in vitro długo płakała.", "SOC-SENSITIVE-CONDITION", "in vitro", True),
        ("Бесплатное тестирование на ВИЧ 1 декабря в холле больницы.", "PHI-DATE", "1 декабря", False),
        # a name in a post mostly in another language is reported however little the models know its words
        ("Наша бабушка Галина Петровна сегодня танцевала в коридоре кардиологии.", "PHI-NAME", "Галина Петровна", True),
    ],
)
def test_slavic_rules(linter, text, rule, value, expected):
    """Reported (at warning or error) or not."""
    found = {(f.rule_id, text[f.start : f.end]) for f in linter.lint_text(text).findings if str(f.severity) != "info"}
    assert ((rule, value) in found) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pani Helenka z sali 8 i jej pierwszy samodzielny spacer po endoprotezie", True),
        ("Сьогодні вперше повідомляла молодій пацієнтці результат. Вона плакала, я теж.", True),
        ("Feria de salud, 1201 W. Business 83: a free health fair with W. Smith", False),
    ],
)
def test_slavic_posts_are_another_language(text, expected):
    assert languages.mostly_another_language(text) is expected
