"""A user's own project tests its Recruitee code with the sandbox's pytest plugin.

The project lives in a temporary directory outside the workspace; its virtualenv gets
the built ``hirelink-recruitee`` and ``hirelink-sandbox`` wheels (our other
distributions come from the same build, third-party ones from the usual index) and
pytest, and its test file uses nothing but the fixtures the plugin registers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.release.distributions import discover, uv_binary

# Release tooling does not depend on the interpreter the suite runs on: it runs once, on the
# primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only

USER_CODE = '''\
"""The user's integration code: tag every qualified candidate."""

from hirelink.recruitee import Recruitee


def tag_qualified(client: Recruitee, tag: str) -> list[int]:
    tagged = []
    for candidate in client.iter_candidates(qualified=True, page_size=20):
        client.add_candidate_tags(candidate.id, [tag])
        tagged.append(candidate.id)
    return tagged
'''

USER_TESTS = """\
import pytest

from hirelink.core import ServerError
from hirelink.recruitee import Recruitee
from hirelink.sandbox import Fault

from integration import tag_qualified

def test_tags_every_qualified_candidate(recruitee_sandbox):
    with Recruitee(**recruitee_sandbox.client_kwargs()) as client:
        tagged = tag_qualified(client, "checked")
        assert tagged
        for candidate_id in tagged[:3]:
            assert "checked" in client.get_candidate(candidate_id).tags
    assert recruitee_sandbox.hits("POST", "/tags") == len(tagged)


def test_a_provider_outage_surfaces_as_a_typed_error(recruitee_sandbox_session):
    recruitee_sandbox_session.faults.add(Fault(method="GET", path="/candidates", status=503))
    with Recruitee(**recruitee_sandbox_session.client_kwargs(max_retries=0)) as client:
        with pytest.raises(ServerError):
            tag_qualified(client, "checked")


def test_the_session_stand_in_starts_each_test_without_faults(recruitee_sandbox_session):
    with Recruitee(**recruitee_sandbox_session.client_kwargs()) as client:
        assert client.list_candidates(limit=2).candidates
"""


def test_an_example_project_uses_only_the_plugin_fixtures(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "acme-integration"
    project.mkdir()
    (project / "integration.py").write_text(USER_CODE)
    (project / "test_integration.py").write_text(USER_TESTS)
    uv = uv_binary()
    venv = project / ".venv"
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    pins = tmp_path / "pins.txt"
    pins.write_text("".join(f"{d.name}=={d.version}\n" for d in discover()))
    wheels = [
        str(next(built.glob(f"{name}-*.whl")))
        for name in ("hirelink_recruitee", "hirelink_sandbox")
    ]
    subprocess.run(
        [
            *(uv, "pip", "install", "--quiet", "--python", str(python)),
            *("--find-links", str(built), "--constraints", str(pins), *wheels, "pytest"),
        ],
        check=True,
    )
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
