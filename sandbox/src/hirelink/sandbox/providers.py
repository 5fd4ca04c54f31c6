"""The stand-ins' names, in a module of their own: the pytest plugin names its fixtures
after them without loading any stand-in."""

from typing import Literal

__all__ = ["PROVIDERS", "ProviderName"]

ProviderName = Literal["recruitee", "join", "recruitee_partners", "personio"]
"""The name of a stand-in (and of its provider)."""
PROVIDERS: tuple[ProviderName, ...] = ("recruitee", "join", "recruitee_partners", "personio")
"""Every stand-in, in the order ``serve`` starts them."""
