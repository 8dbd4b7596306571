"""``check --fix`` / ``--diff`` / ``--rewrite-style`` through the CLI, on real files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app

EXAMPLES = Path(__file__).parent.parent / "examples"
runner = CliRunner()
LEAK = "Congrats to Mrs. Henderson, MRN 00482913, who walked out of bed 12 today!\n"


pytestmark = pytest.mark.usefixtures("cli_engine")


def check(*args: str, input: str | None = None):
    return runner.invoke(app, ["check", *args], input=input)


@pytest.mark.parametrize("style", ["tag", "mask", "generalize"])
def test_fix_rewrites_file_atomically_and_is_idempotent(tmp_path, style):
    draft = tmp_path / "post.md"
    draft.write_text(LEAK)
    draft.chmod(0o640)
    first = check("--fix", "--rewrite-style", style, str(draft))
    fixed = draft.read_text()
    assert "Henderson" not in fixed and "00482913" not in fixed
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]  # no temp file left behind
    assert "fixed 1 file" in first.stderr
    second = check("--fix", "--rewrite-style", style, str(draft))
    assert draft.read_text() == fixed
    assert "fixed" not in second.stderr
    # what is left to fix by hand is reported the same both times: rewritten in any style
    # the post still reads like a patient's story ("Congrats to a patient who walked out
    # today!" scores over 0.7), so SOC-PATIENT-CONTEXT warns
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert second.exit_code == 1 and "SOC-PATIENT-CONTEXT" in second.stdout, second.output
    assert "PHI-" not in second.stdout


def test_diff_shows_change_and_leaves_file(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text(LEAK)
    result = check("--diff", str(draft))
    assert result.exit_code == 1
    assert f"--- a/{draft}" in result.output and "+Congrats to Mrs. [PATIENT], MRN [MRN]" in result.output
    assert draft.read_text() == LEAK
    clean = tmp_path / "clean.md"
    clean.write_text("Flu shots are free this week.\n")
    assert check("--diff", str(clean)).exit_code == 0


def test_fix_on_stdin_prints_rewrite():
    result = check("--fix", "--rewrite-style", "generalize", "-", input="Happy birthday to Mrs. Delgado, MRN 00482913!")
    assert result.stdout == "Happy birthday to a patient!"
    assert result.exit_code == 0


def test_fix_on_stdin_prints_rewrite_and_what_is_left():
    # the rewrite still reads like a story about one patient: the fallback rule says so
    result = check("--fix", "--rewrite-style", "generalize", "-", input="our 94-year-old in bed 12 walked today!")
    assert result.stdout == "our 90-plus-year-old walked today!"
    assert result.exit_code == 1
    assert "SOC-PATIENT-CONTEXT warning not fixed" in result.stderr


def test_fix_reports_what_it_cannot_fix(tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text((EXAMPLES / "review-reply-root-canal.txt").read_text())
    result = check("--fix", "--format", "json", str(reply))
    assert result.exit_code == 1
    assert "SOC-REVIEW-CONFIRMS-PATIENT" in result.stdout


def test_read_only_file_is_left_intact(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    draft = tmp_path / "post.md"
    draft.write_text(LEAK)
    draft.chmod(0o444)
    result = check("--fix", str(draft))
    assert result.exit_code == 2 and "read-only" in result.output
    assert draft.read_text() == LEAK


def test_file_changed_on_disk_is_not_overwritten(tmp_path, monkeypatch):
    draft = tmp_path / "post.md"
    draft.write_text(LEAK)
    import hipaalint.linter as linter_module

    real_rewrite = linter_module.Linter.rewrite

    def edit_meanwhile(self, text, findings, style=None):
        draft.write_text(LEAK + "a late edit\n")
        return real_rewrite(self, text, findings, style)

    monkeypatch.setattr(linter_module.Linter, "rewrite", edit_meanwhile)
    result = check("--fix", str(draft))
    assert result.exit_code == 2 and "changed on disk" in result.output
    assert draft.read_text() == LEAK + "a late edit\n"


def test_disk_error_keeps_original(tmp_path, monkeypatch):
    draft = tmp_path / "post.md"
    draft.write_text(LEAK)
    import hipaalint.atomic as atomic

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    result = check("--fix", str(draft))
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert draft.read_text() == LEAK
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_unknown_style_is_usage_error():
    result = check("--rewrite-style", "shout", "--text", "hello there")
    assert result.exit_code == 2 and "unknown rewrite style" in result.output
