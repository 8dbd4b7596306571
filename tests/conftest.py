"""Shared fixtures: ONE real engine for the whole session (loading spaCy is the slow part)."""

from __future__ import annotations

import pytest

from hipaalint.config import Config
from hipaalint.detect.engine import PhiEngine
from hipaalint.linter import Linter


@pytest.fixture(scope="session")
def engine() -> PhiEngine:
    return PhiEngine()


@pytest.fixture(scope="session")
def linter(engine: PhiEngine) -> Linter:
    return Linter(Config(), engine=engine)


@pytest.fixture(scope="session")
def rules_hit(linter: Linter):
    """``rules_hit("text") == {"PHI-NAME"}``: the rule ids a text raises."""

    def hit(text: str) -> set[str]:
        return {f.rule_id for f in linter.lint_text(text).findings}

    return hit
