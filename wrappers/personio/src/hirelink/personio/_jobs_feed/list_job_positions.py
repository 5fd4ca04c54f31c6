"""``GET https://{subdomain}.jobs.personio.de/xml`` as an endpoint module.

It runs as a :class:`~hirelink.core.Call` like the generated endpoints.

Generated endpoint modules expose ``_get_kwargs``, ``_parse_response`` and
``sync_detailed``; this module does the same for the one operation the generator cannot
produce. The request goes
through the client's httpx stack (retries, logging, typed errors); the feed host is
addressed by an absolute URL, and the Personio auth never sends credentials there.
"""

from __future__ import annotations

from typing import Any

import httpx

from hirelink.core.errors import api_error_from_response
from hirelink.core.transport import UNPAGED

from .._errors import refine_personio_error
from ..positions import JobPosition, parse_job_feed

_ACCEPT = {"Accept": "application/xml, text/xml;q=0.9, */*;q=0.1"}


def _get_kwargs(*, url: str, language: str, x_company_id: str | None = None) -> dict[str, Any]:
    """The request, as generated endpoint modules describe theirs.

    Personio's own document lists ``X-Company-ID`` as a required header of the feed;
    it is sent when the company id is known (the feed answers without it too).
    """
    headers = _ACCEPT if x_company_id is None else {**_ACCEPT, "X-Company-ID": x_company_id}
    return {
        "method": "get",
        "url": url,
        "params": {"language": language},
        "headers": headers,
        "extensions": {UNPAGED: True},  # an answer too large is not a page to make smaller
    }


def _parse_response(*, client: Any, response: httpx.Response) -> list[JobPosition]:
    if response.status_code != 200:  # e.g. the redirect some hosts answer for unknown slugs
        raise api_error_from_response(response, refine=refine_personio_error)
    source = f"the XML job feed at {response.request.url.copy_with(query=None)}"
    return parse_job_feed(response.content, source=source, charset=response.charset_encoding)


def sync_detailed(
    *, client: Any, url: str, language: str, x_company_id: str | None = None
) -> list[JobPosition]:
    """GET the feed with the generated client's httpx client and parse it.

    Core runs the call itself (``_get_kwargs``, then ``_parse_response``), as for every
    generated endpoint; this function gives ``functools.partial`` its signature.
    """
    http: httpx.Client = client.get_httpx_client()
    kwargs = _get_kwargs(url=url, language=language, x_company_id=x_company_id)
    return _parse_response(client=client, response=http.request(**kwargs))
