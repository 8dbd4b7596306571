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


@pytest.fixture(scope="session")
def linted_spans(linter: Linter):
    """``linted_spans("text")``: the (entity, text) of the linter's entity findings, read off the
    post's own offsets; with ``flagging=True`` only the warnings and errors."""

    def run(text: str, flagging: bool = False) -> set[tuple[str, str]]:
        findings = linter.lint_text(text).findings
        return {(f.entity, text[f.start : f.end]) for f in findings if f.entity and (f.flags or not flagging)}

    return run


@pytest.fixture(scope="session")
def detected(engine: PhiEngine):
    """``detected("text")``: the (entity, matched text) pairs the engine finds."""

    def run(text: str) -> set[tuple[str, str]]:
        return {(d.entity, text[d.start : d.end]) for d in engine.analyze(text).detections}

    return run


@pytest.fixture
def cli_engine(engine: PhiEngine, monkeypatch: pytest.MonkeyPatch) -> PhiEngine:
    """CLI runs in this process reuse the session's engine instead of loading spaCy per
    test (a different ``--model`` still loads for real)."""
    import hipaalint.linter as linter_module

    real = linter_module.PhiEngine

    def cached(model: str = engine.model, **kwargs):
        return engine if model == engine.model else real(model, **kwargs)

    monkeypatch.setattr(linter_module, "PhiEngine", cached)
    return engine


@pytest.fixture(scope="session")
def corpus_texts() -> list[str]:
    """Every dev-corpus post, the examples and every rule-pack example."""
    import json
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent
    texts = [json.loads(line)["text"] for line in (root / "benchmarks/data/dev.jsonl").open(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    for pack in sorted((root / "rules").glob("*.yaml")):
        for rule in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]:
            texts += rule["examples"]["bad"] + rule["examples"]["good"]
    return texts


# How many texts the fast-path comparisons read: the suite's time no longer grows with the corpus.
SAMPLE_SIZE = 6000


@pytest.fixture(scope="session")
def sample_texts(corpus_texts: list[str]) -> list[str]:
    """Realistic texts to compare a fast path with the slow one it replaces: a fixed random
    sample of ``corpus_texts`` (every writer's posts are in it), in corpus order."""
    import random

    if len(corpus_texts) <= SAMPLE_SIZE:
        return corpus_texts
    keep = sorted(random.Random(0).sample(range(len(corpus_texts)), SAMPLE_SIZE))
    return [corpus_texts[i] for i in keep]


@pytest.fixture(scope="session")
def dev_training_run():
    """The training scripts of the learned models (``modules.context``, ``.words``,
    ``.findings``), the dev records and the rules' run over them that the words and
    finding-scores models learn from (made once: it takes most of a minute)."""
    import sys
    from pathlib import Path
    from types import SimpleNamespace

    benchmarks = str(Path(__file__).resolve().parent.parent / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        import train_finding_scores
        import train_patient_context
        import train_patient_words
    finally:
        sys.path.remove(benchmarks)
    modules = SimpleNamespace(context=train_patient_context, words=train_patient_words, findings=train_finding_scores)
    records = train_patient_context.dev_as_read()
    run = train_finding_scores.reported(records, train_patient_context.out_of_fold_scores(records))
    return modules, records, run
