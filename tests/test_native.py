"""The compiled matching code (``make native``): never run stale, and the same results as the source."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import FrozenInstanceError, fields, replace
from pathlib import Path
from types import FrameType

import pytest

from threadline import native
from threadline.matching.align import Alignment, Piece, _HanSteps
from threadline.matching.model import Hit, Query
from threadline.matching.pairs import PairScore
from threadline.matching.simple import SimpleMatcher, _Record
from threadline.model import Address, Entity, Identifier, Name
from threadline.names.normalize import NameKey

needs_compiled = pytest.mark.skipif(
    not native.compiled(),
    reason=f"the matching code runs from source here ({native.status()}): `make native` compiles it",
)


def test_only_a_current_manifest_of_this_python_lets_compiled_modules_run() -> None:
    digests = {"threadline.matching.align": "a1", "threadline.names.han": "b2"}
    current = {"python": native.python_tag(), "modules": dict(digests)}
    assert native.decide(current, digests, enabled=True) == "compiled"
    assert native.decide(current, digests, enabled=False) == "source"  # THREADLINE_NATIVE=0
    assert native.decide(None, {}, enabled=True) == "source"  # nothing compiled
    assert native.decide(None, digests, enabled=True) == "stale"  # compiled, but the build did not finish
    edited = {**digests, "threadline.names.han": "c3"}
    assert native.decide(current, edited, enabled=True) == "stale"
    assert native.decide(current, {"threadline.matching.align": "a1"}, enabled=True) == "stale"  # one .so gone
    assert native.decide({**current, "python": ".cpython-312-x86_64-linux-gnu.so"}, digests, enabled=True) == "stale"


def test_the_source_of_compiled_code_is_found_by_its_module() -> None:
    from threadline.matching import simple

    assert native.source_file(simple).name == "simple.py"
    assert native.source_file(SimpleMatcher).name == "simple.py"
    assert native.function_source(simple, "_block_keys").startswith("def _block_keys(")
    with pytest.raises(LookupError, match="no such top-level function"):
        native.function_source(simple, "no_such_function")


def _probe(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    """Import the matcher in a fresh interpreter (the package copied to ``tmp_path``) and say what ran."""
    code = (
        "import json, threadline.native as n, threadline.matching.align as a, threadline.names.han as h;"
        "print(json.dumps({'status': n.status(), 'align': a.__file__, 'han': h.__file__}))"
    )
    environment = {**os.environ, **env, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True)
    return dict(json.loads(run.stdout))


def _copy_package(tmp_path: Path) -> None:
    """The installed package, compiled modules and all, copied to ``tmp_path`` (its resources linked)."""
    package = native.PACKAGE_DIR
    shutil.copytree(package, tmp_path / "threadline", ignore=shutil.ignore_patterns("resources", "__pycache__"))
    (tmp_path / "threadline" / "resources").symlink_to(package / "resources")
    for shared in package.parent.glob(f"*__mypyc{native.python_tag()}"):
        shutil.copy2(shared, tmp_path / shared.name)


@needs_compiled
def test_a_module_edited_after_compiling_runs_from_source_and_so_do_the_others(tmp_path: Path) -> None:
    _copy_package(tmp_path)
    compiled = _probe(tmp_path, {})
    assert compiled["status"] == "compiled" and compiled["align"].endswith(native.python_tag())
    assert _probe(tmp_path, {"THREADLINE_NATIVE": "0"})["align"].endswith("align.py")
    han = tmp_path / "threadline" / "names" / "han.py"
    han.write_text(han.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    stale = _probe(tmp_path, {})
    assert stale == {"status": "stale", "align": str(tmp_path / "threadline/matching/align.py"), "han": str(han)}


@needs_compiled
def test_a_compiled_module_whose_source_was_removed_never_runs_and_does_not_break_the_import(tmp_path: Path) -> None:
    """A checkout that deletes a module leaves its (ignored) extension module behind until the next build."""
    _copy_package(tmp_path)
    names = tmp_path / "threadline" / "names"
    shutil.copy2(names / f"numerals{native.python_tag()}", names / f"removed{native.python_tag()}")
    probed = _probe(tmp_path, {})
    assert probed["status"] == "stale" and probed["align"] == str(tmp_path / "threadline/matching/align.py")
    code = "import threadline.names.removed"
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment)
    assert run.returncode != 0 and "threadline.names.removed: the module was removed" in run.stderr


CASES = [
    ("新疆中泰化学股份有限公司", "Xinjiang Zhongtai Chemical Co., Ltd.", "Company"),
    ("杭州海康威视数字技术股份有限公司", "Hikvision", "Company"),
    ("新疆生产建设兵团第一师", "Xinjiang Production and Construction Corps", "Organization"),
    ("新疆神火煤电有限公司", "Xinjiang Shenhuo Carbon Co., Ltd.", "Company"),
    ("陈全国", "CHEN, Quanguo", "Person"),
    ("艾尔肯·吐尼亚孜", "Erkin Tuniyaz", "Person"),
    ("Chen Quanguo", "Chen Mingguo", "Person"),
    ("XPCC", "Xinjiang Production and Construction Corps", "Organization"),
    ("Aksu Huafu Textiles Co.", "阿克苏华孚色纺有限公司", "Company"),
]
"""Pairs through each part of the matcher: alignment, brands, units, transcription, persons, acronyms."""


def _scores() -> list[str]:
    """Each case's hit as ``repr`` (score, relation, explanation)."""
    matcher = SimpleMatcher([])
    out = []
    for left, right, schema in CASES:
        entity = Entity(source="test", entry_id=right, schema=schema, names=(Name(right),))
        hit = matcher.compare(Query(left, schema=schema), entity)
        out.append(repr(None if hit is None else (hit.score, hit.relation, hit.explanation)))
    return out


