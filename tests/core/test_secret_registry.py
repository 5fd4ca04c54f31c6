"""The secret registry keeps only live secrets, and constructors name bad credentials."""

from __future__ import annotations

import gc
import logging
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hirelink.core import InvalidInputError, Secret
from hirelink.core import secrets as secrets_module
from hirelink.core.secrets import (
    mask_value,
    mask_while_alive,
    registered_count,
    scrub,
    scrubbed_when_shown,
)
from hirelink.join import Join
from hirelink.personio import Personio
from hirelink.recruitee import Recruitee
from hirelink.recruitee_partners import RecruiteePartners
from hirelink.sandbox import StandIn


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The scrub pattern's compiles from now on (their patterns)."""
    compiled: list[str] = []
    build = secrets_module._any_of

    def counted(forms: Any) -> str:
        compiled.append(build(forms))
        return compiled[-1]

    monkeypatch.setattr(secrets_module, "_any_of", counted)
    return compiled


def test_a_collected_secret_leaves_the_registry() -> None:
    gc.collect()  # secrets of earlier tests that are garbage already
    before = registered_count()
    tokens = [Secret(f"refreshed-token-{number:05d}") for number in range(1000)]
    assert registered_count() == before + 1000
    assert scrub("Bearer refreshed-token-00042") == "Bearer ***"
    del tokens
    gc.collect()
    assert registered_count() <= before
    # Masked until the pattern is compiled again, for a value it lacks.
    assert scrub("Bearer refreshed-token-00042") == "Bearer ***"
    newcomer = Secret("newcomer-token-77")
    assert scrub("Bearer refreshed-token-00042") == "Bearer refreshed-token-00042"
    del newcomer


def test_a_secret_made_again_once_its_last_one_went_compiles_no_pattern(
    compiles: list[str],
) -> None:
    """A service building a client per request (per tenant) registers the same secrets
    again and again: each time, the pattern of every live secret was compiled anew (0.1 s
    with 2,000 of them, on the event loop of an async service)."""
    first = Secret("per-request-tenant-key-1")
    assert scrub("per-request-tenant-key-1") == "***"
    del first
    gc.collect()
    compiled_before = len(compiles)
    again = Secret("per-request-tenant-key-1")
    assert scrub("per-request-tenant-key-1") == "***"
    assert len(compiles) == compiled_before
    del again


def test_a_log_argument_is_scrubbed_when_the_line_is_written() -> None:
    shown = scrubbed_when_shown("https://auth.test/?key=late-registered-9f2c")
    late = Secret("late-registered-9f2c")  # registered after the argument was made
    assert str(shown) == "https://auth.test/?key=***"
    assert late.reveal() == "late-registered-9f2c"


