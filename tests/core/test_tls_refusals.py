"""A server refusing the TLS handshake over this side's offer (an mTLS gateway wanting a
client certificate) is a setting to fix: not retried, and nothing was sent. Real TLS on
loopback: a private CA, a gateway that requires client certificates and answers Recruitee's
offers to those it lets in."""

from __future__ import annotations

import datetime
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from hirelink.core import ApiConnectionError, may_have_been_carried_out, worth_retrying
from hirelink.recruitee import Recruitee
from tests.local_servers import OneAtATime, read_head


def _issue(
    tmp: Path, name: str, issuer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A certificate for ``name`` (a CA when ``issuer`` is None), written as name.pem and
    name.key."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer[0].subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=issuer is None, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer is None:  # Python 3.13 verifies strictly: key usages, key identifiers
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False
        ).add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()), False
        )
    certificate = builder.sign(issuer[1] if issuer else key, hashes.SHA256())
    (tmp / f"{name}.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (tmp / f"{name}.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certificate, key


class Gateway(OneAtATime):
    """Requires a client certificate of the CA; counts the connections it took (before
    their handshake: a client told of a refusal was counted) and the requests it read
    (answered with no offers). Stops with the test."""

    def __init__(
        self, tmp: Path, maximum_version: ssl.TLSVersion, *, client_certificate: bool = True
    ) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.maximum_version = maximum_version
        context.load_cert_chain(tmp / "localhost.pem", tmp / "localhost.key")
        context.load_verify_locations(tmp / "ca.pem")
        context.verify_mode = ssl.CERT_REQUIRED if client_certificate else ssl.CERT_NONE
        self.connections = 0
        self.requests = 0
        self._context = context
        super().__init__()

    @property
    def base_url(self) -> str:
        return f"https://localhost:{self.port}"

    def handle(self, connection: socket.socket) -> None:
        self.connections += 1
        try:
            with self._context.wrap_socket(connection, server_side=True) as tls:
                read_head(tls)
                self.requests += 1
                body = b'{"offers": []}'
                tls.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)
                )
        except (ssl.SSLError, OSError):
            pass


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("tls")
    authority = _issue(tmp, "ca", None)
    _issue(tmp, "localhost", authority)
    _issue(tmp, "client", authority)
    return tmp


@pytest.fixture(params=[ssl.TLSVersion.TLSv1_3, ssl.TLSVersion.TLSv1_2], ids=["TLS1.3", "TLS1.2"])
def gateway(certificates: Path, request: pytest.FixtureRequest) -> Iterator[Gateway]:
    running = Gateway(certificates, request.param)
    yield running
    running.stop()


def _recruitee(gateway: Gateway, own: httpx.Client | None = None) -> Recruitee:
    return Recruitee(company_id=4100, token="t0ken", base_url=gateway.base_url, httpx_client=own)


@pytest.mark.parametrize("write", [False, True], ids=["read", "write"])
def test_a_gateway_refusing_the_client_certificate_is_asked_once_and_nothing_was_sent(
    certificates: Path, gateway: Gateway, write: bool
) -> None:
    """Under TLS 1.3 the refusal comes after the client wrote its request: it was read as a
    lost answer, retried, and a write as perhaps carried out."""
    context = ssl.create_default_context(cafile=certificates / "ca.pem")  # no certificate
    with httpx.Client(verify=context) as own, _recruitee(gateway, own) as recruitee:
        call = (
            (lambda: recruitee.create_candidate_note(7730011, body="checked"))
            if write
            else recruitee.list_offers
        )
        with pytest.raises(ApiConnectionError) as caught:
            call()
    assert gateway.connections == 1
    assert gateway.requests == 0
    assert caught.value.not_sent
    assert caught.value.permanent
    assert not worth_retrying(caught.value)
    assert not may_have_been_carried_out(caught.value)


def test_the_gateway_lets_a_client_with_its_certificate_in(
    certificates: Path, gateway: Gateway
) -> None:
    context = ssl.create_default_context(cafile=certificates / "ca.pem")
    context.load_cert_chain(certificates / "client.pem", certificates / "client.key")
    with httpx.Client(verify=context) as own, _recruitee(gateway, own) as recruitee:
        assert recruitee.list_offers() == []
    assert (gateway.connections, gateway.requests) == (1, 1)


def test_a_check_through_the_gateway_says_to_give_the_client_certificate(
    certificates: Path, gateway: Gateway
) -> None:
    context = ssl.create_default_context(cafile=certificates / "ca.pem")
    with httpx.Client(verify=context) as own, _recruitee(gateway, own) as recruitee:
        failed = [check for check in recruitee.check_connection() if not check.ok]
    assert failed
    assert all("client certificate" in (check.fix or "") for check in failed)
    assert not any(check.unavailable for check in failed)


def test_a_ca_bundle_replaced_in_place_is_read_by_the_clients_built_after(
    certificates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proxy's CA rotated: the bundle was read once per process, and every new client
    kept refusing the new certificate."""
    _issue(tmp_path, "retired-ca", None)
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes((tmp_path / "retired-ca.pem").read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    gateway = Gateway(certificates, ssl.TLSVersion.TLSv1_3, client_certificate=False)
    try:
        with _recruitee(gateway) as recruitee, pytest.raises(ApiConnectionError) as caught:
            recruitee.list_offers()
        assert "certificate verify failed" in str(caught.value)
        bundle.write_bytes((certificates / "ca.pem").read_bytes())
        with _recruitee(gateway) as recruitee:
            assert recruitee.list_offers() == []
    finally:
        gateway.stop()
