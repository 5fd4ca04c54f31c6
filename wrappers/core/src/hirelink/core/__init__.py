"""hirelink-core: the runtime every hirelink provider SDK shares.

Its names load on first use (:mod:`hirelink.core.lazy`): a program, or a pytest plugin,
that needs one part of the core does not import all of it.
"""

from typing import TYPE_CHECKING

from ._version import VERSION
from .lazy import reexport_lazily

if TYPE_CHECKING:
    from .auth import FirstAcceptedAuth, HeaderAuth, RoutedAuth
    from .calls import (
        Call,
        Flow,
        Walk,
        instance_of,
        list_of,
        may_have_been_carried_out,
        member_of,
        nothing,
        worth_retrying,
    )
    from .checks import ConnectionCheck
    from .clients import AsyncProviderClient, ProviderClient
    from .environment import CredentialVariables, environment_ignored
    from .errors import (
        ApiConnectionError,
        ApiError,
        ApiTimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        DuplicateApplicationError,
        HirelinkError,
        InvalidInputError,
        MalformedResponseError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ServerError,
        StoreUnavailableError,
        UnknownArgumentError,
        UnprocessableEntityError,
        UnusableClientError,
    )
    from .feeds import Feed, FeedStore, WatchOptions
    from .files import Document, FileLimits, LoadedFile, load_file
    from .http import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, ClientOptions, HttpConfig
    from .operations import operation, walker
    from .options import RequestOptions, request_options
    from .pagination import (
        aiter_cursor,
        aiter_offset,
        aiter_pages,
        cursor_from_link,
        iter_cursor,
        iter_offset,
        iter_pages,
    )
    from .ratelimit import (
        AsyncRateLimitTransport,
        RateLimit,
        RateLimitTransport,
        SlidingWindowLimiter,
        shared_limiter,
    )
    from .secrets import Secret, scrub
    from .stores import InProcessStore, RedisStore, Store
    from .tokens import AccessToken, ClientCredentialsAuth
    from .transport import AsyncRetryTransport, RetryPolicy, RetryTransport
    from .validation import Inputs, Param

__version__ = VERSION
"""hirelink-core's version."""

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AccessToken",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AsyncProviderClient",
    "AsyncRateLimitTransport",
    "AsyncRetryTransport",
    "AuthenticationError",
    "BadRequestError",
    "Call",
    "ClientCredentialsAuth",
    "ClientOptions",
    "ConflictError",
    "ConnectionCheck",
    "CredentialVariables",
    "Document",
    "DuplicateApplicationError",
    "Feed",
    "FeedStore",
    "FileLimits",
    "FirstAcceptedAuth",
    "Flow",
    "HeaderAuth",
    "HirelinkError",
    "HttpConfig",
    "InProcessStore",
    "Inputs",
    "InvalidInputError",
    "LoadedFile",
    "MalformedResponseError",
    "NotFoundError",
    "Param",
    "PermissionDeniedError",
    "ProviderClient",
    "RateLimit",
    "RateLimitError",
    "RateLimitTransport",
    "RedisStore",
    "RequestOptions",
    "RetryPolicy",
    "RetryTransport",
    "RoutedAuth",
    "Secret",
    "ServerError",
    "SlidingWindowLimiter",
    "Store",
    "StoreUnavailableError",
    "UnknownArgumentError",
    "UnprocessableEntityError",
    "UnusableClientError",
    "Walk",
    "WatchOptions",
    "aiter_cursor",
    "aiter_offset",
    "aiter_pages",
    "cursor_from_link",
    "environment_ignored",
    "instance_of",
    "iter_cursor",
    "iter_offset",
    "iter_pages",
    "list_of",
    "load_file",
    "may_have_been_carried_out",
    "member_of",
    "nothing",
    "operation",
    "request_options",
    "scrub",
    "shared_limiter",
    "walker",
    "worth_retrying",
]

_SOURCES = {
    ".auth": ("FirstAcceptedAuth", "HeaderAuth", "RoutedAuth"),
    ".calls": (
        "Call",
        "Flow",
        "Walk",
        "instance_of",
        "list_of",
        "may_have_been_carried_out",
        "member_of",
        "nothing",
        "worth_retrying",
    ),
    ".checks": ("ConnectionCheck",),
    ".clients": ("AsyncProviderClient", "ProviderClient"),
    ".environment": ("CredentialVariables", "environment_ignored"),
    ".errors": (
        "ApiConnectionError",
        "ApiError",
        "ApiTimeoutError",
        "AuthenticationError",
        "BadRequestError",
        "ConflictError",
        "DuplicateApplicationError",
        "HirelinkError",
        "InvalidInputError",
        "MalformedResponseError",
        "NotFoundError",
        "PermissionDeniedError",
        "RateLimitError",
        "ServerError",
        "StoreUnavailableError",
        "UnknownArgumentError",
        "UnprocessableEntityError",
        "UnusableClientError",
    ),
    ".feeds": ("Feed", "FeedStore", "WatchOptions"),
    ".files": ("Document", "FileLimits", "LoadedFile", "load_file"),
    ".http": ("DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "ClientOptions", "HttpConfig"),
    ".operations": ("operation", "walker"),
    ".options": ("RequestOptions", "request_options"),
    ".pagination": (
        "aiter_cursor",
        "aiter_offset",
        "aiter_pages",
        "cursor_from_link",
        "iter_cursor",
        "iter_offset",
        "iter_pages",
    ),
    ".ratelimit": (
        "AsyncRateLimitTransport",
        "RateLimit",
        "RateLimitTransport",
        "SlidingWindowLimiter",
        "shared_limiter",
    ),
    ".secrets": ("Secret", "scrub"),
    ".stores": ("InProcessStore", "RedisStore", "Store"),
    ".tokens": ("AccessToken", "ClientCredentialsAuth"),
    ".transport": ("AsyncRetryTransport", "RetryPolicy", "RetryTransport"),
    ".validation": ("Inputs", "Param"),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = reexport_lazily(globals(), _SOURCES)
