from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.v2_error import V2Error
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    id: str,
    *,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(personio_partner_id, Unset):
        headers["Personio-Partner-ID"] = personio_partner_id

    if not isinstance(personio_app_id, Unset):
        headers["Personio-App-ID"] = personio_app_id

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/webhooks/{id}".format(
            id=path_segment("id", id),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | V2Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = V2Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = V2Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = V2Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = V2Error.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = V2Error.from_dict(response.json())

        return response_5xx

    if 200 <= response.status_code <= 299:
        response_204 = cast(Any, None)
        return response_204

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | V2Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[Any | V2Error]:
    """Delete a webhook

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | V2Error]
    """

    kwargs = _get_kwargs(
        id=id,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Any | V2Error | None:
    """Delete a webhook

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | V2Error
    """

    return sync_detailed(
        id=id,
        client=client,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[Any | V2Error]:
    """Delete a webhook

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | V2Error]
    """

    kwargs = _get_kwargs(
        id=id,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Any | V2Error | None:
    """Delete a webhook

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | V2Error
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
