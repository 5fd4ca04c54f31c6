"""What a user types in their own annotations is importable from the provider's package.

A result's nested models (``Offer.salary`` is an ``OfferSalary``), a webhook payload's
members, and the Literal aliases that parameters take (``list_offers(kind=...)`` takes an
``OfferKind``) are found by walking the declarations and the exported types, so a model or
an alias added later is covered without touching this file. ``_typed`` is never run: it
exists for mypy, which checks that the names import and what they type.
"""

from __future__ import annotations

import importlib
import inspect
import types
import typing
from collections.abc import Iterator
from typing import Literal, assert_type

import attrs
import pydantic
import pytest

from hirelink.core.operations import declarations
from hirelink.join import HiringState, Source
from hirelink.personio import Language, SystemPhaseName, WebhookAuth
from hirelink.recruitee import (
    NoteVisibility,
    NoteVisibilityLevel,
    Offer,
    OfferKind,
    OfferSalary,
    OfferScope,
    OfferViewMode,
)
from hirelink.recruitee.webhooks import CandidateMoved, MovedCandidate
from hirelink.recruitee_partners import InputKindName, KindName, StatusName

from .test_declarations import PAIRS

WEBHOOK_MODULES = [
    "hirelink.recruitee.webhooks",
    "hirelink.personio.webhooks",
    "hirelink.recruitee_partners.service",
]


def _hirelink_classes(hint: object) -> Iterator[type]:
    """The hirelink classes an annotation names, through unions and generics."""
    if isinstance(hint, type) and hint.__module__.startswith("hirelink."):
        yield hint
    for argument in typing.get_args(hint):
        yield from _hirelink_classes(argument)


def _models_held(model: type, seen: set[type]) -> None:
    """``model`` and every hirelink class its fields hold, however deep, into ``seen``."""
    if model in seen:
        return
    seen.add(model)
    if attrs.has(model) or issubclass(model, pydantic.BaseModel):
        for hint in typing.get_type_hints(model).values():
            for held in _hirelink_classes(hint):
                _models_held(held, seen)


def test_every_model_a_recruitee_result_holds_is_exported() -> None:
    # hirelink.recruitee says its results' models are re-exported there: all of them,
    # down to the nested ones a user annotates (OfferSalary, NoteVisibility, ...).
    import hirelink.recruitee

    held: set[type] = set()
    for declaration in declarations(hirelink.recruitee.Recruitee).values():
        for result in _hirelink_classes(declaration.result_type):
            _models_held(result, held)
    missing = sorted(
        cls.__name__ for cls in held if getattr(hirelink.recruitee, cls.__name__, None) is not cls
    )
    assert len(held) > 20
    assert missing == []
    assert {cls.__name__ for cls in held} <= set(hirelink.recruitee.__all__)


@pytest.mark.parametrize("module_name", WEBHOOK_MODULES)
def test_every_model_a_webhook_event_holds_is_exported(module_name: str) -> None:
    module = importlib.import_module(module_name)
    held: set[type] = set()
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and issubclass(value, pydantic.BaseModel):
            _models_held(value, held)
    missing = sorted(cls.__name__ for cls in held if cls.__name__ not in module.__all__)
    assert held
    assert missing == []


def _is_value_alias(value: object) -> bool:
    """A Literal, or a union holding one: the values a parameter takes, named."""
    origin = typing.get_origin(value)
    if origin is Literal:
        return True
    return origin in (typing.Union, types.UnionType) and any(
        typing.get_origin(argument) is Literal for argument in typing.get_args(value)
    )


def _takes(hint: object, alias: object) -> bool:
    """Whether ``hint`` (a parameter's or a field's annotation, evaluated, so unions are
    flattened) is or holds ``alias``."""
    if hint == alias:
        return True
    arguments = typing.get_args(hint)  # a list among them (a Callable's): not hashable
    if typing.get_origin(alias) is not Literal and all(
        member in arguments for member in typing.get_args(alias)
    ):
        return True
    return alias in arguments or any(_takes(argument, alias) for argument in arguments)


def _parameter_hints(client: type) -> Iterator[object]:
    """The annotations of the parameters of the constructor and the public methods, and
    of the fields of the TypedDicts they take (``**filters``, ``settings=``)."""
    for name, function in inspect.getmembers(client):
        if (name.startswith("_") and name != "__init__") or not callable(function):
            continue
        for parameter, hint in typing.get_type_hints(function).items():
            if parameter == "return":
                continue
            yield hint
            for cls in _hirelink_classes(hint):
                if typing.is_typeddict(cls):
                    yield from typing.get_type_hints(cls).values()


@pytest.mark.parametrize("client", [sync for sync, _, _ in PAIRS], ids=lambda c: c.__name__)
def test_every_value_alias_a_client_takes_is_exported(client: type) -> None:
    # The aliases are defined in the private _operations module: a user annotating a
    # value they pass on (a language, an offer kind) imports them from the package.
    package_name = client.__module__.rpartition(".")[0]
    package = importlib.import_module(package_name)
    operations = importlib.import_module(f"{package_name}._operations")
    aliases = {
        name: value
        for name, value in vars(operations).items()
        if not name.startswith("_") and _is_value_alias(value)
    }
    hints = list(_parameter_hints(client))
    taken = {name for name, alias in aliases.items() if any(_takes(h, alias) for h in hints)}
    hidden = sorted(
        name
        for name in taken
        if name not in package.__all__ or getattr(package, name, None) is not aliases[name]
    )
    assert taken
    assert hidden == []


def _typed(offer: Offer, moved: CandidateMoved) -> None:
    assert_type(moved.payload.candidate, MovedCandidate)
    if offer.salary:
        assert_type(offer.salary, OfferSalary)
    recruitee: tuple[OfferKind, OfferScope, OfferViewMode, NoteVisibilityLevel, NoteVisibility]
    recruitee = ("talent_pool", "active", "brief", "private", NoteVisibility(level="private"))
    join: tuple[HiringState, Source] = ("HIRED", "REFERRALS")
    personio: tuple[Language, SystemPhaseName, WebhookAuth] = ("en", "offer", "TOKEN")
    partners: tuple[KindName, InputKindName, StatusName] = ("assessment", "email", "completed")
    print(recruitee, join, personio, partners)
