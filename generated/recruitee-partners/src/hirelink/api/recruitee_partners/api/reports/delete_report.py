from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response, path_segment


def _get_kwargs(
    codename: str,
    report_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/p/{codename}/reports/{report_id}".format(
            codename=path_segment("codename", codename),
            report_id=path_segment("report_id", report_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
        response_204 = cast(Any, None)
        return response_204

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    codename: str,
    report_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """Delete a report

     Deletes a report. The operation is documented; its path (by analogy with updateReport) and its 204
    answer are assumptions.

    Args:
        codename (str):
        report_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        codename=codename,
        report_id=report_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    codename: str,
    report_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """Delete a report

     Deletes a report. The operation is documented; its path (by analogy with updateReport) and its 204
    answer are assumptions.

    Args:
        codename (str):
        report_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        codename=codename,
        report_id=report_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    codename: str,
    report_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """Delete a report

     Deletes a report. The operation is documented; its path (by analogy with updateReport) and its 204
    answer are assumptions.

    Args:
        codename (str):
        report_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        codename=codename,
        report_id=report_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    codename: str,
    report_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """Delete a report

     Deletes a report. The operation is documented; its path (by analogy with updateReport) and its 204
    answer are assumptions.

    Args:
        codename (str):
        report_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            codename=codename,
            report_id=report_id,
            client=client,
        )
    ).parsed
