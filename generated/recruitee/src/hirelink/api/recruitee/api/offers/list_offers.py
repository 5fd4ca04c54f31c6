from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_offers_kind import ListOffersKind
from ...models.list_offers_scope import ListOffersScope
from ...models.list_offers_view_mode import ListOffersViewMode
from ...models.offer_list import OfferList
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    company_id: str,
    *,
    kind: ListOffersKind | Unset = UNSET,
    scope: ListOffersScope | Unset = UNSET,
    view_mode: ListOffersViewMode | Unset = UNSET,
    statuses: list[str] | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_recruitee_partner_name, Unset):
        headers["x-recruitee-partner-name"] = x_recruitee_partner_name

    if not isinstance(x_recruitee_partner_id, Unset):
        headers["x-recruitee-partner-id"] = x_recruitee_partner_id

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_scope: str | Unset = UNSET
    if not isinstance(scope, Unset):
        json_scope = scope.value

    params["scope"] = json_scope

    json_view_mode: str | Unset = UNSET
    if not isinstance(view_mode, Unset):
        json_view_mode = view_mode.value

    params["view_mode"] = json_view_mode

    json_statuses: list[str] | Unset = UNSET
    if not isinstance(statuses, Unset):
        json_statuses = statuses

    params["statuses[]"] = json_statuses

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/c/{company_id}/offers".format(
            company_id=path_segment("company_id", company_id),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OfferList | None:
    if response.status_code == 200:
        response_200 = OfferList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
        response_200 = OfferList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OfferList]:
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
    kind: ListOffersKind | Unset = UNSET,
    scope: ListOffersScope | Unset = UNSET,
    view_mode: ListOffersViewMode | Unset = UNSET,
    statuses: list[str] | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[Error | OfferList]:
    """List offers

     Returns the company's offers: jobs and talent pools. Filters narrow the list by kind and lifecycle
    scope; `view_mode` controls how much detail each offer carries.

    Args:
        company_id (str):
        kind (ListOffersKind | Unset):
        scope (ListOffersScope | Unset):
        view_mode (ListOffersViewMode | Unset):
        statuses (list[str] | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OfferList]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        kind=kind,
        scope=scope,
        view_mode=view_mode,
        statuses=statuses,
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
    kind: ListOffersKind | Unset = UNSET,
    scope: ListOffersScope | Unset = UNSET,
    view_mode: ListOffersViewMode | Unset = UNSET,
    statuses: list[str] | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Error | OfferList | None:
    """List offers

     Returns the company's offers: jobs and talent pools. Filters narrow the list by kind and lifecycle
    scope; `view_mode` controls how much detail each offer carries.

    Args:
        company_id (str):
        kind (ListOffersKind | Unset):
        scope (ListOffersScope | Unset):
        view_mode (ListOffersViewMode | Unset):
        statuses (list[str] | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OfferList
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        kind=kind,
        scope=scope,
        view_mode=view_mode,
        statuses=statuses,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    kind: ListOffersKind | Unset = UNSET,
    scope: ListOffersScope | Unset = UNSET,
    view_mode: ListOffersViewMode | Unset = UNSET,
    statuses: list[str] | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Response[Error | OfferList]:
    """List offers

     Returns the company's offers: jobs and talent pools. Filters narrow the list by kind and lifecycle
    scope; `view_mode` controls how much detail each offer carries.

    Args:
        company_id (str):
        kind (ListOffersKind | Unset):
        scope (ListOffersScope | Unset):
        view_mode (ListOffersViewMode | Unset):
        statuses (list[str] | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OfferList]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        kind=kind,
        scope=scope,
        view_mode=view_mode,
        statuses=statuses,
        x_recruitee_partner_name=x_recruitee_partner_name,
        x_recruitee_partner_id=x_recruitee_partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    kind: ListOffersKind | Unset = UNSET,
    scope: ListOffersScope | Unset = UNSET,
    view_mode: ListOffersViewMode | Unset = UNSET,
    statuses: list[str] | Unset = UNSET,
    x_recruitee_partner_name: str | Unset = UNSET,
    x_recruitee_partner_id: str | Unset = UNSET,
) -> Error | OfferList | None:
    """List offers

     Returns the company's offers: jobs and talent pools. Filters narrow the list by kind and lifecycle
    scope; `view_mode` controls how much detail each offer carries.

    Args:
        company_id (str):
        kind (ListOffersKind | Unset):
        scope (ListOffersScope | Unset):
        view_mode (ListOffersViewMode | Unset):
        statuses (list[str] | Unset):
        x_recruitee_partner_name (str | Unset):
        x_recruitee_partner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OfferList
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            kind=kind,
            scope=scope,
            view_mode=view_mode,
            statuses=statuses,
            x_recruitee_partner_name=x_recruitee_partner_name,
            x_recruitee_partner_id=x_recruitee_partner_id,
        )
    ).parsed
