"""Every operation is declared once, and both clients of a provider expose it alike.

The checks read the declarations (``hirelink.core.operations.declarations``), so an
operation added to a provider is covered without touching this file. ``_typed`` is never
run: it exists for mypy, which checks the public methods' real signatures and results.
"""

from __future__ import annotations

import asyncio
import inspect
import typing
from collections.abc import AsyncGenerator, Generator
from types import CoroutineType
from typing import Any, assert_type

import pytest

from hirelink.api.join.models import Job
from hirelink.api.recruitee.models import Candidate, CandidateListItem
from hirelink.api.recruitee_partners.models import Report
from hirelink.core import AsyncProviderClient, InvalidInputError, ProviderClient
from hirelink.core.operations import (
    NOT_GIVEN,
    Operation,
    Walker,
    Watcher,
    declarations,
)
from hirelink.join import AsyncJoin, Join
from hirelink.personio import AsyncPersonio, ConnectionCheck, Personio
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners

PAIRS: list[tuple[type[ProviderClient], type[AsyncProviderClient], dict[str, Any]]] = [
    (Recruitee, AsyncRecruitee, {"company_id": 4100, "token": "t0ken-value"}),
    (Join, AsyncJoin, {"token": "t0ken-value"}),
    (Personio, AsyncPersonio, {"subdomain": "acme"}),
    (RecruiteePartners, AsyncRecruiteePartners, {"codename": "skillcheck"}),
]
_LIFECYCLE = {"close", "aclose", "base_url"}


def _public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def _expanded_shape(build: Any) -> list[tuple[str, Any, Any]]:
    """The builder's parameters after ``self``, a ``**filters: Unpack[Filters]`` as the
    keys of ``Filters``: keyword-only, optional ones shown as ``= ...`` (left out, not sent)."""
    hints = typing.get_type_hints(build)
    shape: list[tuple[str, Any, Any]] = []
    for parameter in list(inspect.signature(build).parameters.values())[1:]:
        if parameter.kind is not inspect.Parameter.VAR_KEYWORD:
            shape.append((parameter.name, parameter.kind, parameter.default))
            continue
        (typed_dict,) = typing.get_args(hints[parameter.name])
        for key in typing.get_type_hints(typed_dict):
            default = inspect.Parameter.empty if key in typed_dict.__required_keys__ else NOT_GIVEN
            shape.append((key, inspect.Parameter.KEYWORD_ONLY, default))
    return shape


@pytest.mark.parametrize(("sync", "asynchronous", "arguments"), PAIRS, ids=lambda p: str(p))
def test_each_sync_method_has_an_async_twin_with_the_same_signature(
    sync: type[ProviderClient], asynchronous: type[AsyncProviderClient], arguments: dict[str, Any]
) -> None:
    declared = declarations(sync)
    assert declared, sync
    for name in declared:  # declared once, on a class both clients inherit
        owner = next(k for k in sync.__mro__ if name in vars(k))
        assert issubclass(asynchronous, owner), (name, owner)
        assert owner not in (sync, asynchronous), (name, owner)
    with sync(**arguments) as sync_client:
        client = asynchronous(**arguments)
        for name, declaration in declared.items():
            sync_method = getattr(sync_client, name)
            async_method = getattr(client, name)

            # The builder's own parameters, minus self, read from the function itself
            # (the methods show the annotations evaluated).
            def shape(function: Any) -> list[tuple[str, Any, Any]]:
                parameters = inspect.signature(function).parameters.values()
                return [(p.name, p.kind, p.default) for p in parameters]

            expected = _expanded_shape(declaration.__wrapped__)
            assert shape(sync_method) == expected, name
            assert shape(async_method) == expected, name
            sync_signature = inspect.signature(sync_method)
            async_signature = inspect.signature(async_method)
            assert sync_signature.parameters == async_signature.parameters, name
            assert sync_method.__doc__ == async_method.__doc__ == declaration.__doc__, name
            assert declaration.__doc__, f"{name} has no docstring"
            if isinstance(declaration, Walker | Watcher):
                assert not inspect.iscoroutinefunction(async_method), name
            else:
                assert isinstance(declaration, Operation)
                assert inspect.iscoroutinefunction(async_method), name
                assert not inspect.iscoroutinefunction(sync_method), name


