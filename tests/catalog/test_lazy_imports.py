"""Importing a wrapper loads no generated endpoint and (almost) no model; one call loads
only its own endpoint module.

Each check runs in a fresh interpreter, so nothing imported by other tests counts. The
enums named below stay eager: the wrappers' argument types and validators use them at
module level, and each is a few lines.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from hirelink.sandbox.standins import StandIn

# provider: (client class, operation, its arguments, its endpoint module, eager models)
CASES: dict[str, tuple[str, str, dict[str, Any], str, set[str]]] = {
    "recruitee": (
        "Recruitee",
        "list_offers",
        {},
        "offers.list_offers",
        {
            "list_candidates_sort",
            "list_offers_kind",
            "list_offers_scope",
            "list_offers_view_mode",
            "note_visibility_input_level",
        },
    ),
    "join": (
        "Join",
        "list_jobs",
        {"page": 1, "page_size": 5},
        "jobs.list_jobs",
        {"application_source", "hiring_state_filter"},
    ),
    "personio": (
        "Personio",
        "list_jobs",
        {"limit": 5},
        "jobs.list_jobs",
        {"application_file_category", "list_persons_status", "system_phase_id"},
    ),
    "recruitee_partners": (
        "RecruiteePartners",
        "list_candidate_reports",
        {"company_id": 4100, "candidate_id": 7730011},
        "reports.list_candidate_reports",
        {"partner_input_kind", "partner_kind", "report_status"},
    ),
}

SCRIPT = """
import json, sys
import httpx

def generated(kind):
    prefix = f"hirelink.api.{provider}.{kind}."
    return sorted(name[len(prefix):] for name in sys.modules if name.startswith(prefix))

provider, cls, operation, arguments, details = json.loads(sys.argv[1])
wrapper = __import__(f"hirelink.{provider}", fromlist=["_"])
imported = {"endpoints": generated("api"), "models": generated("models")}
with getattr(wrapper, cls)(**details) as client:
    getattr(client, operation)(**arguments)
called = {"endpoints": generated("api")}
print(json.dumps({"imported": imported, "called": called}))
"""


@pytest.mark.parametrize("provider", sorted(CASES))
def test_import_loads_no_endpoint_and_a_call_only_its_own(
    provider: str, request: pytest.FixtureRequest
) -> None:
    cls, operation, arguments, endpoint, eager_models = CASES[provider]
    stand_in: StandIn[Any] = request.getfixturevalue(f"{provider}_sandbox_session")
    given = [provider, cls, operation, arguments, stand_in.client_kwargs()]
    output = subprocess.run(  # noqa: S603  (our own script and values)
        [sys.executable, "-c", SCRIPT, json.dumps(given)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    loaded = json.loads(output.stdout)

    assert loaded["imported"]["endpoints"] == []
    assert set(loaded["imported"]["models"]) == eager_models
    group = endpoint.split(".")[0]
    assert loaded["called"]["endpoints"] == [group, endpoint]
