"""``threadline index build|stats``: the persisted candidate index of the active lists. Registered on the main app
by :func:`register`; each command opens (or builds) the index through :mod:`threadline.matching.persisted`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

FtmOption = Annotated[
    list[Path] | None,
    typer.Option("--ftm", help="Also index this FollowTheMoney JSON lines file or folder (repeatable)."),
]


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def register(app: typer.Typer, err: Console, check_ftm: Callable[[list[Path] | None], tuple[Path, ...]]) -> None:
    index_app = typer.Typer(help="The persisted candidate index: build it, show its figures.", no_args_is_help=True)
    app.add_typer(index_app, name="index")

    @index_app.command("build")
    def build_command(ftm: FtmOption = None) -> None:
        """Index the active lists (the snapshot's and any --ftm files): lists already indexed are re-hashed and
        reused; missing, changed, stale or corrupt ones are (re)built."""
        from threadline.matching.persisted import open_index, segment_stats

        index = open_index(check_ftm(ftm), report=lambda line: err.print(f"[dim]{line}[/dim]", highlight=False),
                           verify=True)  # fmt: skip
        table = Table(title=f"Candidate index ({index.segments[0].folder.parent if index.segments else ''})")
        for column in ("list", "entities", "names", "keys", "size", "build s", "built at"):
            table.add_column(column, justify="left" if column in ("list", "built at") else "right")
        for segment in index.segments:
            s = segment_stats(segment)
            table.add_row(s["list"], f"{s['entities']:,}", f"{s['names']:,}", f"{s['keys']:,}", _size(s["bytes"]),
                          f"{s['build_s']:.1f}", s["built_at"])  # fmt: skip
        err.print(table)

    @index_app.command("stats")
    def stats_command(
        ftm: FtmOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="The figures as one JSON object on stdout.")] = False,
    ) -> None:
        """Size on disk, build time, entities, names, name forms by kind, keys and the largest postings."""
        from threadline.matching.persisted import index_stats, open_index

        stats = index_stats(open_index(check_ftm(ftm)))
        if as_json:
            typer.echo(json.dumps(stats, ensure_ascii=False))
            return
        _print_stats(err, stats)


_CODE = {
    "compiled": "compiled (mypyc)",
    "source": "Python source",
    "stale": "Python source: compiled modules older than their source (make native)",
}


def _print_stats(err: Console, stats: dict[str, Any]) -> None:
    table = Table(title=f"Candidate index: {stats['folder']}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_row("size on disk", _size(stats["bytes"]))
    table.add_row("build time (sum over lists)", f"{stats['build_s']:.1f} s")
    table.add_row("lists", str(len(stats["lists"])))
    for figure in ("entities", "names", "keys", "postings"):
        table.add_row(figure, f"{stats[figure]:,}")
    for kind, count in stats["name_forms"].items():
        table.add_row(f"name forms: {kind}", f"{count:,}")
    table.add_row("matching code", _CODE.get(stats["matching_code"], stats["matching_code"]))
    err.print(table)
    largest = Table(title="Largest postings (names per key; keys above 3,000 names open no candidates alone)")
    largest.add_column("key")
    largest.add_column("names", justify="right")
    for key, count in stats["largest_postings"]:
        largest.add_row(key, f"{count:,}")
    err.print(largest)
