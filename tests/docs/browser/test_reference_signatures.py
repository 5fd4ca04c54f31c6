"""The API reference shows each client method as a caller meets it: an async operation as
``async``, a walk or a watch as a generator (never awaited, on the async client too).

Read from the built HTML (HIRELINK_DOCS_SITE), no browser needed.
"""

from __future__ import annotations

import html
import inspect
import re
from typing import Any

import pytest

from hirelink.core.clients import AsyncProviderClient
from hirelink.core.operations import Walker, Watcher, declarations
from hirelink.join import AsyncJoin, Join
from hirelink.personio import AsyncPersonio, Personio
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners

from .test_site import SITE

CLIENTS = [
    Recruitee, AsyncRecruitee, Join, AsyncJoin,
    Personio, AsyncPersonio, RecruiteePartners, AsyncRecruiteePartners,
]  # fmt: skip


def _rendered_signatures() -> dict[str, str]:
    """Each documented method's signature line as text, by its anchor."""
    found: dict[str, str] = {}
    for page in (SITE / "reference").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for anchor, body in re.findall(r'<dt class="sig[^"]*" id="([^"]+)">(.*?)</dt>', text, re.S):
            plain = html.unescape(re.sub(r"<[^>]+>", "", body))
            found[anchor] = re.sub(r"\s+", " ", plain).replace("¶", "").strip()
    return found


@pytest.mark.parametrize("client", CLIENTS, ids=lambda client: client.__name__)
def test_every_operation_shows_how_it_is_called_and_what_it_gives(client: type[Any]) -> None:
    rendered = _rendered_signatures()
    is_async = issubclass(client, AsyncProviderClient)
    for name, declaration in declarations(client).items():
        anchor = f"{client.__module__}.{client.__name__}.{name}"
        line = rendered.get(anchor)
        assert line is not None, f"{anchor} is not in the API reference"
        iterating = isinstance(declaration, (Walker, Watcher))
        assert line.startswith("async ") == (is_async and not iterating), line
        shown = _without_modules(line.rpartition("→")[2])
        if iterating:
            kind = "AsyncGenerator" if is_async else "Generator"
            assert shown.startswith(f"{kind}["), (anchor, shown)
            assert declaration.result_type.__name__ in shown, (anchor, shown)
        else:
            result = inspect.signature(getattr(client, name)).return_annotation
            assert shown == _without_modules(_written(result)), (anchor, shown)


def _written(annotation: Any) -> str:
    if annotation is None or annotation is type(None):
        return "None"
    return annotation.__name__ if isinstance(annotation, type) else str(annotation)


def _without_modules(text: str) -> str:
    return re.sub(r"\b[a-z_][\w]*\.", "", text).replace(" ", "")


def test_attrs_classes_show_their_defaults_not_the_text_attrs_generated() -> None:
    """autodoc_preserve_defaults quoted the __init__ attrs writes: ``type=attr_dict['type']
    .default``, ``headers=NOTHING``, in 144 signatures."""
    rendered = _rendered_signatures()
    generated_text = [
        a for a, line in rendered.items() if "attr_dict[" in line or "NOTHING" in line
    ]
    assert generated_text == []
    addresses = [anchor for anchor, line in rendered.items() if " at 0x" in line]
    assert addresses == []  # a function's repr: unreadable, and new at every build
    assert "= equal_jitter" in rendered["hirelink.core.transport.RetryPolicy"]
    fault = rendered["hirelink.sandbox.faults.Fault"]
    assert "status: int = 503" in fault
    assert "headers: dict[str, str] = dict()" in fault
    assert "type: str | Enum | None = None" in rendered["hirelink.core.files.Document"]
