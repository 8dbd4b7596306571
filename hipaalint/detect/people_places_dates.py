"""Recognizers for the free-text identifiers spaCy's small model misses in social posts:
names after a title or greeting (also lowercase and ALL CAPS), explicit calendar dates,
street addresses and ZIP codes, and e-mail addresses validated offline.

Spans cover the value, not its label: ``Mrs. [Henderson]``, ``DOB [4/2/1951]``.
"""

from __future__ import annotations

import regex
import tldextract
from presidio_analyzer import EntityRecognizer, Pattern
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from hipaalint.detect.lean_patterns import GatedPattern, LeanPatternRecognizer, LeanPatterns
from hipaalint.detect.lexicons import (
    CARE_ABBREVIATIONS,
    FOREIGN_ROOM_WORDS,
    FOREIGN_TITLES,
    HONORIFICS_AFTER,
    KINSHIP_TITLES,
    MONTHS,
    PLATFORMS,
    WEEKDAYS,
)
from hipaalint.detect.recognizers import CASE_INSENSITIVE


# Words that follow a title or greeting but are not names.
_NOT_A_NAME = (
    r"(?!(?:and|or|the|a|an|all|everyone|everybody|there|team|folks|friends|guys|again|so|for|"
    r"you|your|both|y'all|yall|doctor|dr|nurse|is|was|has|had|who|with|in|on|at|to|of|from|"
    r"safety|care|education|experience|portal|advocate|advocates|appreciation|week|day|month|"
    r"satisfaction|privacy|rights|services|relations|family|families|here|this|that|it|we|"
    r"us|our|i|me|my|he|she|they|them|him|her|his|hers|their|just|now|today|tonight|morning|afternoon|evening|every|thanks|thank|"
    r"sir|madam|ma'am|neighbor|neighbors|world|internet|"
    + "|".join((*PLATFORMS, *WEEKDAYS, *MONTHS)) + "|"
    r"mr|mrs|ms|miss|mx|patient|patients|pt|congrats|congratulations|welcome|happy|"
    r"yes|no|wow|sorry|sadly|honestly|update|updates|reminder|story|stories|spotlight|feedback|testimonial|testimonials|unfortunately|finally|recently|"
    r"also|please|okay|ok|well|oh|great|good|again|then|so|hope|hopefully|glad|love|"
    r"staff|nurses|doctors|everyone|anyone|someone|nobody|guys|ladies|gentlemen|parents|"
    r"kids|mom|mommy|dad|daddy|mama|papa|baby|son|daughter|grandma|grandpa|"
    + "|".join(CARE_ABBREVIATIONS) + r")\b)"
)
_NAME_WORD = r"[\p{L}][\p{L}'’-]+"
# Kinship titles used before a relative's or a resident's name ("Grandpa Joe", "Nonna Lucia").
_KINSHIP_TITLE = rf"(?i:{KINSHIP_TITLES})"
# Sentence openers that look like a name addressed to the reader but are not:
# question words, modal verbs, conjunctions, departments and teams ("Can we talk",
# "Registration, we need to talk", "Team, we did it").
_NOT_A_READER = (
    r"(?!(?:can|could|would|should|will|shall|might|must|do|does|did|are|is|was|were|have|has|"
    r"had|why|what|how|where|when|who|which|if|whether|because|since|but|and|or|nor|yet|as|"
    r"while|after|before|until|unless|though|although|once|here|there|today|tonight|now|"
    r"sometimes|often|never|always|everybody|yesterday|tomorrow|lately|seriously|literally|"
    r"registration|billing|admissions|pharmacy|security|housekeeping|radiology|lab|nursing|"
    r"management|admin|leadership|night|day|shift|crew|folks|hospital|clinic|office|unit|"
    r"together|people|everyone|remember|imagine)\b)"
)
# A capitalised name word (any case for the rest: "Maria", "MARIA", "McFee", "O'Neil").
_CAP_NAME_WORD = r"(?-i:\p{Lu})[\p{L}'’-]+"
# What may follow a name said on its own: punctuation, an emoji, a dash, the end.
_AFTER_LONE_NAME = r"(?=\s*(?:[,!.:;?—–-]|[\p{So}\p{Sk}\p{Cs}]|$))"

# "patient" in Polish, Czech, Russian and Ukrainian, in any case form ("pacjentka", "pacientovi",
# "пациента", "пацієнта"; also the Spanish and Portuguese "paciente").
_PATIENT_WORD_ABROAD = r"(?:pacjent|pacient|пациент|пацієнт)\p{L}*"
# Titles before a name in Polish, Czech, Russian and Ukrainian, in their case forms ("Pani Anno", "pana
# Mráčka", "pane Dvořáku", "PAN ZDZISIEK", "Пані Оксано"): also English words ("pan", "pane"), so only
# before a capitalised name.
_SLAVIC_TITLE = r"pan|pana|panu|panem|pane|pani|panią|paní|pán|pánu|pánem|пан|пана|пану|пане|пані|господин|госпожа"
# A Russian or Ukrainian patronymic, in any case form ("Ивановна", "Викторович", "Степанівні", "Петровича").
_PATRONYMIC = r"(?-i:\p{Lu}\p{Ll}+(?:ович|евич|івич|йович|ич)(?:а|у|ем|ом|і|е)?|\p{Lu}\p{Ll}+(?:овн|евн|івн|ївн|ичн)(?:а|ы|е|у|ой|і|ою|и))"

# Military and police ranks used as a title: "Sgt. Marcus Bell", "Lt. Ortiz", "SSgt Reyes"
# (capitalised; not "LT", "Gen": "LT knee", "Gen Z")
_RANK = (
    r"Sgt|SGT|SSgt|SSG|SFC|MSgt|Sergeant|Cpl|CPL|Corporal|Capt|CPT|Lt|Lieut|Lieutenant|LTC|Col|Colonel|Maj|Brig|"
    r"Pvt|PFC|Pfc|Spc|SPC|Cmdr|Officer|Deputy|Trooper"
)
# Kinship nouns before a relative's name: "my dad Tadeusz", "his wife Funmi".
_KIN_NOUN = (
    r"(?:dad|mom|mum|father|mother|wife|husband|partner|son|daughter|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|niece|nephew|fianc[eé]e?|stepdad|stepmom|stepson|stepdaughter|twin|"
    # informal ones: "her hubby Yusuf", "his gf Tasha"
    r"hubby|wifey|boyfriend|girlfriend|bf|gf|grandbaby|grandkid|granddad|grandad)"
)

# Words on a whiteboard or census line that are no name: "Rm 5 - Closed", "Rm 2 - Isolation".
_BOARD_WORD = (
    r"(?!(?:clean|cleaning|dirty|empty|open|closed|blocked|vacant|reserved|available|pending|isolation|iso|"
    r"contact|droplet|airborne|discharge|discharged|admit|admission|renovation|maintenance|storage|supply|"
    r"visitor|visitors|staff|charge|tele|fall|falls|npo|dnr|dni|sitter|bedrest|transfer|ok|done|out|off|on)\b)"
)

# What a census or whiteboard line numbers: "bed 6", "rm 9", "chair 4", "cell 3", "cuarto 3", "leito 12", "Zimmer 9".
_CENSUS_PLACE = rf"(?:bed|rm|room|bay|chair|cell|{FOREIGN_ROOM_WORDS})"
# A numbered census place and its separator, before the name on the line ("bed 4 ", "Rm 4 - ",
# "cuarto 3: "; not the letter of "rm 6B. Both")
_CENSUS_ENTRY = rf"(?i)\b{_CENSUS_PLACE}\.?\s*#?\d{{1,4}}(?:[A-Za-z](?!\.))?(?:\s*[-–—:]\s*|\s+)"

# The score of a name found by a cue. Above spaCy's 0.85: when spaCy tags the same span, or
# one containing it ("Dearest Walt"), Presidio keeps the higher score, and spaCy's copy then
# goes through the filters meant for spaCy's guesses ("a capitalised opener followed by a
# lowercase word is a common word") and is lost: "Marco you were amazing", "Hank we appreciate".
_OVER_SPACY = 0.86
# A word after the first one of an ALL-CAPS name that is a verb of the sentence instead:
# "PT DELGADO REFUSED HIS MEDS", "MRS. PATEL WHO WALKED" (not "AHMED", "MOHAMMED").
_NOT_A_CAPS_VERB = r"(?!(?-i:\p{Lu}{2,}(?<!M)ED|\p{Lu}{2,}ING)\b)"

