"""The ``hirelink`` command: list, describe and run catalog operations; manage credentials.

Exit codes: 0 success, 1 other API or store error, 2 bad input or usage, 3 authentication
or permission failure, 4 not found, 5 rate limited, 6 provider unavailable or its answer
unreadable (5xx, network, malformed answer: a write may have been carried out).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import importlib.metadata
import importlib.util
import io
import json
import logging
import os
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Final, NoReturn

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from hirelink.cli.events import (
    json_text,
    reader_left,
    signals_stopping,
    silence_stdout,
    terminated_as_interrupted,
    tolerate_narrow_encodings,
    write_whole,
)
from hirelink.cli.events import register as register_events
from hirelink.core import (
    ApiConnectionError,
    ApiError,
    AuthenticationError,
    HirelinkError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Secret,
    ServerError,
    scrub,
)
from hirelink.core.calls import MAY_HAVE_WRITTEN, may_have_been_carried_out
from hirelink.core.errors import names_field, tried
from hirelink.core.file_updates import failure, resolved
from hirelink.core.reading import WRITE_METHODS, unread_writes
from hirelink.core.redaction import one_line, without_controls
from hirelink.core.transport import AnswerTooLarge
from hirelink.operations import (
    FieldProblem,
    InputValidationError,
    Operation,
    invoke,
    invoke_all,
    load_providers,
)
from hirelink.operations.credentials import CredentialStore

EXIT_API_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_RATE_LIMITED = 5
EXIT_UNAVAILABLE = 6


class _Commands(TyperGroup):
    """hirelink's commands: a reader of the output that left (``| head``) is no failure.
    What was asked for was done (a write included), so the command stops quietly with
    exit 0, not 1, which a script would take for an API error and run again."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if sys.stdout is None:  # started with standard output closed (`>&-`)
            sys.stdout = _ClosedOutput()
        try:
            return super().main(*args, **kwargs)
        except SystemExit as ended:
            # Help is printed while the arguments are read, by a console of typer's whose
            # answer to a reader that left is exit 1; so is a usage error (to stderr),
            # which must stay a failure.
            broken = ended.__context__
            if (
                ended.code == 1
                and broken is not None
                and reader_left(broken)
                and _asked_for_help(broken.__context__)
            ):
                raise SystemExit(0) from None
            raise
        except OSError as error:  # help for hirelink itself, written before any command
            if not _writing_failed(error):
                raise
            if not _asked_for_help(error.__context__):  # a usage error, to a stderr gone
                raise SystemExit(EXIT_BAD_INPUT) from None
            try:
                _output_failed(error)
            except typer.Exit as ended:  # past typer's main, which makes it an exit code
                raise SystemExit(ended.exit_code) from None

    def invoke(self, ctx: Any) -> Any:  # click's Context (typer vendors click lately)
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a write the reader left unread fails here, not at exit
        except OSError as error:
            if not _writing_failed(error):  # a file's (a config directory), not stdout's
                err.print(f"error: {error}", style="bold red", highlight=False, markup=False)
                raise typer.Exit(EXIT_API_ERROR) from None
            _output_failed(error)
        except KeyboardInterrupt as stopped:  # what the operation had done by then
            for note in getattr(stopped, "__notes__", ()):
                err.print(f"{scrub(str(note))}", highlight=False, markup=False)
            raise
        except Exception as error:
            self._say_where_own_options_go(error)
            raise
        return result

    def _say_where_own_options_go(self, error: Any) -> None:  # click's, or typer's copy
        """``hirelink ops list -v`` was refused with a bare "No such option: -v"."""
        # By name, as typer itself tells it: typer vendors its own click.
        if type(error).__name__ != "NoSuchOption" or error.ctx is None:
            return
        own = {option for param in self.params if not param.is_eager for option in param.opts}
        # The program's name may hold spaces: `python -m hirelink.cli`.
        program = error.ctx.find_root().command_path
        command = error.ctx.command_path.removeprefix(program).strip()
        if error.option_name in own and command:
            error.message += (
                f" ({error.option_name} is hirelink's own option: give it before the command,"
                f" {program} {error.option_name} {command} ...)"
            )


class _ClosedOutput(io.TextIOBase):
    """Standard output of a process started with it closed: Python makes it None, and
    the first write raised AttributeError after the operation had run."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


# What a write to standard output fails with: a full disk or quota, a file too large, a
# closed or broken descriptor, a reader that left.
_WRITE_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EBADF", "EIO", "EPIPE")
    if hasattr(errno, name)
)


def _writing_failed(error: OSError) -> bool:
    """Whether ``error`` is standard output's: one naming a file, or failing otherwise
    (an unreadable CA bundle named by ``SSL_CERT_FILE``), was reported as "could not
    write the output" and sent its reader to look at a redirection."""
    return reader_left(error) or (error.filename is None and error.errno in _WRITE_ERRNOS)


def _output_failed(error: OSError, done: str = "") -> NoReturn:
    """End a command whose output could not be written: quietly with exit 0 when its
    reader left (``| head``); else (a full disk, a closed descriptor) with one line on
    stderr saying what had been ``done`` all the same, instead of a traceback and exit 120."""
    silence_stdout()  # what is still buffered must not fail again at exit
    if reader_left(error):
        raise typer.Exit(0) from None
    err.print(
        f"error: could not write the output: {error.strerror or error}{done}",
        style="bold red",
        highlight=False,
        markup=False,
    )
    raise typer.Exit(EXIT_UNAVAILABLE if done else EXIT_API_ERROR) from None


def _asked_for_help(printing: BaseException | None) -> bool:
    """Whether what was being printed is help: asked for, or for a group without a
    command (click's NoArgsIsHelpError), not a usage error."""
    # By name, as typer itself tells it: typer vendors its own click.
    return printing is None or type(printing).__name__ == "NoArgsIsHelpError"


