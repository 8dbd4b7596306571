"""The CLI end to end: exit codes, formats, input errors, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app

EXAMPLES = Path(__file__).parent.parent / "examples"
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("cli_engine")


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_violating_example_exits_1_and_lists_identifiers():
    result = run("check", str(EXAMPLES / "identifiers.txt"))
    assert result.exit_code == 1
    for rule in ("PHI-NAME", "PHI-MRN", "PHI-DATE", "PHI-PHONE", "PHI-EMAIL"):
        assert rule in result.output
    assert "identifiers.txt:" in result.output


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("clean-*")), ids=lambda p: p.name)
def test_clean_example_exits_0_and_is_quiet(path):
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_text_option_and_line_column():
    result = run("check", "--text", "Visit today.\nMRN 00482913 is ready")
    assert result.exit_code == 1
    assert "<text>:2:5: PHI-MRN error" in result.output


def test_stdin_json_matches_schema():
    result = run("check", "-", "--format", "json", input="Hi Maria, your MRN 00482913 results are in.")
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert set(doc) == {"tool", "version", "results", "summary"}
    assert doc["tool"] == "hipaalint"
    (res,) = doc["results"]
    assert set(res) == {"source", "id", "findings", "redacted"}
    assert res["source"] == "<stdin>"
    finding_keys = {"rule", "severity", "entity", "start", "end", "line", "column", "text", "message", "score"}
    assert all(set(f) == finding_keys for f in res["findings"])
    text = "Hi Maria, your MRN 00482913 results are in."
    assert {(f["rule"], text[f["start"] : f["end"]]) for f in res["findings"]} >= {
        ("PHI-NAME", "Maria"),
        ("PHI-MRN", "00482913"),
    }
    assert doc["summary"]["posts"] == 1
    assert doc["summary"]["findings"] == len(res["findings"])


def test_fail_on_error_ignores_warnings():
    text = "Please support the family: gofundme.com/f/help-baby-liam-fund"
    assert run("check", "--select", "PHI-URL", "--text", text).exit_code == 1
    assert run("check", "--select", "PHI-URL", "--fail-on", "error", "--text", text).exit_code == 0


def test_select_and_ignore():
    text = "Hi Maria, your MRN 00482913 results are in."
    only_mrn = run("check", "--select", "PHI-MRN", "--format", "json", "--text", text)
    assert {f["rule"] for f in json.loads(only_mrn.output)["results"][0]["findings"]} == {"PHI-MRN"}
    no_phi = run("check", "--ignore", "PHI", "--format", "json", "--text", text)
    assert not any(f["rule"].startswith("PHI-") for f in json.loads(no_phi.output)["results"][0]["findings"])


def test_mask_hides_matched_text():
    result = run("check", "--mask", "--format", "json", "--text", "MRN 00482913 is back")
    assert "00482913" not in result.output
    assert "********" in result.output


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "bin.txt", b"\xff\xfe\x00\x01\x02"), "bin.txt"),
        (lambda d: _write(d / "latin1.txt", "café".encode("latin-1")), "latin1.txt:1: invalid UTF-8"),
        (lambda d: _write(d / "empty.txt", b"  \n"), "empty.txt: empty draft"),
    ],
)
def test_bad_input_is_one_line_error_exit_2(tmp_path, setup, message):
    path = setup(tmp_path)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_unknown_format_and_rule_are_usage_errors():
    assert run("check", "--format", "yaml", "--text", "hello there").exit_code == 2
    result = run("check", "--select", "NOPE-RULE", "--text", "hello there")
    assert result.exit_code == 2 and "unknown rule" in result.output


def test_output_file_written(tmp_path):
    out = tmp_path / "report.json"
    result = run("check", "--format", "json", "--output", str(out), "--text", "MRN 00482913")
    assert result.exit_code == 1
    assert json.loads(out.read_text())["summary"]["findings"] >= 1


def test_rules_list_and_show():
    listed = run("rules", "list")
    assert listed.exit_code == 0
    assert "PHI-NAME" in listed.output and "safe-harbor" in listed.output
    shown = run("rules", "show", "PHI-MRN")
    assert shown.exit_code == 0 and "rationale" in shown.output and "MRN 00482913" in shown.output
    assert run("rules", "show", "NOPE-X").exit_code == 2


def test_help_and_version_do_not_load_spacy():
    code = (
        "import sys; from typer.testing import CliRunner; from hipaalint.cli import app;"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output;"
        "r = CliRunner().invoke(app, ['--version']); assert 'hipaalint' in r.output;"
        "r = CliRunner().invoke(app, ['rules', 'list']); assert r.exit_code == 0, r.output;"
        "assert 'spacy' not in sys.modules and 'presidio_analyzer' not in sys.modules, 'heavy import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.slow
def test_python_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "hipaalint", "check", "--text", "our 94-year-old in bed 12 walked today!"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "PHI-AGE" in result.stdout and "PHI-ROOM" in result.stdout


@pytest.mark.parametrize("model", ["rich", "no_such_model_xyz", "en_core_web_md"])
def test_bad_model_is_one_line_error(model):
    result = subprocess.run(
        [sys.executable, "-m", "hipaalint", "check", "--model", model, "--text", "hello there"],
        capture_output=True, text=True,
    )
    if model == "en_core_web_md" and result.returncode != 2:
        pytest.skip("the md model is installed here")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "hipaalint never downloads" in result.stderr or "cannot load" in result.stderr


def test_user_pack_with_rules_option(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text((Path(__file__).parent / "rules" / "clinic-campaign.yaml").read_text())
    result = run("check", "--rules", str(pack), "--format", "json", "--text", "Maria had tooth #14 pulled on March 3.")
    rules = {f["rule"]: f["text"] for f in json.loads(result.output)["results"][0]["findings"]}
    assert rules["HOUSE-TOOTH-NUMBER"] == "14"
    listed = run("rules", "list", "--rules", str(pack))
    assert "HOUSE-TOOTH-NUMBER" in listed.output and "clinic-campaign" in listed.output
