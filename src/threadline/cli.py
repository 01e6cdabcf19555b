"""The ``threadline`` command line: each command parses, calls one library function, renders.

JSON lines go to stdout (or ``--out``); tables, progress and messages go to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table

from threadline import settings
from threadline.cli_index import register as register_index_commands
from threadline.cli_review import register as register_review_commands
from threadline.exc import ConfigError, InputFileError, ThreadlineError

app = typer.Typer(
    help="threadline: screen suppliers against sanctions and forced-labour lists, offline and explainably.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
FtmOption = Annotated[
    list[Path] | None,
    typer.Option("--ftm", help="Also load this FollowTheMoney JSON lines file or folder (repeatable)."),
]


def _ftm(paths: list[Path] | None) -> tuple[Path, ...]:
    for path in paths or []:
        if not path.exists():
            raise InputFileError(f"{path}: FollowTheMoney file or folder not found; check the --ftm path")
    return tuple(paths or ())


def _open_out(path: Path | None) -> TextIO:
    if path is None or str(path) == "-":
        return sys.stdout
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding="utf-8")


@app.command("lists")
def lists_command(
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="Load the raw list files from this folder instead of the snapshot."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per list on stdout.")] = False,
    ftm: FtmOption = None,
    show_history: Annotated[
        bool, typer.Option("--history", help="Every stored version of every list (the database's record).")
    ] = False,
    diff_source: Annotated[
        str | None, typer.Option("--diff", help="Entries added, removed and changed in this list (JSON).")
    ] = None,
    diff_from: Annotated[int | None, typer.Option("--from", help="With --diff: older version id.")] = None,
    diff_to: Annotated[int | None, typer.Option("--to", help="With --diff: newer version id (default active).")] = None,
) -> None:
    """Show the loaded lists: source id, version date, entity count, and what was inconsistent."""
    from threadline.service import list_versions

    if show_history or diff_source:
        _list_history(show_history, diff_source, diff_from, diff_to, as_json)
        return

    versions = list_versions(data_dir, _ftm(ftm))
    if as_json:
        for version in versions:
            typer.echo(json.dumps(version.to_dict(), ensure_ascii=False))
        return
    table = Table(title="Loaded lists")
    for column in ("source", "version", "entities", "rules", "title"):
        table.add_column(column, justify="right" if column in ("entities", "rules") else "left")
    for v in versions:
        rules = f"{v.rule_count:,}" if v.rule_count else ""
        table.add_row(v.source, v.version, f"{v.entity_count:,}", rules, v.title)
    console = Console()
    console.print(table)
    for v in versions:
        for note in v.notes:
            console.print(f"[bold]{v.source}[/bold]: {note}", highlight=False)


@app.command("match")
def match_command(
    name: Annotated[str, typer.Argument(help="The name to look up, in any script.")],
    schema: Annotated[
        str | None, typer.Option("--schema", help="Person, Company, Organization, Vessel, Aircraft or LegalEntity.")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country name or ISO code of the party.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits to show.")] = 10,
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Lowest score shown (default 0.7).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON hit per line on stdout.")] = False,
    ftm: FtmOption = None,
) -> None:
    """Ranked hits for one name, each with its score and explanation."""
    from threadline.collector import off_to_the_end

    # One look-up, then the process ends: the collector would only walk what the imports and reference tables
    # make, all of it kept to the end (a fifth of a cold look-up's CPU, and more on the way out: measured in
    # benchmarks/README.md).
    with off_to_the_end():
        from threadline.lookup import match_name  # not threadline.service: a cold look-up imports only the matcher

        hits = match_name(name, schema=schema, country=country, limit=limit, threshold=threshold, ftm=_ftm(ftm))
        if as_json:
            for hit in hits:
                typer.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
            return
        if not hits:
            err.print(f"no hits for {name!r}")
            return
        table = Table(title=f"Hits for {name!r}", show_lines=True)
        for column in ("score", "source", "entry_id", "name", "schema", "explanation"):
            table.add_column(column, overflow="fold")
        for hit in hits:
            d = hit.to_dict()
            table.add_row(f"{hit.score:.2f}", d["source"], d["entry_id"], d["name"], d["schema"], d["explanation"])
        Console().print(table)


def _list_history(show: bool, source: str | None, old: int | None, new: int | None, as_json: bool) -> None:
    from threadline.review import api
    from threadline.service import default_store

    api.register_lists(default_store())
    if source:
        typer.echo(json.dumps(api.list_diff(source, old, new).to_dict(), ensure_ascii=False, indent=1))
        return
    versions = api.list_history()
    if as_json:
        for v in versions:
            typer.echo(json.dumps(v.to_dict(), ensure_ascii=False))
        return
    table = Table(title="List versions")
    for column in ("id", "source", "version", "entities", "loaded", "by", "active", "content sha256"):
        table.add_column(column)
    for v in versions:
        active = "yes" if v.active else ""
        row = (str(v.id), v.source, v.version, f"{v.entity_count:,}", v.loaded_at[:19], v.loaded_by, active)
        table.add_row(*row, v.content_sha256[:16])
    Console().print(table)


@app.command("screen")
def screen_command(
    file: Annotated[Path, typer.Argument(help="Supplier file: CSV (any common encoding), XLSX or JSON lines.")],
    out: Annotated[Path | None, typer.Option("--out", help="Write JSON lines here ('-' for stdout).")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write an HTML report here.")] = None,
    name_column: Annotated[str | None, typer.Option("--name-column", help="Header of the name column.")] = None,
    address_column: Annotated[str | None, typer.Option("--address-column", help="Header of the address.")] = None,
    country_column: Annotated[str | None, typer.Option("--country-column", help="Header of the country.")] = None,
    product_column: Annotated[str | None, typer.Option("--product-column", help="Header of the product.")] = None,
    hs_column: Annotated[str | None, typer.Option("--hs-column", help="Header of the HS code.")] = None,
    id_column: Annotated[
        str | None, typer.Option("--id-column", help="Header of the registration number (USCC).")
    ] = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Match threshold (default 0.85).")
    ] = None,
    ftm: FtmOption = None,
    evidence: Annotated[
        Path | None,
        typer.Option("--evidence", help="Links file from threadline evidence: show them with the hits they name."),
    ] = None,
    no_record: Annotated[
        bool, typer.Option("--no-record", help="Do not keep this run in the database (no review, no rescreen).")
    ] = False,
    lists_of_run: Annotated[
        str | None,
        typer.Option("--lists-of-run", help="Screen against the exact list versions this earlier run used."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes to screen with (default: one per core).")
    ] = None,
) -> None:
    """Screen every row of a supplier file; one JSON line per row, a summary table, an optional HTML report.
    The run is kept in the database (THREADLINE_DATABASE_URL) with reviewers' decisions applied to its hits."""
    from threadline.service import ScreenRun

    overrides = {
        "name": name_column,
        "address": address_column,
        "country": country_column,
        "product": product_column,
        "hs_code": hs_column,
        "registration_id": id_column,
    }
    run = ScreenRun(file, {k: v for k, v in overrides.items() if v}, threshold, _ftm(ftm), workers)
    if evidence is not None:
        run.use_evidence(evidence)
    if lists_of_run is not None:
        err.print(f"[dim]lists: the versions run {run.use_lists_of_run(lists_of_run)} used[/dim]")
    err.print(f"[dim]{file}: columns {run.columns.describe()}; encoding {run.encoding or 'xlsx'}[/dim]")
    from threadline.collector import settle

    # A batch, as `pairs`: the lists, the reference tables and the names' remembered forms live to the end, and the
    # workers forked to screen inherit the collector's thresholds (threadline.collector; 20,000 rows of the 100k
    # bench file: 9 % less CPU, benchmarks/README.md).
    settle()
    handle = _open_out(out)
    try:
        run.execute(handle, progress_console=err, record=not no_record)
    finally:
        if handle is not sys.stdout:
            handle.close()
    _print_summary(run.summary.to_dict(), run.skipped_preview())
    if report is not None:
        run.write_report(report)
        err.print(f"HTML report: {report.resolve()}")
    if out is not None and str(out) != "-":
        err.print(f"JSON lines: {out.resolve()}")
    if run.run_id:
        err.print(f"run {run.run_id} stored; review its hits with `threadline review`")


