"""``help()``, ``inspect.signature`` and IPython's completion see the real operations.

Every operation of every client is checked on the class and on an instance, sync and
async: the builder's parameters and the result type (``-> CandidateList``; awaited on the
async client; ``Generator[T, None, None]`` / ``AsyncGenerator[T, None]`` for walkers and
watchers, so ``contextlib.closing`` / ``aclosing`` type-check). Completion is checked
the way IPython and Jupyter compute it: ``jedi.Interpreter`` over the user's namespace.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import pkgutil
import pydoc
import sys
import typing
from collections.abc import AsyncGenerator, Generator, Iterator
from typing import Any

import jedi  # type: ignore[import-untyped]
import pydantic
import pytest

from hirelink.api.recruitee.models import CandidateList, CandidateListItem
from hirelink.core import AsyncProviderClient, Call, ProviderClient, Walk
from hirelink.core.operations import (
    NOT_GIVEN,
    Declaration,
    Operation,
    Walker,
    Watcher,
    declarations,
)
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.sandbox import StandIn

from .test_declarations import PAIRS

# Walkers and watchers give iterators (async iterators on the async client), not awaitables.
ITERATING = (Walker, Watcher)


def _every_operation() -> list[tuple[type, type, dict[str, Any], str, Declaration[Any, Any]]]:
    return [
        (sync, asynchronous, arguments, name, declaration)
        for sync, asynchronous, arguments in PAIRS
        for name, declaration in declarations(sync).items()
    ]


OPERATIONS = _every_operation()


def _builder_parameters(declaration: Declaration[Any, Any]) -> list[str]:
    """The builder's parameters after ``self``; a ``**filters: Unpack[Filters]`` as the
    keys of ``Filters`` (what IPython completes)."""
    hints = typing.get_type_hints(declaration.build)
    names: list[str] = []
    for name, parameter in list(inspect.signature(declaration.build).parameters.items())[1:]:
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            (typed_dict,) = typing.get_args(hints[name])
            names.extend(typing.get_type_hints(typed_dict))
        else:
            names.append(name)
    return names


def _expected_return(declaration: Declaration[Any, Any], asynchronous: bool) -> Any:
    item = declaration.result_type
    if isinstance(declaration, ITERATING):
        return AsyncGenerator[item, None] if asynchronous else Generator[item, None, None]  # type: ignore[valid-type]
    if item is type(None):
        return None  # what a def returning nothing shows
    return item  # an async method shows what awaiting it gives, as `async def` does


@pytest.mark.parametrize(
    ("sync", "asynchronous", "arguments", "name", "declaration"),
    OPERATIONS,
    ids=[f"{sync.__name__}.{name}" for sync, _, _, name, _ in OPERATIONS],
)
def test_signature_on_the_class_and_on_an_instance(
    sync: type[ProviderClient],
    asynchronous: type[AsyncProviderClient],
    arguments: dict[str, Any],
    name: str,
    declaration: Declaration[Any, Any],
) -> None:
    parameters = _builder_parameters(declaration)
    assert declaration.result_type not in (Any, None, inspect.Signature.empty)
    assert not isinstance(declaration.result_type, type) or not issubclass(
        declaration.result_type, Call | Walk
    )
    with sync(**arguments) as sync_client:
        async_client = asynchronous(**arguments)
        for owner, instance, is_async in (
            (sync, sync_client, False),
            (asynchronous, async_client, True),
        ):
            on_class = inspect.signature(getattr(owner, name))
            on_instance = inspect.signature(getattr(instance, name))
            expected = _expected_return(declaration, is_async)
            assert list(on_class.parameters) == ["self", *parameters], (owner, name)
            assert list(on_instance.parameters) == parameters, (owner, name)
            assert on_class.return_annotation == expected, (owner, name)
            assert on_instance.return_annotation == expected, (owner, name)
            awaited = is_async and not isinstance(declaration, ITERATING)
            assert inspect.iscoroutinefunction(getattr(owner, name)) is awaited, (owner, name)
            assert inspect.iscoroutinefunction(getattr(instance, name)) is awaited, (owner, name)


def test_the_declaring_class_still_holds_the_declaration() -> None:
    from hirelink.recruitee._operations import RecruiteeOperations

    assert isinstance(vars(RecruiteeOperations)["list_candidates"], Declaration)
    assert RecruiteeOperations.get_candidate is vars(RecruiteeOperations)["get_candidate"]


def test_concrete_result_types() -> None:
    assert inspect.signature(Recruitee.list_candidates).return_annotation is CandidateList
    assert inspect.signature(AsyncRecruitee.list_candidates).return_annotation is CandidateList
    client = AsyncRecruitee(company_id=1, token="t0ken-value")
    walker = inspect.signature(client.iter_candidates).return_annotation
    assert walker == AsyncGenerator[CandidateListItem, None]


def test_an_operation_returning_nothing_shows_none_as_a_def_does() -> None:
    from hirelink.personio import AsyncPersonio, Personio

    for method in (Personio.delete_webhook, AsyncPersonio.delete_webhook):
        assert inspect.signature(method).return_annotation is None
        assert str(inspect.signature(method)).endswith("-> None")


def test_a_walk_closes_early_under_contextlib_closing(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    # The docs close watches and walks left early with closing/aclosing, which a type
    # checker accepts only for a generator (an Iterator has no close()).
    with (
        Recruitee(**recruitee_sandbox_session.client_kwargs()) as recruitee,
        contextlib.closing(recruitee.iter_candidates(page_size=1)) as candidates,
    ):
        first = next(candidates)
    assert isinstance(first, CandidateListItem)
    assert inspect.getgeneratorstate(candidates) == inspect.GEN_CLOSED


@pytest.mark.anyio
async def test_an_async_walk_closes_early_under_contextlib_aclosing(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    kwargs = recruitee_sandbox_session.client_kwargs()
    async with (
        AsyncRecruitee(**kwargs) as recruitee,
        contextlib.aclosing(recruitee.iter_candidates(page_size=1)) as candidates,
    ):
        first = await anext(candidates)
    assert isinstance(first, CandidateListItem)
    with pytest.raises(StopAsyncIteration):  # closed: it fetches nothing more
        await anext(candidates)


def test_help_shows_the_parameters_and_the_result() -> None:
    for target in (Recruitee.list_candidates, AsyncRecruitee.list_candidates):
        # Python 3.13 lays long signatures out one parameter a line.
        text = " ".join(pydoc.plain(pydoc.render_doc(target)).split())
        assert "Operation object" not in text
        assert "list_candidates(" in text
        assert "self, *, limit: int | None = None, offset: int | None = None" in text
        assert "-> hirelink.api.recruitee.models.candidate_list.CandidateList" in text
        assert "One page of candidates" in text
    async_text = pydoc.plain(pydoc.render_doc(AsyncRecruitee.list_candidates))
    assert "async list_candidates" in async_text
    class_text = " ".join(pydoc.plain(pydoc.render_doc(Recruitee)).split())
    assert "update_candidate(" in class_text
    assert "candidate_id: int" in class_text


def _complete(code: str, namespace: dict[str, Any]) -> set[str]:
    lines = code.splitlines()
    completions = jedi.Interpreter(code, [namespace]).complete(len(lines), len(lines[-1]))
    return {completion.name for completion in completions}


def test_ipython_completes_the_attributes_of_a_sync_result() -> None:
    with Recruitee(company_id=1, token="t0ken-value") as client:
        offered = _complete("page = client.list_candidates()\npage.", {"client": client})
    assert {"candidates", "references", "to_dict"} <= offered
    assert "__await__" not in offered  # not mistaken for the async client's awaitable


def test_ipython_completes_filter_and_field_keywords() -> None:
    """The keys of ``**filters: Unpack[CandidateFilters]`` (and ``**fields``) were not
    offered: only the named parameters (``offset=``) were."""
    with Recruitee(company_id=1, token="t0ken-value") as client:
        namespace = {"client": client, "aclient": AsyncRecruitee(company_id=1, token="t")}
        assert "created_after=" in _complete("client.list_candidates(crea", namespace)
        assert "name=" in _complete("client.update_candidate(1, na", namespace)
        assert "created_after=" in _complete("aclient.list_candidates(crea", namespace)
    shown = pydoc.plain(pydoc.render_doc(Recruitee.list_candidates))
    assert "created_after: datetime.datetime | datetime.date | None = ..." in shown


def test_ipython_completes_the_attributes_of_an_awaited_result() -> None:
    # IPython runs top-level await; Jedi reads it inside an async function alike.
    client = AsyncRecruitee(company_id=1, token="t0ken-value")
    code = "async def main():\n    page = await aclient.list_candidates()\n    page."
    assert {"candidates", "references"} <= _complete(code, {"aclient": client})
    top_level = "page = await aclient.list_candidates()\npage."
    assert "candidates" in _complete(top_level, {"aclient": client})


def test_ipython_completes_the_items_of_a_walker() -> None:
    with Recruitee(company_id=1, token="t0ken-value") as client:
        code = "for candidate in client.iter_candidates():\n    candidate."
        assert "emails" in _complete(code, {"client": client})


@pytest.mark.parametrize(("sync", "asynchronous", "_"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_get_type_hints_reads_every_declared_method(
    sync: type, asynchronous: type, _: object
) -> None:
    # Tools built on typing.get_type_hints (pydantic's validate_call, doc generators)
    # must resolve **filters: Unpack[...] and every other annotation of the builders.
    for cls in (sync, asynchronous):
        for name, declaration in declarations(cls).items():
            hints = typing.get_type_hints(getattr(cls, name))
            assert "return" in hints, f"{cls.__name__}.{name}"
            for parameter in _builder_parameters(declaration):
                assert parameter in hints, f"{cls.__name__}.{name}({parameter})"


# Every hirelink package but the generated clients (hirelink.api).
HAND_WRITTEN_PACKAGES = tuple(
    f"hirelink.{package.name}"
    for package in pkgutil.iter_modules(importlib.import_module("hirelink").__path__)
    if package.name != "api"
)


def _public_callables() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for package_name in HAND_WRITTEN_PACKAGES:
        package = importlib.import_module(package_name)
        names = [package_name] + [
            f"{package_name}.{module.name}"
            for module in pkgutil.iter_modules(package.__path__)
            if not module.name.startswith("_")
        ]
        for module_name in names:
            module = importlib.import_module(module_name)
            for name in getattr(module, "__all__", []):
                value = getattr(module, name)
                if inspect.isfunction(value):
                    found.append((f"{module_name}.{name}", value))
                elif inspect.isclass(value) and value.__module__.startswith("hirelink."):
                    found += [
                        (f"{module_name}.{name}.{member}", function)
                        for member, function in vars(value).items()
                        if inspect.isfunction(function) and not member.startswith("_")
                    ]
    return found


def test_type_hints_of_every_public_function_resolve() -> None:
    # Tools that evaluate annotations at run time (pydantic's validate_call, typer, the
    # docs) need every name an annotation uses importable from its module.
    unresolved = []
    checked = _public_callables()
    for name, function in checked:
        try:
            typing.get_type_hints(function)
        except NameError as error:
            unresolved.append(f"{name}: {error}")
    assert len(checked) > 100
    assert unresolved == []


def _classes_named_in(hint: object) -> Iterator[type]:
    """The hirelink classes an annotation names, through unions, generics, Unpack and the
    fields of a TypedDict (a ``**filters`` argument's)."""
    if isinstance(hint, type) and hint.__module__.startswith("hirelink."):
        yield hint
        if typing.is_typeddict(hint):
            for field in typing.get_type_hints(hint).values():
                yield from _classes_named_in(field)
    for argument in typing.get_args(hint):
        yield from _classes_named_in(argument)


@pytest.mark.parametrize("client", [sync for sync, _, _ in PAIRS], ids=lambda c: c.__name__)
def test_every_type_a_client_method_takes_or_returns_is_exported(client: type) -> None:
    # A user annotating their own code imports these from the provider's package (or
    # hirelink.core for the shared ones), not from a private module.
    import hirelink.core

    module = importlib.import_module(client.__module__.rpartition(".")[0])
    methods = [
        function
        for name, function in inspect.getmembers(client)
        if callable(function) and not name.startswith("_")
    ]
    named = {
        cls
        for function in methods
        for hint in typing.get_type_hints(function).values()
        for cls in _classes_named_in(hint)
    }
    hidden = sorted(
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in named
        if getattr(module, cls.__name__, None) is not cls
        and getattr(hirelink.core, cls.__name__, None) is not cls
    )
    assert len(named) > 5
    assert hidden == []


def test_a_call_through_the_signatures_defaults_sends_only_what_was_given(
    recruitee_sandbox: StandIn[Any],
) -> None:
    """Decorators and tool wrappers call through ``bind(...).apply_defaults()`` (pydantic's
    validate_call alike): the ``...`` of each filter left out reached the builder, which
    refused it (``created_after: must be a datetime or date, got a _NotGiven``)."""
    with Recruitee(**recruitee_sandbox.client_kwargs()) as recruitee:
        candidate_id = recruitee.list_candidates(limit=1).candidates[0].id
        calls: tuple[tuple[Any, dict[str, Any]], ...] = (
            (recruitee.list_candidates, {"limit": 2}),
            (recruitee.iter_candidates, {"page_size": 2}),
            (recruitee.update_candidate, {"candidate_id": candidate_id, "name": "Bound Name"}),
        )
        for method, arguments in calls:
            bound = inspect.signature(method).bind(**arguments)
            bound.apply_defaults()
            result = method(*bound.args, **bound.kwargs)
            if inspect.isgenerator(result):
                result = next(result)
            assert result is not None, method
        sent = recruitee_sandbox.sandbox.recorder.last("PATCH")
        assert sent is not None
        assert sent.json() == {"candidate": {"name": "Bound Name"}}  # nothing else
        validated = pydantic.validate_call(recruitee.list_candidates)
        assert len(validated(limit=3, qualified=True).candidates) == 3
        with pytest.raises(pydantic.ValidationError, match="created_after"):
            validated(created_after="not a time")  # type: ignore[arg-type]


def _typed_dict_module(tmp_path: Any, monkeypatch: pytest.MonkeyPatch, source: str) -> Any:
    path = tmp_path / "declared_here.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("declared_here", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "declared_here", module)  # for get_type_hints
    spec.loader.exec_module(module)
    return module


def test_keyword_parameters_under_postponed_annotations_and_unusual_keys(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _typed_dict_module(
        tmp_path,
        monkeypatch,
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING, NotRequired, Required, TypedDict, Unpack\n"
        "if TYPE_CHECKING:\n"
        "    from decimal import Decimal\n"
        "class Marked(TypedDict, total=False):\n"
        "    must: Required[int]\n"
        "    plain: str\n"
        "class Unseen(TypedDict, total=False):\n"
        "    amount: Decimal\n"
        "Reserved = TypedDict('Reserved', {'from': str}, total=False)\n"
        "class Repeated(TypedDict, total=False):\n"
        "    limit: int\n"
        "def marked(self, **fields: Unpack[Marked]) -> int: ...\n"
        "def unseen(self, **filters: Unpack[Unseen]) -> int: ...\n"
        "def reserved(self, **filters: Unpack[Reserved]) -> int: ...\n"
        "def repeated(self, *, limit: int = 1, **filters: Unpack[Repeated]) -> int: ...\n",
    )
    shown = inspect.signature(Operation(module.marked, None).method(False)).parameters
    assert shown["must"].default is inspect.Parameter.empty  # Required: no `= ...`
    assert shown["plain"].default is NOT_GIVEN
    for build in (module.unseen, module.reserved, module.repeated):
        method = Operation(build, None).method(False)  # no ValueError
        assert "filters" in inspect.signature(method).parameters  # shown as written
        assert "filters" in typing.get_type_hints(method)  # no NameError