@needs_compiled
def test_compiled_and_source_code_score_alike() -> None:
    code = "import json, sys; sys.path.insert(0, sys.argv[1]); import test_native as t; print(json.dumps(t._scores()))"
    assert any("1.0" in score for score in _scores())  # the cases do match, through the compiled code
    environment = {**os.environ, "THREADLINE_NATIVE": "0"}
    run = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    assert json.loads(run.stdout) == _scores()


def test_no_compiled_class_keeps_a_cached_property() -> None:
    """A compiled class has no ``__dict__``: a ``functools.cached_property`` on it would work its value out again
    on every use (the persons' sound index, 0.5 s a query). Such values are set on first use instead."""
    found = [
        f"{path.name}:{number}"
        for path in native.compiled_sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip() == "@cached_property"
    ]
    assert found == []


def _python_frames_run(make: Callable[..., object], *args: object) -> list[str]:
    """The Python functions (not compiled ones, not built-ins) ``make(*args)`` runs, by name."""
    seen: list[str] = []

    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            seen.append(frame.f_code.co_qualname)

    sys.setprofile(watch)
    try:
        make(*args)
    finally:
        sys.setprofile(None)
    return seen


@needs_compiled
def test_the_values_made_once_a_pair_are_made_without_running_python_code() -> None:
    """Compiled, a frozen dataclass's generated ``__init__`` still runs as Python (about 0.12 µs a field, 0.6-1.2 µs
    a value); the values the matcher makes once a pair or a name set their fields in compiled code."""
    key = NameKey("A Co", "a co", "a", "a", ("co",), "a")
    assert _python_frames_run(NameKey, "A Co", "a co", "a", "a", ("co",), "a") == []
    assert _python_frames_run(PairScore, "1", 0.5, False, None, "nothing aligned") == []
    assert _python_frames_run(_Record, 0, Name("A Co"), key) == []
    assert _python_frames_run(Alignment, 1.0, ()) == []
    assert _python_frames_run(Piece, "新疆", "xinjiang", "pinyin") == []
    han_steps: tuple[object, ...] = ("", "", [], [], [], [], {}, {}, "", {}, frozenset(), {}, {}, [], frozenset())
    assert _python_frames_run(_HanSteps, *han_steps) == []
    assert _python_frames_run(Query, "A Co", "Company", "cn") == []
    assert _python_frames_run(Hit, Entity("pair", "right", "Company", (Name("A Co"),)), 1.0, Name("A Co"), "", ()) == []
    assert _python_frames_run(Name, "A Co") == []
    assert _python_frames_run(Entity, "pair", "right", "Company", (Name("A Co"),), ("cn",)) == []
    assert _python_frames_run(lambda: None) != []  # (the check sees Python code run)


def test_the_values_set_by_hand_are_still_frozen_dataclasses() -> None:
    key = NameKey(original="A Co", folded="a co", core="a", latin="a", removed=("co",), distinctive="a")
    assert key == NameKey("A Co", "a co", "a", "a", ("co",), "a") and hash(key) == hash(replace(key))
    assert repr(Alignment(1.0, ())) == "Alignment(score=1.0, pieces=())"
    assert repr(Piece("疆", "jiang", "pinyin")) == "Piece(han='疆', latin='jiang', how='pinyin', credit=1.0)"
    made = [key, PairScore("1", 0.5, False, None, ""), _Record(0, Name("A Co"), key), Alignment(1.0, ())]
    entity = Entity("pair", "right", "Company", (Name("A Co"),))
    for value in [*made, Piece("", "", ""), Query("A Co"), Hit(entity, 1.0, Name("A Co"), "", ())]:
        with pytest.raises(FrozenInstanceError):
            setattr(value, fields(value)[0].name, None)


def test_queries_hits_and_entities_pickle_compiled_or_not() -> None:
    """They travel between screening processes pickled; a compiled frozen dataclass cannot be unpickled field by
    field, so each pickles as a call of its constructor."""
    query = Query("A Co", "Company", "cn")
    hit = Hit(Entity("pair", "right", "Company", (Name("A Co"),)), 0.9, Name("A Co"), "same name", (("name", 0.9),))
    related = replace(hit, relation="related")
    entity = Entity(
        "us_ofac",
        "1",
        "Company",
        (Name("A Co"), Name("A", "weak")),
        addresses=(Address("1 Road", "Urumqi", "cn"),),
        identifiers=(Identifier("uscc", "91650000", "cn"),),
        extra={"section": "uflpa"},
    )
    values = [query, hit, related, entity, replace(entity, extra={})]
    assert [pickle.loads(pickle.dumps(value)) for value in values] == values
    assert replace(query, name="B Co") == Query("B Co", "Company", "cn") and hash(query) == hash(replace(query))
