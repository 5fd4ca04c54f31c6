from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.new_report import NewReport
from ...models.report import Report
from ...types import Response, path_segment


def _get_kwargs(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    body: NewReport,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/p/{codename}/c/{company_id}/candidates/{candidate_id}/reports".format(
            codename=path_segment("codename", codename),
            company_id=path_segment("company_id", company_id),
            candidate_id=path_segment("candidate_id", candidate_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Report | None:
    if response.status_code == 201:
        response_201 = Report.from_dict(response.json())

        return response_201

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
        response_201 = Report.from_dict(response.json())

        return response_201

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
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
    body: NewReport,
) -> Response[Error | Report]:
    """Create a report on a candidate

     Creates a report on a candidate, with status `sent` unless another status is given. The operation is
    documented but its path was not retrieved: we use the candidate's reports collection. Recruitee
    creates a report itself when a user sends a candidate, so partners rarely need this.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):
        body (NewReport): Fields of a new report; all optional (status defaults to `sent`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Report]
    """

    kwargs = _get_kwargs(
        codename=codename,
        company_id=company_id,
        candidate_id=candidate_id,
        body=body,
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
    body: NewReport,
) -> Error | Report | None:
    """Create a report on a candidate

     Creates a report on a candidate, with status `sent` unless another status is given. The operation is
    documented but its path was not retrieved: we use the candidate's reports collection. Recruitee
    creates a report itself when a user sends a candidate, so partners rarely need this.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):
        body (NewReport): Fields of a new report; all optional (status defaults to `sent`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Report
    """

    return sync_detailed(
        codename=codename,
        company_id=company_id,
        candidate_id=candidate_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
    body: NewReport,
) -> Response[Error | Report]:
    """Create a report on a candidate

     Creates a report on a candidate, with status `sent` unless another status is given. The operation is
    documented but its path was not retrieved: we use the candidate's reports collection. Recruitee
    creates a report itself when a user sends a candidate, so partners rarely need this.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):
        body (NewReport): Fields of a new report; all optional (status defaults to `sent`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Report]
    """

    kwargs = _get_kwargs(
        codename=codename,
        company_id=company_id,
        candidate_id=candidate_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    codename: str,
    company_id: str,
    candidate_id: int,
    *,
    client: AuthenticatedClient,
    body: NewReport,
) -> Error | Report | None:
    """Create a report on a candidate

     Creates a report on a candidate, with status `sent` unless another status is given. The operation is
    documented but its path was not retrieved: we use the candidate's reports collection. Recruitee
    creates a report itself when a user sends a candidate, so partners rarely need this.

    Args:
        codename (str):
        company_id (str):
        candidate_id (int):
        body (NewReport): Fields of a new report; all optional (status defaults to `sent`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Report
    """

    return (
        await asyncio_detailed(
            codename=codename,
            company_id=company_id,
            candidate_id=candidate_id,
            client=client,
            body=body,
        )
    ).parsed
