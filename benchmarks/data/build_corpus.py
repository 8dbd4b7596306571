#!/usr/bin/env python3
"""Build the labeled hipaalint evaluation corpus from its markup sources.

Sources live in ``benchmarks/data/source/*.txt``.  Each file holds posts
separated by a line that is exactly ``---``.  A post starts with a header line

    @ id=<unique id> platform=<x|facebook|instagram|linkedin|review|tiktok> category=<cat> rules=<comma list or ->

followed by the post text (one or more lines).  Every PHI span in the text is
written ``[[value|LABEL]]``; the converter strips the markup and records the
character offsets of ``value`` in the stripped text (Python ``str`` indices,
end exclusive).  Leading and trailing blank lines of a post are dropped;
inner line breaks are kept as ``\\n``.

Outputs (deterministic, UTF-8, one JSON object per line):

    dev.jsonl      ~70 %  (sha256(id) % 10 >= 3)
    holdout.jsonl  ~30 %  (sha256(id) % 10 <  3)

Usage:
    python benchmarks/data/build_corpus.py              # writes next to this script
    python benchmarks/data/build_corpus.py --out DIR    # writes DIR/dev.jsonl, DIR/holdout.jsonl
    python benchmarks/data/build_corpus.py --stats      # also prints counts

Standard library only.  Any markup error stops the build with ``file:line: message``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "source"

LABELS = (
    "PERSON",
    "LOCATION",
    "DATE",
    "AGE_OVER_89",
    "PHONE",
    "FAX",
    "EMAIL",
    "SSN",
    "MRN",
    "HEALTH_PLAN_ID",
    "ACCOUNT",
    "LICENSE",
    "VEHICLE",
    "DEVICE_ID",
    "URL",
    "IP_ADDRESS",
    "ROOM",
    "OTHER_ID",
)

RULES = (
    "SOC-REVIEW-CONFIRMS-PATIENT",
    "SOC-PATIENT-STORY",
    "SOC-PATIENT-IMAGE",
    "SOC-CELEBRITY-PATIENT",
    "SOC-SENSITIVE-CONDITION",
    "SOC-STIGMA",
    "SOC-ORG-CONFIDENTIAL",
)

PLATFORMS = ("x", "facebook", "instagram", "linkedin", "review", "tiktok")

CATEGORIES = (
    "review_reply",
    "story",
    "photo_caption",
    "identifier_heavy",
    "contextual",
    "clean_plain",
    "clean_tricky",
)
CLEAN_CATEGORIES = ("clean_plain", "clean_tricky")

HOLDOUT_BUCKETS = 3  # sha256(id) % 10 < 3 -> holdout

HEADER_RE = re.compile(
    r"^@ id=(?P<id>[A-Za-z0-9_.-]+)"
    r" platform=(?P<platform>\S+)"
    r" category=(?P<category>\S+)"
    r" rules=(?P<rules>\S+)\s*$"
)


class CorpusError(Exception):
    """A markup problem, always reported as ``path:line: message``."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")


def split_bucket(post_id: str) -> str:
    digest = hashlib.sha256(post_id.encode("utf-8")).hexdigest()
    return "holdout" if int(digest, 16) % 10 < HOLDOUT_BUCKETS else "dev"


def parse_text(lines: list[tuple[int, str]], path: Path) -> tuple[str, list[dict]]:
    """Strip ``[[value|LABEL]]`` markup from the post body; return (text, spans)."""
    # drop leading/trailing blank lines, keep inner ones
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    if not lines:
        return "", []

    out: list[str] = []
    spans: list[dict] = []
    pos = 0  # length of stripped text so far
    for idx, (lineno, raw) in enumerate(lines):
        line = raw.rstrip()
        if idx:
            out.append("\n")
            pos += 1
        i = 0
        while i < len(line):
            open_at = line.find("[[", i)
            close_at = line.find("]]", i)
            if close_at != -1 and (open_at == -1 or close_at < open_at):
                raise CorpusError(path, lineno, f"']]' without matching '[[' at column {close_at + 1}")
            if open_at == -1:
                chunk = line[i:]
                out.append(chunk)
                pos += len(chunk)
                break
            chunk = line[i:open_at]
            out.append(chunk)
            pos += len(chunk)
            end_at = line.find("]]", open_at + 2)
            if end_at == -1:
                raise CorpusError(path, lineno, f"'[[' at column {open_at + 1} is never closed on this line")
            inner = line[open_at + 2 : end_at]
            if "[[" in inner:
                raise CorpusError(path, lineno, f"nested '[[' inside span at column {open_at + 1}")
            if "|" not in inner:
                raise CorpusError(path, lineno, f"span {inner!r} has no '|LABEL'")
            value, label = inner.rsplit("|", 1)
            if label not in LABELS:
                raise CorpusError(path, lineno, f"unknown label {label!r} in span {inner!r}")
            if not value:
                raise CorpusError(path, lineno, f"empty span value in {inner!r}")
            if value != value.strip():
                raise CorpusError(path, lineno, f"span value {value!r} has leading/trailing whitespace")
            spans.append({"start": pos, "end": pos + len(value), "label": label})
            out.append(value)
            pos += len(value)
            i = end_at + 2
    text = "".join(out)
    return text, spans


