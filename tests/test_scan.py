"""``hipaalint scan`` end to end on the example exports and on broken inputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app

EXPORTS = Path(__file__).parent.parent / "examples" / "exports"
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("cli_engine")


def scan(*args: str, input: str | None = None):
    return runner.invoke(app, ["scan", "--quiet", *args], input=input)


def jsonl_results(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "path, count",
    [
        ("posts.csv", 12),
        ("posts.jsonl", 10),
        ("twitter/data/tweets.js", 9),
        ("facebook/posts/your_posts_1.json", 8),  # one photo-only entry is skipped
    ],
)
def test_each_export_format(path, count):
    result = scan(str(EXPORTS / path), "--format", "jsonl")
    assert result.exit_code == 1, result.output
    results = jsonl_results(result.stdout)
    assert len(results) == count
    assert all(set(r) == {"source", "id", "findings", "redacted"} for r in results)
    assert any(r["findings"] for r in results) and any(not r["findings"] for r in results)


def test_directory_scan_keeps_input_order_and_ids():
    result = scan(str(EXPORTS), "--format", "jsonl")
    results = jsonl_results(result.stdout)
    assert len(results) == 39
    sources = [r["source"] for r in results]
    assert sources == sorted(sources, key=lambda s: sources.index(s))  # grouped per file
    csv_ids = [r["id"] for r in results if r["source"].endswith("posts.csv")]
    assert csv_ids == [str(i) for i in range(1001, 1013)]


def test_csv_report_one_row_per_finding():
    result = scan(str(EXPORTS / "posts.jsonl"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and set(rows[0]) == {"source", "id", "rule", "severity", "entity", "start", "end", "line", "column", "text", "message"}
    json_count = sum(len(r["findings"]) for r in jsonl_results(scan(str(EXPORTS / "posts.jsonl"), "--format", "jsonl").stdout))
    assert len(rows) == json_count


def test_stdin_jsonl_and_dotted_fields():
    lines = "\n".join(json.dumps({"data": [{"post": t}], "meta": {"id": i}}) for i, t in enumerate(["MRN 00482913 is ready", "Flu shots today!"]))
    result = scan("-", "--text-field", "data.0.post", "--id-field", "meta.id", "--format", "jsonl", input=lines)
    results = jsonl_results(result.stdout)
    assert [r["id"] for r in results] == ["0", "1"]
    assert [f["rule"] for f in results[0]["findings"]] == ["PHI-MRN"] and results[1]["findings"] == []


def test_malformed_input_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "posts.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": broken\n')
    out = tmp_path / "report.json"
    out.write_text("previous report")
    result = scan(str(bad), "--format", "json", "--output", str(out))
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output and "Traceback" not in result.output
    assert out.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_missing_text_column_is_usage_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,words\n1,hello\n")
    result = scan(str(path))
    assert result.exit_code == 2 and "no text column" in result.output


def test_clean_scan_exits_0(tmp_path):
    path = tmp_path / "clean.jsonl"
    path.write_text('{"id": 1, "text": "Flu shots are free this week."}\n')
    assert scan(str(path)).exit_code == 0


def test_sarif_and_mask(tmp_path):
    out = tmp_path / "report.sarif"
    result = scan(str(EXPORTS / "posts.jsonl"), "--format", "sarif", "--mask", "--output", str(out))
    assert result.exit_code == 1
    doc = json.loads(out.read_text())
    assert doc["version"] == "2.1.0" and doc["runs"][0]["results"]
    assert "00482913" not in out.read_text()


def test_summary_goes_to_stderr_and_names_skipped():
    result = runner.invoke(app, ["scan", str(EXPORTS / "facebook"), "--format", "jsonl"])
    assert "posts scanned" in result.stderr
    assert "skipped" in result.stderr and "1730172800" in result.stderr
    assert "posts scanned" not in result.stdout


@pytest.mark.slow
def test_two_jobs_match_one_job(monkeypatch):
    monkeypatch.undo()  # worker processes build their own engines
    one = scan(str(EXPORTS / "posts.csv"), "--format", "jsonl")
    two = scan(str(EXPORTS / "posts.csv"), "--format", "jsonl", "--jobs", "2")
    assert two.exit_code == one.exit_code == 1
    assert jsonl_results(two.stdout) == jsonl_results(one.stdout)
