"""What the catalog tells a caller (a person, an agent, a workflow engine) about an
operation and each of its inputs, read from the builder's docstring: the ``Args:`` entries
as input descriptions, the rest as ``Operation.description``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from hirelink.cli.main import app
from hirelink.operations import Operation, load_providers
from hirelink.operations.docstrings import parameter_docs, prose
from hirelink.operations.schema import with_field_docs

CATALOG = load_providers()

MULTI_LINE = """Do the thing.

    A rule: give ``a``, or ``b`` with :meth:`~hirelink.x.Client.c`.

    Args:
        a: The first input, described over
            two lines.
        b (int, optional): The second, with a type
            in parentheses.

            After an empty line, still ``b``.
        *names: Given one by one.
        **extra: What the table holds.

    Returns:
        The result, which is not an input.

    Raises:
        InvalidInputError: when neither is given.
    """


def test_args_entries_are_read_across_lines() -> None:
    assert parameter_docs(MULTI_LINE) == {
        "a": "The first input, described over two lines.",
        "b": "The second, with a type in parentheses. After an empty line, still `b`.",
        "names": "Given one by one.",
        "extra": "What the table holds.",
    }


def test_a_docstring_without_args_describes_no_parameter() -> None:
    assert parameter_docs("Only a summary.") == {}
    assert parameter_docs("Summary.\n\n    Returns:\n        a: not a parameter.\n") == {}
    assert parameter_docs("") == {}


def test_args_of_a_docstring_that_starts_on_its_own_line() -> None:
    docstring = "\n    Summary.\n\n    Args:\n        limit: At most this many.\n    "
    assert parameter_docs(docstring) == {"limit": "At most this many."}


def test_prose_leaves_out_args_returns_and_raises_and_reads_as_plain_text() -> None:
    assert prose(MULTI_LINE) == "Do the thing.\n\nA rule: give a, or b with c."
    after = "Summary.\n\n    Args:\n        a: An input.\n\n    Said after the sections.\n"
    assert prose(after) == "Summary.\n\nSaid after the sections."
    titled = "See :class:`the client <hirelink.x.Client>` and :func:`hirelink.x.f`."
    assert prose(titled) == "See the client and hirelink.x.f."


def _undescribed(schema: dict[str, object] | None) -> list[str]:
    properties = (schema or {}).get("properties", {})
    assert isinstance(properties, dict)
    return [name for name, spec in properties.items() if not spec.get("description")]


def test_every_input_of_every_operation_is_described() -> None:
    """Each named parameter is described by its ``Args:`` entry, each field of a
    ``**fields`` table by its docstring: an agent reads what an input means, its unit
    and the rule it takes part in from the schema alone."""
    bare = {
        f"{operation.id}{'.all' if which == 'all' else ''}": names
        for operation in CATALOG.operations()
        for which, schema in (
            ("page", operation.input_schema),
            ("all", operation.all_input_schema),
        )
        if (names := _undescribed(schema))
    }
    assert bare == {}
    assert sum(len(o.input_schema["properties"]) for o in CATALOG.operations()) > 200


def test_a_rule_between_inputs_is_in_their_descriptions() -> None:
    stage_change = CATALOG.get("recruitee.change_placement_stage")
    inputs = stage_change.input_schema["properties"]
    assert "offer_id" in inputs["stage_name"]["description"]
    assert "stage_name" in inputs["offer_id"]["description"]
    walk = CATALOG.get("join.list_jobs").all_input_schema
    assert walk is not None
    assert "50" in walk["properties"]["page_size"]["description"]


def test_a_description_already_there_is_kept() -> None:
    """An ``Args:`` entry does not replace a description already there (a table field's
    own docstring); it fills in one that is missing."""

    def build(self: object, limit: int, page: int) -> None:
        """Build a call.

        Args:
            limit: From the docstring.
            page: From the docstring too.
        """

    schema = {"properties": {"limit": {"description": "Already there."}, "page": {}}}
    described = with_field_docs(schema, build)["properties"]
    assert described == {
        "limit": {"description": "Already there."},
        "page": {"description": "From the docstring too."},
    }


def test_description_holds_the_rules_as_plain_text() -> None:
    description = CATALOG.get("recruitee.change_placement_stage").description
    assert description.startswith("Move the candidate, in one job, to another stage")
    assert "Give stage_id, or stage_name together with the placement's offer_id" in description
    assert "Args:" not in description
    assert ":func:" not in description
    assert "``" not in description
    field = CATALOG.get("recruitee.get_candidate_field").description
    assert "name_key" in field
    assert ":func:" not in field
    assert "~hirelink" not in field


@pytest.mark.parametrize("operation", CATALOG.operations(), ids=lambda operation: operation.id)
def test_no_description_leaves_markup_or_parameters_in(operation: Operation) -> None:
    description = operation.description
    assert description
    assert "Args:" not in description
    for shown in (description, operation.summary):
        assert not any(role in shown for role in (":meth:", ":class:", ":func:", ":mod:"))


def test_descriptions_survive_python_minus_oo() -> None:
    """``python -OO`` strips docstrings: every summary was empty (``ops list``, and the
    descriptions a tool built on the catalog hands on); they, the descriptions and the
    inputs' are read from the source."""
    script = (
        "import json; from hirelink.operations import load_providers; c = load_providers();"
        "print(json.dumps({o.id: [o.summary, o.description, o.input_schema]"
        " for o in c.operations()}))"
    )
    run = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-OO", "-c", script], capture_output=True, text=True, check=True
    )
    stripped = json.loads(run.stdout)
    assert stripped == {
        operation.id: [operation.summary, operation.description, operation.input_schema]
        for operation in CATALOG.operations()
    }
    assert all(summary for summary, _, _ in stripped.values())


def test_ops_describe_shows_the_description() -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["ops", "describe", "recruitee.change_placement_stage", "--json"])
    assert shown.exit_code == 0, shown.output
    described = json.loads(shown.stdout)
    assert "stage_name together with the placement's offer_id" in described["description"]
    assert described["summary"] == CATALOG.get("recruitee.change_placement_stage").summary
    stage_name = described["input_schema"]["properties"]["stage_name"]
    assert "offer_id" in stage_name["description"]
    human = runner.invoke(app, ["ops", "describe", "recruitee.change_placement_stage"])
    assert human.exit_code == 0, human.output
    assert "stage_name together with the placement's offer_id" in " ".join(human.stdout.split())
