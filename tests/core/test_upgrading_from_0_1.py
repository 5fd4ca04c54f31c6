"""Code written for hirelink 0.1 fails naming what changed and what to write instead
(upgrade hunt): a renamed method or option, an old stand-in declaration."""

from __future__ import annotations

import anyio
import pytest

from hirelink.personio import Personio
from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners
from hirelink.sandbox import serve_stand_in
from hirelink.sandbox.app import SandboxApp


@pytest.mark.parametrize(
    ("old", "new"),
    [("set_inputs", "set_partner_inputs"), ("regenerate_secret", "regenerate_partner_secret")],
)
def test_a_renamed_partners_method_names_its_new_name(old: str, new: str) -> None:
    with serve_stand_in("recruitee_partners") as stand_in:
        for client_class in (RecruiteePartners, AsyncRecruiteePartners):
            client = client_class(**stand_in.client_kwargs())
            with pytest.raises(AttributeError, match=f"renamed '{new}' in hirelink 0.2"):
                getattr(client, old)
            assert callable(getattr(client, new))
            with pytest.raises(AttributeError) as unknown:
                getattr(client, "no_such_method")  # noqa: B009
            assert "renamed" not in str(unknown.value)
            if isinstance(client, AsyncRecruiteePartners):
                anyio.run(client.aclose)
            else:
                client.close()


def test_personios_old_api_base_url_option_names_its_new_name() -> None:
    with serve_stand_in("personio") as stand_in, pytest.raises(TypeError) as caught:
        Personio(**stand_in.client_kwargs(), api_base_url=stand_in.server.url)  # type: ignore[call-arg]
    assert "it was renamed 'base_url' in hirelink 0.2" in str(caught.value)


def test_a_stand_in_declared_the_0_1_way_is_refused_saying_how_now() -> None:
    """It served no route and answered 404 to everything, saying nothing."""
    with pytest.raises(TypeError, match=r"specs.*@handles"):

        class Mine(SandboxApp):
            spec_name = "recruitee"


def test_a_property_failing_inside_names_what_it_missed_not_itself() -> None:
    """Review: the clients' __getattr__ stood in for the property's own AttributeError."""

    class Mine(RecruiteePartners):
        @property
        def broken(self) -> str:
            return str(self._no_such_private)  # type: ignore[attr-defined]

    with (
        serve_stand_in("recruitee_partners") as stand_in,
        Mine(**stand_in.client_kwargs()) as client,
        pytest.raises(AttributeError) as caught,
    ):
        _ = client.broken
    assert "_no_such_private" in str(caught.value)
