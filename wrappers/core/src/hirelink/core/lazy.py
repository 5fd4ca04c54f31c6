"""Re-exports that load on first use, for the wrappers' packages.

A wrapper re-exports the main generated models for convenience; importing them eagerly
would load their modules (and the models they reference) with the wrapper. Instead the
package lists them in ``__all__``, imports them under ``TYPE_CHECKING`` (for mypy and
IDEs), and installs the PEP 562 hooks made here::

    if TYPE_CHECKING:
        from hirelink.api.recruitee.models import Candidate

    __all__ = ["Candidate", "Recruitee"]
    __getattr__, __dir__ = reexport_lazily(
        globals(), "hirelink.api.recruitee.models", distribution="hirelink-recruitee"
    )

Every name of ``__all__`` the package does not define itself comes from ``source`` when
first asked for, and is then kept in the package like an ordinary import. Given its
``distribution``, the package's ``__version__`` is that distribution's installed version,
also read when first asked for (``importlib.metadata`` costs milliseconds at import).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from importlib import import_module
from typing import Any


def reexport_lazily(
    namespace: MutableMapping[str, Any], source: str, *, distribution: str | None = None
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of a package re-exporting from ``source``
    (and naming ``distribution``'s version as ``__version__``)."""

    def __getattr__(name: str) -> Any:  # noqa: N807  (the PEP 562 hook)
        if name == "__version__" and distribution is not None:
            from importlib.metadata import PackageNotFoundError, version  # here: ms at import

            try:
                namespace[name] = version(distribution)
            except PackageNotFoundError:  # run from a checkout or a frozen app: no metadata
                raise AttributeError(
                    f"module {namespace['__name__']!r} has no __version__: {distribution} is"
                    " not installed with its metadata"
                ) from None
            return namespace[name]
        if name in namespace.get("__all__", ()):
            value = getattr(import_module(source), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")

    def __dir__() -> list[str]:  # noqa: N807
        versioned = {"__version__"} if distribution is not None else set()
        return sorted(set(namespace) | set(namespace.get("__all__", ())) | versioned)

    return __getattr__, __dir__
