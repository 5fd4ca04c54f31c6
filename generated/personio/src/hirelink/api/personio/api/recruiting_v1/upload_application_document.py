from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_upload_request import DocumentUploadRequest
from ...models.uploaded_document import UploadedDocument
from ...models.v1_error import V1Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DocumentUploadRequest,
    x_company_id: str,
    x_personio_partner_id: str | Unset = UNSET,
    x_personio_app_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Company-ID"] = x_company_id

    if not isinstance(x_personio_partner_id, Unset):
        headers["X-Personio-Partner-ID"] = x_personio_partner_id

    if not isinstance(x_personio_app_id, Unset):
        headers["X-Personio-App-ID"] = x_personio_app_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/recruiting/applications/documents",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UploadedDocument | V1Error | None:
    if response.status_code == 200:
        response_200 = UploadedDocument.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = V1Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = V1Error.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = V1Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = V1Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = V1Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = V1Error.from_dict(response.json())

        return response_500

    if 200 <= response.status_code <= 299:
        response_200 = UploadedDocument.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UploadedDocument | V1Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    x_company_id: str,
    x_personio_partner_id: str | Unset = UNSET,
    x_personio_app_id: str | Unset = UNSET,
) -> Response[UploadedDocument | V1Error]:
    """Upload one application document

     Uploads one file (at most 20 MB, one of the listed file types) to be referenced later by an
    application's `files`. Counts against the limit of 20 requests per 60 seconds per company, shared
    with application submissions.

    Args:
        x_company_id (str):
        x_personio_partner_id (str | Unset):
        x_personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadedDocument | V1Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_company_id=x_company_id,
        x_personio_partner_id=x_personio_partner_id,
        x_personio_app_id=x_personio_app_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    x_company_id: str,
    x_personio_partner_id: str | Unset = UNSET,
    x_personio_app_id: str | Unset = UNSET,
) -> UploadedDocument | V1Error | None:
    """Upload one application document

     Uploads one file (at most 20 MB, one of the listed file types) to be referenced later by an
    application's `files`. Counts against the limit of 20 requests per 60 seconds per company, shared
    with application submissions.

    Args:
        x_company_id (str):
        x_personio_partner_id (str | Unset):
        x_personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadedDocument | V1Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_company_id=x_company_id,
        x_personio_partner_id=x_personio_partner_id,
        x_personio_app_id=x_personio_app_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    x_company_id: str,
    x_personio_partner_id: str | Unset = UNSET,
    x_personio_app_id: str | Unset = UNSET,
) -> Response[UploadedDocument | V1Error]:
    """Upload one application document

     Uploads one file (at most 20 MB, one of the listed file types) to be referenced later by an
    application's `files`. Counts against the limit of 20 requests per 60 seconds per company, shared
    with application submissions.

    Args:
        x_company_id (str):
        x_personio_partner_id (str | Unset):
        x_personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadedDocument | V1Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_company_id=x_company_id,
        x_personio_partner_id=x_personio_partner_id,
        x_personio_app_id=x_personio_app_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    x_company_id: str,
    x_personio_partner_id: str | Unset = UNSET,
    x_personio_app_id: str | Unset = UNSET,
) -> UploadedDocument | V1Error | None:
    """Upload one application document

     Uploads one file (at most 20 MB, one of the listed file types) to be referenced later by an
    application's `files`. Counts against the limit of 20 requests per 60 seconds per company, shared
    with application submissions.

    Args:
        x_company_id (str):
        x_personio_partner_id (str | Unset):
        x_personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadedDocument | V1Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_company_id=x_company_id,
            x_personio_partner_id=x_personio_partner_id,
            x_personio_app_id=x_personio_app_id,
        )
    ).parsed
