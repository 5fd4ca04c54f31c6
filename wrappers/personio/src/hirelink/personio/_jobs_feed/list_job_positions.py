"""``GET https://{subdomain}.jobs.personio.de/xml`` as an endpoint module.

It runs as a :class:`~hirelink.core.Call` like the generated endpoints.

Generated endpoint modules expose ``sync_detailed`` and ``asyncio_detailed``; this module
does the same for the one operation the generator cannot produce. The request goes
through the client's httpx stack (retries, logging, typed errors); the feed host is
addressed by an absolute URL, and the Personio auth never sends credentials there.
"""

from __future__ import annotations

from typing import Any

import httpx
from attrs import frozen

from hirelink.core.errors import api_error_from_response

from .._errors import refine_personio_error
from ..positions import JobPosition, parse_job_feed

_ACCEPT = {"Accept": "application/xml, text/xml;q=0.9, */*;q=0.1"}


@frozen
class FeedResponse:
    """The ``DetailedResponse`` of the feed: status and parsed positions."""

    status_code: int
    parsed: list[JobPosition]


def _get_kwargs(*, url: str, language: str) -> dict[str, Any]:
    """The request, as generated endpoint modules describe theirs."""
    return {"method": "get", "url": url, "params": {"language": language}, "headers": _ACCEPT}


def _parse_response(*, client: Any, response: httpx.Response) -> list[JobPosition]:
    if response.status_code != 200:  # e.g. the redirect some hosts answer for unknown slugs
        raise api_error_from_response(response, refine=refine_personio_error)
    source = f"the XML job feed at {response.request.url.copy_with(query=None)}"
    return parse_job_feed(response.content, source=source)


def _parse(response: httpx.Response) -> FeedResponse:
    return FeedResponse(response.status_code, _parse_response(client=None, response=response))


def sync_detailed(*, client: Any, url: str, language: str) -> FeedResponse:
    """GET the feed with the generated client's httpx client and parse it."""
    http: httpx.Client = client.get_httpx_client()
    return _parse(http.get(url, params={"language": language}, headers=_ACCEPT))


async def asyncio_detailed(*, client: Any, url: str, language: str) -> FeedResponse:
    """The async twin of :func:`sync_detailed`."""
    http: httpx.AsyncClient = client.get_async_httpx_client()
    return _parse(await http.get(url, params={"language": language}, headers=_ACCEPT))
