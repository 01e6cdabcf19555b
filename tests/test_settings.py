from __future__ import annotations

import re
from pathlib import Path

import pytest

from threadline import settings
from threadline.exc import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "threadline"


def test_only_settings_module_reads_the_environment() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in SRC.rglob("*.py")
        if path.name != "settings.py" and re.search(r"os\.environ|os\.getenv", path.read_text("utf-8"))
    ]
    assert offenders == []


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [s.name for s in settings.SETTINGS if s.name not in readme or not s.help]
    assert missing == []


def test_every_threadline_variable_named_in_src_is_a_setting() -> None:
    names = {s.name for s in settings.SETTINGS}
    used = {m for p in SRC.rglob("*.py") for m in re.findall(r"THREADLINE_[A-Z_]+", p.read_text("utf-8"))}
    assert used <= names


@pytest.mark.parametrize("value", ["abc", "0", "1.5"])
def test_bad_threshold_is_a_config_error_naming_the_value(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("THREADLINE_MATCH_THRESHOLD", value)
    with pytest.raises(ConfigError, match=re.escape(repr(value))):
        settings.match_threshold()


def test_the_listed_hold_out_switch_follows_every_change_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read from ``os.environ``'s own table (once a pair scored), it still sees each change at once."""
    listed_hold_out = settings.listed_hold_out
    monkeypatch.delenv("THREADLINE_LISTED_HOLD_OUT", raising=False)
    assert listed_hold_out() is False
    monkeypatch.setenv("THREADLINE_LISTED_HOLD_OUT", "1")
    assert listed_hold_out() is True
    monkeypatch.setenv("THREADLINE_LISTED_HOLD_OUT", " off ")
    assert listed_hold_out() is False
    monkeypatch.setenv("THREADLINE_LISTED_HOLD_OUT", "maybe")
    with pytest.raises(ConfigError):
        listed_hold_out()
    with pytest.raises(ConfigError):  # (a wrong value is refused every time, not remembered)
        listed_hold_out()
    monkeypatch.setenv("THREADLINE_LISTED_HOLD_OUT", "yes")
    assert listed_hold_out() is True
