"""Secret values that never show themselves.

A :class:`Secret` masks its value in ``repr``/``str``/f-strings and registers the value
(6 characters or more) while it is alive, so :func:`scrub` can remove it from any text
hirelink emits (log lines, exception messages, error bodies echoed back by a provider).

The registry counts live :class:`Secret` objects per value and forgets a value when the
last of them is collected: a long-lived worker that refreshes OAuth tokens all day keeps
only the secrets it still holds, and :func:`scrub` makes one pass over a text with one
compiled pattern, however many secrets are registered. The pattern is compiled again
when a value comes that it lacks, not when one goes (a value gone is still masked until
then): with thousands of live secrets a compile takes a tenth of a second, on an event
loop too, and a service building a client per request made one per request.
"""

from __future__ import annotations

import collections
import hmac
import itertools
import json
import os
import re
import threading
import urllib.parse
import weakref
from collections.abc import Callable, Collection, Iterable
from operator import itemgetter
from typing import Any, Final

from . import forks

MASK: Final = "***"

# Values shorter than this are not scrubbed from free text: replacing every "a" or "42"
# in a message would garble it while protecting nothing a token is made of.
_MIN_SCRUB_LENGTH: Final = 6

_registry_lock = threading.Lock()
_compile_lock = threading.Lock()  # one compile of the pattern at a time
_live: dict[str, int] = {}  # value -> how many live Secret objects hold it
_forms_of: dict[str, frozenset[str]] = {}  # value -> its forms (see _forms), while live
_pattern: re.Pattern[str] | None = None  # None: rebuild from _live at the next scrub
_in_pattern: frozenset[str] = frozenset()  # the values _pattern masks (some perhaps gone)
_generation = 0  # counts the values that came which the pattern lacked (a compile started
# before one came is not kept)
# Values of collected Secrets, not yet taken out of _live. A finalizer can run in the
# middle of any allocation, also while this thread holds _registry_lock, so it only
# appends here (atomic, lock-free); the registry drains it under the lock.
_collected: collections.deque[str] = collections.deque()


def _drain() -> None:
    """Forget the collected values (the caller holds ``_registry_lock``); the pattern is
    left as it is, masking them until it is next compiled."""
    while _collected:
        value = _collected.popleft()
        count = _live.get(value, 0) - 1
        if count > 0:
            _live[value] = count  # in place: a fork in between never loses a live count
        else:
            _live.pop(value, None)
            _forms_of.pop(value, None)


def _register(value: str) -> None:
    global _pattern, _generation
    # Worked out once per value, outside the lock: a rebuild only joins them.
    forms = None if value in _forms_of else frozenset(_forms(value))
    with _registry_lock:
        _drain()
        count = _live.get(value, 0)
        if count == 0:
            _forms_of[value] = forms or frozenset(_forms(value))
            # A client built again holds the values the pattern masks already. Not while a
            # compile is under way (no pattern): its values were taken without this one.
            if _pattern is None or value not in _in_pattern:
                _pattern = None
                _generation += 1
        # Counted last: a child forked in the middle (see _fresh_locks_in_child) then
        # scrubs a value it does not count, never counts one it does not scrub.
        _live[value] = count + 1


def _unregister(value: str) -> None:
    _collected.append(value)


def registered_count() -> int:
    """How many distinct secret values are registered (those of live Secrets)."""
    with _registry_lock:
        _drain()
        return len(_live)


def _current_pattern() -> re.Pattern[str] | None:
    global _pattern, _in_pattern
    if _collected:
        with _registry_lock:
            _drain()
    pattern = _pattern
    if pattern is None and _live:
        # One thread compiles while the others wait for its pattern. Not under the
        # registry's lock: with thousands of live secrets (a client per tenant) a compile
        # takes a tenth of a second, which every registration would wait out.
        with _compile_lock:
            pattern = _pattern
            if pattern is not None:  # compiled while this thread waited
                return pattern
            with _registry_lock:
                values = frozenset(_forms_of)
                forms = frozenset().union(*_forms_of.values())
                generation = _generation
            if not forms:  # the last secret went meanwhile: an empty pattern matches anywhere
                return None
            pattern = _compiled(_any_of(forms))
            with _registry_lock:
                if _generation == generation:  # no secret came meanwhile
                    _in_pattern = values  # first: a fork in between compiles again
                    _pattern = pattern
    return pattern


def _fresh_locks_in_child() -> None:
    """In a child process after ``os.fork``: locks of its own. Another thread of the parent
    may have held one at the fork (a compile takes a tenth of a second with thousands of
    live secrets), and no thread of the child would ever release it: the child's first
    scrub (of any error message) waited for ever. What the locks guard is kept: ``_pattern``
    is only set once a compile is done, so a compile under way at the fork leaves None,
    which the child's next scrub compiles again."""
    global _registry_lock, _compile_lock
    _registry_lock = threading.Lock()
    _compile_lock = threading.Lock()


