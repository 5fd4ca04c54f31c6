from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_upload_request import DocumentUploadRequest
from ...models.uploaded_document import UploadedDocument
from ...models.v2_error import V2Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DocumentUploadRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(personio_partner_id, Unset):
        headers["Personio-Partner-ID"] = personio_partner_id

    if not isinstance(personio_app_id, Unset):
        headers["Personio-App-ID"] = personio_app_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/recruiting/applications/documents",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UploadedDocument | V2Error | None:
    if response.status_code == 200:
        response_200 = UploadedDocument.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = V2Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = V2Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = V2Error.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = V2Error.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = V2Error.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = V2Error.from_dict(response.json())

        return response_5xx

    if 200 <= response.status_code <= 299:
        response_200 = UploadedDocument.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UploadedDocument | V2Error]:
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
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[UploadedDocument | V2Error]:
    """Upload one application document (OAuth)

     Uploads one file (multipart field `file`, at most 20 MB) with a custom integration's OAuth token, to
    be referenced by `uuid` in the `files` of createApplicationV2. Answers the stored document's `uuid`,
    `size`, `mimetype`, `original_filename` and `extension` (DH-V2DOC); the status is not stated, so 200
    (as in v1) is assumed.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadedDocument | V2Error]
    """

    kwargs = _get_kwargs(
        body=body,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> UploadedDocument | V2Error | None:
    """Upload one application document (OAuth)

     Uploads one file (multipart field `file`, at most 20 MB) with a custom integration's OAuth token, to
    be referenced by `uuid` in the `files` of createApplicationV2. Answers the stored document's `uuid`,
    `size`, `mimetype`, `original_filename` and `extension` (DH-V2DOC); the status is not stated, so 200
    (as in v1) is assumed.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadedDocument | V2Error
    """

    return sync_detailed(
        client=client,
        body=body,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> Response[UploadedDocument | V2Error]:
    """Upload one application document (OAuth)

     Uploads one file (multipart field `file`, at most 20 MB) with a custom integration's OAuth token, to
    be referenced by `uuid` in the `files` of createApplicationV2. Answers the stored document's `uuid`,
    `size`, `mimetype`, `original_filename` and `extension` (DH-V2DOC); the status is not stated, so 200
    (as in v1) is assumed.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadedDocument | V2Error]
    """

    kwargs = _get_kwargs(
        body=body,
        personio_partner_id=personio_partner_id,
        personio_app_id=personio_app_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DocumentUploadRequest,
    personio_partner_id: str | Unset = UNSET,
    personio_app_id: str | Unset = UNSET,
) -> UploadedDocument | V2Error | None:
    """Upload one application document (OAuth)

     Uploads one file (multipart field `file`, at most 20 MB) with a custom integration's OAuth token, to
    be referenced by `uuid` in the `files` of createApplicationV2. Answers the stored document's `uuid`,
    `size`, `mimetype`, `original_filename` and `extension` (DH-V2DOC); the status is not stated, so 200
    (as in v1) is assumed.

    Args:
        personio_partner_id (str | Unset):
        personio_app_id (str | Unset):
        body (DocumentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadedDocument | V2Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            personio_partner_id=personio_partner_id,
            personio_app_id=personio_app_id,
        )
    ).parsed
