"""What the catalog reads from an operation builder's docstring, written in Google style (as
the docs render it, with napoleon): the entries of its ``Args:`` section, and its prose.

The first paragraph is the operation's summary; ``Args:`` describes each named parameter
(a ``**fields`` table's keys are described under the TypedDict's fields instead).
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Callable
from typing import Any

_PARAMETER_SECTIONS = frozenset(
    {"args", "arguments", "parameters", "keyword args", "keyword arguments", "other parameters"}
)
_LEFT_OUT_OF_PROSE = _PARAMETER_SECTIONS | {
    "returns",
    "return",
    "yields",
    "yield",
    "raises",
    "raise",
}
_SECTIONS = _LEFT_OUT_OF_PROSE | {
    "attention",
    "caution",
    "danger",
    "example",
    "examples",
    "hint",
    "important",
    "note",
    "notes",
    "see also",
    "tip",
    "todo",
    "warning",
    "warnings",
}
"""The napoleon sections recognised: a line holding only one of these names and a colon."""

_HEADER = re.compile(r"(?P<name>[A-Za-z][A-Za-z ]*):\s*")
_ENTRY = re.compile(r"\*{0,2}(?P<name>\w+)\s*(?:\([^)]*\))?\s*:(?P<text>.*)", re.DOTALL)
_ROLE = re.compile(r":(?:[\w-]+:)?[\w-]+:`!?(?P<target>[^`]+)`")


class _Section:
    """A run of docstring lines: prose (``name`` None) or a section and its header line."""

    def __init__(self, name: str | None, header: str | None = None) -> None:
        self.name = name
        self.header = header
        self.lines: list[str] = []


def _sections(docstring: str) -> list[_Section]:
    sections = [_Section(None)]
    for line in inspect.cleandoc(docstring).splitlines():
        header = _HEADER.fullmatch(line)
        if header and header["name"].lower() in _SECTIONS:
            sections.append(_Section(header["name"].lower(), line))
        elif sections[-1].name is not None and line[:1].strip():
            sections.append(_Section(None))  # back at the margin: prose again
            sections[-1].lines.append(line)
        else:
            sections[-1].lines.append(line)
    return sections


def _role_target(match: re.Match[str]) -> str:
    """What Sphinx shows for a cross-reference: its title, or its target (``~a.b``: ``b``)."""
    target = match["target"]
    titled = re.fullmatch(r"(?P<title>.+?)\s*<[^>]+>", target)
    if titled:
        return titled["title"]
    return target.rsplit(".", 1)[-1] if target.startswith("~") else target


def _one_line(text: str) -> str:
    return " ".join(text.split())


def plain_text(text: str) -> str:
    """reStructuredText as plain text: cross-references (``:meth:`~a.b```) as what Sphinx
    shows (``b``), literals without their double backticks, on one line."""
    return _one_line(_ROLE.sub(_role_target, text)).replace("``", "")


def parameter_docs(docstring: str) -> dict[str, str]:
    """The entries of the ``Args:`` section of ``docstring`` by parameter name (``*args``
    and ``**kwargs`` without their stars), each on one line; cross-references are shown as
    Sphinx shows them and literals between single backticks, as in ``field_docs``."""
    docs: dict[str, str] = {}
    for section in _sections(docstring):
        if section.name not in _PARAMETER_SECTIONS:
            continue
        entries: list[list[str]] = []
        entry_indent: int | None = None
        for line in section.lines:
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip())
            if entry_indent is None:
                entry_indent = indent  # the first entry's: every entry starts there
            if indent <= entry_indent:
                entries.append([line])
            else:
                entries[-1].append(line)  # an entry's continuation, indented further
        for entry in entries:
            found = _ENTRY.fullmatch(" ".join(part.strip() for part in entry))
            if found and found["text"].strip():
                described = _one_line(_ROLE.sub(_role_target, found["text"]))
                docs[found["name"]] = described.replace("``", "`")
    return docs


def prose(docstring: str) -> str:
    """``docstring`` without its ``Args:``, ``Returns:``, ``Yields:`` and ``Raises:``
    sections, as plain text (see :func:`plain_text`): one line per paragraph, paragraphs
    apart by an empty line."""
    kept: list[str] = []
    for section in _sections(docstring):
        if section.name in _LEFT_OUT_OF_PROSE:
            continue
        if section.header is not None:
            kept += ["", section.header]
        kept += [*section.lines, ""]
    paragraphs = re.split(r"\n\s*\n", "\n".join(kept))
    return "\n\n".join(plain_text(paragraph) for paragraph in paragraphs if paragraph.strip())


def docstring_of(function: Callable[..., Any]) -> str:
    """``function``'s docstring; under ``python -OO``, which strips it, read from its
    source where there is one."""
    if function.__doc__:
        return function.__doc__
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return ""
    defined = tree.body[0] if tree.body else None
    if not isinstance(defined, ast.FunctionDef | ast.AsyncFunctionDef):
        return ""
    return ast.get_docstring(defined) or ""