def parse_file(path: Path) -> list[dict]:
    posts: list[dict] = []
    raw_lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[list[tuple[int, str]]] = [[]]
    for n, line in enumerate(raw_lines, start=1):
        if line.strip() == "---":
            blocks.append([])
        else:
            blocks[-1].append((n, line))

    for block in blocks:
        # skip blank lines before the header
        body = [(n, l) for n, l in block]
        while body and not body[0][1].strip():
            body = body[1:]
        if not body:
            continue
        header_line, header = body[0]
        m = HEADER_RE.match(header)
        if not m:
            raise CorpusError(
                path,
                header_line,
                "expected header '@ id=<id> platform=<p> category=<c> rules=<r,...|->', got " + repr(header),
            )
        post_id = m["id"]
        platform = m["platform"]
        category = m["category"]
        if platform not in PLATFORMS:
            raise CorpusError(path, header_line, f"unknown platform {platform!r}")
        if category not in CATEGORIES:
            raise CorpusError(path, header_line, f"unknown category {category!r}")
        rules: list[str] = []
        if m["rules"] != "-":
            rules = m["rules"].split(",")
            for r in rules:
                if r not in RULES:
                    raise CorpusError(path, header_line, f"unknown rule id {r!r}")
            if len(set(rules)) != len(rules):
                raise CorpusError(path, header_line, "duplicate rule id in header")
        text, spans = parse_text(body[1:], path)
        if not text.strip():
            raise CorpusError(path, header_line, f"post {post_id!r} has no text")
        violation = bool(spans or rules)
        if violation == (category in CLEAN_CATEGORIES):
            kind = "clean" if category in CLEAN_CATEGORIES else "violating"
            raise CorpusError(
                path,
                header_line,
                f"post {post_id!r}: category {category!r} is {kind} but violation={violation}",
            )
        posts.append(
            {
                "id": post_id,
                "text": text,
                "spans": spans,
                "rules": rules,
                "violation": violation,
                "category": category,
                "platform": platform,
                "_where": (path, header_line),
            }
        )
    return posts


def load_corpus(source_dir: Path = SOURCE_DIR) -> list[dict]:
    files = sorted(source_dir.glob("*.txt"))
    if not files:
        raise SystemExit(f"error: no source files in {source_dir}")
    posts: list[dict] = []
    seen: dict[str, tuple[Path, int]] = {}
    for path in files:
        for post in parse_file(path):
            where = post.pop("_where")
            if post["id"] in seen:
                p0, l0 = seen[post["id"]]
                raise CorpusError(where[0], where[1], f"duplicate id {post['id']!r} (first at {p0}:{l0})")
            seen[post["id"]] = where
            posts.append(post)
    return posts


def dump(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def write_corpus(posts: list[dict], out_dir: Path) -> dict[str, list[dict]]:
    parts: dict[str, list[dict]] = {"dev": [], "holdout": []}
    for post in posts:
        parts[split_bucket(post["id"])].append(post)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, records in parts.items():
        (out_dir / f"{name}.jsonl").write_bytes(dump(records).encode("utf-8"))
    return parts


def print_stats(posts: list[dict], parts: dict[str, list[dict]]) -> None:
    total = len(posts)
    clean = sum(1 for p in posts if not p["violation"])
    tricky = sum(1 for p in posts if p["category"] == "clean_tricky")
    print(f"posts: {total}  (dev {len(parts['dev'])}, holdout {len(parts['holdout'])})")
    print(f"clean: {clean} ({100 * clean / total:.1f} %), clean_tricky: {tricky} ({100 * tricky / max(clean, 1):.1f} % of clean)")
    print(f"violating: {total - clean}  spans: {sum(len(p['spans']) for p in posts)}")

    def table(title: str, counter: Counter, keys) -> None:
        print(f"\n{title}")
        for k in keys:
            if counter.get(k):
                dev = counter_by_split[title]["dev"].get(k, 0)
                hold = counter_by_split[title]["holdout"].get(k, 0)
                print(f"  {k:<28} {counter[k]:>4}   (dev {dev}, holdout {hold})")

    def count(records, what):
        c: Counter = Counter()
        for p in records:
            if what == "category":
                c[p["category"]] += 1
            elif what == "platform":
                c[p["platform"]] += 1
            elif what == "label":
                c.update(s["label"] for s in p["spans"])
            elif what == "rule":
                c.update(p["rules"])
        return c

    sections = {
        "posts per category": ("category", CATEGORIES),
        "posts per platform": ("platform", PLATFORMS),
        "spans per label": ("label", LABELS),
        "posts per rule": ("rule", RULES),
    }
    counter_by_split = {
        title: {name: count(recs, what) for name, recs in parts.items()} for title, (what, _) in sections.items()
    }
    for title, (what, keys) in sections.items():
        table(title, count(posts, what), keys)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output directory (default: benchmarks/data)")
    ap.add_argument("--source", type=Path, default=SOURCE_DIR, help="source directory (default: benchmarks/data/source)")
    ap.add_argument("--stats", action="store_true", help="print counts per category, platform, label and rule")
    args = ap.parse_args(argv)
    try:
        posts = load_corpus(args.source)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    parts = write_corpus(posts, args.out)
    if args.stats:
        print_stats(posts, parts)
    else:
        print(
            f"wrote {len(parts['dev'])} dev + {len(parts['holdout'])} holdout posts to {args.out}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
