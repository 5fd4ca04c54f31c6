"""hirelink-core: the runtime every hirelink provider SDK shares."""

from .auth import HeaderAuth
from .calls import Call, instance_of, list_of
from .clients import AsyncProviderClient, ProviderClient
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    HirelinkError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
)
from .http import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, ClientOptions, HttpConfig
from .options import RequestOptions, request_options
from .pagination import aiter_offset, iter_offset
from .secrets import Secret, scrub
from .transport import AsyncRetryTransport, RetryPolicy, RetryTransport

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AsyncProviderClient",
    "AsyncRetryTransport",
    "AuthenticationError",
    "BadRequestError",
    "Call",
    "ClientOptions",
    "ConflictError",
    "HeaderAuth",
    "HirelinkError",
    "HttpConfig",
    "InvalidInputError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "ProviderClient",
    "RateLimitError",
    "RequestOptions",
    "RetryPolicy",
    "RetryTransport",
    "Secret",
    "ServerError",
    "UnprocessableEntityError",
    "aiter_offset",
    "instance_of",
    "iter_offset",
    "list_of",
    "request_options",
    "scrub",
]
