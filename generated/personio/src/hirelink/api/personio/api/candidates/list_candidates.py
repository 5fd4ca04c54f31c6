import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.candidate_list import CandidateList
from ...models.v2_error import V2Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(personio_partner_id, Unset):
        headers["Personio-Partner-ID"] = personio_partner_id

    if not isinstance(personio_app_id, Unset):
        headers["Personio-App-ID"] = personio_app_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_updated_at_gt: str | Unset = UNSET
    if not isinstance(updated_at_gt, Unset):
        json_updated_at_gt = updated_at_gt.isoformat()
    params["updated_at.gt"] = json_updated_at_gt

    json_updated_at_lt: str | Unset = UNSET
    if not isinstance(updated_at_lt, Unset):
        json_updated_at_lt = updated_at_lt.isoformat()
    params["updated_at.lt"] = json_updated_at_lt

    params["email"] = email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/recruiting/candidates",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CandidateList | V2Error | None:
    if response.status_code == 200:
        response_200 = CandidateList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = V2Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = V2Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = V2Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = V2Error.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = V2Error.from_dict(response.json())

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
) -> Response[CandidateList | V2Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[CandidateList | V2Error]:
    """List candidates

     Candidates, most recently updated first, one cursor page at a time. Custom attributes and tags are
    not included. `updated_at.gt` and `updated_at.lt` cannot be combined in one request.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        email (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateList | V2Error]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        updated_at_gt=updated_at_gt,
        updated_at_lt=updated_at_lt,
        email=email,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> CandidateList | V2Error | None:
    """List candidates

     Candidates, most recently updated first, one cursor page at a time. Custom attributes and tags are
    not included. `updated_at.gt` and `updated_at.lt` cannot be combined in one request.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        email (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateList | V2Error
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        updated_at_gt=updated_at_gt,
        updated_at_lt=updated_at_lt,
        email=email,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[CandidateList | V2Error]:
    """List candidates

     Candidates, most recently updated first, one cursor page at a time. Custom attributes and tags are
    not included. `updated_at.gt` and `updated_at.lt` cannot be combined in one request.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        email (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateList | V2Error]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        updated_at_gt=updated_at_gt,
        updated_at_lt=updated_at_lt,
        email=email,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> CandidateList | V2Error | None:
    """List candidates

     Candidates, most recently updated first, one cursor page at a time. Custom attributes and tags are
    not included. `updated_at.gt` and `updated_at.lt` cannot be combined in one request.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        email (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateList | V2Error
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            updated_at_gt=updated_at_gt,
            updated_at_lt=updated_at_lt,
            email=email,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
