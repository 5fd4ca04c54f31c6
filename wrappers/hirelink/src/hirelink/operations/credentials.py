"""Named credentials ("credential nicknames"), stored in a TOML file only its owner reads.

The file is ``credentials.toml`` in the user's config directory (``HIRELINK_CONFIG_DIR``
overrides the directory), created with mode 0600. Environment variables override stored
values, or define a whole credential: ``HIRELINK_CREDENTIAL_<NICK>_<FIELD>`` (nickname
and field upper-cased, other characters as ``_``), e.g.
``HIRELINK_CREDENTIAL_ACME_TOKEN``; ``..._PROVIDER`` names the provider. A variable that
is empty or blank counts as unset (as the clients' own variables do); a set one is used
with its surrounding spaces removed, and one that names no field of the credential is
refused. A blank value, stored or given, counts as no value.
Secret fields are :class:`~hirelink.core.Secret` values once loaded, so they never print.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w
from attrs import define, field

from hirelink.core import InvalidInputError, Secret
from hirelink.core.file_updates import one_writer, replace_file, resolved
from hirelink.core.redaction import without_password

from .registry import Catalog, Provider

ENV_PREFIX = "HIRELINK_CREDENTIAL_"
_NICKNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def _env_key(nickname: str, field_name: str) -> str:
    return ENV_PREFIX + _key_part(f"{nickname}_{field_name}")


def _key_part(name: str) -> str:
    """``name`` as it appears in a variable's name: upper-cased, other characters ``_``."""
    return re.sub(r"[^A-Z0-9]", "_", name.upper())


def _is_blank(value: Any) -> bool:
    """No value: none, or text of spaces only (a hand edit, ``--set 'token= '``; a
    :class:`Secret` is never blank)."""
    return value is None or (isinstance(value, str) and not value.strip())


@define(frozen=True)
class Credential:
    """A provider credential under a nickname; secret values are masked when shown."""

    nickname: str
    provider: str
    values: Mapping[str, Any] = field(repr=False)

    def masked(self) -> dict[str, str]:
        """Values for display: secrets as ``***``, and so is the ``user:password@`` of a URL
        (a ``base_url`` set that way is refused when used, but listed before it is)."""
        return {
            name: "***"
            if isinstance(value, Secret)
            else without_password(str(value))
            if "://" in str(value)
            else str(value)
            for name, value in self.values.items()
        }

    def __repr__(self) -> str:
        shown = self.masked()
        return f"Credential(nickname={self.nickname!r}, provider={self.provider!r}, values={shown})"


def default_path() -> Path:
    """Where credentials are kept: ``$HIRELINK_CONFIG_DIR/credentials.toml``, else the
    user's configuration directory. Raises InvalidInputError when neither is set and there
    is no home directory (a container's user with no HOME and no passwd entry)."""
    directory = os.environ.get("HIRELINK_CONFIG_DIR", "").strip()
    if directory:
        # Set where no shell expands `~` (a docker env-file, systemd, Kubernetes), a
        # relative path made a `~` folder wherever the command ran.
        path = Path(directory)
        with contextlib.suppress(RuntimeError):  # no home directory to expand `~` to
            path = path.expanduser()
        if not path.is_absolute():
            raise InvalidInputError(
                "HIRELINK_CONFIG_DIR",
                f"{directory!r} is not an absolute path: give the whole path of a directory",
            )
        return path / "credentials.toml"
    try:
        base = platformdirs.user_config_path("hirelink")
    except RuntimeError:  # no home directory at all
        base = None
    # platformdirs before 4.3 gives "~/.config/..." as written when HOME is unknown.
    if base is None or not base.is_absolute():
        raise InvalidInputError(
            "HIRELINK_CONFIG_DIR",
            "there is no home directory to keep credentials in: set HIRELINK_CONFIG_DIR"
            " (or HOME) to a directory",
        )
    return base / "credentials.toml"


