"""Every rule's examples and counter-examples (extract/timex/rules.py) are tests: adding a rule adds tests."""
import pytest

from extract.schema import GRAINS
from extract.timex import tag
from extract.timex.rules import CONTEXT_EXAMPLES, EXAMPLE_REFERENCE_DATE, RULES

EXAMPLES = [(rule.name, surface, value, grain) for rule in RULES for surface, (value, grain) in rule.examples.items()]
COUNTER_EXAMPLES = [(rule.name, text) for rule in RULES for text in rule.counter_examples]


@pytest.mark.parametrize("rule_name, surface, value, grain", EXAMPLES, ids=[f"{e[0]}:{e[1]}" for e in EXAMPLES])
def test_rule_example_is_one_timex_with_its_value_and_grain(rule_name, surface, value, grain):
    found = tag(surface, EXAMPLE_REFERENCE_DATE)
    assert [(t.text, t.rule) for t in found] == [(surface, rule_name)]
    assert (found[0].value, found[0].grain) == (value, grain)
    assert grain in GRAINS


@pytest.mark.parametrize("rule_name, text", COUNTER_EXAMPLES, ids=[f"{c[0]}:{c[1]}" for c in COUNTER_EXAMPLES])
def test_rule_counter_example_yields_no_timex(rule_name, text):
    assert [t.text for t in tag(text, EXAMPLE_REFERENCE_DATE)] == []


def test_every_rule_has_examples_and_a_unique_name():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert [rule.name for rule in RULES if not rule.examples] == []


@pytest.mark.parametrize("example", CONTEXT_EXAMPLES, ids=[f"{e.convention}:{e.sentence[:40]}" for e in CONTEXT_EXAMPLES])
def test_context_example_gives_its_expression_the_value_of_its_convention(example):
    found = {t.text: t.value for t in tag(example.sentence, example.reference_date)}
    assert found.get(example.expression) == example.value, found



def test_every_docstring_example_in_the_tagger_is_a_doctest():
    import inspect
    import re
    from pathlib import Path
    package = Path(inspect.getfile(tag)).parent
    unrun = [f"{path.name}:{number}" for path in sorted(package.glob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bExample:", line)]
    assert unrun == []
