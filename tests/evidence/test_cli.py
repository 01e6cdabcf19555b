"""``threadline evidence`` and ``threadline screen --evidence`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.evidence.conftest import FIXTURES, write_pdf
from tests.test_cli import run


def test_evidence_command_links_a_batch_and_reports_unreadable_files(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "report.pdf", ["Cotton.", "Britain sanctioned Wang Junzheng, the party secretary."])
    out = tmp_path / "links.jsonl"
    missing = tmp_path / "missing.txt"
    result = run("evidence", str(FIXTURES / "en_myanmar.html"), str(missing), str(pdf), "--out", str(out))
    assert result.returncode == 1
    assert f"{missing}: no such file; check the path" in result.stderr
    assert "Traceback" not in result.stderr
    links = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_file = {Path(link["file"]).name for link in links}
    assert by_file == {"en_myanmar.html", "report.pdf"}  # the other documents of the batch are not lost
    wang = [link for link in links if link["entry_id"] == "GHR0077"]
    assert wang and wang[0]["page"] == 2 and wang[0]["mention"] == "Wang Junzheng"
    html = [link for link in links if link["entry_id"] == "128186"]
    assert html[0]["title"] == "Junta leaders face new measures" and html[0]["date"] == "2024-02-01"


def test_threshold_and_no_places(tmp_path: Path) -> None:
    out = tmp_path / "links.jsonl"
    result = run("evidence", str(FIXTURES / "en_xinjiang.txt"), "--threshold", "0.97", "--no-places", "--out", str(out))
    assert result.returncode == 0, result.stderr
    links = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert links and all(link["score"] >= 0.97 and link["kind"] == "entity" for link in links)
    assert "Zhu Hailunn" not in {link["mention"] for link in links}  # a slip scores below 0.97


def test_screen_shows_evidence_with_the_hit(tmp_path: Path) -> None:
    links = tmp_path / "links.jsonl"
    assert run("evidence", str(FIXTURES / "en_myanmar.html"), "--out", str(links)).returncode == 0
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("name,country\nMyanmar Economic Corporation,Myanmar\nAcme Textiles,United States\n")
    out, report = tmp_path / "results.jsonl", tmp_path / "report.html"
    result = run("screen", str(suppliers), "--evidence", str(links), "--out", str(out), "--report", str(report))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    hit = next(h for h in rows[0]["hits"] if h["source"] == "ofac-sdn")
    assert hit["evidence"][0]["text"].startswith("mentioned in Junta leaders face new measures, 2024-02-01: ")
    assert not rows[1]["hits"]
    assert "mentioned in Junta leaders face new measures, 2024-02-01:" in report.read_text(encoding="utf-8")


def test_screen_evidence_file_must_exist(tmp_path: Path) -> None:
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("name\nAcme\n")
    result = run("screen", str(suppliers), "--evidence", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2
    assert "links file not found" in result.stderr and "threadline evidence" in result.stderr
