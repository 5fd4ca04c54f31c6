"""The base every provider stand-in builds on: routes and handlers from the spec.

A stand-in subclasses :class:`SandboxApp`, names the specs it serves (:attr:`SandboxApp.specs`:
spec name -> URL prefix), and binds one method to each operationId of those specs with
:func:`handles`. Routes come from the specs' paths; an operation without a handler (or a
handler without an operation) stops the stand-in at start with :class:`MissingHandlerError`.
Handlers receive an :class:`ApiCall` whose ``params`` and ``body`` the spec has already
validated and unmarshalled. What a spec cannot say stays in the stand-in:
:meth:`SandboxApp.authenticate` and the provider's error bodies (:meth:`SandboxApp.error_body`).

Routes a spec cannot describe are added by :meth:`SandboxApp.unspecified_routes`.

Order of checks for one request: record, faults, routing (404/405),
:meth:`~SandboxApp.authenticate`, spec validation (422), handler.
"""

from __future__ import annotations

import hmac
import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar, TypeVar

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp

from hirelink.core.receiver import bearer_token
from hirelink.core.specs import spec_path
from hirelink.sandbox.faults import FaultInjector
from hirelink.sandbox.recorder import RequestRecorder
from hirelink.sandbox.server import SandboxServer
from hirelink.sandbox.validation import (
    FilePart,
    SpecOperation,
    SpecValidator,
    ValidationProblem,
)

__all__ = [
    "ApiCall",
    "Handler",
    "MissingHandlerError",
    "Operation",
    "SandboxApp",
    "SandboxError",
    "bearer_token",
    "handles",
    "invalid",
    "json_response",
    "moment",
    "same_secret",
    "undeclared_answers",
]

_HANDLED = "__sandbox_operation_id__"
_log = logging.getLogger("hirelink.sandbox")
_F = TypeVar("_F", bound=Callable[..., Any])


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


def same_secret(given: str, expected: str) -> bool:
    """Whether a credential sent matches the expected one (in constant time)."""
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def invalid(field: str, message: str) -> SandboxError:
    """A 422 naming ``field``: a rule of the provider's that its spec cannot state."""
    return SandboxError(422, "Validation failed", {field: [message]})


def moment(field: str, value: str) -> datetime:
    """``value`` read as an ISO 8601 date-time; a 422 naming ``field`` when it is none
    (a pattern lets ``2026-02-30T00:00:00Z`` through)."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise invalid(field, "is not a valid date-time") from None


class MissingHandlerError(TypeError):
    """A stand-in does not handle every operation of its specs exactly once, or handles
    one they lack."""


@attrs.frozen
class ApiCall:
    """What a handler gets: the request, authenticated, validated and read by the spec.

    Attributes:
        request: the Starlette request.
        operation_id: the operationId of the matched operation.
        params: path and query parameters as the spec reads them (``candidate_id`` an
            int, ``qualified`` a bool, a ``date-time`` an aware datetime); absent optional
            ones are left out. Before validation (in ``authenticate``) the raw path values.
        body: the body as the spec accepted it (parsed JSON or form), or None.
        raw_body: the body's bytes as received.
        security: the operation's security schemes in the spec, each with its scopes
            (``{"oauth2": ("personio:persons:read",)}``); empty when it takes none.
        files: the file parts of a multipart body by name (file name, bytes, content type).
    """

    request: Request
    operation_id: str
    params: Mapping[str, Any]
    body: Any = None
    raw_body: bytes = b""
    security: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    files: Mapping[str, FilePart] = attrs.field(factory=dict)


Handler = Callable[[ApiCall], Response]
"""A synchronous operation handler; it runs on the server's event loop (in-memory work only)."""


def handles(operation_id: str) -> Callable[[_F], _F]:
    """Bind a stand-in method to the operation ``operation_id`` of its spec."""

    def bind(method: _F) -> _F:
        setattr(method, _HANDLED, operation_id)
        return method

    return bind


@attrs.frozen
class Operation:
    """One served operation: its method, Starlette route (the spec's path under its prefix,
    integer path parameters as ``{name:int}``), operationId, handler, spec name and
    security (as :attr:`ApiCall.security`)."""

    method: str
    path: str
    operation_id: str
    handler: Handler
    spec: str = ""
    security: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)