def test_a_token_exchange_logged_nowhere_compiles_no_pattern(
    personio_sandbox: StandIn[Any],
    compiles: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Each new token changes the live secrets; with hundreds of them, compiling their
    pattern again took tens of milliseconds, paid by a log line nobody wrote."""
    caplog.set_level(logging.WARNING, logger="hirelink")
    with personio_sandbox.client() as personio:
        assert personio.list_applications(limit=1) is not None  # exchanges a token first
    assert compiles == []


def test_mask_value_leaves_a_value_too_short_to_be_a_secret_as_scrub_does() -> None:
    # A caller's "Bearer e" had every "e" of a line masked; scrub never masks such values.
    line = "the token was not accepted: sent 'short' as customer-token-4100"
    for short in ("e", "to", "short"):
        assert mask_value(line, short) == line
    masked = mask_value(line, "customer-token-4100")
    assert masked == "the token was not accepted: sent 'short' as ***"
    assert mask_value("sent 6chars", "6chars") == "sent ***"


def test_a_value_stays_registered_while_any_secret_holds_it() -> None:
    first, second = Secret("shared-value-xyz"), Secret("shared-value-xyz")
    del first
    gc.collect()
    assert scrub("shared-value-xyz") == "***"
    assert second.reveal() == "shared-value-xyz"


def test_scrub_replaces_a_longer_secret_whole() -> None:
    short, long = Secret("abcdef"), Secret("abcdef-and-more")
    assert scrub("x abcdef-and-more y abcdef") == "x *** y ***"
    assert (short.reveal(), long.reveal()) == ("abcdef", "abcdef-and-more")


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda value: Recruitee(company_id=4100, token=value), "token"),
        (lambda value: Join(token=value), "token"),
        (
            lambda value: Personio(subdomain="acme", company_id=41737, recruiting_token=value),
            "recruiting_token",
        ),
        (
            lambda value: Personio(subdomain="acme", client_id="c1", client_secret=value),
            "client_secret",
        ),
        (
            lambda value: RecruiteePartners(codename="skillcheck", partner_secret=value),
            "partner_secret",
        ),
        (  # not a secret, but refused alike: it went out as "papi-client%0A" and was refused
            lambda value: Personio(subdomain="acme", client_id=value, client_secret="s3cret-x"),
            "client_id",
        ),
    ],
)
@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        123,
        None,
        b"bytes-token",
        "read-from-a-file-token\n",  # would reach httpx and echo itself in its error
        Secret("tab\tinside-token"),
        " padded-token",
        "smartquote-token\u2019",  # a typographic quote: Personio v1 raised UnicodeEncodeError
    ],
)
def test_bad_credentials_raise_invalid_input_naming_the_argument(
    build: Callable[[object], object], field: str, bad: object
) -> None:
    if bad is None and field != "token":
        pytest.skip("None means 'not given' for optional credentials")
    with pytest.raises(InvalidInputError) as caught:
        build(bad)
    assert caught.value.field == field
    for shown in ("bytes-token", "read-from-a-file", "inside-token", "padded-token", "smartquote"):
        assert shown not in str(caught.value)


def test_a_secret_inside_a_plain_model_is_masked_while_the_model_lives() -> None:
    class Model:
        secret = "model-held-secret-1"

    model = Model()
    mask_while_alive(model, model.secret)
    gc.collect()
    assert scrub("secret=model-held-secret-1") == "secret=***"
    del model
    gc.collect()
    newcomer = Secret("newcomer-of-the-model-test")  # the pattern is compiled again
    assert scrub("secret=model-held-secret-1") == "secret=model-held-secret-1"
    del newcomer


def test_a_secret_collected_while_the_registry_is_locked_does_not_deadlock() -> None:
    # A finalizer runs wherever the last reference goes, also inside the registry's
    # own critical section (a garbage collection during an allocation there).
    finished = threading.Event()

    def collect_under_the_lock() -> None:
        secret = Secret("collected-under-the-lock")
        with secrets_module._registry_lock:
            del secret
        finished.set()

    worker = threading.Thread(target=collect_under_the_lock, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert finished.is_set()
    assert scrub("collected-under-the-lock") == "collected-under-the-lock"


def test_a_secret_read_from_undecodable_bytes_does_not_break_scrubbing() -> None:
    # os.environ keeps bytes it cannot decode as lone surrogates: such a value has no
    # UTF-8 (or percent-encoded) form, and scrub must still work for every text.
    token = Secret(b"tok-caf\xe9-123456".decode("utf-8", "surrogateescape"))
    assert scrub("an unrelated log line") == "an unrelated log line"
    assert scrub(f"sent {token.reveal()} to the API") == "sent *** to the API"


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(st.text(alphabet="ab/é%+ ", min_size=6, max_size=9), max_size=6),
    text=st.text(alphabet="ab/é%+ \\u0", max_size=60),
)
def test_scrub_replaces_the_longest_live_form_at_each_place(values: list[str], text: str) -> None:
    # One pattern for every form of every live secret (a trie, so that a scrub costs
    # about the same with a thousand live secrets as with one): each place gets the
    # longest form that starts there, as replacing the forms longest first does.
    held = [Secret(value) for value in values if value.strip()]
    with secrets_module._registry_lock:  # compiled of the live ones, not the last example's
        secrets_module._pattern = None
    forms = sorted(
        {form for secret in held for form in secrets_module._forms(secret.reveal())},
        key=len,
        reverse=True,
    )
    expected = re.sub("|".join(map(re.escape, forms)), "***", text) if forms else text
    mixed = text + "".join(forms[:2]) + text
    expected_mixed = re.sub("|".join(map(re.escape, forms)), "***", mixed) if forms else mixed
    assert scrub(text) == expected
    assert scrub(mixed) == expected_mixed
    del held


def test_the_pattern_of_live_secrets_stays_out_of_the_re_modules_cache() -> None:
    """With a client per tenant, each token renewal made a pattern of every live secret
    (0.8 MB with 2,000 of them), and ``re`` cached up to 512 of them: 35 MB grew to 218 MB
    with 1,000 tenants."""
    kept = []
    for number in range(5):
        kept.append(Secret(f"tenant-{number}-renewed-token-7f3a"))
        assert scrub(f"token tenant-{number}-renewed-token-7f3a") == "token ***"
    cached = [
        key
        for name in dir(re)
        if name.startswith("_cache") and isinstance(getattr(re, name), dict)
        for key in getattr(re, name)
    ]
    assert not [key for key in cached if "renewed" in str(key)]
    del kept


def test_a_scrub_racing_the_last_secrets_removal_installs_no_empty_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A scrub that saw a live secret, and then none once it held the lock (another thread
    dropped the last client), compiled a pattern of nothing: it matched everywhere, and
    every later log line read ``***a*** ***l***o***g***``."""
    import collections
    import contextlib

    # A registry of this test's own: other live secrets of the process aside.
    monkeypatch.setattr(secrets_module, "_live", {})
    monkeypatch.setattr(secrets_module, "_forms_of", {})
    monkeypatch.setattr(secrets_module, "_collected", collections.deque())
    monkeypatch.setattr(secrets_module, "_pattern", None)
    last = [Secret("the-last-live-secret-of-the-process")]
    real_lock = secrets_module._compile_lock

    @contextlib.contextmanager
    def dropping_the_last_secret_first() -> Any:
        last.clear()
        gc.collect()
        with secrets_module._registry_lock:
            secrets_module._drain()
        with real_lock:
            yield

    assert registered_count() == 1
    monkeypatch.setattr(secrets_module, "_compile_lock", dropping_the_last_secret_first())
    assert scrub("a log line") == "a log line"
    assert secrets_module._pattern is None


def test_threads_scrubbing_at_once_after_a_change_compile_the_pattern_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Compiled outside the registry's lock, each of eight threads logging just after a
    token renewal compiled the pattern of every live secret itself: 1.5 s for the
    slowest with 2,000 secrets, where one compile took 0.2 s."""
    compiles: list[str] = []
    real_compiled = secrets_module._compiled

    def slow_compiled(pattern: str) -> Any:
        compiles.append(pattern)
        time.sleep(0.2)  # long enough for every thread to arrive
        return real_compiled(pattern)

    renewed = Secret("a-token-renewed-just-now-4b1c")
    monkeypatch.setattr(secrets_module, "_compiled", slow_compiled)
    start = threading.Barrier(4)
    scrubbed: list[str] = []

    def log_a_line() -> None:
        start.wait()
        scrubbed.append(scrub("sent with a-token-renewed-just-now-4b1c"))

    threads = [threading.Thread(target=log_a_line) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert scrubbed == ["sent with ***"] * 4
    assert len(compiles) == 1
    del renewed


def test_a_value_made_again_while_the_pattern_is_compiled_is_masked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A value the last pattern masked, gone and made again (the next request's client)
    while a compile without it ran, was taken as masked already: it showed in clear."""
    value = "tenant-a-api-key-123456"
    first = Secret(value)
    assert scrub(value) == "***"  # compiled with it
    del first
    gc.collect()
    newcomer = Secret("tenant-b-api-key-999999")  # the pattern is to be compiled again
    compiling, finish = threading.Event(), threading.Event()
    compile_for_real = secrets_module._compiled

    def compiled_slowly(pattern: str) -> Any:
        compiling.set()
        finish.wait(10)
        return compile_for_real(pattern)

    monkeypatch.setattr(secrets_module, "_compiled", compiled_slowly)
    compiler = threading.Thread(target=scrub, args=("a log line",))
    compiler.start()
    assert compiling.wait(10)
    monkeypatch.setattr(secrets_module, "_compiled", compile_for_real)
    again = Secret(value)
    finish.set()
    compiler.join(10)
    assert scrub(f"Bearer {value}") == "Bearer ***"
    del again, newcomer


def test_a_secret_alive_as_python_exits_stays_masked_for_code_that_runs_then() -> None:
    """Python calls the finalizers of live objects at exit: every live secret was taken
    out of the registry, and a later atexit hook (or a daemon thread) showed the tokens."""
    code = (
        "import atexit\n"
        "from hirelink.core.secrets import Secret, scrub\n"
        "atexit.register(lambda: print(scrub('token=live-token-abcdef')))\n"
        "token = Secret('live-token-abcdef')\n"
        "other = Secret('another-token-999999')  # the pattern is compiled again at exit\n"
    )
    shown = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown == "token=***\n"
