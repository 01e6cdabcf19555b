"""Which of threadline's modules run compiled, and a guard that never lets a stale compiled module run.

`make native` (``scripts/build_native.py``) compiles the matching and name code and the entities (:data:`PACKAGES`)
with mypyc into extension modules beside their sources, and writes :data:`MANIFEST`: a SHA-256 of each compiled
module's source. Python imports an extension module before the ``.py`` of the same name, so a module edited after
compiling would silently run its old code. :func:`guard` (called when the package is imported) prevents that: when
the manifest is missing, names another Python, or any compiled source has changed, and when ``THREADLINE_NATIVE=0``,
every module the manifest lists is imported from its source instead. All or none: the compiled modules call one
another directly, so one source module among compiled ones would leave the others calling its old code.

Compiled or not, the results are the same (``tests/test_native.py`` compares them); only the speed differs.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from threadline.settings import PACKAGE_DIR, native_enabled

PACKAGES = ("matching", "names", "model")
"""Sub-packages compiled by ``make native`` (their modules, not their ``__init__``, nor :data:`LEFT_AS_SOURCE`)."""
LEFT_AS_SOURCE = frozenset({"model/countries.py", "model/listing.py"})
"""Modules of those packages not compiled: of the model, only its entities are made per pair (``model/entity.py``).
A compiled frozen dataclass cannot be unpickled field by field, which freezing forbids, so the compiled values that
travel between screening processes or sit in the parsed-table cache (entities, queries, hits) give their fields to
their constructor instead (``__reduce__``)."""
MANIFEST = PACKAGE_DIR / "native.json"
"""Written by ``scripts/build_native.py`` after a successful compile; not in git."""

_state = {"status": "source"}


def compiled_sources() -> list[Path]:
    """The modules ``make native`` compiles, in a fixed order."""
    return sorted(
        path
        for package in PACKAGES
        for path in (PACKAGE_DIR / package).glob("*.py")
        if path.name != "__init__.py" and path.relative_to(PACKAGE_DIR).as_posix() not in LEFT_AS_SOURCE
    )


def module_name(path: Path) -> str:
    """``threadline.matching.align`` for ``.../threadline/matching/align.py``."""
    return ".".join(("threadline", *path.relative_to(PACKAGE_DIR).with_suffix("").parts))


ORPHAN = "no source"
"""The digest :func:`guard` gives a compiled module whose ``.py`` is gone (a checkout that removed the module while
its extension module stayed beside it, as an ignored build output): it matches no manifest, so the build is stale."""


def source_digest(path: Path) -> str:
    """SHA-256 of the source file, or :data:`ORPHAN` when it no longer exists."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ORPHAN


def python_tag() -> str:
    """The interpreter a compiled module was built for (its extension suffix, e.g. ``.cpython-311-x86_64-...``)."""
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def manifest(sources: Sequence[Path]) -> dict[str, object]:
    """What ``scripts/build_native.py`` records for ``sources`` once they are compiled."""
    return {"python": python_tag(), "modules": {module_name(path): source_digest(path) for path in sources}}


def status() -> str:
    """``compiled``, ``source`` (nothing compiled, or ``THREADLINE_NATIVE=0``) or ``stale`` (compiled modules
    older than their sources, run from source): what :func:`guard` decided."""
    return _state["status"]


def compiled() -> bool:
    return status() == "compiled"


def guard() -> None:
    """Decide, before any compiled module is imported, whether they may be used; if not, import them from source."""
    try:
        recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = None
    modules = _compiled_modules()
    digests = {name: source_digest(_source_of(name)) for name in modules}
    _state["status"] = decide(recorded, digests, native_enabled())
    if _state["status"] != "compiled":
        listed = recorded.get("modules") if isinstance(recorded, dict) else None
        names = {*modules, *(listed if isinstance(listed, dict) else ())}
        sys.meta_path.insert(0, _FromSource({name: _source_of(name) for name in names}))


def decide(recorded: object, digests: dict[str, str], enabled: bool) -> str:
    """:func:`status` from the manifest as read (``None`` when absent or unreadable) and the SHA-256 of the source
    of each module that has an extension module beside it: ``compiled`` only when the manifest is this Python's and
    lists exactly those modules with those sources."""
    if not digests:
        return "source"
    current = (
        isinstance(recorded, dict)
        and recorded.get("python") == python_tag()
        and recorded.get("modules") == digests
    )
    if not current:
        return "stale"
    return "compiled" if enabled else "source"


def _compiled_modules() -> list[str]:
    """Modules of :data:`PACKAGES` that have an extension module beside their source (whatever the build that left
    it: one compiled by an older list of modules counts too)."""
    return [module_name(path.with_name(path.name.split(".", 1)[0] + ".py")) for path in extension_modules()]


def extension_modules() -> list[Path]:
    """The extension modules for this Python in :data:`PACKAGES`' folders."""
    suffix = python_tag()
    return sorted(path for package in PACKAGES for path in (PACKAGE_DIR / package).glob(f"*{suffix}"))


def _source_of(name: str) -> Path:
    return PACKAGE_DIR.joinpath(*name.split(".")[1:]).with_suffix(".py")


class _FromSource(importlib.abc.MetaPathFinder):
    """Finds the listed modules as their ``.py`` source, ahead of the extension modules beside them."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(fullname)
        if source is None:
            return None
        if not source.is_file():  # its extension module is left from an older build: it never runs
            raise ModuleNotFoundError(f"{fullname}: the module was removed (its compiled copy is stale)", name=fullname)
        return importlib.util.spec_from_file_location(fullname, source)


def source_file(code: object) -> Path:
    """The ``.py`` file that defines ``code`` (a module, or a function or class), compiled or not: a compiled
    module's ``__file__`` is its extension module, and its functions have no code object ``inspect`` could follow."""
    module = code if isinstance(code, ModuleType) else sys.modules[str(getattr(code, "__module__", ""))]
    file = Path(str(module.__file__))
    return file if file.suffix == ".py" else file.with_name(file.name.split(".", 1)[0] + ".py")


def function_source(module: ModuleType, name: str) -> str:
    """The source text of the top-level function ``name`` of ``module`` (from its ``def``, decorators left out)."""
    path = source_file(module)
    text = path.read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return ast.get_source_segment(text, node) or ""
    raise LookupError(f"{module.__name__}.{name}: no such top-level function in {path}")