def json_response(
    content: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """A compact ``application/json`` response."""
    return JSONResponse(content, status_code=status, headers=dict(headers or {}))


class SandboxApp:
    """Base class of a provider stand-in (see the module docstring).

    Subclasses set :attr:`specs`, mark handlers with :func:`handles` and implement
    :meth:`authenticate`; they must initialise their own state before calling
    ``super().__init__()``, which builds the routes.

    Args:
        validate: refuse (422) requests the spec refuses. With False the stand-in is
            lenient: query values of the wrong type are ignored and bodies are read
            without their schema; the rest of what the spec says still holds, since
            handlers receive what the spec reads.
        max_recorded_requests: how many requests the recorder keeps.

    Raises:
        MissingHandlerError: an operation of the specs has no handler, or a handler
            names an operation the specs lack.

    Attributes:
        faults: switchable faults, applied before routing and authentication.
        recorder: every request received, credentials redacted.
        validator: the main spec's validator; None for a lenient stand-in (``validate=False``),
            whose requests are still read by the spec.
        asgi: the complete ASGI application (recorder -> faults -> routes).
    """

    specs: ClassVar[Mapping[str, str]] = {}
    """The specs served: spec name -> the URL prefix its paths live under."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Refuse a stand-in written for hirelink 0.1 (``spec_name`` and ``operations()``),
        which served no route at all and answered 404 to everything, saying nothing."""
        super().__init_subclass__(**kwargs)
        if "spec_name" in cls.__dict__:
            raise TypeError(
                f"{cls.__name__} defines spec_name, the hirelink 0.1 way to declare a"
                " stand-in (with operations() mapping ids to handlers): since 0.2 it names"
                " its specs in `specs` ({spec name: URL prefix}) and marks each handler"
                " with @handles('operationId')"
            )

    def __init__(self, *, validate: bool = True, max_recorded_requests: int = 10_000) -> None:
        self.faults = FaultInjector()
        self.recorder = RequestRecorder(max_requests=max_recorded_requests)
        self.lenient = not validate
        self._specs = {name: self.load_spec(name) for name in self.specs}
        self.validator: SpecValidator | None = (
            next(iter(self._specs.values()), None) if validate else None
        )
        self._operations = self._bind_handlers()
        self.starlette = Starlette(
            routes=[
                *(
                    Route(op.path, self._endpoint(op), methods=[op.method], name=op.operation_id)
                    for op in self._operations
                ),
                *self.unspecified_routes(),
            ],
            exception_handlers={HTTPException: self._http_exception, Exception: self._crash},
        )
        self.asgi: ASGIApp = self.recorder.middleware(self.faults.middleware(self.starlette))

    def load_spec(self, name: str) -> SpecValidator:
        """The validator of the spec ``name`` (shipped with its generated client)."""
        return SpecValidator.for_file(spec_path(name))

    def operations(self) -> list[Operation]:
        """The operations this stand-in serves, in spec order."""
        return list(self._operations)

    def unspecified_routes(self) -> list[BaseRoute]:
        """Routes no spec describes (a provider's file downloads at the URLs its answers
        hand out), served beside the spec's behind the same recorder and faults; none by
        default. Their handlers check credentials themselves."""
        return []

    def authenticate(self, call: ApiCall) -> None:
        """Check credentials (and anything else checked before validation).

        Raise :class:`SandboxError` to refuse the request. The default accepts all.
        """

    def validation_error(
        self, call: ApiCall, problems: Sequence[ValidationProblem]
    ) -> SandboxError:
        """The error answering a request the spec refuses: 422, one entry per field."""
        field_errors: dict[str, list[str]] = {}
        for problem in problems:
            field_errors.setdefault(problem.field or problem.location, []).append(problem.message)
        return SandboxError(422, "Validation failed", field_errors)

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

    def route_error(self, request: Request, status: int) -> Response:
        """The answer to an unknown path (404) or method (405)."""
        message = {404: "Not found", 405: "Method not allowed"}.get(status, "Error")
        return self.error_response(SandboxError(status, message))

    def serve(
        self, *, host: str = "127.0.0.1", port: int = 0, max_lifetime: float | None = 3600.0
    ) -> SandboxServer:
        """Start serving :attr:`asgi` on loopback in a background thread; return the server."""
        return SandboxServer(self.asgi, host=host, port=port, max_lifetime=max_lifetime).start()

    def _bind_handlers(self) -> list[Operation]:
        handlers: dict[str, Handler] = {}
        for _, member in inspect.getmembers(self, inspect.ismethod):
            operation_id = getattr(member, _HANDLED, None)
            if operation_id in handlers:
                raise MissingHandlerError(f"{type(self).__name__}: two handlers for {operation_id}")
            if operation_id is not None:
                handlers[operation_id] = member
        operations: list[Operation] = []
        missing: list[str] = []
        for name, prefix in self.specs.items():
            for found in self._specs[name].operations():
                handler = handlers.pop(found.operation_id, None)
                if handler is None:
                    missing.append(f"{name}:{found.operation_id}")
                    continue
                route = prefix + _route(found)
                operations.append(
                    Operation(
                        found.method, route, found.operation_id, handler, name, found.security
                    )
                )
        if missing or handlers:
            raise MissingHandlerError(
                f"{type(self).__name__}: no handler for {', '.join(missing) or 'none'}; "
                f"handlers for no operation: {', '.join(sorted(handlers)) or 'none'}"
            )
        return operations

    def _endpoint(self, operation: Operation) -> Callable[[Request], Awaitable[Response]]:
        spec = self._specs[operation.spec]
        (declared,) = [o for o in spec.operations() if o.operation_id == operation.operation_id]

        async def endpoint(request: Request) -> Response:
            raw_body = await request.body()
            raw_params = {name: str(value) for name, value in request.path_params.items()}
            call = ApiCall(
                request,
                operation.operation_id,
                raw_params,
                raw_body=raw_body,
                security=operation.security,
            )
            try:
                self.authenticate(call)
                read = spec.unmarshal(
                    operation.operation_id,
                    path_params=raw_params,
                    query_string=request.url.query,
                    headers=request.headers.raw,
                    body=raw_body,
                    lenient=self.lenient,
                )
                if read.problems:
                    raise self.validation_error(call, read.problems)
                params = {**request.path_params, **read.parameters}
                read_call = attrs.evolve(call, params=params, body=read.body, files=read.files)
                response = operation.handler(read_call)
            except SandboxError as error:
                response = self.error_response(error)
            except Exception:
                response = self._crash_response(spec, call)
            if not declared.declares(response.status_code):
                _UNDECLARED.add(f"{operation.spec}:{operation.operation_id} {response.status_code}")
            return response

        endpoint.__name__ = operation.operation_id
        return endpoint

    async def _http_exception(self, request: Request, exc: Exception) -> Response:
        return self.route_error(request, exc.status_code if isinstance(exc, HTTPException) else 500)

    def _crash_response(self, spec: SpecValidator, call: ApiCall) -> Response:
        """A handler that failed on a request only a lenient stand-in let through answers
        as the strict one would; any other failure is logged and answered 500."""
        if self.lenient:
            strict = spec.unmarshal(
                call.operation_id,
                path_params=call.params,
                query_string=call.request.url.query,
                headers=call.request.headers.raw,
                body=call.raw_body,
            )
            if strict.problems:
                return self.error_response(self.validation_error(call, strict.problems))
        _log.exception("the %s handler failed", call.operation_id)
        return self._internal_error()

    def _internal_error(self) -> Response:
        # The connection closes after it, so a client's next request gets a fresh one.
        error = SandboxError(500, "Internal server error", headers={"Connection": "close"})
        return self.error_response(error)

    async def _crash(self, request: Request, exc: Exception) -> Response:
        # Starlette re-raises the exception after this response, so uvicorn logs it.
        return self._internal_error()


def _route(operation: SpecOperation) -> str:
    """The spec's path as a Starlette route; integer parameters only match digits."""
    path = operation.path
    for name in operation.integer_path_params:
        path = path.replace("{" + name + "}", "{" + name + ":int}")
    return path


_UNDECLARED: set[str] = set()


def undeclared_answers() -> list[str]:
    """The answers this process's stand-ins gave that their specs do not list
    (``"<spec>:<operationId> <status>"``), faults aside. A test suite that ends with
    none has found the stand-ins and the specs agreeing on every status it met."""
    return sorted(_UNDECLARED)
