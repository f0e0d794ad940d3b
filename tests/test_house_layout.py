"""The folders say who may import what: Streamlit only in `desk/ui/`, the pages and `app.py`; pure rooms never
reach up into the UI; the extractor never imports the dashboard. Checked by parsing every module's imports."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
STREAMLIT_ROOMS = ("desk/ui/", "pages/", "app.py")


def _modules() -> list[Path]:
    paths = [REPO / "app.py", *sorted((REPO / "pages").glob("*.py"))]
    for package in ("desk", "extract"):
        paths += sorted((REPO / package).rglob("*.py"))
    return paths


def imported_modules(path: Path) -> set[str]:
    """Every module name `path` imports (absolute names; `from x import y` gives x and x.y)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def _imports_any(path: Path, package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in imported_modules(path))


def test_the_import_parser_sees_plain_and_from_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import streamlit as st\nfrom desk.ui import sidebar\nif True:\n    import plotly.express\n")
    assert {"streamlit", "desk.ui", "desk.ui.sidebar", "plotly.express"} <= imported_modules(module)


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_only_the_ui_room_the_pages_and_app_import_streamlit(path):
    if _relative(path).startswith(STREAMLIT_ROOMS):
        return
    assert not _imports_any(path, "streamlit"), f"{_relative(path)} imports streamlit: move that code to desk/ui/"


@pytest.mark.parametrize("path", [path for path in _modules() if _relative(path).startswith(("desk/", "extract/"))
                                  and not _relative(path).startswith("desk/ui/")], ids=_relative)
def test_pure_rooms_never_import_the_ui_room_or_the_tests(path):
    assert not _imports_any(path, "desk.ui"), f"{_relative(path)} imports desk.ui"
    assert not _imports_any(path, "tests"), f"{_relative(path)} imports test support"


@pytest.mark.parametrize("path", sorted((REPO / "extract").rglob("*.py")), ids=_relative)
def test_the_extractor_never_imports_the_dashboard(path):
    assert not _imports_any(path, "desk"), f"{_relative(path)} imports desk"


def test_the_ui_room_exists_and_uses_streamlit():
    ui_modules = sorted((REPO / "desk" / "ui").glob("*.py"))
    assert any(_imports_any(path, "streamlit") for path in ui_modules)
