"""US DOL List of Goods Produced by Child Labor or Forced Labor (TVPRA list), one rule per good x country.

Goods are not parties: every row becomes a :class:`~threadline.model.Rule` of kind ``goods`` whose ``labour``
says which exploitation DOL found (``child``, ``forced``, ``forced_child``; ``derived`` for goods made from a
listed input, e.g. solar modules from polysilicon).
"""

from __future__ import annotations

import re
from pathlib import Path

from threadline.exc import SourceError
from threadline.model import ListVersion, LoadedList, Rule
from threadline.model.countries import to_iso2
from threadline.sources.common import find_one, fingerprint, read_csv_dicts, slugify

SOURCE = "us-dol-goods"
URL = "https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods"
_FLAGS = (
    ("child_labor", "child"),
    ("forced_labor", "forced"),
    ("forced_child_labor", "forced_child"),
    ("derived_labor_exploitation", "derived"),
)


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "dol_list_of_goods_*.csv")
    edition = re.search(r"(\d{4})_edition", path.name)
    rules: list[Rule] = []
    skipped: list[int] = []
    unknown_countries: set[str] = set()
    for line, row in read_csv_dicts(path):
        good, country_name = row.get("good", ""), row.get("country", "")
        if not good or not country_name:
            skipped.append(line)
            continue
        code = to_iso2(country_name)
        if code is None:
            unknown_countries.add(country_name)
        labour = tuple(label for column, label in _FLAGS if row.get(column, "").lower() == "yes")
        rules.append(
            Rule(
                source=SOURCE,
                entry_id=slugify(f"{good} {country_name}"),
                kind="goods",
                title=f"{good} — {country_name}",
                countries=(code,) if code else (),
                region=country_name if code is None else None,
                goods=(good,),
                sector=row.get("sector") or None,
                labour=labour,
                source_url=URL,
            )
        )
    if not rules:
        raise SourceError(f"{path}: no goods rows; expected columns good, country, child_labor, forced_labor")
    notes = [f"{edition.group(1) if edition else 'unknown'} edition; newer editions exist (re-download)"]
    if unknown_countries:
        notes.append(f"no ISO code for: {', '.join(sorted(unknown_countries))}")
    if skipped:
        notes.append(f"{len(skipped)} rows without good or country skipped")
    version = ListVersion(
        SOURCE,
        "US DOL List of Goods Produced by Child Labor or Forced Labor",
        edition.group(1) if edition else "",
        0,
        len(rules),
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, [], rules)
