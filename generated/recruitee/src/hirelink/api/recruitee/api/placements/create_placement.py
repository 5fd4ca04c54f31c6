from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.placement_create_request import PlacementCreateRequest
from ...models.placement_envelope import PlacementEnvelope
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    company_id: str,
    *,
    body: PlacementCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_recruitee_partner_name, Unset):
        headers["x-recruitee-partner-name"] = x_recruitee_partner_name

    if not isinstance(x_recruitee_partner_id, Unset):
        headers["x-recruitee-partner-id"] = x_recruitee_partner_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/c/{company_id}/placements".format(
            company_id=path_segment("company_id", company_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PlacementEnvelope | None:
    if response.status_code == 201:
        response_201 = PlacementEnvelope.from_dict(response.json())

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
        response_201 = PlacementEnvelope.from_dict(response.json())

        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PlacementEnvelope]:
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
    body: PlacementCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[Error | PlacementEnvelope]:
    """Place a candidate in a job

     Assigns an existing candidate to a job (or talent pool), at the pipeline's default stage. Known from
    one third-party client only (fact sheet A7, SL2): the path, the body and the answer are all
    inferred.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (PlacementCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PlacementEnvelope]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        body=body,
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
    body: PlacementCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Error | PlacementEnvelope | None:
    """Place a candidate in a job

     Assigns an existing candidate to a job (or talent pool), at the pipeline's default stage. Known from
    one third-party client only (fact sheet A7, SL2): the path, the body and the answer are all
    inferred.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (PlacementCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PlacementEnvelope
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        body=body,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PlacementCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[Error | PlacementEnvelope]:
    """Place a candidate in a job

     Assigns an existing candidate to a job (or talent pool), at the pipeline's default stage. Known from
    one third-party client only (fact sheet A7, SL2): the path, the body and the answer are all
    inferred.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (PlacementCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PlacementEnvelope]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        body=body,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PlacementCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Error | PlacementEnvelope | None:
    """Place a candidate in a job

     Assigns an existing candidate to a job (or talent pool), at the pipeline's default stage. Known from
    one third-party client only (fact sheet A7, SL2): the path, the body and the answer are all
    inferred.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (PlacementCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PlacementEnvelope
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            body=body,
            x_recruitee_partner_name=x_recruitee_partner_name,
            x_recruitee_partner_id=x_recruitee_partner_id,
        )
    ).parsed
