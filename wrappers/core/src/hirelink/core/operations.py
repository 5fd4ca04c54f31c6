"""One declaration per operation: the sync method, the async method and the catalog entry.

A provider writes each operation once, as a request builder on a class both of its
clients inherit: the builder validates the arguments and returns what to send, a
:class:`~hirelink.core.calls.Call`, a :data:`Flow` of calls, or a :class:`Walk` over
pages. :func:`operation` and :func:`walker` turn the builder into a descriptor whose
``__get__`` gives ``Callable[P, T]`` on a :class:`~hirelink.core.clients.ProviderClient`
and ``Callable[P, CoroutineType[object, None, T]]`` (a coroutine, what an ``async def`` gives;
or an async iterator) on an :class:`~hirelink.core.clients.AsyncProviderClient`, so mypy
and IDEs see the builder's own parameters and docstring on both clients. At run time the
descriptor hands out real methods with the same signature and result type (see
:class:`Declaration`). The catalog, the demo and the docs read titles, examples, required
credentials and types from the same descriptors.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import (
    AsyncGenerator,
    Callable,
    Collection,
    Generator,
    Iterator,
    Mapping,
)
from types import MethodType
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Concatenate,
    Final,
    Generic,
    NotRequired,
    ParamSpec,
    Required,
    Self,
    TypeVar,
    Unpack,
    get_args,
    get_origin,
    get_type_hints,
    overload,
)

from attrs import frozen

if TYPE_CHECKING:
    from types import CoroutineType
else:  # types.CoroutineType takes no [...] at run time before 3.13: get_type_hints() would fail
    from collections.abc import Coroutine as CoroutineType

from .calls import Call, Flow, Walk
from .clients import AsyncProviderClient, ProviderClient
from .errors import InvalidInputError, UnknownArgumentError, did_you_mean
from .feeds import Feed

P = ParamSpec("P")
T = TypeVar("T")

_BY_KEYWORD: Final = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


class _NotGiven:
    """The default a signature shows for a keyword that may be left out (``= ...``): what
    is left out is not sent, which no real default would say."""

    def __repr__(self) -> str:
        return "..."


NOT_GIVEN: Final = _NotGiven()
"""The default of a keyword an operation leaves out of its request unless given (shown as
``...`` in a signature)."""


def _given(arguments: dict[str, Any]) -> dict[str, Any]:
    """``arguments`` without those left at :data:`NOT_GIVEN`: a tool that fills in the
    signature's defaults (``BoundArguments.apply_defaults``, pydantic's ``validate_call``)
    passes them."""
    if not any(value is NOT_GIVEN for value in arguments.values()):
        return arguments
    return {name: value for name, value in arguments.items() if value is not NOT_GIVEN}


def _reusable(argument: Any) -> Any:
    """``argument``, read into a list if it is a one-shot iterator (a generator, ``map``,
    ``iter()``): a walk builds its first page's request once to check the arguments
    before it sends anything, then again for each page (a watch: each poll). A generator
    read by the check left the pages nothing (``ids: must contain at least one id``)."""
    return list(argument) if isinstance(argument, Iterator) else argument


def keyword_parameters(typed_dict: Any) -> list[inspect.Parameter]:
    """The keys of ``**kwargs: Unpack[typed_dict]`` as keyword-only parameters, for the
    signature ``help()``, IPython's completion and the docs show; the optional ones default
    to :data:`NOT_GIVEN`. Raises NameError when a key's annotation names what is imported
    only for type checkers, ValueError when a key is no parameter name (``from``)."""
    parameters = []
    required_keys = getattr(typed_dict, "__required_keys__", ())
    for name, hint in get_type_hints(typed_dict, include_extras=True).items():
        # Under postponed annotations __required_keys__ misses Required[...] and
        # NotRequired[...]: the hint still carries them.
        required = name in required_keys
        if get_origin(hint) in (Required, NotRequired):
            required = get_origin(hint) is Required
            hint = get_args(hint)[0]
        default = inspect.Parameter.empty if required else NOT_GIVEN
        parameters.append(
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, annotation=hint, default=default
            )
        )
    return parameters


# Jedi (IPython, Jupyter) reads the descriptors below statically. It solves the result type
# only when declarations are generic in [T, P] (result first), and it picks the overload of
# an instance only when ``owner`` is annotated ``object``. An async method gives
# ``types.CoroutineType`` (what an ``async def`` returns at run time, and pyright's type of
# it): Jedi sees the awaited result through it, not through ``typing.Coroutine``, and
# pyright reports one left unawaited, which it does for no subclass of either.


@frozen
class CatalogEntry:
    """What the operations catalog shows for an operation."""

    title: str
    example: Mapping[str, Any]
    """Inputs that work against a freshly started sandbox stand-in; the catalog tests, the
    demo and the docs all run them."""


def require_credentials(client: object, operation: str, names: Collection[str]) -> None:
    """Raise :class:`InvalidInputError` naming the first of ``names`` the client lacks.

    The client lists what it was given in ``credentials_given`` and may say where each
    credential is found in ``credential_hints``.
    """
    given: Collection[str] = getattr(client, "credentials_given", ())
    for name in names:
        if name not in given:
            hints: Mapping[str, str] = getattr(client, "credential_hints", {})  # built per read
            where = hints.get(name)
            found = f"find it under {where}" if where else "none was given"
            raise InvalidInputError(name, f"{operation} needs {name}=; {found}")


def _requiring(
    build: Callable[Concatenate[Any, P], T], names: tuple[str, ...]
) -> Callable[Concatenate[Any, P], T]:
    """``build``, then a check that the client holds the credentials ``names``.

    The arguments are checked first, so a bad argument is reported even when a
    credential is missing too; either way nothing has been sent.
    """

    @functools.wraps(build)
    def checked(client: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        built = build(client, *args, **kwargs)
        require_credentials(client, build.__name__, names)
        return built

    return checked


class Declaration(Generic[T, P]):
    """What :func:`operation` and :func:`walker` share: the builder and its metadata.

    Read from a client class, a declaration is a real method: a function on a
    :class:`~hirelink.core.clients.ProviderClient`, a coroutine function (or, for a
    walker, a function returning an async iterator) on an
    :class:`~hirelink.core.clients.AsyncProviderClient`, whose signature holds the
    builder's parameters and the result type, so ``help()``, ``inspect.signature`` and
    IPython see the truth. Read from an instance, it is that method bound. Read from the
    class that declares it (``RecruiteeOperations``), it is the declaration itself.
    """

    def __init__(
        self,
        build: Callable[Concatenate[Any, P], Any],
        catalog: CatalogEntry | None,
        *,
        requires: tuple[str, ...] = (),
        reads_files: bool = False,
        renamed: Mapping[str, str] | None = None,
    ) -> None:
        self.build = _requiring(build, requires) if requires else build
        self.catalog = catalog
        self.requires = requires
        """The credentials the client must hold, checked before anything is sent."""
        self.reads_files = reads_files
        """Whether the builder reads files (documents): the async client then runs it on a
        worker thread, so that reading a file does not stall its event loop."""
        self.renamed: Mapping[str, str] = dict(renamed or {})
        """Keywords renamed since hirelink 0.1, old name to new: given the old one, the
        error names the new one."""
        self.name = build.__name__
        self.__doc__ = build.__doc__
        self.__wrapped__ = build
        self._methods: dict[bool, Callable[..., Any]] = {}

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @functools.cached_property
    def result_type(self) -> Any:
        """What a call of the sync method returns (the ``T`` of ``Call[T]``/``Walk[T]``)."""
        returned = get_type_hints(self.build)["return"]
        args = get_args(returned)
        return args[-1] if args else returned

    def returns(self, asynchronous: bool) -> Any:
        """The return annotation of the sync or the async method's signature."""
        raise NotImplementedError

    def _runner(self, asynchronous: bool) -> Callable[..., Any]:
        """A new function running the builder's work on ``self`` (the client)."""
        raise NotImplementedError

    @functools.cached_property
    def _evaluated(self) -> inspect.Signature | None:
        """The builder's signature with its annotations evaluated; None when one names what
        is imported only for type checkers."""
        try:
            return inspect.signature(self.build, eval_str=True)
        except NameError:
            return None

    @functools.cached_property
    def _parameters(self) -> list[inspect.Parameter]:
        """The builder's parameters (``self`` first) as ``help()`` shows them: annotations
        evaluated where possible, and the keys of a ``**filters: Unpack[Filters]`` as
        keyword-only parameters (IPython completes ``created_after=`` from them)."""
        written = inspect.signature(self.build)
        if self._evaluated is None:
            return list(written.parameters.values())
        parameters: list[inspect.Parameter] = []
        for name, parameter in self._evaluated.parameters.items():
            if get_origin(parameter.annotation) is not Unpack:
                parameters.append(parameter)
                continue
            try:
                keys = keyword_parameters(get_args(parameter.annotation)[0])
                inspect.Signature([*parameters, *keys])  # a key named as a parameter
            except (NameError, ValueError):
                # Python 3.11 shows an evaluated ``Unpack[Filters]`` as ``*<class ...>``.
                parameters.append(written.parameters[name])
            else:
                parameters.extend(keys)
        return parameters

    @functools.cached_property
    def keywords(self) -> frozenset[str] | None:
        """The names the builder takes by keyword (a ``**filters: Unpack[Filters]``'s keys
        included); None when it takes any."""
        signature = self._evaluated
        if signature is None:  # names imported only for type checkers: the names still hold
            signature = inspect.signature(self.build)
        names: set[str] = set()
        # The first parameter is the client.
        for parameter in list(signature.parameters.values())[1:]:
            if parameter.kind is inspect.Parameter.VAR_KEYWORD:
                hint = parameter.annotation
                if get_origin(hint) is not Unpack:  # also when left unevaluated
                    return None
                (typed,) = get_args(hint)
                names |= typed.__required_keys__ | typed.__optional_keys__
            elif parameter.kind in _BY_KEYWORD:
                names.add(parameter.name)
        return frozenset(names)

    def refuse_unknown_keywords(self, given: Collection[str], *, passed_on: bool = True) -> None:
        """Raise :class:`UnknownArgumentError` for the first of ``given`` the builder does not
        take, naming its new name when it was renamed since hirelink 0.1, else the closest
        one; Python's own ``unexpected keyword argument`` names neither. ``passed_on=False``
        leaves the keywords a ``**kwargs`` would take to the builder (renamed ones aside)."""
        keywords = self.keywords
        if keywords is None:
            return
        unknown = sorted(set(given) - keywords)
        if not unknown:
            return
        name = unknown[0]
        problem = f"is not an argument of {self.name}"
        new_name = self.renamed.get(name)
        if new_name in keywords:
            renamed = f"it was renamed '{new_name}' in hirelink 0.2"
            raise UnknownArgumentError(name, f"{problem}; {renamed}")
        # Read here, on the way to an error: a builder taking **kwargs (filters, changes)
        # checks those itself, but a misspelt named parameter (`nmae=`) it never sees, and
        # Python said only that `name` was missing.
        parameters = list(inspect.signature(self.build).parameters.values())[1:]
        passes_on = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)
        named = [p.name for p in parameters if p.kind in _BY_KEYWORD]
        if passed_on or not passes_on or did_you_mean(name, named):
            raise UnknownArgumentError.among(name, keywords, problem)

    def method(self, asynchronous: bool) -> Callable[..., Any]:
        """The sync (or async) client's method, unbound; made once."""
        made = self._methods.get(asynchronous)
        if made is None:
            made = self._methods[asynchronous] = self._make_method(asynchronous)
        return made

    def _make_method(self, asynchronous: bool) -> Callable[..., Any]:
        method = self._runner(asynchronous)
        method.__name__ = self.name
        method.__qualname__ = f"{self.build.__qualname__.rpartition('.')[0]}.{self.name}".lstrip(
            "."
        )
        method.__module__ = self.build.__module__
        method.__doc__ = self.build.__doc__
        # Deliberately no __wrapped__: Jedi would follow it to the builder's source and
        # take its ``Call[...]`` for the result.
        method.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            self._parameters, return_annotation=self.returns(asynchronous)
        )
        # Evaluated, so that typing.get_type_hints (and tools built on it) need not resolve
        # the builder's names in this module.
        evaluated = {} if self._evaluated is None else self._evaluated.parameters
        annotations = {
            parameter.name: (evaluated.get(parameter.name) or parameter).annotation
            for parameter in self._parameters
            if parameter.annotation is not inspect.Parameter.empty
        }
        method.__annotations__ = {**annotations, "return": self.returns(asynchronous)}
        return method

    def _get(self, instance: object, owner: Any) -> Any:
        if instance is None:
            if issubclass(owner, AsyncProviderClient):
                return self.method(True)
            if issubclass(owner, ProviderClient):
                return self.method(False)
            return self
        return MethodType(self.method(isinstance(instance, AsyncProviderClient)), instance)


