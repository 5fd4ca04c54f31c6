from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application import Application
from ...models.error import Error
from ...models.hiring_state_filter import HiringStateFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    job_external_id: str | Unset = UNSET,
    updated_at_gte: str | Unset = UNSET,
    job_id: int | Unset = UNSET,
    created_at_gte: str | Unset = UNSET,
    hiring_state: HiringStateFilter | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["pageSize"] = page_size

    params["jobExternalId"] = job_external_id

    params["updatedAtGte"] = updated_at_gte

    params["jobId"] = job_id

    params["createdAtGte"] = created_at_gte

    json_hiring_state: str | Unset = UNSET
    if not isinstance(hiring_state, Unset):
        json_hiring_state = hiring_state.value

    params["hiringState"] = json_hiring_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/applications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Application] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Application.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Application.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Application]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    job_external_id: str | Unset = UNSET,
    updated_at_gte: str | Unset = UNSET,
    job_id: int | Unset = UNSET,
    created_at_gte: str | Unset = UNSET,
    hiring_state: HiringStateFilter | Unset = UNSET,
) -> Response[Error | list[Application]]:
    """List applications

     One page of applications, newest first (the order is reported by one client only). Stop paging at
    the first page shorter than `pageSize`.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        job_external_id (str | Unset):
        updated_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        job_id (int | Unset):
        created_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        hiring_state (HiringStateFilter | Unset): A hiring state to filter by (closed here, open
            on responses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Application]]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        job_external_id=job_external_id,
        updated_at_gte=updated_at_gte,
        job_id=job_id,
        created_at_gte=created_at_gte,
        hiring_state=hiring_state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    job_external_id: str | Unset = UNSET,
    updated_at_gte: str | Unset = UNSET,
    job_id: int | Unset = UNSET,
    created_at_gte: str | Unset = UNSET,
    hiring_state: HiringStateFilter | Unset = UNSET,
) -> Error | list[Application] | None:
    """List applications

     One page of applications, newest first (the order is reported by one client only). Stop paging at
    the first page shorter than `pageSize`.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        job_external_id (str | Unset):
        updated_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        job_id (int | Unset):
        created_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        hiring_state (HiringStateFilter | Unset): A hiring state to filter by (closed here, open
            on responses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Application]
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        job_external_id=job_external_id,
        updated_at_gte=updated_at_gte,
        job_id=job_id,
        created_at_gte=created_at_gte,
        hiring_state=hiring_state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    job_external_id: str | Unset = UNSET,
    updated_at_gte: str | Unset = UNSET,
    job_id: int | Unset = UNSET,
    created_at_gte: str | Unset = UNSET,
    hiring_state: HiringStateFilter | Unset = UNSET,
) -> Response[Error | list[Application]]:
    """List applications

     One page of applications, newest first (the order is reported by one client only). Stop paging at
    the first page shorter than `pageSize`.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        job_external_id (str | Unset):
        updated_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        job_id (int | Unset):
        created_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        hiring_state (HiringStateFilter | Unset): A hiring state to filter by (closed here, open
            on responses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Application]]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        job_external_id=job_external_id,
        updated_at_gte=updated_at_gte,
        job_id=job_id,
        created_at_gte=created_at_gte,
        hiring_state=hiring_state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    job_external_id: str | Unset = UNSET,
    updated_at_gte: str | Unset = UNSET,
    job_id: int | Unset = UNSET,
    created_at_gte: str | Unset = UNSET,
    hiring_state: HiringStateFilter | Unset = UNSET,
) -> Error | list[Application] | None:
    """List applications

     One page of applications, newest first (the order is reported by one client only). Stop paging at
    the first page shorter than `pageSize`.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        job_external_id (str | Unset):
        updated_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        job_id (int | Unset):
        created_at_gte (str | Unset): An ISO-8601 date-time with a zone (`Z` or an offset). The
            formats JOIN accepts are not documented; the pattern is what hirelink sends.
        hiring_state (HiringStateFilter | Unset): A hiring state to filter by (closed here, open
            on responses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Application]
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            job_external_id=job_external_id,
            updated_at_gte=updated_at_gte,
            job_id=job_id,
            created_at_gte=created_at_gte,
            hiring_state=hiring_state,
        )
    ).parsed