PERSON_PATTERNS = [
    # mrs. henderson, Mr Lee, MS JONES, Col. (Retd) Mehta, Frau Wagner, mevr. Visser, Sig.ra Rossi, κ. Βλάχου
    # (titles are strong: any case)
    Pattern(
        "title + name",
        rf"(?<![\w-])(?:mrs|mr|ms|mx|srta|se[ñn]orita|{'|'.join(FOREIGN_TITLES)}|sig(?=\.)(?:\.(?:ra|na))?|"
        rf"(?-i:Miss|MISS|{_RANK}))\b\.?\s+"
        r"(?:\(retd\.?\)\s+)?"
        rf"\K(?-i:(?!(?:{_RANK})\b)){_NOT_A_NAME}{_NAME_WORD}(?:\s+{_NOT_A_NAME}{_NOT_A_CAPS_VERB}(?-i:\p{{Lu}}){_NAME_WORD}){{0,2}}",
        _OVER_SPACY,
    ),
    # pt JOSE, patient Ruiz, baby Liam, patient (Ana Ruiz), pt ANGELA FRYE: one to three
    # capitalised or ALL-CAPS words after a patient word
    Pattern(
        "patient word + name",
        # ("pt. Ruiz", but not "... about the patient. People come back")
        # (also in Polish, Czech, Russian and Ukrainian, any case form: "pacientka Marie Svobodová",
        # "Pacientovi Jaroslavu Pokornému", "Пацієнт Лисенко")
        # (a study's "participant" too: "our participant Ruthie Alvarez")
        rf"\b(?:pt\b\.?|(?:patient|participant|baby(?:\s+(?:boy|girl))?|resident|(?-i:little)|{_PATIENT_WORD_ABROAD})\b)\s+\(?\K{_NOT_A_NAME}{_CAP_NAME_WORD}"
        rf"(?:\s+{_NOT_A_NAME}{_NOT_A_CAPS_VERB}{_CAP_NAME_WORD}){{0,2}}",
        _OVER_SPACY,
    ),
    # "the Xiong baby", "the Okafor twins": a family name before a newborn word (not "the
    # Christmas baby", "the miracle baby", "the Gerber baby")
    Pattern(
        "the + surname + baby",
        # (the capitalised word and the baby word first: cheap, and rare after "the")
        r"\bthe\s+\K(?=(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(?:baby|babies|twins|triplets|newborn)\b)"
        rf"(?i:{_NOT_A_NAME}{_NOT_A_READER}"
        r"(?!(?:christmas|easter|halloween|valentine|new|miracle|rainbow|covid|gerber|leap|storm|snow|blizzard|"
        r"first|last|next|other|same|preemie|sunshine|surprise|holiday|cutest|newest)\b))"
        r"(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?=\s+(?:baby|babies|twins|triplets|newborn)\b)",
        _OVER_SPACY,
    ),
    # "Pani Helenka", "pana Mráčka", "Пані Оксано", "PAN ZDZISIEK": a capitalised name after a Polish,
    # Czech, Russian or Ukrainian title
    Pattern(
        "Slavic title + name",
        # (not a code: "PAN BQKPM4417K")
        rf"(?<![\w-])(?i:{_SLAVIC_TITLE})\s+\K{_NOT_A_NAME}(?-i:\p{{Lu}})[\p{{L}}'’-]+(?:\s+{_NOT_A_NAME}(?-i:\p{{Lu}})[\p{{L}}'’-]+)?"
        r"(?![\p{L}\p{N}'’-])",
        _OVER_SPACY,
    ),
    # "Тамара Ивановна", "Сергей Викторович", "Лисенко Іван Петрович": a Cyrillic first name and
    # patronymic (and the surname before them)
    GatedPattern(
        "name + patronymic",
        rf"(?<![\p{{L}}-])(?:(?-i:\p{{Lu}}\p{{Ll}}+)\s+(?=(?-i:\p{{Lu}}\p{{Ll}}+)\s+{_PATRONYMIC}))?(?-i:\p{{Lu}}\p{{Ll}}+)\s+{_PATRONYMIC}(?![\p{{L}}-])",
        _OVER_SPACY,
        needs=r"\p{Cyrillic}",
    ),
    # pt J.R., patient A.O.: initials after a patient word
    Pattern(
        "patient word + initials",
        r"\b(?:pt|patient|participant)\b\.?\s+\(?\K(?-i:\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?)(?![\p{L}])",
        _OVER_SPACY,
    ),
    # pt lopez, maria / patient RAMIREZ, ELENA: "last, first" after a patient word, any case
    # (not a bed or a record label after the comma: "pt Reynolds, chair 12, MRN ...")
    Pattern(
        "patient word + last, first",
        rf"\b(?:pt|patient)\b\.?\s+\K{_NOT_A_NAME}{_NAME_WORD},\s*(?!(?:chair|bed|room|rm|bay|pod|cot|cubicle|ward|unit|"
        rf"mrn|dob|age|acct)\b){_NOT_A_NAME}{_NAME_WORD}\b",
        _OVER_SPACY,
    ),
    # RAMIREZ, ELENA: an ALL-CAPS "LAST, FIRST" pair (as on a wristband, a label, a chart)
    Pattern(
        "ALL-CAPS last, first",
        # (with a middle initial: "SMITH, ROBERT A")
        # (not a shouted sentence running on: "MR. HALVORSEN, OUR CREW", "OUR WINTER, AND WE")
        rf"(?-i:(?<![\p{{L}}])\p{{Lu}}{{2,}}(?:[-']\p{{Lu}}+)?,\s*(?i:{_NOT_A_NAME})\p{{Lu}}{{3,}}(?:\s\p{{Lu}}\b\.?(?=\s*(?:[,;:)\n]|$)))?(?![\p{{L}}]))",
        0.5,
    ),
    # "Left to right: Marge, Eddie P. and Loretta", "L to R: Terrell, jess, Manny": each name
    # of a photo's left-to-right list
    GatedPattern(
        "photo list, left to right",
        # (each later name starts where the one before it ended: \G)
        rf"(?:\b(?:l\s*to\s*r|left\s+to\s+right|from\s+left)\b\s*[:,-]?\s*|(?<=\S)\G\s*(?:,|and\b|&)\s*)\K"
        rf"{_NOT_A_NAME}[\p{{L}}][\p{{L}}'’-]*(?:\s+(?:(?-i:\p{{Lu}})\.|(?-i:\p{{Lu}})[\p{{L}}'’-]+))?(?=\s*(?:,|and\b|&|[.!:;)]|$))",
        _OVER_SPACY,
        needs=r"l\s*to\s*r|left\s+to\s+right|from\s+left",
    ),
    # "Carol (daughter of Ben in 204)", "Luis, son of our patient": a relative named by their tie
    Pattern(
        "name, relative of",
        rf"(?<![\p{{L}}'’-]){_NOT_A_NAME}{_NOT_A_READER}{_CAP_NAME_WORD}(?=\s*[(,]?\s*(?:the\s+)?(?:daughter|son|wife|husband|"
        rf"mother|father|sister|brother|granddaughter|grandson|niece|nephew|widow)\s+of\b)",
        _OVER_SPACY,
    ),
    # "better known on the second floor as Dot", "goes by Pops"
    Pattern(
        "nickname",
        rf"\b(?:(?:better\s+)?known(?:\s+[\w'’]+){{0,6}}?\s+as|goes\s+by|nicknamed)\s+[\"“']?\K{_NOT_A_NAME}{_CAP_NAME_WORD}",
        _OVER_SPACY,
    ),
    # RAMIREZ, L.: an ALL-CAPS surname and an initial
    Pattern("ALL-CAPS last, initial", r"(?-i:(?<![\p{L}])\p{Lu}{3,}(?:[-']\p{Lu}+)?,\s*\p{Lu}\.)", 0.5),
    # DUNLEAVY, ESPARZA, WOJCIK: a list of three or more ALL-CAPS surnames (labels on a board)
    Pattern(
        "ALL-CAPS surname list",
        r"(?-i:(?<![\p{L}])\p{Lu}{3,}(?:,\s*\p{Lu}{3,}){2,}(?![\p{L}]))",
        0.5,
    ),
    # my dad Tadeusz, his wife Funmi, their son Eli Ruiz: a name right after a possessive
    # and a kinship noun
    Pattern(
        "possessive kin + name",
        rf"\b(?:my|his|her|their|your)\s+{_KIN_NOUN}(?:'s|’s)?\s+\K(?i:{_NOT_A_NAME})"
        r"(?-i:\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*)?)",
        _OVER_SPACY,
    ),
    # Baptiste, R. / Yamamoto, K.: a roster's "Surname, Initial."
    GatedPattern(
        "surname, initial",
        # (not the end of a full name, "Ana Ruiz, K. Lee": no name word before it, no
        # surname after the initial)
        rf"(?<![\p{{L}}.])(?<!(?-i:\p{{Lu}}\p{{Ll}}+)\s)(?i:{_NOT_A_NAME}{_NOT_A_READER})"
        rf"(?-i:\p{{Lu}}\p{{Ll}}+(?:[-'’]\p{{Lu}}?\p{{Ll}}+)?,\s*(?!I\.)\p{{Lu}}\.)(?![\p{{L}}.])(?!\s*(?-i:\p{{Lu}}\p{{Ll}}))",
        _OVER_SPACY,  # above spaCy's 0.85: the whole "Surname, I." wins over spaCy's pieces of it
        needs=r"\w,\s*\w\.",
    ),
    # "Label up top still reads RAMIREZ, A / enc ...": a label's ALL-CAPS "SURNAME, I" (the initial without a
    # dot, before a slash, a bracket or the end of the line)
    GatedPattern(
        "ALL-CAPS surname, initial",
        r"(?<![\p{L}.,])(?-i:\p{Lu}{3,}(?:[-'’]\p{Lu}+)?,\s?\p{Lu})(?=\s*(?:[/|)\]]|$))",
        _OVER_SPACY,
        needs=r"\w,\s?\w",
    ),
    # "Hamza, 91, rang the bell", "Maria, 34, came in": a name before an age in commas
    GatedPattern(
        "name, age,",
        rf"(?<![\p{{L}}'’-])(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)(?=,\s*\d{{1,3}},)",
        0.55,
        needs=r",\s*\d{1,3},",
    ),
    # Grandpa Joe, Nonna Lucia, Aunt Sophia, Reb Getzel Weinstock: a capitalised name after a kinship title
    Pattern(
        "kinship title + name",
        rf"(?-i:\b(?:{_KINSHIP_TITLE})\s+\K{_NOT_A_NAME}\p{{Lu}}\p{{Ll}}[\p{{L}}'’-]*(?:(?<!['’]s)\s{_NOT_A_NAME}\p{{Lu}}\p{{Ll}}+\b(?![\p{{L}}'’-]))?)",
        _OVER_SPACY,
    ),
    # "Chaim ben Sarah", "Pessel bas Miriam", "Shloime Zalman ben Esther Malka": a name with the parent's name,
    # as in a list of the sick to pray for
    GatedPattern(
        "name ben or bas name",
        r"(?-i:\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:ben|bas|bat)\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\b)",
        _OVER_SPACY,
        needs=r"(?-i:\s(?:ben|bas|bat)\s\p{Lu})",
    ),
    # "Rakesh ji", "Shaukat bhai", "Kamla dadi", "Umut Bey": a capitalised name before an honorific (not "a
    # Ghanaian auntie", "her auntie")
    Pattern(
        "name + honorific",
        r"(?<![\p{L}'’-])(?<!\b(?i:a|an|the|my|your|his|her|their|our)\s+)"
        # (a Turkish one with its possessive ending: "Fatma teyzemiz", "Umut amcam")
        rf"(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}[\p{{L}}'’-]*)(?=\s+(?i:{HONORIFICS_AFTER}|(?:teyze|amca)(?:m|miz|mız))\b)",
        _OVER_SPACY,
    ),
    # "Property of Winifred Osgood", a name tag "E. Vasquez-Lind", engraved "Grandpa Joe":
    # the owner's name on a lost or labelled item
    Pattern(
        "owner of an item",
        r"(?-i:\b(?:[Pp]roperty\s+of|[Bb]elong(?:s|ing)\s+to|name\s+tag|[Ee]ngraved(?:\s+with)?|[Ll]abell?ed)\b"
        r"[\s,:;\"“”']*\K(?:(?:\p{Lu}\.\s*|\p{Lu}\p{Ll}[\p{L}'’-]*\s+)?\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*)?"
        # (a trailing initial, "Deshawn K."; capitals in quotes, engraved "MAYA P", labelled "RUIZ")
        r"(?:\s+\p{Lu}\.(?!\p{L}))?|(?<=[\"“])\p{Lu}{2,}(?:[-'’]\p{Lu}+)?(?:\s+\p{Lu}{2,}|\s+\p{Lu}\b\.?)?(?=[\"”])))",
        _OVER_SPACY,
    ),
    # #PrayForMaribel, #JonahStrong, #TeamLiam: a name inside a support hashtag
    Pattern(
        "name in a support hashtag",
        r"(?-i:#(?:PrayFor|Praying4|PrayingFor|Team|Go|Love|Miss|RIP|Remembering)\K"
        # (not a colour or a common word: "#GoRed", "#GoBlueAtMercy", "#TeamWork")
        r"(?!(?:Red|Blue|Green|Gold|Pink|Purple|Orange|Teal|White|Black|Work|Spirit|Local|Big|Team|Home)(?![\p{Ll}]))"
        r"\p{Lu}\p{Ll}+(?![\p{Ll}])"
        r"|#\K\p{Lu}\p{Ll}+(?=(?:Strong|Warrior|Army|Tough|Fights|Fighter|Forever|Nation|Squad)\b))",
        # above spaCy's 0.85: spaCy tags the whole "#JonahStrong", which is then dropped as a
        # hashtag, and a lower score would have lost the name inside it to that span
        _OVER_SPACY,
    ),
    # "hi maria," "Dear Mr" handled above; greeting + one word + comma/exclamation/emoji
    Pattern(
        "greeting + name",
        rf"(?:^|[\n.!?]\s*)(?:hi|hello|hey|hiya|howdy|g['’]day|kia\s+ora|dear|dearest|thanks|thank you|thx|ty|thank u|thanku|tysm|thnx|thanks so much|thank you so much)\b,?\s+\K{_NOT_A_NAME}{_NAME_WORD}"
        rf"(?:{_AFTER_LONE_NAME}|(?=\s+for\b))",
        _OVER_SPACY,
    ),
    # A reply that opens by naming the reader: "Janelle - we hear you", "Dominic, we're
    # glad", "Hank we appreciate you", "Pop, we'll miss you"
    Pattern(
        "name opening a reply",
        # (or by initials: "J.D., we hear you")
        rf"(?:^|[\n.!?]\s+|[\p{{So}}\p{{Sk}}\p{{Cs}}]\s*)\K(?:{_NOT_A_NAME}{_NOT_A_READER}{_CAP_NAME_WORD}|(?-i:\p{{Lu}}\.\s?\p{{Lu}}\.))"
        rf"(?=\s*[,—–-]?\s+(?:we|we're|we’re|we've|we’ve|we'll|we’ll|(?:thank\s+you|thanks)(?!\s+(?:to\b|(?-i:\p{{Lu}})))|so sorry|sorry|i'm|i’m|i am|"
        rf"you(?:'re|’re|\s+(?:are|were|did|made|have|rock|rocked|look)))\b"
        # after an emoji the reader is spoken to ("Sofía ❤️ your mom was ..."), which an
        # imperative ("See you soon", "Bring your card") never needs
        rf"|\s*(?:[\p{{So}}\p{{Sk}}\p{{Cs}}\uFE0F\u200D]+\s*)+(?:we|we're|we’re|you|your|you're|you’re|thank|thanks)\b)",
        _OVER_SPACY,
    ),
    # A name said to someone at the end of a sentence: "Get well soon, Harold!", "We love
    # you, Maria", "on a Saturday, Jamal!", "aww thank you Deb!!"
    Pattern(
        "name as vocative",
        rf"\b(?:you|soon|luck|again|buddy|friend|today|day|tonight|week|year|birthday|congrats|"
        rf"congratulations|welcome|back|thanks|saturday|sunday|monday|tuesday|wednesday|thursday|friday),\s+"
        rf"\K{_NOT_A_NAME}{_NOT_A_READER}{_CAP_NAME_WORD}(?=\s*(?:[!.?]|[\p{{So}}\p{{Sk}}\p{{Cs}}]|$))"
        rf"|\b(?:thank\s+you|thanks|thx|ty)\s+"
        rf"\K{_NOT_A_NAME}{_NOT_A_READER}{_CAP_NAME_WORD}(?=\s*(?:[!.?]|[\p{{So}}\p{{Sk}}\p{{Cs}}]|$))",
        0.55,
    ),
    # "Mrs. P in bed 14", "Mr. G said": a title and a single initial
    Pattern(
        "title + initial",
        # (not a masked name: "Mrs. H********")
        r"(?<![\w-])(?:mrs|mr|ms|mx)\b\.?\s+\K(?-i:\p{Lu})(?![\p{L}\d'’&*#_])(?:\.(?=\s|$))?",
        _OVER_SPACY,
    ),
    # "records for D. Yamamoto", "called K. Osei": an initial and a surname after a word
    # that takes a person (not "vitamin D. Take", which no such word precedes)
    Pattern(
        "initial + surname",
        r"(?<=\b(?:for|to|with|from|by|and|about|call|called|see|saw|visited|named|pt|patient)\s)"
        r"(?-i:\p{Lu}\.\s?\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)(?![\p{L}.])",
        _OVER_SPACY,
    ),
    # "Dmitri from bed 5", "LAKSHMI in room 3", "Zainab (bed 12)": a name right before the
    # patient's bed or room
    Pattern(
        "name before a bed or room",
        rf"(?<![\p{{L}}'’-])(?i:{_NOT_A_NAME}{_NOT_A_READER}"
        r"(?!(?:guy|gal|lady|man|woman|gentleman|gent|kid|boy|girl|dude|child|infant|toddler|teen|someone|one|person|"
        r"fella|fellow|sweetie|grandmother|grandfather|mother|father|husband|wife|brother|sister|neighbor|"
        r"the|code|isolation|iso|transfer|transport|admit|admission|discharge|consult|bath|cleaning|checks?|meds)\b))"
        # (two words only mid-sentence: "Ask Reuben in bed 4" names Reuben)
        r"(?-i:(?:(?<=[\p{Ll}\d,:;]\s)\p{Lu}[\p{L}'’-]+\s+)?\p{Lu}[\p{L}'’-]+)"
        # ("Ben in 204": a bare room number only after "in", and not a year or a measure)
        r"(?=\s+(?:in|from|at|over\s+in)\s+(?:bed|room|rm|bay|apt|apartment)\s*#?\s*\d"
        r"|\s+in\s+\d{1,3}[A-Z]?\b(?![.,:]\d|\s*(?:am|pm|years?|yrs?|weeks?|days?|months?|lbs?|kg|mg|%|ft|feet|miles?|min|hours?))"
        r"|\s*\(\s*(?:bed|room|rm|bay)\s*#?\s*\d)",
        _OVER_SPACY,
    ),
    # A whiteboard or census line quoted in a post: "Rm 6 - Hershberger - NPO", "Rm 14 — Bernard
    # walked 300 ft", "Delacroix - NPO": the name after a quoted room, or before a dash and an
    # ALL-CAPS order (not "Room 5 - Closed for cleaning", "Referral – Shapiro")
    GatedPattern(
        "whiteboard name",
        r"[\"“](?:\s*(?:rm|room|bed|bay)\.?\s*#?\d{1,4}[A-Za-z]?\s*[-–—:]\s*"
        rf"\K(?i:{_NOT_A_NAME}{_NOT_A_READER}{_BOARD_WORD})(?-i:\p{{Lu}}\p{{Ll}}+(?:[-'’]\p{{Lu}}?\p{{Ll}}+)?)(?![\p{{L}}'’-])"
        rf"|\K(?i:{_NOT_A_NAME}{_NOT_A_READER}{_BOARD_WORD})(?-i:\p{{Lu}}\p{{Ll}}+(?:[-'’]\p{{Lu}}?\p{{Ll}}+)?)"
        r"(?=\s+[-–—]\s+(?-i:\p{Lu}{2,})(?![\p{L}])))",
        _OVER_SPACY,
        needs=r"[\"“]|\s[-–—]\s",
    ),
    # a census or whiteboard line: "J.P. bed 6 fall risk", "L.M. - rm 9" (initials before a bed;
    # not a credential: "P.T. room 4") and "bed 4 HARLAN: NPO", "Rm 12 Okafor - DNR" (a name
    # after a bed and before its note)
    GatedPattern(
        "initials + bed",
        r"(?-i:(?<![\p{L}.])(?!(?:R\.N|P\.T|O\.T|M\.D|N\.P|P\.A|D\.O|E\.R|O\.R)\.)\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?)"
        rf"(?=\s*[-–—:,]?\s*(?i:{_CENSUS_PLACE})\b\.?\s*#?\d)",
        _OVER_SPACY,
        needs=rf"(?i)\b{_CENSUS_PLACE}\b",
    ),
    # (or before the next entry: "rm 5 SILVA, rm 6 ...")
    GatedPattern(
        "bed + name + note",
        rf"(?i)\b{_CENSUS_PLACE}\.?\s*#?\d{{1,4}}[A-Za-z]?\s*[-–—:]?\s*\K"
        rf"{_NOT_A_NAME}{_NOT_A_READER}{_BOARD_WORD}"
        r"(?-i:\p{Lu}[\p{Ll}\p{Lu}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{Lu}]+)?)(?![\p{L}'’-])"
        rf"(?=\s*[:–—-]|,\s*{_CENSUS_PLACE}\b\.?\s*#?\d)",
        _OVER_SPACY,
        needs=rf"(?i)\b{_CENSUS_PLACE}\b",
    ),
    # a name with an initial after a bed, whatever follows: "bed 4 G. Whitfield still on CIWA",
    # "cuarto 3: R. SALINAS", "bed 7 Mensah A."
    GatedPattern(
        "bed + initialled name",
        rf"{_CENSUS_ENTRY}\K(?-i:\p{{Lu}}\.\s?\p{{Lu}}[\p{{L}}'’-]+|\p{{Lu}}\p{{Ll}}[\p{{L}}'’-]+\s\p{{Lu}}\.)(?![\p{{L}}'’-])",
        _OVER_SPACY,
        needs=rf"(?i)\b{_CENSUS_PLACE}\b",
    ),
    # "chart #C-200134 (ISAAC MBEKI)", "MRN 00482913 (Ana Ruiz)": a name in brackets right
    # after a record number
    Pattern(
        "record number + (name)",
        r"\b(?:chart|mrn|mr|med\s+rec|acct|account|member\s+id|encounter|csn|fin|claim|case|accession)\b"
        r"[\s#:.]*(?:no\.?\s*|number\s*)?[A-Za-z]{0,3}-?\d[\w-]*\s*\(\s*"
        rf"\K(?i:{_NOT_A_NAME})(?-i:\p{{Lu}}[\p{{L}}'’-]+(?:\s+\p{{Lu}}\.)?(?:\s+\p{{Lu}}[\p{{L}}'’-]+){{0,2}})(?=\s*\))",
        _OVER_SPACY,
    ),
    # "her hubby is named Yusuf", "mom goes by Tiff": a name after a kinship noun and a naming verb
    Pattern(
        "kin + naming verb + name",
        rf"\b{_KIN_NOUN}(?:'s|’s)?\s+(?:(?:is|was)\s+)?(?:named|called|goes\s+by|name\s+is|name\s+was)\s+"
        r"\K(?-i:\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*)?)",
        _OVER_SPACY,
    ),
    # "a bloke called Davo", "a 4-year-old named Gerald", "a patient literally named Lou": a name after a
    # noun for a person and a naming verb (not "a dog named Gerald", "a cart called Ruth")
    Pattern(
        "person noun + naming verb + name",
        r"\b(?:bloke|guy|dude|man|woman|lady|gentleman|gent|fella|fellow|chap|lad|lass|kid|boy|girl|toddler|teen|"
        r"teenager|baby|infant|newborn|patient|pt|resident|client|customer|farmer|grandma|grandpa|granny|vet|veteran|"
        r"year-old|yr-old|yo)\s+(?:(?:who\s+)?(?:is|was)\s+)?(?:\p{Ll}+ly\s+)?(?:named|called|by\s+the\s+name\s+of)\s+[\"“'‘]?"
        r"\K(?-i:\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*)?)",
        _OVER_SPACY,
    ),
    # "aka Tiny", "nicknamed Big Al", "we call him Sarge": a nickname
    Pattern(
        "nickname",
        r"\b(?:aka|a\.k\.a\.?|nicknamed|we\s+call\s+(?:him|her)|(?:he|she)\s+goes\s+by)\s+[\"“'‘]?"
        r"\K(?-i:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)",
        _OVER_SPACY,
    ),
    # "the records for Saoirse Ní Bhriain", "acct 88230417 for Oluwaseun Adeyemi", "GoFundMe
    # for Chloe": a name after a record, a bill, a number or a fundraiser and "for"
    Pattern(
        "record + for + name",
        rf"(?:\b(?:records?|chart|labs?|results?|meds|claim|bill|invoice|statement|refill|referral|"
        rf"paperwork|forms?|gofundme|go\s+fund\s+me|fundraiser|meal\s+train)|\d)\s+for\s+(?:pt\.?\s+|patient\s+)?"
        rf"\K(?i:{_NOT_A_NAME}{_NOT_A_READER})"
        r"(?!(?:Medicare|Medicaid|Blue|United|Aetna|Cigna|Humana|Tricare|Kaiser|Anthem|Ambetter|Molina)\b)"
        r"(?-i:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?:\s+\p{Lu}[\p{L}'’-]*){0,2})"
        r"(?=\s*(?:[,.;:!?)—–-]|$|\s+(?:to|at|in|is|was|before|after|by|on|from|and|\(|[\p{Ll}])))",
        0.5,
    ),
    # "Henrietta turns 104", "Walt celebrated 100": a name before an age of 90 or more
    Pattern(
        "name + turns 90+",
        rf"(?<![\p{{L}}'’-])(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)"
        r"(?=\s+(?:turn(?:s|ed)|is\s+turning|celebrat(?:es|ed))\s+(?:9\d|1[01]\d)(?!\d))",
        0.55,
    ),
    # "a call for a Vera Castillo at 2207 ...", "looking for a Mr. ...": a full name after
    # an indefinite article, then a place, a relative clause or a comma
    Pattern(
        "a + full name",
        r"(?-i:\b(?:for|from|to|by|with)\s+an?\s+\K\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
        r"(?=\s*(?:,|\bat\b|\bfrom\b|\bwho\b|\bwhose\b|\bof\b|\bin\b))",
        0.5,
    ),
    # KEITH BARLOW DOB ..., Keith Barlow, DOB ..., Ana Ruiz (MRN ...): a name right before a
    # birth date or record label
    Pattern(
        "name before DOB or MRN",
        r"(?-i:\b\p{Lu}[\p{L}'’-]+(?:(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2}|,\s*\p{Lu}[\p{L}'’-]+))"
        r"(?=\s*[,(–—-]?\s*(?:DOB|D\.O\.B\.|date of birth|born|MRN|MR#|med rec)\b)",
        _OVER_SPACY,
    ),
    # ODUYA (MRN 30098127), HALVORSEN, DOB ...: one ALL-CAPS surname before a record label
    Pattern(
        "ALL-CAPS surname before DOB or MRN",
        rf"(?<![\p{{L}}'’-])(?i:{_NOT_A_NAME})(?-i:\p{{Lu}}{{3,}}(?:[-'’]\p{{Lu}}+)?)"
        # (a space, comma or bracket between: "PHI-MRN" is a rule id)
        r"(?=(?:\s*[,(]|\s+[–—-]?)\s*(?-i:DOB|D\.O\.B\.|MRN|MR#)\b)",
        0.55,
    ),
    # "Yusuf's mom asked us to share", "Brody's parents": a name owning a relative (not a
    # saint's or a clinician's: "St. Jude's", "Dr. Whitley's son")
    Pattern(
        "name's relative",
        rf"(?<![\p{{L}}'’.-])(?<!\b(?:st|saint|dr|doctor|nurse)\.?\s)(?i:{_NOT_A_NAME}{_NOT_A_READER})"
        r"(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)"
        rf"(?=['’]s\s+(?:{_KIN_NOUN}|parents|kids|children|grandkids|grandchildren|family\s+(?:asked|wanted|thanked|sent)|mama|papa|mommy|daddy|abuela|grandma|grandpa)\b)",
        _OVER_SPACY,
    ),
    # "Jae-won and his mom Sun-hee", "Omar & his wife": a name before "and his/her" relative
    # (one word right after a title or a capitalised word is the end of a longer name: not
    # "Dr. Sam [Whitfield] and his wife")
    Pattern(
        "name and his relative",
        rf"(?<![\p{{L}}'’.-])(?<!\b(?:mr|mrs|ms|mx|dr|doctor|nurse|prof)\.?\s)(?<!(?-i:\p{{Lu}})[\p{{L}}.'’-]*\s)"
        rf"(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}?\p{{Ll}}+)?)"
        rf"(?=\s+(?:and|&)\s+(?:his|her|their)\s+{_KIN_NOUN}\b)",
        _OVER_SPACY,
    ),
    # "Edna, our longest-serving dialysis patient", "Ezekiel, our 94-year-old Navy vet": a name
    # before an apposition that makes them a patient
    Pattern(
        "name, our patient",
        rf"(?<![\p{{L}}'’-])(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}?\p{{Ll}}+)?(?:\s+\p{{Lu}}\p{{Ll}}+)?)"
        r"(?=,\s+(?:our|a|the|my)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:patient|pt|resident|\d{1,3}-year-old)\b)",
        _OVER_SPACY,
    ),
    # "🎉 Dolores 🎉 finished her last round", "💪 Keisha 💪 graduated": a name set between
    # emoji and followed by what they did
    Pattern(
        "name between emoji",
        rf"[\p{{So}}\p{{Sk}}\p{{Cs}}]\uFE0F?\s*\K(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}+|\p{{Lu}}{{3,}})"
        r"(?=\s*(?:[\p{So}\p{Sk}\p{Cs}\uFE0F\u200D]+\s*)+(?:is|was|has|had|just|finally|(?-i:\p{Ll}+ed))\b)",
        _OVER_SPACY,
    ),
    # "Shout out to ANGELA who crushed her first PT session", "So proud of Alfie who beat
    # COVID": a name cheered for, then what they did (ALL CAPS or not, which spaCy misses)
    Pattern(
        "cheered name + who",
        r"\b(?:shout\s*-?\s*outs?\s+to|s/o\s+to|kudos\s+to|props\s+to|proud\s+of|prayers\s+(?:for|to)|"
        r"pray(?:ing)?\s+for|congrats\s+to|congratulations\s+to|cheers\s+to|hats\s+off\s+to)\s+"
        rf"\K(?i:{_NOT_A_NAME}{_NOT_A_READER})(?-i:\p{{Lu}}\p{{Ll}}+|\p{{Lu}}{{3,}})(?=\s+who\b)",
        _OVER_SPACY,
    ),
    # "shoutout to jose in bed 4", "lol kevin in bay 6", "lupita from bed 2": a lowercase name
    # before the patient's bed, at the start of a sentence or after "to" / "lol"
    Pattern(
        "lowercase name before a bed or room",
        r"(?:^|(?<=[.!?]\s)|(?<=\b(?:to|lol|lmao|omg|pt|and|with|for)\s))"
        rf"(?i:{_NOT_A_NAME}{_NOT_A_READER}"
        r"(?!(?:guy|gal|lady|man|woman|gentleman|gent|kid|boy|girl|dude|child|infant|toddler|teen|someone|one|person|"
        r"fella|fellow|sweetie|grandmother|grandfather|mother|father|husband|wife|brother|sister|neighbor|"
        r"the|code|isolation|iso|transfer|transport|admit|admission|discharge|consult|bath|cleaning|checks?|meds|"
        r"lady|sir|hon|honey|friend|buddy|pal|vomit|blood|urine|poop|fall|fire|spill|leak|noise|alarm|light|call|bell|tv|"
        r"sitter|visitor|visitors|family|guest|guests|resident|residents)\b))"
        r"(?-i:(?!\p{Ll}+(?:ing|ed|ly|ness|tion|ment|s)\b)\p{Ll}{3,})"
        r"(?=\s+(?:in|from|at)\s+(?:bed|room|rm|bay)\s*#?\s*\d)",
        _OVER_SPACY,  # over spaCy's "lol kevin", which is dropped as lowercase
    ),
]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|may(?=\s+\d)|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_HEBREW_MONTH = (
    r"(?:tishrei|tishri|cheshvan|marcheshvan|heshvan|kislev|teves|tevet|shevat|shvat|"
    r"adar(?:\s+(?:i{1,2}|aleph|alef|beis|bet|sheni|rishon))?|nisan|nissan|iyar|iyyar|sivan|tammuz|tamuz|menachem\s+av|elul)"
)
_FILIPINO_MONTH = r"(?:enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre)"
# A day of the month as a number ("3", "03", "31"), and with an English ordinal ("3rd").
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
_DAY = rf"{_DAY_NUMBER}(?:st|nd|rd|th)?"
_YEAR = r"(?:\d{4}|['’]\d{2})"
# A day of the month in words: "March fourteenth", "the twenty-first of May".
_DAY_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
    r"(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))"
)

