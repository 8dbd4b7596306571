"""Train the finding-scores model that ships as ``hipaalint/detect/finding_scores.json``.

    python benchmarks/train_finding_scores.py          # train on dev.jsonl, write the shipped model (~90 s)
    python benchmarks/train_finding_scores.py --cv     # leave one writer group out: figures by threshold
    python benchmarks/train_finding_scores.py --check  # exit 1 if the shipped model is not what training gives

The model (``hipaalint.detect.finding_scores``) scores the findings the rules with
``relax_doubtful`` (PHI-NAME, PHI-GEO, PHI-DATE, ...) report at ``warning`` or above; a post
reported for such findings alone, all scored below their rules' numbers, gets them at
``info``. It is trained on every such finding on dev: hipaalint runs over the dev posts
without the patient-words model and without lowering any finding, and every finding
reported is an example, positive when a gold span overlaps it. The post score among its
features is each post's out-of-fold patient-context score (as in
``train_patient_words.py``); at run time the shipped patient-context model gives it.

The recipe: features seen in at least ``MIN_COUNT`` examples, L2 penalty ``L2``, ``STEPS``
steps of full-batch gradient descent from zero at rate ``RATE``. Nothing is random. The
model depends on the rule packs through its examples: retrain after a rule change that
changes what those rules report on dev (``--check`` tells).

``--cv`` holds out one writer group at a time: a model trained on the other groups scores
the group's findings. It prints the out-of-fold AUC per rule, what lowering the posts whose
findings all score below each threshold would do to dev's figures, and then
``quality.py``'s figures of hipaalint with the out-of-fold patient-context and
finding-scores models in place (without the patient-words model).

Dev only: nothing here reads the holdout.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402
import train_patient_context as patient_context  # noqa: E402

from hipaalint.detect.finding_scores import FORMAT, MODEL_PATH, FindingScoresModel, features  # noqa: E402
from hipaalint.models import Detection, Finding  # noqa: E402

MIN_COUNT = 2
L2 = 1.0
STEPS = 1500
RATE = 4.0
CV_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)


@dataclass(frozen=True)
class Example:
    post: int  # index into the records
    finding: Finding
    features: frozenset[str]
    gold: bool
    relaxable: bool  # the rules asked about its post: it is reported only for such findings (and ``when`` matches)


class _Asked:
    """A stand-in finding-scores model that lowers nothing and notes the posts it was asked
    about (the ones the rules would lower, given low enough scores)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def probability(self, text: str, finding: Finding, detections: Sequence[Detection], post_score: float) -> float:
        self.texts.append(text)
        return 1.0


@dataclass(frozen=True)
class Reported:
    """What the rules report on the dev posts without the patient-words model and without
    lowering any finding (``train_patient_words.py`` learns from the same run)."""

    examples: list[Example]  # the findings of rules with ``relax_doubtful``
    findings: list[list[Finding]]  # per post: its warning and error findings
    detections: list[Sequence[Detection]]  # per post
    post_scores: dict[str, float]  # the out-of-fold patient-context scores the run used, by text


def reported(records: Sequence[quality.Record], post_scores: dict[str, float]) -> Reported:
    from hipaalint.linter import Linter
    from hipaalint.models import Post
    from hipaalint.rulepack import evaluate

    asked = _Asked()
    linter = Linter(patient_context=patient_context.Lookup(post_scores), patient_words=patient_context.NoWordScores(), finding_scores=asked)
    relaxed = {r.id for r in linter.rules if r.spec.relax_doubtful is not None}
    posts = [Post(id=r.id, text=r.text, source="corpus") for r in records]
    examples, flagging, detections = [], [], []
    analyses = linter.engine.analyze_batch((p.text, p) for p in posts)
    for k, ((analysis, post), rec) in enumerate(zip(analyses, records)):
        asked.texts.clear()
        found = evaluate(linter.rules, post, analysis.doc, analysis.detections, linter.patient_context, linter.patient_words, asked)
        flagging.append([f for f in found if str(f.severity) in quality.FLAG_SEVERITIES])
        detections.append(analysis.detections)
        for f in flagging[-1]:
            if f.rule_id in relaxed:
                gold = any(s < f.end and f.start < e for s, e, _ in rec.spans)
                feats = features(rec.text, f, analysis.detections, post_scores[rec.text])
                examples.append(Example(k, f, feats, gold, bool(asked.texts)))
    return Reported(examples, flagging, detections, post_scores)


def fit(examples: Sequence[Example]) -> FindingScoresModel:
    feature_sets = [ex.features for ex in examples]
    labels = [ex.gold for ex in examples]
    return FindingScoresModel(*patient_context.logistic_regression(feature_sets, labels, MIN_COUNT, L2, STEPS, RATE))


