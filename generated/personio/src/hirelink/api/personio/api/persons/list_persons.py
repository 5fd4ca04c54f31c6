import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_persons_status import ListPersonsStatus
from ...models.person_list import PersonList
from ...models.v2_error import V2Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    id: str | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    preferred_name: str | Unset = UNSET,
    created_at: datetime.datetime | Unset = UNSET,
    created_at_gt: datetime.datetime | Unset = UNSET,
    created_at_lt: datetime.datetime | Unset = UNSET,
    updated_at: datetime.datetime | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    status: ListPersonsStatus | Unset = UNSET,
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

    params["id"] = id

    params["email"] = email

    params["first_name"] = first_name

    params["last_name"] = last_name

    params["preferred_name"] = preferred_name

    json_created_at: str | Unset = UNSET
    if not isinstance(created_at, Unset):
        json_created_at = created_at.isoformat()
    params["created_at"] = json_created_at

    json_created_at_gt: str | Unset = UNSET
    if not isinstance(created_at_gt, Unset):
        json_created_at_gt = created_at_gt.isoformat()
    params["created_at.gt"] = json_created_at_gt

    json_created_at_lt: str | Unset = UNSET
    if not isinstance(created_at_lt, Unset):
        json_created_at_lt = created_at_lt.isoformat()
    params["created_at.lt"] = json_created_at_lt

    json_updated_at: str | Unset = UNSET
    if not isinstance(updated_at, Unset):
        json_updated_at = updated_at.isoformat()
    params["updated_at"] = json_updated_at

    json_updated_at_gt: str | Unset = UNSET
    if not isinstance(updated_at_gt, Unset):
        json_updated_at_gt = updated_at_gt.isoformat()
    params["updated_at.gt"] = json_updated_at_gt

    json_updated_at_lt: str | Unset = UNSET
    if not isinstance(updated_at_lt, Unset):
        json_updated_at_lt = updated_at_lt.isoformat()
    params["updated_at.lt"] = json_updated_at_lt

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/persons",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PersonList | V2Error | None:
    if response.status_code == 200:
        response_200 = PersonList.from_dict(response.json())

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
        response_200 = PersonList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PersonList | V2Error]:
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
    id: str | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    preferred_name: str | Unset = UNSET,
    created_at: datetime.datetime | Unset = UNSET,
    created_at_gt: datetime.datetime | Unset = UNSET,
    created_at_lt: datetime.datetime | Unset = UNSET,
    updated_at: datetime.datetime | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    status: ListPersonsStatus | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[PersonList | V2Error]:
    """List persons

     Persons (employees), one cursor page at a time. Filters combine with AND; comma-separated values
    match any of them.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        id (str | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        preferred_name (str | Unset):
        created_at (datetime.datetime | Unset):
        created_at_gt (datetime.datetime | Unset):
        created_at_lt (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        status (ListPersonsStatus | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonList | V2Error]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        id=id,
        email=email,
        first_name=first_name,
        last_name=last_name,
        preferred_name=preferred_name,
        created_at=created_at,
        created_at_gt=created_at_gt,
        created_at_lt=created_at_lt,
        updated_at=updated_at,
        updated_at_gt=updated_at_gt,
        updated_at_lt=updated_at_lt,
        status=status,
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
    id: str | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    preferred_name: str | Unset = UNSET,
    created_at: datetime.datetime | Unset = UNSET,
    created_at_gt: datetime.datetime | Unset = UNSET,
    created_at_lt: datetime.datetime | Unset = UNSET,
    updated_at: datetime.datetime | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    status: ListPersonsStatus | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> PersonList | V2Error | None:
    """List persons

     Persons (employees), one cursor page at a time. Filters combine with AND; comma-separated values
    match any of them.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        id (str | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        preferred_name (str | Unset):
        created_at (datetime.datetime | Unset):
        created_at_gt (datetime.datetime | Unset):
        created_at_lt (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        status (ListPersonsStatus | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonList | V2Error
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        id=id,
        email=email,
        first_name=first_name,
        last_name=last_name,
        preferred_name=preferred_name,
        created_at=created_at,
        created_at_gt=created_at_gt,
        created_at_lt=created_at_lt,
        updated_at=updated_at,
        updated_at_gt=updated_at_gt,
        updated_at_lt=updated_at_lt,
        status=status,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    id: str | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    preferred_name: str | Unset = UNSET,
    created_at: datetime.datetime | Unset = UNSET,
    created_at_gt: datetime.datetime | Unset = UNSET,
    created_at_lt: datetime.datetime | Unset = UNSET,
    updated_at: datetime.datetime | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    status: ListPersonsStatus | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[PersonList | V2Error]:
    """List persons

     Persons (employees), one cursor page at a time. Filters combine with AND; comma-separated values
    match any of them.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        id (str | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        preferred_name (str | Unset):
        created_at (datetime.datetime | Unset):
        created_at_gt (datetime.datetime | Unset):
        created_at_lt (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        status (ListPersonsStatus | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonList | V2Error]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        id=id,
        email=email,
        first_name=first_name,
        last_name=last_name,
        preferred_name=preferred_name,
        created_at=created_at,
        created_at_gt=created_at_gt,
        created_at_lt=created_at_lt,
        updated_at=updated_at,
        updated_at_gt=updated_at_gt,
        updated_at_lt=updated_at_lt,
        status=status,
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
    id: str | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    preferred_name: str | Unset = UNSET,
    created_at: datetime.datetime | Unset = UNSET,
    created_at_gt: datetime.datetime | Unset = UNSET,
    created_at_lt: datetime.datetime | Unset = UNSET,
    updated_at: datetime.datetime | Unset = UNSET,
    updated_at_gt: datetime.datetime | Unset = UNSET,
    updated_at_lt: datetime.datetime | Unset = UNSET,
    status: ListPersonsStatus | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> PersonList | V2Error | None:
    """List persons

     Persons (employees), one cursor page at a time. Filters combine with AND; comma-separated values
    match any of them.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        id (str | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        preferred_name (str | Unset):
        created_at (datetime.datetime | Unset):
        created_at_gt (datetime.datetime | Unset):
        created_at_lt (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        updated_at_gt (datetime.datetime | Unset):
        updated_at_lt (datetime.datetime | Unset):
        status (ListPersonsStatus | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonList | V2Error
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            id=id,
            email=email,
            first_name=first_name,
            last_name=last_name,
            preferred_name=preferred_name,
            created_at=created_at,
            created_at_gt=created_at_gt,
            created_at_lt=created_at_lt,
            updated_at=updated_at,
            updated_at_gt=updated_at_gt,
            updated_at_lt=updated_at_lt,
            status=status,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
