"""Render a screening run as one self-contained HTML file (no scripts, no external assets)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from threadline import __version__
from threadline.model import ListVersion

MAX_ROWS_IN_REPORT = 5_000
"""Flagged rows shown in full; beyond this the report says how many more are in the JSON lines output."""


def environment() -> Environment:
    return Environment(
        loader=PackageLoader("threadline", "reports/templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_screen_report(
    *,
    input_path: Path,
    summary: dict[str, Any],
    flagged: list[dict[str, Any]],
    flagged_total: int,
    skipped: list[dict[str, Any]],
    versions: list[ListVersion],
    threshold: float,
) -> str:
    template = environment().get_template("screen.html.j2")
    return template.render(
        input_name=input_path.name,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        summary=summary,
        flagged=flagged[:MAX_ROWS_IN_REPORT],
        flagged_total=flagged_total,
        skipped=skipped[:MAX_ROWS_IN_REPORT],
        versions=versions,
        threshold=threshold,
    )


def write_atomic(path: Path, text: str) -> None:
    """Write a report so that a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_screen_report(path: Path, **kwargs: Any) -> None:
    write_atomic(path, render_screen_report(**kwargs))
