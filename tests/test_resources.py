"""Generated reference data in the package matches a fresh generation from ../shared/data."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.generators import load_script


def _script(name: str) -> ModuleType:
    return load_script(name)


@pytest.mark.parametrize(
    "name",
    [
        "build_china_divisions",
        "build_gazetteer",
        "build_sectors",
        "build_hs",
        "build_demo_suppliers",
        "build_dictionary",
        "build_glossary",
        "build_shortforms",
        "build_calibration",
        "build_listed_names",
        "build_cantonese",
        "build_opencc_gate",
        pytest.param(
            "build_korean",
            marks=pytest.mark.skipif(
                not Path("/usr/share/unicode/Unihan_Readings.txt.bz2").exists(),
                reason="needs Debian's unicode-data package (apt-get install unicode-data), which .ci/run installs",
            ),
        ),
    ],
)
def test_generated_resource_is_fresh(shared_data: Path, name: str) -> None:
    module = _script(name)
    packaged = Path(module.OUT).read_text(encoding="utf-8")
    assert module.build(shared_data) == packaged, f"{module.OUT} is stale; run python scripts/{name}.py"
