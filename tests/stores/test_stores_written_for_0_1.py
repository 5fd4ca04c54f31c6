"""Extension points written for hirelink 0.1 are refused naming the 0.2 form, not taken
silently nor failed deep in core (upgrade hunt)."""

from __future__ import annotations

import functools
from typing import Any

import attrs
import httpx
import pytest

from hirelink.core import RetryPolicy
from hirelink.core.secrets import Secret
from hirelink.sandbox import serve_stand_in


class _LimiterOf01:
    """0.1's limiter: ``reserve()`` returned the seconds to wait."""

    limit, window = 20, 61.0

    def reserve(self) -> float:
        return 0.0

    async def areserve(self) -> float:
        return 0.0


class _StoreOf01:
    def limiter(self, key: str, limit: int, window: float) -> Any:
        return _LimiterOf01()

    def token_cache(self, key: str, client_secret: Secret) -> None:
        return None


def test_a_store_whose_limiter_returns_a_number_is_refused_before_anything_is_sent() -> None:
    with serve_stand_in("personio") as stand_in:
        personio = stand_in.client(store=_StoreOf01())
        with personio, pytest.raises(TypeError) as refused:
            personio.upload_document(b"%PDF-1.4", filename="cv.pdf")
        assert stand_in.recorder.requests == []
    assert str(refused.value).startswith("_LimiterOf01.reserve() returned float: since")
    assert "hirelink.core.ratelimit.Slot" in str(refused.value)


def test_a_retry_policy_overriding_the_0_1_signature_is_refused_when_defined() -> None:
    with pytest.raises(TypeError, match=r"may_resend_after_status\(self, method, \.\.\.\)"):

        @attrs.define
        class ResendPost503(RetryPolicy):
            def may_resend_after_status(self, method: Any, status_code: int) -> bool:
                return bool(method == "POST" and status_code == 503)


def test_a_retry_policy_overriding_the_0_2_signature_is_taken() -> None:
    @attrs.define
    class ResendPost503(RetryPolicy):
        def may_resend_after_status(self, request: httpx.Request, status_code: int) -> bool:
            if request.method == "POST" and status_code == 503:
                return True
            return super().may_resend_after_status(request, status_code)

    assert ResendPost503().may_resend_after_status(httpx.Request("POST", "http://x/"), 503)


@pytest.mark.anyio
async def test_an_async_limiter_returning_a_number_is_named_by_its_async_method() -> None:
    with serve_stand_in("personio") as stand_in:
        async with stand_in.async_client(store=_StoreOf01()) as personio:
            with pytest.raises(TypeError) as refused:
                await personio.upload_document(b"%PDF-1.4", filename="cv.pdf")
        assert stand_in.recorder.requests == []
    assert str(refused.value).startswith("_LimiterOf01.areserve() returned float: since")


def test_retry_policy_overrides_that_are_classmethods_or_partialmethods_are_taken() -> None:
    """Read from the class's namespace, they raised "is not a callable object"."""

    def resend(_policy: object, request: httpx.Request, status_code: int) -> bool:
        return status_code == 599

    class AsClassmethod(RetryPolicy):
        @classmethod
        def may_resend_after_status(cls, request: httpx.Request, status_code: int) -> bool:
            return status_code == 599

    class AsPartialmethod(RetryPolicy):
        may_resend_after_status = functools.partialmethod(resend)

    request = httpx.Request("GET", "http://x/")
    assert AsClassmethod().may_resend_after_status(request, 599)
    assert AsPartialmethod().may_resend_after_status(request, 599)
