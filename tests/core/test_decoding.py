"""The JSON decoder: orjson when installed, json as the fallback, both read every answer.

The test group installs orjson (``hirelink-core[speedups]``), so both paths run here: the
fallback by blocking orjson's import or by ``HIRELINK_JSON_DECODER=json``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hirelink.core import decoding
from hirelink.core.decoding import DECODER_ENV, Decoder, active_decoder, choose_decoder
from hirelink.core.errors import InvalidInputError
from hirelink.core.reading import PARSE_ERRORS
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.sandbox import Fault, RecruiteeSandbox, StandIn

orjson = pytest.importorskip("orjson")

# What json reads and orjson refuses: each must read the same through either decoder.
ONLY_JSON_READS = [
    b'\xef\xbb\xbf{"id": 1}',
    '{"id": 1}'.encode("utf-16"),
    b'{"rating": NaN}',
    b'"\\ud800"',
]


@pytest.fixture(autouse=True)
def fresh_choice() -> Iterator[None]:
    """Every test chooses anew; the process's choice is restored after it."""
    active_decoder.cache_clear()
    yield
    active_decoder.cache_clear()


@pytest.fixture
def without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "orjson", None)  # import orjson now raises ImportError


def test_orjson_is_chosen_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DECODER_ENV, raising=False)
    assert active_decoder().name == "orjson"
    assert choose_decoder("orjson").name == "orjson"


@pytest.mark.usefixtures("without_orjson")
def test_json_is_the_fallback_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DECODER_ENV, raising=False)
    assert active_decoder() == decoding.STDLIB
    assert choose_decoder("auto") is decoding.STDLIB


def test_the_environment_forces_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DECODER_ENV, "json")
    assert active_decoder().name == "json"


@pytest.mark.usefixtures("without_orjson")
def test_requiring_orjson_without_it_names_the_setting() -> None:
    with pytest.raises(InvalidInputError, match="orjson is not installed") as raised:
        choose_decoder("orjson")
    assert raised.value.field == DECODER_ENV


def test_an_unknown_decoder_names_the_setting() -> None:
    with pytest.raises(InvalidInputError, match="auto, json, orjson") as raised:
        choose_decoder("msgspec")
    assert raised.value.field == DECODER_ENV


@pytest.mark.parametrize("content", ONLY_JSON_READS, ids=["bom", "utf16", "nan", "surrogate"])
def test_orjson_decoder_reads_what_json_reads(content: bytes) -> None:
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(content)
    read, expected = choose_decoder("orjson").loads(content), json.loads(content)
    assert json.dumps(read) == json.dumps(expected)  # NaN != NaN; their JSON is equal


@pytest.mark.parametrize("name", ["json", "orjson"])
@pytest.mark.parametrize("content", [b'{"id": 1', b"", b"\xff"], ids=["cut", "empty", "bytes"])
def test_bad_json_is_a_value_error_in_both(name: str, content: bytes) -> None:
    with pytest.raises(ValueError, match=r".") as raised:
        choose_decoder(name).loads(content)
    assert isinstance(raised.value, PARSE_ERRORS)  # what the reading rules catch


def test_json_response_decodes_with_the_active_decoder(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes | str] = []

    def recording(content: bytes | str) -> Any:
        seen.append(content)
        return json.loads(content)

    monkeypatch.setattr(decoding, "active_decoder", lambda: Decoder("recording", recording))
    response = decoding.JsonResponse(200, content=b'{"id": 7}')
    assert response.json() == {"id": 7}
    assert seen == [b'{"id": 7}']
    assert response.json(parse_int=str) == {"id": "7"}  # json's own options still work
    assert len(seen) == 1


class _Recording:
    """A decoder that counts the bodies it decodes, delegating to ``inner``."""

    def __init__(self, inner: Decoder) -> None:
        self.inner = inner
        self.decoded = 0

    def decoder(self) -> Decoder:
        def loads(content: bytes | str) -> Any:
            self.decoded += 1
            return self.inner.loads(content)

        return Decoder(self.inner.name, loads)