def _on_a_terminal(stream: Any) -> bool:
    """Whether ``stream`` is a terminal, for layout and progress. Not rich's
    ``is_terminal``, which ``FORCE_COLOR`` (set in many CI jobs for colour) turns on for
    a pipe: tables then wrapped at 80 columns for ``awk``, and progress redrew a CI log."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # none (a closed descriptor), or a closed file
        return False


class _Output(Console):
    @property
    def is_terminal(self) -> bool:
        # Not rich's, which FORCE_COLOR turns on for a pipe: programs read what is piped.
        return _on_a_terminal(self.file)

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError  # for _Commands (rich's own answer is exit 1)


class _Errors(Console):
    def print(self, *objects: Any, **options: Any) -> None:
        shown = [without_controls(o) if isinstance(o, str) else o for o in objects]
        try:
            super().print(*shown, **options)
        except OSError as error:  # rich 13.0 lets it out; _Commands would take it for stdout's
            if reader_left(error):
                self.on_broken_pipe()
            # Messages are best-effort: a stderr that cannot be written (a full disk) must
            # not fail a call a warning was logged in, nor change the command's exit code.
            self.quiet = True

    def on_broken_pipe(self) -> None:
        # The reader of stderr left: say nothing more, and leave the exit code to the
        # command (rich's own answer, exit 1, would be taken for help whose reader left).
        self.quiet = True
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())


app = typer.Typer(
    cls=_Commands,
    name="hirelink",
    help=(
        "Run recruiting-API operations (Recruitee, Recruitee Partners, JOIN, Personio) "
        "from the terminal. Try `hirelink demo` (needs hirelink\\[sandbox]) for a tour "
        "with no account."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)
ops_app = typer.Typer(help="List and describe operations.", no_args_is_help=True)
credentials_app = typer.Typer(help="Manage named credentials.", no_args_is_help=True)
sandbox_app = typer.Typer(
    help="The local stand-ins of the APIs (needs hirelink\\[sandbox]).", no_args_is_help=True
)
app.add_typer(ops_app, name="ops")
app.add_typer(credentials_app, name="credentials")
app.add_typer(sandbox_app, name="sandbox")

out = _Output(soft_wrap=True)
err = _Errors(stderr=True, soft_wrap=True)


def _versions() -> list[tuple[str, str]]:
    """Every installed hirelink distribution and its version."""
    from importlib.metadata import distributions

    found = {
        (dist.metadata["Name"] or "").lower().replace("_", "-"): dist.version
        for dist in distributions()
    }
    return sorted(
        (name, version)
        for name, version in found.items()
        if (name == "hirelink" or name.startswith("hirelink-")) and name != "hirelink-workspace"
    )


def _show_version(value: bool) -> None:
    if not value:
        return
    try:
        for name, version in _versions():
            sys.stdout.write(f"{name} {version}\n")
        sys.stdout.flush()
    except OSError as error:  # read in the callback, before any command: no _Commands yet
        _output_failed(error)
    raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version of each installed hirelink distribution and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            metavar="",  # it takes no value (typer showed <int>)
            help="Log what hirelink does on stderr: -v retries, waits, token renewals and"
            " leases; -vv every request too. Warnings are shown either way.",
        ),
    ] = 0,
) -> None:
    """Run recruiting-API operations from the terminal."""
    tolerate_narrow_encodings()
    ctx.call_on_close(_log_to_stderr(verbose))


class _StderrLog(logging.Handler):
    """hirelink's log records on stderr, one line each (``WARNING hirelink.retry: ...``),
    through the error console: controls escaped, above a progress display."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:
            self.handleError(record)
            return
        err.print(line, highlight=False, markup=False, soft_wrap=True)


def _log_to_stderr(verbosity: int) -> Callable[[], None]:
    """Show hirelink's warnings (and with ``-v``, its INFO; ``-vv``, its DEBUG) on stderr,
    until the returned function undoes it (the command's end: a program running commands
    in its own process keeps its logging as it was). Without a handler, Python printed a
    warning bare (no level, no logger) and nothing below it."""
    logger = logging.getLogger("hirelink")
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbosity, 2)]
    handler = _StderrLog(level)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    before = logger.level
    if verbosity:  # a level of the command's own; otherwise the root's (WARNING) holds
        logger.setLevel(level)

    def undo() -> None:
        logger.removeHandler(handler)
        logger.setLevel(before)

    return undo


def _exit_code(error: HirelinkError) -> int:
    if isinstance(error, InvalidInputError):
        return EXIT_BAD_INPUT
    if isinstance(error, AuthenticationError | PermissionDeniedError):
        return EXIT_AUTH
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(error, RateLimitError):
        return EXIT_RATE_LIMITED
    if isinstance(error, ApiConnectionError) and error.permanent:  # no later try changes it
        return EXIT_API_ERROR
    if isinstance(error, ServerError | ApiConnectionError | MalformedResponseError):
        return EXIT_UNAVAILABLE
    return EXIT_API_ERROR


