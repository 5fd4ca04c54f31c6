"""Breaking changes between two states of each OpenAPI spec, and the bump they need.

    python -m tools.release.spec_diff [REF] [--root DIR]

With ``REF`` (any git revision), every ``specs/*.yaml`` of the working tree is compared
with its state at ``REF``. Without it (CI), each spec is compared with its *baseline*: its
state in the newest commit whose ``info.version`` differs from the working tree's, i.e.
the last state of the previous version. So every change made since the previous version
must be covered by the bump to the current one. A spec with no earlier version in the
history (a new API) has no baseline and is not checked.

A change is *breaking* when code written against the old spec can fail with the new
one; what counts depends on the direction data flows (client to API for parameters and
request bodies, API to client for responses; the other way round for ``webhooks``):

- an operation, parameter, request body, success response or property removed;
- an input newly required (parameter, request body, property, a required new one);
- an input narrowed (type, enum, bounds, pattern, format, unknown properties refused);
- an output widened in type (e.g. ``null`` added) or a property no longer always present.

New operations, optional inputs and widened inputs are *features*; anything else that
differs (descriptions, examples) is *other*. Semantic versioning: breaking needs a major
bump, a feature a minor one, other a patch; while the major version is 0 each moves down
one place (breaking needs a minor bump, the rest a patch). The check fails only when a
breaking change did not take the bump it needs (or the version went backwards); the
others are reported. Response enums are open (see the design), so enum changes in
responses are never breaking.

Home-made because no maintained tool installable here handles OpenAPI 3.1 (oasdiff is a
Go binary, openapi-diff on npm reads 2.0/3.0 only, the PyPI candidates skip enums).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from packaging.version import Version

from ..yaml_files import load_yaml
from .distributions import ROOT

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
Schema = dict[str, Any]


class Kind(IntEnum):
    OTHER = 1
    FEATURE = 2
    BREAKING = 3


class Bump(IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


@dataclass(frozen=True)
class Change:
    kind: Kind
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.kind.name.lower()}: {self.where}: {self.what}"


# --- comparing two documents -----------------------------------------------------------


class _Differ:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.docs = (old, new)
        self.changes: list[Change] = []
        self.open: set[tuple[str, str, bool]] = set()

    def add(self, kind: Kind, where: str, what: str) -> None:
        self.changes.append(Change(kind, where, what))

    def resolve(self, side: int, node: Any) -> Any:
        """Follow local ``$ref``s; sibling keywords (3.1) override the target's."""
        for _ in range(50):
            if not isinstance(node, dict) or not str(node.get("$ref", "")).startswith("#/"):
                return node
            target: Any = self.docs[side]
            for part in node["$ref"][2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **siblings} if siblings and isinstance(target, dict) else target
        raise ValueError("$ref chain too long")

    # operations
    def compare(self) -> list[Change]:
        old_ops, new_ops = (dict(_operations(doc)) for doc in self.docs)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            self.add(Kind.BREAKING, old_ops[key][0], "operation removed")
        for key in sorted(new_ops.keys() - old_ops.keys()):
            self.add(Kind.FEATURE, new_ops[key][0], "operation added")
        for key in sorted(old_ops.keys() & new_ops.keys()):
            where, old_op, old_params, inbound = old_ops[key]
            _, new_op, new_params, _ = new_ops[key]
            self.operation(where, old_op, old_params, new_op, new_params, inbound)
        if self.docs[0] != self.docs[1] and not self.changes:
            self.add(Kind.OTHER, "document", "descriptions, examples or other details changed")
        return self.changes

    def operation(
        self, where: str, old: Any, old_params: Any, new: Any, new_params: Any, inbound: bool
    ) -> None:
        params = (self.parameters(0, old_params, old), self.parameters(1, new_params, new))
        for key in sorted(params[0].keys() | params[1].keys()):
            self.member(
                f"{where} {key[0]} parameter {key[1]}",
                params[0].get(key),
                params[1].get(key),
                incoming=not inbound,
            )
        bodies = (self.resolve(0, old.get("requestBody")), self.resolve(1, new.get("requestBody")))
        self.member(f"{where} request body", *bodies, incoming=not inbound, content=True)
        old_responses = old.get("responses") or {}
        new_responses = new.get("responses") or {}
        for code in sorted(old_responses.keys() | new_responses.keys()):
            self.response(f"{where} response {code}", code, old_responses, new_responses, inbound)

    def parameters(self, side: int, item_params: Any, operation: Any) -> dict[tuple[str, str], Any]:
        found = {}
        for raw in [*(item_params or []), *(operation.get("parameters") or [])]:
            param = self.resolve(side, raw)
            name = param["name"].lower() if param["in"] == "header" else param["name"]
            found[(param["in"], name)] = param
        return found

    def member(
        self, where: str, old: Any, new: Any, *, incoming: bool, content: bool = False
    ) -> None:
        """A parameter or request body: present, required, and its schema(s)."""
        if old is None and new is None:
            return
        if new is None:
            self.add(Kind.BREAKING, where, "removed")
            return
        if old is None:
            required = bool(new.get("required")) and incoming
            self.add(
                Kind.BREAKING if required else Kind.FEATURE,
                where,
                "added" + " (required)" * required,
            )
            return
        self.required(where, bool(old.get("required")), bool(new.get("required")), incoming)
        if content:
            self.content(where, old.get("content") or {}, new.get("content") or {}, incoming)
        else:
            self.schema(where, old.get("schema"), new.get("schema"), incoming)

    def response(self, where: str, code: str, old_all: Any, new_all: Any, inbound: bool) -> None:
        old, new = self.resolve(0, old_all.get(code)), self.resolve(1, new_all.get(code))
        success = code.startswith("2")
        if new is None:
            self.add(Kind.BREAKING if success else Kind.OTHER, where, "response removed")
        elif old is None:
            self.add(Kind.FEATURE, where, "response added")
        else:
            self.content(where, old.get("content") or {}, new.get("content") or {}, inbound)

    def content(self, where: str, old: Any, new: Any, incoming: bool) -> None:
        for media in sorted(old.keys() - new.keys()):
            self.add(
                Kind.BREAKING if incoming else Kind.OTHER, f"{where} {media}", "media type removed"
            )
        for media in sorted(new.keys() - old.keys()):
            self.add(Kind.FEATURE, f"{where} {media}", "media type added")
        for media in sorted(old.keys() & new.keys()):
            self.schema(where, old[media].get("schema"), new[media].get("schema"), incoming)

    def required(self, where: str, old: bool, new: bool, incoming: bool) -> None:
        if old == new:
            return
        if incoming:
            kind, what = (Kind.BREAKING, "now required") if new else (Kind.FEATURE, "now optional")
        else:
            kind, what = (
                (Kind.OTHER, "now always present")
                if new
                else (Kind.BREAKING, "now optional: no longer always present")
            )
        self.add(kind, where, what)

    # schemas
    def schema(self, where: str, old_raw: Any, new_raw: Any, incoming: bool) -> None:
        if old_raw is None or new_raw is None:
            return
        pair = (str(old_raw.get("$ref")), str(new_raw.get("$ref")), incoming)
        if "$ref" in old_raw and "$ref" in new_raw:
            if pair in self.open:  # a recursive schema, already being compared
                return
            self.open.add(pair)
        try:
            self._schema(where, old_raw, new_raw, incoming)
        finally:
            self.open.discard(pair)

    def _schema(self, where: str, old_raw: Any, new_raw: Any, incoming: bool) -> None:
        old = _flatten(self, 0, self.resolve(0, old_raw))
        new = _flatten(self, 1, self.resolve(1, new_raw))
        self.types(where, _types(self, 0, old), _types(self, 1, new), incoming)
        self.enum(where, old, new, incoming)
        if incoming:
            self.bounds(where, old, new)
        old, new = _unwrap_nullable(self, 0, old), _unwrap_nullable(self, 1, new)
        self.properties(where, old, new, incoming)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            self.schema(f"{where}[]", old["items"], new["items"], incoming)

    def types(self, where: str, old: set[str] | None, new: set[str] | None, incoming: bool) -> None:
        narrowed = new is not None and (old is None or not _covered(old, new))
        widened = old is not None and (new is None or not _covered(new, old))
        shown = f"{_show(old)} -> {_show(new)}"
        if incoming and narrowed:
            self.add(Kind.BREAKING, where, f"type narrowed: {shown}")
        elif not incoming and widened:
            self.add(Kind.BREAKING, where, f"type widened: {shown}")
        elif narrowed or widened:
            self.add(Kind.FEATURE if widened else Kind.OTHER, where, f"type changed: {shown}")

    def enum(self, where: str, old: Schema, new: Schema, incoming: bool) -> None:
        old_values, new_values = _enum(old), _enum(new)
        if old_values == new_values:
            return
        removed = sorted((old_values or set()) - (new_values or set()))
        added = sorted((new_values or set()) - (old_values or set()))
        narrowed = new_values is not None and (old_values is None or bool(removed))
        detail = ", ".join(
            [f"removed {' '.join(removed)}"] * bool(removed)
            + [f"added {' '.join(added)}"] * bool(added)
            + ["values now restricted"] * (old_values is None)
            + ["values no longer restricted"] * (new_values is None)
        )
        if incoming and narrowed:
            self.add(Kind.BREAKING, where, f"enum narrowed: {detail}")
        else:
            self.add(Kind.OTHER if narrowed else Kind.FEATURE, where, f"enum changed: {detail}")

    def bounds(self, where: str, old: Schema, new: Schema) -> None:
        for name in LOWER_BOUNDS + UPPER_BOUNDS:
            if name not in new or isinstance(new[name], bool):
                continue
            lower = name in LOWER_BOUNDS
            if name not in old or (new[name] > old[name] if lower else new[name] < old[name]):
                self.add(Kind.BREAKING, where, f"{name} narrowed to {new[name]}")
        for name in ("pattern", "format"):
            if name in new and new[name] != old.get(name):
                self.add(Kind.BREAKING, where, f"{name} now {new[name]!r}")
        if (
            new.get("additionalProperties") is False
            and old.get("additionalProperties") is not False
        ):
            self.add(Kind.BREAKING, where, "unknown properties no longer accepted")

    def properties(self, where: str, old: Schema, new: Schema, incoming: bool) -> None:
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        for name in sorted(old_props.keys() - new_props.keys()):
            self.add(Kind.BREAKING, f"{where}.{name}", "property removed")
        for name in sorted(new_props.keys() - old_props.keys()):
            required = incoming and name in new_req
            self.add(
                Kind.BREAKING if required else Kind.FEATURE,
                f"{where}.{name}",
                "property added" + " (required)" * required,
            )
        for name in sorted(old_props.keys() & new_props.keys()):
            self.required(f"{where}.{name}", name in old_req, name in new_req, incoming)
            self.schema(f"{where}.{name}", old_props[name], new_props[name], incoming)
        undeclared = (new_req - old_req) - new_props.keys()
        for name in sorted(undeclared if incoming else set()):
            self.add(Kind.BREAKING, f"{where}.{name}", "now required")


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, tuple[str, Any, Any, bool]]]:
    """(key, (label, operation, path-level parameters, inbound)) of paths and webhooks."""
    for group, inbound in (("paths", False), ("webhooks", True)):
        for route, item in (doc.get(group) or {}).items():
            for method in HTTP_METHODS:
                if isinstance(item, dict) and method in item:
                    shape = re.sub(r"\{[^}]*\}", "{}", route)  # renamed path parameters match
                    label = f"{'webhook ' * inbound}{method.upper()} {route}"
                    if item[method].get("operationId"):
                        label += f" ({item[method]['operationId']})"
                    yield (
                        f"{group} {method} {shape}",
                        (label, item[method], item.get("parameters"), inbound),
                    )


