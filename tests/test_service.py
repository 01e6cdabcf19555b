from __future__ import annotations

import io

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