def _print_summary(summary: dict[str, Any], skipped: list[str]) -> None:
    table = Table(title="Screening summary")
    table.add_column("rows")
    table.add_column("count", justify="right")
    table.add_row("read", str(summary["rows"]))
    for risk, count in summary["by_risk"].items():
        table.add_row(f"  {risk}", str(count))
    table.add_row("related to a listed party", str(summary["related"]))
    reasons = ", ".join(f"{k}: {v}" for k, v in summary["skipped_reasons"].items())
    table.add_row("skipped", f"{summary['skipped']}" + (f" ({reasons})" if reasons else ""))
    err.print(table)
    for line in skipped:
        err.print(f"[yellow]skipped[/yellow] {line}")


@app.command("evidence")
def evidence_command(
    documents: Annotated[list[Path], typer.Argument(help="Documents: plain text, HTML pages or PDFs (text layer).")],
    out: Annotated[Path | None, typer.Option("--out", help="Write JSON lines here (default stdout).")] = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Lowest link score kept (default 0.8).")
    ] = None,
    no_places: Annotated[bool, typer.Option("--no-places", help="Leave out Xinjiang place mentions.")] = False,
    no_record: Annotated[
        bool, typer.Option("--no-record", help="Do not keep the links in the database (screens won't show them).")
    ] = False,
    ftm: FtmOption = None,
) -> None:
    """Find listed persons and organisations (any script) and Xinjiang places named in documents; one JSON line per
    link with the quote, the page, the document's title, date and hash. Unreadable documents are reported (exit 1)
    and the others still run."""
    from threadline.service import evidence_documents

    handle = _open_out(out)
    try:
        summary = evidence_documents(documents, handle, threshold, not no_places, _ftm(ftm), not no_record)
    finally:
        if handle is not sys.stdout:
            handle.close()
    err.print(f"{summary.documents} documents read: {summary.links} links to list entries, {summary.places} "
              f"Xinjiang place mentions; {len(summary.errors)} documents skipped", highlight=False)  # fmt: skip
    if not no_record:
        err.print(f"{summary.stored} new links stored with their list entries; screens and reviews show them")
    for line in summary.errors:
        err.print(f"[red]error:[/red] {line}", highlight=False, soft_wrap=True)
    if summary.errors:
        raise typer.Exit(1)


