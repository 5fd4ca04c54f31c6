"""The base every provider stand-in builds on.

A stand-in subclasses :class:`SandboxApp`, lists its operations (method, path,
operationId, handler) and implements :meth:`SandboxApp.authenticate` and, if the
provider's error body differs from ``{"error": ...}``, :meth:`SandboxApp.error_body`.
The base wires a Starlette app behind a :class:`~hirelink.sandbox.recorder.RequestRecorder`
and a :class:`~hirelink.sandbox.faults.FaultInjector`, validates each request
against the provider's OpenAPI document and turns :class:`SandboxError` into
the provider's error response.

Order of checks for one request: record, faults, routing (404/405),
:meth:`~SandboxApp.authenticate`, spec validation (422), handler.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs
from starlette.applications import Starlette
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from hirelink.sandbox.faults import FaultInjector
from hirelink.sandbox.recorder import RequestRecorder
from hirelink.sandbox.server import SandboxServer
from hirelink.sandbox.specs import spec_path
from hirelink.sandbox.validation import OperationNotInSpecError, SpecValidator

__all__ = ["ApiCall", "Handler", "Operation", "SandboxApp", "SandboxError", "json_response"]


class SandboxError(Exception):
    """Raised by handlers and hooks to answer with a provider-shaped error.

    Args:
        status: HTTP status code.
        message: the error message.
        field_errors: per-field messages (``{"candidate.name": ["can't be blank"]}``).
        headers: extra response headers.
    """

    def __init__(
        self,
        status: int,
        message: str,
        field_errors: Mapping[str, Sequence[str]] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field_errors: dict[str, list[str]] = {
            name: list(messages) for name, messages in (field_errors or {}).items()
        }
        self.headers: dict[str, str] = dict(headers or {})


@attrs.frozen
class ApiCall:
    """What a handler gets: the request, already authenticated and validated.

    Attributes:
        request: the Starlette request.
        operation_id: the operationId of the matched operation.
        path_params: path parameters, converted by the route (``{id:int}`` gives an int).
        query: the decoded query parameters.
        body: the raw request body.
        json: the body parsed as JSON, or None for an empty body or a form body
            (``multipart/form-data``, ``application/x-www-form-urlencoded``).
    """

    request: Request
    operation_id: str
    path_params: Mapping[str, Any]
    query: QueryParams
    body: bytes
    json: Any


Handler = Callable[[ApiCall], Response]
"""A synchronous operation handler. It runs on the server's event loop, so it
must be quick (in-memory state only)."""


@attrs.frozen
class Operation:
    """One API operation of a stand-in.

    Attributes:
        method: HTTP method.
        path: Starlette path template, e.g. ``/c/{company_id}/candidates/{candidate_id:int}``.
        operation_id: the operationId in the provider's spec.
        handler: the function answering it.
    """

    method: str
    path: str
    operation_id: str
    handler: Handler


def json_response(
    content: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """A compact ``application/json`` response."""
    return JSONResponse(content, status_code=status, headers=dict(headers or {}))


class SandboxApp:
    """Base class of a provider stand-in (see the module docstring).

    Subclasses set :attr:`spec_name` and implement :meth:`operations` and
    :meth:`authenticate`; they must initialise their own state before calling
    ``super().__init__()``, which builds the routes.

    Args:
        validate: validate requests against the spec named by :attr:`spec_name`.
        max_recorded_requests: how many requests the recorder keeps.

    Attributes:
        faults: switchable faults, applied before routing and authentication.
        recorder: every request received, credentials redacted.
        validator: the spec validator, or None when validation is off.
        asgi: the complete ASGI application (recorder -> faults -> routes).
    """

    spec_name: ClassVar[str | None] = None
    validation_error_message: ClassVar[str] = "Validation failed"

    def __init__(self, *, validate: bool = True, max_recorded_requests: int = 10_000) -> None:
        self.faults = FaultInjector()
        self.recorder = RequestRecorder(max_requests=max_recorded_requests)
        self.validator: SpecValidator | None = None
        if validate and self.spec_name is not None:
            self.validator = SpecValidator.for_file(self.spec_file())
        routes = [
            Route(
                operation.path,
                self._endpoint(operation),
                methods=[operation.method],
                name=operation.operation_id,
            )
            for operation in self.operations()
        ]
        self.starlette = Starlette(
            routes=routes,
            exception_handlers={HTTPException: self._http_exception, Exception: self._crash},
        )
        self.asgi: ASGIApp = self.recorder.middleware(self.faults.middleware(self.starlette))

    @classmethod
    def spec_file(cls) -> Path:
        """The OpenAPI document this stand-in validates against."""
        if cls.spec_name is None:
            raise LookupError(f"{cls.__name__} names no spec")
        return spec_path(cls.spec_name)

    def operations(self) -> Iterable[Operation]:
        """The operations this stand-in serves."""
        raise NotImplementedError

    def authenticate(self, call: ApiCall) -> None:
        """Check credentials (and anything else checked before validation).

        Raise :class:`SandboxError` to refuse the request. The default accepts all.
        """

    def error_body(self, error: SandboxError) -> Any:
        """The JSON body of an error response: ``{"error": message}`` plus, when
        there are field errors, ``"errors": {field: [messages]}``."""
        body: dict[str, Any] = {"error": error.message}
        if error.field_errors:
            body["errors"] = error.field_errors
        return body

    def error_response(self, error: SandboxError) -> Response:
        """Render a :class:`SandboxError` with :meth:`error_body`."""
        return json_response(self.error_body(error), error.status, error.headers)

    def serve(
        self, *, host: str = "127.0.0.1", port: int = 0, max_lifetime: float | None = 3600.0
    ) -> SandboxServer:
        """Start serving :attr:`asgi` on loopback in a background thread; return the server."""
        return SandboxServer(self.asgi, host=host, port=port, max_lifetime=max_lifetime).start()

    def _endpoint(self, operation: Operation) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            body = await request.body()
            call = ApiCall(
                request=request,
                operation_id=operation.operation_id,
                path_params=request.path_params,
                query=request.query_params,
                body=body,
                json=None,
            )
            try:
                self.authenticate(call)
                self._validate(request, body)
                if _may_be_json(request):
                    call = attrs.evolve(call, json=_parse_json(body))
                return operation.handler(call)
            except SandboxError as error:
                return self.error_response(error)

        endpoint.__name__ = operation.operation_id
        return endpoint

    def _validate(self, request: Request, body: bytes) -> None:
        if self.validator is None:
            return
        try:
            problems = self.validator.validate(request, body)
        except OperationNotInSpecError as exc:
            raise SandboxError(500, f"Operation not described by the spec: {exc}") from exc
        if problems:
            field_errors: dict[str, list[str]] = {}
            for problem in problems:
                field_errors.setdefault(problem.field or problem.location, []).append(
                    problem.message
                )
            raise SandboxError(422, self.validation_error_message, field_errors)

    async def _http_exception(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = {404: "Not found", 405: "Method not allowed"}.get(status, "Error")
        return self.error_response(SandboxError(status, message))

    async def _crash(self, request: Request, exc: Exception) -> Response:
        # Starlette re-raises the exception after this response, so uvicorn logs it.
        return self.error_response(SandboxError(500, "Internal server error"))


_FORM_MEDIA_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


def _may_be_json(request: Request) -> bool:
    """False for form bodies, which handlers read from ``ApiCall.body`` themselves."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    return media_type not in _FORM_MEDIA_TYPES


def _parse_json(body: bytes) -> Any:
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except ValueError as exc:
        raise SandboxError(422, "Malformed JSON body", {"body": [str(exc)]}) from exc