forks.in_child(_fresh_locks_in_child)


def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled without ``re``'s cache: a pattern of every live secret is large
    (about 0.8 MB with 2,000 of them), and the cache kept up to 512 of them, one for each
    set of live secrets there had been (each token renewal makes another)."""
    compile_uncached = getattr(getattr(re, "_compiler", None), "compile", None)
    if compile_uncached is None:  # not CPython 3.11 to 3.13's layout: the cached way
        return re.compile(pattern)
    compiled: re.Pattern[str] = compile_uncached(pattern, 0)
    return compiled


def _any_of(forms: Iterable[str]) -> str:
    """A pattern matching any of ``forms``, the longest where several start at one place
    (a secret that contains another is replaced whole). Written as a trie, so that each
    place in a text is tried against the forms' first characters, not against every form:
    a scrub costs about as much with a thousand live secrets as with one."""
    return _alternatives(sorted(set(forms)))


def _alternatives(forms: list[str]) -> str:
    """The pattern of sorted, distinct ``forms``; ``""`` among them: nothing may follow."""
    may_end = bool(forms) and forms[0] == ""
    branches = []
    for _, grouped in itertools.groupby(forms[1:] if may_end else forms, key=itemgetter(0)):
        group = list(grouped)
        if len(group) == 1:
            branches.append(re.escape(group[0]))
            continue
        shared = os.path.commonprefix(group)  # noqa: RUF071 - characters, not paths
        branches.append(re.escape(shared) + _alternatives([f[len(shared) :] for f in group]))
    if may_end:  # greedy: a longer form when one matches, else the one ending here
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _forms(value: str) -> set[str]:
    """``value`` as it may come back quoted by a provider: verbatim, escaped inside a JSON
    string (``/`` as ``\\/``, non-ASCII as ``\\uXXXX`` in either case) or percent-encoded
    in a form or query (``+`` for a space, or ``%20``; hex digits in either case)."""
    json_forms = {
        form
        for escaped in (json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1])
        for form in (escaped, escaped.replace("/", "\\/"))
    }
    json_forms |= {_U_ESCAPE.sub(lambda m: "\\u" + m.group()[2:].upper(), f) for f in json_forms}
    # surrogatepass: a value read from undecodable bytes (os.environ keeps them as lone
    # surrogates) has no UTF-8 form, and must not make every scrub fail.
    percent_forms = {
        urllib.parse.quote(value, safe="", errors="surrogatepass"),
        urllib.parse.quote_plus(value, safe="", errors="surrogatepass"),
    }
    percent_forms |= {_PERCENT_ESCAPE.sub(lambda m: m.group().lower(), f) for f in percent_forms}
    return {value, *json_forms, *percent_forms}


_U_ESCAPE: Final = re.compile(r"\\u[0-9a-f]{4}")
_PERCENT_ESCAPE: Final = re.compile(r"%[0-9A-F]{2}")


def mask_value(text: str, value: str) -> str:
    """:func:`scrub` of ``text`` that also masks ``value`` in every form :func:`scrub`
    knows (verbatim, JSON-escaped, percent-encoded), without registering it as a live
    secret: for a value seen once, such as a token a caller sent. Both are found in
    ``text`` as it is (the live secrets as :func:`scrub` finds them), and every character
    either covers is masked: masked one after the other, a live secret inside ``value``
    (or ``value`` inside one) left a piece of the other showing. A ``value`` shorter than
    6 characters is not masked, as :func:`scrub` leaves such: no credential is that short,
    and anyone could send ``e`` to have every "e" of a log line masked."""
    spans: list[tuple[int, int]] = []
    if len(value) >= _MIN_SCRUB_LENGTH:
        for form in _forms(value):
            start = text.find(form)
            while start != -1:
                spans.append((start, start + len(form)))
                start = text.find(form, start + 1)
    pattern = _current_pattern()
    if pattern is not None:
        spans.extend(found.span() for found in pattern.finditer(text))
    pieces: list[str] = []
    shown_from = 0  # where the text after the last mask starts
    for start, end in sorted(spans):
        if end <= shown_from:  # within a mask already
            continue
        if start >= shown_from or not pieces:  # a mask of its own
            pieces += [text[shown_from:start], MASK]
        shown_from = end  # else it overlaps the last mask, which now ends here
    return _hide_personal_query("".join([*pieces, text[shown_from:]]))


_personal_query_names: frozenset[str] = frozenset()
_personal_query: re.Pattern[str] | None = None


def hide_query_values(*names: str) -> None:
    """Have :func:`scrub` mask the values of the query parameters ``names`` in URLs
    (``?candidate.email=***``): they carry personal data, such as an applicant's e-mail
    address searched for, which logs and error trackers must not keep. Each provider's
    wrapper names its own when imported. Names match in any case (``Sig`` as ``sig``)."""
    global _personal_query, _personal_query_names
    with _registry_lock:
        if _personal_query_names.issuperset(names):
            return
        _personal_query_names |= frozenset(names)
        alternatives = "|".join(map(re.escape, sorted(_personal_query_names, reverse=True)))
        _personal_query = re.compile(rf"([?&](?:{alternatives})=)[^&#\s\"'<>]+", re.IGNORECASE)


def scrub(text: str) -> str:
    """Return ``text`` with every live secret value of 6 or more characters replaced by
    ``***`` (shorter values are not scrubbed: they would mask ordinary words), and the
    values of the query parameters named by :func:`hide_query_values`."""
    pattern = _current_pattern()
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _hide_personal_query(text)


def _hide_personal_query(text: str) -> str:
    personal = _personal_query
    if personal is not None and "=" in text:
        text = personal.sub(rf"\g<1>{MASK}", text)
    return text


class scrubbed_when_shown:  # noqa: N801 - used like a function, in log calls
    """A log argument that is :func:`scrub` of ``text`` when the line is written, and costs
    nothing when it is not: after the live secrets change, a scrub compiles their pattern
    again (tens of milliseconds with hundreds of them), which a log line nobody reads must
    not pay."""

    __slots__ = ("_text",)

    def __init__(self, text: object) -> None:
        self._text = text

    def __str__(self) -> str:
        return scrub(str(self._text))

    def __repr__(self) -> str:  # what a handler keeping ``record.args`` shows
        return repr(str(self))


class Secret:
    """A credential: masked when printed, compared in constant time.

    >>> token = Secret("s3cr3t-token")
    >>> token
    Secret('***')
    >>> token.reveal()
    's3cr3t-token'
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"Secret value must be a str, not {type(value).__name__}")
        if not value.strip():
            raise ValueError("Secret value must not be empty")
        self._value = value
        if len(value) >= _MIN_SCRUB_LENGTH:
            _register(value)
            # Not at exit: Python calls the finalizers of live objects then, and code still
            # running after (a later atexit hook, a daemon thread) showed every token.
            weakref.finalize(self, _unregister, value).atexit = False

    @classmethod
    def coerce(cls, value: str | Secret) -> Secret:
        """Accept a plain string or an existing Secret.

        For a credential argument, :func:`hirelink.core.validation.secret` does the same
        and names the argument when the value is refused.
        """
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

    # A copy within the process is the same immutable value (copy.copy and deepcopy of a
    # config holding one, dataclasses.asdict); only pickling, which may leave it, is refused.
    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Secret:
        return self


