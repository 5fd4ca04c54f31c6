"""Each provider's README (its PyPI page) names every operation the catalog has for it,
and its guide calls each in an example that runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hirelink.operations import load_providers
from tests.docs.examples.blocks import python_blocks

ROOT = Path(__file__).resolve().parents[2]
READMES = {
    "recruitee": "wrappers/recruitee/README.md",
    "join": "wrappers/join/README.md",
    "personio": "wrappers/personio/README.md",
    "recruitee_partners": "wrappers/recruitee-partners/README.md",
    # the guides of the docs site, one section (or mention) per operation
    "recruitee guide": "docs/providers/recruitee.md",
    "join guide": "docs/providers/join.md",
    "personio guide": "docs/providers/personio.md",
    "recruitee_partners guide": "docs/providers/recruitee-partners.md",
}


@pytest.mark.parametrize("page", sorted(READMES))
def test_every_operation_is_named_on_its_providers_pages(page: str) -> None:
    # Adding an operation touches these words by hand (wrappers/README.md); two Partners
    # operations had gone unmentioned on its README.
    provider = page.removesuffix(" guide")
    text = (ROOT / READMES[page]).read_text(encoding="utf-8")
    names = [
        operation.id.partition(".")[2]
        for operation in load_providers().operations()
        if operation.id.startswith(f"{provider}.")
    ]
    assert names
    assert [name for name in names if f"`{name}" not in text and f"{name}(" not in text] == []


@pytest.mark.parametrize("provider", sorted(p.name for p in load_providers().providers()))
def test_every_operation_is_called_in_an_example_of_its_guide(provider: str) -> None:
    # docs/providers/index.md promises a short example of each; the guides' blocks are
    # run and type-checked. Personio's list_webhook_events was named in a heading alone.
    guide = ROOT / READMES[f"{provider} guide"]
    code = "\n".join(block.code for block in python_blocks(guide) if not block.not_run)
    methods = [
        name
        for operation in load_providers().operations(provider)
        for name in (operation.method, operation.iter_method)
        if name is not None
    ]
    assert methods
    assert [name for name in methods if not re.search(rf"\.{name}\(", code)] == []
