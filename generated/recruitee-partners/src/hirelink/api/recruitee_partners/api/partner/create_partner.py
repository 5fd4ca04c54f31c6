from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.partner import Partner
from ...models.partner_fields import PartnerFields
from ...types import Response, path_segment


def _get_kwargs(
    codename: str,
    company_id: str,
    *,
    body: PartnerFields,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/p/{codename}/c/{company_id}/partner".format(
            codename=path_segment("codename", codename),
            company_id=path_segment("company_id", company_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Partner | None:
    if response.status_code == 200:
        response_200 = Partner.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Partner.from_dict(response.json())

        return response_201

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
        response_200 = Partner.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Partner]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    codename: str,
    company_id: str,
    *,
    client: AuthenticatedClient,
    body: PartnerFields,
) -> Response[Error | Partner]:
    """Create the partner, or change some of its fields

     Creates the partner record under `codename`. A new record is not promoted: only the owning company
    sees it. The same call is documented for changing `inputs` alone, so a body may carry just the
    fields to set; what happens to omitted fields of an existing record is assumed to be "left
    unchanged".

    Args:
        codename (str):
        company_id (str):
        body (PartnerFields): Partner fields to set; only the fields present are changed. Creating
            a partner needs at least `kind` and `name` (which fields the server requires is assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Partner]
    """

    kwargs = _get_kwargs(
        codename=codename,
        company_id=company_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    codename: str,
    company_id: str,
    *,
    client: AuthenticatedClient,
    body: PartnerFields,
) -> Error | Partner | None:
    """Create the partner, or change some of its fields

     Creates the partner record under `codename`. A new record is not promoted: only the owning company
    sees it. The same call is documented for changing `inputs` alone, so a body may carry just the
    fields to set; what happens to omitted fields of an existing record is assumed to be "left
    unchanged".

    Args:
        codename (str):
        company_id (str):
        body (PartnerFields): Partner fields to set; only the fields present are changed. Creating
            a partner needs at least `kind` and `name` (which fields the server requires is assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Partner
    """

    return sync_detailed(
        codename=codename,
        company_id=company_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    codename: str,
    company_id: str,
    *,
    client: AuthenticatedClient,
    body: PartnerFields,
) -> Response[Error | Partner]:
    """Create the partner, or change some of its fields

     Creates the partner record under `codename`. A new record is not promoted: only the owning company
    sees it. The same call is documented for changing `inputs` alone, so a body may carry just the
    fields to set; what happens to omitted fields of an existing record is assumed to be "left
    unchanged".

    Args:
        codename (str):
        company_id (str):
        body (PartnerFields): Partner fields to set; only the fields present are changed. Creating
            a partner needs at least `kind` and `name` (which fields the server requires is assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Partner]
    """

    kwargs = _get_kwargs(
        codename=codename,
        company_id=company_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    codename: str,
    company_id: str,
    *,
    client: AuthenticatedClient,
    body: PartnerFields,
) -> Error | Partner | None:
    """Create the partner, or change some of its fields

     Creates the partner record under `codename`. A new record is not promoted: only the owning company
    sees it. The same call is documented for changing `inputs` alone, so a body may carry just the
    fields to set; what happens to omitted fields of an existing record is assumed to be "left
    unchanged".

    Args:
        codename (str):
        company_id (str):
        body (PartnerFields): Partner fields to set; only the fields present are changed. Creating
            a partner needs at least `kind` and `name` (which fields the server requires is assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Partner
    """

    return (
        await asyncio_detailed(
            codename=codename,
            company_id=company_id,
            client=client,
            body=body,
        )
    ).parsed