@app.command("locate")
def locate_command(
    target: Annotated[str, typer.Argument(help="An address, or a text file with one address per line.")],
    country: Annotated[str | None, typer.Option("--country", help="Country of the address(es), if known.")] = None,
) -> None:
    """Is the address in the Xinjiang Uyghur Autonomous Region? One JSON line per address, with the evidence."""
    from threadline.service import locate_addresses

    for record in locate_addresses(target, country):
        typer.echo(json.dumps(record, ensure_ascii=False))


@app.command("trace")
def trace_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Supplier-relation, shipment, ownership or FtM files (CSV, XLSX, JSON lines)."),
    ] = None,
    root: Annotated[
        list[str] | None, typer.Option("--root", help="Trace from this party (name or id); repeatable.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write JSON lines here (default stdout).")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write an HTML report here.")] = None,
    graphml: Annotated[Path | None, typer.Option("--graphml", help="Write the graph as GraphML here.")] = None,
    example: Annotated[bool, typer.Option("--example", help="Trace the bundled illustrative example.")] = False,
    max_paths: Annotated[int, typer.Option("--max-paths", min=1, help="Paths listed per risky party.")] = 5,
    no_merge: Annotated[
        bool, typer.Option("--no-merge", help="Merge parties by exact name and key only, not by the matcher.")
    ] = False,
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Match threshold (default 0.85).")
    ] = None,
    ftm: FtmOption = None,
) -> None:
    """Every path from a buyer to a listed party, a Xinjiang location, a blocking owner or a high-priority input."""
    from threadline.graph.export import to_graphml
    from threadline.graph.trace import records
    from threadline.reports.trace import write_trace_report
    from threadline.service import example_trace_files, trace_files

    paths = [*(files or []), *(example_trace_files() if example else [])]
    if not paths:
        raise ConfigError("no files to trace; pass supplier-relation or ownership files, or --example")
    result = trace_files(paths, root, threshold, not no_merge, max_paths, _ftm(ftm))
    handle = _open_out(out) if out is not None else sys.stdout
    try:
        for record in records(result):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if handle is not sys.stdout:
            handle.close()
    trace = result.trace
    err.print(
        f"{len(trace.relations)} relations, {len(trace.parties)} parties, {len(result.roots)} roots; "
        f"{len(result.exposures)} risky chains, {len(result.verdicts)} ownership verdicts, "
        f"{sum(map(len, result.gaps.values()))} gaps; {len(trace.merges)} parties merged, "
        f"{len(result.read.skipped)} rows skipped"
    )
    for line in result.read.skipped[:10]:
        err.print(f"[yellow]skipped[/yellow] {line}")
    if report is not None:
        write_trace_report(report, result, paths, example=example)
        err.print(f"HTML report: {report.resolve()}")
    if graphml is not None:
        to_graphml(trace, graphml)
        err.print(f"GraphML: {graphml.resolve()}")


