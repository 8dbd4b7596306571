"""The linter: posts in, Reports out. Holds the engine and the compiled rules, built once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from hipaalint.allowlist import CompiledAllowlist
from hipaalint.config import Config
from hipaalint.conditions import FindingScorer, PatientContextScorer, PatientWordsScorer
from hipaalint.detect.engine import PhiEngine
from hipaalint.detect.finding_scores import FindingScoresModel
from hipaalint.detect.patient_context import PatientContextModel
from hipaalint.detect.patient_words import PatientWordsModel
from hipaalint.detect.script_breaks import Spaced, original_finding, spaced
from hipaalint.models import Detection, Post, Report
from hipaalint.rewrite import Rewrite, rewrite
from hipaalint.rulepack import Rule, configured_rules, evaluate
from hipaalint.suppression import unsuppressed


class Linter:
    def __init__(
        self,
        config: Config | None = None,
        engine: PhiEngine | None = None,
        rules: list[Rule] | None = None,
        patient_context: PatientContextScorer | None = None,
        patient_words: PatientWordsScorer | None = None,
        finding_scores: FindingScorer | None = None,
    ) -> None:
        self.config = config or Config()
        self.patient_context = patient_context or PatientContextModel.load()
        self.patient_words = patient_words or PatientWordsModel.load()
        self.finding_scores = finding_scores or FindingScoresModel.load()
        self.rules = rules if rules is not None else configured_rules(self.config)
        self.allowlist = CompiledAllowlist.build(self.config.allowlist)
        self.sentences = {r.id: r.spec.fix.sentence for r in self.rules if r.spec.fix.sentence}
        self.rewrite_only = frozenset(r.id for r in self.rules if r.spec.rewrite_only)
        self.engine = engine or PhiEngine(self.config.model)
        from presidio_anonymizer import AnonymizerEngine

        self.anonymizer = AnonymizerEngine()

    def _kept(self, detections: Iterable[Detection]) -> list[Detection]:
        return [d for d in detections if d.score >= self.config.min_score]

    def lint_posts(self, posts: Iterable[Post]) -> Iterator[Report]:
        """Reports in input order; detection runs in batches."""
        for analysis, (post, copy) in self.engine.analyze_batch(self._read_as(p) for p in posts):
            findings = evaluate(
                self.rules, dataclasses.replace(post, text=copy.text) if copy else post, analysis.doc,
                self._kept(analysis.detections), self.patient_context, self.patient_words, self.finding_scores,
            )
            if copy:
                findings = [original_finding(post, copy, f) for f in findings]
            findings = unsuppressed(post.text, self.allowlist.filter(findings), self.config.strict_suppress)
            redacted = self.rewrite(post.text, findings).text if findings else post.text
            yield Report(post=post, findings=findings, redacted=redacted)

    @staticmethod
    def _read_as(post: Post) -> tuple[str, tuple[Post, Spaced | None]]:
        """The text detection and the rules read (a copy with word breaks where CJK meets Latin), and the post."""
        copy = spaced(post.text)
        return (copy.text if copy else post.text), (post, copy)

    def rewrite(self, text: str, findings, style: str | None = None) -> Rewrite:
        """The redacted rewrite of a post in ``style`` (default: the configured style)."""
        return rewrite(
            text, findings, style or self.config.rewrite_style, self.sentences, self.anonymizer, self.rewrite_only
        )

    def lint_text(self, text: str, source: str = "<text>") -> Report:
        return next(self.lint_posts([Post(id=source, text=text, source=source)]))
