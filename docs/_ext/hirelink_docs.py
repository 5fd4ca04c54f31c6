"""The hirelink docs' Sphinx extension: the API reference of a distribution, operations
with their real signatures, references to re-exported names, and the completeness check.

- ``.. hirelink-package:: hirelink.recruitee`` documents a package and every public
  module under it (a name starting with ``_`` is private), each object where it is
  defined; a package's ``__init__`` adds only what its private modules define.
- Operations are descriptors (:mod:`hirelink.core.operations`), which autodoc does not
  see as methods, and whose static annotation is ``Call[T]``. A client class is rendered
  with one ``py:method`` per declaration: the builder's parameters (a ``**kwargs:
  Unpack[TypedDict]`` spelled out as keyword-only parameters) and the result a caller
  gets, read from ``Declaration.result_type`` (awaited on async clients, an iterator for
  walkers).
- Annotations name an object by its defining module (``hirelink.core.errors.ApiError``);
  docstrings often by where users import it (``hirelink.core.ApiError``). A reference
  that finds no target is resolved to the documented object of the same name whose
  module shares the longest prefix with it; one that matches nothing stays broken, and
  the strict build fails on it. So does a ``:data:`` reference to a constant of ours
  that exists but has no entry (automodule documents a value only with a doc comment,
  and in a module with ``__all__`` only one listed there).
- When the build ends, every public module of every distribution must have been
  documented: a missing one is a warning (so an error in the strict build).
- ``.. hirelink-breaking:: 0.2.0`` lists, per distribution, the entries of that
  version's changelog section that say "Breaking": the upgrade guide is read from the
  changelogs, never restated.
"""

from __future__ import annotations

import ast
import builtins
import functools
import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
import weakref
from collections.abc import Iterator
from types import ModuleType
from typing import (
    Any,
    ParamSpec,
    TypeVar,
    Unpack,
    get_args,
    get_origin,
    get_type_hints,
)

import attrs
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.python import ObjectEntry, PythonDomain
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.ext.napoleon.docstring import GoogleDocstring
from sphinx.pycode import ModuleAnalyzer
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docstrings import prepare_docstring
from sphinx.util.docutils import SphinxDirective
from sphinx.util.inspect import object_description
from sphinx.util.typing import stringify_annotation

from hirelink.core.clients import AsyncProviderClient
from hirelink.core.operations import Declaration, declarations, keyword_parameters

logger = logging.getLogger(__name__)

# The namespace packages whose public modules the reference must cover.
ROOTS = (
    "hirelink.core",
    "hirelink.recruitee",
    "hirelink.join",
    "hirelink.personio",
    "hirelink.recruitee_partners",
    "hirelink.operations",
    "hirelink.cli",
    "hirelink.sandbox",
    "hirelink.api.recruitee",
    "hirelink.api.join",
    "hirelink.api.personio",
    "hirelink.api.recruitee_partners",
)


def is_public(module_name: str) -> bool:
    return not any(part.startswith("_") for part in module_name.split("."))


def public_modules(root: str) -> Iterator[str]:
    """``root`` and every public module below it, in a stable order."""
    package = importlib.import_module(root)
    yield root
    if not hasattr(package, "__path__"):
        return
    found = sorted(info.name for info in pkgutil.walk_packages(package.__path__, prefix=f"{root}."))
    yield from (name for name in found if is_public(name))


def _defining_module(value: Any) -> str | None:
    module = getattr(value, "__module__", None)
    if inspect.isclass(value) or inspect.isfunction(value):
        return module if isinstance(module, str) else None
    return None


