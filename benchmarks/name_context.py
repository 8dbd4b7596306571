"""Experiment: can the words around a detected name tell a patient's name from anyone else's,
for writers the model was never trained on?

Most false alarms on a new writer's clean posts are spaCy PERSON detections of people who
are not patients (speakers, authors, staff, donors). This script fits a logistic regression
on the words around each PERSON detection of the dev split (six words either side, the
first word each side, a few post-level words, the name's case and length, the recognizer),
labelled by whether the detection overlaps a gold PERSON span. It is evaluated leaving one
writer group out at a time (the corpus batches: ``b5``, ``b6``, ...; batch 1 has no
prefix): trained on every other group's dev posts, then

* on the held-out group's PERSON detections: how many false and true ones a threshold drops;
* end to end: the held-out group's dev posts run through hipaalint with the PERSON
  detections below the threshold removed, as ``quality.py`` scores them (recall /
  precision / post recall / clean posts flagged / leak rate).

Dev split only; nothing here reads the holdout.

    python benchmarks/name_context.py                 # groups b10 b9 b8 b7, thresholds 0.2 0.3 0.4
    python benchmarks/name_context.py --groups b6 b5 --thresholds 0.3
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402

import hipaalint.detect.engine as engine_module  # noqa: E402
from hipaalint.models import Detection  # noqa: E402

_WORD = re.compile(r"[a-z']+")
_POST_WORDS = frozenset(
    "patient pt dr our my thanks thank congrats welcome team staff speaker author join hi sorry review".split()
)
def features(text: str, d: Detection) -> set[str]:
    left = _WORD.findall(text[max(0, d.start - 60) : d.start].lower())[-6:]
    right = _WORD.findall(text[d.end : d.end + 60].lower())[:6]
    name = text[d.start : d.end]
    shape = "lower" if name.islower() else "upper" if name.isupper() else "title"
    return (
        {f"L:{w}" for w in left}
        | {f"R:{w}" for w in right}
        | {f"L1:{left[-1] if left else '^'}", f"R1:{right[0] if right else '$'}"}
        | {f"post:{w}" for w in set(_WORD.findall(text.lower())) & _POST_WORDS}
        | {f"shape:{shape}", f"words:{min(len(name.split()), 3)}", f"recognizer:{d.recognizer}"}
    )


class Model:
    """L2-regularised logistic regression over binary features, by gradient descent."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.w = np.zeros(len(vocab), dtype=np.float64)
        self.b = 0.0

    def vector(self, feats: set[str]) -> np.ndarray:
        v = np.zeros(len(self.vocab))
        v[[self.vocab[f] for f in feats if f in self.vocab]] = 1
        return v

    def fit(self, X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 300, rate: float = 0.5) -> Model:
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(X @ self.w + self.b)))
            self.w -= rate * (X.T @ (p - y) + l2 * self.w) / len(y)
            self.b -= rate * float((p - y).mean())
        return self

    def patient_probability(self, X: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(X @ self.w + self.b)))


def person_samples(records: Sequence[quality.Record]) -> list[tuple[str, set[str], bool]]:
    engine = engine_module.PhiEngine()
    samples = []
    for rec, (analysis, _) in zip(records, engine.analyze_batch((r.text, None) for r in records)):
        gold = [(s, e) for s, e, label in rec.spans if label == "PERSON"]
        for d in analysis.detections:
            if d.entity == "PERSON":
                label = any(d.start < e and s < d.end for s, e in gold)
                samples.append((quality.writer_group(rec.id), features(rec.text, d), label))
    return samples


def figures(records: Sequence[quality.Record]) -> str:
    o = quality.evaluate(records, quality.Hipaalint().predict(records))["overall"]
    return (
        f"{o['token_recall']:.3f} / {o['token_precision']:.3f} / {o['post_recall']:.3f} / "
        f"{o['clean_flagged'] * 100:.1f} % / {o['leak_rate'] * 100:.1f} %"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--groups", nargs="+", default=["b10", "b9", "b8", "b7"], help="writer groups to hold out")
    ap.add_argument("--thresholds", nargs="+", type=float, default=[0.2, 0.3, 0.4])
    args = ap.parse_args(argv)

    records = quality.load_split("dev")
    samples = person_samples(records)
    vocab = {f: i for i, f in enumerate(sorted({f for _, fs, _ in samples for f in fs}))}
    X = np.zeros((len(samples), len(vocab)))
    for k, (_, fs, _) in enumerate(samples):
        X[k, [vocab[f] for f in fs]] = 1
    y = np.array([label for _, _, label in samples], dtype=np.float64)
    groups = np.array([g for g, _, _ in samples])
    print(f"dev PERSON detections: {len(samples)}, of which overlap a gold PERSON span: {int(y.sum())}")

    original = engine_module.to_detections
    for group in args.groups:
        model = Model(vocab).fit(X[groups != group], y[groups != group])
        held = groups == group
        p, truth = model.patient_probability(X[held]), y[held].astype(bool)
        print(f"\n{group}: {held.sum()} PERSON detections held out ({truth.sum()} patients' names, {(~truth).sum()} others)")
        group_records = [r for r in records if quality.writer_group(r.id) == group]
        engine_module.to_detections = original
        print(f"  no filter: {figures(group_records)}")
        for threshold in args.thresholds:
            drop = p < threshold

            def filtered(text, results, model=model, threshold=threshold):
                return tuple(
                    d
                    for d in original(text, results)
                    if d.entity != "PERSON"
                    or model.patient_probability(model.vector(features(text, d))[None, :])[0] >= threshold
                )

            engine_module.to_detections = filtered
            print(
                f"  below {threshold}: drops {int((drop & ~truth).sum())} others' names and "
                f"{int((drop & truth).sum())} patients'; end to end {figures(group_records)}"
            )
        engine_module.to_detections = original
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