_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
# Holidays on a fixed day of their calendar are dates ("born on Christmas Eve", "on Orthodox
# Christmas", "since Eid al-Adha"; not a bare "Eid", one of two); only after a date word, so
# "Christmas party" or "Halloween costumes" are not.
_FIXED_HOLIDAY = (
    r"(?:(?:orthodox\s+)?(?:christmas|x-?mas)(?:\s+(?:eve|day))?|wigilia|eid\s+al-(?:fitr|adha)|new\s+year'?’?s(?:\s+(?:eve|day))?|valentine'?’?s(?:\s+day)?|"
    r"halloween|(?:the\s+)?(?:4th|fourth)\s+of\s+july|july\s+(?:4th|fourth)|independence\s+day|"
    r"juneteenth|pi\s+day|st\.?\s+patrick'?’?s(?:\s+day)?|veterans'?\s+day|leap\s+day|"
    r"groundhog\s+day|new\s+year'?’?s|boxing\s+day|st\.?\s+stephen'?’?s(?:\s+day)?|anzac\s+day|australia\s+day|"
    r"canada\s+day|bastille\s+day|hogmanay|bonfire\s+night|guy\s+fawkes(?:\s+night)?|remembrance\s+day|"
    r"armistice\s+day|cinco\s+de\s+mayo|lohri|republic\s+day|araw\s+ng\s+kalayaan|rizal\s+day|noche\s*buena|"
    r"(?:the\s+)?day\s+of\s+arafa[ht]?|"
    # Jewish holidays on a fixed day of the Hebrew calendar ("on erev Pesach", "on Purim night", "on the fifth night
    # of Chanukah", "on Lag BaOmer"; not the week-long "over Sukkos")
    r"erev\s+(?:pesach|passover|yom\s+kippur|rosh\s+hashana(?:h)?|sukkos|sukkot|shavuos|shavuot|purim)|purim(?:\s+night)?|"
    r"(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|last|[1-8](?:st|nd|rd|th))\s+night\s+of\s+"
    r"(?:chanukah|hanukkah|chanuka|hanukah|sukkos|sukkot|pesach|passover))|lag\s+b[a']?\s?omer|yom\s+kippur|"
    r"rosh\s+hashana(?:h)?|simchas\s+torah|simchat\s+torah|tu\s+b[i']?'?\s?sh?vat|tisha\s+b'?\s?av)"
)
# A date word before a bare m/d: "on", "DOB", "born", "seen", a booking, a test or procedure
# ("biopsy 8/30", "labs 3/2"); Spanish and Portuguese "día"/"dia" ("no dia 15/01").
_MD_LABEL = (
    r"\b(?:on|d[ií]a|dob|d\.o\.b\.|born|birthday|bday|b-day|birthdate|since|admitted|discharged|"
    # Spanish and Italian "born", "admitted", "visit" or "appointment" on or of a day: "ingresó el 24/12",
    # "la visita cardiologica del 14/02" (not "Unidad móvil: Elsa el 3/22")
    r"(?:nat[oa]|naci[oó]|ingres[oó]|ricoverat[oa]|visita|cita|consulta|controllo)(?:\s+\p{L}+)?\s+(?:el|il|del)|"
    r"(?:re)?submitted|sent|seen|(?:re)?scheduled|due|"
    r"dated|signed|filed|mailed|faxed|until|till|through|thru|arriv(?:e|es|ed|ing)|adm|admit|appt|appointment|"
    # a study's visits ("consented 9/2 for the afib study", "randomized 4/25") and a discharge ("going home 12/23")
    r"consented|randomi[sz]ed|enrolled|going\s+home|"
    r"surgery|procedure|visit|transferred|transported|delivered|passed|died|expired|d/c|"
    # a run or chart report of a day: "her dad's run report from 9/30", "the chart note from 3/2"
    r"(?:report|note|records?|chart|run\s+sheet|PCR)\s+from|"
    r"biopsy|biopsied|labs|bloodwork|MRI|CT|CXR|x-?ray|echo|EKG|ECG|ultrasound|colonoscopy|endoscopy|intake|"
    # "your lab check is 9/15", "cleaning on 6/12", "booked for 14/03"
    r"(?:check|check-?up|recheck|exam|cleaning|review|scan|test)(?=\s+(?:is|was|on)\b)|booked(?:\s+in)?\s+for|set\s+for)"
    r"\b(?:\s+(?:is|was|on))?:?\s+"
)
_MD_SLASH = r"(?<![\d/])(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))"
# m/d, or a day-first d/m whose day cannot be a month ("on 14/03", "born 19/09"), or
# m-d with a dash when the date ends the phrase ("after practice on 11-3,"; not "on 2-3 days")
_MD = rf"(?:{_MD_SLASH}|(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?=\s*(?:[,.;!?)]|$)))"
DATE_PATTERNS = [
    # March 3, March 3rd, March 3, 2026, Mar. 3 '26, Monday, April 20, March the 3rd
    Pattern(
        "month day [year]",
        rf"\b(?:{_WEEKDAY})?{_MONTH}\s+(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)\b))?{_DAY}\b(?:,?\s+{_YEAR}\b)?(?!\s*(?:mg|ml|%|patients|pm|am)\b)",
        0.85,
    ),
    Pattern(
        "holiday as a date",
        rf"\b(?:on|born|since|until|over|day\s+before|day\s+after|died|passed|admitted|delivered|(?:birthday|bday)(?:\s+is)?)"
        rf"\s+(?:the\s+)?\K{_FIXED_HOLIDAY}\b(?!\s+(?:party|parties|hours|schedule|closure|sale|"
        rf"costume|costumes|card|cards|tree|lights|dinner|lunch|potluck|drive|fundraiser|event|gala))",
        0.7,
    ),
    # "never forget St Stephen's Day 2009", "Christmas eve 1969": with its year, a holiday is a
    # date whatever comes before it
    Pattern("holiday and year", rf"\b{_FIXED_HOLIDAY}\s+(?:of\s+)?(?:19|20)\d\d\b", 0.8),
    # 3 March 2026, the 3rd of March
    Pattern("day month [year]", rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?", 0.85),
    # "passed on 27 Ramadan", "born on the morning of 1 Shawwal", "the 27th of Ramadan", "5th Ramzan": a day of a
    # month of the Islamic (Hijri) calendar
    Pattern(
        "day Hijri month",
        rf"\b{_DAY}(?:\s+of)?\s+(?:muharram|safar|rabi[ʿ'’]?\s+al-(?:awwal|thani|akhir)|jumada\s+al-(?:ula|awwal|akhirah|thani)|"
        r"rajab|sha[ʿ'’]?ban|ramadh?an|rama?zan|shawwal|dhu\s*al-(?:qi|qa)[ʿ'’]?dah|dhul[\s-]?(?:qi|qa)[ʿ'’]?dah|"
        r"dhu\s*al-hijjah|dhul[\s-]?hijjah)\b"
        r"(?:,?\s+\d{4}(?:\s+AH)?\b)?",
        0.85,
    ),
    # "admitted 5 kislev", "his einikel's bris on 12 Adar", "the 13th of Tishrei", "Kislev 9": a day of a month of
    # the Hebrew calendar (not the bare "Av")
    Pattern(
        "day Hebrew month",
        rf"\b(?:{_DAY}(?:\s+of)?\s+{_HEBREW_MONTH}\b|{_HEBREW_MONTH}\s+{_DAY}\b)(?:,?\s+57\d\d\b)?",
        0.85,
    ),
    # "su cita del 12 de agosto", "nació el 3 de marzo de 2026", "caiu no dia 5 de julho": a Spanish
    # or Portuguese day and month
    Pattern(
        "Spanish or Portuguese day de month",
        rf"\b{_DAY_NUMBER}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
        r"octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\b"
        r"(?:\s+(?:de(?:l)?\s+)?\d{4}\b)?",
        0.85,
    ),
    # "noong Hunyo 9", "Disyembre 24, 2025", "ika-9 ng Hunyo": a Filipino month and day
    Pattern(
        "Filipino month day",
        rf"\b(?:{_FILIPINO_MONTH}\s+{_DAY_NUMBER}\b(?:,?\s+\d{{4}}\b)?"
        rf"|ika-?{_DAY_NUMBER}\s+ng\s+{_FILIPINO_MONTH}\b)",
        0.85,
    ),
    # "am 3. Juni", "op 3 maart", "2. december", "den 5. mai 2024": a German, Dutch or Nordic day and month
    Pattern(
        "German, Dutch or Nordic day month",
        rf"\b{_DAY_NUMBER}\.?\s+(?:januar|j[äa]nner|januari|februar|februari|m[äa]rz|maart|mars|april|mai|mei|maj|juni|juli|"
        r"august|augustus|september|oktober|november|dezember|december|desember)\b(?:\s+\d{4}\b)?",
        0.85,
    ),
    # "nata il 15 agosto 1925", "29 Ekim'de", "στις 3 Ιανουαρίου": an Italian, Turkish or Greek day and month
    Pattern(
        "Italian, Turkish or Greek day month",
        rf"\b{_DAY_NUMBER}\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
        r"novembre|dicembre|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|ιανουαρίου|"
        r"φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου)\b"
        r"(?:\s+\d{4}\b)?",
        0.85,
    ),
    # "2 sierpnia", "ze 14. února", "3 березня", "8 марта": a Polish, Czech, Ukrainian or Russian day and month
    Pattern(
        "Polish, Czech, Ukrainian or Russian day month",
        rf"\b{_DAY_NUMBER}\.?\s+(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
        r"listopada|grudnia|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|"
        r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
        r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b(?:\s+\d{4}\b)?",
        0.85,
    ),
    # "9. 1. 2026": a Czech or Slovak date, a space after each dot
    Pattern(
        "d. m. yyyy",
        r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.\s(?:0?[1-9]|1[0-2])\.\s(?:19|20)\d\d(?!\d)",
        0.85,
    ),
    # "décédé le 17 janvier", "vu le 1er mars 2026": a French day and month
    Pattern(
        "French day month",
        r"\b(?:1er|[12]\d|3[01]|0?[1-9])\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|"
        r"octobre|novembre|décembre|decembre)\b(?:\s+\d{4}\b)?",
        0.85,
    ),
    # 3-Mar, 12-Jan-2026, 02-Nov-25, Apr-12: a day and a month abbreviation joined by dashes
    Pattern(
        "day-month[-year]",
        r"(?<![\w-])(?:(?:3[01]|[12]\d|0?[1-9])-(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)-(?:3[01]|[12]\d|0?[1-9]))"
        r"(?:-(?:\d{4}|\d{2}))?(?![\w-])",
        0.8,
    ),
    # March fourteenth, the twenty-first of May
    Pattern(
        "day in words",
        rf"\b(?:{_MONTH}\s+(?:the\s+)?{_DAY_WORD}|{_DAY_WORD}\s+of\s+{_MONTH})\b(?:,?\s+{_YEAR}\b)?",
        0.8,
    ),
    # "due back on the 22nd for ...", "instead of the 13th.": a day of the current month,
    # ending the phrase (not "on the 4th floor", "for the 2nd time")
    Pattern(
        "day of the month",
        r"\b(?:on|of|by|for|until|till|before|after|since|from)\s+the\s+\K(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
        r"(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:for|at|and|when|so|but|with|instead|or|to|because|was|is|were|will)\b)",
        0.7,
    ),
    # "Sat 11/8", "Thurs. 3/6", "Monday 12/15": a weekday names a calendar day, so a bare m/d is a date
    Pattern(
        "weekday + m/d",
        rf"\b{_WEEKDAY}\K(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/])",
        0.8,
    ),
    # "Tuesday the 4th", "Fri, the 21st": a weekday and a day of the month
    Pattern(
        "weekday + the Nth",
        rf"\b{_WEEKDAY}the\s+\K(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:floor|time|grade|percentile))",
        0.75,
    ),
    # 3/14/2026, 03-14-26, 3.14.2026
    GatedPattern(
        "numeric m/d/y",
        r"(?<![\d/.-])(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})(?![\d/-]|\.\d)",
        0.9,
        needs=r"\d[/.-]\d\d?[/.-]\d",
    ),
    # 14/03/2026, 19.09.25: a day-first date whose day cannot be a month (13-31)
    GatedPattern(
        "numeric d/m/y",
        r"(?<![\d/.-])(?:1[3-9]|2\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\d/-]|\.\d)",
        0.9,
        needs=r"\d[/.-]\d\d?[/.-]\d",
    ),
    # 2026-03-14
    Pattern("ISO date", r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])", 0.9),
    # DOB 4/2, on 3/14, born 3/14 (a bare m/d only with a date word before it: "5/10 pain" is not a date)
    Pattern("labelled m/d", rf"{_MD_LABEL}\K(?!24/7\b){_MD}(?![\d/])", 0.8),
    # "sessions on 2/3 and 2/10": a second m/d in a list after a labelled one
    Pattern(
        "labelled m/d, next in list",
        rf"(?=\d{{1,2}}/\d)(?<={_MD_LABEL}(?:{_MD_SLASH}(?:,\s*|,?\s+(?:and|&|or|then)\s+))+){_MD_SLASH}(?![\d/])",
        0.75,
    ),
    # "the 9/18 visit", "at his 11/4 appointment": a bare m/d between a determiner and a care event
    Pattern(
        "m/d before a visit",
        rf"(?=\d{{1,2}}/\d)(?<=\b(?:the|his|her|their|your|ur|my|this|that)\s+)(?!24/7\b){_MD_SLASH}(?![\d/])"
        # (one word may qualify the event: "her 11/4 hearing test", "the 3/2 skin check")
        r"(?=\s+(?:[\p{L}-]+\s+)?(?:visit|appointment|appt|surgery|procedure|admission|discharge|scan|biopsy|session|labs?|bloodwork|consult|"
        r"treatment|fitting|check|peel|filling|extraction|"
        r"follow-?up|check-?up|delivery|c-section|induction|infusion|injection|shot|MRI|CT|x-?ray|echo|EKG|ECG|colonoscopy|"
        r"endoscopy|cleaning|exam|encounter|ER|ED|note|op|surgery|test|results?|dose|fall|admit)\b)",
        0.75,
    ),
]