def _fail(error: HirelinkError, *, credential: str | None = None) -> NoReturn:
    """Print ``error`` to stderr and exit with its code; ``credential`` names the nickname used."""
    if isinstance(error, InputValidationError):
        err.print("error: invalid inputs", style="bold red", highlight=False)
        for problem in error.problems:
            err.print(f"  {problem.field}: {problem.message}", highlight=False, markup=False)
    elif isinstance(error, ApiError):
        err.print(
            f"error: the provider answered {error.status_code}: {error.message}",
            style="bold red",
            highlight=False,
            markup=False,
        )
        unnamed = [  # the message may list them already
            (name, messages)
            for name, messages in error.field_errors.items()
            if not names_field(error.message, name)
        ]
        for field_name, messages in unnamed[:_MOST_FIELD_LINES]:
            line = one_line(f"  {field_name}: {'; '.join(messages)}")
            shown = (
                line
                if len(line) <= _MOST_FIELD_LINE_CHARS
                else line[:_MOST_FIELD_LINE_CHARS] + "..."
            )
            err.print(shown, highlight=False, markup=False)
        if len(unnamed) > _MOST_FIELD_LINES:
            more = len(unnamed) - _MOST_FIELD_LINES
            err.print(f"  ... and {more} more fields", highlight=False, markup=False)
        if error.retry_after:  # longer than hirelink waits itself
            err.print(f"  {error.asked_wait}", highlight=False, markup=False)
        if error.method and error.url:  # which request, of an operation that sends several
            sent = tried(error).removeprefix("; ")
            shown = f"  request: {error.method} {error.url}" + (f" ({sent})" if sent else "")
            err.print(shown, highlight=False, markup=False)
        if error.request_id:
            err.print(f"  request id: {error.request_id}", highlight=False, markup=False)
        if error.hint:
            err.print(f"  {error.hint}.", highlight=False, markup=False)
        if credential and isinstance(error, AuthenticationError):
            err.print(f"  {_credential_advice(credential)}", highlight=False, markup=False)
    else:
        err.print(f"error: {error}", style="bold red", highlight=False, markup=False)
    # A note of the operation's (below) says more: what to look for before retrying.
    method = getattr(error, "method", "")
    written = method.upper() in WRITE_METHODS and may_have_been_carried_out(error)
    # Not for a write safe to send again (setting fields, adding tags), as the library's.
    harmless = getattr(error, "harmless_to_repeat", False)
    if written and not harmless and not getattr(error, "__notes__", None):
        err.print(_MAY_HAVE_WRITTEN, highlight=False, markup=False)
    for note in getattr(error, "__notes__", ()):  # what the operation adds to the error
        err.print(f"  {scrub(str(note))}", highlight=False, markup=False)
    raise typer.Exit(_exit_code(error))


_MAY_HAVE_WRITTEN = f"  {MAY_HAVE_WRITTEN}"
_MOST_FIELD_LINES = 20
_MOST_FIELD_LINE_CHARS = 300
"""An answer naming 50,000 fields printed 50,000 lines."""


def _store() -> CredentialStore:
    return CredentialStore(load_providers())


@contextlib.contextmanager
def _credentials_file(store: CredentialStore) -> Iterator[None]:
    """Reading and writing the credentials file: its failures (a read-only file system,
    a full disk) name the file and exit 2, as ``--checkpoint``'s do; the bare error named
    a lock or scratch file beside it and exited 1, as an API error does. The file that
    failed is named too when it is another (its lock, its folder)."""
    try:
        yield
    except OSError as error:
        raise InvalidInputError("credentials", failure(store.path, error)) from None


def _credential_advice(credential: str) -> str:
    """Where the refused values of ``credential`` came from, and how to replace them."""
    store = _store()
    try:
        provider = store.get(credential).provider
    except HirelinkError:
        return f"Check credential {credential!r}: `hirelink credentials check {credential}`."
    fields = load_providers().provider(provider).credential_fields
    overriding = [v for f in fields if (v := store.overriding_variable(credential, f.name))]
    check = f"then try `hirelink credentials check {credential}`."
    if store.stored_fields(credential) is None:  # defined by the environment alone
        return (
            f"The values come from the environment ({', '.join(overriding)}): correct them, {check}"
        )
    source = f"credential {credential!r}"
    if overriding:
        source += f" and the environment ({', '.join(overriding)} overrides the stored value)"
    return (
        f"The values come from {source}: correct them, or replace the stored ones with "
        f"`hirelink credentials add {credential} --provider {provider}`, {check}"
    )


register_events(app, _fail)  # `hirelink watch`, `hirelink webhooks serve`


# --- ops ---------------------------------------------------------------------------


