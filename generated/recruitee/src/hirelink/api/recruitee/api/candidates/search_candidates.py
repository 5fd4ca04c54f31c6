from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.candidate_search_result import CandidateSearchResult
from ...models.error import Error
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    company_id: str,
    *,
    filters_json: str | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_recruitee_partner_name, Unset):
        headers["x-recruitee-partner-name"] = x_recruitee_partner_name

    if not isinstance(x_recruitee_partner_id, Unset):
        headers["x-recruitee-partner-id"] = x_recruitee_partner_id

    params: dict[str, Any] = {}

    params["filters_json"] = filters_json

    params["sort_by"] = sort_by

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/c/{company_id}/search/new/candidates".format(
            company_id=path_segment("company_id", company_id),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CandidateSearchResult | Error | None:
    if response.status_code == 200:
        response_200 = CandidateSearchResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = Error.from_dict(response.json())

        return response_5xx

    if 200 <= response.status_code <= 299:
        response_200 = CandidateSearchResult.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CandidateSearchResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters_json: str | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[CandidateSearchResult | Error]:
    """Search candidates

     Recruitee's advanced candidate search, which its documentation recommends over GET /candidates for
    finding candidates (fact sheet A3 and A3b). Candidates are chosen by `filters_json`, sorted by
    `sort_by` and paged by `page` and `limit`; the answer holds one page of candidates (`hits`) and how
    many match in all (`total`). The endpoint, its filters, the page size and its limit are documented;
    the answer's shape, `page` and `sort_by` are known from working third-party clients.

    Args:
        company_id (str):
        filters_json (str | Unset): A JSON array of filter objects, as documented; that
            `updated_at` is a filter field, ranged as `created_at` is, is our reading.
        sort_by (str | Unset): `<field>_asc` or `<field>_desc`, as a third-party client checks it;
            that Recruitee takes no other form is our reading.
        page (int | Unset):
        limit (int | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateSearchResult | Error]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        filters_json=filters_json,
        sort_by=sort_by,
        page=page,
        limit=limit,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters_json: str | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> CandidateSearchResult | Error | None:
    """Search candidates

     Recruitee's advanced candidate search, which its documentation recommends over GET /candidates for
    finding candidates (fact sheet A3 and A3b). Candidates are chosen by `filters_json`, sorted by
    `sort_by` and paged by `page` and `limit`; the answer holds one page of candidates (`hits`) and how
    many match in all (`total`). The endpoint, its filters, the page size and its limit are documented;
    the answer's shape, `page` and `sort_by` are known from working third-party clients.

    Args:
        company_id (str):
        filters_json (str | Unset): A JSON array of filter objects, as documented; that
            `updated_at` is a filter field, ranged as `created_at` is, is our reading.
        sort_by (str | Unset): `<field>_asc` or `<field>_desc`, as a third-party client checks it;
            that Recruitee takes no other form is our reading.
        page (int | Unset):
        limit (int | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateSearchResult | Error
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        filters_json=filters_json,
        sort_by=sort_by,
        page=page,
        limit=limit,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters_json: str | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[CandidateSearchResult | Error]:
    """Search candidates

     Recruitee's advanced candidate search, which its documentation recommends over GET /candidates for
    finding candidates (fact sheet A3 and A3b). Candidates are chosen by `filters_json`, sorted by
    `sort_by` and paged by `page` and `limit`; the answer holds one page of candidates (`hits`) and how
    many match in all (`total`). The endpoint, its filters, the page size and its limit are documented;
    the answer's shape, `page` and `sort_by` are known from working third-party clients.

    Args:
        company_id (str):
        filters_json (str | Unset): A JSON array of filter objects, as documented; that
            `updated_at` is a filter field, ranged as `created_at` is, is our reading.
        sort_by (str | Unset): `<field>_asc` or `<field>_desc`, as a third-party client checks it;
            that Recruitee takes no other form is our reading.
        page (int | Unset):
        limit (int | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateSearchResult | Error]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        filters_json=filters_json,
        sort_by=sort_by,
        page=page,
        limit=limit,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters_json: str | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> CandidateSearchResult | Error | None:
    """Search candidates

     Recruitee's advanced candidate search, which its documentation recommends over GET /candidates for
    finding candidates (fact sheet A3 and A3b). Candidates are chosen by `filters_json`, sorted by
    `sort_by` and paged by `page` and `limit`; the answer holds one page of candidates (`hits`) and how
    many match in all (`total`). The endpoint, its filters, the page size and its limit are documented;
    the answer's shape, `page` and `sort_by` are known from working third-party clients.

    Args:
        company_id (str):
        filters_json (str | Unset): A JSON array of filter objects, as documented; that
            `updated_at` is a filter field, ranged as `created_at` is, is our reading.
        sort_by (str | Unset): `<field>_asc` or `<field>_desc`, as a third-party client checks it;
            that Recruitee takes no other form is our reading.
        page (int | Unset):
        limit (int | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateSearchResult | Error
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            filters_json=filters_json,
            sort_by=sort_by,
            page=page,
            limit=limit,
            x_recruitee_partner_name=x_recruitee_partner_name,
            x_recruitee_partner_id=x_recruitee_partner_id,
        )
    ).parsed
