"""What a process forked from another (``os.fork``: gunicorn's ``--preload``, Celery's
prefork pool, multiprocessing's ``fork`` start method) makes anew: the locks a thread of
the parent may have held at the fork, which no thread of the child would ever release,
and state that was the parent's alone. One hook for all of hirelink; modules and objects
register what they renew. Nothing happens where there is no ``fork`` (Windows)."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from typing import Any, ClassVar, NoReturn, TypeVar

__all__ = ["PerProcess", "in_child", "new_lock_in_child", "renew_in_child"]

T = TypeVar("T")

# id(owner) -> a weak reference to it, and what renews it. By identity: an owner equal to
# another (a subclass comparing by value), or unhashable, is renewed all the same.
_renewals: dict[int, tuple[weakref.ref[Any], Callable[[Any], None]]] = {}


def in_child(callback: Callable[[], None]) -> None:
    """Call ``callback()`` in every child process forked from now on."""
    if hasattr(os, "register_at_fork"):  # POSIX
        os.register_at_fork(after_in_child=callback)


def renew_in_child(owner: T, renew: Callable[[T], None]) -> None:
    """Call ``renew(owner)`` in every child process forked while ``owner`` lives (it is
    not kept alive for this)."""
    key = id(owner)

    def forget(reference: weakref.ref[Any]) -> None:
        # Called as the owner goes, before its id can be another object's.
        if _renewals.get(key, (None,))[0] is reference:
            _renewals.pop(key, None)

    _renewals[key] = (weakref.ref(owner, forget), renew)


def new_lock_in_child(owner: object, attribute: str, make: Callable[[], object]) -> None:
    """Give ``owner`` a lock of its own, ``make()``, as its ``attribute`` in every child
    process forked while it lives: another thread of the parent may have held the lock at
    the fork, and no thread of the child would ever release it."""
    renew_in_child(owner, lambda renewed: setattr(renewed, attribute, make()))


def _renew_all() -> None:
    for reference, renew in list(_renewals.values()):
        owner = reference()
        if owner is not None:
            renew(owner)


in_child(_renew_all)


class PerProcess:
    """Refuses to be pickled or copied (``copy.copy`` and ``copy.deepcopy`` ask the same),
    saying what to do instead: what holds connections, locks or credentials is built in
    each process that uses it. A subclass sets :attr:`instead`."""

    instead: ClassVar[str] = "build one in each process that needs it"

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be pickled or copied: {self.instead}")
