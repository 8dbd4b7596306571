"""Train the patient-context model that ships as ``hipaalint/detect/patient_context.json``.

    python benchmarks/train_patient_context.py          # train on dev.jsonl, write the shipped model (~2 s)
    python benchmarks/train_patient_context.py --cv     # leave one writer group out: AUC and quality figures
    python benchmarks/train_patient_context.py --check  # exit 1 if the shipped model is not what training gives

The model (``hipaalint.detect.patient_context``) is a logistic regression over a post's
words and pairs of adjacent words, trained to tell the corpus's violating posts from its
clean ones. The recipe: features seen in at least ``MIN_POSTS`` training posts, each post's
feature vector divided by the square root of its number of features, L2 penalty ``L2``,
``STEPS`` steps of full-batch gradient descent from zero at rate ``RATE``. Nothing is
random, so the same posts give the same weights.

``--cv`` trains on all writer groups but one (the corpus batches: ``b3``, ``b4``, ...;
batch 1 has no id prefix), scores the held-out group, and prints each group's AUC. It then
runs hipaalint over the whole dev split with each post scored by the model that did not
see its group, and prints ``quality.py``'s figures with those scores and without any score
(the rules' patient-context conditions then never match), both without the
patient-words model (``train_patient_words.py --cv`` adds it). That is the honest dev
estimate: scored by the shipped model, dev posts are its training data.

Dev only: nothing here reads the holdout.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402

from hipaalint.detect.patient_context import FORMAT, MODEL_PATH, PatientContextModel, features  # noqa: E402
from hipaalint.detect.script_breaks import spaced  # noqa: E402

MIN_POSTS = 2
L2 = 0.1
STEPS = 3000
RATE = 5.0
DECIMALS = 6
def fit(texts: Sequence[str], labels: Sequence[bool]) -> PatientContextModel:
    """Logistic regression over each post's features, its vector scaled to unit length."""
    feats = [features(t) for t in texts]
    counts = Counter(f for fs in feats for f in fs)
    vocab = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_POSTS))}
    rows, cols, vals = [], [], []
    for i, fs in enumerate(feats):
        known = sorted(vocab[f] for f in fs if f in vocab)
        scale = 1 / np.sqrt(max(len(known), 1))
        rows += [i] * (len(known) + 1)
        cols += [*known, len(vocab)]
        vals += [scale] * len(known) + [1.0]
    weights, bias = gradient_descent(vocab, rows, cols, vals, labels, L2, STEPS, RATE)
    return PatientContextModel(weights=weights, bias=bias)


def logistic_regression(
    feature_sets: Sequence[frozenset[str]], labels: Sequence[bool], min_count: int, l2: float, steps: int, rate: float,
) -> tuple[dict[str, float], float]:
    """Logistic regression over binary features seen in at least ``min_count`` examples
    (the recipe of the models that score words and findings)."""
    counts = Counter(f for fs in feature_sets for f in fs)
    vocab = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows, cols = [], []
    for i, fs in enumerate(feature_sets):
        known = sorted(vocab[f] for f in fs if f in vocab)
        rows += [i] * (len(known) + 1)
        cols += [*known, len(vocab)]
    return gradient_descent(vocab, rows, cols, [1.0] * len(rows), labels, l2, steps, rate)


def gradient_descent(
    vocab: dict[str, int], rows: list[int], cols: list[int], vals: list[float], labels: Sequence[bool],
    l2: float, steps: int, rate: float,
) -> tuple[dict[str, float], float]:
    """Logistic regression by full-batch gradient descent from zero on a sparse design
    matrix (one ``(row, col, value)`` per entry; column ``len(vocab)`` is the bias), L2
    penalty ``l2``. The weights by feature name and the bias, rounded to ``DECIMALS``."""
    y = np.array(labels, dtype=np.float64)
    n, bias, w = len(y), len(vocab), np.zeros(len(vocab) + 1)
    x = csr_matrix((np.array(vals, dtype=np.float64), (np.array(rows), np.array(cols))), shape=(n, bias + 1))
    x_t = x.T.tocsr()  # (a row-major transpose: the gradient's product is as fast as the scores')
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= rate * (x_t @ (p - y) + l2 * w) / n
    return {f: round(float(w[vocab[f]]), DECIMALS) for f in sorted(vocab, key=vocab.get)}, round(float(w[bias]), DECIMALS)