def _exported(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return [name for name in vars(module) if not name.startswith("_")]


def _client_classes(module: ModuleType) -> list[str]:
    """Classes defined in ``module`` that declare operations."""
    return [
        name
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and value.__module__ == module.__name__
        and not name.startswith("_")
        and declarations(value)
    ]


def _redundant(module: ModuleType) -> list[str]:
    """Re-exports documented in their own public module already."""
    redundant = []
    for name in _exported(module):
        try:
            value = getattr(module, name)
        except AttributeError:
            continue
        home = _defining_module(value)
        if home and home != module.__name__ and is_public(home):
            redundant.append(name)
    return redundant


def _annotation(annotation: Any) -> str:
    if isinstance(annotation, str):
        return annotation
    return stringify_annotation(annotation, "smart")


def operation_signature(declaration: Declaration[Any, Any], *, is_async: bool) -> str:
    """``(parameters) -> result`` of the method a client gets from ``declaration``."""
    build = declaration.build
    hints = get_type_hints(build, include_extras=True)
    parameters: list[inspect.Parameter] = []
    for parameter in list(inspect.signature(build).parameters.values())[1:]:
        hint = hints.get(parameter.name, parameter.annotation)
        if parameter.kind is inspect.Parameter.VAR_KEYWORD and get_origin(hint) is Unpack:
            parameters.extend(keyword_parameters(get_args(hint)[0]))
            continue
        parameters.append(parameter.replace(annotation=hint))
    rendered = []
    star_written = False
    for parameter in parameters:
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and not star_written:
            rendered.append("*")
            star_written = True
        text = parameter.name
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            text, star_written = f"*{text}", True
        elif parameter.kind is inspect.Parameter.VAR_KEYWORD:
            text = f"**{text}"
        if parameter.annotation is not inspect.Parameter.empty:
            text += f": {_annotation(parameter.annotation)}"
        if parameter.default is not inspect.Parameter.empty:
            text += f" = {parameter.default!r}"
        rendered.append(text)
    result = _annotation(declaration.returns(is_async))
    return f"({', '.join(rendered)}) -> {result}"


def _docstring_lines(app: Sphinx, docstring: str | None) -> list[str]:
    lines = prepare_docstring(docstring or "")
    return str(GoogleDocstring(lines, app.config, app, "method")).splitlines()


def client_class_rst(app: Sphinx, module: str, name: str, cls: type) -> list[str]:
    found = declarations(cls)
    is_async = issubclass(cls, AsyncProviderClient)
    lines = [
        f".. autoclass:: {module}.{name}",
        "   :members:",
        "   :inherited-members:",
        "   :show-inheritance:",
        f"   :exclude-members: {', '.join(found)}",
        "",
    ]
    for method, declaration in found.items():
        lines.append(
            f"   .. py:method:: {method}{operation_signature(declaration, is_async=is_async)}"
        )
        if inspect.iscoroutinefunction(getattr(cls, method)):
            lines.append("      :async:")
        lines.append("")
        title = declaration.catalog.title if declaration.catalog else None
        body = _docstring_lines(app, declaration.__doc__)
        if title:
            body += ["", f"Catalog operation *{title}*."]
        lines += [f"      {line}" if line else "" for line in body]
        lines.append("")
    return lines


def _is_data(value: Any) -> bool:
    return not (inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value))


@functools.cache
def _attribute_docs(module_name: str) -> dict[str, list[str]]:
    """The doc comments (``#:``) and docstrings of ``module_name``'s module-level names."""
    try:
        found = ModuleAnalyzer.for_module(module_name).find_attr_docs()
    except PycodeError:
        return {}
    return {name: list(doc) for (scope, name), doc in found.items() if scope == ""}


@functools.cache
def _all_modules(root: str) -> tuple[str, ...]:
    """Every module of ``root``'s top package, private ones too (where values are
    defined), then of hirelink.core (whose values the others re-export)."""
    found: list[str] = []
    for top in dict.fromkeys([".".join(root.split(".")[:2]), "hirelink.core"]):
        package = importlib.import_module(top)
        found.append(top)
        found += [info.name for info in pkgutil.walk_packages(package.__path__, prefix=f"{top}.")]
    return tuple(found)


