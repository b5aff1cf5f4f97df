#!/usr/bin/python3
"""Start, stop and drive the portal reference server for tests.

  serverctl.py start --state-dir DIR [--port N] [--demo] [--customers N]
                     [--watch-pid PID | --watch-parent] [--env K=V ...]
  serverctl.py stop  --state-dir DIR
  serverctl.py exec  --state-dir DIR -- <manage.py arguments>

`start` migrates DIR/db.sqlite3, optionally seeds the demo accounts and N generated customers
(seed_customers), starts runserver on 127.0.0.1 fully detached (own session, output in
DIR/server.log, so no caller's pipe stays open), waits until it answers, writes DIR/server.pid and
DIR/server.url and prints the URL. E-mail the server sends is written to DIR/mail/, a file a
message. With --watch-pid (or --watch-parent: the process that ran serverctl, such as ctest) the
server also stops by itself once that process is gone, so a crashed or killed caller leaves no
server behind.
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
MANAGE = os.path.join(HERE, "manage.py")
# Debian's interpreter has Django; another python3 on PATH may not.
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
START_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0


def fail(message):
    print("serverctl: " + message, file=sys.stderr)
    sys.exit(1)


def server_env(state_dir, extra=()):
    """The server's environment: ours, its database and mail directory, and start's K=V items."""
    env = dict(os.environ, PORTAL_SERVER_DB=os.path.join(state_dir, "db.sqlite3"),
               PORTAL_SERVER_MAIL_DIR=os.path.join(state_dir, "mail"),
               DJANGO_SETTINGS_MODULE="portal_server.settings", PYTHONUNBUFFERED="1")
    for item in extra:
        key, sep, value = item.partition("=")
        if not sep or not key:
            fail("--env expects K=V, got %r" % item)
        env[key] = value
    return env


def manage(env, *args):
    """Run a manage.py command quietly; on failure show its output and exit."""
    result = subprocess.run([PYTHON, MANAGE, *args], env=env, cwd=HERE, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        fail("manage.py %s failed:\n%s" % (" ".join(args), result.stdout))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is dead for our purposes
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def is_our_server(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as cmdline:
            args = cmdline.read().split(b"\0")
    except OSError:
        return pid_alive(pid)  # no /proc: trust the pid file
    return MANAGE.encode() in args and b"runserver" in args


def read_pid(state_dir):
    try:
        with open(os.path.join(state_dir, "server.pid")) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def answers_http(url):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # ignore http_proxy
    try:
        opener.open(url + "/api/profile/", timeout=1).close()
    except urllib.error.HTTPError:
        return True  # 401 is the expected answer: the server is up
    except OSError:
        return False
    return True


def log_tail(log_path, lines=30):
    try:
        with open(log_path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return "(no log)"


def listening(ready_file, pid):
    """Our runserver writes its pid to ready_file once it owns the port (see its runserver.py)."""
    try:
        with open(ready_file) as f:
            return f.read().strip() == str(pid)
    except OSError:
        return False


def launch(env, port, state_dir):
    """Start runserver detached; return (process, url) once it answers, or (None, reason)."""
    url = "http://127.0.0.1:%d" % port
    ready_file = os.path.join(state_dir, "server.listening")
    if os.path.exists(ready_file):
        os.remove(ready_file)
    with open(os.path.join(state_dir, "server.log"), "ab") as log:
        proc = subprocess.Popen(
            [PYTHON, MANAGE, "runserver", "127.0.0.1:%d" % port, "--noreload"],
            env=dict(env, PORTAL_SERVER_READY_FILE=ready_file), cwd=HERE, stdin=subprocess.DEVNULL,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, close_fds=True)
    # Written at once, so `stop` can clean up even if this start is interrupted.
    pid_file = os.path.join(state_dir, "server.pid")
    with open(pid_file, "w") as f:
        f.write(str(proc.pid))
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            os.remove(pid_file)
            return None, "server exited with status %d" % proc.returncode
        if listening(ready_file, proc.pid) and answers_http(url):
            return proc, url
        time.sleep(0.05)
    kill_group(proc.pid)
    proc.wait()
    os.remove(pid_file)
    return None, "server did not answer within %.0f s" % START_TIMEOUT


def kill_group(pid):
    """SIGTERM the server's process group, then SIGKILL if it is still there after a while."""
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, STOP_TIMEOUT)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return
            time.sleep(0.05)


