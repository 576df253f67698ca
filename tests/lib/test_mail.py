"""Mail to the SMTP server: STARTTLS verifies the server's certificate (a server on the way
with a certificate no one vouches for gets neither the login nor the mail), and a login is
never configured to travel in clear."""

import datetime
import ipaddress
import ssl

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pydantic import ValidationError

from devtools import stack
from lib.common import mail
from lib.common.config import Settings


class Received:
    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope.content)
        return "250 OK"


def _self_signed(tmp_path) -> ssl.SSLContext:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .sign(key, hashes.SHA256())
    )
    (tmp_path / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    return context


def test_starttls_refuses_a_server_whose_certificate_no_one_vouches_for(tmp_path):
    received = Received()
    server = Controller(
        received, hostname="127.0.0.1", port=stack.free_port(), tls_context=_self_signed(tmp_path)
    )
    server.start()
    try:
        settings = Settings(
            environment="local",
            smtp_host="127.0.0.1",
            smtp_port=server.port,
            smtp_starttls=True,
            smtp_username="postflow",
            smtp_password="secret",
        )
        with pytest.raises(ssl.SSLCertVerificationError):
            mail.send(settings, to="someone@example.com", subject="Hello", body="Hi")
    finally:
        server.stop()
    assert received.messages == []


def test_a_login_without_starttls_stops_the_start():
    with pytest.raises(ValidationError, match="POSTFLOW_SMTP_STARTTLS"):
        Settings(environment="local", smtp_host="mail.example.com", smtp_username="postflow")
    assert Settings(
        environment="local", smtp_host="mail.example.com", smtp_username="postflow", smtp_starttls=True
    )
