"""Train the patient-words model that ships as ``hipaalint/detect/patient_words.json``.

    python benchmarks/train_patient_words.py          # train on dev.jsonl, write the shipped model (~45 s)
    python benchmarks/train_patient_words.py --cv     # leave one writer group out: figures by threshold
    python benchmarks/train_patient_words.py --check  # exit 1 if the shipped model is not what training gives

The model (``hipaalint.detect.patient_words``) scores the name-like words and the numbers
of a post (see ``candidates`` there for them and their features): two regressions, fitted
separately and shipped in one file (``fit``). It is trained on what the rule
packs miss: hipaalint runs over the dev posts without it and without lowering any finding
(the run ``train_finding_scores.py`` learns from), and every candidate that no
``error`` or ``warning`` finding covers and no detection contains is an example, positive
when a gold span covers it.
The post score among its features is each post's out-of-fold patient-context score (by
the model trained without the post's writer group), as the rules see it during training;
at run time the shipped patient-context model gives it.

The recipe: features seen in at least ``MIN_COUNT`` examples, L2 penalty ``L2``, ``STEPS``
steps of full-batch gradient descent from zero at rate ``RATE``. Nothing is random, so the
same posts and rules give the same weights. The model depends on the rule packs through
its examples: retrain after a rule change that changes what is reported on dev (``--check``
tells).

``--cv`` holds out one writer group at a time (as ``train_patient_context.py --cv``): a
model trained on the other groups scores the group's words and numbers. It prints what
adding the words, and the numbers, at or above each threshold would do to dev's figures
(candidates counted once each, tokens as in
``quality.py``), and then ``quality.py``'s figures of hipaalint with the out-of-fold models
in place: without the patient-words model, with it, and with it and the finding-scores
model (the honest dev estimate of the whole product).

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
import train_finding_scores as finding_scores  # noqa: E402
import train_patient_context as patient_context  # noqa: E402

from hipaalint.detect.patient_words import FORMAT, MODEL_PATH, Candidate, PatientWordsModel, NUMBER_FEATURE, candidates, is_number_candidate  # noqa: E402

MIN_COUNT = 2
L2 = 1.0
STEPS = 1500
RATE = 4.0
CV_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)


@dataclass(frozen=True)
class Example:
    post: int  # index into the records
    candidate: Candidate
    gold: bool


@dataclass(frozen=True)
class Residual:
    """What the rules alone report on the dev posts, and the words they leave."""

    examples: list[Example]
    reported: list[list[tuple[int, int]]]  # per post: the spans of error/warning findings
    flagged: list[bool]  # per post: any error/warning finding


def residual(records: Sequence[quality.Record], reported: finding_scores.Reported) -> Residual:
    """The examples are the candidate words that no finding the rules report (run without
    this model and without lowering any name) covers and no detection contains
    (``patient_word_at_least`` leaves words inside a detection to that detection's rules)."""
    examples, spans_by_post = [], []
    for k, (rec, flagging, detections) in enumerate(zip(records, reported.findings, reported.detections)):
        spans = [(f.start, f.end) for f in flagging if f.entity and f.end > f.start]
        spans_by_post.append(spans)
        for cand in candidates(rec.text, reported.post_scores[rec.text]):
            if any(s < cand.end and cand.start < e for s, e in spans):
                continue
            if any(d.start <= cand.start and cand.end <= d.end for d in detections):
                continue
            gold = any(s < cand.end and cand.start < e for s, e, _ in rec.spans)
            examples.append(Example(k, cand, gold))
    return Residual(examples, spans_by_post, [bool(f) for f in reported.findings])


def fit(examples: Sequence[Example]) -> PatientWordsModel:
    """Two logistic regressions over the examples' binary features, one for the words and
    one for the numbers, written as one: their features differ, and the numbers' bias,
    less the words', goes to the feature every number has (``n:number``)."""

    def regression(number: bool) -> tuple[dict[str, float], float]:
        kind = [ex for ex in examples if is_number_candidate(ex.candidate) == number]
        return patient_context.logistic_regression([ex.candidate.features for ex in kind], [ex.gold for ex in kind], MIN_COUNT, L2, STEPS, RATE)

    (words, bias), (numbers, number_bias) = regression(False), regression(True)
    numbers[NUMBER_FEATURE] = numbers.get(NUMBER_FEATURE, 0.0) + number_bias - bias
    return PatientWordsModel({**words, **numbers}, bias)


def model_json(model: PatientWordsModel, records: Sequence[quality.Record]) -> str:
    digest = hashlib.sha256("\n".join(f"{r.id}\t{r.text}\t{sorted(r.spans)}" for r in records).encode()).hexdigest()
    recipe = {"min_count": MIN_COUNT, "l2": L2, "steps": STEPS, "rate": RATE}
    return patient_context.model_document(FORMAT, len(records), digest, recipe, model.weights, model.bias)


def train(records: Sequence[quality.Record], run: finding_scores.Reported | None = None) -> str:
    """The model file trained on ``records`` (``run``: the rules' run over them, if made already)."""
    run = run or finding_scores.reported(records, patient_context.out_of_fold_scores(records))
    return model_json(fit(residual(records, run).examples), records)


def threshold_table(records: Sequence[quality.Record], res: Residual, probs: np.ndarray) -> None:
    """Dev's token recall and precision, post recall and clean posts flagged when the words
    at or above each threshold are added to what the rules report."""
    gold = [quality.covered_tokens(r.text, ((s, e) for s, e, _ in r.spans)) for r in records]
    covered = [quality.covered_tokens(r.text, spans) for r, spans in zip(records, res.reported)]
    n_gold = sum(map(sum, gold))
    tp = sum(g and c for gs, cs in zip(gold, covered) for g, c in zip(gs, cs))
    pred = sum(map(sum, covered))
    clean = [k for k, r in enumerate(records) if not r.violation]
    violating = [k for k, r in enumerate(records) if r.violation]
    for kind, is_number in (("words", False), ("numbers", True)):
        print(f"threshold: {kind} added (gold / not) -> recall / precision / post recall / clean flagged")
        for t in (None, *CV_THRESHOLDS):
            added = [ex for ex, p in zip(res.examples, probs)
                     if t is not None and p >= t and is_number_candidate(ex.candidate) == is_number]
            new_tp = sum(ex.gold for ex in added)
            flagged = set(k for k, f in enumerate(res.flagged) if f) | {ex.post for ex in added}
            print(
                f"  {'none' if t is None else t}: {new_tp} / {len(added) - new_tp} -> {(tp + new_tp) / n_gold:.4f} / "
                f"{(tp + new_tp) / (pred + len(added)):.4f} / {sum(k in flagged for k in violating) / len(violating):.4f} / "
                f"{100 * sum(k in flagged for k in clean) / len(clean):.2f} %"
            )


def cross_validate(records: Sequence[quality.Record]) -> None:
    scores = patient_context.out_of_fold_scores(records)
    reported = finding_scores.reported(records, scores)
    res = residual(records, reported)
    probs = np.zeros(len(res.examples))
    models = {}
    for group, members in patient_context.folds(records):
        held = set(members)
        models[group] = fit([ex for ex in res.examples if ex.post not in held])
        for i, ex in enumerate(res.examples):
            if ex.post in held:
                probs[i] = models[group].probability(ex.candidate)
    threshold_table(records, res, probs)
    print("dev, recall / precision / post recall / clean flagged / leak, the models out of fold:")
    system, lookup = quality.Hipaalint(), patient_context.Lookup(scores)
    print(f"  without the patient-words model:    {patient_context.figures(records, system, lookup)}")
    preds = patient_context.predict_by_fold(system, records, lambda group: dict(scorer=lookup, words=models[group]))
    print(f"  with it (the packs' threshold):     {patient_context.overall(quality.evaluate(records, preds))}")
    findings, _ = finding_scores.out_of_fold_models(records, reported)
    preds = patient_context.predict_by_fold(
        system, records, lambda group: dict(scorer=lookup, words=models[group], findings=findings[group])
    )
    print(f"  and the finding-scores model (all): {patient_context.overall(quality.evaluate(records, preds))}")


def main(argv: Sequence[str] | None = None) -> int:
    return patient_context.run(argv, __doc__.split("\n\n")[0], MODEL_PATH, train, cross_validate)


if __name__ == "__main__":
    raise SystemExit(main())