class Operation(Declaration[T, P]):
    """An operation answered by one call or a flow of calls."""

    def prepare(self, instance: Any, /, *args: P.args, **kwargs: P.kwargs) -> Call[T]:
        """The call of a single-call operation, for another operation to build on."""
        built = self.build(instance, *args, **kwargs)
        if not isinstance(built, Call):
            raise TypeError(f"{self.name} is a flow of calls, not one call")
        return built

    def returns(self, asynchronous: bool) -> Any:
        # An async method's signature shows what awaiting it gives, as ``async def`` does;
        # a call returning nothing shows ``-> None``, as a def does, not ``-> NoneType``.
        return None if self.result_type is type(None) else self.result_type

    def _runner(self, asynchronous: bool) -> Callable[..., Any]:
        build = self.build
        # A builder taking **kwargs checks them itself (``Inputs.wire``), with its own words.
        refuse_unknown = functools.partial(self.refuse_unknown_keywords, passed_on=False)
        if asynchronous and self.reads_files:

            async def arun_reading(self: AsyncProviderClient, /, *args: Any, **kwargs: Any) -> Any:
                from .threads import REQUEST_THREADS  # anyio, when an async call is made

                refuse_unknown(kwargs)
                built = functools.partial(build, self, *args, **_given(kwargs))
                del args, kwargs
                call = await REQUEST_THREADS.run(built)
                del built
                return await self._perform(call)

            return arun_reading
        # The arguments are dropped once the call is built: this frame stays on the stack
        # while the request runs, and an error tracker sending frames' locals would send
        # them (a webhook's token, custom header values).
        if asynchronous:

            async def arun(self: AsyncProviderClient, /, *args: Any, **kwargs: Any) -> Any:
                refuse_unknown(kwargs)
                call = build(self, *args, **_given(kwargs))
                del args, kwargs
                return await self._perform(call)

            return arun

        def run(self: ProviderClient, /, *args: Any, **kwargs: Any) -> Any:
            refuse_unknown(kwargs)
            call = build(self, *args, **_given(kwargs))
            del args, kwargs
            return self._perform(call)

        return run

    @overload
    def __get__(
        self, instance: None, owner: type[AsyncProviderClient]
    ) -> Callable[Concatenate[AsyncProviderClient, P], CoroutineType[object, None, T]]: ...

    @overload
    def __get__(
        self, instance: None, owner: type[ProviderClient]
    ) -> Callable[Concatenate[ProviderClient, P], T]: ...

    @overload
    def __get__(self, instance: None, owner: type) -> Operation[T, P]: ...

    @overload
    def __get__(self, instance: ProviderClient, owner: object) -> Callable[P, T]: ...

    @overload
    def __get__(
        self, instance: AsyncProviderClient, owner: object
    ) -> Callable[P, CoroutineType[object, None, T]]: ...

    def __get__(self, instance: object, owner: Any) -> Any:
        return self._get(instance, owner)


