#!/usr/bin/python3
"""A loopback HTTPS server for the client's TLS tests, with certificates made on the spot.

    tlsserver.py DIR MODE      MODE: good | wrong-name | expired

Writes DIR/ca.pem (a throwaway certificate authority) and a server certificate signed by it:
for 127.0.0.1 ("good"), for another host name ("wrong-name"), or for 127.0.0.1 but expired
("expired"). Serves GET /api/profile/ with a small customer over TLS on a free loopback port
(HTTP/1.1, connections kept alive; each answer's "connections" says how many connections the
server has accepted so far, as does a "connection N" line on standard output once its TLS
handshake is done), prints the port on its first line, and stops when its standard
input closes.
"""
import datetime
import json
import os
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

NOW = datetime.datetime.now(datetime.timezone.utc)


def name(common):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name("Portal Test CA"))
            .issuer_name(name("Portal Test CA")).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - datetime.timedelta(days=1))
            .not_valid_after(NOW + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def make_leaf(ca_key, ca_cert, mode):
    key = ec.generate_private_key(ec.SECP256R1())
    if mode == "wrong-name":
        names = [x509.DNSName("elsewhere.example")]
    else:
        names = [x509.IPAddress(IPv4Address("127.0.0.1")), x509.DNSName("localhost")]
    if mode == "expired":
        start, end = NOW - datetime.timedelta(days=30), NOW - datetime.timedelta(days=1)
    else:
        start, end = NOW - datetime.timedelta(days=1), NOW + datetime.timedelta(days=30)
    cert = (x509.CertificateBuilder().subject_name(name("portal test server"))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    connections = 0
    lock = threading.Lock()

    def setup(self):
        super().setup()
        with Handler.lock:
            Handler.connections += 1
            print("connection", Handler.connections, flush=True)

    def do_GET(self):
        with Handler.lock:
            connections = Handler.connections
        body = json.dumps({"id": 1, "username": "alice", "connections": connections}).encode()
        status = 200 if self.path.startswith("/api/profile/") else 404
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    directory, mode = sys.argv[1], sys.argv[2]
    ca_key, ca_cert = make_ca()
    key, cert = make_leaf(ca_key, ca_cert, mode)
    write(os.path.join(directory, "ca.pem"), ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_path = os.path.join(directory, "server.pem")
    key_path = os.path.join(directory, "server.key")
    write(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    write(key_path, key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # Until the test closes our standard input (or ends).
    server.shutdown()


if __name__ == "__main__":
    main()
