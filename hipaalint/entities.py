"""The entities hipaalint detects, each with its HIPAA Safe Harbor identifier letter
(45 CFR 164.514(b)(2)(i) (A)-(R)). Light on purpose: rule validation imports it."""

SAFE_HARBOR_LETTER: dict[str, str] = {
    "PERSON": "A",  # names
    "LOCATION": "B",  # geographic subdivisions smaller than a state
    "DATE": "C",  # all elements of dates (except year) related to an individual
    "AGE_OVER_89": "C",  # ages over 89
    "PHONE": "D",
    "FAX": "E",
    "EMAIL": "F",
    "SSN": "G",
    "MRN": "H",  # medical record numbers
    "HEALTH_PLAN_ID": "I",  # health plan beneficiary numbers
    "ACCOUNT": "J",
    "LICENSE": "K",  # certificate/license numbers
    "VEHICLE": "L",  # vehicle identifiers and serial numbers, incl. plates
    "DEVICE_ID": "M",  # device identifiers and serial numbers
    "URL": "N",
    "IP_ADDRESS": "O",
    "NPI": "R",  # clinician identifiers: not the patient's, but never for a public post
    "DEA": "R",
    "ROOM": "R",  # any other unique identifying number, characteristic or code
    "OTHER_ID": "R",
}

KNOWN_ENTITIES = frozenset(SAFE_HARBOR_LETTER)
