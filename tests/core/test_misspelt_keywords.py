"""A misspelt keyword names itself and the one meant, before anything is sent, also where
the method takes further keywords through ``**filters`` (review of the renamed keywords)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from hirelink.core import UnknownArgumentError
from hirelink.operations import InputValidationError, Operation, load_providers
from hirelink.recruitee import Recruitee
from hirelink.sandbox import serve_stand_in

APPLICANT = {"job_position_id": 1, "first_name": "A", "last_name": "B"}
HOOK = "https://hooks.example.org/x"


@pytest.mark.parametrize(
    ("provider", "method", "arguments", "misspelt", "meant"),
    [
        ("recruitee", "create_candidate", {"nmae": "Ada Lovelace"}, "nmae", "name"),
        ("personio", "create_application", {**APPLICANT, "emial": "a@b.example"}, "emial", "email"),
        ("personio", "create_webhook", {"url": HOOK, "event": ["x"]}, "event", "events"),
    ],
)
def test_a_misspelt_named_parameter_beside_further_keywords_is_named(
    provider: str, method: str, arguments: dict[str, Any], misspelt: str, meant: str
) -> None:
    """Python said only that the parameter meant was missing, naming an internal class."""
    with serve_stand_in(provider) as stand_in:  # type: ignore[call-overload]
        with stand_in.client() as client, pytest.raises(UnknownArgumentError) as refused:
            getattr(client, method)(**arguments)
        assert stand_in.recorder.requests == []
    assert refused.value.field == misspelt
    assert refused.value.message.endswith(f"(did you mean {meant}?)")


class _WithAPlainMethod(Recruitee):
    def hello(self, name: str) -> str:
        """Say hello."""
        return f"hello {name}"


@pytest.mark.parametrize("inputs", [{"nmae": "x"}, {"name": 5}])
def test_an_operation_over_a_plain_method_refuses_bad_inputs_as_any_other(
    inputs: dict[str, Any],
) -> None:
    """Looking its renames up raised KeyError: a plain method declares none."""
    provider = attrs.evolve(load_providers().provider("recruitee"), client_class=_WithAPlainMethod)
    hello = Operation(id="recruitee.hello", title="Hello", provider=provider, method="hello")
    assert hello.arguments({"name": "x"}) == {"name": "x"}
    with pytest.raises(InputValidationError):
        hello.arguments(inputs)
