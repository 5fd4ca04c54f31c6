"""The CA certificates a client trusts: certifi's, or those ``SSL_CERT_FILE`` or
``SSL_CERT_DIR`` names (a proxy that inspects TLS signs with a corporate CA)."""

from __future__ import annotations

import gc
import os
import shutil
import weakref
from pathlib import Path

import certifi
import pytest
from typer.testing import CliRunner

from hirelink.cli.main import EXIT_BAD_INPUT, app
from hirelink.core import InvalidInputError
from hirelink.core.http import default_ssl_context
from hirelink.recruitee import AsyncRecruitee, Recruitee

REMOTE = {"company_id": 4100, "token": "t0ken", "base_url": "https://recruitee.test"}


@pytest.fixture(autouse=True)
def _certifi_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


@pytest.mark.parametrize(
    ("variable", "content"),
    [
        ("SSL_CERT_FILE", None),
        ("SSL_CERT_FILE", ""),
        ("SSL_CERT_FILE", "-----BEGIN PRIVATE KEY-----\nAAAA\n"),
        ("SSL_CERT_DIR", None),
    ],
)
@pytest.mark.parametrize("client_class", [Recruitee, AsyncRecruitee])
def test_certificates_named_but_unreadable_are_a_setting_to_fix(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    content: str | None,
    client_class: type[Recruitee] | type[AsyncRecruitee],
) -> None:
    """A missing file or directory, an empty file or one without a certificate raised a
    bare FileNotFoundError or ssl.SSLError naming neither the variable nor the path (or,
    with httpx before 0.28, trusted no certificate at all)."""
    named = tmp_path / "corporate-ca"
    if content is not None:
        named.write_text(content)
    monkeypatch.setenv(variable, str(named))
    with pytest.raises(InvalidInputError) as caught:
        client_class(**REMOTE)  # type: ignore[arg-type]
    assert caught.value.field == variable
    assert str(named) in str(caught.value)


def test_the_bundle_named_when_a_client_is_made_is_the_one_it_trusts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The context was made once per process: a bundle named after the first client was
    never read."""
    certifis = default_ssl_context()
    bundle = tmp_path / "corporate-ca.pem"
    shutil.copyfile(certifi.where(), bundle)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    corporate = default_ssl_context()
    assert corporate is not certifis
    assert corporate is default_ssl_context()  # still made once per bundle
    monkeypatch.delenv("SSL_CERT_FILE")
    assert default_ssl_context() is certifis


def test_a_bundle_rewritten_again_and_again_keeps_few_contexts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long-run hunt: each rewrite of the bundle (a new stamp) kept one more context, with
    its certificates (0.66 MiB), for good: 200 rewrites, 130 MiB."""
    bundle = tmp_path / "rotated-ca.pem"
    shutil.copyfile(certifi.where(), bundle)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    first = weakref.ref(default_ssl_context())
    for rewrite in range(1, 21):
        os.utime(bundle, ns=(rewrite * 10**9, rewrite * 10**9))
        default_ssl_context()
    gc.collect()
    assert first() is None


def test_the_command_names_the_variable_not_its_output(tmp_path: Path, config_dir: Path) -> None:
    """It said "could not write the output: No such file or directory", which sent the
    reader to look at a redirection."""
    missing = tmp_path / "corporate-ca.pem"
    environment = {
        "HIRELINK_CREDENTIAL_CI_PROVIDER": "recruitee",
        "HIRELINK_CREDENTIAL_CI_COMPANY_ID": "4100",
        "HIRELINK_CREDENTIAL_CI_TOKEN": "t0ken",
        "SSL_CERT_FILE": str(missing),
    }
    result = CliRunner().invoke(app, ["run", "recruitee.list_offers", "-c", "ci"], env=environment)
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "SSL_CERT_FILE" in result.output
    assert str(missing) in result.output
    assert "could not write the output" not in result.output
