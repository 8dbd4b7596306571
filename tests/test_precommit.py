"""The real pre-commit, in a throwaway Git repo, blocks a leaking commit and lets a clean one through."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


def _run(args, cwd, env, check=True):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=check)


@pytest.fixture
def git_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "comms"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Comms", "GIT_AUTHOR_EMAIL": "comms@example.org",
        "GIT_COMMITTER_NAME": "Comms", "GIT_COMMITTER_EMAIL": "comms@example.org",
    }
    _run(["git", "init", "-q", "-b", "main"], repo, env)
    # A local hook running this checkout's hipaalint, with the published hook's entry and file types.
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: hipaalint\n"
        "        name: hipaalint\n"
        f"        entry: {sys.executable} -m hipaalint check\n"
        "        language: system\n"
        "        types_or: [markdown, plain-text, rst, html, yaml, json]\n"
    )
    _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    _run(["git", "commit", "-q", "-m", "config"], repo, env)
    return repo, env


def test_manifest_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(REPO_ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_leaking_commit_blocked_clean_commit_passes(git_repo):
    repo, env = git_repo
    (repo / "leak.md").write_text("So proud of Mrs. Henderson, MRN 00482913, who walked today!\n")
    _run(["git", "add", "leak.md"], repo, env)
    blocked = _run(["git", "commit", "-m", "leak"], repo, env, check=False)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "leak.md:1:" in output and "PHI-MRN" in output and "PHI-NAME" in output

    _run(["git", "reset", "-q", "leak.md"], repo, env)
    (repo / "flu.md").write_text("Flu shots are free for everyone this Saturday. Bring a friend!\n")
    _run(["git", "add", "flu.md"], repo, env)
    passed = _run(["git", "commit", "-m", "flu"], repo, env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
