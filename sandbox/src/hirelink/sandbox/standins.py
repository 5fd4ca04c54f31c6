"""Start the stand-ins and describe what a client needs to reach them (for ``python -m
hirelink.sandbox serve``, ``hirelink sandbox serve``, the demo and the pytest plugin)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Generic, Literal, Self, TypeVar, overload

from attrs import define, field, frozen
from starlette.types import ASGIApp

from hirelink.sandbox.app import SandboxApp
from hirelink.sandbox.faults import FaultInjector
from hirelink.sandbox.join import BASE_PATH as JOIN_BASE_PATH
from hirelink.sandbox.join import JoinSandbox, create_join_sandbox
from hirelink.sandbox.outbox import Outbox, Subscription
from hirelink.sandbox.personio import PersonioSandbox, create_personio_sandbox
from hirelink.sandbox.providers import PROVIDERS, ProviderName
from hirelink.sandbox.receiving import WebhookReceiver
from hirelink.sandbox.recorder import REDACTED, RequestRecorder, is_secret_name
from hirelink.sandbox.recruitee import RecruiteeSandbox, create_recruitee_sandbox
from hirelink.sandbox.recruitee_partners import PartnersSandbox, create_partners_sandbox
from hirelink.sandbox.server import SandboxServer

__all__ = [
    "PROVIDERS",
    "ProviderName",
    "ServeReceiver",
    "StandIn",
    "serve_stand_in",
    "start_stand_in",
    "start_stand_ins",
]

SandboxT = TypeVar("SandboxT", bound=SandboxApp)


def _masked_repr(arguments: dict[str, Any]) -> str:
    """``arguments``' repr with every credential's value redacted (a failing assertion on a
    stand-in fixture prints it)."""
    return repr(
        {name: REDACTED if is_secret_name(name) else value for name, value in arguments.items()}
    )


@define(frozen=True)
class StandIn(Generic[SandboxT]):
    """A running stand-in: the sandbox, its server, and how a client reaches it.

    Attributes:
        name: the provider (``"recruitee"``, ``"join"``, ``"recruitee_partners"``,
            ``"personio"``).
        server: the loopback server (``server.url``, ``server.stop()``).
        details: the keyword arguments of the provider's client (base URL and sandbox
            credentials, which open only this local stand-in), as at start;
            :meth:`client_kwargs` reads the credentials that change (the Partners
            secret, after ``regenerate_partner_secret``) afresh.
        sandbox: the stand-in itself: its ``state``, ``faults`` and ``recorder``.
        options: client options that match the stand-in's settings (Personio's
            ``recruiting_rate_window``, its ``rate_window``); :meth:`client_kwargs`
            adds them to ``details``.

    The repr shows ``details`` and ``options`` with credential values redacted.
    """

    name: str
    server: SandboxServer
    details: dict[str, Any] = field(repr=_masked_repr)
    sandbox: SandboxT
    options: dict[str, Any] = field(factory=dict, repr=_masked_repr)

    @property
    def url(self) -> str:
        """The base URL a client uses (for JOIN it includes ``/v2``)."""
        return str(self.details.get("base_url", self.server.url))

    @property
    def faults(self) -> FaultInjector:
        """Switchable faults: ``faults.add(Fault(...))``, ``faults.clear()``."""
        return self.sandbox.faults

    @property
    def recorder(self) -> RequestRecorder:
        """Every request received, credentials redacted."""
        return self.sandbox.recorder

    @property
    def outbox(self) -> Outbox | None:
        """The webhook deliveries of a stand-in that sends webhooks (Recruitee, Personio)."""
        outbox = getattr(self.sandbox, "webhooks", None)
        return outbox if isinstance(outbox, Outbox) else None

    @classmethod
    def of(cls, stand_in: StandIn[Any]) -> Self:
        """``stand_in`` as this class (a subclass adding typed clients or test helpers)."""
        return cls(
            stand_in.name, stand_in.server, stand_in.details, stand_in.sandbox, stand_in.options
        )

    def client_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """Keyword arguments for the provider's client, with ``overrides`` applied.

        An override of ``None`` removes that argument (e.g. to test a missing credential).
        The client then reads that credential from its environment variable when one is
        set (``HIRELINK_RECRUITEE_TOKEN``, ...): clear it too for a test that does not
        depend on the machine (``monkeypatch.delenv(name, raising=False)``).

        Raises:
            RuntimeError: the stand-in has stopped (its ``with`` block ended, or its
                ``max_lifetime`` ran out): its clients got connection errors that did not
                say so.
        """
        stopped_because = self.server.stopped_because
        if stopped_because is not None:
            raise RuntimeError(f"the {self.name} stand-in has stopped: {stopped_because}")
        # Read afresh: a credential may change while it runs (a regenerated Partners secret).
        kind = _KINDS.get(self.name)
        details = kind.details(self.sandbox, self.server.url) if kind else self.details
        merged = {**details, **self.options, **overrides}
        return {name: value for name, value in merged.items() if value is not None}

    def client(self, **overrides: Any) -> Any:
        """The provider's sync client (its wrapper distribution must be installed)."""
        return self._client_class(sync=True)(**self.client_kwargs(**overrides))

    def async_client(self, **overrides: Any) -> Any:
        """The provider's async client (its wrapper distribution must be installed)."""
        return self._client_class(sync=False)(**self.client_kwargs(**overrides))

    def stop(self) -> None:
        """Stop serving, and stop sending webhooks (safe to call repeatedly)."""
        self.server.stop()
        if self.outbox is not None:
            self.outbox.close()

    def reset(self) -> None:
        """Remove every fault, forget recorded requests (and keep as many as at first),
        drop the webhook deliveries still queued with their attempts and outcomes, and
        count the stand-in's rate limits from nothing (the data and the registrations
        stay)."""
        self.sandbox.faults.clear()
        self.sandbox.recorder.reset()
        if self.outbox is not None:
            self.outbox.clear()
        forget_budgets = getattr(self.sandbox, "forget_budgets", None)
        if forget_budgets is not None:  # the stand-ins with rate limits (JOIN, Personio)
            forget_budgets()

    def hits(self, method: str, path_end: str) -> int:
        """How many ``method`` requests (any case) whose path ends with ``path_end`` arrived,
        among the last 10,000 the recorder keeps (``sandbox.recorder.keep(n)`` keeps more)."""
        return sum(
            1
            for request in self.sandbox.recorder.requests
            if request.method == method.upper() and request.path.endswith(path_end)
        )

    def _client_class(self, *, sync: bool) -> Callable[..., Any]:
        module_name = "hirelink." + self.name
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            distribution = "hirelink-" + self.name.replace("_", "-")
            raise ModuleNotFoundError(
                f"{self.name} clients need the {distribution} distribution: "
                f"pip install {distribution}"
            ) from error
        name = _KINDS[self.name].client
        client_class: Callable[..., Any] = getattr(module, name if sync else "Async" + name)
        return client_class