class _Iterating(Declaration[T, P]):
    """What walkers and watchers share: built over another declaration, whose credentials
    they require, and run by a client method (``_walk``, ``_watch``) into an iterator (an
    async iterator on the async client)."""

    _driver: ClassVar[str]

    def __init__(
        self, build: Callable[Concatenate[Any, P], Any], walks: Declaration[Any, Any]
    ) -> None:
        # A walker takes its list's filters, renamed ones too (a rename whose new name the
        # builder does not take, a watch's, is not offered).
        super().__init__(build, None, requires=walks.requires, renamed=walks.renamed)
        self.walks = walks
        """The declaration whose pages this one fetches."""

    def returns(self, asynchronous: bool) -> Any:
        item = self.result_type
        if asynchronous:
            return AsyncGenerator[item, None]  # type: ignore[valid-type]
        return Generator[item, None, None]  # type: ignore[valid-type]

    @overload
    def __get__(
        self, instance: None, owner: type[AsyncProviderClient]
    ) -> Callable[Concatenate[AsyncProviderClient, P], AsyncGenerator[T, None]]: ...

    @overload
    def __get__(
        self, instance: None, owner: type[ProviderClient]
    ) -> Callable[Concatenate[ProviderClient, P], Generator[T, None, None]]: ...

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...

    @overload
    def __get__(
        self, instance: ProviderClient, owner: object
    ) -> Callable[P, Generator[T, None, None]]: ...

    @overload
    def __get__(
        self, instance: AsyncProviderClient, owner: object
    ) -> Callable[P, AsyncGenerator[T, None]]: ...

    def __get__(self, instance: object, owner: Any) -> Any:
        return self._get(instance, owner)

    def _runner(self, asynchronous: bool) -> Callable[..., Any]:
        build, driver = self.build, self._driver
        refuse_unknown = self.refuse_unknown_keywords

        def iterate(self: Any, /, *args: Any, **kwargs: Any) -> Any:
            # The builder hands its filters on to the list operation, which also takes the
            # paging arguments the builder sets itself: those are refused here, by name.
            kwargs = _given(kwargs)
            refuse_unknown(kwargs)
            args = tuple(_reusable(value) for value in args)
            kwargs = {key: _reusable(value) for key, value in kwargs.items()}
            return getattr(self, driver)(build(self, *args, **kwargs))

        return iterate