@pytest.mark.parametrize(("sync", "asynchronous", "arguments"), PAIRS, ids=lambda p: str(p))
def test_every_public_method_is_a_declared_operation(
    sync: type[ProviderClient], asynchronous: type[AsyncProviderClient], arguments: dict[str, Any]
) -> None:
    declared = set(declarations(sync))
    extra_sync = _public(sync) - declared - _LIFECYCLE
    extra_async = _public(asynchronous) - declared - _LIFECYCLE
    # What is left is state (identities), not operations written twice.
    assert all(not callable(getattr(sync, name, None)) for name in extra_sync), extra_sync
    assert extra_sync == extra_async


def test_a_public_signature_has_no_catch_all_keywords() -> None:
    for sync, _, _ in PAIRS:
        for name, declaration in declarations(sync).items():
            for parameter in inspect.signature(declaration.build).parameters.values():
                if parameter.kind is inspect.Parameter.VAR_KEYWORD:
                    annotation = str(parameter.annotation)
                    assert annotation.startswith("Unpack["), (sync.__name__, name, annotation)


def _typed(
    recruitee: Recruitee,
    arecruitee: AsyncRecruitee,
    join: Join,
    ajoin: AsyncJoin,
    personio: Personio,
    apersonio: AsyncPersonio,
    partners: RecruiteePartners,
    apartners: AsyncRecruiteePartners,
    maybe_text: str | None,
) -> None:
    assert_type(recruitee.get_candidate(1), Candidate)
    assert_type(Recruitee.get_candidate(recruitee, 1), Candidate)  # read from the class
    assert_type(AsyncRecruitee.get_candidate(arecruitee, 1), CoroutineType[object, None, Candidate])
    assert_type(arecruitee.get_candidate(1), CoroutineType[object, None, Candidate])
    assert_type(recruitee.update_candidate(1, phones=["+49"]), Candidate)
    assert_type(recruitee.iter_candidates(qualified=True), Generator[CandidateListItem, None, None])
    assert_type(arecruitee.iter_candidates(), AsyncGenerator[CandidateListItem, None])
    assert_type(join.get_job(1), Job)
    assert_type(ajoin.iter_jobs(page_size=10), AsyncGenerator[Job, None])
    assert_type(personio.check_connection(), list[ConnectionCheck])
    assert_type(apersonio.check_connection(), CoroutineType[object, None, list[ConnectionCheck]])
    assert_type(partners.list_candidate_reports(4100, 1), list[Report])
    assert_type(apartners.delete_report("x"), CoroutineType[object, None, None])
    # A coroutine: asyncio's entry points take it, not any awaitable.
    asyncio.run(arecruitee.get_candidate(1))
    # Two different results gathered: the Anys of CoroutineType[Any, Any, T] made mypy
    # find gather's overloads ambiguous, and the tuple Any.
    assert_type(
        asyncio.gather(arecruitee.get_candidate(1), apersonio.check_connection()),
        asyncio.Future[tuple[Candidate, list[ConnectionCheck]]],
    )
    asyncio.get_running_loop().create_task(apersonio.check_connection())
    # A filter given None is left out, so an optional value passes straight through.
    recruitee.list_candidates(query=maybe_text, offer_id=None)
    join.list_applications(job_external_id=maybe_text, updated_after=None)
    join.list_offices(country_code=maybe_text)
    personio.list_applications(candidate_email=maybe_text, updated_before=None)
    personio.list_persons(first_name=maybe_text, ids=None)


def test_a_walker_walks_a_declared_list_operation_and_requires_what_it_requires() -> None:
    walkers = 0
    for sync, _, _ in PAIRS:
        declared = declarations(sync)
        for name, declaration in declared.items():
            if isinstance(declaration, Walker):
                walkers += 1
                assert declared[declaration.walks.name] is declaration.walks, name
                assert name == "iter_" + declaration.walks.name.removeprefix("list_"), name
                assert declaration.requires == declaration.walks.requires, name
    assert walkers == 10


def test_a_missing_credential_is_named_before_anything_is_sent() -> None:
    with Personio(subdomain="acme") as personio:
        with pytest.raises(InvalidInputError) as caught:
            personio.list_jobs(limit=5)
        assert caught.value.field == "client_id"
        assert "Marketplace" in caught.value.message  # where to find it
        with pytest.raises(InvalidInputError) as walked:
            next(personio.iter_jobs())
        assert walked.value.field == "client_id"
