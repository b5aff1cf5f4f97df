"""runserver with TCP_NODELAY, a "listening" file for serverctl.py, and an optional owner to outlive.

Django's server writes the headers and the body of a response separately; with Nagle's algorithm and
the client's delayed ACK every keep-alive request then waits about 40 ms. Tests make many requests.

When PORTAL_SERVER_READY_FILE is set, the server writes its pid there once it listens, so serverctl.py
knows that the server answering on the port is this one and not another process.

When PORTAL_SERVER_WATCH_PID is set, the server exits soon after that process is gone: a test (or a
ctest run) that crashes or is killed before it can stop its server leaves no server behind.
"""
import os
import socket
import threading
import time

from django.core.management.commands.runserver import Command as RunserverCommand
from django.core.servers.basehttp import WSGIServer

WATCH_INTERVAL = 0.5


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


def process_gone(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # a zombie has ended; only its parent has not collected it yet
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def exit_when_gone(pid):
    while not process_gone(pid):
        time.sleep(WATCH_INTERVAL)
    os._exit(0)  # the serving loop runs in the main thread; nothing there needs cleaning up


class Command(RunserverCommand):
    server_cls = TestWSGIServer

    def inner_run(self, *args, **options):
        owner = os.environ.get("PORTAL_SERVER_WATCH_PID")
        if owner:
            threading.Thread(target=exit_when_gone, args=(int(owner),), daemon=True).start()
        super().inner_run(*args, **options)
