#!/usr/bin/python3
"""A tiny keep-alive HTTP/1.1 server on loopback for the benchmarks.

Django's runserver and a default http.server answer keep-alive requests about 44 ms late (Nagle's
algorithm meets the client's delayed ACK when headers and body go out in two writes), which would
measure the server instead of the client. This one sets TCP_NODELAY and sends every response in
one write, so a request costs about as much as the Python handler itself.

    benchserver.py          prints the port on its first line, then serves until stdin closes
                            or SIGTERM arrives

Endpoints (fixed answers, nothing is stored):
    GET  /api/profile/      200 customer + ETag; 401 without an Authorization header
    POST /api/login/        200 {token, customer}
"""

import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "0123456789abcdef0123456789abcdef01234567"
CUSTOMER = {
    "id": 1,
    "username": "alice",
    "email": "alice@example.org",
    "first_name": "Alice",
    "last_name": "Liddell",
    "birth_date": "1990-05-04",
    "is_staff": False,
}
PROFILE_BODY = json.dumps(CUSTOMER).encode()
LOGIN_BODY = json.dumps({"token": TOKEN, "customer": CUSTOMER}).encode()
ETAG = b'"profile-1"'
NO_CREDENTIALS_BODY = json.dumps(
    {"detail": "Authentication credentials were not provided."}).encode()
NOT_FOUND_BODY = json.dumps({"detail": "Not found."}).encode()

REASONS = {200: b"OK", 401: b"Unauthorized", 404: b"Not Found", 405: b"Method Not Allowed"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # TCP_NODELAY on the accepted socket

    def reply(self, status, body, extra=b""):
        # Status line, headers and body in a single write: see the module comment.
        head = (b"HTTP/1.1 %d %s\r\n" % (status, REASONS[status])
                + b"Content-Type: application/json\r\n"
                + b"Content-Length: %d\r\n" % len(body)
                + extra
                + b"\r\n")
        self.wfile.write(head + body)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def do_GET(self):
        if self.path != "/api/profile/":
            self.reply(404, NOT_FOUND_BODY)
        elif not self.headers.get("Authorization"):
            self.reply(401, NO_CREDENTIALS_BODY, b"WWW-Authenticate: Token\r\n")
        else:
            self.reply(200, PROFILE_BODY, b"ETag: " + ETAG + b"\r\n")

    def do_POST(self):
        self.read_body()  # keeps the connection usable for the next request
        if self.path == "/api/login/":
            self.reply(200, LOGIN_BODY)
        else:
            self.reply(404, NOT_FOUND_BODY)

    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        pass  # a line per request on stderr would be part of what is measured


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    stop = threading.Event()

    def watch_stdin():
        # The parent holds our stdin: when it exits (even by a crash), stdin closes and we stop.
        # os.read, not sys.stdin: a daemon thread blocked in a buffered read makes the interpreter
        # abort at exit.
        while os.read(sys.stdin.fileno(), 4096):
            pass
        stop.set()

    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=server.serve_forever, daemon=True).start()

    print(server.server_address[1], flush=True)
    while not stop.wait(0.2):
        pass
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