def _data_doc(module_name: str, name: str, value: Any) -> list[str]:
    """The doc of a value ``module_name`` exports: where it is defined, which for a
    re-export is another module holding the very same value."""
    own = _attribute_docs(module_name).get(name)
    if own:
        return own
    for other in _all_modules(module_name):
        holder = sys.modules.get(other)
        if holder is not None and getattr(holder, name, None) is value:
            doc = _attribute_docs(other).get(name)
            if doc:
                return doc
    return []


def exported_data_rst(module: ModuleType) -> list[str]:
    """``py:data`` entries for the values in ``module.__all__`` that automodule leaves out:
    it documents a value only when its own module's source holds its doc comment, so a
    re-exported constant (``hirelink.recruitee.RC_BASE_URL``) or one without a comment
    had no entry and no link."""
    if not hasattr(module, "__all__"):
        return []
    lines: list[str] = []
    own_docs = _attribute_docs(module.__name__)
    for name in module.__all__:
        value = getattr(module, name, None)
        # ``Any`` is a class to inspect (3.11+), and automodule skips an alias of it.
        alias_of_any = value is Any
        if not alias_of_any and (not _is_data(value) or name in own_docs):
            continue
        shown = object_description(value)
        lines += [f".. py:data:: {name}", f"   :module: {module.__name__}"]
        # Not an object's <...> repr: it tells nothing (or the build's own state).
        if len(shown) <= 120 and "\n" not in shown and not shown.startswith("<"):
            lines.append(f"   :value: {shown}")
        lines.append("")
        lines += [f"   {line}" if line else "" for line in _data_doc(module.__name__, name, value)]
        lines.append("")
    return lines