def _flatten(differ: _Differ, side: int, schema: Any) -> Schema:
    """Merge ``allOf`` members' properties and required names into the schema."""
    if not isinstance(schema, dict):
        return {}
    if "allOf" not in schema:
        return schema
    merged: Schema = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = _flatten(differ, side, differ.resolve(side, part))
        merged.setdefault("type", part.get("type"))
        merged["properties"] = {**part.get("properties", {}), **merged.get("properties", {})}
        merged["required"] = sorted({*merged.get("required", []), *part.get("required", [])})
    return {k: v for k, v in merged.items() if v is not None}


def _branches(differ: _Differ, side: int, schema: Schema) -> list[Any] | None:
    branches = schema.get("anyOf") or schema.get("oneOf")
    return [differ.resolve(side, b) for b in branches] if isinstance(branches, list) else None


def _types(differ: _Differ, side: int, schema: Schema) -> set[str] | None:
    """The JSON types a schema admits; None for any."""
    if "type" in schema:
        declared = schema["type"]
        return {declared} if isinstance(declared, str) else set(declared)
    branches = _branches(differ, side, schema)
    if branches is None:
        return None
    union: set[str] = set()
    for branch in branches:
        types = _types(differ, side, _flatten(differ, side, branch))
        if types is None:
            return None
        union |= types
    return union


