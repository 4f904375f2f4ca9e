"""TLS for the shared-journal tests: certificates, and TLS in front of the test server."""

from __future__ import annotations

import asyncio
import ssl
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class ServerCertificates:
    #: The root certificate a client verifies the server with (PEM).
    root: Path
    #: The server's certificate and key (PEM).
    server_cert: Path
    server_key: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _root(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
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
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_certificates(folder: Path, host: str) -> ServerCertificates:
    """A new root and a server certificate for ``host`` (DNS name) signed by it."""
    folder.mkdir(parents=True, exist_ok=True)
    root_key, root = _root("pos-app test root")
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(host))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
    paths = ServerCertificates(
        root=folder / "root.crt",
        server_cert=folder / "server.crt",
        server_key=folder / "server.key",
    )
    paths.root.write_bytes(_pem(root))
    paths.server_cert.write_bytes(_pem(cert))
    paths.server_key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    paths.server_key.chmod(0o600)
    return paths


def make_other_root(folder: Path) -> Path:
    """A root certificate that signed nothing the server has."""
    folder.mkdir(parents=True, exist_ok=True)
    _key, root = _root("someone else's root")
    path = folder / "other-root.crt"
    path.write_bytes(_pem(root))
    return path


#: The code of PostgreSQL's SSLRequest and GSSENCRequest messages (protocol 3).
_SSL_REQUEST = 80877103
_GSSENC_REQUEST = 80877104


class TlsFront:
    """TLS on 127.0.0.1 in front of a test server that has none, as PostgreSQL does it.

    The PostgreSQL server from the wheel is built without TLS. This answers a client's
    SSLRequest as a TLS-enabled server would ("S", then the handshake with the given
    certificate), then relays the protocol unchanged to the server's Unix socket, so that
    libpq's own verification (``verify-full``) is what a test exercises.
    """

    def __init__(self, certificates: ServerCertificates, upstream_socket: Path) -> None:
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._context.load_cert_chain(certificates.server_cert, certificates.server_key)
        self._upstream = upstream_socket
        self._server: asyncio.Server | None = None
        self._relays: set[asyncio.Task[None]] = set()
        self.port = 0

    async def __aenter__(self) -> TlsFront:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._relays):
            task.cancel()
        await asyncio.gather(*self._relays, return_exceptions=True)
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._relays.add(task)
        upstream: asyncio.StreamWriter | None = None
        try:
            while True:
                _length, code = struct.unpack("!II", await reader.readexactly(8))
                if code != _GSSENC_REQUEST:
                    break
                writer.write(b"N")  # no GSSAPI encryption; the client asks again
                await writer.drain()
            if code != _SSL_REQUEST:
                return  # a client that does not ask for TLS is not served
            writer.write(b"S")
            await writer.drain()
            await writer.start_tls(self._context)
            up_reader, upstream = await asyncio.open_unix_connection(str(self._upstream))
            await asyncio.gather(_pipe(reader, upstream), _pipe(up_reader, writer))
        except (OSError, asyncio.IncompleteReadError, ssl.SSLError):
            pass  # the client gave up (e.g. it refused the certificate)
        finally:
            for end in (writer, upstream):
                if end is not None:
                    end.close()
            self._relays.discard(task)


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    while data := await source.read(65536):
        sink.write(data)
        await sink.drain()
    if sink.can_write_eof():
        sink.write_eof()