def model_json(model: PatientContextModel, records: Sequence[quality.Record]) -> str:
    digest = hashlib.sha256("\n".join(f"{r.id}\t{r.violation}\t{r.text}" for r in records).encode()).hexdigest()
    recipe = {"min_posts": MIN_POSTS, "l2": L2, "steps": STEPS, "rate": RATE}
    return model_document(FORMAT, len(records), digest, recipe, model.weights, model.bias)


def model_document(fmt: int, posts: int, digest: str, recipe: dict, weights: Mapping[str, float], bias: float) -> str:
    """A shipped model file: its format, what it was trained on and how, and its weights."""
    data = {
        "format": fmt,
        "trained_on": {"file": "benchmarks/data/dev.jsonl", "posts": posts, "sha256": digest},
        "recipe": recipe,
        "bias": bias,
        "weights": dict(weights),
    }
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def same_model(a: dict, b: dict, tolerance: float = 1e-5) -> bool:
    """The same training data, recipe and features, with weights equal up to float noise."""
    return (
        {k: v for k, v in a.items() if k not in ("bias", "weights")} == {k: v for k, v in b.items() if k not in ("bias", "weights")}
        and a["weights"].keys() == b["weights"].keys()
        and abs(a["bias"] - b["bias"]) <= tolerance
        and all(abs(a["weights"][f] - b["weights"][f]) <= tolerance for f in a["weights"])
    )


def train(records: Sequence[quality.Record]) -> str:
    return model_json(fit([r.text for r in records], [r.violation for r in records]), records)


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """The chance that a random violating post scores above a random clean one (ties count half)."""
    pos, neg = scores[labels], scores[~labels]
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg)))


class Lookup:
    """A stand-in model that answers each post with a score computed beforehand (or none)."""

    def __init__(self, scores: dict[str, float] | None) -> None:
        self.scores = scores

    def score(self, text: str) -> float | None:
        return None if self.scores is None else self.scores[text]


class NoWordScores:
    """A stand-in patient-words model that scores no word: ``patient_word_at_least`` never
    matches (its model was trained on the dev posts, so it would flatter dev figures)."""

    def scored_words(self, text: str, post_score: float) -> list[tuple[int, int, float]]:
        return []


class KeepAllFindings:
    """A stand-in finding-scores model that keeps every finding (its model was trained on
    the dev posts, so it would flatter dev figures)."""

    def probability(self, text, finding, detections, post_score) -> float:
        return 1.0


def use_models(system: quality.Hipaalint, scorer: Lookup, words: object = None, findings: object = None) -> None:
    """Make ``system`` run with these models (by default no patient-words model and no
    finding lowered)."""
    from hipaalint.linter import Linter

    system.linter = Linter(
        engine=system.linter.engine, patient_context=scorer, patient_words=words or NoWordScores(), finding_scores=findings or KeepAllFindings()
    )


def predict_by_fold(
    system: quality.Hipaalint, records: Sequence[quality.Record], models: Callable[[str], dict]
) -> list[quality.Prediction]:
    """``system``'s predictions on each writer group's posts with the models ``models(group)``
    gives (``use_models``'s keywords): the models trained without that group."""
    preds: list[quality.Prediction | None] = [None] * len(records)
    for group, members in folds(records):
        use_models(system, **models(group))
        for k, pred in zip(members, system.predict([records[k] for k in members])):
            preds[k] = pred
    return preds


def figures(records: Sequence[quality.Record], system: quality.Hipaalint, scorer: Lookup) -> str:
    """quality.py's overall figures of hipaalint with this patient-context scorer."""
    use_models(system, scorer)
    return overall(quality.evaluate(records, system.predict(records)))


