"""Every example of every rule pack is a test: bad examples raise the rule, good ones don't."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipaalint.rulepack import builtin_pack_paths, load_pack

FIXTURE_PACKS = sorted((Path(__file__).parent / "rules").glob("*.yaml"))


def _cases():
    for path in [*builtin_pack_paths(), *FIXTURE_PACKS]:
        for rule in load_pack(path).rules:
            for i, text in enumerate(rule.spec.examples.bad):
                yield pytest.param(rule.id, text, True, path, id=f"{rule.id}-bad{i}")
            for i, text in enumerate(rule.spec.examples.good):
                yield pytest.param(rule.id, text, False, path, id=f"{rule.id}-good{i}")


@pytest.mark.parametrize("rule_id, text, should_fire, pack", list(_cases()))
def test_rule_example(engine, rule_id, text, should_fire, pack):
    from hipaalint.config import Config
    from hipaalint.linter import Linter

    if pack not in _linters:
        extra = (str(pack),) if pack in FIXTURE_PACKS else ()
        _linters[pack] = Linter(Config(rules=extra), engine=engine)
    linter = _linters[pack]
    fired = {f.rule_id for f in linter.lint_text(text).findings}
    assert (rule_id in fired) == should_fire, f"{rule_id} {'missed' if should_fire else 'fired on'}: {text!r} -> {sorted(fired)}"


_linters: dict = {}