_STREET_TYPE = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    r"terrace|ter|circle|cir|highway|hwy|parkway|pkwy|trail|trl|square|sq|row|alley|plaza|crescent|"
    r"loop|pike|path|concourse|turnpike|tpke|expressway|expy|causeway|ridge|crossing|hollow|hill|heights|bend|cove|"
    r"glen|knoll|landing)"
)
# Unit designators between a street address and its town: "Suite 4,", "Unit B,", "2nd floor,"
_UNIT = (
    r"(?:(?:(?:suite|ste|unit|apt|apartment|floor|fl|building|bldg|bât|bâtiment|piso|andar|#)\.?\s*[\w-]+"
    r"|\d+(?:st|nd|rd|th)\s+floor),\s*)*"
)
# The name of a street: one to three capitalised words or a numbered street ("Birch",
# "Oak Hollow", "W. 3rd").
_STREET_NAME = r"(?:(?:(?-i:\p{Lu})[\p{L}'-]+|\d{1,3}(?:st|nd|rd|th))\s+){1,3}"
# An apartment or suite after the street, part of the address: "87 Ocean Pkwy apt 4F",
# "3011 N Kedzie Ave #2R", "2209 Kestrel Dr, Unit 14"
_UNIT_AFTER = r"(?:,?\s+(?:apt|apartment|unit|suite|ste|#)\.?\s*#?(?=[\w-]*\d)[\w-]{1,6}\b)?"
_STREET_ADDRESS = rf"\b\d{{1,5}}\s+(?:[NSEW]\.?\s+)?{_STREET_NAME}{_STREET_TYPE}\b{_UNIT_AFTER}"
# A rural route box: "RR 2 Box 114", "Rural Route 3, Box 77"
_RURAL_ROUTE = r"\b(?:RR|R\.R\.|rural\s+route)\s*#?\s*\d{1,3},?\s+box\s+\d{1,5}\b"
# A house number on a numbered rural road or highway: "4410 Hwy 61", "1200 County Road 5"
# (not a year before a route: "in 2023 Route 9 was closed").
_ROAD_ADDRESS = (
    r"(?<![\d,.$])(?:(?<!\b(?:in|since|by|of|from|until|during|year)\s)|(?!(?:19|20)\d\d\b))\b\d{2,5}\s+"
    r"(?:(?:county|state|us|u\.s\.|farm\s+to\s+market|old)\s+)?(?:road|rd|route|rte|rt|highway|hwy|CR|SR|FM)"
    r"\.?\s*#?\s*\d{1,4}[A-Z]?\b"
)
# Street types before the name, with a particle between ("412 Calle Sol", "88 Camino Real", "8
# allée des Tilleuls", "27 rue de la Paix", "14 Rua das Flores")
_STREET_ADDRESS_TYPE_FIRST = (
    r"\b\d{1,5},?\s+(?:calle|camino|avenida|rue|via|allée|chemin|impasse|avenue|boulevard|rua|travessa|viale|piazza)\s+"
    r"(?:(?:de\s+la|de|des|du|del|da|do|dos|das|di|della)\s+)?(?:(?-i:\p{Lu})[\p{L}'-]+)(?:\s+(?-i:\p{Lu})[\p{L}'-]+)?\b"
)
# German and Dutch streets, the number after the name ("Kerkstraat 8", "Lindenweg 12a", "Hauptstraße 3")
_STREET_ADDRESS_NUMBER_AFTER = (
    r"\b(?-i:\p{Lu})\p{Ll}+(?:straat|strasse|straße|weg|gasse|laan|plein|gracht|allee|platz|steeg|dijk)\s+\d{1,4}[a-z]?\b"
)
# Polish, Czech, Russian and Ukrainian streets, the street word first and the number after the name
# ("ul. Lipowa 14", "вул. Шевченка, 27, кв. 4": a flat number belongs to the street)
_STREET_ADDRESS_SLAVIC = (
    r"\b(?:ul|ulica|ulice|вул|вулиця|ул|улица)\.?\s+(?-i:\p{Lu})[\p{L}'-]+(?:\s+(?-i:\p{Lu})[\p{L}'-]+)?,?\s+\d{1,4}[a-zа-я]?\b"
    r"(?:,?\s+(?:кв|m|lok)\.?\s*\d{1,4}\b)?"
)
# A barangay's name after "Brgy.", a saint's included ("Sto. Niño", "San Roque").
_BARANGAY_NAME = r"(?:(?:sto|sta|san|santa|santo)\.?\s+)?(?-i:\p{Lu}[\p{L}'-]+)(?:\s+(?-i:\p{Lu}[\p{L}'-]+))?"
# Any address a town or ZIP may follow.
_ANY_ADDRESS = (
    rf"(?:{_STREET_ADDRESS}|{_ROAD_ADDRESS}|{_RURAL_ROUTE}|{_STREET_ADDRESS_TYPE_FIRST}|{_STREET_ADDRESS_NUMBER_AFTER}|{_STREET_ADDRESS_SLAVIC})"
)
# What a European postcode follows, and the postcode ("Kerkstraat 8, " and "1012 AB"; not a
# year: "1200 Harbor Blvd, 2026 Gala Night")
_AFTER_AN_ADDRESS = rf"{_ANY_ADDRESS}\.?,\s*{_UNIT}"
# (or a Polish one: "32-020")
_EUROPEAN_POSTCODE = r"(?!(?:19|20)\d\d\s)(?:\d{4,5}(?:\s?(?-i:[A-Z]{2}))?|\d\d-\d{3})"
LOCATION_PATTERNS = [
    # 42 Elm Street, 1200 N. Maple Ave, 87 Ocean Pkwy apt 4F
    Pattern("street address", _STREET_ADDRESS, 0.9),
    Pattern("road address", _ROAD_ADDRESS, 0.85),
    Pattern("rural route", _RURAL_ROUTE, 0.85),
    # "418 Birch Lane, Westbrook 04092", "350 River Rd, Canton", "22 Quarry Rd in Silverton",
    # "2231 County Road 14, Elk Valley": the town after an address
    Pattern(
        "town after street address",
        rf"{_ANY_ADDRESS}\.?(?:,\s*|\s+in\s+){_UNIT}"
        rf"\K(?!(?:room|rm|suite|ste|unit|floor|building|bldg|apt|apartment)\b)"
        rf"(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)(?!\s+(?-i:\p{{Lu}}\p{{Ll}}))",
        0.9,
    ),
    # "a patient from Maple Falls", "lives in Port Ellery": a capitalised place after a home cue
    # (also where it happened: "the rodeo in Coldwater", "a silo explosion in Millstone"; and
    # in capitals, "a plow driver from EMMETSBURG"; not a person with an initial, "from Priya S.")
    Pattern(
        "hometown",
        rf"\b(?:from|lives in|living in|lived in|resident of|native of|town of|city of|grew up in|moved to|home in|out of|out in|out by|outside|near|address in|address is in|out past|outside of|up in|down in|over in|back in"
        rf"|(?:rink|rodeo|explosion|fire|crash|wreck|rollover|pileup|pile-up|collision|shooting|stabbing|drowning|farm|ranch|barn|silo|orchard|quarry|mill|mine|"
        rf"shop|road|field|pasture|trailer|cabin|creek|river|lake|pond)\s+in)\s+\K{_NOT_A_NAME}(?!(?:room|rm|suite|floor|building|bldg|wing|unit|ward|lobby|conference|exam)\b)"
        rf"(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?|\p{{Lu}}{{4,}}(?:\s+\p{{Lu}}{{4,}})?)(?![\p{{L}}])(?!\s+(?-i:\p{{Lu}})\.(?!\p{{L}}))",
        0.9,
    ),
    # ZIP after a state abbreviation or a zip label: "Springfield, IL 62704", "zip 02139"
    Pattern("ZIP after state", r"(?<=\b(?-i:[A-Z]{2}),?\s)\d{5}(?:-\d{4})?\b", 0.7),
    # "418 Birch Lane, Westbrook 04092", "312 Linden Blvd 11207": a ZIP after an address or its town
    Pattern(
        "ZIP after an address",
        rf"{_ANY_ADDRESS}\.?(?:(?:,\s*|\s+in\s+){_UNIT}"
        rf"(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?))?,?\s+\K\d{{5}}(?:-\d{{4}})?(?![\w-])",
        0.85,
    ),
    # "8 allée des Tilleuls, 69003 Lyon", "Kerkstraat 8, 1012 AB Amsterdam": a European postcode
    # before the town, after an address (the postcode and the town each a span)
    Pattern(
        "postcode before the town, after an address",
        rf"{_AFTER_AN_ADDRESS}\K{_EUROPEAN_POSTCODE}(?=\s+(?-i:\p{{Lu}}\p{{Ll}}))",
        0.85,
    ),
    Pattern(
        "town after a postcode, after an address",
        rf"{_AFTER_AN_ADDRESS}{_EUROPEAN_POSTCODE}\s+\K(?-i:\p{{Lu}}\p{{Ll}}+(?:[\s-]\p{{Lu}}\p{{Ll}}+)?)",
        0.9,
    ),
    Pattern("street address, type first", _STREET_ADDRESS_TYPE_FIRST, 0.85),
    Pattern("street address, number after", _STREET_ADDRESS_NUMBER_AFTER, 0.85),
    Pattern("street address, Slavic", _STREET_ADDRESS_SLAVIC, 0.85),
    # "z Radomia", "z obce Horní Lideč", "з села Княгининок", "из Торжка": a capitalised place after
    # the Polish, Czech, Ukrainian or Russian "from" (lowercase: "Z" opens English names), and
    # after a word for a village or a town
    Pattern(
        "Slavic hometown",
        r"(?<![\p{L}\p{N}'’-])(?-i:z|ze|з|із|зі|из)\s+(?:(?:obce|města|vesnice|wsi|miasta|miejscowości|села|міста|города|деревни|посёлка|селища)\s+)?"
        r"\K(?-i:\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)(?![\p{L}'’-])",
        0.9,  # as the English home town's, above spaCy's place (which postprocess checks for noise)
    ),
    # "Brgy. Poblacion, Tanauan", "barangay San Roque": a Philippine barangay (village or
    # district) and the town after it
    Pattern("barangay", rf"\b(?:brgy|bgy|barangay)\b\.?\s+\K{_BARANGAY_NAME}", 0.85),
    Pattern(
        "town after a barangay",
        rf"\b(?:brgy|bgy|barangay)\b\.?\s+{_BARANGAY_NAME},\s*\K(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)",
        0.9,
    ),
    Pattern("labelled ZIP", r"\b(?:zip|zip code|postal code)\b:?\s+\K\d{5}(?:-\d{4})?\b", 0.85),
]


