from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.office import Office
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    country_code: str | Unset = UNSET,
    city_name_like: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["pageSize"] = page_size

    params["countryCode"] = country_code

    params["cityNameLike"] = city_name_like

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/offices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Office] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Office.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Office.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Office]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    country_code: str | Unset = UNSET,
    city_name_like: str | Unset = UNSET,
) -> Response[Error | list[Office]]:
    """List offices

    Args:
        page (int | Unset):
        page_size (int | Unset):
        country_code (str | Unset):
        city_name_like (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Office]]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        country_code=country_code,
        city_name_like=city_name_like,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    country_code: str | Unset = UNSET,
    city_name_like: str | Unset = UNSET,
) -> Error | list[Office] | None:
    """List offices

    Args:
        page (int | Unset):
        page_size (int | Unset):
        country_code (str | Unset):
        city_name_like (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Office]
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        country_code=country_code,
        city_name_like=city_name_like,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    country_code: str | Unset = UNSET,
    city_name_like: str | Unset = UNSET,
) -> Response[Error | list[Office]]:
    """List offices

    Args:
        page (int | Unset):
        page_size (int | Unset):
        country_code (str | Unset):
        city_name_like (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Office]]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        country_code=country_code,
        city_name_like=city_name_like,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    country_code: str | Unset = UNSET,
    city_name_like: str | Unset = UNSET,
) -> Error | list[Office] | None:
    """List offices

    Args:
        page (int | Unset):
        page_size (int | Unset):
        country_code (str | Unset):
        city_name_like (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Office]
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            country_code=country_code,
            city_name_like=city_name_like,
        )
    ).parsed
