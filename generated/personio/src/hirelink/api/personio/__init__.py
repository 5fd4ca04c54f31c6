"""A client library for accessing Personio API (recruiting, authentication, persons)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