PHONE_PATTERNS = [
    # (555) 014-2230, 555-014-2230, 555.014.2230: a number in US format, whether or not its
    # area code is assigned (libphonenumber, which checks that, runs for the US only)
    # (also with slashes: 555/014/2299)
    Pattern(
        "US-formatted number",
        r"(?<![\w+./-])(?:(?:\(\d{3}\)[\s-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}|\d{3}/\d{3}/\d{4})(?![\w/-]|\.\d)",
        0.5,
    ),
    # "555 dash 014 dash 2298", "555 dot 014 dot 2298": separators spelled out
    Pattern(
        "number with spelled-out separators",
        r"(?<![\w.-])\d{3}\s+(dash|hyphen|dot)\s+\d{3}\s+\1\s+\d{4}(?![\w-])",
        0.5,
    ),
    # "call 555-0181", "direct # 555-0190", "the number on the chart (555-0154)", "his cell
    # 5550142272": a local seven-digit number, or ten digits run together, counts only a few
    # words after a phone word
    Pattern(
        "local number after a phone word",
        # (also ringing from a contact, and an in-case-of-emergency number: "ringing from "Mom" at
        # 555-0139", "ICE 555-0121")
        # (a call-back number left in a message: "callback 555-0193", "call-back # 555-0120")
        # (also the Russian or Ukrainian for "number": "за номером 555-0119", "на номер 555-0138")
        r"\b(?:call(?:ed|ing)?|call-?backs?|text(?:ed)?|phone|cell|mobile|tel|number|line|direct|reach\s+\w+\s+at|ring(?:s|ing)|(?-i:ICE)"
        r"|номер\p{L}*)\b"
        r"(?:\s*#)?(?:[\s:(\"“]+[\w'’-]+,?){0,6}?[\s:#(\"“]+\K(?:(?<!\d[-.])\d{3}[-.]\d{4}(?![\d-]|\.\d)|(?<![\d-])\d{3}\s\d{4}(?![\d-]|\.\d|\s\d)|(?<![\d-])1?[2-9]\d{9}(?![\d-]|\.\d))",
        0.6,
    ),
    # "rfarouk.home@example.org, home 555-0147", "work: 555-0102": a local number right after
    # "home" or "work" as a contact line (not "home 555 days")
    Pattern(
        "local number after home or work",
        r"(?:^|(?<=[,;(]\s?)|(?<=[,;]\s\s))(?:home|work|wk|hm)\s*[:#]?\s*\K(?<![\d-])\d{3}[-.]\d{4}(?![\d-]|\.\d)",
        0.6,
    ),
    # "T. Nguyen 555-0177 / A. Brooks 555-0193": a local number right after an initial and a surname
    Pattern(
        "local number after an initialled name",
        r"(?-i:\b\p{Lu}\.\s?\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)[:,]?\s+\K(?<![\d-])\d{3}[-.]\d{4}(?![\d-]|\.\d)",
        0.55,
    ),
    # "mom's is 555-0188 and dad's is 555-0121": the next local number in the same list
    Pattern(
        "local number after another",
        # (across an initial's period: "rosa alvarez 555-0123 (contacts ready), Tim O. 555-0179")
        r"(?<=(?<![\d-])\d{3}[-.]\d{4}\b(?:[^.!?\n\d]|(?<=\b\p{Lu})\.){1,30})(?<![\d-])\d{3}[-.]\d{4}(?![\d-]|\.\d)",
        0.55,
    ),
    # "his wife slipped me her number on a napkin ... you are in trouble: 555-0188", "her
    # number on ur hand 😂 5550134": a relative's number given later in the same sentence
    Pattern(
        "local number after his or her number",
        r"\b(?:his|her|their)\s+(?:new\s+|cell\s+|mobile\s+|home\s+|phone\s+)?(?:number|digits)\b[^\n.!?]{0,100}?"
        r"\K(?:(?<![\d-])\d{3}[-.]?\d{4}(?![\d-]|\.\d))",
        0.55,
    ),
    # "Ride is her husband Rob, 555-0137": a relative named, then the number
    Pattern(
        "local number after a named relative",
        r"\b(?:husband|wife|son|daughter|mom|mum|dad|mother|father|sister|brother|partner|niece|nephew|grandson|"
        r"granddaughter|aunt|uncle)\s+(?-i:\p{Lu}\p{Ll}+),?\s+\K(?<![\d-])\d{3}[-.]\d{4}(?![\d-]|\.\d)",
        0.6,
    ),
    # "+1 555 014 3328", "+44 7700 900412": a number in international format (8-15 digits),
    # which phonenumbers refuses when the area code is a fictional or unassigned one
    Pattern(
        "international number",
        r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{2,5}\)?){2,4}(?![\d-])(?<=(?:\D*\d){8,15})",
        0.6,
    ),
]