class Walker(_Iterating[T, P]):
    """An operation that yields every item of a paged list, lazily."""

    _driver = "_walk"


class Watcher(_Iterating[T, P]):
    """A change feed over a list operation (:mod:`hirelink.core.feeds`): polls, yields."""

    _driver = "_watch"


def operation(
    title: str | None = None,
    *,
    example: Mapping[str, Any] | None = None,
    requires: tuple[str, ...] = (),
    reads_files: bool = False,
    renamed: Mapping[str, str] | None = None,
) -> Callable[[Callable[Concatenate[Any, P], Call[T] | Flow[T]]], Operation[T, P]]:
    """Declare an operation; with a ``title`` it is also listed in the catalog.

    ``example`` holds inputs that work against a freshly started sandbox stand-in;
    ``requires`` names the credentials the client must hold (see
    :func:`require_credentials`), checked before anything is sent; ``reads_files`` says
    that the builder reads files (:class:`~hirelink.core.files.Document`), which the async
    client then does on a worker thread; ``renamed`` maps keywords renamed since hirelink
    0.1 to their new names, which the error for an old one gives (walkers over the
    operation too).
    """

    def declare(build: Callable[Concatenate[Any, P], Call[T] | Flow[T]]) -> Operation[T, P]:
        entry = None if title is None else CatalogEntry(title, example or {})
        return Operation(build, entry, requires=requires, reads_files=reads_files, renamed=renamed)

    return declare


