from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_create_request import ApplicationCreateRequest
from ...models.application_created import ApplicationCreated
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: ApplicationCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationCreated | Error | None:
    if response.status_code == 200:
        response_200 = ApplicationCreated.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ApplicationCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
        response_200 = ApplicationCreated.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApplicationCreated | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationCreateRequest,
) -> Response[ApplicationCreated | Error]:
    """Create an application

     Applies a candidate to a job, with optional documents (base64-encoded file content). Screening-
    question answers cannot be sent; integrations put extra answers into a candidate note instead.
    Applying the same candidate to the same job twice is refused with an error whose message says
    "already exists"; never resend this request after a server error or a timeout.

    Args:
        body (ApplicationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationCreated | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationCreateRequest,
) -> ApplicationCreated | Error | None:
    """Create an application

     Applies a candidate to a job, with optional documents (base64-encoded file content). Screening-
    question answers cannot be sent; integrations put extra answers into a candidate note instead.
    Applying the same candidate to the same job twice is refused with an error whose message says
    "already exists"; never resend this request after a server error or a timeout.

    Args:
        body (ApplicationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationCreated | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationCreateRequest,
) -> Response[ApplicationCreated | Error]:
    """Create an application

     Applies a candidate to a job, with optional documents (base64-encoded file content). Screening-
    question answers cannot be sent; integrations put extra answers into a candidate note instead.
    Applying the same candidate to the same job twice is refused with an error whose message says
    "already exists"; never resend this request after a server error or a timeout.

    Args:
        body (ApplicationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationCreated | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationCreateRequest,
) -> ApplicationCreated | Error | None:
    """Create an application

     Applies a candidate to a job, with optional documents (base64-encoded file content). Screening-
    question answers cannot be sent; integrations put extra answers into a candidate note instead.
    Applying the same candidate to the same job twice is refused with an error whose message says
    "already exists"; never resend this request after a server error or a timeout.

    Args:
        body (ApplicationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationCreated | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
