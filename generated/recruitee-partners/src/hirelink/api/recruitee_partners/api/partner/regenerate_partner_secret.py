from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.partner_secret import PartnerSecret
from ...types import Response, path_segment


def _get_kwargs(
    codename: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/p/{codename}/partner/regenerate-secret".format(
            codename=path_segment("codename", codename),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PartnerSecret | None:
    if response.status_code == 200:
        response_200 = PartnerSecret.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = Error.from_dict(response.json())

        return response_5xx

    if 200 <= response.status_code <= 299:
        response_200 = PartnerSecret.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PartnerSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    codename: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | PartnerSecret]:
    """Replace the partner secret

     Issues a new partner secret and returns it. The path and the answer are documented; which credential
    the call takes is not. The guide scopes the partner secret to reports, and lists the path on the
    production server, where the RC personal token is refused: either may be the one. The wrapper sends
    the personal token first where it holds one (on RC), then the partner secret.

    Args:
        codename (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PartnerSecret]
    """

    kwargs = _get_kwargs(
        codename=codename,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    codename: str,
    *,
    client: AuthenticatedClient,
) -> Error | PartnerSecret | None:
    """Replace the partner secret

     Issues a new partner secret and returns it. The path and the answer are documented; which credential
    the call takes is not. The guide scopes the partner secret to reports, and lists the path on the
    production server, where the RC personal token is refused: either may be the one. The wrapper sends
    the personal token first where it holds one (on RC), then the partner secret.

    Args:
        codename (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PartnerSecret
    """

    return sync_detailed(
        codename=codename,
        client=client,
    ).parsed


async def asyncio_detailed(
    codename: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | PartnerSecret]:
    """Replace the partner secret

     Issues a new partner secret and returns it. The path and the answer are documented; which credential
    the call takes is not. The guide scopes the partner secret to reports, and lists the path on the
    production server, where the RC personal token is refused: either may be the one. The wrapper sends
    the personal token first where it holds one (on RC), then the partner secret.

    Args:
        codename (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PartnerSecret]
    """

    kwargs = _get_kwargs(
        codename=codename,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    codename: str,
    *,
    client: AuthenticatedClient,
) -> Error | PartnerSecret | None:
    """Replace the partner secret

     Issues a new partner secret and returns it. The path and the answer are documented; which credential
    the call takes is not. The guide scopes the partner secret to reports, and lists the path on the
    production server, where the RC personal token is refused: either may be the one. The wrapper sends
    the personal token first where it holds one (on RC), then the partner secret.

    Args:
        codename (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PartnerSecret
    """

    return (
        await asyncio_detailed(
            codename=codename,
            client=client,
        )
    ).parsed
