"""Reporters: a name -> ``render(reports, out, options)`` registry, one module per format."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TextIO

from hipaalint.models import Report


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter may say about a rule (SARIF rule metadata, HTML legend, ...)."""

    id: str
    name: str
    severity: str
    pack: str
    rationale: str = ""
    hint: str = ""


@dataclass(frozen=True)
class RenderOptions:
    version: str
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    mask: bool = False
    color: bool = False


Renderer = Callable[[Iterable[Report], TextIO, RenderOptions], None]


def mask_text(text: str) -> str:
    """Hide matched PHI in reports: keep the shape (spaces, punctuation), star the rest."""
    return "".join("*" if ch.isalnum() else ch for ch in text)


def shown(text: str, options: RenderOptions) -> str:
    return mask_text(text) if options.mask else text


def get_reporter(name: str) -> Renderer:
    from hipaalint.reporters import registry

    try:
        return registry.REPORTERS[name]
    except KeyError:
        from hipaalint.errors import ConfigError

        known = ", ".join(sorted(registry.REPORTERS))
        raise ConfigError(f"unknown format {name!r} (choose from: {known})") from None