_TLD = r"(?:com|org|net|edu|gov|io|co|us|info|me|biz)"
_AT_BRACKETED = r"\s*[(\[{<]\s*at\s*[)\]}>]\s*"
_DOT_BRACKETED = r"\s*[(\[{<]\s*dot\s*[)\]}>]\s*"
_HOST = r"[a-z0-9][a-z0-9-]{0,40}+"
SPELLED_EMAIL_PATTERNS = [
    # "rjmiller (at) example (dot) net", "kim.doe[at]example[dot]org"
    Pattern(
        "e-mail with bracketed at and dot",
        rf"(?<![\w.+-])[a-z0-9][\w.+-]{{0,40}}+{_AT_BRACKETED}(?:{_HOST}(?:{_DOT_BRACKETED}|\.))+{_TLD}\b",
        0.7,
    ),
    # "jdoe88 at example dot com", "maria dot lopez at example dot com": spaced words, only
    # with a mailbox-like local part (a digit, dot or underscore in it, or a spelled-out dot:
    # not "look at this dot com")
    Pattern(
        "e-mail with spelled-out at and dot",
        rf"(?<![\w.+-])(?:(?:[a-z0-9][\w+-]{{0,40}}+\s+dot\s+)+[a-z0-9][\w.+-]{{0,40}}+|(?=[\w+-]*[\d._])[a-z0-9][\w.+-]{{0,40}}+)"
        rf"\s+at\s+(?:{_HOST}\s+dot\s+)+{_TLD}\b",
        0.6,
    ),
]