def accepted_by_any(accepted: Iterable[Secret], check: Callable[[Secret], bool]) -> bool:
    """Whether ``check`` passes for one of ``accepted`` (a receiver's tokens or signing
    secrets). Every one is checked, so the time taken says nothing about which matched."""
    found = False
    for secret in accepted:
        found |= check(secret)
    return found


def mask_while_alive(owner: object, value: str) -> Secret:
    """Scrub ``value`` from hirelink's output for as long as ``owner`` lives.

    For a credential that a provider returns inside a plain model (a partner record's
    ``secret``): the registry follows the model's life instead of growing forever.
    """
    secret = Secret(value)
    weakref.finalize(owner, _keep_until_collected, secret).atexit = False
    return secret


def mask_all_while_alive(owner: object, values: Iterable[object]) -> None:
    """:func:`mask_while_alive` for each text among ``values`` (once; blank ones and
    anything but text skipped)."""
    for value in {value for value in values if isinstance(value, str) and value.strip()}:
        mask_while_alive(owner, value)


def _keep_until_collected(secret: Secret) -> None:
    """The finalizer's argument is the reference that keeps ``secret`` alive."""


def pop_secrets(members: Any, names: Collection[str]) -> list[str]:
    """The text values under any of ``names`` in ``members`` (a dict or a list) and the
    dicts and lists within, removed from them.

    For the raw members a tolerant model keeps of an answer that echoes a credential: the
    caller registers what it found (:func:`mask_while_alive`) so nothing prints it.
    """
    found: list[str] = []
    if isinstance(members, dict):
        for name in names:
            if isinstance(members.get(name), str):
                found.append(members.pop(name))
        children = list(members.values())
    elif isinstance(members, list):
        children = members
    else:
        return found
    for child in children:
        found += pop_secrets(child, names)
    return found
