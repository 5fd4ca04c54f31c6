"""The generated packages' shared types: ``UNSET`` survives copies, tokens stay out of reprs,
model names are checked.

Models test absent fields with ``is UNSET``, so a copied or unpickled model must hold the
one ``UNSET`` of its package (``specs/templates/types.py.jinja``); the low-level
``AuthenticatedClient`` must not show the token it was given (``client.py.jinja``).
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from hirelink.api.recruitee.models import Candidate
from hirelink.sandbox import StandIn

PACKAGES = ("recruitee", "join", "personio", "recruitee_partners")
CAPTURED = Path(__file__).resolve().parents[3] / "shared/reference/real-responses/recruitee"


@pytest.mark.parametrize("package", PACKAGES)
def test_unset_is_one_value_across_copies_and_pickles(package: str) -> None:
    types: Any = importlib.import_module(f"hirelink.api.{package}.types")
    assert copy.deepcopy(types.UNSET) is types.UNSET
    assert pickle.loads(pickle.dumps(types.UNSET)) is types.UNSET  # noqa: S301 - our own bytes
    assert repr(types.UNSET) == "UNSET"


def test_a_copied_captured_candidate_equals_it_and_writes_json() -> None:
    captured = sorted(CAPTURED.glob("candidate_get*.json"))
    if not captured:
        pytest.skip("the captured answers are not beside this checkout")
    candidate = Candidate.from_dict(json.loads(captured[0].read_text())["candidate"])
    for copied in (copy.deepcopy(candidate), pickle.loads(pickle.dumps(candidate))):  # noqa: S301
        assert copied == candidate
        assert json.dumps(copied.to_dict()) == json.dumps(candidate.to_dict())


@pytest.mark.parametrize("package", PACKAGES)
def test_the_low_level_authenticated_client_hides_its_token(package: str) -> None:
    client_module: Any = importlib.import_module(f"hirelink.api.{package}.client")
    client = client_module.AuthenticatedClient(
        base_url="https://api.example.test", token="low-level-token-0042"
    )
    client.get_httpx_client()  # puts the Authorization header into its headers
    assert client.token == "low-level-token-0042"
    assert "low-level-token-0042" not in repr(client)
    client.get_httpx_client().close()


def test_a_misspelt_model_name_fails_at_run_time_and_for_type_checkers() -> None:
    # The ignore is the check: mypy (strict, so unused ignores are errors) must find this
    # name missing. The models package's lazy __getattr__, when type checkers saw it, made
    # every name exist for them, typed Any.
    with pytest.raises(ImportError, match="Candidat"):
        from hirelink.api.recruitee.models import Candidat  # type: ignore[attr-defined]  # noqa: F401
    models = importlib.import_module("hirelink.api.join.models")
    assert "Application" in dir(models)
    assert models.Application.__name__ == "Application"


@pytest.mark.parametrize("package", PACKAGES)
def test_each_wrapper_gives_its_clients_unset(package: str) -> None:
    # So that user code narrows a field with the client's own package alone.
    wrapper: Any = importlib.import_module(f"hirelink.{package}")
    types: Any = importlib.import_module(f"hirelink.api.{package}.types")
    assert wrapper.UNSET is types.UNSET
    assert wrapper.Unset is types.Unset
    assert {"UNSET", "Unset"} <= set(wrapper.__all__)


@pytest.mark.parametrize("value", ["..", ".", ""])
def test_a_dot_segment_id_is_refused_before_the_low_level_client_sends(
    personio_sandbox: StandIn[Any], value: str
) -> None:
    # httpx resolves dot segments: delete_webhook(id="..") sent DELETE /v2, token and all.
    from hirelink.api.personio.api.webhook_management import delete_webhook
    from hirelink.api.personio.client import AuthenticatedClient

    client = AuthenticatedClient(base_url=personio_sandbox.url, token="low-level-token-0042")
    with client, pytest.raises(ValueError, match=f"id cannot be {value!r}"):
        delete_webhook.sync_detailed(client=client, id=value)
    assert personio_sandbox.sandbox.recorder.requests == []
    assert delete_webhook._get_kwargs(id="a/..")["url"].endswith("/a%2F..")  # one segment
