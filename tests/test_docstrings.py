"""Every docstring example in the library modules is a test."""
import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ["extract", "desk"]


def library_modules():
    for package in PACKAGES:
        for module in pkgutil.walk_packages([str(REPO / package)], prefix=f"{package}."):
            if not module.name.endswith("__main__"):
                yield module.name


@pytest.mark.parametrize("module_name", sorted(library_modules()))
def test_docstring_examples(module_name):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{module_name}: {result.failed} docstring example(s) failed"