def _recruitee(sandbox: RecruiteeSandbox, url: str) -> dict[str, Any]:
    return {"base_url": url, "company_id": sandbox.company_id, "token": sandbox.token}


def _join(sandbox: JoinSandbox, url: str) -> dict[str, Any]:
    return {"base_url": url + JOIN_BASE_PATH, "token": sandbox.token}


def _partners(sandbox: PartnersSandbox, url: str) -> dict[str, Any]:
    return {
        "base_url": url,
        "codename": sandbox.codename,
        # RC, where a partner record is managed, whatever a deployment's environment says.
        "environment": "rc",
        "personal_token": sandbox.personal_token,
        "partner_secret": sandbox.secret,
    }


def _personio(sandbox: PersonioSandbox, url: str) -> dict[str, Any]:
    return {
        "subdomain": sandbox.subdomain,
        "company_id": int(sandbox.company_id),  # the client's type, as Recruitee's
        "recruiting_token": sandbox.recruiting_token,
        "channel_id": sandbox.channel_id,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "base_url": url,
        "jobs_base_url": sandbox.jobs_base_url(url),
    }


@frozen
class _Kind:
    """A stand-in's factory, its client's keyword arguments (from the sandbox and its URL),
    its sync client's name in ``hirelink.<provider>`` (the async one is ``Async<name>``),
    and client options."""

    factory: Callable[..., Any]
    details: Callable[[Any, str], dict[str, Any]]
    client: str
    options: Callable[[Any], dict[str, Any]] = lambda sandbox: {}


