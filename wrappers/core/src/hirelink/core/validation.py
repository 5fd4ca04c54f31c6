"""Checks wrappers run on their arguments before anything is sent.

Each function returns the value in the form the wire needs and raises
:class:`~hirelink.core.errors.InvalidInputError` naming the argument otherwise.
"""

from __future__ import annotations

import enum
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import httpx
from attrs import frozen

from .errors import InvalidInputError, UnknownArgumentError
from .secrets import Secret

E = TypeVar("E", bound=enum.Enum)


def non_empty_str(field: str, value: object, *, strip: bool = False) -> str:
    """Text on one line (a name, a tag, a filter), not all white space: no control
    character (a tab, a line break, NUL, DEL: see :func:`no_control_characters`). With
    ``strip`` (a value whose surrounding white space is dropped anyway: an id, a name
    looked up, an e-mail address) it is dropped first, line breaks included, and the
    stripped text returned: only a control character inside is refused."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(field, f"must be a non-empty string, got {shape(value)}")
    return no_control_characters(field, value.strip() if strip else value)


def non_empty_text(field: str, value: object) -> str:
    """Text that may run over several lines (a note's body, a message), not all white
    space: tabs, line breaks, vertical tabs (Word's soft line break) and form feeds (a
    PDF's page break) are kept, other control characters refused."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(field, f"must be a non-empty string, got {shape(value)}")
    return no_control_characters(field, value, multiline=True)


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BUT_LINES: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def no_control_characters(field: str, value: str, *, multiline: bool = False) -> str:
    """``value`` as plain ``str`` (an enum member mixing in ``str`` sent as its value,
    not as ``Cls.MEMBER``) if it holds no C0 control character nor DEL; ``multiline``
    text may hold tabs and line and page breaks (``\\t``, ``\\n``, ``\\r``, ``\\v``,
    ``\\f``). NUL is refused by the databases behind the providers after the write was
    sent; a line break in a name or a tag shows as two; an escape sequence rewrites a
    terminal that shows it. Half of a surrogate pair (text read with
    ``errors="surrogateescape"``, bytes that were not UTF-8) is refused too: UTF-8 cannot
    carry it, and it must be refused before anything (an upload) is sent."""
    if not value.isascii() and (half := _LONE_SURROGATE.search(value)):
        raise InvalidInputError(
            field,
            f"holds U+{ord(half.group()):04X}, half of a surrogate pair, which UTF-8 cannot"
            " carry (bytes read as text with errors='surrogateescape' were not UTF-8?)",
        )
    found = (_CONTROL_BUT_LINES if multiline else _CONTROL).search(value)
    if found and multiline:
        raise InvalidInputError(
            field,
            f"holds a control character (U+{ord(found.group()):04X}); of those, only tabs,"
            " line breaks and page breaks (\\t \\n \\r \\v \\f) can be sent",
        )
    if found:
        raise InvalidInputError(
            field,
            "must be a single line of text: it holds a line break or another control"
            f" character (U+{ord(found.group()):04X})",
        )
    return str.__str__(value)


def name_key(name: str) -> str:
    """What two names compare by when a user names a record (a stage, a field): case,
    surrounding spaces and Unicode forms aside. A name typed on macOS or copied from a PDF
    often comes decomposed (``e`` and a combining accent), or in full-width letters.
    Turkish dotted and dotless i are one letter here: ``casefold`` makes ``İ`` an ``i``
    with a combining dot, and leaves the dotless one (U+0131) as it is, so "İlk görüşme"
    missed "ilk görüşme"."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name.strip()).casefold())
    return folded.replace("i\u0307", "i").replace("\u0131", "i")


def shape(value: object) -> str:
    """What a refused value was, without quoting text or contents: an applicant's name,
    e-mail address or date of birth given in the wrong place must not reach an error
    tracker or a log through the message. Numbers, booleans and None are shown."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _SHOWN_UP_TO:
        return f"a number of more than {len(str(_SHOWN_UP_TO)) - 1} digits"
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    if isinstance(value, str):
        return described(value)
    if isinstance(value, Mapping | list | tuple | set | frozenset):
        items = "1 item" if len(value) == 1 else f"{len(value)} items"
        return f"a {type(value).__name__} of {items}"
    return f"a {type(value).__name__}"


_SHOWN_UP_TO: Final = 10**40
"""Numbers from here on are described, not shown: ``repr()`` of one of more than 4,300
digits raises ValueError (Python's limit on converting a number to text)."""


def described(value: object) -> str:
    """What a refused credential was, without quoting it: one pasted into the wrong field
    (an access token as a company id) must not show up in an error message or a log."""
    if isinstance(value, str):
        if not value:
            return "an empty string"
        if not value.strip():
            return "white space only"
        return "text of 1 character" if len(value) == 1 else f"text of {len(value)} characters"
    return f"a {type(value).__name__}"


def secret(
    field: str, value: object, *, ascii_only: bool = True, scheme_free: bool = True
) -> Secret:
    """A credential: a non-empty string or a :class:`Secret`, sendable in a header (no
    control characters, no space at either end, and ASCII, as the providers issue them,
    unless ``ascii_only=False``: a webhook token is chosen by the user and sent by the
    provider as its UTF-8 bytes). With ``scheme_free`` (a credential hirelink places in
    its header itself, adding any scheme) a pasted ``Bearer `` in front is refused; a
    header value of the user's own passes ``scheme_free=False``. The value is never
    echoed."""
    if isinstance(value, str) and value.strip():
        value = Secret(value)
    if not isinstance(value, Secret):
        raise InvalidInputError(
            field, f"must be a non-empty string or a hirelink Secret, got {described(value)}"
        )
    _check_credential_text(field, value.reveal(), ascii_only=ascii_only)
    if scheme_free and value.reveal()[:7].lower() == "bearer ":
        raise InvalidInputError(
            field, "give the credential as it is, without 'Bearer ' (hirelink adds what it needs)"
        )
    return value


def credential_text(field: str, value: object) -> str:
    """A credential that is not secret (an OAuth client id), checked as :func:`secret`
    checks one and, like it, never echoed."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(field, f"must be a non-empty string, got {described(value)}")
    _check_credential_text(field, value, ascii_only=True)
    return str.__str__(value)


def _check_credential_text(field: str, text: str, *, ascii_only: bool) -> None:
    if any(ord(character) < 32 or ord(character) == 127 for character in text):
        raise InvalidInputError(
            field, "contains a line break or another control character (a file's last line?)"
        )
    if text != text.strip():
        raise InvalidInputError(field, "starts or ends with a space")
    if ascii_only and not text.isascii():
        raise InvalidInputError(
            field,
            "holds a character that is not ASCII, which no credential the provider issues "
            "has (a typographic quote or dash pasted with it?)",
        )


def numeric_id(field: str, value: object) -> str:
    """A positive numeric id, given as an int or a string of digits, as its digits."""
    return str(id_number(field, value))


def id_number(field: str, value: object) -> int:
    """A positive numeric id, given as an int or a string of digits, as a number (for an
    API that takes numbers, where ids may have come back as text)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(_at_most_largest_id(field, value.strip()))
    return positive_int(field, value)


def _at_most_largest_id(field: str, digits: str) -> str:
    """``digits`` (ASCII digits) if they are a number up to :data:`LARGEST_ID`; checked
    before ``int()``, which refuses text of more than 4,300 digits with a ValueError of
    its own (Python's limit on converting text to a number)."""
    significant = digits.lstrip("0")
    if len(significant) > len(str(LARGEST_ID)) or (
        len(significant) == len(str(LARGEST_ID)) and significant > str(LARGEST_ID)
    ):
        raise InvalidInputError(
            field, f"must be at most {LARGEST_ID} (2**63 - 1), got {len(digits)} digits"
        )
    return digits


def id_digits(field: str, value: str) -> str:
    """``value``, ASCII digits, checked as :func:`numeric_id` checks an id given as text
    (at least 1, at most :data:`LARGEST_ID`) and returned as written."""
    numeric_id(field, value)
    return value


def text(field: str, value: object) -> str:
    """A string, possibly empty (e.g. a description or cover letter being cleared), on
    one line or several (see :func:`non_empty_text`)."""
    if not isinstance(value, str):
        raise InvalidInputError(field, f"must be a string, got {shape(value)}")
    return no_control_characters(field, value, multiline=True)


NUMBER_TEXT: Final = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")
"""Text of a number (``20260115``, ``-1``, ``1.5e9``, ``.5``), which pydantic reads as a
Unix time where a date or a moment is expected."""


def written_as_a_number(value: object) -> bool:
    """Whether ``value`` is a number (not a boolean) or :data:`NUMBER_TEXT`: what pydantic
    would read as a Unix time where a moment is expected, in a unit nobody can tell."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and NUMBER_TEXT.fullmatch(value) is not None


LARGEST_ID: Final = 2**63 - 1
"""The largest whole number the providers store (a signed 64-bit integer)."""


def positive_int(field: str, value: object, *, minimum: int = 1) -> int:
    """A whole number from ``minimum`` to :data:`LARGEST_ID` (booleans are refused
    although they are ints)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidInputError(field, f"must be a whole number >= {minimum}, got {shape(value)}")
    if value > LARGEST_ID:
        raise InvalidInputError(
            field, f"must be at most {LARGEST_ID} (2**63 - 1), got {shape(value)}"
        )
    return int(value)  # an IntEnum's member as its number


LONGEST_SECONDS: Final = 366 * 24 * 3600.0
"""The most seconds a duration option takes (a year): far beyond any use, and within what
a thread's wait and a datetime take (1e15 s overflowed a datetime, 1e10 a thread's wait)."""


def positive_seconds(field: str, value: object, *, zero: bool = False) -> float:
    """A finite number of seconds above 0 (or at least 0 with ``zero``), at most
    :data:`LONGEST_SECONDS`; booleans, NaN and infinity are refused."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
        or (value == 0 and not zero)
    ):
        raise InvalidInputError(field, f"must be a positive number of seconds, got {shape(value)}")
    if value > LONGEST_SECONDS:
        raise InvalidInputError(field, f"must be at most a year of seconds, got {shape(value)}")
    return float(value)


def bounded_int(*, minimum: int = 1, maximum: int) -> Callable[[str, Any], int]:
    """A whole number between ``minimum`` and ``maximum`` (e.g. a provider's page size)."""

    def check(field: str, value: object) -> int:
        number = positive_int(field, value, minimum=minimum)
        if number > maximum:
            raise InvalidInputError(field, f"must be at most {maximum}, got {number}")
        return number

    return check


def one_of(options: type[E]) -> Converter:
    """A converter to one of an enum's values (see :func:`choice`)."""
    return lambda field, value: choice(field, value, options)


def matching(pattern: str, description: str) -> Converter:
    """A string matching ``pattern`` in full, e.g. a two-letter language code."""
    compiled = re.compile(pattern)

    def check(field: str, value: object) -> str:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise InvalidInputError(field, f"must be {description}, got {shape(value)}")
        return no_control_characters(field, value)

    return check


def flag(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(field, f"must be True or False, got {shape(value)}")
    return value


_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}")
"""What a URL's scheme looks like: what stands where it goes and looks otherwise (a token
pasted in front, ``user:password@``) is never quoted."""
_URL_SHOWN: Final = 120
"""How much of a refused URL an error quotes at most."""
_SCHEME_AND_HOST: Final = re.compile(_SCHEME.pattern + r"://(?:\[[^\]/]*\]|[^/?#@\s:\[]*)")


def http_url(field: str, value: object, *, personal: bool = False) -> str:
    """An absolute http(s) URL with a host (one the provider downloads from, or a base URL).

    ``personal``: the URL is an applicant's file (a CV's address, whose path often holds
    their name); a refusal quotes its scheme and host only.
    """
    url = non_empty_str(field, value)
    problem = _url_problem(url, quoting=not personal and "@" not in url)
    if problem:
        # Neither a user:password@ nor a query (a receiver's ?key=...) is quoted back.
        before_query = re.split(r"[?#]", url, maxsplit=1)[0]
        scheme, separator, _ = url.partition("://")
        # Nor what stands where the scheme goes and is none: a token pasted in front.
        unshaped = separator and not _SCHEME.fullmatch(scheme)
        shown = "" if "@" in url or unshaped else f", got {before_query[:_URL_SHOWN]!r}"
        if shown and len(before_query) > _URL_SHOWN:
            shown += f" (cut at {_URL_SHOWN} characters)"
        if personal and shown:
            origin = _SCHEME_AND_HOST.match(url)
            shown = f", got {origin.group()!r} (the rest not shown)" if origin else ""
        elif before_query != url and shown:
            shown += " (what follows ? or # not shown)"
        raise InvalidInputError(
            field, f"must be an http(s) URL such as https://api.example.com{shown} ({problem})"
        )
    return url


HEADER_NAME: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""An HTTP header name: an RFC 9110 token."""


def header_name(field: str, value: object) -> str:
    """An HTTP header name (a token: letters, digits and ``!#$%&'*+.^_`|~-``)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(field, f"must be a non-empty string, got {shape(value)}")
    name = value.strip()
    if not HEADER_NAME.fullmatch(name):
        raise InvalidInputError(field, f"must be an HTTP header name (a token), got {name!r}")
    return name


_ASCII_HEADER_VALUE: Final = re.compile(r"[\t\x20-\x7e]*")


def header_values(field: str, headers: object) -> dict[str, str]:
    """Extra request headers: names that are tokens, values of visible ASCII and spaces
    (a line break would start another header; httpx refuses other bytes only when it
    sends, as a connection error). Values are not quoted back: they may be credentials."""
    if not isinstance(headers, Mapping):
        raise InvalidInputError(field, f"must map header names to values, got {shape(headers)}")
    checked = {}
    for name, value in headers.items():
        name = header_name(f"{field}.{name}", name)
        if not isinstance(value, str) or not _ASCII_HEADER_VALUE.fullmatch(value):
            raise InvalidInputError(
                f"{field}.{name}", "must be text of visible ASCII characters and spaces"
            )
        checked[name] = value
    return checked


def base_url(field: str, value: object) -> str:
    """An http(s) URL that request paths are appended to: no query or fragment (httpx
    would append every path after them, sending each operation to one URL) and no
    ``user:password@`` (never sent: hirelink sends the client's own credential, and the
    URL shows in reprs and errors; it is checked first, so no message quotes it)."""
    url = http_url(field, value)
    problem = (
        "a user or password" if "@" in urlsplit(url).netloc
        else "a query" if "?" in url
        else "a fragment" if "#" in url
        else None
    )  # fmt: skip
    if problem:
        raise InvalidInputError(
            field, f"must be a base URL without {problem}, such as https://api.example.com/v2"
        )
    return url


_HOST_NAME: Final = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


DEFAULT_PORTS: Final = {"http": 80, "https": 443}
"""The port a URL of each scheme names when it names none."""


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host (as sent: an international name in its ``xn--`` form, the root's dot
    left out) and port of ``url``."""
    host = url.raw_host.decode("ascii").lower().removesuffix(".")
    return url.scheme, host, url.port or DEFAULT_PORTS.get(url.scheme)


def trusted_url(
    field: str, value: object, *, base_url: str, trusted_hosts: Iterable[str], credential: str
) -> str:
    """An absolute URL a client may send its ``credential`` to (a download link the
    provider hands out), checked before anything is sent: https on the host of
    ``base_url`` or on one of ``trusted_hosts`` or a subdomain of one (``join.com``
    trusts ``files.join.com``, not ``notjoin.com``), or any URL on the origin of
    ``base_url`` itself (scheme, host and port: a local stand-in served over http).

    Raises :class:`InvalidInputError` naming ``field`` and the URL's host for any other
    URL, and for one with a ``user:password@`` (the query, which may hold a signature, is
    never quoted); naming ``trusted_hosts`` for an entry that is not a host name.
    """
    hosts = [
        _trusted_host(f"trusted_hosts.{index}", host)
        for index, host in enumerate(listed("trusted_hosts", trusted_hosts, "host names"))
    ]
    try:
        url = httpx.URL(http_url(field, value))
    except httpx.InvalidURL as error:  # an international host name IDNA refuses, say
        raise InvalidInputError(field, f"is no URL httpx can send ({error})") from None
    if url.userinfo:
        raise InvalidInputError(field, "must not hold a user or password (user:password@)")
    base = httpx.URL(base_url)
    host, own_host = _origin(url)[1], _origin(base)[1]
    if _origin(url) == _origin(base):
        return str(url)
    trusted = [own_host, *hosts]
    if any(host == name or host.endswith("." + name) for name in trusted):
        if url.scheme == "https":
            return str(url)
        problem = f"is plain {url.scheme}:// on {host!r}: the {credential} goes only over https"
        raise InvalidInputError(field, problem)
    raise InvalidInputError(
        field,
        f"is on host {host!r}, which is not trusted with the {credential} (trusted: "
        f"{', '.join(trusted)} and their subdomains over https); pass trusted_hosts= "
        "to trust it, if it is the provider's",
    )


def _trusted_host(field: str, value: object) -> str:
    """A host name, in lower case without a trailing dot (``join.com``)."""
    name = non_empty_str(field, value, strip=True).lower().rstrip(".")
    if not _HOST_NAME.fullmatch(name):
        raise InvalidInputError(
            field, "must be a host name such as join.com (no scheme, port or path)"
        )
    return name


def _url_problem(url: str, *, quoting: bool = True) -> str | None:
    """What is wrong with ``url`` as an http(s) URL, or None; ``quoting`` False: a port
    that is no number is not quoted (urllib's message quotes it)."""
    if any(character.isspace() for character in url):
        return "it contains white space"
    scheme, separator, _ = url.partition("://")
    if not separator or any(character in scheme for character in "/?#"):
        return "no scheme: start it with https:// or http://"
    if scheme.lower() not in {"http", "https"}:
        if not quoting or not _SCHEME.fullmatch(scheme):
            # Not shaped as a scheme: `user:password@https`, a token pasted in front.
            return "the scheme is not http or https"
        return f"the scheme is {scheme!r}, not http or https"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is the check
    except ValueError as error:
        return str(error) if quoting else "its host or port does not parse"
    if not parts.hostname:
        return "no host"
    return None


_EMAIL = re.compile(r"[^@\s,]+@[^@\s,]+\.[^@\s,]+")


def email(field: str, value: object) -> str:
    """An e-mail address (surrounding spaces dropped); only its shape is checked. A comma
    is refused: it is no part of an address outside quotes (which none of the providers
    takes), and a provider reading a comma-joined list of addresses (Personio's
    ``email`` filter) takes ``a,b@example.org`` for two."""
    if not isinstance(value, str):
        raise InvalidInputError(field, f"must be an e-mail address, got {shape(value)}")
    if not _EMAIL.fullmatch(value.strip()) or _invisible(value.strip()):
        raise InvalidInputError(field, f"must be an e-mail address: {_not_an_address(value)}")
    return value.strip()


def _invisible(text: str) -> str | None:
    """The first character of ``text`` that shows as nothing: a format or control
    character (U+200B, U+FEFF, U+00AD, ...) or another one Unicode says to ignore (a
    variation selector, the combining grapheme joiner, a Hangul filler). Neither ``\\s``
    nor ``strip()`` sees one, and an address pasted with it is another address to a
    provider. The zero-width joiner and non-joiner are kept where IDNA allows them: after
    a virama (Devanagari, Sinhala), and the non-joiner also between two letters of a
    joining script (Persian's Arabic letters); elsewhere, between two Latin letters say,
    they hide a second address."""
    for index, character in enumerate(text):
        if not _ignorable(character):
            continue
        if character in _JOINERS and 0 < index < len(text) - 1:
            before, after = text[index - 1], text[index + 1]
            if unicodedata.combining(before) == _VIRAMA:
                continue
            if character == _NON_JOINER and _joins_after(before) and _joining(after):
                continue
        return character
    return None


def _ignorable(character: str) -> bool:
    if unicodedata.category(character) in {"Cf", "Cc", "Cs"}:
        return True
    return _within(character, _IGNORABLE_LETTERS_AND_MARKS)


def _within(character: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(character) <= high for low, high in ranges)


# Default-ignorable code points that are not format characters: letters and marks
# (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian free
# variation selectors, variation selectors and their supplement) and those not assigned
# yet, which Unicode reserves as ignorable (U+2065, U+FFF0-FFF8, U+E0000-E0FFF).
_IGNORABLE_LETTERS_AND_MARKS = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
)

_NON_JOINER = "\u200c"
_JOINERS = {_NON_JOINER, "\u200d"}
_VIRAMA = 9  # the canonical combining class of a virama

# Scripts whose letters join (IDNA's joining-type context for the non-joiner): Arabic
# and its supplements, Syriac, Mandaic, N'Ko, Mongolian, Phags-pa, Manichaean, Psalter
# Pahlavi, Hanifi Rohingya, Sogdian, Adlam. Python has no joining types: a letter of
# these scripts counts as joining on both sides, except the common Arabic letters that
# join only to the letter before them (alef, dal, reh, waw, ...), after which a
# non-joiner separates nothing and hides a second address.
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),
    (0x1800, 0x18AF),
    (0xA840, 0xA87F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10AC0, 0x10AFF),
    (0x10B80, 0x10BAF),
    (0x10D00, 0x10D3F),
    (0x10F30, 0x10F6F),
    (0x1E900, 0x1E95F),
)
_JOINING_ONLY_BEFORE = frozenset(
    "\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648"
    "\u0671\u0672\u0673\u0675\u0676\u0677\u0688\u0689\u068a\u068b\u068c"
    "\u068d\u068e\u068f\u0690\u0691\u0692\u0693\u0694\u0695\u0696\u0697"
    "\u0698\u0699\u06c0\u06c3\u06c4\u06c5\u06c6\u06c7\u06c8\u06c9\u06ca"
    "\u06cb\u06cd\u06cf\u06d2\u06d3\u06d5\u06ee\u06ef"
)


def _joining(character: str) -> bool:
    return unicodedata.category(character)[0] in "LM" and _within(character, _JOINING_SCRIPTS)


def _joins_after(character: str) -> bool:
    """Whether ``character`` may join the letter after it (IDNA: joining type L or D)."""
    return _joining(character) and character not in _JOINING_ONLY_BEFORE


def _not_an_address(value: str) -> str:
    """Why ``value`` is no e-mail address, without quoting it."""
    invisible = _invisible(value.strip())
    if invisible is not None:
        return f"it holds an invisible or control character (U+{ord(invisible):04X})"
    local, at, domain = value.strip().rpartition("@")
    if not at:
        return f"{described(value)} without an '@'"
    if not domain:
        return "nothing after the '@'"
    if any(character.isspace() for character in value.strip()):
        return "it holds white space"
    if "," in value:
        return "it holds a comma (give each address on its own)"
    if "@" in local:
        return "it holds more than one '@'"
    if not local:
        return "nothing before the '@'"
    return "the part after the '@' holds no '.' between names"


def json_object(field: str, value: object) -> dict[str, Any]:
    """A JSON object: a mapping with string keys whose values JSON can encode (NaN and
    infinity cannot be: they are not JSON)."""
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise InvalidInputError(field, f"must be a mapping with string keys, got {shape(value)}")
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidInputError(field, f"must hold only JSON values ({error})") from None
    return dict(value)


def listed(field: str, values: object, what: str) -> list[object]:
    """The items of ``values``, any iterable but text, bytes or a mapping: a bare string
    would be split into letters, ``bytearray(b"12")`` is the numbers 49 and 50, and a
    dict its keys (``phones={"mobile": "+46..."}`` sent ``["mobile"]``). ``what`` names
    the list the error asks for (``"strings"``, ``"integer ids"``)."""
    if isinstance(values, str | bytes | bytearray | memoryview | Mapping) or not isinstance(
        values, Iterable
    ):
        raise InvalidInputError(field, f"must be a list of {what}, got {shape(values)}")
    return list(values)


def string_list(
    field: str, values: object, *, allow_empty: bool = False, strip: bool = False
) -> list[str]:
    """A list of non-empty strings (see :func:`listed`); ``strip`` as
    :func:`non_empty_str`'s."""
    items = listed(field, values, "strings")
    if not items and not allow_empty:
        raise InvalidInputError(field, "must contain at least one value")
    return [
        non_empty_str(f"{field}.{index}", item, strip=strip) for index, item in enumerate(items)
    ]


def int_list(field: str, values: object, *, allow_empty: bool = False) -> list[int]:
    """A list of positive integer ids (see :func:`listed`: a bare string, number or bytes
    is refused)."""
    items = listed(field, values, "integer ids")
    ids = [positive_int(f"{field}.{index}", value) for index, value in enumerate(items)]
    if not ids and not allow_empty:
        raise InvalidInputError(field, "must contain at least one id")
    return ids


def id_list(field: str, values: object) -> str:
    """Positive integer ids, comma-joined without spaces: ``[1, 2]`` -> ``"1,2"``."""
    return ",".join(str(i) for i in int_list(field, values))


def choice(field: str, value: object, options: type[E]) -> E:
    """One of an enum's values, given as the enum member or its wire value."""
    if isinstance(value, options):
        return value
    try:
        return options(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in options)
        same = [m.value for m in options if name_key(str(m.value)) == name_key(str(value))]
        hint = f" (did you mean {same[0]!r}?)" if same else ""
        raise InvalidInputError(
            field, f"must be one of {allowed}, got {shape(value)}{hint}"
        ) from None


def true_only_flag(field: str, value: object) -> bool:
    """A filter the provider applies only when sent as ``true``.

    ``False`` is refused rather than sent, because the provider does not treat it as the
    opposite filter: omit the argument to include everything.
    """
    if value is True:
        return True
    if value is False:
        raise InvalidInputError(
            field, "the API can only filter for true; leave it out to include everything"
        )
    raise InvalidInputError(field, f"must be True, got {shape(value)}")


def naive(value: datetime) -> bool:
    """Whether ``value`` names no time zone (no ``tzinfo``, or one giving no offset)."""
    return value.tzinfo is None or value.utcoffset() is None


def no_time_zone(value: datetime) -> str:
    """Why a naive ``value`` is refused (see :func:`utc_moment`), after the field's name."""
    return (
        f"has no time zone: {value.isoformat()}; give one, e.g. datetime.now(UTC)"
        " or datetime(2026, 1, 15, 9, 0, tzinfo=UTC)"
    )


def utc_moment(field: str, value: object) -> datetime:
    """An aware datetime in UTC: the one conversion of every time argument.

    Aware datetimes are converted to UTC; a ``date`` means its midnight UTC. A naive
    datetime is refused: ``datetime.now()`` is the host's local time, which taken as UTC
    put a watch's start hours off (ahead of now east of UTC, so it skipped every change
    until then).
    """
    if isinstance(value, datetime):
        if naive(value):
            raise InvalidInputError(field, no_time_zone(value))
        try:
            return value.astimezone(UTC)
        except OverflowError:  # 0001-01-01 east of UTC, 9999-12-31 west of it
            raise InvalidInputError(
                field, f"is outside the years 1 to 9999 in UTC: {value}"
            ) from None
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=UTC)
    raise InvalidInputError(field, f"must be a datetime or date, got {shape(value)}")


FIRST_TO_START_A_DAY: Final = timezone(timedelta(hours=14))
"""UTC+14 (the Line Islands), the first zone where each day begins."""


def latest_today(now: datetime | None = None) -> date:
    """The latest date that is today somewhere on Earth (today at UTC+14), at ``now``
    (an aware datetime; default this host's clock).

    A later date is in the future everywhere. This host's own date says nothing here: a
    provider judges by a clock and zone of its own, and the user may be anywhere.
    """
    return (now or datetime.now(UTC)).astimezone(FIRST_TO_START_A_DAY).date()


def utc_timestamp(field: str, value: object) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` in UTC (see :func:`utc_moment`); years below 1000 too have
    four digits (``strftime``'s ``%Y`` gave ``1-01-01`` on Linux)."""
    return utc_moment(field, value).replace(tzinfo=None).isoformat(timespec="seconds")


def utc_timestamp_z(field: str, value: object) -> str:
    """:func:`utc_timestamp` with a trailing ``Z``."""
    return utc_timestamp(field, value) + "Z"


_UNIX_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND: Final = timedelta(seconds=1)


def unix_seconds(field: str, value: object) -> int:
    """Whole seconds since 1970 in UTC (see :func:`utc_moment`), a fraction dropped."""
    return (utc_moment(field, value) - _UNIX_EPOCH) // _SECOND


def unix_seconds_rounded_up(field: str, value: object) -> int:
    """:func:`unix_seconds` with a fraction of a second rounded up."""
    return -((_UNIX_EPOCH - utc_moment(field, value)) // _SECOND)


Converter = Callable[[str, Any], Any]
"""Checks one argument (named by the first parameter) and returns its wire value."""


@frozen
class Param:
    """One argument of a parameter table: how it is checked, and its wire name."""

    convert: Converter
    wire: str | None = None
    """The generated function's argument name, when it differs from ours."""


class Inputs:
    """An operation's parameter table: names, converters (with bounds) and wire names.

    ``wire(given)`` refuses unknown names, skips arguments given as None, and returns
    the converted values under their wire names.
    """

    def __init__(self, operation: str, **params: Param | Converter) -> None:
        self.operation = operation
        self.params = {
            name: param if isinstance(param, Param) else Param(param)
            for name, param in params.items()
        }

    def wire(self, given: Mapping[str, object]) -> dict[str, Any]:
        """``given`` checked and converted, keyed by wire names; None values left out.
        An unknown name raises :class:`InvalidInputError` naming it."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise UnknownArgumentError.among(
                unknown[0], self.params, f"is not an argument of {self.operation}"
            )
        converted: dict[str, Any] = {}
        for name, value in given.items():
            if value is not None:
                param = self.params[name]
                converted[param.wire or name] = param.convert(name, value)
        return converted

    def wire_changes(self, changes: Mapping[str, object]) -> dict[str, Any]:
        """:meth:`wire` for an update's ``**changes``, at least one of which must be given."""
        converted = self.wire(changes)
        if not converted:
            wanted = "give at least one of: " + ", ".join(self.params)
            if changes:  # each given as None
                given = ", ".join(sorted(changes))
                wanted = f"None leaves a field as it is (given for {given}); {wanted}"
            raise InvalidInputError("changes", wanted)
        return converted
