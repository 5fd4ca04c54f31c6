from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_request import ApplicationRequest
from ...models.v2_error import V2Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApplicationRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(personio_partner_id, Unset):
        headers["Personio-Partner-ID"] = personio_partner_id

    if not isinstance(personio_app_id, Unset):
        headers["Personio-App-ID"] = personio_app_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/recruiting/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | V2Error | None:
    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

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
        response_201 = cast(Any, None)
        return response_201

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
    *,
    client: AuthenticatedClient,
    body: ApplicationRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[Any | V2Error]:
    """Submit an application (OAuth)

     Creates an application with a custom integration's OAuth token instead of the Recruiting API key.
    Documents are uploaded first through uploadApplicationDocumentV2 and referenced by `uuid` in
    `files`. The endpoint, its scope and the 201 are documented (DH-V2POST); the page shows the body's
    properties by position and type but not by name, so the property names are taken from the v1 body
    (inferred). The validate-only query flag it lists is left out: its name is unknown.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (ApplicationRequest): An application as the Recruiting API v1 accepts it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | V2Error]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: ApplicationRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Any | V2Error | None:
    """Submit an application (OAuth)

     Creates an application with a custom integration's OAuth token instead of the Recruiting API key.
    Documents are uploaded first through uploadApplicationDocumentV2 and referenced by `uuid` in
    `files`. The endpoint, its scope and the 201 are documented (DH-V2POST); the page shows the body's
    properties by position and type but not by name, so the property names are taken from the v1 body
    (inferred). The validate-only query flag it lists is left out: its name is unknown.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (ApplicationRequest): An application as the Recruiting API v1 accepts it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | V2Error
    """

    return sync_detailed(
        client=client,
        body=body,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[Any | V2Error]:
    """Submit an application (OAuth)

     Creates an application with a custom integration's OAuth token instead of the Recruiting API key.
    Documents are uploaded first through uploadApplicationDocumentV2 and referenced by `uuid` in
    `files`. The endpoint, its scope and the 201 are documented (DH-V2POST); the page shows the body's
    properties by position and type but not by name, so the property names are taken from the v1 body
    (inferred). The validate-only query flag it lists is left out: its name is unknown.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (ApplicationRequest): An application as the Recruiting API v1 accepts it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | V2Error]
    """

    kwargs = _get_kwargs(
        body=body,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ApplicationRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Any | V2Error | None:
    """Submit an application (OAuth)

     Creates an application with a custom integration's OAuth token instead of the Recruiting API key.
    Documents are uploaded first through uploadApplicationDocumentV2 and referenced by `uuid` in
    `files`. The endpoint, its scope and the 201 are documented (DH-V2POST); the page shows the body's
    properties by position and type but not by name, so the property names are taken from the v1 body
    (inferred). The validate-only query flag it lists is left out: its name is unknown.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (ApplicationRequest): An application as the Recruiting API v1 accepts it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | V2Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
