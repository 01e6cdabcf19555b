"""Compile threadline's matching and name code with mypyc (`make native`), in place beside the sources.

Usage: python scripts/build_native.py [--clean]

The modules of :data:`threadline.native.PACKAGES` are type-checked as they are (mypy --strict) and compiled to C
extension modules; Python then imports them instead of their ``.py``. The manifest
(:data:`threadline.native.MANIFEST`) records each source's SHA-256 as it was read for compiling, so a module
edited afterwards is run from its source until the next build (see :mod:`threadline.native`). ``--clean`` only
removes what an earlier build left. A failed build leaves no compiled module behind: the code then runs as Python.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sys
import time
from pathlib import Path

from threadline import native

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "native"
"""mypyc's generated C and the compiler's objects (kept: gcc skips nothing, but mypyc reuses unchanged C)."""


def built_files() -> list[Path]:
    """What a build leaves in the source tree: one extension module per compiled module, the shared library they
    all call into (beside the ``threadline`` package), and the manifest."""
    shared = sorted(native.PACKAGE_DIR.parent.glob(f"*__mypyc{native.python_tag()}"))
    return [*native.extension_modules(), *shared, native.MANIFEST]


def clean() -> None:
    for path in built_files():
        path.unlink(missing_ok=True)


def build() -> None:
    from mypyc.build import mypycify  # the dev extra's mypy; imported here so `--clean` needs nothing
    from setuptools import setup

    sources = native.compiled_sources()
    record = native.manifest(sources)  # the sources as compiled: an edit during the build reads as stale
    clean()
    os.chdir(ROOT)  # mypy reads its settings (strict, mypy_path) from pyproject.toml here
    started = time.perf_counter()
    notes = io.StringIO()
    try:
        with contextlib.redirect_stdout(notes):  # one note per generator mypyc turns into a list: not news
            extensions = mypycify(
                [str(path.relative_to(ROOT)) for path in sources],
                opt_level="3",
                multi_file=True,
                target_dir=str(BUILD),
            )
    except SystemExit:
        print(notes.getvalue(), file=sys.stderr)
        raise
    BUILD.mkdir(parents=True, exist_ok=True)
    os.chdir(BUILD)  # not beside pyproject.toml: setuptools would validate the project's metadata
    jobs = str(len(os.sched_getaffinity(0)))
    setup(
        name="threadline-native",
        ext_modules=extensions,
        package_dir={"": str(ROOT / "src")},
        script_args=["--quiet", "build_ext", "--inplace", "--parallel", jobs, "--build-temp", str(BUILD / "temp")],
    )
    suffix = native.python_tag()
    missing = [str(path.with_suffix(suffix)) for path in sources if not path.with_suffix(suffix).exists()]
    if not any(native.PACKAGE_DIR.parent.glob(f"*__mypyc{suffix}")):
        missing.append(f"the shared library *__mypyc{suffix}")
    if missing:
        clean()
        sys.exit(f"build_native.py: the build left no {', '.join(missing)}; the code runs from source")
    native.MANIFEST.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"compiled {len(sources)} modules in {time.perf_counter() - started:.0f} s (mypyc, {BUILD})")


def main() -> None:
    if "--clean" in sys.argv[1:]:
        clean()
        shutil.rmtree(BUILD, ignore_errors=True)
        return
    compiler = os.environ.get("CC") or "cc"
    if shutil.which(compiler) is None:
        note = f"build_native.py: no C compiler ({compiler!r} not found): threadline runs from source, slower"
        print(note, file=sys.stderr)
        return
    try:
        build()
    except BaseException:
        clean()
        raise


if __name__ == "__main__":
    main()
