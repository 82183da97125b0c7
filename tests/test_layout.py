"""The layout tells the pipeline: one package per stage, imports flow downstream, no streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path("lib")
# Stages in pipeline order; a package may import its own stage and earlier ones only.
STAGES = ["reference", "cleaning", "extraction", "datasets", "charts", "export", "library"]
COMMANDS = {"ingest", "build", "figures", "slides"}  # top-level modules: `python -m lib.NAME`


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute (relative imports resolved), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "lib" and parts[1] in STAGES else None


def lib_modules() -> list[Path]:
    return sorted(LIB.rglob("*.py"))


def test_the_tree_is_one_package_per_stage_and_the_commands():
    packages = sorted(p.name for p in LIB.iterdir() if (p / "__init__.py").exists())
    modules = {p.stem for p in LIB.glob("*.py")} - {"__init__"}
    assert packages == sorted(STAGES)
    assert modules == COMMANDS


@pytest.mark.parametrize("path", lib_modules(), ids=str)
def test_no_streamlit_and_no_upstream_import(path: Path):
    own = stage_of(".".join(path.with_suffix("").parts))
    for line, module in imported_modules(path):
        assert module.split(".")[0] != "streamlit", f"{path}:{line} imports streamlit"
        target = stage_of(module)
        if own is not None and target is not None:
            assert STAGES.index(target) <= STAGES.index(own), (
                f"{path}:{line} imports {module}: stage {target!r} comes after {own!r}"
            )


def test_the_checker_catches_an_upstream_and_a_streamlit_import(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "lib" / "cleaning" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "import streamlit as st\nfrom lib.charts.builders import wrap\nfrom ..export import x\n"
    )
    found = imported_modules(Path("lib/cleaning/bad.py"))
    assert (1, "streamlit") in found
    assert [stage_of(m) for _, m in found if stage_of(m)] == [
        "charts",
        "charts",
        "export",
        "export",
    ]
    with pytest.raises(AssertionError, match="streamlit"):
        test_no_streamlit_and_no_upstream_import(Path("lib/cleaning/bad.py"))
    bad.write_text("from lib.export.images import figure_bytes\n")
    with pytest.raises(AssertionError, match="stage 'export' comes after 'cleaning'"):
        test_no_streamlit_and_no_upstream_import(Path("lib/cleaning/bad.py"))


@pytest.mark.parametrize("package", STAGES)
def test_each_package_init_says_what_enters_and_leaves_and_holds_no_logic(package: str):
    init = LIB / package / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree) or ""
    assert "In:" in docstring and "Out:" in docstring, init
    assert 2 <= len(docstring.splitlines()) <= 4, init
    logic = [n for n in tree.body[1:] if not isinstance(n, ast.Import | ast.ImportFrom)]
    assert not logic, f"{init} holds more than re-exports"


def test_tests_mirror_the_layout():
    for package in STAGES[1:]:
        assert list(Path("tests", package).glob("test_*.py")), f"no tests/{package}/"
