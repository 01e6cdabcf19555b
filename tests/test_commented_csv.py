from __future__ import annotations

from pathlib import Path

from threadline.commented_csv import read_rows


def test_comment_lines_are_left_out_and_quoted_fields_kept(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    lines = ["# made by a script", "# from somewhere", "han,english", "化学,chemical", '"有限,公司","co, ltd"']
    table.write_text("\n".join(lines) + "\n", "utf-8")
    assert read_rows(table) == [{"han": "化学", "english": "chemical"}, {"han": "有限,公司", "english": "co, ltd"}]