class OfflineEmailRecognizer(LeanPatterns, EmailRecognizer):
    """Presidio's e-mail recognizer, validating domains against tldextract's bundled
    public-suffix snapshot instead of fetching the list from the internet."""

    gate = regex.compile("@")

    def __init__(self) -> None:
        super().__init__()
        self._tld = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def validate_result(self, pattern_text: str) -> bool:
        return self._tld(pattern_text).fqdn != ""


class SpelledEmailRecognizer(LeanPatternRecognizer):
    """E-mail addresses with "at" and "dot" written out; every one has a "dot"."""

    gate = regex.compile(r"dot", regex.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(
            "EMAIL", name="SpelledEmailRecognizer", patterns=SPELLED_EMAIL_PATTERNS, global_regex_flags=CASE_INSENSITIVE
        )


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_DIGIT_TOKEN = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})"
SPELLED_PHONE_PATTERNS = [
    # "five five five oh one three four", "555 oh one four 3314": a run of digits and digit
    # words; it is a phone number when it spells 7 or 10 digits with at least two words
    Pattern(
        "number with digits in words",
        rf"(?<![\w-]){_DIGIT_TOKEN}(?:[\s-]+{_DIGIT_TOKEN}){{2,13}}(?![\w-])",
        0.6,
    ),
]


