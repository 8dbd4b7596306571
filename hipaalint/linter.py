"""The linter: posts in, Reports out. Holds the engine and the compiled rules, built once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hipaalint.config import Config
from hipaalint.detect.engine import PhiEngine
from hipaalint.models import Detection, Post, Report
from hipaalint.rulepack import Rule, evaluate, load_rules, select_rules


def rules_for(config: Config) -> list[Rule]:
    """The built-in packs plus the configured ones, selected and re-ranked as configured."""
    rules = load_rules(config.rules)
    select = [*config.select, *config.extend_select] if config.select else list(config.extend_select)
    if config.extend_select and not config.select:
        select = []  # extend-select only adds to the default (all rules)
    return select_rules(rules, select, config.ignore, dict(config.severity))


class Linter:
    def __init__(self, config: Config | None = None, engine: PhiEngine | None = None) -> None:
        self.config = config or Config()
        self.rules = rules_for(self.config)
        self.engine = engine or PhiEngine(self.config.model)

    def _kept(self, detections: Iterable[Detection]) -> list[Detection]:
        return [d for d in detections if d.score >= self.config.min_score]

    def lint_posts(self, posts: Iterable[Post]) -> Iterator[Report]:
        """Reports in input order; detection runs in batches."""
        for analysis, post in self.engine.analyze_batch((p.text, p) for p in posts):
            findings = evaluate(self.rules, post, analysis.doc, self._kept(analysis.detections))
            yield Report(post=post, findings=findings)

    def lint_text(self, text: str, source: str = "<text>") -> Report:
        return next(self.lint_posts([Post(id=source, text=text, source=source)]))
