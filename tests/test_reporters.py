"""Reporters: jsonl, csv, sarif, html — built from hand-made Reports, rendered into strings."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from hipaalint.models import Finding, Post, Report, Severity, line_and_column
from hipaalint.reporters import RenderOptions, RuleInfo, get_reporter
from hipaalint.reporters import csv as csv_reporter
from hipaalint.reporters import html as html_reporter
from hipaalint.reporters import jsonl as jsonl_reporter
from hipaalint.reporters import sarif as sarif_reporter
from hipaalint.reporters.json import result_dict

SCHEMA_PATH = Path(sarif_reporter.__file__).with_name("sarif-schema-2.1.0.json")
CHROMIUM = Path("/usr/bin/chromium")

RULES = {
    "PHI-NAME": RuleInfo(
        id="PHI-NAME",
        name="Patient name",
        severity="error",
        pack="core",
        rationale="Safe Harbor identifier (A): names of the patient or relatives.",
        hint="Remove the name or replace it with a role (\"a patient\").",
    ),
    "PHI-MRN": RuleInfo(
        id="PHI-MRN",
        name="Medical record number",
        severity="error",
        pack="core",
        rationale="Safe Harbor identifier (H): medical record numbers.",
        hint="Never post record numbers.",
    ),
    # PHI-ROOM is deliberately missing: reporters must fall back gracefully.
}

OPTIONS = RenderOptions(version="0.1.0", rules=RULES)
MASKED = RenderOptions(version="0.1.0", rules=RULES, mask=True)

NAME = "Henderson"
MRN = "00482913"
ROOM = "312"
PHONE = "(555) 014-2230"


def finding(post: Post, rule: str, severity: Severity, value: str, message: str, *, nth: int = 0,
            entity: str | None = None) -> Finding:
    """A Finding for the nth occurrence of ``value`` in the post, with line/column filled in."""
    start = -1
    for _ in range(nth + 1):
        start = post.text.index(value, start + 1)
    end = start + len(value)
    line, column = line_and_column(post, start)
    return Finding(rule, severity, post.id, start, end, line, column, value, message, "redact", entity)


def sample_reports() -> list[Report]:
    """Three posts: a multi-line one with overlapping findings, a clean one, a hostile one."""
    p1 = Post(
        id="draft-1",
        source="drafts/week1.txt",
        line=3,
        text=(
            f"Great news from room {ROOM} today!\n"
            f"Mrs. {NAME} (MRN {MRN}) is going home,\n"
            f"call {PHONE}, says \"thanks\", ok"
        ),
    )
    f_room = finding(p1, "PHI-ROOM", Severity.WARNING, ROOM, f"room number {ROOM} identifies a patient")
    f_name = finding(p1, "PHI-NAME", Severity.ERROR, NAME, f"patient name '{NAME}'", entity="PERSON")
    f_mrn = finding(p1, "PHI-MRN", Severity.ERROR, MRN, "medical record number", entity="MRN")
    # A quasi-identifier finding that overlaps the name and the MRN.
    combo_start = p1.text.index(NAME)
    combo_end = p1.text.index(MRN) + len(MRN)
    line, column = line_and_column(p1, combo_start)
    combo_text = p1.text[combo_start:combo_end]
    f_combo = Finding("PHI-COMBO", Severity.INFO, p1.id, combo_start, combo_end, line, column,
                      combo_text, "name with record number", "redact")
    f_phone = finding(p1, "PHI-PHONE", Severity.ERROR, PHONE, f"phone number, text: {PHONE}, x")
    redacted1 = p1.text.replace(ROOM, "[ROOM]").replace(NAME, "[NAME]").replace(MRN, "[MRN]").replace(
        PHONE, "[PHONE]"
    )
    r1 = Report(p1, (f_room, f_name, f_mrn, f_combo, f_phone), redacted1)

    r2 = Report(Post(id="draft-2", source="drafts/week1.txt", text="Flu shots this Friday.", line=6))

    p3 = Post(
        id='<img src=x onerror="alert(1)">',
        source="drafts/<evil>.txt",
        text=f"<script>alert('pwn')</script> Mr. {NAME}, thanks & bye",
    )
    f3 = finding(p3, "PHI-NAME", Severity.ERROR, NAME, f"patient name '{NAME}'", entity="PERSON")
    r3 = Report(p3, (f3,), p3.text.replace(NAME, "[NAME]"))
    return [r1, r2, r3]


def render(renderer, reports, options: RenderOptions = OPTIONS) -> str:
    out = io.StringIO()
    renderer(iter(reports), out, options)
    return out.getvalue()


# --- registry -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["jsonl", "csv", "sarif", "html"])
def test_registered(name):
    module = {"jsonl": jsonl_reporter, "csv": csv_reporter, "sarif": sarif_reporter, "html": html_reporter}[name]
    assert get_reporter(name) is module.render


# --- jsonl ----------------------------------------------------------------------------


def test_jsonl_one_compact_line_per_post_matching_result_dict():
    reports = sample_reports()
    lines = render(jsonl_reporter.render, reports).splitlines()
    assert len(lines) == len(reports)
    for line, report in zip(lines, reports):
        assert ": " not in line.split('"text"')[0]  # compact separators
        assert json.loads(line) == result_dict(report, OPTIONS)


def test_jsonl_writes_as_it_goes():
    out = io.StringIO()
    seen = []

    def stream() -> Iterator[Report]:
        for report in sample_reports():
            seen.append(out.getvalue().count("\n"))
            yield report

    jsonl_reporter.render(stream(), out, OPTIONS)
    assert seen == [0, 1, 2]  # each post was written before the next one was read


# --- csv ------------------------------------------------------------------------------


def test_csv_header_rows_and_quoting():
    text = render(csv_reporter.render, sample_reports())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["source", "id", "rule", "severity", "entity", "start", "end", "line", "column", "text",
                       "message"]
    body = rows[1:]
    assert len(body) == 6  # 5 findings in post 1, none in post 2, 1 in post 3
    by_rule = {row[2]: row for row in body if row[1] == "draft-1"}
    name = by_rule["PHI-NAME"]
    assert name[:5] == ["drafts/week1.txt", "draft-1", "PHI-NAME", "error", "PERSON"]
    assert name[7:10] == ["4", "6", NAME]
    assert by_rule["PHI-COMBO"][9] == f"{NAME} (MRN {MRN}"
    phone = by_rule["PHI-PHONE"]
    assert phone[10] == f"phone number, text: {PHONE}, x"  # commas survive quoting
    assert f'"phone number, text: {PHONE}, x"' in text
    # A hostile id with quotes round-trips.
    assert body[-1][1] == '<img src=x onerror="alert(1)">'


def test_csv_multiline_text_is_quoted():
    post = Post(id="p", source="a.csv", text='Mrs. Ann\nLee, "Annie"')
    f = Finding("PHI-NAME", Severity.ERROR, "p", 5, len(post.text), 1, 6, post.text[5:], "name, quoted", "")
    text = render(csv_reporter.render, [Report(post, (f,))])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][9] == 'Ann\nLee, "Annie"'
    assert rows[1][10] == "name, quoted"
    assert len(rows) == 2


def output_sizes_while_reading(render) -> list[int]:
    """How much ``render`` had written when it asked for each report."""
    out = io.StringIO()
    sizes = []

    def stream() -> Iterator[Report]:
        for report in sample_reports():
            sizes.append(len(out.getvalue()))
            yield report

    render(stream(), out, OPTIONS)
    return sizes


def test_csv_writes_as_it_goes():
    sizes = output_sizes_while_reading(csv_reporter.render)
    assert sizes[0] > 0 and sizes[1] > sizes[0]  # header, then post 1's rows, before post 2 is read


# --- masking --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["jsonl", "csv", "sarif", "html"])
def test_mask_hides_phi_everywhere(name):
    output = render(get_reporter(name), sample_reports(), MASKED)
    for phi in (NAME, MRN, PHONE, "014-2230"):
        assert phi not in output, f"{phi!r} leaked into masked {name} output"
    # Unmasked output does contain it (the test would be vacuous otherwise).
    assert NAME in render(get_reporter(name), sample_reports(), OPTIONS)


def test_mask_keeps_shape():
    text = render(csv_reporter.render, sample_reports(), MASKED)
    assert "(***) ***-****" in text


# --- sarif ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_vendored_schema_is_the_sarif_2_1_0_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert "reportingDescriptor" in schema["definitions"]


@pytest.mark.parametrize("options", [OPTIONS, MASKED], ids=["plain", "masked"])
def test_sarif_validates(sarif_validator, options):
    log = json.loads(render(sarif_reporter.render, sample_reports(), options))
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])


def test_sarif_empty_run_validates(sarif_validator):
    log = json.loads(render(sarif_reporter.render, [Report(Post("p", "clean", "a.txt"))]))
    assert not list(sarif_validator.iter_errors(log))
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_document_shape():
    log = json.loads(render(sarif_reporter.render, sample_reports()))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "hipaalint"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"] == "https://github.com/hipaalint/hipaalint"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert sorted(rule_ids) == ["PHI-COMBO", "PHI-MRN", "PHI-NAME", "PHI-PHONE", "PHI-ROOM"]  # each once
    name_rule = driver["rules"][rule_ids.index("PHI-NAME")]
    assert name_rule["name"] == "Patient name"
    assert name_rule["shortDescription"]["text"] == "Patient name"
    assert name_rule["fullDescription"]["text"] == RULES["PHI-NAME"].rationale
    assert name_rule["help"]["text"] == RULES["PHI-NAME"].hint
    assert name_rule["defaultConfiguration"]["level"] == "error"
    # Unknown to options.rules: falls back to the id and the finding's severity.
    room_rule = driver["rules"][rule_ids.index("PHI-ROOM")]
    assert room_rule["shortDescription"]["text"] == "PHI-ROOM"
    assert room_rule["defaultConfiguration"]["level"] == "warning"

    results = log["runs"][0]["results"]
    assert len(results) == 6
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"PHI-ROOM": "warning", "PHI-NAME": "error", "PHI-MRN": "error", "PHI-COMBO": "note",
                      "PHI-PHONE": "error"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"drafts/week1.txt", "drafts/%3Cevil%3E.txt"}


def test_sarif_regions_for_multiline_post():
    reports = sample_reports()
    post = reports[0].post
    results = json.loads(render(sarif_reporter.render, reports[:1]))["runs"][0]["results"]
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in results}
    # Post starts on line 3 of its source; "Mrs. Henderson" is on the post's second line.
    assert regions["PHI-ROOM"] == {"startLine": 3, "startColumn": 22, "endLine": 3, "endColumn": 25,
                                   "charOffset": post.text.index(ROOM), "charLength": 3}
    assert regions["PHI-NAME"] == {"startLine": 4, "startColumn": 6, "endLine": 4, "endColumn": 15,
                                   "charOffset": post.text.index(NAME), "charLength": len(NAME)}
    assert regions["PHI-PHONE"]["startLine"] == 5
    assert regions["PHI-PHONE"]["startColumn"] == 6
    assert regions["PHI-PHONE"]["endColumn"] == 6 + len(PHONE)
    # Every region points at exactly the matched text.
    lines = ["", "", ""] + post.text.split("\n")  # index = source line number
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] == region["endLine"]:
            line = lines[region["startLine"]]
            matched = line[region["startColumn"] - 1 : region["endColumn"] - 1]
            assert matched == post.text[region["charOffset"] : region["charOffset"] + region["charLength"]]


def test_sarif_region_across_lines():
    post = Post("p", "Patient: Ann\nLee went home", "a.txt", line=10)
    f = Finding("PHI-NAME", Severity.ERROR, "p", 9, 16, 10, 10, "Ann\nLee", "name", "")
    region = json.loads(render(sarif_reporter.render, [Report(post, (f,))]))["runs"][0]["results"][0][
        "locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10, "startColumn": 10, "endLine": 11, "endColumn": 4, "charOffset": 9,
                      "charLength": 7}


def test_sarif_fingerprints_are_stable_hashes_without_phi():
    a = json.loads(render(sarif_reporter.render, sample_reports()))["runs"][0]["results"]
    b = json.loads(render(sarif_reporter.render, sample_reports(), MASKED))["runs"][0]["results"]
    fa = [r["partialFingerprints"] for r in a]
    assert fa == [r["partialFingerprints"] for r in b]  # masking does not change identity
    for fp in fa:
        (value,) = fp.values()
        assert re.fullmatch(r"[0-9a-f]{64}", value)
    assert len({tuple(fp.values()) for fp in fa}) == len(fa)
    # Normalised: case and spacing of the match do not matter; rule and source do.
    assert sarif_reporter.fingerprint("R", "Ann  LEE", "s") == sarif_reporter.fingerprint("R", "ann lee", "s")
    assert sarif_reporter.fingerprint("R", "ann", "s") != sarif_reporter.fingerprint("Q", "ann", "s")
    assert sarif_reporter.fingerprint("R", "ann", "s") != sarif_reporter.fingerprint("R", "ann", "t")


def test_sarif_streams_results():
    sizes = output_sizes_while_reading(sarif_reporter.render)
    assert sizes[1] > sizes[0]  # post 1's results were written before post 2 was read


# --- html -----------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Collects the real tags and their attributes (escaped text is not a tag)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained():
    page = render(html_reporter.render, sample_reports())
    assert page.startswith("<!DOCTYPE html>")
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in tags
    assert {tag for tag, _ in tags} <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "dl", "div", "dt",
        "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "code", "span", "a", "label", "select",
        "option", "main", "section", "mark", "footer", "script", "wbr",
    }
    for tag, attrs in tags:
        for name in ("src", "href", "action", "srcset", "poster", "data", "formaction"):
            if name in attrs:
                assert (attrs[name] or "").startswith("#"), f"<{tag} {name}={attrs[name]!r}> leaves the page"
    assert not re.search(r"https?://", page)  # no inputs contain URLs, so none may appear
    assert "@import" not in page and "url(" not in page
    assert "<link" not in page and "<iframe" not in page and "<img" not in page
    assert page.count("<script>") == 1  # only ours


def test_html_escapes_untrusted_text():
    page = render(html_reporter.render, sample_reports())
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(&#x27;pwn&#x27;)&lt;/script&gt;" in page
    assert '<img src=x onerror="alert(1)">' not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "drafts/&lt;evil&gt;.txt" in page
    assert "thanks &amp; bye" in page


def test_html_summary_table_and_filters():
    page = render(html_reporter.render, sample_reports())
    assert re.search(r"<dt>Posts</dt><dd>3</dd>", page)
    assert re.search(r"<dt>Posts with findings</dt><dd>2</dd>", page)
    assert re.search(r"<dt>Findings</dt><dd>6</dd>", page)
    assert re.search(r"<dt>Error</dt><dd>4</dd>", page)
    assert re.search(r"<dt>Warning</dt><dd>1</dd>", page)
    assert re.search(r"<dt>Info</dt><dd>1</dd>", page)
    assert '<label for="filter-rule">' in page and '<select id="filter-rule">' in page
    assert '<label for="filter-severity">' in page and '<select id="filter-severity">' in page
    assert page.count('<th scope="col"') >= 7 + 3  # findings table + by-rule table
    assert page.count('<th scope="row">') == 5
    assert page.count('<tr data-rule="') == 6
    assert '<tr data-rule="PHI-ROOM" data-severity="warning" role="row">' in page
    assert "Redacted rewrite" in page and "Mrs. [NAME] (MRN [MRN])" in page


def test_html_marks_findings_and_splits_overlaps():
    page = render(html_reporter.render, sample_reports())
    assert f'<mark class="sev-warning" title="PHI-ROOM: room number {ROOM} identifies a patient">{ROOM}</mark>' in page
    # The name is covered by PHI-NAME (error) and PHI-COMBO (info): the error wins, both are listed.
    assert (f'<mark class="sev-error overlap" title="PHI-NAME: patient name &#x27;{NAME}&#x27;\n'
            f'PHI-COMBO: name with record number">{NAME}</mark>') in page
    # The text between name and MRN is covered by the combo finding only.
    assert '<mark class="sev-info" title="PHI-COMBO: name with record number"> (MRN </mark>' in page
    assert '<mark class="sev-error overlap" title="PHI-MRN: medical record number\n' in page
    # Segments re-assemble into the escaped post text.
    first_post = page.split('id="post-1"')[1].split("</section>")[0]
    body = first_post.split('<div class="post-text">')[1].split("</div>")[0]
    plain = re.sub(r"<[^>]+>", "", body)
    import html as std_html
    assert std_html.unescape(plain) == sample_reports()[0].post.text


def test_html_masked_marks():
    page = render(html_reporter.render, sample_reports(), MASKED)
    assert '<mark class="sev-error overlap" title="PHI-NAME: patient name &#x27;*********&#x27;' in page
    assert "matched text masked" in page


def test_html_no_findings():
    page = render(html_reporter.render, [Report(Post("p", "clean", "a.txt"))])
    assert "No findings in 1 post." in page
    assert "<table" not in page.split("</header>")[1]


def test_html_csp_hashes_match_inline_blocks():
    import base64
    import hashlib

    page = render(html_reporter.render, sample_reports())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    for tag in ("style", "script"):
        block = re.search(rf"<{tag}>(.*?)</{tag}>", page, flags=re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"sha256-{digest}" in csp
    assert "default-src &#x27;none&#x27;" in csp


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_html_renders_in_headless_chromium(tmp_path):
    if not CHROMIUM.exists() or not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium to run this check)")
    page = tmp_path / "report.html"
    page.write_text(render(html_reporter.render, sample_reports()), encoding="utf-8")
    shot = tmp_path / "shot.png"
    proc = _chromium(["--screenshot=" + str(shot), "--window-size=1200,900", page.as_uri()], tmp_path / "p1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000

    # The inline script ran (CSP allowed it) and the filters work: preset by the URL fragment.
    dom = _chromium(["--dump-dom", page.as_uri()], tmp_path / "p2").stdout
    assert "Showing 6 of 6 findings" in dom
    dom = _chromium(["--dump-dom", page.as_uri() + "#severity=error"], tmp_path / "p3").stdout
    assert "Showing 4 of 6 findings" in dom
    assert len(re.findall(r'<tr data-rule="[^"]*" data-severity="(?:warning|info)"[^>]*\bhidden', dom)) == 2
    dom = _chromium(["--dump-dom", page.as_uri() + "#rule=PHI-ROOM"], tmp_path / "p4").stdout
    assert "Showing 1 of 6 findings" in dom
    assert "<img" not in dom  # the hostile post id stayed text
    target = os.environ.get("HIPAALINT_SCREENSHOT")  # keep a copy for a human to look at
    if target:
        shutil.copyfile(shot, target)