def _raw_page(stand_in: StandIn[RecruiteeSandbox]) -> list[dict[str, Any]]:
    options = stand_in.client_kwargs()
    answer = httpx.get(
        f"{options['base_url']}/c/{options['company_id']}/candidates",
        params={"limit": "10", "offset": "0"},
        headers={"Authorization": f"Bearer {options['token']}"},
    )
    candidates: list[dict[str, Any]] = json.loads(answer.content)["candidates"]
    return candidates


@pytest.mark.parametrize("name", ["json", "orjson"])
def test_generated_parsing_reads_through_the_chosen_decoder(
    recruitee_sandbox_session: StandIn[RecruiteeSandbox],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    recording = _Recording(choose_decoder(name))
    monkeypatch.setattr(decoding, "active_decoder", recording.decoder)
    with Recruitee(**recruitee_sandbox_session.client_kwargs()) as client:
        page = client.list_candidates(limit=10, offset=0)
    assert recording.decoded == 1
    expected = _raw_page(recruitee_sandbox_session)
    assert [candidate.id for candidate in page.candidates] == [item["id"] for item in expected]
    assert page.candidates[0].name == expected[0]["name"]


@pytest.mark.anyio
@pytest.mark.parametrize("name", ["json", "orjson"])
async def test_async_parsing_reads_through_the_chosen_decoder(
    recruitee_sandbox_session: StandIn[RecruiteeSandbox],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    recording = _Recording(choose_decoder(name))
    monkeypatch.setattr(decoding, "active_decoder", recording.decoder)
    async with AsyncRecruitee(**recruitee_sandbox_session.client_kwargs()) as client:
        page = await client.list_candidates(limit=10, offset=0)
    assert recording.decoded == 1
    assert [candidate.id for candidate in page.candidates] == [
        item["id"] for item in _raw_page(recruitee_sandbox_session)
    ]


@pytest.mark.parametrize("client_class", [Recruitee, AsyncRecruitee])
def test_a_bad_decoder_setting_is_refused_when_the_client_is_built(
    recruitee_sandbox_session: StandIn[RecruiteeSandbox],
    monkeypatch: pytest.MonkeyPatch,
    client_class: type[Recruitee] | type[AsyncRecruitee],
) -> None:
    """Not after a write was carried out: the error says nothing was sent."""
    monkeypatch.setenv(DECODER_ENV, "ujson")
    sent_before = len(recruitee_sandbox_session.sandbox.recorder.requests)
    with pytest.raises(InvalidInputError) as caught:
        client_class(**recruitee_sandbox_session.client_kwargs())
    assert caught.value.field == DECODER_ENV
    assert len(recruitee_sandbox_session.sandbox.recorder.requests) == sent_before


@pytest.mark.parametrize("name", ["json", "orjson"])
def test_a_raw_control_character_in_a_record_is_read_as_itself(
    recruitee_sandbox: StandIn[RecruiteeSandbox], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """JSON forbids a raw tab or control character inside a string, and both decoders
    refused the whole answer for one pasted into a cover letter or a name."""
    monkeypatch.setattr(decoding, "active_decoder", lambda: choose_decoder(name))
    candidate = _raw_page(recruitee_sandbox)[0]
    candidate["name"] = "Ada\tLovelace\x01"
    raw = json.dumps({"candidate": candidate}).replace("\\t", "\t").replace("\\u0001", "\x01")
    assert "\x01" in raw
    recruitee_sandbox.sandbox.faults.add(
        Fault(method="GET", path=rf"/candidates/{candidate['id']}$", status=200, body=raw)
    )
    with Recruitee(**recruitee_sandbox.client_kwargs()) as client:
        assert client.get_candidate(candidate["id"]).name == "Ada\tLovelace\x01"