_KINDS: dict[str, _Kind] = {
    "recruitee": _Kind(create_recruitee_sandbox, _recruitee, "Recruitee"),
    "join": _Kind(create_join_sandbox, _join, "Join"),
    "recruitee_partners": _Kind(create_partners_sandbox, _partners, "RecruiteePartners"),
    "personio": _Kind(
        create_personio_sandbox,
        _personio,
        "Personio",
        lambda sandbox: {"recruiting_rate_window": sandbox.rate_window},
    ),
}


# Each name gives its own stand-in's type (``stand_in.sandbox.state`` is typed); a name
# that is none of them is a type error.
@overload
def start_stand_in(
    name: Literal["recruitee"],
    *,
    host: str = ...,
    port: int = ...,
    max_lifetime: float | None = ...,
    **settings: Any,
) -> StandIn[RecruiteeSandbox]: ...
@overload
def start_stand_in(
    name: Literal["join"],
    *,
    host: str = ...,
    port: int = ...,
    max_lifetime: float | None = ...,
    **settings: Any,
) -> StandIn[JoinSandbox]: ...
@overload
def start_stand_in(
    name: Literal["recruitee_partners"],
    *,
    host: str = ...,
    port: int = ...,
    max_lifetime: float | None = ...,
    **settings: Any,
) -> StandIn[PartnersSandbox]: ...
@overload
def start_stand_in(
    name: Literal["personio"],
    *,
    host: str = ...,
    port: int = ...,
    max_lifetime: float | None = ...,
    **settings: Any,
) -> StandIn[PersonioSandbox]: ...
@overload
def start_stand_in(
    name: ProviderName,
    *,
    host: str = ...,
    port: int = ...,
    max_lifetime: float | None = ...,
    **settings: Any,
) -> StandIn[Any]: ...
def start_stand_in(
    name: ProviderName,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    max_lifetime: float | None = 3600.0,
    **settings: Any,
) -> StandIn[Any]:
    """Create the stand-in ``name`` and serve it on loopback; stop it with ``.stop()``.

    ``settings`` go to the stand-in's factory (``create_recruitee_sandbox(candidates=...)``,
    ``create_personio_sandbox(rate_window=...)``, ...). The server stops by itself after
    ``max_lifetime`` seconds (an hour), so a forgotten one does not outlive its use; it
    logs a warning on ``hirelink.sandbox`` when it does. ``None`` keeps it running.

    Raises:
        ValueError: no such stand-in, or ``host`` is not a loopback address.
        OSError: ``port`` cannot be listened on; ``strerror`` is ``"<port>: <reason>"``.
    """
    kind = _KINDS.get(name)
    if kind is None:
        raise ValueError(f"no stand-in called {name!r}; choose from {', '.join(PROVIDERS)}")
    sandbox: SandboxApp = kind.factory(**settings)
    try:
        server = sandbox.serve(host=host, port=port, max_lifetime=max_lifetime)
    except OSError as error:
        raise OSError(error.errno, f"{port}: {error.strerror or error}") from error
    return StandIn(name, server, kind.details(sandbox, server.url), sandbox, kind.options(sandbox))


@overload
def serve_stand_in(
    name: Literal["recruitee"], *, max_lifetime: float | None = ..., **settings: Any
) -> AbstractContextManager[StandIn[RecruiteeSandbox]]: ...
@overload
def serve_stand_in(
    name: Literal["join"], *, max_lifetime: float | None = ..., **settings: Any
) -> AbstractContextManager[StandIn[JoinSandbox]]: ...
@overload
def serve_stand_in(
    name: Literal["recruitee_partners"], *, max_lifetime: float | None = ..., **settings: Any
) -> AbstractContextManager[StandIn[PartnersSandbox]]: ...
@overload
def serve_stand_in(
    name: Literal["personio"], *, max_lifetime: float | None = ..., **settings: Any
) -> AbstractContextManager[StandIn[PersonioSandbox]]: ...
@overload
def serve_stand_in(
    name: ProviderName, *, max_lifetime: float | None = ..., **settings: Any
) -> AbstractContextManager[StandIn[Any]]: ...
@contextmanager
def serve_stand_in(
    name: ProviderName, *, max_lifetime: float | None = 600.0, **settings: Any
) -> Iterator[StandIn[Any]]:
    """:func:`start_stand_in` as a context manager: the server stops on exit, or after
    ``max_lifetime`` seconds (ten minutes; ``None`` for no limit), with a warning."""
    stand_in = start_stand_in(name, max_lifetime=max_lifetime, **settings)
    try:
        yield stand_in
    finally:
        stand_in.stop()