def module_rst(app: Sphinx, module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    clients = _client_classes(module)
    excluded = sorted(set(_redundant(module)) | set(clients))
    lines = [f".. automodule:: {module_name}", "   :members:", "   :undoc-members:"]
    if hasattr(module, "__all__"):
        lines.append("   :imported-members:")
    if excluded:
        lines.append(f"   :exclude-members: {', '.join(excluded)}")
    lines.append("")
    lines += exported_data_rst(module)
    for name in clients:
        lines += client_class_rst(app, module_name, name, getattr(module, name))
    return lines


class PackageDirective(SphinxDirective):
    """``.. hirelink-package:: dotted.name``: the package and its public modules."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        root = self.arguments[0]
        container: list[nodes.Node] = []
        for module_name in public_modules(root):
            section = nodes.section(ids=[nodes.make_id(f"module-section-{module_name}")])
            section += nodes.title(text=module_name)
            content = module_rst(self.env.app, module_name)
            section += self.parse_text_to_nodes("\n".join(content))
            container.append(section)
        return container


class CatalogDirective(SphinxDirective):
    """``.. hirelink-catalog::``: every catalog operation, linked to its method."""

    def run(self) -> list[nodes.Node]:
        from hirelink.operations import load_providers

        rows = [
            ".. list-table::",
            "   :header-rows: 1",
            "",
            "   * - id",
            "     - title",
            "     - method",
            "     - summary",
        ]
        for entry in load_providers().operations():
            client = entry.provider.client_class
            method = f"{client.__module__}.{client.__name__}.{entry.method}"
            rows += [
                f"   * - ``{entry.id}``",
                f"     - {entry.title}",
                f"     - :py:meth:`~{method}`",
                f"     - {entry.summary}",
            ]
        return self.parse_text_to_nodes("\n".join(rows))


class CliDirective(SphinxDirective):
    """``.. hirelink-cli::``: the ``--help`` of the ``hirelink`` command and of each of
    its subcommands, as the command prints it (generated, never copied by hand)."""

    def run(self) -> list[nodes.Node]:
        import typer.main
        from typer.testing import CliRunner

        from hirelink.cli.main import app

        runner = CliRunner()
        env = {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
        lines: list[str] = []

        def document(path: list[str], command: Any) -> None:
            result = runner.invoke(app, [*path, "--help"], env=env, prog_name="hirelink")
            title = " ".join(["hirelink", *path])
            anchor = "-".join(["cli", *path]) if path else "cli-hirelink"
            lines.extend([f".. rubric:: {title}", f"   :name: {anchor}", "", "::", ""])
            lines.extend(f"   {line}".rstrip() for line in result.output.splitlines())
            lines.append("")
            for name, sub in sorted(getattr(command, "commands", {}).items()):
                if not getattr(sub, "hidden", False):
                    document([*path, name], sub)

        document([], typer.main.get_command(app))
        return self.parse_text_to_nodes("\n".join(lines))


# The changelogs, in the order docs/changelog.md includes them.
CHANGELOGS = (
    "wrappers/core",
    "wrappers/recruitee",
    "wrappers/recruitee-partners",
    "wrappers/join",
    "wrappers/personio",
    "wrappers/hirelink",
    "sandbox",
    "generated/recruitee",
    "generated/recruitee-partners",
    "generated/join",
    "generated/personio",
)


def breaking_entries(changelog: str, version: str) -> list[str]:
    """The entries (markdown list items, continuation lines kept) of ``version``'s section
    of a changelog that say "Breaking"."""
    section = re.search(
        rf"^## {re.escape(version)}\n(.*?)(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL
    )
    if section is None:
        return []
    entries = re.split(r"^(?=- )", section.group(1), flags=re.MULTILINE)
    return [entry.rstrip() for entry in entries if re.search(r"\bBreaking\b", entry)]


class BreakingDirective(SphinxDirective):
    """``.. hirelink-breaking:: 0.2.0``: each distribution's breaking changes in that
    version, from its changelog (in a MyST page, as markdown)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        version = self.arguments[0]
        root = self.env.srcdir.parent
        lines: list[str] = []
        for folder in CHANGELOGS:
            path = root / folder / "CHANGELOG.md"
            self.env.note_dependency(str(path))
            text = path.read_text(encoding="utf-8")
            entries = breaking_entries(text, version)
            if entries:
                distribution = text.splitlines()[0].removeprefix("# Changelog of ").strip()
                lines += [f"**{distribution}**", "", *entries, ""]
        if not lines:
            raise self.error(f"no changelog says 'Breaking' in a section {version}")
        return self.parse_text_to_nodes("\n".join(lines))


_DOCUMENTED: weakref.WeakKeyDictionary[BuildEnvironment, tuple[int, dict[str, list[str]]]] = (
    weakref.WeakKeyDictionary()
)


def _documented(env: BuildEnvironment) -> dict[str, list[str]]:
    """Documented Python objects by their last name component (indexed once, when the
    first reference is resolved: every object is documented by then). Kept beside the
    environment, not in it: a pickled index outlived the objects of an incremental build
    (a renamed object, the count unchanged)."""
    objects = env.domains.python_domain.objects
    cached = _DOCUMENTED.get(env)
    if cached is None or cached[0] != len(objects):
        by_name: dict[str, list[str]] = {}
        for full_name in objects:
            by_name.setdefault(full_name.rpartition(".")[2], []).append(full_name)
        cached = _DOCUMENTED[env] = (len(objects), by_name)
    return cached[1]


def _shared_prefix(left: str, right: str) -> int:
    count = 0
    for a, b in zip(left.split("."), right.split("."), strict=False):
        if a != b:
            break
        count += 1
    return count


def _is_type_variable(target: str) -> bool:
    module_name, _, name = target.rpartition(".")
    try:
        value = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError):
        return False
    return isinstance(value, TypeVar | ParamSpec)


def _drops_modules_only(target: str, candidate: str) -> bool:
    """``candidate`` is ``target`` with more modules spelled out (a re-export's home)."""
    wanted = target.split(".")
    parts = iter(candidate.split("."))
    return wanted[:2] == candidate.split(".")[:2] and all(part in parts for part in wanted)


