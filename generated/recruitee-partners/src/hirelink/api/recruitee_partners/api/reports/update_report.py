from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.report import Report
from ...models.report_changes import ReportChanges
from ...types import Response, path_segment


def _get_kwargs(
    codename: str,
    report_id: UUID,
    *,
    body: ReportChanges,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/p/{codename}/reports/{report_id}".format(
            codename=path_segment("codename", codename),
            report_id=path_segment("report_id", report_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Report | None:
    if response.status_code == 200:
        response_200 = Report.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
        response_200 = Report.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Report]:
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
    body: ReportChanges,
) -> Response[Error | Report]:
    """Report progress or a result

     Changes only the fields present in the body: typically the status once the candidate finished, with
    the score and the completion time, or a cancel link that lets Recruitee users cancel the test.

    Args:
        codename (str):
        report_id (UUID):
        body (ReportChanges): Report fields to change; only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Report]
    """

    kwargs = _get_kwargs(
        codename=codename,
        report_id=report_id,
        body=body,
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
    body: ReportChanges,
) -> Error | Report | None:
    """Report progress or a result

     Changes only the fields present in the body: typically the status once the candidate finished, with
    the score and the completion time, or a cancel link that lets Recruitee users cancel the test.

    Args:
        codename (str):
        report_id (UUID):
        body (ReportChanges): Report fields to change; only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Report
    """

    return sync_detailed(
        codename=codename,
        report_id=report_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    codename: str,
    report_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportChanges,
) -> Response[Error | Report]:
    """Report progress or a result

     Changes only the fields present in the body: typically the status once the candidate finished, with
    the score and the completion time, or a cancel link that lets Recruitee users cancel the test.

    Args:
        codename (str):
        report_id (UUID):
        body (ReportChanges): Report fields to change; only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Report]
    """

    kwargs = _get_kwargs(
        codename=codename,
        report_id=report_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    codename: str,
    report_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportChanges,
) -> Error | Report | None:
    """Report progress or a result

     Changes only the fields present in the body: typically the status once the candidate finished, with
    the score and the completion time, or a cancel link that lets Recruitee users cancel the test.

    Args:
        codename (str):
        report_id (UUID):
        body (ReportChanges): Report fields to change; only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Report
    """

    return (
        await asyncio_detailed(
            codename=codename,
            report_id=report_id,
            client=client,
            body=body,
        )
    ).parsed
