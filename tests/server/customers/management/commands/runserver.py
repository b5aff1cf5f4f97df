"""runserver with TCP_NODELAY, and a "listening" file for serverctl.py.

Django's server writes the headers and the body of a response separately; with Nagle's algorithm and
the client's delayed ACK every keep-alive request then waits about 40 ms. Tests make many requests.

When PORTAL_SERVER_READY_FILE is set, the server writes its pid there once it listens, so serverctl.py
knows that the server answering on the port is this one and not another process.
"""
import os
import socket

from django.core.management.commands.runserver import Command as RunserverCommand
from django.core.servers.basehttp import WSGIServer


class TestWSGIServer(WSGIServer):
    def server_activate(self):
        super().server_activate()
        ready_file = os.environ.get("PORTAL_SERVER_READY_FILE")
        if ready_file:
            with open(ready_file, "w") as f:
                f.write(str(os.getpid()))

    def get_request(self):
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address


class Command(RunserverCommand):
    server_cls = TestWSGIServer
