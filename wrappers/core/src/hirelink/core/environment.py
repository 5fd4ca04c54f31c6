"""Credentials a client reads from environment variables when its constructor is not given them.

Each provider client declares its variables once, as a :class:`CredentialVariables`
(``HIRELINK_<PROVIDER>_<ARGUMENT>``, e.g. ``HIRELINK_RECRUITEE_TOKEN``), and asks it for
every credential argument::

    VARIABLES = CredentialVariables("HIRELINK_JOIN", "token")   # HIRELINK_JOIN_TOKEN
    token = VARIABLES.require("token", token)        # the argument, else the variable

An argument that was passed always wins; an empty variable counts as unset. A required
credential found in neither raises :class:`~hirelink.core.InvalidInputError` naming the
argument and the variable, before anything is sent.

Code that holds credentials of its own (the catalog, running one tenant's credential
among many) builds clients within :func:`environment_ignored`, so that a field its
credential lacks is never completed from another account's variables.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from typing import TypeVar

from .errors import InvalidInputError

T = TypeVar("T")

__all__ = ["CredentialVariables", "environment_ignored"]

_READ_ENVIRONMENT: ContextVar[bool] = ContextVar("hirelink_read_environment", default=True)


@contextlib.contextmanager
def environment_ignored() -> Iterator[None]:
    """Within it (this thread or task), clients read no credential from the environment."""
    token = _READ_ENVIRONMENT.set(False)
    try:
        yield
    finally:
        _READ_ENVIRONMENT.reset(token)


class CredentialVariables(Mapping[str, str]):
    """A client's environment variables, by constructor argument name.

    ``CredentialVariables("HIRELINK_PERSONIO", "subdomain", "client_id")`` maps each
    argument to the prefix, ``_`` and the argument's name in capitals.
    """

    def __init__(self, prefix: str, *arguments: str) -> None:
        self.prefix = prefix
        self._variables = {argument: f"{prefix}_{argument.upper()}" for argument in arguments}

    def get_value(self, argument: str, given: T | None) -> T | str | None:
        """``given``, else the argument's variable (outside :func:`environment_ignored`),
        else None."""
        if given is not None or not _READ_ENVIRONMENT.get():
            return given
        value = os.environ.get(self._variables[argument], "").strip()
        return value or None

    def require(self, argument: str, given: T | None) -> T | str:
        """``given``, else the argument's variable; neither raises InvalidInputError."""
        value = self.get_value(argument, given)
        if value is None:
            variable = f" or set the environment variable {self._variables[argument]}"
            raise InvalidInputError(
                argument,
                f"is required: pass {argument}=" + (variable if _READ_ENVIRONMENT.get() else ""),
            )
        return value

    @contextlib.contextmanager
    def naming_variables(self, **given: object) -> Iterator[None]:
        """Within it, an :class:`InvalidInputError` about an argument that was not in
        ``given`` (None) but read from its variable names the variable instead: the
        caller passed nothing, and the value to fix is in the environment."""
        try:
            yield
        except InvalidInputError as error:
            variable = self._variables.get(error.field)
            if variable is None or given.get(error.field) is not None:
                raise
            if not _READ_ENVIRONMENT.get() or not os.environ.get(variable, "").strip():
                raise
            raise InvalidInputError(variable, error.message) from None

    def __getitem__(self, argument: str) -> str:
        return self._variables[argument]

    def __iter__(self) -> Iterator[str]:
        return iter(self._variables)

    def __len__(self) -> int:
        return len(self._variables)

    def __repr__(self) -> str:
        return f"CredentialVariables({self._variables!r})"
