"""The JSON decoder every answer is read with: the one place that chooses it.

orjson when it is installed (``pip install "hirelink-core[speedups]"``), else the standard
library's ``json``. Measured on our list pages (100 Recruitee candidates, 148 KB), orjson
decodes in about half json's time; msgspec's decoder is as fast but its import costs
25-70 ms against orjson's 0.5 ms, and it is the import a first call pays.

What orjson refuses that json reads (a byte-order mark, UTF-16, ``NaN``, lone
surrogates, a raw control character inside a string) is read again with json, so both
decoders accept the same answers; the one difference left is that orjson reads integers
beyond 64 bits as floats. Set ``HIRELINK_JSON_DECODER=json`` to use json whatever is
installed (``orjson`` to require orjson; the default, ``auto``, takes orjson when it is
there).

Generated code reads bodies with ``response.json()``: the client's response hook makes
every response a :class:`JsonResponse`, whose ``json()`` decodes with :func:`loads`.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from typing import Any, Final

import httpx
from attrs import define

from .errors import InvalidInputError

__all__ = ["DECODER_ENV", "Decoder", "JsonResponse", "active_decoder", "choose_decoder", "loads"]

DECODER_ENV: Final = "HIRELINK_JSON_DECODER"
"""The environment variable choosing the JSON decoder: ``auto`` (orjson when installed,
the default), ``json`` or ``orjson``."""
_CHOICES: Final = ("auto", "json", "orjson")


@define(frozen=True)
class Decoder:
    """A named ``loads``: bytes or text in, the JSON value out (``ValueError`` when bad)."""

    name: str
    loads: Callable[[bytes | str], Any]


def _json_loads(content: bytes | str) -> Any:
    try:
        # strict=False: a raw control character in a string (a tab pasted into a cover
        # letter) is read as itself; strict reading refused the whole record for it.
        return json.loads(content, strict=False)
    except RecursionError:  # nesting deeper than the interpreter's stack allows
        raise ValueError("the JSON document is nested too deeply to read") from None


STDLIB: Final = Decoder("json", _json_loads)


def choose_decoder(preference: str | None = None) -> Decoder:
    """The decoder for ``preference`` (``auto``, ``json`` or ``orjson``; None is ``auto``)."""
    preference = (preference or "auto").strip().lower()
    if preference not in _CHOICES:
        raise InvalidInputError(DECODER_ENV, f"must be one of {', '.join(_CHOICES)}")
    if preference == "json":
        return STDLIB
    try:
        import orjson
    except ImportError:
        if preference == "orjson":
            raise InvalidInputError(
                DECODER_ENV, 'orjson is not installed (pip install "hirelink-core[speedups]")'
            ) from None
        return STDLIB
    fast = orjson.loads
    refused = orjson.JSONDecodeError

    def orjson_loads(content: bytes | str) -> Any:
        try:
            return fast(content)
        except refused:
            return _json_loads(content)  # the standard's reading of what orjson refuses

    return Decoder("orjson", orjson_loads)


@functools.cache
def active_decoder() -> Decoder:
    """The decoder this process uses, chosen from ``$HIRELINK_JSON_DECODER`` at first use."""
    return choose_decoder(os.environ.get(DECODER_ENV))


def loads(content: bytes | str) -> Any:
    """Decode ``content`` with the :func:`active_decoder`."""
    return active_decoder().loads(content)


class JsonResponse(httpx.Response):
    """An ``httpx.Response`` whose ``json()`` uses hirelink's decoder."""

    def json(self, **kwargs: Any) -> Any:
        """The decoded body; with ``kwargs`` (``json.loads`` options), httpx's own decoding."""
        if kwargs:  # options only the standard library understands
            return super().json(**kwargs)
        return active_decoder().loads(self.content)


def adopt(response: httpx.Response) -> None:
    """Make a read ``response`` a :class:`JsonResponse` (it keeps all its state)."""
    if type(response) is httpx.Response:
        response.__class__ = JsonResponse
