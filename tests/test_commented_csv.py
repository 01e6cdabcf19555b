from __future__ import annotations

from pathlib import Path

from threadline.commented_csv import read_rows


def test_comment_lines_are_left_out_and_quoted_fields_kept(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_text('# made by a script\n# from somewhere\nhan,english\n化学,chemical\n"有限,公司","co, ltd"\n', "utf-8")
    assert read_rows(table) == [{"han": "化学", "english": "chemical"}, {"han": "有限,公司", "english": "co, ltd"}]
