from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application import Application
from ...models.application_envelope import ApplicationEnvelope
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
        "method": "get",
        "url": "/v2/recruiting/applications/{id}".format(
            id=path_segment("id", id),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Application | ApplicationEnvelope | V2Error | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Application | ApplicationEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_application_response_type_0 = (
                    ApplicationEnvelope.from_dict(data)
                )

                return componentsschemas_application_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_application_response_type_1 = Application.from_dict(data)

            return componentsschemas_application_response_type_1

        response_200 = _parse_response_200(response.json())

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

        def _parse_response_200(data: object) -> Application | ApplicationEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_application_response_type_0 = (
                    ApplicationEnvelope.from_dict(data)
                )

                return componentsschemas_application_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_application_response_type_1 = Application.from_dict(data)

            return componentsschemas_application_response_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Application | ApplicationEnvelope | V2Error]:
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
) -> Response[Application | ApplicationEnvelope | V2Error]:
    """Get an application

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Application | ApplicationEnvelope | V2Error]
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
) -> Application | ApplicationEnvelope | V2Error | None:
    """Get an application

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Application | ApplicationEnvelope | V2Error
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
) -> Response[Application | ApplicationEnvelope | V2Error]:
    """Get an application

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Application | ApplicationEnvelope | V2Error]
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
) -> Application | ApplicationEnvelope | V2Error | None:
    """Get an application

    Args:
        id (str):
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Application | ApplicationEnvelope | V2Error
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