def _unwrap_nullable(differ: _Differ, side: int, schema: Schema) -> Schema:
    """``anyOf: [X, {type: 'null'}]`` compares as X (nullability is in the type set)."""
    branches = _branches(differ, side, schema)
    if branches is None:
        return schema
    real = [b for b in branches if b.get("type") not in ("null", ["null"])]
    return _flatten(differ, side, real[0]) if len(real) == 1 else schema


def _enum(schema: Schema) -> set[str] | None:
    values = [schema["const"]] if "const" in schema else schema.get("enum")
    return None if values is None else {json.dumps(v, sort_keys=True) for v in values}


def _covered(types: set[str], by: set[str]) -> bool:
    return all(t in by or (t == "integer" and "number" in by) for t in types)


def _show(types: set[str] | None) -> str:
    return "any" if types is None else "[" + ", ".join(sorted(types)) + "]"


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change between two OpenAPI documents, classified."""
    return _Differ(old, new).compare()


# --- versions ------------------------------------------------------------------------------


def needed_bump(kind: Kind, old_version: str) -> Bump:
    """The smallest bump a change of ``kind`` needs from ``old_version``."""
    bump = Bump(int(kind))
    return Bump(max(bump - 1, Bump.PATCH)) if Version(old_version).major == 0 else bump


def taken_bump(old_version: str, new_version: str) -> Bump | None:
    """How far ``new_version`` moved from ``old_version``; None when it went backwards."""
    old, new = Version(old_version), Version(new_version)
    if new < old:
        return None
    new_parts, old_parts = (*new.release, 0, 0), (*old.release, 0, 0)
    parts = [new_parts[i] > old_parts[i] for i in range(3)]
    for index, moved in enumerate(parts):
        if moved:
            return Bump(Bump.MAJOR - index)
    return Bump.PATCH if new > old else Bump.NONE


@dataclass(frozen=True)
class Verdict:
    spec: str
    old_version: str
    new_version: str
    changes: list[Change]

    @property
    def needed(self) -> Bump:
        kinds = {c.kind for c in self.changes}
        return max((needed_bump(k, self.old_version) for k in kinds), default=Bump.NONE)

    @property
    def problem(self) -> str | None:
        taken = taken_bump(self.old_version, self.new_version)
        if taken is None:
            return f"version went backwards: {self.old_version} -> {self.new_version}"
        if any(c.kind is Kind.BREAKING for c in self.changes):
            needed = needed_bump(Kind.BREAKING, self.old_version)
            if taken < needed:
                return (
                    f"breaking changes need at least a {needed.name.lower()} bump from "
                    f"{self.old_version}; info.version took {taken.name.lower()}"
                )
        return None


def judge(name: str, old_text: str, new_text: str) -> Verdict:
    old, new = load_yaml(old_text), load_yaml(new_text)
    return Verdict(
        name, str(old["info"]["version"]), str(new["info"]["version"]), compare(old, new)
    )


# --- git ---------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> str | None:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def at_ref(root: Path, ref: str, relative: str) -> str | None:
    """A file's text at a git revision; None when it did not exist there."""
    return _git(root, "show", f"{ref}:./{relative}")


