from __future__ import annotations

import io
from pathlib import Path

from threadline import service
from threadline.risk.goods import GoodsIndex
from threadline.screening.reader import open_rows
from threadline.screening.screen import ScreenResult, record_line, screen
from threadline.settings import RESOURCES_DIR


def test_the_rules_read_alone_are_the_stores_rules_in_its_order() -> None:
    """A screening run that is not recorded reads only the lists with rules (no entity of the others decoded)."""
    service.default_store.cache_clear()
    service.snapshot_rules.cache_clear()
    alone = service.snapshot_rules()
    assert service.default_store.cache_info().currsize == 0
    kinds = {rule.kind for rule in alone}
    assert "goods" in kinds and len(alone) > 400
    assert alone == tuple(service.default_store().rules)
    service.snapshot_rules.cache_clear()
    assert service.snapshot_rules() == alone  # the store loaded already: its rules, the same


def test_an_unrecorded_run_writes_the_results_lines_and_keeps_the_flagged_records() -> None:
    """Without a recorder or evidence links the workers encode the lines: the same bytes, risks and flagged records
    as encoding each result in one process."""
    path = RESOURCES_DIR / "demo" / "suppliers.csv"
    run = service.ScreenRun(path, {}, 0.85, workers=2)
    out = io.StringIO()
    run.execute(out, record=False)
    goods = GoodsIndex(service.default_store().rules)
    found = screen(open_rows(path, {}).rows, service.default_matcher(), 0.85, goods=goods)
    records = [item.to_dict() for item in found if isinstance(item, ScreenResult)]
    assert out.getvalue() == "".join(record_line(record) for record in records)
    assert run.flagged == [record for record in records if record["risk"] != "clean"]
    assert run.flagged and run.flagged_total == len(run.flagged)
    assert run.summary.rows == len(records) + len(run.summary.skipped)


def test_an_unrecorded_run_with_an_ftm_file_leaves_its_entities_unloaded(shared_data: Path, tmp_path: Path) -> None:
    """The FtM file's names are found through the index alone: the store (every entity of the file decoded in the
    parent) is not loaded, and the lines are those of screening with the store's rules and matcher."""
    ftm = (shared_data / "ftm-samples" / "yente_zala_entities.ftm.json",)
    path = tmp_path / "suppliers.csv"
    path.write_text("name,country\nMaria Aleksandrovna Osetrova,Russia\nXINJIANG ZHONGTAI CHEMICAL,China\n", "utf-8")
    service.default_store.cache_clear()
    run = service.ScreenRun(path, {}, 0.85, ftm=ftm, workers=1)
    out = io.StringIO()
    run.execute(out, record=False)
    assert service.default_store.cache_info().currsize == 0
    store = service.default_store(ftm)
    found = screen(open_rows(path, {}).rows, service.default_matcher(ftm), 0.85, goods=GoodsIndex(store.rules))
    lines = [record_line(item.to_dict()) for item in found if isinstance(item, ScreenResult)]
    assert out.getvalue() == "".join(lines)
    assert '"entry_id": "NK-2Tbri3s6GgNtAwsSXh4qpL"' in lines[0]


def test_a_recorded_run_keeps_the_related_parties_with_the_row_but_queues_only_its_hits(tmp_path: Path) -> None:
    """A related party is shown to the reviewer with the row (the stored record, the run's summary) but is not a
    hit to decide: the review queue holds the row's matches only."""
    from threadline.review import api
    from threadline.store.runs import iter_rows

    path = tmp_path / "suppliers.csv"
    path.write_text("name,country\nXINJIANG ZHONGTAI CHEMICAL,China\n新疆生产建设兵团第一师,China\n", encoding="utf-8")
    run = service.ScreenRun(path, {}, 0.85, workers=1)
    run.execute(io.StringIO(), record=True)
    assert run.run_id is not None and run.summary.to_dict()["related"] == 2
    stored = {record["input"]["name"]: record for _key, _fp, record in iter_rows(api.engine(), run.run_id)}
    chemical, division = stored["XINJIANG ZHONGTAI CHEMICAL"], stored["新疆生产建设兵团第一师"]
    assert [h["entry_id"] for h in chemical["related"]] == ["xinjiang-zhongtai-group-co-ltd"]
    assert division["risk"] != "listed" and division["hits"] == [] and division["related"]
    queued = {(item.record["name"], item.hit.entry_id) for item in api.queue(run.run_id, include_decided=True)}
    assert queued == {("XINJIANG ZHONGTAI CHEMICAL", "xinjiang-zhongtai-chemical-co-ltd")}
    summary = api.run(run.run_id).summary
    assert summary is not None and summary["related"] == 2
