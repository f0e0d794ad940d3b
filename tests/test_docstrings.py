"""Every docstring example in the library modules is a test, and an example that is not a doctest is not there."""
import ast
import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ["extract", "desk"]
EXAMPLE_LABEL = re.compile(r"\bExample\b\s*(?::|\()")


def library_modules():
    for package in PACKAGES:
        for module in pkgutil.walk_packages([str(REPO / package)], prefix=f"{package}."):
            if not module.name.endswith("__main__"):
                yield module.name


def source_files() -> list[Path]:
    return [REPO / "app.py", *sorted((REPO / "pages").glob("*.py")),
            *(path for package in PACKAGES for path in sorted((REPO / package).rglob("*.py")))]


def docstrings(path: Path) -> list[tuple[str, str]]:
    """(name, docstring) of the module and of every function and class in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [("module", ast.get_docstring(tree, clean=False) or "")]
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.append((node.name, ast.get_docstring(node, clean=False) or ""))
    return found


@pytest.mark.parametrize("module_name", sorted(library_modules()))
def test_docstring_examples(module_name):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{module_name}: {result.failed} docstring example(s) failed"
    source = Path(module.__file__).read_text(encoding="utf-8")
    assert result.attempted > 0 or ">>>" not in source, f"{module_name}: has >>> examples that doctest never found"


@pytest.mark.parametrize("path", source_files(), ids=lambda path: path.relative_to(REPO).as_posix())
def test_an_example_in_a_docstring_is_a_doctest_or_not_there(path):
    labelled = [name for name, text in docstrings(path) if EXAMPLE_LABEL.search(text)]
    assert not labelled, f"'Example:' that never runs in {', '.join(labelled)}: write it as a >>> doctest or remove it"


def test_the_example_check_sees_an_unrun_example(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('def f():\n    """Double. Example: `f(2) == 4`."""\n\n\ndef g():\n    """Half.\n\n    >>> 1\n    1\n    """\n')
    assert [name for name, text in docstrings(module) if EXAMPLE_LABEL.search(text)] == ["f"]