def _runtime_object(path: str) -> tuple[bool, Any]:
    """Import ``path`` (module prefix, then attributes); ``(found, value)``."""
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for name in parts[split:]:
                value = getattr(value, name)
        except AttributeError:
            return False, None
        return True, value
    return False, None


@functools.cache
def _type_checking_imports(module: str) -> dict[str, str]:
    """``{name: dotted path}`` of what ``module`` imports under ``if TYPE_CHECKING:`` (read
    once per module; treat the result as read-only)."""
    try:
        source = inspect.getsource(importlib.import_module(module))
    except (ImportError, OSError, TypeError):
        return {}
    imported: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom):
                    base = (
                        importlib.util.resolve_name(
                            "." * statement.level + (statement.module or ""),
                            module.rpartition(".")[0],
                        )
                        if statement.level
                        else statement.module or ""
                    )
                    for alias in statement.names:
                        imported[alias.asname or alias.name] = f"{base}.{alias.name}"
    return imported


def _at_runtime(target: str, module: str, owner: str) -> tuple[bool, Any]:
    """What ``target`` names where it is written (its module and class), at runtime."""
    if target.startswith("hirelink."):
        return _runtime_object(target)
    for scope in ([f"{module}.{owner}"] if owner else []) + [module]:
        if scope:
            found, value = _runtime_object(f"{scope}.{target}")
            if found:
                return found, value
    head, _, rest = target.partition(".")
    typing_only = _type_checking_imports(module).get(head) if module else None
    if typing_only:
        return _runtime_object(f"{typing_only}.{rest}" if rest else typing_only)
    return False, None


# The roles that name a module-level value: one with no entry cannot be linked.
CONSTANT_ROLES = frozenset({"data", "const"})


