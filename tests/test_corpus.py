"""Sanity checks for the labeled evaluation corpus in benchmarks/data/.

The corpus is generated from benchmarks/data/source/*.txt by
benchmarks/data/build_corpus.py; these tests check the generated JSONL files
and that they are exactly what the converter produces from the sources.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
BUILD = DATA / "build_corpus.py"
FILES = ("dev.jsonl", "holdout.jsonl")

sys.path.insert(0, str(DATA))
import build_corpus  # noqa: E402  (the corpus's own vocabulary)

sys.path.remove(str(DATA))
LABELS, RULES, CATEGORIES = set(build_corpus.LABELS), set(build_corpus.RULES), set(build_corpus.CATEGORIES)
PLATFORMS = {"x", "facebook", "instagram", "linkedin", "review", "tiktok"}
KEYS = {"id", "text", "spans", "rules", "violation", "category", "platform"}


def _load(name: str) -> list[dict]:
    path = DATA / name
    assert path.is_file(), f"{path} missing; run: python benchmarks/data/build_corpus.py"
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{name}:{n}: blank line"
        records.append(json.loads(line))
    return records


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return {name: _load(name) for name in FILES}


@pytest.fixture(scope="module")
def all_records(corpus) -> list[dict]:
    return [r for name in FILES for r in corpus[name]]


@pytest.mark.parametrize("name", FILES)
def test_records_are_well_formed(corpus, name):
    for r in corpus[name]:
        where = f"{name}:{r.get('id')}"
        assert set(r) == KEYS, where
        assert isinstance(r["id"], str) and r["id"], where
        assert isinstance(r["text"], str) and r["text"].strip(), where
        assert isinstance(r["violation"], bool), where
        assert r["category"] in CATEGORIES, where
        assert r["platform"] in PLATFORMS, where
        assert isinstance(r["rules"], list), where
        assert len(set(r["rules"])) == len(r["rules"]), f"{where}: duplicate rule"
        for rule in r["rules"]:
            assert rule in RULES, f"{where}: unknown rule {rule!r}"
        assert r["violation"] == bool(r["spans"] or r["rules"]), where
        assert r["violation"] == (r["category"] not in {"clean_plain", "clean_tricky"}), where


@pytest.mark.parametrize("name", FILES)
def test_spans_are_valid(corpus, name):
    for r in corpus[name]:
        text = r["text"]
        prev_end = -1
        for s in sorted(r["spans"], key=lambda s: (s["start"], s["end"])):
            where = f"{name}:{r['id']}:{s}"
            assert set(s) == {"start", "end", "label"}, where
            assert isinstance(s["start"], int) and isinstance(s["end"], int), where
            assert 0 <= s["start"] < s["end"] <= len(text), where
            value = text[s["start"] : s["end"]]
            assert value == value.strip(), f"{where}: whitespace around {value!r}"
            assert s["label"] in LABELS, where
            assert s["start"] >= prev_end, f"{where}: overlaps previous span"
            prev_end = s["end"]


def test_ids_unique_across_files(all_records):
    ids = [r["id"] for r in all_records]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, dupes


def test_split_is_hash_of_id(corpus):
    for name in FILES:
        for r in corpus[name]:
            bucket = int(hashlib.sha256(r["id"].encode("utf-8")).hexdigest(), 16) % 10
            assert (bucket < 3) == (name == "holdout.jsonl"), f"{name}:{r['id']}"


def test_size_and_mix(all_records):
    total = len(all_records)
    clean = [r for r in all_records if not r["violation"]]
    tricky = [r for r in clean if r["category"] == "clean_tricky"]
    assert total >= 420, total
    assert len(clean) >= 0.40 * total, (len(clean), total)
    assert len(tricky) * 2 >= len(clean), (len(tricky), len(clean))


def test_every_category_in_both_files(corpus):
    for name in FILES:
        assert {r["category"] for r in corpus[name]} == CATEGORIES, name


def test_every_label_and_rule_used(all_records):
    labels = {s["label"] for r in all_records for s in r["spans"]}
    rules = {x for r in all_records for x in r["rules"]}
    assert labels == LABELS, LABELS - labels
    assert rules == RULES, RULES - rules


def _build(out: Path, source: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(BUILD), "--out", str(out)]
    if source is not None:
        cmd += ["--source", str(source)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def test_rebuild_is_byte_identical(tmp_path):
    proc = _build(tmp_path)
    assert proc.returncode == 0, proc.stderr
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), (
            f"{name} is stale; run: python benchmarks/data/build_corpus.py"
        )


GOOD = "@ id=a1 platform=x category=story rules=-\nHi [[Ann|PERSON]] in room [[4|ROOM]]\n"


@pytest.mark.parametrize(
    "body, message",
    [
        ("@ id=a1 platform=x category=story rules=-\nHi [[Ann|NAME]]\n", "unknown label 'NAME'"),
        ("@ id=a1 platform=x category=story rules=-\nHi [[Ann|PERSON\n", "never closed"),
        ("@ id=a1 platform=x category=story rules=-\nHi Ann|PERSON]]\n", "without matching"),
        ("@ id=a1 platform=x category=story rules=-\nHi [[Ann]]\n", "no '|LABEL'"),
        ("@ id=a1 platform=x category=story rules=-\nHi [[ Ann|PERSON]]\n", "whitespace"),
        ("@ id=a1 platform=x category=story rules=SOC-NOPE\nHi\n", "unknown rule"),
        ("@ id=a1 platform=myspace category=story rules=-\nHi [[Ann|PERSON]]\n", "unknown platform"),
        ("@ id=a1 platform=x category=clean_plain rules=-\nHi [[Ann|PERSON]]\n", "violation=True"),
        ("id=a1 platform=x\nHi\n", "expected header"),
        (GOOD + "---\n" + GOOD, "duplicate id 'a1'"),
    ],
)
def test_bad_markup_fails_loudly(tmp_path, body, message):
    src = tmp_path / "src"
    src.mkdir()
    (src / "bad.txt").write_text(body, encoding="utf-8")
    proc = _build(tmp_path / "out", src)
    assert proc.returncode != 0
    assert message in proc.stderr, proc.stderr
    assert "bad.txt:" in proc.stderr, proc.stderr


def test_offsets_from_markup(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_text(GOOD + "line two [[555-0100|PHONE]]\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = _build(out, src)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for name in FILES for line in (out / name).read_text().splitlines()]
    assert len(records) == 1
    r = records[0]
    assert r["text"] == "Hi Ann in room 4\nline two 555-0100"
    got = [(r["text"][s["start"] : s["end"]], s["label"]) for s in r["spans"]]
    assert got == [("Ann", "PERSON"), ("4", "ROOM"), ("555-0100", "PHONE")]
    assert r["violation"] is True and r["rules"] == []


def test_corpus_vocabulary_is_hipaalints():
    """Labels are hipaalint entities and rule ids are rules of the shipped packs."""
    from hipaalint.entities import KNOWN_ENTITIES
    from hipaalint.rulepack import load_rules

    assert set(LABELS) <= KNOWN_ENTITIES
    assert set(RULES) <= {r.id for r in load_rules()}