def model_json(model: FindingScoresModel, records: Sequence[quality.Record]) -> str:
    digest = hashlib.sha256("\n".join(f"{r.id}\t{r.text}\t{sorted(r.spans)}" for r in records).encode()).hexdigest()
    recipe = {"min_count": MIN_COUNT, "l2": L2, "steps": STEPS, "rate": RATE}
    return patient_context.model_document(FORMAT, len(records), digest, recipe, model.weights, model.bias)


def train(records: Sequence[quality.Record], run: Reported | None = None) -> str:
    """The model file trained on ``records`` (``run``: the rules' run over them, if made already)."""
    run = run or reported(records, patient_context.out_of_fold_scores(records))
    return model_json(fit(run.examples), records)


def threshold_table(records: Sequence[quality.Record], rep: Reported, probs: np.ndarray) -> None:
    """Dev's token recall and precision, post recall and clean posts flagged when the posts
    whose findings all score below each threshold are no longer reported."""
    gold = [quality.covered_tokens(r.text, ((s, e) for s, e, _ in r.spans)) for r in records]
    reported_tokens = [
        quality.covered_tokens(r.text, ((f.start, f.end) for f in found if f.entity and f.end > f.start))
        for r, found in zip(records, rep.findings)
    ]
    tp_by_post = [sum(g and c for g, c in zip(gs, cs)) for gs, cs in zip(gold, reported_tokens)]
    n_gold = sum(map(sum, gold))
    violating = sum(r.violation for r in records)
    best: dict[int, float] = {}  # per post with examples: its findings' highest probability
    for ex, p in zip(rep.examples, probs):
        if ex.relaxable:
            best[ex.post] = max(best.get(ex.post, 0.0), p)
    print("threshold: posts lowered (violating / clean), findings (PHI / not) -> recall / precision / post recall / clean flagged")
    for t in (None, *CV_THRESHOLDS):
        lowered = {k for k, p in best.items() if t is not None and p < t}
        lowered_findings = [ex for ex in rep.examples if ex.post in lowered]
        kept = [k for k in range(len(records)) if k not in lowered]
        tp = sum(tp_by_post[k] for k in kept)
        pred = sum(sum(reported_tokens[k]) for k in kept)
        flagged_violating = sum(bool(rep.findings[k]) and records[k].violation for k in kept)
        flagged_clean = sum(bool(rep.findings[k]) and not records[k].violation for k in kept)
        n_violating = sum(records[k].violation for k in lowered)
        print(
            f"  {'none' if t is None else t}: {n_violating} / {len(lowered) - n_violating}, "
            f"{sum(ex.gold for ex in lowered_findings)} / {sum(not ex.gold for ex in lowered_findings)} -> {tp / n_gold:.4f} / "
            f"{tp / pred:.4f} / {flagged_violating / violating:.4f} / "
            f"{100 * flagged_clean / (len(records) - violating):.2f} %"
        )


def out_of_fold_models(records: Sequence[quality.Record], rep: Reported) -> tuple[dict[str, FindingScoresModel], np.ndarray]:
    """Each writer group's model (trained on the others) and every example's out-of-fold probability."""
    models, probs = {}, np.zeros(len(rep.examples))
    for group, members in patient_context.folds(records):
        held = set(members)
        models[group] = fit([ex for ex in rep.examples if ex.post not in held])
        for i, ex in enumerate(rep.examples):
            if ex.post in held:
                probs[i] = models[group].probability_of(ex.features)
    return models, probs


def cross_validate(records: Sequence[quality.Record]) -> None:
    scores = patient_context.out_of_fold_scores(records)
    rep = reported(records, scores)
    models, probs = out_of_fold_models(records, rep)
    labels = np.array([ex.gold for ex in rep.examples])
    print(f"{len(rep.examples)} findings reported on dev, {labels.sum()} of them PHI; AUC out of fold {patient_context.auc(probs, labels):.3f}")
    rules = np.array([ex.finding.rule_id for ex in rep.examples])
    for rule in dict.fromkeys(rules):
        of = rules == rule
        print(f"  {rule}: {of.sum()}, {labels[of].sum()} PHI, AUC {patient_context.auc(probs[of], labels[of]):.3f}")
    threshold_table(records, rep, probs)
    print("dev, recall / precision / post recall / clean flagged / leak, both models out of fold (no patient-words model):")
    system, lookup = quality.Hipaalint(), patient_context.Lookup(scores)
    preds = patient_context.predict_by_fold(system, records, lambda group: dict(scorer=lookup, findings=models[group]))
    print(f"  with the packs' threshold: {patient_context.overall(quality.evaluate(records, preds))}")


def main(argv: Sequence[str] | None = None) -> int:
    return patient_context.run(argv, __doc__.split("\n\n")[0], MODEL_PATH, train, cross_validate)


if __name__ == "__main__":
    raise SystemExit(main())