def walker(
    walks: Operation[Any, Any],
) -> Callable[[Callable[Concatenate[Any, P], Walk[T]]], Walker[T, P]]:
    """Declare a walker over every page of the list operation ``walks``.

    It requires what ``walks`` requires, and the catalog offers it as that operation's
    ``--all``.
    """

    def declare(build: Callable[Concatenate[Any, P], Walk[T]]) -> Walker[T, P]:
        return Walker(build, walks)

    return declare


def watcher(
    walks: Walker[Any, Any],
) -> Callable[[Callable[Concatenate[Any, P], Feed[T]]], Watcher[T, P]]:
    """Declare a ``watch_*`` method: a change feed over ``walks``'s filtered pages.

    The builder returns a :class:`~hirelink.core.feeds.Feed` (``Feed.declare``): the
    list's walk from a moment, the timestamp and the id of a record. The catalog leaves
    watches out (they never end); it requires what the walker requires.
    """

    def declare(build: Callable[Concatenate[Any, P], Feed[T]]) -> Watcher[T, P]:
        return Watcher(build, walks)

    return declare


def declarations(cls: type) -> dict[str, Declaration[Any, Any]]:
    """Every operation and walker a client class declares, by method name, in order."""
    found: dict[str, Declaration[Any, Any]] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Declaration):
                found[name] = value
    return found