def baseline(root: Path, relative: str, version: str) -> tuple[str, str] | None:
    """(commit, text): the newest committed state of the spec with another version."""
    log = _git(root, "log", "--format=%H", "--", relative) or ""
    for commit in log.split():
        text = at_ref(root, commit, relative)
        if text is None:
            return None  # deleted there: an older, unrelated life of the file
        if str(load_yaml(text)["info"]["version"]) != version:
            return commit, text
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", help="git revision to compare with (default: baselines)")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    failed = False
    if (
        args.ref
        and _git(args.root, "rev-parse", "--verify", "--quiet", f"{args.ref}^{{commit}}") is None
    ):
        # A shallow clone lacks it too: comparing with nothing passed every spec.
        print(f"{args.ref} is not a commit of this clone (a shallow one?)", file=sys.stderr)
        return 1
    specs = sorted(
        p for p in (args.root / "specs").glob("*.yaml") if not p.name.endswith(".config.yaml")
    )
    for spec in specs:
        relative = spec.relative_to(args.root).as_posix()
        text = spec.read_text(encoding="utf-8")
        version = str(load_yaml(text)["info"]["version"])
        if args.ref:
            old_text, against = at_ref(args.root, args.ref, relative), args.ref
        else:
            found = baseline(args.root, relative, version)
            old_text, against = (found[1], found[0][:10]) if found else (None, "")
        if (
            old_text is None
            and not args.ref
            and _git(args.root, "rev-parse", "--is-shallow-repository") == "true\n"
        ):
            # A shallow clone (CI's default checkout) looks like a spec with no history.
            print(
                f"{relative}: no earlier version in a shallow clone; fetch the history"
                " (git fetch --unshallow) or name a revision to compare with",
                file=sys.stderr,
            )
            failed = True
            continue
        if old_text is None:
            reason = f"not at {args.ref}" if args.ref else "no earlier version in git history"
            print(f"{relative} {version}: {reason}; nothing to compare")
            continue
        verdict = judge(relative, old_text, text)
        print(
            f"{relative}: {verdict.old_version} ({against}) -> {verdict.new_version} (working tree)"
        )
        for change in verdict.changes:
            print(f"  {change}")
        print(f"  smallest bump these changes need: {verdict.needed.name.lower()}")
        if verdict.problem:
            failed = True
            print(f"  FAIL: {verdict.problem}; raise info.version and regenerate", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