def start_stand_ins(
    *,
    host: str = "127.0.0.1",
    first_port: int = 0,
    max_lifetime: float | None = 3600.0,
    candidates: int = 250,
) -> list[StandIn[Any]]:
    """Start every stand-in; with ``first_port``, stand-in N listens on ``first_port + N``.

    ``candidates`` seeds the Recruitee stand-in. Stops the ones already started if a
    later one fails; a port that cannot be listened on raises ``OSError`` naming it
    (``strerror`` is ``"<port>: <reason>"``).
    """
    started: list[StandIn[Any]] = []
    try:
        for index, name in enumerate(PROVIDERS):
            port = first_port + index if first_port else 0
            settings = {"candidates": candidates} if name == "recruitee" else {}
            started.append(
                start_stand_in(name, host=host, port=port, max_lifetime=max_lifetime, **settings)
            )
    except BaseException:
        for stand_in in started:
            stand_in.stop()
        raise
    return started


class ServeReceiver:
    """The pytest plugin's ``webhook_receiver`` fixture (its type, for annotating it):
    call it to serve a receiver on loopback and register it with a stand-in's webhooks.

    ``webhook_receiver(stand_in=None, app=None, *, secret=None, headers=None, status=200,
    path="/")`` returns a started :class:`~hirelink.sandbox.receiving.WebhookReceiver`
    (``url``, ``arrivals``, ``wait_for(count)``). With a stand-in that sends webhooks
    (``stand_in.sandbox.webhooks``), the receiver is registered with its outbox, with
    ``secret`` and ``headers``: it gets every ``emit`` without ``to=`` (Recruitee's events;
    Personio's own events go only to the webhooks created through its API, so for them
    start a receiver without a stand-in and create a webhook with its ``url``; registered
    with the Personio stand-in, it gets only what a test emits itself). Receivers stop and
    are unregistered when the test ends (:meth:`close`).
    """

    def __init__(self) -> None:
        self._started: list[tuple[WebhookReceiver, Outbox | None, Subscription | None]] = []
        self._closed = False

    def __call__(
        self,
        stand_in: StandIn[Any] | None = None,
        app: ASGIApp | None = None,
        *,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
        status: int = 200,
        path: str = "/",
    ) -> WebhookReceiver:
        """A started receiver, registered with ``stand_in``'s webhooks when given."""
        if self._closed:  # kept past its test: nobody would stop it, and it would get others'
            raise RuntimeError("webhook_receiver was called after its test ended")
        if stand_in is None and (secret is not None or headers is not None):
            # Nothing would sign with the secret or send the headers: refused, not ignored.
            raise ValueError("secret= and headers= go with a stand-in that sends webhooks")
        receiver = WebhookReceiver(app, status=status, path=path).start()
        outbox: Outbox | None = None
        subscription: Subscription | None = None
        if stand_in is not None:
            outbox = stand_in.outbox
            if outbox is None:
                receiver.stop()
                raise ValueError(f"the {stand_in.name} stand-in sends no webhooks")
            try:
                subscription = outbox.register(receiver.url, secret, headers=headers)
            except ValueError:
                receiver.stop()
                raise
            receiver.subscription = subscription
        self._started.append((receiver, outbox, subscription))
        return receiver

    def close(self) -> None:
        """Unregister and stop every receiver served; no more can be."""
        self._closed = True
        for receiver, outbox, subscription in self._started:
            if outbox is not None and subscription is not None:
                outbox.unregister(subscription)
            receiver.stop()
