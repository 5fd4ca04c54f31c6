"""Credentials a client reads from environment variables when its constructor is not given them.

Each provider client declares its variables once, as a :class:`CredentialVariables`
(``HIRELINK_<PROVIDER>_<ARGUMENT>``, e.g. ``HIRELINK_RECRUITEE_TOKEN``), and asks it for
every credential argument::

    VARIABLES = CredentialVariables("HIRELINK_JOIN", "token")   # HIRELINK_JOIN_TOKEN
    token = VARIABLES.require("token", token)        # the argument, else the variable

An argument that was passed always wins; an empty variable counts as unset. A required
credential found in neither raises :class:`~hirelink.core.InvalidInputError` naming the
argument and the variable, before anything is sent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import TypeVar

from .errors import InvalidInputError

T = TypeVar("T")

__all__ = ["CredentialVariables"]


class CredentialVariables(Mapping[str, str]):
    """A client's environment variables, by constructor argument name.

    ``CredentialVariables("HIRELINK_PERSONIO", "subdomain", "client_id")`` maps each
    argument to the prefix, ``_`` and the argument's name in capitals.
    """

    def __init__(self, prefix: str, *arguments: str) -> None:
        self.prefix = prefix
        self._variables = {argument: f"{prefix}_{argument.upper()}" for argument in arguments}

    def get_value(self, argument: str, given: T | None) -> T | str | None:
        """``given``, else the argument's variable, else None."""
        if given is not None:
            return given
        value = os.environ.get(self._variables[argument], "").strip()
        return value or None

    def require(self, argument: str, given: T | None) -> T | str:
        """``given``, else the argument's variable; neither raises InvalidInputError."""
        value = self.get_value(argument, given)
        if value is None:
            raise InvalidInputError(
                argument,
                f"is required: pass {argument}= or set the environment variable "
                f"{self._variables[argument]}",
            )
        return value

    def __getitem__(self, argument: str) -> str:
        return self._variables[argument]

    def __iter__(self) -> Iterator[str]:
        return iter(self._variables)

    def __len__(self) -> int:
        return len(self._variables)

    def __repr__(self) -> str:
        return f"CredentialVariables({self._variables!r})"
