from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.candidate_list import CandidateList
from ...models.error import Error
from ...models.list_candidates_sort import ListCandidatesSort
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    company_id: str,
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    created_after: str | Unset = UNSET,
    disqualified: bool | Unset = UNSET,
    qualified: bool | Unset = UNSET,
    offer_id: int | Unset = UNSET,
    ids: str | Unset = UNSET,
    query: str | Unset = UNSET,
    sort: ListCandidatesSort | Unset = UNSET,
    with_messages: bool | Unset = UNSET,
    with_my_messages: bool | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_recruitee_partner_name, Unset):
        headers["x-recruitee-partner-name"] = x_recruitee_partner_name

    if not isinstance(x_recruitee_partner_id, Unset):
        headers["x-recruitee-partner-id"] = x_recruitee_partner_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["created_after"] = created_after

    params["disqualified"] = disqualified

    params["qualified"] = qualified

    params["offer_id"] = offer_id

    params["ids"] = ids

    params["query"] = query

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["with_messages"] = with_messages

    params["with_my_messages"] = with_my_messages

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/c/{company_id}/candidates".format(
            company_id=path_segment("company_id", company_id),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CandidateList | Error | None:
    if response.status_code == 200:
        response_200 = CandidateList.from_dict(response.json())

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
        response_200 = CandidateList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CandidateList | Error]:
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
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    created_after: str | Unset = UNSET,
    disqualified: bool | Unset = UNSET,
    qualified: bool | Unset = UNSET,
    offer_id: int | Unset = UNSET,
    ids: str | Unset = UNSET,
    query: str | Unset = UNSET,
    sort: ListCandidatesSort | Unset = UNSET,
    with_messages: bool | Unset = UNSET,
    with_my_messages: bool | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[CandidateList | Error]:
    """List candidates

     Returns the company's candidates in a reduced form (for the full profile, including links, cover
    letter, CV and tags, fetch a single candidate). Pagination is offset based: the next page starts at
    `offset + limit`, and there is no total count or next link. Without `limit` and `offset` the API
    returns every candidate in one (potentially slow) response.

    Args:
        company_id (str):
        limit (int | Unset):
        offset (int | Unset):
        created_after (str | Unset): `YYYY-MM-DDTHH:MM:SS` in UTC (seconds optional), as
            documented; that fractional seconds and a trailing `Z` are taken too is our reading (a
            third-party client passes `generated_at` back as it came).
        disqualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        qualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        offer_id (int | Unset):
        ids (str | Unset):
        query (str | Unset):
        sort (ListCandidatesSort | Unset):
        with_messages (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        with_my_messages (bool | Unset): `true` filters, as documented; that `false` is no
            negative filter is our reading.
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateList | Error]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        limit=limit,
        offset=offset,
        created_after=created_after,
        disqualified=disqualified,
        qualified=qualified,
        offer_id=offer_id,
        ids=ids,
        query=query,
        sort=sort,
        with_messages=with_messages,
        with_my_messages=with_my_messages,
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
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    created_after: str | Unset = UNSET,
    disqualified: bool | Unset = UNSET,
    qualified: bool | Unset = UNSET,
    offer_id: int | Unset = UNSET,
    ids: str | Unset = UNSET,
    query: str | Unset = UNSET,
    sort: ListCandidatesSort | Unset = UNSET,
    with_messages: bool | Unset = UNSET,
    with_my_messages: bool | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> CandidateList | Error | None:
    """List candidates

     Returns the company's candidates in a reduced form (for the full profile, including links, cover
    letter, CV and tags, fetch a single candidate). Pagination is offset based: the next page starts at
    `offset + limit`, and there is no total count or next link. Without `limit` and `offset` the API
    returns every candidate in one (potentially slow) response.

    Args:
        company_id (str):
        limit (int | Unset):
        offset (int | Unset):
        created_after (str | Unset): `YYYY-MM-DDTHH:MM:SS` in UTC (seconds optional), as
            documented; that fractional seconds and a trailing `Z` are taken too is our reading (a
            third-party client passes `generated_at` back as it came).
        disqualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        qualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        offer_id (int | Unset):
        ids (str | Unset):
        query (str | Unset):
        sort (ListCandidatesSort | Unset):
        with_messages (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        with_my_messages (bool | Unset): `true` filters, as documented; that `false` is no
            negative filter is our reading.
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateList | Error
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        limit=limit,
        offset=offset,
        created_after=created_after,
        disqualified=disqualified,
        qualified=qualified,
        offer_id=offer_id,
        ids=ids,
        query=query,
        sort=sort,
        with_messages=with_messages,
        with_my_messages=with_my_messages,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    created_after: str | Unset = UNSET,
    disqualified: bool | Unset = UNSET,
    qualified: bool | Unset = UNSET,
    offer_id: int | Unset = UNSET,
    ids: str | Unset = UNSET,
    query: str | Unset = UNSET,
    sort: ListCandidatesSort | Unset = UNSET,
    with_messages: bool | Unset = UNSET,
    with_my_messages: bool | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[CandidateList | Error]:
    """List candidates

     Returns the company's candidates in a reduced form (for the full profile, including links, cover
    letter, CV and tags, fetch a single candidate). Pagination is offset based: the next page starts at
    `offset + limit`, and there is no total count or next link. Without `limit` and `offset` the API
    returns every candidate in one (potentially slow) response.

    Args:
        company_id (str):
        limit (int | Unset):
        offset (int | Unset):
        created_after (str | Unset): `YYYY-MM-DDTHH:MM:SS` in UTC (seconds optional), as
            documented; that fractional seconds and a trailing `Z` are taken too is our reading (a
            third-party client passes `generated_at` back as it came).
        disqualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        qualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        offer_id (int | Unset):
        ids (str | Unset):
        query (str | Unset):
        sort (ListCandidatesSort | Unset):
        with_messages (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        with_my_messages (bool | Unset): `true` filters, as documented; that `false` is no
            negative filter is our reading.
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateList | Error]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        limit=limit,
        offset=offset,
        created_after=created_after,
        disqualified=disqualified,
        qualified=qualified,
        offer_id=offer_id,
        ids=ids,
        query=query,
        sort=sort,
        with_messages=with_messages,
        with_my_messages=with_my_messages,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    created_after: str | Unset = UNSET,
    disqualified: bool | Unset = UNSET,
    qualified: bool | Unset = UNSET,
    offer_id: int | Unset = UNSET,
    ids: str | Unset = UNSET,
    query: str | Unset = UNSET,
    sort: ListCandidatesSort | Unset = UNSET,
    with_messages: bool | Unset = UNSET,
    with_my_messages: bool | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> CandidateList | Error | None:
    """List candidates

     Returns the company's candidates in a reduced form (for the full profile, including links, cover
    letter, CV and tags, fetch a single candidate). Pagination is offset based: the next page starts at
    `offset + limit`, and there is no total count or next link. Without `limit` and `offset` the API
    returns every candidate in one (potentially slow) response.

    Args:
        company_id (str):
        limit (int | Unset):
        offset (int | Unset):
        created_after (str | Unset): `YYYY-MM-DDTHH:MM:SS` in UTC (seconds optional), as
            documented; that fractional seconds and a trailing `Z` are taken too is our reading (a
            third-party client passes `generated_at` back as it came).
        disqualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        qualified (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        offer_id (int | Unset):
        ids (str | Unset):
        query (str | Unset):
        sort (ListCandidatesSort | Unset):
        with_messages (bool | Unset): `true` filters, as documented; that `false` is no negative
            filter is our reading.
        with_my_messages (bool | Unset): `true` filters, as documented; that `false` is no
            negative filter is our reading.
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateList | Error
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            limit=limit,
            offset=offset,
            created_after=created_after,
            disqualified=disqualified,
            qualified=qualified,
            offer_id=offer_id,
            ids=ids,
            query=query,
            sort=sort,
            with_messages=with_messages,
            with_my_messages=with_my_messages,
            x_recruitee_partner_name=x_recruitee_partner_name,
            x_recruitee_partner_id=x_recruitee_partner_id,
        )
    ).parsed
