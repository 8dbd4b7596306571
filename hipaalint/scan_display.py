"""What a person watching ``hipaalint scan`` sees on stderr: a progress bar (on a terminal
only) and, at the end, a summary table. Never any post text."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from hipaalint.scanning import ScanStats


class ScanDisplay:
    def __init__(self, enabled: bool, total: int | None) -> None:
        self.console = Console(stderr=True, highlight=False)
        self.progress: Progress | None = None
        if enabled and sys.stderr.isatty():
            self.progress = Progress(
                TextColumn("scanning"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} posts/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.task = self.progress.add_task("scan", total=total, rate="-")
        self._done = 0

    def __enter__(self) -> ScanDisplay:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self) -> None:
        self._done += 1
        if self.progress is not None:
            elapsed = self.progress.tasks[0].elapsed or 0
            rate = f"{self._done / elapsed:.0f}" if elapsed > 0 else "-"
            self.progress.update(self.task, advance=1, rate=rate)

    def print_summary(self, stats: ScanStats) -> None:
        s = stats.summary
        table = Table(title="hipaalint scan summary", show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(justify="right")
        table.add_row("posts scanned", str(s.posts))
        table.add_row("posts with findings", str(s.posts_with_findings))
        table.add_row("findings", str(s.findings))
        for severity in ("error", "warning", "info"):
            if s.by_severity.get(severity):
                table.add_row(f"  {severity}", str(s.by_severity[severity]))
        for rule, n in sorted(s.by_rule.items()):
            table.add_row(f"  {rule}", str(n))
        table.add_row("skipped records", str(len(stats.skipped)))
        table.add_row("elapsed", f"{stats.elapsed:.1f} s")
        table.add_row("posts/s", f"{stats.posts_per_second:.0f}")
        self.console.print(table)
        for skipped in stats.skipped[:20]:
            self.console.print(f"skipped {skipped.source}:{skipped.line} (id {skipped.id}): {skipped.reason}")
        if len(stats.skipped) > 20:
            self.console.print(f"... and {len(stats.skipped) - 20} more skipped records")