@app.command("pairs")
def pairs_command(
    file: Annotated[Path, typer.Argument(help="Labelled pairs, one JSON object per line (DESIGN.md §5).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write {id, score, match} lines here ('-': stdout).")
    ] = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Match threshold (default 0.85).")
    ] = None,
) -> None:
    """Score each labelled pair; with labels, print precision, recall and F1."""
    from threadline.collector import settle
    from threadline.service import score_pairs_file

    # A batch: the reference tables and the names' remembered forms live to the end, so the collector is told to
    # walk them rarely (threadline.collector; a full collection lands in the middle of a file otherwise).
    settle()
    handle = _open_out(out)
    try:
        result = score_pairs_file(file, handle, threshold)
    finally:
        if handle is not sys.stdout:
            handle.close()
    for line in result.skipped:
        err.print(f"[yellow]skipped[/yellow] {line}")
    q = result.quality
    if q.tp + q.fp + q.fn + q.tn:
        err.print(
            f"pairs {result.scored} (skipped {len(result.skipped)}); threshold {result.threshold:.2f}: "
            f"precision {q.precision:.3f} recall {q.recall:.3f} F1 {q.f1:.3f} "
            f"(tp {q.tp} fp {q.fp} fn {q.fn} tn {q.tn}); average precision {result.average_precision:.3f}",
            highlight=False,
        )


@app.command("update")
def update_command(
    source_dir: Annotated[Path, typer.Option("--from", help="Folder of raw list files, laid out like shared/data.")],
    target: Annotated[
        Path | None, typer.Option("--to", help="Snapshot folder to write (default: THREADLINE_SNAPSHOT_DIR).")
    ] = None,
) -> None:
    """Rebuild the list snapshot from raw files, atomically: on any error the old snapshot stays."""
    from threadline.service import build_snapshot

    versions = build_snapshot(source_dir, target or settings.snapshot_dir())
    for v in versions:
        err.print(f"{v.source}: {v.entity_count:,} entities, {v.rule_count:,} rules (version {v.version})")
    if target is None or target == settings.snapshot_dir():
        from threadline.review import api
        from threadline.store import ListStore

        stored = api.register_lists(ListStore.from_snapshot(settings.snapshot_dir()))
        err.print(f"{len(stored)} list versions active in the database (`threadline lists --history`)")


register_review_commands(app, err, _open_out)
register_index_commands(app, err, _ftm)


def main() -> None:
    """Entry point: turn threadline errors into one-line messages and a non-zero exit, never a traceback."""
    try:
        app()
    except ThreadlineError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
