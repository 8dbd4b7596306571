"""Batch scanning: stream Posts from sources through one linter per process, in input
order, counting what passes for the summary and the exit code."""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from pathlib import Path

from hipaalint.config import Config
from hipaalint.models import Post, Report, Severity
from hipaalint.reporters.json import SummaryCounter
from hipaalint.sources import Skipped, SourceOptions, count_records, read_posts

CHUNK_SIZE = 128  # posts sent to a worker at a time


@dataclass
class ScanStats:
    """Running totals of a scan: for the summary table and the exit code."""

    fail_on: Severity
    summary: SummaryCounter = field(default_factory=SummaryCounter)
    skipped: list[Skipped] = field(default_factory=list)
    failing: bool = False
    started: float = field(default_factory=time.perf_counter)

    def add(self, report: Report) -> None:
        self.summary.add(report)
        if any(f.severity.rank >= self.fail_on.rank for f in report.findings):
            self.failing = True

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def posts_per_second(self) -> float:
        return self.summary.posts / self.elapsed if self.elapsed > 0 else 0.0


def only_posts(records: Iterable[Post | Skipped], stats: ScanStats) -> Iterator[Post]:
    """Posts pass through; Skipped records are counted in ``stats``."""
    for record in records:
        if isinstance(record, Skipped):
            stats.skipped.append(record)
        else:
            yield record


def _chunks(posts: Iterable[Post], size: int) -> Iterator[list[Post]]:
    it = iter(posts)
    while chunk := list(islice(it, size)):
        yield chunk


# Each worker process builds its own Linter once (spaCy and Presidio are not shared).
_worker_linter = None


def _init_worker(config: Config) -> None:
    global _worker_linter
    from hipaalint.linter import Linter

    _worker_linter = Linter(config)


def _lint_chunk(posts: list[Post]) -> list[Report]:
    assert _worker_linter is not None
    return list(_worker_linter.lint_posts(posts))


def parallel_reports(posts: Iterable[Post], config: Config, jobs: int) -> Iterator[Report]:
    """Lint in ``jobs`` worker processes; results in input order; at most a few chunks in
    flight per worker, so memory stays flat however long the input."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque[Future[list[Report]]] = deque()
        for chunk in _chunks(posts, CHUNK_SIZE):
            pending.append(pool.submit(_lint_chunk, chunk))
            if len(pending) >= 3 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def resolve_jobs(jobs: int) -> int:
    """``0`` means one per core."""
    return os.cpu_count() or 1 if jobs == 0 else jobs


def counted(reports: Iterable[Report], stats: ScanStats, on_report=None) -> Iterator[Report]:
    for report in reports:
        stats.add(report)
        if on_report is not None:
            on_report()
        yield report


def _remembering(reports: Iterable[Report], fingerprints: set[str]) -> Iterator[Report]:
    from hipaalint.baseline import report_fingerprints

    for report in reports:
        fingerprints |= report_fingerprints(report)
        yield report


def _all_records(paths: list[str], options: SourceOptions) -> Iterator[Post | Skipped]:
    for path in paths:
        yield from read_posts(path, options)


def _total(paths: list[str], options: SourceOptions) -> int | None:
    counts = [count_records(p, options) for p in paths]
    return None if any(c is None for c in counts) else sum(counts)


def run_scan(
    paths: list[str],
    options: SourceOptions,
    config: Config,
    *,
    fmt: str,
    output: Path | None,
    jobs: int,
    quiet: bool,
    mask: bool,
    baseline: Path | None = None,
    write_baseline_to: Path | None = None,
) -> ScanStats:
    """Read, lint and report every post; the report streams to stdout or atomically to
    ``output`` (nothing is written there if the input turns out to be malformed)."""
    from hipaalint.baseline import load_baseline, without_baselined, write_baseline
    from hipaalint.output import write_report
    from hipaalint.rulepack import configured_rules
    from hipaalint.scan_display import ScanDisplay

    rules = configured_rules(config)  # validates the selection before any slow work
    known = load_baseline(baseline) if baseline is not None else None
    fingerprints: set[str] = set()
    for path in paths:  # fail fast on a missing path, before the engine loads
        read_posts(path, options)
    jobs = resolve_jobs(jobs)
    stats = ScanStats(fail_on=config.fail_on)
    posts = only_posts(_all_records(paths, options), stats)
    with ScanDisplay(enabled=not quiet, total=_total(paths, options) if not quiet else None) as display:
        if jobs > 1:
            reports = parallel_reports(posts, config, jobs)
        else:
            from hipaalint.linter import Linter

            reports = Linter(config, rules=rules).lint_posts(posts)
        if known is not None:
            reports = without_baselined(reports, known)
        if write_baseline_to is not None:
            reports = _remembering(reports, fingerprints)
        write_report(counted(reports, stats, display.advance), fmt, rules, mask=mask, output=output)
    if write_baseline_to is not None:
        count = write_baseline(fingerprints, write_baseline_to)
        if not quiet:
            display.console.print(f"wrote {count} fingerprints to {write_baseline_to}")
    if not quiet:
        display.print_summary(stats)
    return stats