class CredentialStore:
    """Reads and writes named credentials; checks them against the providers' fields."""

    def __init__(
        self,
        catalog: Catalog,
        path: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._catalog = catalog
        self._path = path
        self._environ = os.environ if environ is None else environ

    @property
    def path(self) -> Path:
        """The credentials file (asked for when needed: credentials from the environment
        alone work where there is no home directory)."""
        if self._path is None:
            self._path = default_path()
        return self._path

    def _read(self) -> dict[str, dict[str, Any]]:
        """The ``[credentials]`` table: one table per nickname."""
        return self._credentials_of(self._document())

    def _credentials_of(self, document: dict[str, Any]) -> dict[str, dict[str, Any]]:
        stored = document.get("credentials", {})
        if not isinstance(stored, dict) or not all(isinstance(v, dict) for v in stored.values()):
            raise InvalidInputError(
                "credentials", f"{self.path}: [credentials] must hold one table per nickname"
            )
        return stored

    def _document(self) -> dict[str, Any]:
        """The whole file, ``[credentials]`` and whatever else it holds (none where there
        is no place for one)."""
        try:
            path = self.path
        except InvalidInputError:
            if os.environ.get("HIRELINK_CONFIG_DIR", "").strip():
                raise  # a directory named wrongly: said, not taken for an empty file
            return {}  # no home directory: credentials from the environment alone
        try:
            if not path.exists():
                return {}
            raw = path.read_bytes()
        except OSError as error:  # unreadable: named, and exit 2, not a bare [Errno 13]
            raise InvalidInputError("credentials", f"{path}: {error.strerror or error}") from None
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            problem = f"{self.path} is UTF-16 text (PowerShell's `>`): save it as UTF-8"
            raise InvalidInputError("credentials", problem)
        try:
            # A byte-order mark (Windows editors write one) is no TOML: skipped.
            text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        except UnicodeDecodeError:
            problem = f"{self.path} is not UTF-8 text (saved as 'ANSI'?): save it as UTF-8"
            raise InvalidInputError("credentials", problem) from None
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            problem = f"{self.path} is not valid TOML: {error}"
            raise InvalidInputError("credentials", problem) from None

    @contextlib.contextmanager
    def _updating(self) -> Iterator[dict[str, dict[str, Any]]]:
        """The stored credentials to change in place, written back (atomically, mode 0600)
        when the block ends without an error. One writer at a time, across processes:
        two `credentials add` at once each wrote what they had read, so one was lost, and
        a secret just issued could be replaced by the retired one. What else the file
        holds (tables a later release added, or a user's) is written back as it was read;
        its comments are not kept."""
        resolved(self.path).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with one_writer(self.path) as file:
            document = self._document()
            stored = self._credentials_of(document)
            yield stored
            document["credentials"] = stored
            replace_file(file, tomli_w.dumps(document).encode(), private=True)

    def _variable(self, nickname: str, field_name: str) -> str | None:
        """The value of the variable overriding ``field_name``, stripped; None when it is
        unset, empty or blank."""
        return self._environ.get(_env_key(nickname, field_name), "").strip() or None

    def _nicknames_in_environment(self) -> set[str]:
        suffix = "_PROVIDER"
        return {
            key[len(ENV_PREFIX) : -len(suffix)].lower()
            for key, value in self._environ.items()
            if key.startswith(ENV_PREFIX) and key.endswith(suffix) and value.strip()
        }

    def nicknames(self) -> list[str]:
        stored = set(self._read())
        # An environment override of a stored `sandbox-join` reads back as `sandbox_join`.
        overriding = {_env_key(nickname, "provider") for nickname in stored}
        defined = {
            nickname
            for nickname in self._nicknames_in_environment()
            if _env_key(nickname, "provider") not in overriding
        }
        return sorted(stored | defined)

    def get(self, nickname: str) -> Credential:
        """The credential, environment overrides applied, secrets wrapped in Secret."""
        stored = self._read()
        raw = dict(stored.get(nickname, {}))
        provider_name = self._variable(nickname, "provider") or raw.get("provider")
        if provider_name is None and nickname in stored:
            raise InvalidInputError(
                "credential",
                f"{nickname!r} in {self.path} names no provider: add `provider = ...` "
                f"({', '.join(p.name for p in self._catalog.providers())}) to its table, or "
                "add it again with `hirelink credentials add`",
            )
        if provider_name is None:
            known = ", ".join(self.nicknames()) or "none yet"
            raise InvalidInputError(
                "credential",
                f"no credential {nickname!r} (known: {known}); add it with "
                f"`hirelink credentials add`, or set {_env_key(nickname, 'provider')} and "
                "its fields in the environment",
            )
        provider = self._catalog.provider(str(provider_name))
        if raw.get("provider", provider.name) != provider.name:
            # Blamed on a stored key instead, and a field both providers have would mix
            # one provider's stored values into the other's credential.
            raise InvalidInputError(
                "credential.provider",
                f"{_env_key(nickname, 'provider')} names {provider.name!r}, but credential"
                f" {nickname!r} in {self.path} is a {raw['provider']} credential: unset the"
                f" variable, or give the {provider.name} credential another nickname",
            )
        field_names = {spec.name for spec in provider.credential_fields}
        for stored_name in sorted(set(raw) - field_names - {"provider"}):
            # A field the provider no longer has was dropped without a word: a Personio
            # credential saved with 0.1's api_base_url sent its secret to production.
            raise InvalidInputError(
                f"credential.{stored_name}",
                f"credential {nickname!r} in {self.path} holds {stored_name!r}, which is "
                f"{provider.not_a_field(stored_name)}: add the credential again with "
                "`hirelink credentials add`, or rename the key in the file",
            )
        self._check_variables(nickname, provider, others=set(stored) - {nickname})
        values: dict[str, Any] = {}
        for spec in provider.credential_fields:
            value = self._variable(nickname, spec.name) or raw.get(spec.name)
            if _is_blank(value):
                if spec.required:
                    raise InvalidInputError(
                        f"credential.{spec.name}",
                        f"credential {nickname!r} has no {spec.name} ({spec.description})",
                    )
                continue
            values[spec.name] = Secret(str(value)) if spec.secret else value
        return Credential(nickname, provider.name, values)

    def _check_variables(self, nickname: str, provider: Provider, others: set[str]) -> None:
        """Refuse a set ``HIRELINK_CREDENTIAL_<NICK>_*`` variable that names no field:
        ignored, a misspelt ``..._BASEURL`` sent the credential to production. Variables
        of another nickname that begins the same way (``acme-jobs`` beside ``acme``) are
        left alone."""
        prefix = _env_key(nickname, "")
        known = {_key_part(spec.name) for spec in provider.credential_fields} | {"PROVIDER"}
        others = (others | self._nicknames_in_environment()) - {nickname}
        # What follows the prefix in the variables of the other nicknames it begins.
        other_parts = {
            part[len(prefix) - len(ENV_PREFIX) :]
            for other in others
            if (part := _key_part(other) + "_").startswith(prefix[len(ENV_PREFIX) :])
        }
        # The variables of the other nicknames, whatever their provider: `shop`'s
        # ..._SHOP_BASE_URL begins like those of `shop-base`.
        every_field = {"provider"} | {
            spec.name for each in self._catalog.providers() for spec in each.credential_fields
        }
        theirs = {_env_key(other, name) for other in others for name in every_field}
        for key in sorted(self._environ):
            suffix = key[len(prefix) :]
            if not key.startswith(prefix) or suffix in known or not self._environ[key].strip():
                continue
            if key in theirs or any(suffix.startswith(part) for part in other_parts if part):
                continue
            fields = ", ".join(sorted(f"{prefix}{name}" for name in known))
            raise InvalidInputError(
                key,
                f"names no field of credential {nickname!r} ({provider.name}): the variables"
                f" it reads are {fields}; correct or unset it",
            )

    def check_names(self, nickname: str, provider: str, field_names: Iterable[str]) -> None:
        """The checks of :meth:`add` that need no values: the nickname, the provider and
        the field names (a command asks for the values only once these pass)."""
        if not _NICKNAME.fullmatch(nickname):  # `$` let a trailing line break through
            raise InvalidInputError("nickname", "use letters, digits, '.', '_' or '-'")
        known = {f.name for f in self._catalog.provider(provider).credential_fields}
        unknown = sorted(set(field_names) - known)
        if unknown:
            raise InvalidInputError(
                f"credential.{unknown[0]}",
                f"not a {provider} credential field ({', '.join(sorted(known))})",
            )

    def add(self, nickname: str, provider: str, values: Mapping[str, Any]) -> Credential:
        """Store (or replace) a credential after checking its fields."""
        self.check_names(nickname, provider, values)
        spec = self._catalog.provider(provider)
        missing = [
            f.name for f in spec.credential_fields if f.required and _is_blank(values.get(f.name))
        ]
        if missing:
            problem = "is required (a blank value is none)"
            raise InvalidInputError(f"credential.{missing[0]}", problem)
        # Before writing: `get` below would refuse these after the record was saved.
        self._check_variables(nickname, spec, others=set(self._read()) - {nickname})
        named = self._variable(nickname, "provider")
        if named is not None and named != provider:
            raise InvalidInputError(
                "credential.provider",
                f"{_env_key(nickname, 'provider')} names {named!r}, but the credential added"
                f" is a {provider} one: unset the variable, or add it under another nickname",
            )
        with self._updating() as stored:
            stored[nickname] = {
                "provider": provider,
                **{
                    name: value.reveal() if isinstance(value, Secret) else value
                    for name, value in values.items()
                    if not _is_blank(value)
                },
            }
        return self.get(nickname)

    def stored_fields(self, nickname: str) -> list[str] | None:
        """The fields the file holds for ``nickname`` (no values), or None if it holds none."""
        record = self._read().get(nickname)
        return None if record is None else sorted(set(record) - {"provider"})

    def save_field(self, nickname: str, provider: str, field_name: str, value: Secret) -> None:
        """Store one new value (an issued secret) in the file's record of ``nickname``,
        leaving its other stored values as they are; values from the environment are never
        written. Raises ``OSError`` when the file cannot be written."""
        with self._updating() as stored:
            record = dict(stored.get(nickname, {"provider": provider}))
            record[field_name] = value.reveal()
            stored[nickname] = record

    def overriding_variable(self, nickname: str, field_name: str) -> str | None:
        """The environment variable that overrides ``field_name`` of ``nickname``, if set."""
        return _env_key(nickname, field_name) if self._variable(nickname, field_name) else None

    def remove(self, nickname: str) -> None:
        with self._updating() as stored:
            if nickname not in stored:
                raise InvalidInputError("credential", f"no stored credential {nickname!r}")
            del stored[nickname]

    def credential_values(self, nickname: str) -> dict[str, Any]:
        """Values ready to build a client (secrets stay Secret; clients accept them)."""
        return dict(self.get(nickname).values)