class SpelledPhoneRecognizer(LeanPatternRecognizer):
    """Phone numbers with some or all digits written as words."""

    gate = regex.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s-]+\w", regex.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(
            "PHONE", name="SpelledPhoneRecognizer", patterns=SPELLED_PHONE_PATTERNS, global_regex_flags=CASE_INSENSITIVE
        )

    def validate_result(self, pattern_text: str) -> bool:
        tokens = regex.split(r"[\s-]+", pattern_text.casefold())
        digits = "".join(_DIGIT_WORDS.get(t, t) for t in tokens)
        words = sum(t in _DIGIT_WORDS for t in tokens)
        return words >= 2 and (len(digits) in (7, 10) or (len(digits) == 11 and digits[0] == "1"))


def build_people_places_dates() -> list[EntityRecognizer]:
    pattern_recognizers = (
        ("PERSON", "TitledNameRecognizer", PERSON_PATTERNS, False),
        ("DATE", "CalendarDateRecognizer", DATE_PATTERNS, False),
        ("LOCATION", "AddressRecognizer", LOCATION_PATTERNS, False),
        ("PHONE", "LocalPhoneRecognizer", PHONE_PATTERNS, True),
    )
    return [
        *(
            LeanPatternRecognizer(
                entity, name=name, patterns=patterns, global_regex_flags=CASE_INSENSITIVE, needs_digit=needs_digit
            )
            for entity, name, patterns, needs_digit in pattern_recognizers
        ),
        OfflineEmailRecognizer(),
        SpelledEmailRecognizer(),
        SpelledPhoneRecognizer(),
    ]
