"""Re-exports that load on first use, for hirelink's packages.

A package re-exports names for convenience; importing them eagerly would load their
modules (and everything those import) with the package, also for a program that uses
none of them. Instead the package lists them in ``__all__``, imports them under
``TYPE_CHECKING`` (for mypy and IDEs), and installs the PEP 562 hooks made here::

    if TYPE_CHECKING:
        from hirelink.api.recruitee.models import Candidate

    __all__ = ["Candidate", "Recruitee"]
    __getattr__, __dir__ = reexport_lazily(
        globals(), "hirelink.api.recruitee.models", distribution="hirelink-recruitee"
    )

``source`` is the module every re-exported name comes from, or a mapping from modules
(relative ones too, such as ``".errors"``) to the names each gives. Every name of
``__all__`` the package does not define itself comes from its module when first asked
for, and is then kept in the package like an ordinary import; so does a submodule of the
package (``hirelink.core.errors`` after ``import hirelink.core``). Given its
``distribution``, the package's ``__version__`` is that distribution's installed version,
also read when first asked for (``importlib.metadata`` costs milliseconds at import).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from importlib import import_module
from typing import Any


def reexport_lazily(
    namespace: MutableMapping[str, Any],
    source: str | Mapping[str, Iterable[str]],
    *,
    distribution: str | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of a package re-exporting from ``source``
    (and naming ``distribution``'s version as ``__version__``)."""
    package = namespace["__name__"]
    origin: Callable[[str], str]
    if isinstance(source, str):
        origin = functools.partial(_the_one, source)
    else:
        origin = _origins(source, namespace).__getitem__

    def exported() -> list[str]:
        return namespace.get("__all__", [])  # type: ignore[no-any-return]

    def __getattr__(name: str) -> Any:  # noqa: N807  (the PEP 562 hook)
        if name == "__version__" and distribution is not None:
            from importlib.metadata import PackageNotFoundError, version  # here: ms at import

            try:
                namespace[name] = version(distribution)
            except PackageNotFoundError:  # run from a checkout or a frozen app: no metadata
                raise AttributeError(
                    f"module {package!r} has no __version__: {distribution} is"
                    " not installed with its metadata"
                ) from None
            return namespace[name]
        if name in exported():
            value = getattr(import_module(origin(name), package), name)
        elif "__path__" in namespace and name.isidentifier() and not name.startswith("__"):
            value = _submodule(package, name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807
        versioned = {"__version__"} if distribution is not None else set()
        return sorted(set(namespace) | set(exported()) | versioned)

    return __getattr__, __dir__


def _origins(
    source: Mapping[str, Iterable[str]], namespace: MutableMapping[str, Any]
) -> dict[str, str]:
    """Each re-exported name's module; the mapping must give exactly the names of
    ``__all__``, defined before, that the package does not define itself (checked here,
    at import)."""
    origins = {name: module for module, names in source.items() for name in names}
    exported = set(namespace.get("__all__", ()))
    # Names loaded already stand in the namespace: importlib.reload() runs this again.
    unlisted = sorted(set(origins) - exported)
    unsourced = sorted(exported - set(namespace) - set(origins))
    if unlisted or unsourced:
        raise ImportError(
            f"{namespace['__name__']}: re-exports not in __all__ {unlisted},"
            f" names of __all__ from no module {unsourced}"
        )
    return origins


def _the_one(source: str, name: str) -> str:
    return source


def _submodule(package: str, name: str) -> Any:
    """The package's submodule ``name``, imported now."""
    qualified = f"{package}.{name}"
    try:
        return import_module(qualified)
    except ModuleNotFoundError as error:
        if error.name != qualified:  # the submodule exists but fails to import
            raise
        raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