def overall(result: dict) -> str:
    o = result["overall"]
    return (
        f"{o['token_recall']:.3f} / {o['token_precision']:.3f} / {o['post_recall']:.3f} / "
        f"{o['clean_flagged'] * 100:.1f} % / {o['leak_rate'] * 100:.1f} %"
    )


def folds(records: Sequence[quality.Record]) -> Iterator[tuple[str, list[int]]]:
    """Each writer group (``b1``, ``b3``, ... in order) with the indexes of its records."""
    groups = [quality.writer_group(r.id) for r in records]
    for group in sorted(set(groups), key=lambda g: int(g[1:])):
        yield group, [k for k, g in enumerate(groups) if g == group]


def out_of_fold_scores(records: Sequence[quality.Record], report: bool = False) -> dict[str, float]:
    """Each post's score by the model trained on the other writer groups (by post text);
    with ``report``, print each group's AUC."""
    labels = np.array([r.violation for r in records])
    out_of_fold = np.zeros(len(records))
    for group, members in folds(records):
        held = set(members)
        train_idx, test_idx = np.array([k for k in range(len(records)) if k not in held]), np.array(members)
        model = fit([records[i].text for i in train_idx], labels[train_idx])
        out_of_fold[test_idx] = [model.score(records[i].text) for i in test_idx]
        if report:
            print(f"  {group}: {len(test_idx)} ({labels[test_idx].sum()}), {auc(out_of_fold[test_idx], labels[test_idx]):.3f}")
    if report:
        print(f"  all, out of fold: {auc(out_of_fold, labels):.3f}")
    return {r.text: float(p) for r, p in zip(records, out_of_fold)}


def cross_validate(records: Sequence[quality.Record]) -> None:
    print("held-out group: posts (violating), AUC")
    oof = Lookup(out_of_fold_scores(records, report=True))
    print("dev, recall / precision / post recall / clean flagged / leak (without the patient-words model):")
    system = quality.Hipaalint()
    print(f"  without the score (no relax, no SOC-PATIENT-CONTEXT): {figures(records, system, Lookup(None))}")
    print(f"  with the out-of-fold scores:                         {figures(records, system, oof)}")


def dev_as_read() -> list[quality.Record]:
    """The dev posts as the linter's models read them: a post that mixes CJK with Latin letters or
    digits with a space at each script change (``hipaalint.detect.script_breaks``), its spans moved."""
    records = []
    for r in quality.load_split("dev"):
        copy = spaced(r.text)
        if copy is not None:
            r = dataclasses.replace(r, text=copy.text, spans=tuple((*copy.copy_span(s, e), label) for s, e, label in r.spans))
        records.append(r)
    return records


def run(
    argv: Sequence[str] | None, description: str, model_path: Path,
    train: Callable[[Sequence[quality.Record]], str], cross_validate: Callable[[Sequence[quality.Record]], None],
) -> int:
    """The command line of a training script: train and write, ``--cv`` or ``--check``."""
    ap = argparse.ArgumentParser(description=description)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--cv", action="store_true", help="leave-one-writer-group-out evaluation on dev")
    mode.add_argument("--check", action="store_true", help="exit 1 if the shipped model differs from a fresh training")
    ap.add_argument("--out", type=Path, default=model_path, help=f"where to write the model (default: {model_path})")
    args = ap.parse_args(argv)
    records = dev_as_read()
    if args.cv:
        cross_validate(records)
        return 0
    trained = train(records)
    if args.check:
        same = same_model(json.loads(model_path.read_text(encoding="utf-8")), json.loads(trained))
        print(f"{model_path}: {'matches' if same else 'DIFFERS from'} a fresh training on dev.jsonl")
        return 0 if same else 1
    args.out.write_text(trained, encoding="utf-8")
    print(f"wrote {args.out} ({len(json.loads(trained)['weights'])} features, {len(records)} posts)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, __doc__.split("\n\n")[0], MODEL_PATH, train, cross_validate)


if __name__ == "__main__":
    raise SystemExit(main())
