"""Review commands of the ``threadline`` CLI: runs, review, decide, audit, rescreen. Registered on the main app
by :func:`register`; each parses, calls :mod:`threadline.review.api`, renders."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO

import click
import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

RunOption = Annotated[str | None, typer.Option("--run", help="Run id (or a unique prefix); default: the latest.")]
KEYS = {"m": "match", "n": "no_match", "u": "unsure"}


def register(app: typer.Typer, err: Console, open_out: Callable[[Path | None], TextIO]) -> None:
    @app.command("runs")
    def runs_command(
        show: Annotated[str | None, typer.Option("--show", help="Print this run's manifest and summary.")] = None,
        include_all: Annotated[bool, typer.Option("--all", help="Also list running and failed runs.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object per run on stdout.")] = False,
    ) -> None:
        """List stored screening runs (id, kind, when, who, input, rows by risk)."""
        from threadline.review import api

        if show is not None:
            typer.echo(json.dumps(api.run(show).to_dict(), ensure_ascii=False, indent=1))
            return
        found = api.runs(include_all)
        if as_json:
            for item in found:
                typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
            return
        table = Table(title="Screening runs")
        for column in ("id", "kind", "status", "finished", "user", "input", "rows", "listed", "xinjiang", "sector"):
            table.add_column(column)
        for item in found:
            summary = item.summary or {}
            risk = summary.get("by_risk", {})
            table.add_row(
                item.id,
                item.kind + (f" of {item.parent_id}" if item.parent_id else ""),
                item.status,
                (item.finished_at or "")[:19],
                item.user,
                Path(item.input_path).name,
                str(summary.get("rows", "")),
                *(str(risk.get(k, "")) for k in ("listed", "xinjiang", "sector")),
            )
        Console().print(table)

    @app.command("review")
    def review_command(
        run: RunOption = None,
        list_only: Annotated[
            bool, typer.Option("--list", help="Print the queue as JSON lines; decide nothing.")
        ] = False,
        include_decided: Annotated[bool, typer.Option("--all", help="Include hits already decided.")] = False,
        user: Annotated[str | None, typer.Option("--user", help="Reviewer name (default THREADLINE_USER).")] = None,
    ) -> None:
        """Review the hits of a run one by one: m = match, n = no match, u = unsure, c = confirm a pending match,
        s = skip, q = quit; then type the reason."""
        from threadline.review import api

        items = api.queue(run, include_decided)
        if list_only:
            for item in items:
                typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
            return
        console = Console()
        done = 0
        for item in items:
            console.print(_panel(item.to_dict()))
            key = _ask_key(item.status.status == "pending")
            if key == "q":
                break
            if key == "s":
                continue
            reason = typer.prompt("reason", default="" if key == "c" else None, show_default=False)
            if key == "c":
                api.confirm(item.hit.id, reason, user)
            else:
                evidence = typer.prompt("evidence reference (optional)", default="", show_default=False)
                expected = item.status.decision.id if item.status.decision else None
                api.decide(item.hit.id, KEYS[key], reason, evidence=evidence or None, user=user, expected=expected)
            done += 1
        err.print(f"{done} decision(s) recorded")

    @app.command("decide")
    def decide_command(
        hit: Annotated[int, typer.Argument(help="Hit number, as `threadline review --list` shows it.")],
        decision: Annotated[str, typer.Argument(help="match, no_match, unsure, or confirm (four-eyes).")],
        reason: Annotated[str, typer.Option("--reason", help="Why: what was compared, what settled it.")] = "",
        evidence: Annotated[str | None, typer.Option("--evidence", help="Reference to a document or URL.")] = None,
        user: Annotated[str | None, typer.Option("--user", help="Reviewer name (default THREADLINE_USER).")] = None,
    ) -> None:
        """Record a decision on one hit; it is reapplied in later runs while neither side changes."""
        from threadline.review import api

        if decision == "confirm":
            made = api.confirm(hit, reason, user)
        else:
            made = api.decide(hit, decision, reason, evidence=evidence, user=user)
        typer.echo(json.dumps({"hit": hit, **made.to_dict()}, ensure_ascii=False))

    @app.command("audit")
    def audit_command(
        out: Annotated[Path | None, typer.Option("--out", help="Write JSON lines here (default stdout).")] = None,
        since: Annotated[str | None, typer.Option("--since", help="Only rows at or after this ISO time.")] = None,
        action: Annotated[str | None, typer.Option("--action", help="Only this action, e.g. decide.")] = None,
    ) -> None:
        """Export the audit trail: one JSON line per action (who, when, what, before, after)."""
        from threadline.review import api

        handle: TextIO = open_out(out)
        try:
            for row in api.audit_rows(since, action):
                handle.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        finally:
            if out is not None and str(out) != "-":
                handle.close()

    @app.command("rescreen")
    def rescreen_command(
        run: RunOption = None,
        out: Annotated[Path | None, typer.Option("--out", help="Write the changed hits as JSON lines here.")] = None,
    ) -> None:
        """After a list update, screen again only what the list diff can affect; report new, changed and resolved
        hits. The result is stored as a new run, with the base run's threshold."""
        from threadline.review import api
        from threadline.service import default_store

        result = api.rescreen_latest(default_store(), run)
        handle: TextIO = open_out(out)
        try:
            for kind, items in (("new", result.new), ("changed", result.changed), ("resolved", result.resolved)):
                for item in items:
                    handle.write(json.dumps({"change": kind, **item}, ensure_ascii=False) + "\n")
        finally:
            if out is not None and str(out) != "-":
                handle.close()
        summary = result.summary()
        for item in summary["lists"]:
            err.print(
                f"{item['source']}: {item['from']} → {item['to']}: +{item['added']} -{item['removed']} "
                f"~{item['changed']} entries"
            )
        err.print(
            f"run {result.run_id} (re-screen of {result.base_id}): {result.rows} rows, {result.rows_changed} changed; "
            f"hits new {len(result.new)}, changed {len(result.changed)}, resolved {len(result.resolved)}"
        )


def _ask_key(pending: bool) -> str:
    allowed = "mnusq" + ("c" if pending else "")
    prompt = "[m]atch [n]o match [u]nsure " + ("[c]onfirm " if pending else "") + "[s]kip [q]uit: "
    while True:
        click.echo(prompt, nl=False, err=True)
        if sys.stdin.isatty():
            key = click.getchar().lower()
            click.echo(key, err=True)
        else:  # answers piped in, one per line (scripts, tests)
            line = sys.stdin.readline()
            if not line:
                return "q"
            key = line.strip().lower()[:1]
        if key in allowed:
            return key


def _panel(item: dict[str, object]) -> Panel:
    data = item["input"]
    assert isinstance(data, dict)
    lines = [
        f"[bold]{data.get('name')}[/bold]  {data.get('address') or ''}  {data.get('country') or ''}",
        f"vs [bold]{item['name']}[/bold] ({item['source']} {item['entry_id']}), score {item['score']:.2f}",
        f"[dim]{item['explanation']}[/dim]",
        f"status: {item['status']}",
    ]
    evidence = item.get("evidence") or []
    assert isinstance(evidence, list)
    for link in evidence:
        lines.append(f"[cyan]{link['text']}[/cyan]")
    if "decision" in item:
        lines.append(f"last decision: {json.dumps(item['decision'], ensure_ascii=False)}")
    if "changed" in item:
        lines.append(f"[yellow]changed since:[/yellow] {json.dumps(item['changed'], ensure_ascii=False)}")
    return Panel("\n".join(lines), title=f"hit #{item['hit']} (run {item['run']}, row {item['row']})")
