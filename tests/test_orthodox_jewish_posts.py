"""Posts from Orthodox Jewish community health, Hatzolah and bikur cholim volunteers (found on
the batch 30 dev posts): Hebrew-calendar dates and holidays as a patient's date, Reb, Zeidy
and Bubby before names, "X ben Y" names; and the holidays and prayers that are no names."""

import pytest


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("kitchen note: rm 9C admitted 5 kislev, needs glatt trays", "DATE", "5 kislev"),
        ("he fell hanging lights in the sukkah on 13 tishrei and broke his wrist", "DATE", "13 tishrei"),
        ("Zeidy was admitted for his hip; the bris is on 12 Adar", "DATE", "12 Adar"),
        ("got oven cleaner in both eyes while kashering on erev Pesach", "DATE", "erev Pesach"),
        ("the menorah set the curtains on fire on the fifth night of Chanukah, he is in the burn unit", "DATE",
         "fifth night of Chanukah"),
        ("the SSI application for Reb Getzel Weinstock is stuck", "PERSON", "Getzel Weinstock"),
        ("Blackout last night. Zeidy Moishe was stuck in the elevator with his oxygen", "PERSON", "Moishe"),
        ("please say Tehillim: • Chaim ben Sarah (ICU bed 14) • Pessel bas Miriam", "PERSON", "Chaim ben Sarah"),
        ("please say Tehillim: • Chaim ben Sarah (ICU bed 14) • Pessel bas Miriam", "PERSON", "Pessel bas Miriam"),
    ],
)
def test_orthodox_jewish_identifiers(linted_spans, text, entity, value):
    assert (entity, value) in linted_spans(text, flagging=True)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("He brought cholent to room 614 over Sukkos, every Shabbos", ("PERSON", "Sukkos")),
        ("please say Tehillim for the choleh in room 4", ("PERSON", "Tehillim")),
        ("Every Shabbos I bring cholent up to the patients on 7 West", ("PERSON", "Every Shabbos")),
    ],
)
def test_orthodox_jewish_look_alikes(linted_spans, text, unwanted):
    assert unwanted not in linted_spans(text)