def resolve_reexport(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"].lstrip("~.").split("[")[0]
    if not is_public(target) or (target.startswith("hirelink.") and _is_type_variable(target)):
        # A private name, or a type variable: named, not linked (neither has a page).
        return contnode
    last = target.rpartition(".")[2]
    candidates = _documented(env).get(last, [])
    context = node.get("py:module") or ""
    owner = node.get("py:class") or ""
    anchor = f"{context}.{owner}" if owner else context
    if target.startswith("hirelink."):
        candidates = [c for c in candidates if _drops_modules_only(target, c)]
    elif "." in target:
        # Relative to the current package (``models.Candidate`` inside hirelink.api.x).
        suffix = "." + target
        candidates = [
            c for c in candidates if c.endswith(suffix) and _shared_prefix(c, anchor) >= 3
        ]
    else:
        candidates = [c for c in candidates if _shared_prefix(c, anchor) >= 2]
    if not candidates:
        # Names the docstring's module imports (``SendCandidatePayload``) link to where
        # they are documented. Any other value that exists but has no entry is shown as
        # code, except one of ours named as a constant: that is an entry missing.
        found, value = _at_runtime(target, context, owner)
        if not found:
            return None
        home = _defining_module(value)
        qualname = getattr(value, "__qualname__", None)
        if not home:
            ours = target.startswith("hirelink.") or context.startswith("hirelink.")
            if ours and node["reftype"] in CONSTANT_ROLES:
                logger.warning(
                    "%s has no entry in the API reference to link to: give it a doc comment"
                    " (#:), and a place in its module's __all__ where there is one",
                    target,
                    location=node,
                )
            return contnode
        if not home.startswith("hirelink.") or not is_public(home):
            return contnode  # a third-party class, or a private base: no page to link
        candidates = [f"{home}.{qualname}"]
    best = max(candidates, key=lambda c: (_shared_prefix(c, anchor), -len(c)))
    domain = env.domains.python_domain
    builder = app.builder
    resolved = domain.resolve_xref(
        env, node["refdoc"], builder, node["reftype"], best, node, contnode
    )
    if resolved is not None:
        return resolved
    any_matches = domain.resolve_any_xref(env, node["refdoc"], builder, best, node, contnode)
    return any_matches[0][1] if any_matches else None


GENERATED_PREFIX = "hirelink.api."
_SECTION = re.compile(r"^(\s*)(Args|Attributes|Raises|Returns):\s*$")


def tidy_generated_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Make openapi-python-client's docstrings valid reStructuredText: the summary as
    paragraphs, the ``Args:``/``Attributes:``/... sections as one literal block.

    The generator indents wrapped summary lines and its sections inconsistently
    (a summary line with one space, ``Attributes:`` indented under a wrapped summary),
    which reStructuredText reads as stray block quotes. Napoleon skips these names (see
    :func:`napoleon_except_attributes`).
    """
    if not name.startswith(GENERATED_PREFIX):
        return
    first_section = next((i for i, line in enumerate(lines) if _SECTION.match(line)), len(lines))
    tidy = [line.strip() for line in lines[:first_section]]
    if first_section < len(lines):
        # The sections repeat what the signature shows with linked types: kept as text.
        indent = len(_SECTION.match(lines[first_section]).group(1))  # type: ignore[union-attr]
        tidy += ["", "::", ""]
        for line in lines[first_section:]:
            kept = line[indent:] if line[:indent].strip() == "" else line.lstrip()
            tidy.append(f"    {kept}" if kept else "")
    lines[:] = tidy


_TYPER_METADATA = re.compile(
    r"~?(?:typing|types)\.Annotated\[(.+?), <typer\.models\.\w+ object at 0x[0-9a-f]+>\]"
)


def _without_typer_metadata(signature: str) -> str:
    """A command's parameters are ``Annotated[type, typer.Option(...)]``; the reference
    shows the type (the options are on the CLI page), not the object's repr and address."""
    if "<typer.models." not in signature:
        return signature
    return _TYPER_METADATA.sub(r"\1", signature)


# attrs writes its __init__ as source text, which autodoc_preserve_defaults quotes: a
# default as ``attr_dict['name'].default``, a factory's as ``NOTHING``.
_ATTRS_DEFAULT = re.compile(r"attr_dict\['(\w+)'\]\.default")


def _default_as_written(value: Any) -> str:
    """``value`` as Python: its repr when that is an expression, else its name (a function:
    ``equal_jitter``, not ``<function equal_jitter at 0x...>``, which is no signature
    Sphinx can read and changes at every build), else ``...``."""
    shown = repr(value)
    try:
        ast.parse(shown, mode="eval")
    except SyntaxError:
        name = getattr(value, "__name__", None)
        return name if isinstance(name, str) and name.isidentifier() else "..."
    return shown


def _with_attrs_defaults(obj: Any, signature: str) -> str:
    """An attrs class's signature shows each default as written: ``type=None``,
    ``headers=dict()``, not the text of the __init__ attrs generated."""
    if not inspect.isclass(obj) or not attrs.has(obj):
        return signature
    fields = attrs.fields_dict(obj)

    def written(match: re.Match[str]) -> str:
        field = fields.get(match[1])
        return match[0] if field is None else _default_as_written(field.default)

    signature = _ATTRS_DEFAULT.sub(written, signature)
    for field in fields.values():
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class, typed as a function
            start = re.search(rf"[(,]\s*{re.escape(field.alias or field.name)}\b", signature)
            at = -1 if start is None else signature.find("NOTHING", start.end())
            if at >= 0:
                factory = getattr(default.factory, "__name__", "factory")
                signature = f"{signature[:at]}{factory}(){signature[at + len('NOTHING') :]}"
    return signature


def tidy_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """A signature as a caller writes it: typer's metadata and attrs' generated defaults
    replaced (see the two helpers above)."""
    if signature is None:
        return None
    tidied = _with_attrs_defaults(obj, _without_typer_metadata(signature))
    return None if tidied == signature else (tidied, return_annotation)


def drop_foreign_docstrings(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """An override with no docstring of its own inherits its base's: httpx's text (in
    httpx's markup) would read as ours. Such a method shows its signature only."""
    if what != "method" or getattr(obj, "__doc__", None) is not None:
        return
    lines[:] = []


def napoleon_except_attributes(app: Sphinx) -> None:
    """Napoleon reads an attribute's first line ``For lists: the walker`` as ``type:
    description``; our attribute docstrings are prose, so napoleon skips them (and the
    generated docstrings, see :func:`tidy_generated_docstring`)."""
    listeners = app.events.listeners["autodoc-process-docstring"]
    for listener in list(listeners):
        handler = listener.handler
        if getattr(handler, "__module__", "") == "sphinx.ext.napoleon":

            def prose_attributes(
                app: Sphinx, what: str, *args: Any, _napoleon: Any = handler
            ) -> None:
                name = args[0] if args else ""
                generated = isinstance(name, str) and name.startswith(GENERATED_PREFIX)
                if what not in ("attribute", "data", "property") and not generated:
                    _napoleon(app, what, *args)

            listeners.remove(listener)
            app.connect("autodoc-process-docstring", prose_attributes, listener.priority)


class IndexedPythonDomain(PythonDomain):
    """Sphinx's Python domain, finding a name given without its module (``Candidate`` in a
    signature) through :func:`_documented`'s index by last name, not by testing every
    documented object against it: the same objects in the same order, found in a tenth of
    the build's time fewer (each of ~10,000 such references read ~9,000 names)."""

    def find_obj(
        self,
        env: BuildEnvironment,
        modname: str,
        classname: str,
        name: str,
        type: str | None,
        searchmode: int = 0,
    ) -> list[tuple[str, ObjectEntry]]:
        name = name.removesuffix("()")
        if searchmode != 1 or not name:
            return super().find_obj(env, modname, classname, name, type, searchmode)
        objtypes = list(self.object_types) if type is None else self.objtypes_for_role(type)
        if objtypes is None:
            return []
        objects = self.objects
        exact = [name]
        if modname:
            exact.insert(0, f"{modname}.{name}")
            if classname:
                exact.insert(0, f"{modname}.{classname}.{name}")
        for candidate in exact:
            if candidate in objects and objects[candidate].objtype in objtypes:
                return [(candidate, objects[candidate])]
        suffix = "." + name
        found = (
            (full_name, objects.get(full_name))
            for full_name in _documented(env).get(name.rpartition(".")[2], [])
        )
        return [
            (full_name, entry)
            for full_name, entry in found
            if entry is not None and full_name.endswith(suffix) and entry.objtype in objtypes
        ]


class NearestTarget(SphinxPostTransform):
    """Of several objects a short name could mean, link the one nearest the reference.

    ``Unset`` in ``hirelink.api.join.models.job`` means ``hirelink.api.join.types.Unset``,
    not Personio's; Sphinx's fuzzy search would call it ambiguous. A builtin name
    (``type``) is never searched for among our attributes. Runs before the resolver.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = self.env.domains.python_domain
        for node in self.document.findall(addnodes.pending_xref):
            if node.get("refdomain") != "py" or not node.hasattr("refspecific"):
                continue
            target = node["reftarget"].lstrip("~.")
            if target in vars(builtins):
                del node["refspecific"]
                continue
            module = node.get("py:module") or ""
            owner = node.get("py:class")
            matches = domain.find_obj(
                self.env, module, owner, target, node.get("reftype"), searchmode=1
            )
            if len(matches) < 2:
                continue
            names = {name for name, _ in matches}
            found, value = _at_runtime(target, module, owner or "")
            meant = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
            if found and meant in names:
                node["reftarget"] = meant
                del node["refspecific"]
                continue
            ranked = sorted((_shared_prefix(name, module), name) for name in names)
            if ranked[-1][0] > ranked[-2][0]:
                node["reftarget"] = ranked[-1][1]
                del node["refspecific"]


def check_every_module(app: Sphinx, env: BuildEnvironment) -> None:
    """Every public module has a page, and every name of its ``__all__`` an entry (there,
    or where the very same object is documented)."""
    documented = set(env.domains.python_domain.modules)
    entries = set(env.domains.python_domain.objects)
    by_name: dict[str, list[str]] = {}
    for entry in entries:
        by_name.setdefault(entry.rpartition(".")[2], []).append(entry)
    for root in ROOTS:
        for module_name in public_modules(root):
            if module_name not in documented:
                logger.warning("public module %s has no page in the API reference", module_name)
                continue
            module = importlib.import_module(module_name)
            for name in getattr(module, "__all__", ()):
                value = getattr(module, name, None)
                if not _has_entry(module_name, name, value, documented, entries, by_name):
                    logger.warning("%s.%s has no entry in the API reference", module_name, name)


def _has_entry(
    module_name: str,
    name: str,
    value: Any,
    modules: set[str],
    entries: set[str],
    by_name: dict[str, list[str]],
) -> bool:
    if f"{module_name}.{name}" in entries:
        return True
    if inspect.ismodule(value):
        return value.__name__ in modules
    home = _defining_module(value)
    if home and f"{home}.{getattr(value, '__qualname__', name)}" in entries:
        return True
    for entry in by_name.get(name, []):  # a re-export documented where it is defined
        found, documented_value = _runtime_object(entry)
        if found and documented_value is value:
            return True
    return False


def import_every_module(app: Sphinx) -> None:
    """Import the whole SDK before autodoc reads anything.

    Documenting an attribute of a pydantic model makes autodoc re-read the annotations of
    every class in its MRO from source, ``pydantic.BaseModel`` included (for type
    comments); BaseModel then carries ``__pydantic_extra__: Dict[str, Any] | None``, and
    every model defined afterwards with ``extra="allow"`` fails to build
    (``PydanticSchemaGenerationError``). Models built before that are unaffected, so all
    of them are built here, first.
    """
    for root in ROOTS:
        for module_name in public_modules(root):
            importlib.import_module(module_name)


def generated_objects_out_of_the_contents(_app: Sphinx, doctree: nodes.document) -> None:
    """The generated clients' classes, functions and fields stay out of the pages' contents
    ("On this page" lists their modules): thousands of entries that each page's navigation
    copied, a sixth of the build's time."""
    for signature in doctree.findall(addnodes.desc_signature):
        if str(signature.get("module", "")).startswith("hirelink.api."):
            signature.parent["no-contents-entry"] = True


def skip_pydantic_config(
    app: Sphinx, what: str, name: str, obj: object, skip: bool, options: object
) -> bool | None:
    """Leave out pydantic's ``model_config``: its docstring is pydantic's own, in markup
    of its own (``[ConfigDict][pydantic.config.ConfigDict]``)."""
    return True if name == "model_config" else None


def setup(app: Sphinx) -> dict[str, Any]:
    # Before Sphinx's own handler, which collects the contents.
    app.connect("doctree-read", generated_objects_out_of_the_contents, priority=400)
    app.add_directive("hirelink-package", PackageDirective)
    app.add_directive("hirelink-catalog", CatalogDirective)
    app.add_directive("hirelink-cli", CliDirective)
    app.add_directive("hirelink-breaking", BreakingDirective)
    app.connect("missing-reference", resolve_reexport)
    app.add_domain(IndexedPythonDomain, override=True)
    app.add_post_transform(NearestTarget)
    app.connect("env-check-consistency", check_every_module)
    app.connect("autodoc-process-docstring", tidy_generated_docstring, priority=400)
    app.connect("autodoc-process-docstring", drop_foreign_docstrings, priority=400)
    app.connect("autodoc-process-signature", tidy_signature)
    app.connect("autodoc-skip-member", skip_pydantic_config)
    app.connect("builder-inited", napoleon_except_attributes)
    app.connect("builder-inited", import_every_module)
    # env_version: a change of what the handlers put in the doctrees makes Sphinx read every
    # page again, where a build reusing its doctrees would keep the old ones.
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
