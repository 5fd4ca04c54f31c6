"""Secret values that never show themselves.

A :class:`Secret` masks its value in ``repr``/``str``/f-strings and registers the value
in a process-wide set, so :func:`scrub` can remove it from any text hirelink emits
(log lines, exception messages, error bodies echoed back by a provider).
"""

from __future__ import annotations

import hmac
import threading
from typing import Final

MASK: Final = "***"

# Values shorter than this are not scrubbed from free text: replacing every "a" or "42"
# in a message would garble it while protecting nothing a token is made of.
_MIN_SCRUB_LENGTH: Final = 6

_registry_lock = threading.Lock()
_registered: set[str] = set()
# Longest first, so a secret that contains another one is replaced whole.
_scrub_order: tuple[str, ...] = ()


def _register(value: str) -> None:
    global _scrub_order
    if len(value) < _MIN_SCRUB_LENGTH or value in _registered:
        return
    with _registry_lock:
        _registered.add(value)
        _scrub_order = tuple(sorted(_registered, key=len, reverse=True))


def scrub(text: str) -> str:
    """Return ``text`` with every registered secret value replaced by ``***``."""
    for value in _scrub_order:
        if value in text:
            text = text.replace(value, MASK)
    return text


class Secret:
    """A credential: masked when printed, compared in constant time.

    >>> token = Secret("s3cr3t-token")
    >>> token
    Secret('***')
    >>> token.reveal()
    's3cr3t-token'
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"Secret value must be a str, not {type(value).__name__}")
        if not value.strip():
            raise ValueError("Secret value must not be empty")
        self._value = value
        _register(value)

    @classmethod
    def coerce(cls, value: str | Secret) -> Secret:
        """Accept a plain string or an existing Secret."""
        return value if isinstance(value, Secret) else cls(value)

    def reveal(self) -> str:
        """The raw value, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{MASK}')"

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("Secret values cannot be pickled")