def start(args):
    state_dir = os.path.abspath(args.state_dir)
    os.makedirs(state_dir, exist_ok=True)
    pid = read_pid(state_dir)
    if pid and pid_alive(pid) and is_our_server(pid):
        fail("a server is already running for %s (pid %d); stop it first" % (state_dir, pid))
    env = server_env(state_dir, args.env)
    with open(os.path.join(state_dir, "server.env.json"), "w") as f:
        json.dump(args.env, f)  # so exec runs with the server's settings
    owner = os.getppid() if args.watch_parent else args.watch_pid
    if owner:
        env["PORTAL_SERVER_WATCH_PID"] = str(owner)
    manage(env, "migrate", "--verbosity", "0")
    if args.demo:
        manage(env, "seed_demo")
    if args.customers:
        manage(env, "seed_customers", str(args.customers))
    attempts = 1 if args.port else 3  # a picked port may be taken before runserver binds it
    for _ in range(attempts):
        proc, result = launch(env, args.port or free_port(), state_dir)
        if proc:
            break
    else:
        log_path = os.path.join(state_dir, "server.log")
        fail("%s; last lines of %s:\n%s" % (result, log_path, log_tail(log_path)))
    with open(os.path.join(state_dir, "server.url"), "w") as f:
        f.write(result)
    print(result, flush=True)
    # Popen's destructor leaves the detached server alone; it is reparented when we exit.


def stop(args):
    state_dir = os.path.abspath(args.state_dir)
    pid = read_pid(state_dir)
    if pid and pid_alive(pid) and is_our_server(pid):
        kill_group(pid)
    for name in ("server.pid", "server.listening"):
        try:
            os.remove(os.path.join(state_dir, name))
        except FileNotFoundError:
            pass


def exec_manage(args):
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        fail("exec needs a manage.py command after --")
    state_dir = os.path.abspath(args.state_dir)
    try:
        with open(os.path.join(state_dir, "server.env.json")) as f:
            extra = json.load(f)
    except FileNotFoundError:
        extra = []
    sys.exit(subprocess.run([PYTHON, MANAGE, *command], env=server_env(state_dir, extra),
                            cwd=HERE).returncode)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="action", required=True)
    p = commands.add_parser("start", help="migrate, optionally seed, start and wait")
    p.add_argument("--state-dir", required=True)
    p.add_argument("--port", type=int, default=0, help="0 or absent: a free loopback port")
    p.add_argument("--demo", action="store_true", help="run seed_demo")
    p.add_argument("--customers", type=int, default=0, metavar="N",
                   help="run seed_customers N (after seed_demo): N generated customers")
    watch = p.add_mutually_exclusive_group()
    watch.add_argument("--watch-pid", type=int, default=0, metavar="PID",
                       help="stop the server once process PID is gone")
    watch.add_argument("--watch-parent", action="store_true",
                       help="stop the server once the process that ran serverctl is gone")
    p.add_argument("--env", action="extend", nargs="+", default=[], metavar="K=V",
                   help="extra environment for the server, e.g. PORTAL_SERVER_LOGIN_RATE=3/min")
    p.set_defaults(func=start)
    p = commands.add_parser("stop", help="stop the server (SIGTERM, then SIGKILL)")
    p.add_argument("--state-dir", required=True)
    p.set_defaults(func=stop)
    p = commands.add_parser("exec", help="run a manage.py command against the state dir's database")
    p.add_argument("--state-dir", required=True)
    p.add_argument("command", nargs=argparse.REMAINDER)
    p.set_defaults(func=exec_manage)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