@ops_app.command("list")
def ops_list(
    provider: Annotated[str | None, typer.Option(help="Only this provider's operations.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="A JSON array of the operations instead of a table.")
    ] = False,
) -> None:
    """List operations: id, title and summary."""
    catalog = load_providers()
    try:
        if provider is not None:
            catalog.provider(provider)  # an unknown provider is an error, not an empty list
    except HirelinkError as error:
        _fail(error)
    operations = catalog.operations(provider)
    if as_json:
        listed = [
            {
                "id": operation.id,
                "provider": operation.provider.name,
                "title": operation.title,
                "summary": operation.summary,
                "all": operation.iter_method is not None,
            }
            for operation in operations
        ]
        sys.stdout.write(json_text(listed, indent=2) + "\n")
        return
    _print_table(("id", "title", "summary"), [(o.id, o.title, o.summary) for o in operations])


# Narrower than this, a wrapped column shows a few letters a line (or rich drops it).
_NARROWEST_COLUMN = 16


def _print_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """``rows`` under ``headers``: fitted to a terminal, or, piped, as wide as it needs to
    be (programs read it: never cut). A terminal too narrow for every column gets one
    block per row instead. Cells are text, never rich markup, and never terminal controls
    (:func:`~hirelink.core.redaction.without_controls`)."""
    rows = [tuple(without_controls(cell) for cell in row) for row in rows]
    table = Table(*headers, box=None, pad_edge=False)
    widest = [max(cell_len(text) for text in column) for column in zip(headers, *rows, strict=True)]
    table.columns[0].no_wrap = True
    table.columns[0].min_width = widest[0]
    for column, width in zip(table.columns[1:], widest[1:], strict=True):
        column.overflow = "fold"  # a narrow terminal wraps a cell, never cuts it
        column.min_width = min(width, _NARROWEST_COLUMN)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    if _on_a_terminal(sys.stdout):
        padding = 2 * (len(headers) - 1)
        if out.width < padding + sum(column.min_width or 0 for column in table.columns):
            _print_blocks(headers, rows)
        else:
            out.print(table)
        return
    width = sum(widest) + 2 * len(widest)
    rendered = io.StringIO()
    plain = Console(file=rendered, width=width, soft_wrap=True, color_system=None)
    plain.print(table)  # no colour, whatever FORCE_COLOR says: awk reads it
    sys.stdout.writelines(line.rstrip() + "\n" for line in rendered.getvalue().splitlines())


def _print_blocks(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Each row as its first cell (whole: the terminal wraps it) over its other cells,
    named, indented and wrapped at words."""
    for row in rows:
        out.print(Text(row[0], style="bold"))
        for header, cell in zip(headers[1:], row[1:], strict=True):
            wrapped = textwrap.fill(
                f"{header}: {cell}",
                width=max(out.width, 20),
                initial_indent="  ",
                subsequent_indent="    ",
                break_on_hyphens=False,
                break_long_words=False,  # a URL or an id stays whole, so it can be copied
            )
            out.print(wrapped, highlight=False, markup=False)


def _kinds(schema: Mapping[str, Any], spec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """What an input of ``schema`` may be, but null: its ``anyOf`` members (or itself),
    a reference to one of the schema's ``$defs`` replaced by what it names."""
    definitions = schema.get("$defs", {})
    kinds = []
    for member in spec.get("anyOf", [spec]):
        found = definitions.get(str(member.get("$ref", "")).rsplit("/", 1)[-1])
        kind = found if isinstance(found, Mapping) and "type" in found else member
        if kind.get("type") != "null":
            kinds.append(kind)
    return kinds


def _only_numbers(value: object) -> bool:
    if isinstance(value, list):
        return all(_only_numbers(item) for item in value)
    return value is None or isinstance(value, bool | int | float)


def _example_command(operation_id: str, example: Mapping[str, Any]) -> list[str]:
    """The example run, to copy into a POSIX shell. Inputs of ids and numbers only go on
    the command line; others (a name, an address, a token: what ``ps`` must not show, and
    text a quote would break) go on standard input, in a here-document whose lines start
    at the margin so that the shell finds its end."""
    command = f"hirelink run {operation_id} --credential NICK"
    if all(_only_numbers(value) for value in example.values()):
        return [f"  {command} --input '{json.dumps(example)}'"]
    # ASCII: a console in another encoding than UTF-8 (LC_ALL=C) wrote \xe1, no JSON.
    return [f"{command} --input @- <<'EOF'", json.dumps(example), "EOF"]


def _describe_inputs(schema: Mapping[str, Any]) -> Iterator[str]:
    required = set(schema.get("required", []))
    for name, spec in schema.get("properties", {}).items():
        shown: dict[tuple[str, frozenset[str], str], str] = {}
        for kind in _kinds(schema, spec):
            type_name = str(kind.get("type") or kind.get("$ref", "").rsplit("/", 1)[-1] or "any")
            choices = kind.get("enum", [])
            form = f" ({kind['format']})" if "format" in kind else ""
            # A member and the named type it restates (in any order) are shown once.
            same = (type_name, frozenset(map(str, choices)), form)
            shown.setdefault(same, type_name + (f" {choices}" if choices else "") + form)
        described = " | ".join(shown.values())
        yield f"  {name:<22} {'required' if name in required else 'optional':<9} {described}"
        if spec.get("description"):
            yield f"  {'':<22} {spec['description']}"


def _property_names(schema: Mapping[str, Any], root: Mapping[str, Any]) -> list[str]:
    """Top-level property names, following ``$ref`` into ``$defs`` and through ``allOf``."""
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        schema = root.get("$defs", {}).get(reference.rsplit("/", 1)[-1], {})
    names = list(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        names += [n for n in _property_names(part, root) if n not in names]
    return names


def _describe_output(output: Mapping[str, Any]) -> str:
    """What an operation returns: its type, an object's properties, and whether it may be
    null (an ``anyOf`` with null)."""
    members = output.get("anyOf", [output])
    shapes = [_shape(member, output) for member in members if member.get("type") != "null"]
    if not shapes:
        return "none (the result is null)"
    return ("null or " if len(shapes) < len(members) else "") + " or ".join(shapes)


def _shape(schema: Mapping[str, Any], root: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type", "object") != "object":
            return f"array of {items['type']}"
        return f"array of objects with: {', '.join(_property_names(items, root)) or '(free-form)'}"
    if kind not in (None, "object"):
        description = schema.get("description")
        return f"{kind}: {description}" if description else str(kind)
    return f"object with: {', '.join(_property_names(schema, root)) or '(free-form)'}"


@ops_app.command("describe")
def ops_describe(
    operation_id: str,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="JSON with the input and output JSON Schemas."),
    ] = False,
) -> None:
    """Show an operation's description, inputs, output shape and an example."""
    try:
        operation = load_providers().get(operation_id)
        if as_json:
            described = {
                "id": operation.id,
                "provider": operation.provider.name,
                "title": operation.title,
                "summary": operation.summary,
                "description": operation.description,
                "credential": [f.name for f in operation.provider.credential_fields],
                "requires": list(operation.requires),
                "input_schema": operation.input_schema,
                "output_schema": operation.output_schema,
                "example": operation.example,
                "all": operation.iter_method is not None,
                "all_input_schema": operation.all_input_schema,
                "all_item_schema": operation.all_item_schema,
            }
            sys.stdout.write(json_text(described, indent=2) + "\n")
            return
    except HirelinkError as error:
        _fail(error)
    out.print(
        f"[bold]{operation.id}[/bold] — {operation.title} ({operation.provider.title})",
        highlight=False,
    )
    out.print(operation.description, highlight=False, markup=False)  # the summary first
    needs = f" with {' and '.join(operation.requires)}" if operation.requires else ""
    out.print(f"\ncredential: a {operation.provider.name} credential{needs}")
    out.print("\ninputs:")
    for line in _describe_inputs(operation.input_schema):
        out.print(line, highlight=False, markup=False)
    out.print("\noutput:")
    out.print(f"  {_describe_output(operation.output_schema)}", highlight=False, markup=False)
    out.print("\nexample:")
    for line in _example_command(operation.id, operation.example):
        out.print(line, highlight=False, markup=False)
    all_inputs = operation.all_input_schema
    if all_inputs is not None:
        out.print("\n--all streams every item across pages as JSON Lines; it takes:")
        for line in _describe_inputs(all_inputs):
            out.print(line, highlight=False, markup=False)


# --- run ---------------------------------------------------------------------------


def _read_input(input_option: str) -> str:
    """``--input``: JSON itself, ``@file.json``, or ``@-`` for standard input."""
    if not input_option:  # `--input "$INPUTS"` with the variable unset: not "no inputs"
        raise InvalidInputError("--input", "is empty: give JSON, @file.json or @-")
    if not input_option.startswith("@"):
        return _as_typed(input_option)  # a file's name stays as the system gave it
    if input_option == "@-":
        return _read_stdin()
    if input_option == "@":
        raise InvalidInputError("--input", "a file name is missing after '@'")
    path = Path(input_option[1:])
    try:
        return _decoded(path.read_bytes())
    except FileNotFoundError:
        raise InvalidInputError("--input", f"no file {str(path)!r}") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise InvalidInputError("--input", f"cannot read {str(path)!r}: {reason}") from None


def _decoded(data: bytes) -> str:
    """Inputs as text: UTF-8, a byte order mark dropped (Notepad and PowerShell write one),
    or UTF-16 with its byte order mark (what Windows PowerShell 5.1's ``>`` writes)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _read_stdin(field: str = "--input", *, line: bool = False) -> str:
    """Standard input (``line``: its next line, without the line end) as UTF-8, a byte
    order mark dropped, whatever the console's encoding: decoded in a Windows code page
    (or as ASCII under ``LC_ALL=C``), UTF-8 names were garbled and a BOM kept or refused.
    Text that is not UTF-8 is an error naming ``field``."""
    if sys.stdin is None:  # started with its standard input closed (`<&-`)
        return ""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # replaced by a text-only stream
        text = sys.stdin.readline() if line else sys.stdin.read()
    else:
        try:
            # A line is UTF-8: a line of UTF-16 does not end at one byte.
            text = bytes(raw.readline()).decode("utf-8") if line else _decoded(bytes(raw.read()))
        except UnicodeDecodeError:
            raise InvalidInputError(field, "standard input is not UTF-8 text") from None
    text = text.removeprefix("\ufeff")
    return text.rstrip("\r\n") if line else text


def _text_fields(schema: Mapping[str, Any]) -> frozenset[str]:
    """The inputs that only take text: ``name=123`` gives them the text "123"."""
    return frozenset(
        name
        for name, spec in schema.get("properties", {}).items()
        if {kind.get("type") for kind in _kinds(schema, spec)} == {"string"}
    )


def _object_without_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object of ``--input``; a key given twice is refused (JSON readers differ on
    which value wins, and one of the two was a mistake)."""
    loaded: dict[str, Any] = {}
    for key, value in pairs:
        if key in loaded:
            raise InvalidInputError("--input", f"gives the key {key!r} twice")
        loaded[key] = value
    return loaded


def _parse_inputs(
    input_option: str | None, assignments: list[str], text_fields: frozenset[str] = frozenset()
) -> dict[str, Any]:
    inputs: dict[str, Any] = {}
    if input_option is not None:
        text = _read_input(input_option)
        try:
            loaded = json.loads(text, object_pairs_hook=_object_without_repeated_keys)
        except InvalidInputError:
            raise
        except ValueError as error:
            raise InvalidInputError("--input", f"not valid JSON: {error}") from None
        except RecursionError:
            raise InvalidInputError("--input", "is nested too deeply") from None
        if not isinstance(loaded, dict):
            raise InvalidInputError("--input", "must be a JSON object")
        inputs.update(loaded)
    for assignment in assignments:
        key, raw = _split_assignment("inputs", assignment)
        if key in inputs:  # as a key twice in --input: which one was meant is not known
            raise InvalidInputError(key, "is given twice (by --input or key=value); give it once")
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw  # a bare word is a string
        inputs[key] = raw if key in text_fields and not isinstance(value, str) else value
    return inputs


@app.command()
def run(
    operation_id: Annotated[str, typer.Argument(help="e.g. recruitee.list_candidates")],
    assignments: Annotated[
        list[str] | None,
        typer.Argument(
            help="key=value inputs (JSON values; a text input takes the text as written)"
        ),
    ] = None,
    credential: Annotated[
        str, typer.Option("--credential", "-c", help="Credential nickname.")
    ] = "",
    input_json: Annotated[
        str | None, typer.Option("--input", "-i", help="Inputs as JSON, @file.json, or @- (stdin).")
    ] = None,
    walk_all: Annotated[
        bool, typer.Option("--all", help="Stream every item of a list operation (JSON Lines).")
    ] = False,
) -> None:
    """Run an operation and print its result as JSON."""
    try:
        with terminated_as_interrupted():  # SIGTERM says what Ctrl-C says of a write
            if not credential:
                known = ", ".join(_store().nicknames()) or "none yet: hirelink credentials add"
                raise InvalidInputError("--credential", f"name the credential to use ({known})")
            operation = load_providers().get(operation_id)
            schema = operation.all_input_schema if walk_all else operation.input_schema
            inputs = _parse_inputs(input_json, assignments or [], _text_fields(schema or {}))
            stored = _store().get(credential)
            if stored.provider != operation.provider.name:
                raise InvalidInputError(
                    "--credential",
                    f"{credential!r} is a {stored.provider} credential; "
                    f"{operation.id} needs a {operation.provider.name} one",
                )
            if walk_all:
                _stream(invoke_all(operation.id, stored.values, inputs))
            else:
                with (
                    _IssuedSecretKeeper(credential, operation) as keeper,
                    unread_writes() as unread,
                ):
                    result = invoke(operation.id, stored.values, inputs, on_secret=keeper.keep)
                if keeper.unsaved:  # the answer would say it was stored
                    raise typer.Exit(EXIT_API_ERROR)
                if unread:  # a record without its id would pass for the answer
                    _answer_unread(operation.id, unread)
                try:
                    sys.stdout.write(json_text(result, indent=2) + "\n")
                    sys.stdout.flush()
                except OSError as error:
                    done = (
                        f"; {operation.id} succeeded (a write was carried out: do not run it"
                        " again; a read may be)"
                    )
                    _output_failed(error, done)
    except HirelinkError as error:
        if isinstance(error, InputValidationError):
            _say_python_spellings_are_text(error, assignments or [])
        if not walk_all and _a_list_too_large(operation_id, error):
            error.add_note("--all reads every item of the list, a page at a time")
        _fail(error, credential=credential or None)


def _a_list_too_large(operation_id: str, error: HirelinkError) -> bool:
    """Whether ``error`` is an answer too large to read of an operation ``--all`` walks
    (Recruitee's ``list_candidates`` without a limit answers every candidate at once)."""
    if not isinstance(error.__cause__, AnswerTooLarge):
        return False
    try:
        return load_providers().get(operation_id).iter_method is not None
    except HirelinkError:
        return False


_JSON_SPELLINGS: Final = {"True": "true", "False": "false", "None": "null"}


def _say_python_spellings_are_text(error: InputValidationError, assignments: list[str]) -> None:
    """``qualified=True`` was refused as "qualified: Input should be True": a value is
    JSON, and Python's True, False and None are not, so they are read as text."""
    spelt = dict(_split_assignment("inputs", assignment) for assignment in assignments)
    error.problems = [
        FieldProblem(
            problem.field,
            f"{spelt[problem.field]} is read as text (key=value takes JSON):"
            f" write {_JSON_SPELLINGS[spelt[problem.field]]}",
        )
        if spelt.get(problem.field) in _JSON_SPELLINGS
        else problem
        for problem in error.problems
    ]


def _answer_unread(operation_id: str, steps: list[str]) -> NoReturn:
    """Exit 6: the write was carried out, but what it made cannot be told from its answer."""
    err.print(
        f"error: {operation_id}: the provider carried out the write, but its answer could not"
        f" be read ({', '.join(dict.fromkeys(steps))})",
        style="bold red",
        highlight=False,
        markup=False,
    )
    err.print(
        "  do not run it again: look the record up at the provider first",
        highlight=False,
        markup=False,
    )
    raise typer.Exit(EXIT_UNAVAILABLE)


class _IssuedSecretKeeper:
    """Stores a secret an operation makes the provider issue (the old one stops working),
    never on the terminal: in the credentials file, or if that cannot be written, in a file
    of its own that only the user can read. That file is made before the call, so that a
    run with nowhere to keep the secret is refused before the provider is asked."""

    def __init__(self, credential: str, operation: Operation) -> None:
        self._credential = credential
        self._provider = operation.provider.name
        self._store = _store()
        self.unsaved: list[str] = []
        self._rescue: tuple[int, str] | None = None
        field_name = operation.refreshes_credential
        if field_name is None:
            return
        try:
            self._rescue = tempfile.mkstemp(prefix=f"hirelink-{credential}-{field_name}-")
        except OSError as error:
            if not _may_write(self._store):
                raise InvalidInputError(
                    "TMPDIR",
                    f"nowhere to keep the new {field_name} (one regenerated replaces the old"
                    " at once): neither the credentials file nor a temporary file can be"
                    f" written ({error.strerror or error}); set HIRELINK_CONFIG_DIR or TMPDIR"
                    " to a writable directory",
                ) from None

    def __enter__(self) -> _IssuedSecretKeeper:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._rescue is not None:  # not needed
            descriptor, path = self._rescue
            os.close(descriptor)
            os.unlink(path)

    def keep(self, field_name: str, secret: Secret) -> None:
        try:
            self._store.save_field(self._credential, self._provider, field_name, secret)
        except (OSError, InvalidInputError) as error:
            self.unsaved.append(field_name)
            reason = error.strerror if isinstance(error, OSError) else error.message
            self._rescue_secret(field_name, secret, reason or str(error))
            return
        err.print(
            f"saved the new {field_name} in credential {self._credential!r} (not shown)",
            highlight=False,
            markup=False,
        )
        variable = self._store.overriding_variable(self._credential, field_name)
        if variable is not None:
            err.print(
                f"{variable} still holds the old one and overrides the file: set it to the new "
                f"value from {self._store.path}",
                style="bold red",
                highlight=False,
                markup=False,
            )

    def _rescue_secret(self, field_name: str, secret: Secret, reason: str) -> None:
        where = self._store_path() or "the credentials file"
        if self._rescue is None:
            kept = "it could not be kept anywhere"
        else:
            descriptor, path = self._rescue
            self._rescue = None
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(secret.reveal() + "\n")
            kept = f"it is in {path} (readable only by you): store it before anything else"
        err.print(
            f"could not save the new {field_name} in {where} ({reason}); {kept}"
            " (one regenerated replaces the old at once)",
            style="bold red",
            highlight=False,
            markup=False,
        )

    def _store_path(self) -> Path | None:
        try:
            return self._store.path
        except InvalidInputError:
            return None


def _may_write(store: CredentialStore) -> bool:
    """Whether the credentials file looks writable: the directory it is replaced in (its
    link's target's, or the nearest one that exists) accepts new files. The file's own
    mode does not matter: it is replaced, not written in place."""
    try:
        directory = resolved(store.path).parent
    except InvalidInputError:
        return False
    while not directory.exists() and directory != directory.parent:
        directory = directory.parent
    return os.access(directory, os.W_OK | os.X_OK)


class _RateColumn(ProgressColumn):
    """Items per second, as rich estimates it from recent progress."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("" if speed is None else f"{speed:,.1f} items/s")


def _stream(items: Iterator[Any]) -> None:
    """Items to stdout as JSON Lines; the count and the rate to stderr when it is a terminal.

    The progress is shown only when stdout is not the same screen (redirected to a file
    or a pipe), and never takes stdout over: every item reaches stdout. What stops a watch
    (Ctrl-C, SIGTERM, SIGHUP, Ctrl-Break) stops it between two items: a line is written
    whole or not at all (an item larger than Python's buffer, interrupted on a full pipe,
    was cut short).
    """
    stop = threading.Event()
    with signals_stopping(stop):
        if not (_on_a_terminal(sys.stderr) and not _on_a_terminal(sys.stdout)):
            # No progress display at all: a disabled one still ends with a line on stderr
            # (rich 13.0). A reader that left (`| head`): _Commands ends it quietly.
            _write_lines(items, stop)
        else:
            with Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} items"),
                _RateColumn(),
                TimeElapsedColumn(),
                console=err,
                redirect_stdout=False,
                redirect_stderr=False,
            ) as progress:
                task = progress.add_task("walking", total=None)
                _write_lines(items, stop, lambda: progress.advance(task))
    if stop.is_set():  # told by the relay of the signal at the latest as the block ends
        raise KeyboardInterrupt  # exit 130: the output is not all there


def _write_lines(
    items: Iterator[Any], stop: threading.Event, written: Callable[[], None] = lambda: None
) -> None:
    for item in items:
        write_whole(json_text(item) + "\n")
        written()
        if stop.is_set():
            return


# --- credentials -------------------------------------------------------------------


@credentials_app.command("add")
def credentials_add(
    nickname: str,
    provider: Annotated[str, typer.Option(help="recruitee, join, recruitee_partners or personio.")],
    values: Annotated[
        list[str] | None, typer.Option("--set", help="field=value (repeatable).")
    ] = None,
) -> None:
    """Save a credential.

    Required fields not given with --set are prompted for (secret ones hidden), once the
    nickname and the --set field names are checked; when stdin is not a terminal, each
    is read as one line from it, in the provider's order of fields (Recruitee: company_id,
    then token), each named on stderr before its line is read. Optional secret fields not given with
    --set are prompted for, hidden, when stdin is a terminal (Enter skips one); other
    optional fields are given with --set. Saving under an existing nickname replaces that
    record.
    """
    try:
        spec = load_providers().provider(provider)
        given = dict(_split_assignment("--set", item) for item in values or [])
        store = _store()
        store.check_names(nickname, provider, given)  # before a secret is typed for nothing
        interactive = _on_a_terminal(sys.stdin)
        for credential_field in spec.credential_fields:
            label = f"{credential_field.name} ({credential_field.description})"
            if credential_field.name in given:
                continue
            if credential_field.required and not interactive:
                # Piped in, a line each: no prompt to show, no echo to turn off. Which line
                # is read for which field is said, since a token read as an id is shown.
                err.print(
                    f"reading {credential_field.name} from a line of standard input",
                    highlight=False,
                    markup=False,
                )
                line = _read_stdin(credential_field.name, line=True)
                if not line.strip():
                    raise InvalidInputError(
                        credential_field.name, "is required: give it with --set or on stdin"
                    )
                given[credential_field.name] = line
            elif credential_field.required:
                given[credential_field.name] = _prompt(
                    credential_field.name, label, hide_input=credential_field.secret
                )
            elif credential_field.secret and interactive:
                # A secret given with --set shows in `ps` and the shell's history.
                answer = _prompt(
                    credential_field.name,
                    f"{label}, optional (Enter skips it)",
                    default="",
                    show_default=False,
                    hide_input=True,
                )
                if answer:
                    given[credential_field.name] = answer
        with _credentials_file(store):
            before = store.stored_fields(nickname)
            saved = store.add(nickname, provider, given)
    except HirelinkError as error:
        _fail(error)
    if before is not None:
        dropped = sorted(set(before) - set(store.stored_fields(nickname) or []))
        note = f"; no longer stored: {', '.join(dropped)}" if dropped else ""
        err.print(f"replaced the stored {nickname}{note}", highlight=False, markup=False)
    out.print(
        f"saved {saved.nickname} ({saved.provider}) in {store.path}",
        highlight=False,
        markup=False,
    )


def _prompt(field_name: str, text: str, **options: Any) -> str:
    """``typer.prompt``, whose Ctrl-C and Ctrl-D click turns into "Aborted." and exit 1:
    Ctrl-C exits 130, as it does any other command; Ctrl-D (the input ended) is no value
    given, exit 2. Nothing is saved either way."""
    try:
        # On stderr: a prompt on stdout went into `> file` or a pipe, unseen. click writes
        # a visible prompt's last character with input(), to stdout: that goes too.
        with contextlib.redirect_stdout(sys.stderr):
            return str(typer.prompt(text, err=True, **options))
    except typer.Abort as aborted:
        if not options.get("hide_input"):
            typer.echo(err=True)  # click ends the prompt's line only for a hidden one
        if isinstance(aborted.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise InvalidInputError(field_name, "no value given (the input ended)") from None


def _as_typed(argument: str) -> str:
    """A command-line argument as typed: where Python read the command line in another
    encoding than UTF-8 (``LC_ALL=C`` with ``PYTHONUTF8=0``), text beyond ASCII arrives as
    lone surrogates, and is read again from its bytes as UTF-8 when it is that."""
    if argument.isascii():
        return argument
    try:
        return os.fsencode(argument).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return argument


def _split_assignment(option: str, item: str) -> tuple[str, str]:
    key, separator, value = _as_typed(item).partition("=")
    if not separator or not key:
        # The item itself is not echoed: it is likely a secret typed with the wrong separator.
        raise InvalidInputError(option, "expected field=value (a field name, '=', its value)")
    return key, value


@credentials_app.command("list")
def credentials_list() -> None:
    """List credentials with secrets masked."""
    store = _store()
    rows: list[tuple[str, ...]] = []
    try:
        nicknames = store.nicknames()
    except HirelinkError as error:
        _fail(error)
    for nickname in nicknames:
        try:
            credential = store.get(nickname)
        except HirelinkError as error:
            rows.append((nickname, "?", f"unusable: {error}"))
            continue
        shown = ", ".join(f"{k}={v}" for k, v in credential.masked().items())
        rows.append((nickname, credential.provider, shown))
    _print_table(("nickname", "provider", "values"), rows)


@credentials_app.command("remove")
def credentials_remove(nickname: str) -> None:
    """Delete a stored credential."""
    store = _store()
    try:
        with _credentials_file(store):
            store.remove(nickname)
    except HirelinkError as error:
        _fail(error)
    out.print(f"removed {nickname}", highlight=False)


@credentials_app.command("check")
def credentials_check(nickname: str) -> None:
    """Prove a credential works: the provider's connection check, a verdict per credential
    with what to fix."""
    try:
        credential = _store().get(nickname)
        provider = load_providers().provider(credential.provider)
        result: Any = None
        try:
            result = invoke(provider.check_operation, credential.values, provider.check_inputs)
        except NotFoundError:
            # A 404 for a sample record still means the credential was accepted; a 404 for
            # the list itself is a wrong account (Recruitee's company) or base_url.
            if not provider.check_inputs:
                raise
    except HirelinkError as error:
        _fail(error, credential=nickname)
    checks = _connection_checks(result)
    for check in checks:
        mark = "ok  " if check["ok"] else "FAIL"
        line = f"  {mark} {check.get('label') or check.get('name')}: {check.get('detail', '')}"
        out.print(line, highlight=False, markup=False)
        if not check["ok"] and check.get("fix"):
            out.print(f"       fix: {check['fix']}", highlight=False, markup=False)
    failed = [check for check in checks if not check["ok"]]
    if failed:  # an unreachable provider, or a 404, says nothing of the credential itself
        unjudged = ("unavailable", "not_found", "inconclusive")
        if any(not any(check.get(kind) for kind in unjudged) for check in failed):
            raise typer.Exit(EXIT_AUTH)  # refused: trying later would not help
        if any(check.get("unavailable") for check in failed):
            raise typer.Exit(EXIT_UNAVAILABLE)
        inconclusive = any(c.get("inconclusive") for c in failed)
        raise typer.Exit(EXIT_API_ERROR if inconclusive else EXIT_NOT_FOUND)
    out.print(f"{nickname}: ok ({provider.check_operation} succeeded)", highlight=False)


def _connection_checks(result: Any) -> list[dict[str, Any]]:
    """Per-credential results when the check operation returns them (``check_connection``)."""
    if isinstance(result, list) and all(isinstance(i, dict) and "ok" in i for i in result):
        return result
    return []


# --- sandbox -----------------------------------------------------------------------

SANDBOX_EXTRA = "hirelink[sandbox]"


def _require_sandbox(command: str) -> None:
    """Exit with a clear message when the optional stand-ins are not installed, or are
    too old (hirelink 0.1 required them directly, so `pip install -U hirelink` keeps
    0.1's)."""
    if importlib.util.find_spec("hirelink.sandbox") is None:
        problem = "which are not installed. Install them with"
    else:
        try:
            from hirelink.sandbox import StandIn, start_stand_ins  # noqa: F401
        except ImportError as error:
            if error.name != "hirelink.sandbox":  # one of its own requirements is missing
                problem = f"which cannot be imported ({error}). Reinstall them with"
            else:
                problem = (
                    f"and hirelink-sandbox {_installed_sandbox()} is too old for it. Upgrade with"
                )
        else:
            return
    err.print(
        f"`{command}` needs the local stand-ins, {problem}: pip install -U "
        f"'{SANDBOX_EXTRA}'  (operations against the real APIs do not need them).",
        highlight=False,
        markup=False,
    )
    raise typer.Exit(EXIT_BAD_INPUT)


def _installed_sandbox() -> str:
    try:
        return importlib.metadata.version("hirelink-sandbox")
    except importlib.metadata.PackageNotFoundError:  # importable without its metadata
        return "(of unknown version)"


@app.command("demo")
def demo() -> None:
    """Run every operation of every provider against local stand-ins (no account needed)."""
    _require_sandbox("hirelink demo")
    from hirelink.cli import demo as demo_module

    raise typer.Exit(demo_module.main())


@sandbox_app.command("serve")
def sandbox_serve(
    port: Annotated[
        int,
        typer.Option(
            help="First port (each stand-in takes the next; 0: free ports).", min=0, max=65532
        ),
    ] = 0,
    max_lifetime: Annotated[
        float, typer.Option(help="Stop after this many seconds (0 or less, or inf: no limit).")
    ] = 3600.0,
) -> None:
    """Start every provider's stand-in on loopback; print base URLs and credentials."""
    _require_sandbox("hirelink sandbox serve")
    from hirelink.sandbox import start_stand_ins

    try:
        stand_ins = start_stand_ins(first_port=port, max_lifetime=max_lifetime)
    except OSError as error:  # a port in use: its strerror names it
        _fail(InvalidInputError("--port", f"cannot listen on {error.strerror or error}"))
    try:
        with terminated_as_interrupted():
            for stand_in in stand_ins:
                out.print(f"[bold]{stand_in.name}[/bold] at {stand_in.url}", highlight=False)
                settings = " ".join(
                    f"--set {key}={value}" for key, value in stand_in.details.items()
                )
                out.print(
                    f"  hirelink credentials add sandbox-{stand_in.name} "
                    f"--provider {stand_in.name} {settings}",
                    highlight=False,
                    markup=False,
                )
            out.print("Sandbox credentials only open these local stand-ins. Ctrl-C stops them.")
            while all(stand_in.server.running for stand_in in stand_ins):
                threading.Event().wait(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for stand_in in stand_ins:
            stand_in.stop()
