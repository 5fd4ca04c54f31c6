from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.note import Note
from ...models.note_create_request import NoteCreateRequest
from ...types import Response, path_segment


def _get_kwargs(
    candidate_id: int,
    *,
    body: NoteCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/candidates/{candidate_id}/notes".format(
            candidate_id=path_segment("candidateId", candidate_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Note | None:
    if response.status_code == 200:
        response_200 = Note.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Note.from_dict(response.json())

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
        response_200 = Note.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Note]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    candidate_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreateRequest,
) -> Response[Error | Note]:
    """Add a note to a candidate

     Adds an internal note (never shown to the candidate). Plain text and HTML are both sent by
    integrations. The success status and body are not known.

    Args:
        candidate_id (int):
        body (NoteCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
    """

    kwargs = _get_kwargs(
        candidate_id=candidate_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    candidate_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreateRequest,
) -> Error | Note | None:
    """Add a note to a candidate

     Adds an internal note (never shown to the candidate). Plain text and HTML are both sent by
    integrations. The success status and body are not known.

    Args:
        candidate_id (int):
        body (NoteCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
    """

    return sync_detailed(
        candidate_id=candidate_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    candidate_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreateRequest,
) -> Response[Error | Note]:
    """Add a note to a candidate

     Adds an internal note (never shown to the candidate). Plain text and HTML are both sent by
    integrations. The success status and body are not known.

    Args:
        candidate_id (int):
        body (NoteCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
    """

    kwargs = _get_kwargs(
        candidate_id=candidate_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    candidate_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreateRequest,
) -> Error | Note | None:
    """Add a note to a candidate

     Adds an internal note (never shown to the candidate). Plain text and HTML are both sent by
    integrations. The success status and body are not known.

    Args:
        candidate_id (int):
        body (NoteCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
    """

    return (
        await asyncio_detailed(
            candidate_id=candidate_id,
            client=client,
            body=body,
        )
    ).parsed
