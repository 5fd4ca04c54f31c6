from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.report import Report
from ...types import Response, path_segment


def _get_kwargs(
    codename: str,
    company_id: str,
    candidate_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/p/{codename}/c/{company_id}/candidates/{candidate_id}/reports".format(
            codename=path_segment("codename", codename),
            company_id=path_segment("company_id", company_id),
            candidate_id=path_segment("candidate_id", candidate_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Report] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Report.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Report.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Report]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | list[Report]]:
    """List a candidate's reports

     The reports this partner holds on one candidate of a customer company. The path is documented; the
    credential (the partner secret) and the answer being a bare array are assumptions.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Report]]
    """

    kwargs = _get_kwargs(
        codename=codename,
        company_id=company_id,
        candidate_id=candidate_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | list[Report] | None:
    """List a candidate's reports

     The reports this partner holds on one candidate of a customer company. The path is documented; the
    credential (the partner secret) and the answer being a bare array are assumptions.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Report]
    """

    return sync_detailed(
        codename=codename,
        company_id=company_id,
        candidate_id=candidate_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | list[Report]]:
    """List a candidate's reports

     The reports this partner holds on one candidate of a customer company. The path is documented; the
    credential (the partner secret) and the answer being a bare array are assumptions.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Report]]
    """

    kwargs = _get_kwargs(
        codename=codename,
        company_id=company_id,
        candidate_id=candidate_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | list[Report] | None:
    """List a candidate's reports

     The reports this partner holds on one candidate of a customer company. The path is documented; the
    credential (the partner secret) and the answer being a bare array are assumptions.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Report]
    """

    return (
        await asyncio_detailed(
            codename=codename,
            company_id=company_id,
            candidate_id=candidate_id,
            client=client,
        )
    ).parsed
