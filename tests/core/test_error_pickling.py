"""hirelink's errors pickle whole, so a process pool hands a worker's error to its parent
(a worker whose error could not be pickled broke the whole pool)."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from hirelink.core import errors
from hirelink.join import Join
from hirelink.operations.registry import (
    FieldProblem,
    InputValidationError,
    UnknownOperationError,
)
from hirelink.sandbox import StandIn

API_ERRORS = [
    cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, errors.ApiError)
]

EXAMPLES: list[errors.HirelinkError] = [
    errors.HirelinkError("plain"),
    errors.InvalidInputError("documents.0.type", "must be one of CV, COVER_LETTER"),
    errors.MalformedResponseError("get_job", "missing 'id'"),
    errors.ApiConnectionError("connection refused"),
    errors.ApiTimeoutError("read timed out"),
    errors.StoreUnavailableError("redis down"),
    UnknownOperationError("recruitee.list_candidate", ["recruitee.list_candidates"]),
    InputValidationError([FieldProblem("limit", "must be 1 to 10000")]),
    *(
        cls(
            "No job 7",
            status_code=cls._status or 418,
            error={"error": {"type": "NotFound"}},
            field_errors={"id": ["unknown"]},
            headers={"retry-after": "3"},
            body='{"error": "x"}',
            method="GET",
            url="https://api.example/jobs/7",
            hint="check the token",
        )
        for cls in API_ERRORS
    ),
]


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda error: type(error).__name__)
def test_every_error_survives_a_pickle_round_trip(error: errors.HirelinkError) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert repr(copy) == repr(error)
    assert vars(copy) == vars(error)
    assert copy.args == error.args


def _fetch_missing_application(client_kwargs: dict[str, Any]) -> None:
    with Join(**client_kwargs) as join:
        join.get_application(99999999)


def test_a_worker_process_error_reaches_its_parent_as_itself(
    join_sandbox_session: StandIn[Any],
) -> None:
    context = multiprocessing.get_context("spawn")
    kwargs = join_sandbox_session.client_kwargs()
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(_fetch_missing_application, kwargs)
        with pytest.raises(errors.NotFoundError) as raised:
            future.result(timeout=60)
    assert raised.value.status_code == 404
    assert raised.value.method == "GET"
    assert kwargs["token"] not in str(raised.value)


def test_a_receiver_s_rejections_pickle_whole() -> None:
    """Rejection and CallbackError took arguments of their own: pickling worked, reading
    the pickle back raised TypeError (a missing argument)."""
    from hirelink.core.receiver import CallbackError, Rejection
    from hirelink.recruitee_partners.service import Refusal

    for rejection in (Rejection("no such candidate", 404), Refusal("No invitations left.")):
        back = pickle.loads(pickle.dumps(rejection))  # noqa: S301 - our own bytes
        assert type(back) is type(rejection)
        assert (back.message, back.status_code, str(back)) == (
            rejection.message,
            rejection.status_code,
            str(rejection),
        )
    failed = pickle.loads(  # noqa: S301 - our own bytes
        pickle.dumps(CallbackError("on_event", KeyError("candidate")))
    )
    assert failed.callback == "on_event"
    assert isinstance(failed.error, KeyError)
    assert failed.error.args == ("candidate",)


def test_a_secret_copies_as_itself_and_still_refuses_to_be_pickled() -> None:
    """copy.copy, deepcopy and dataclasses.asdict of a config holding a Secret raised
    "Secret values cannot be pickled", though nothing left the process."""
    import copy
    import dataclasses

    from hirelink.core import Secret

    @dataclasses.dataclass
    class Settings:
        token: Secret

    secret = Secret("tok-3f9a")
    assert copy.copy(secret) is secret
    assert copy.deepcopy({"token": secret})["token"] is secret
    assert dataclasses.asdict(Settings(secret)) == {"token": secret}
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(secret)
