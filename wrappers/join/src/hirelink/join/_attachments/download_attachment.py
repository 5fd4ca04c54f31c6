"""``GET <attachment url>`` as an endpoint module, run as a :class:`~hirelink.core.Call`
like the generated endpoints (``_get_kwargs``, then ``_parse_response``).

The URL is absolute and pre-signed, on a host the spec cannot name; the request goes
through the client's httpx stack (the token, retries, typed errors, redacted logs). The
operation has checked that the host may receive the token before building the call.
"""

from __future__ import annotations

from email.message import Message
from pathlib import PureWindowsPath
from typing import Any

import httpx

from hirelink.core.transport import UNPAGED

from ..documents import DownloadedFile


def _get_kwargs(*, url: str) -> dict[str, Any]:
    return {
        "method": "get",
        "url": url,
        "headers": {"Accept": "*/*"},
        "extensions": {UNPAGED: True},  # a file too large is not a page to make smaller
    }


def _parse_response(*, client: Any, response: httpx.Response) -> DownloadedFile:
    return DownloadedFile(
        response.content,
        content_type=response.headers.get("content-type"),
        filename=_filename(response.headers.get("content-disposition")),
    )


def _filename(disposition: str | None) -> str | None:
    """The file name a ``Content-Disposition`` gives (``filename*`` or ``filename``), its
    last path segment only; None without one."""
    if not disposition:
        return None
    header = Message()
    header["Content-Disposition"] = disposition
    return base_name(header.get_filename())


def base_name(name: str | None) -> str | None:
    """``name``'s last path segment (after a ``/`` or ``\\``, a Windows drive left out),
    None when that is empty, ``.`` or ``..``: a file name the applicant chose must not lead
    a caller's write into another directory (``C:cv.pdf`` is in C:'s current one)."""
    base = PureWindowsPath(name).name if name else ""
    return base if base not in ("", ".", "..") else None


def sync_detailed(*, client: Any, url: str) -> DownloadedFile:
    """GET the file with the generated client's httpx client and read it.

    Core runs the call itself (``_get_kwargs``, then ``_parse_response``); this function
    gives ``functools.partial`` its signature.
    """
    http: httpx.Client = client.get_httpx_client()
    return _parse_response(client=client, response=http.request(**_get_kwargs(url=url)))
