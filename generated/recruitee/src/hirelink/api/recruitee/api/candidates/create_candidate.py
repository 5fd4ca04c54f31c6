from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.candidate_create_request import CandidateCreateRequest
from ...models.candidate_envelope import CandidateEnvelope
from ...models.error import Error
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    company_id: str,
    *,
    body: CandidateCreateRequest,
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
        "url": "/c/{company_id}/candidates".format(
            company_id=path_segment("company_id", company_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CandidateEnvelope | Error | None:
    if response.status_code == 201:
        response_201 = CandidateEnvelope.from_dict(response.json())

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
        response_201 = CandidateEnvelope.from_dict(response.json())

        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CandidateEnvelope | Error]:
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
    body: CandidateCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[CandidateEnvelope | Error]:
    """Create a candidate

     Adds a candidate to the company. When `offers` is given, the candidate is placed in the default
    stage of each listed offer. That candidates created through this API count as manually added, so
    that Recruitee sends them no application-confirmation e-mail, is inferred from a third-party tool's
    description (fact sheet A5); the endpoint is documented.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (CandidateCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateEnvelope | Error]
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
    body: CandidateCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> CandidateEnvelope | Error | None:
    """Create a candidate

     Adds a candidate to the company. When `offers` is given, the candidate is placed in the default
    stage of each listed offer. That candidates created through this API count as manually added, so
    that Recruitee sends them no application-confirmation e-mail, is inferred from a third-party tool's
    description (fact sheet A5); the endpoint is documented.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (CandidateCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateEnvelope | Error
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
    body: CandidateCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[CandidateEnvelope | Error]:
    """Create a candidate

     Adds a candidate to the company. When `offers` is given, the candidate is placed in the default
    stage of each listed offer. That candidates created through this API count as manually added, so
    that Recruitee sends them no application-confirmation e-mail, is inferred from a third-party tool's
    description (fact sheet A5); the endpoint is documented.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (CandidateCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateEnvelope | Error]
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
    body: CandidateCreateRequest,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> CandidateEnvelope | Error | None:
    """Create a candidate

     Adds a candidate to the company. When `offers` is given, the candidate is placed in the default
    stage of each listed offer. That candidates created through this API count as manually added, so
    that Recruitee sends them no application-confirmation e-mail, is inferred from a third-party tool's
    description (fact sheet A5); the endpoint is documented.

    Args:
        company_id (str):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):
        body (CandidateCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateEnvelope | Error
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
