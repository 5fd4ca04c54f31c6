from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.v2_error import V2Error
from ...models.webhook_event_list import WebhookEventList
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    id: str,
    *,
    cursor: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(personio_partner_id, Unset):
        headers["Personio-Partner-ID"] = personio_partner_id

    if not isinstance(personio_app_id, Unset):
        headers["Personio-App-ID"] = personio_app_id

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/webhooks/{id}/events".format(
            id=path_segment("id", id),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> V2Error | WebhookEventList | None:
    if response.status_code == 200:
        response_200 = WebhookEventList.from_dict(response.json())

        return response_200

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
        response_200 = WebhookEventList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[V2Error | WebhookEventList]:
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
    cursor: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[V2Error | WebhookEventList]:
    """A webhook's event history

     The events of the last 30 days sent (or being sent) to this webhook, newest first, with their
    delivery status. The answer is the v2 list envelope, whose `_meta.links.next` leads to the next
    page; that this list is paged that way (by a `cursor` query parameter, like the recruiting lists) is
    inferred.

    Args:
        id (str):
        cursor (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[V2Error | WebhookEventList]
    """

    kwargs = _get_kwargs(
        id=id,
        cursor=cursor,
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
    cursor: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> V2Error | WebhookEventList | None:
    """A webhook's event history

     The events of the last 30 days sent (or being sent) to this webhook, newest first, with their
    delivery status. The answer is the v2 list envelope, whose `_meta.links.next` leads to the next
    page; that this list is paged that way (by a `cursor` query parameter, like the recruiting lists) is
    inferred.

    Args:
        id (str):
        cursor (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        V2Error | WebhookEventList
    """

    return sync_detailed(
        id=id,
        client=client,
        cursor=cursor,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[V2Error | WebhookEventList]:
    """A webhook's event history

     The events of the last 30 days sent (or being sent) to this webhook, newest first, with their
    delivery status. The answer is the v2 list envelope, whose `_meta.links.next` leads to the next
    page; that this list is paged that way (by a `cursor` query parameter, like the recruiting lists) is
    inferred.

    Args:
        id (str):
        cursor (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[V2Error | WebhookEventList]
    """

    kwargs = _get_kwargs(
        id=id,
        cursor=cursor,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> V2Error | WebhookEventList | None:
    """A webhook's event history

     The events of the last 30 days sent (or being sent) to this webhook, newest first, with their
    delivery status. The answer is the v2 list envelope, whose `_meta.links.next` leads to the next
    page; that this list is paged that way (by a `cursor` query parameter, like the recruiting lists) is
    inferred.

    Args:
        id (str):
        cursor (str | Unset):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        V2Error | WebhookEventList
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            cursor=cursor,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
