"""End-to-end checks of the command line, run as a user runs it: the installed ``threadline`` program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "threadline"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # The user's own settings stay out; the per-test database and user name (tests/conftest.py) go in.
    keep = {"THREADLINE_DATABASE_URL", "THREADLINE_USER"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREADLINE_") or k in keep}
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


@pytest.fixture(scope="module")
def gbk_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "suppliers_gbk.csv"
    rows = [
        "供应商名称,地址,国家,产品,海关编码",
        "XINJIANG ZHONGTAI CHEMICAL,新疆乌鲁木齐市经济技术开发区维泰南路1号,中国,聚氯乙烯,3904",
        "HOSHINE SILICON INDUSTRY SHANSHAN,新疆吐鲁番市鄯善县石材工业园区,中国,工业硅,2804",
        "青岛海洋纺织有限公司,山东省青岛市市南区新疆路8号,中国,服装,6109",
        ",上海市,中国,,",
        "深圳市立讯精密工业股份有限公司,广东省深圳市宝安区,中国,电子,8517",
    ]
    path.write_bytes(("\n".join(rows) + "\n").encode("gbk"))
    return path


def test_lists_shows_every_official_list() -> None:
    result = run("lists", "--json")
    assert result.returncode == 0, result.stderr
    sources = {json.loads(line)["source"]: json.loads(line) for line in result.stdout.splitlines()}
    expected = {"ofac-sdn", "ofac-cons", "uk", "eu", "un", "us-uflpa", "us-bis", "us-cbp-wro", "us-dol-goods"}
    assert set(sources) == expected
    assert all(v["entity_count"] + v["rule_count"] > 0 for v in sources.values())


def test_screen_gbk_csv_with_chinese_headers(gbk_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    report = tmp_path / "report.html"
    result = run("screen", str(gbk_file), "--out", str(out), "--report", str(report))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    by_name = {r["input"]["name"]: r for r in records}
    assert len(records) == 4  # the row with no name is skipped, not written
    zhongtai = by_name["XINJIANG ZHONGTAI CHEMICAL"]
    assert zhongtai["risk"] == "listed"
    assert any(h["source"] == "us-uflpa" for h in zhongtai["hits"])
    assert by_name["HOSHINE SILICON INDUSTRY SHANSHAN"]["risk"] == "listed"
    assert by_name["青岛海洋纺织有限公司"]["region"]["in_xinjiang"] is False  # Xinjiang Road, Qingdao
    assert "skipped" in result.stderr and "empty name" in result.stderr
    assert "XINJIANG ZHONGTAI CHEMICAL" in report.read_text("utf-8")


def test_screen_output_has_the_contract_fields(gbk_file: Path) -> None:
    result = run("screen", str(gbk_file))
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout.splitlines()[0])
    assert set(first) >= {"row", "input", "risk", "hits", "region", "sector"}
    assert set(first["hits"][0]) >= {"source", "entry_id", "name", "score", "explanation"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("screen", "does-not-exist.csv"), "file not found"),
        (("match", "Acme", "--country", "Atlantis"), "unknown country"),
        (("match", "Acme", "--schema", "Animal"), "unknown schema"),
    ],
)
def test_bad_input_gives_one_line_and_no_traceback(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_match_finds_chen_quanguo_with_an_explanation() -> None:
    result = run("match", "Quanguo Chen", "--json")
    assert result.returncode == 0, result.stderr
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert (hits[0]["source"], hits[0]["entry_id"]) == ("ofac-sdn", "29220")
    assert "parts paired" in hits[0]["explanation"]  # persons are compared part by part


def test_pairs_prints_precision_recall_and_f1(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    pair = {
        "id": "x1",
        "left": {"schema": "Company", "properties": {"name": ["新疆中泰化学股份有限公司"], "country": ["cn"]}},
        "right": {"schema": "Company", "properties": {"name": ["Xinjiang Zhongtai Chemical Co., Ltd."]}},
        "label": True,
    }
    path.write_text(json.dumps(pair, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("pairs", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"id": "x1", "score": 1.0, "match": True}
    assert "precision 1.000 recall 1.000 F1 1.000" in result.stderr


def test_locate_reads_an_address_or_a_file_of_addresses(tmp_path: Path) -> None:
    single = run("locate", "新疆阿克苏地区阿瓦提县")
    assert single.returncode == 0, single.stderr
    assert json.loads(single.stdout)["adcode"] == "652928"
    path = tmp_path / "addresses.txt"
    path.write_bytes("山东省青岛市市南区新疆路8号\n\nShihezi, Xinjiang\n".encode("gbk"))
    lines = [json.loads(line) for line in run("locate", str(path)).stdout.splitlines()]
    assert [(r["input"][:2], r["in_xinjiang"]) for r in lines] == [("山东", False), ("Sh", True)]
    assert set(lines[0]) >= {"input", "in_xinjiang", "place", "adcode", "evidence"}


def test_screen_flags_rows_whose_only_risk_is_the_place_or_the_product(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "supplier_name,address,country,product,hs_code,统一社会信用代码\n"
        "Bright Star Trading Co,新疆阿克苏地区阿克苏市,China,umbrellas,,\n"
        "Green Field Agri Co,Regiment 141 Shihezi,CN,,,\n"
        "Harbour Foods Ltd,123 Dock Road Qingdao Shandong,China,tomato paste,HS 2002.90.00,\n"
        "Blue River Knits,山东省青岛市市南区新疆路8号,China,umbrellas,,\n"
        "Sunrise Metal Works,Dhaka,Bangladesh,garments,,\n"
        "Meadowlark Solvents Co,浙江省杭州市,China,solvents,,91650100MA77B2XX3M\n",
        encoding="utf-8",
    )
    result = run("screen", str(path), "--out", "-")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["risk"] for r in rows[:5]] == ["xinjiang", "xinjiang", "sector", "clean", "sector"]
    assert rows[0]["region"]["signal"] == "address-zh" and rows[0]["region"]["adcode"] == "652901"
    assert rows[2]["sector"]["signal"] == "hs-code" and "mapping" in rows[2]["sector"]
    assert [g["good"] for g in rows[2]["sector"]["dol_goods"]] == ["Tomato Products"]
    assert rows[3]["region"]["in_xinjiang"] is False
    assert rows[4]["sector"]["dol_goods"][0]["country"] == "bd"
    assert rows[5]["input"]["registration_id"] == "91650100MA77B2XX3M"
    assert (rows[5]["risk"], rows[5]["region"]["signal"]) == ("xinjiang", "uscc-registration")


def test_trace_example_finds_the_xinjiang_and_listed_parties_and_shows_the_arithmetic(tmp_path: Path) -> None:
    report = tmp_path / "trace.html"
    graphml = tmp_path / "trace.graphml"
    result = run("trace", "--example", "--report", str(report), "--graphml", str(graphml))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    exposures = {(r["root"], r["party"], r["kind"]) for r in lines if "kind" in r}
    importer = "Illustrative Importer LLC"
    assert (importer, "Aksu Huafu Color Spinning Co., Ltd", "listed") in exposures
    assert (importer, "Aksu Huafu Color Spinning Co., Ltd", "xinjiang") in exposures
    assert (importer, "Xinjiang Production and Construction Corps", "listed") in exposures
    assert ("Illustrative Solar Installer Inc", "Hoshine Silicon Industry (Shanshan) Co., Ltd", "listed") in exposures
    verdicts = {(r["party"], r["mode"]): r for r in lines if "mode" in r}
    assert verdicts[("Xinjiang Tianye (Group) Co. Ltd", "ofac-50")]["verdict"] == "blocked"
    chained = verdicts[("Illustrative Textile Holdings Ltd", "ofac-50")]
    assert chained["verdict"] == "blocked" and "50 %" in chained["arithmetic"]
    assert verdicts[("Illustrative Cotton Trading Co", "ofac-50")]["verdict"] == "possibly_blocked"
    assert verdicts[("Illustrative Textile Holdings Ltd", "look-through")]["aggregate"] == {"min": 30.0, "max": 40.0}
    gaps = [r["gap"] for r in lines if "gap" in r]
    assert any("tier 3 unknown" in g and "DELTA GALIL" in g for g in gaps)
    assert any(g.startswith("cycle:") for g in gaps)
    html = report.read_text(encoding="utf-8")
    assert "Illustrative example" in html and "supply.csv:5" in html
    assert "<graphml" in graphml.read_text(encoding="utf-8")


def test_trace_without_files_says_what_to_pass() -> None:
    result = run("trace")
    assert result.returncode == 2
    assert "--example" in result.stderr


def test_screen_reports_the_listed_parties_a_supplier_is_a_unit_or_member_of(tmp_path: Path) -> None:
    """A division of the XPCC and a company of the listed Zijin group are no matches (their risk is not 'listed'),
    but each row names the listed party it is related to, with its score and why; the summary counts them and the
    report shows them, the otherwise clean row among the flagged rows."""
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "supplier_name,address,country,product\n"
        "新疆生产建设兵团第一师,,China,cotton\n"
        "Zijin Mining Co Ltd,,China,\n"
        "XINJIANG ZHONGTAI CHEMICAL,,China,PVC resin\n"
        "Bright Star Trading Co,Dhaka,Bangladesh,umbrellas\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    result = run("screen", str(path), "--out", "-", "--report", str(report))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["risk"] for r in rows] == ["xinjiang", "clean", "listed", "clean"]
    related = [{(h["source"], h["entry_id"]) for h in r["related"]} for r in rows]
    assert ("us-uflpa", "xinjiang-production-and-construction-corps") in related[0] and rows[0]["hits"] == []
    assert related[1] == {("us-uflpa", "zijin-mining-group-co-ltd")} and rows[1]["hits"] == []
    assert related[2] == {("us-uflpa", "xinjiang-zhongtai-group-co-ltd")}
    assert [h["entry_id"] for h in rows[2]["hits"]] == ["xinjiang-zhongtai-chemical-co-ltd"]
    assert related[3] == set()
    for hit in rows[0]["related"] + rows[1]["related"]:
        assert hit["relation"] == "related" and hit["score"] == 0.75 and "not the same party" in hit["explanation"]
    assert "related to a listed party │     3" in result.stderr
    html = report.read_text(encoding="utf-8")
    assert html.count('class="related-hit"') == sum(len(r["related"]) for r in rows)
    assert "Zijin Mining Co Ltd" in html and "Related to <strong>us-uflpa zijin-mining-group-co-ltd</strong>" in html
    assert "Bright Star Trading Co" not in html
