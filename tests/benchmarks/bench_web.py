#!/usr/bin/python3
"""bench_web: the app side by side with the web client it replaces.

  bench_web.py --bench-startup <build>/tests/benchmarks/bench_startup [--runs N] [--chromium CMD]
  bench_web.py --self-check

The alternative is the seed's web client (tests/server/webclient/: the login page and profile of
../shared/seed/django-token-auth-guide.md's JavaScript client), served by the reference server at
/web/ and loaded in headless Chromium (Debian's `chromium`). Two figures, measured the same way for
both sides, runs alternating (one warm-up pair first, not counted):

- start to painted login form: from just before the process is launched (time.monotonic() before
  Popen) to the driver learning that the login form was painted:
  * Chromium: `chromium --headless=new --no-sandbox --user-data-dir=<fresh> ... /web/?bench=...`;
    the page's bench.js waits for the first contentful paint (after client.js ran) and POSTs a
    beacon to a listener here; the clock stops when the beacon arrives.
  * the app: `bench_startup --child app <server> <settings.ini>` (the real start-up, as main.cpp),
    offscreen; the clock stops on reading its "painted ..." line (printed from the event loop right
    after the Sign in window's first paint).
- total PSS at that moment: Chromium: the sum of Pss (/proc/PID/smaps_rollup) over every process of
  its tree, read before the beacon is answered (so the page does nothing meanwhile); the app: its
  one process's Pss, from the same "painted" line.

For information: the same start-up ratio against Chromium's first contentful paint, which often
comes before client.js has run (the form is drawn but does nothing yet; bench.js then waits for the
next frame, and that frame is what the first row counts), and the web client's "Sign in to painted
profile" (alice, through the seed's own submit handler; the page's clock), which the app has no
child for here.

Both sides run with no D-Bus session and no display (DBUS_SESSION_BUS_ADDRESS, DISPLAY and
WAYLAND_DISPLAY unset), the app with QT_QPA_PLATFORM=offscreen. One reference server
(tests/server/serverctl.py, --demo) serves both; the app only needs its address to show Sign in.

Output: TABLE lines as tests/benchmarks/tablerow.cpp prints them, then
`ratio web_startup=X.XX web_pss=Y.YY` (subject / baseline). Without `chromium` on PATH it prints
"SKIPPED: ..." and the rows with the verdict "skipped", no ratio line, and exits 0. Nothing here
asserts a figure. Standard library only; run it with /usr/bin/python3 (the server needs Django).
"""
import argparse
import io
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import redirect_stdout
from http.server import BaseHTTPRequestHandler, HTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SERVERCTL = os.path.join(REPO, "tests", "server", "serverctl.py")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

BASELINE = "Chromium, seed web client"
ROW_STARTUP = "vs web client: start to painted login form"
ROW_PSS = "vs web client: total PSS at that moment"
ROW_FCP = "vs web client: start to first paint, form not working yet"
ROW_PROFILE = "web client: Sign in to painted profile (page's clock)"
SKIP_REASON = ("chromium is not installed (Debian package chromium; not installed by the test "
               "command)")
CHILD_TIMEOUT = 30.0
# A user who opens the page: no first-run UI, and none of Chromium's own traffic to Google
# (component updates, sync, variations), which has nothing to do with the page.
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---- Figures, exactly as tests/benchmarks/samples.cpp and tablerow.cpp compute and print them ----

def percentile(values, p):
    """Nearest rank, as portal::bench::percentile: the ceil(p% * n)-th smallest value."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = -(-p * len(ordered) // 100)  # ceil without floats for integral p
    return ordered[min(max(int(rank) - 1, 0), len(ordered) - 1)]


def median(values):
    return percentile(values, 50)


def ratio(subject, baseline):
    return subject / baseline if baseline > 0 else 0.0


def table_line(figure, unit, baseline_values, subject_values, limit=None, target_text="",
               verdict=None, baseline=BASELINE):
    """One "TABLE" line, as printTableRow(): limit is a RatioAtMost limit, None for no target."""
    def fig(values, pick):
        return "%.2f" % pick(values) if values else "-"

    has_ratio = bool(baseline_values) and bool(subject_values)
    row_ratio = ratio(median(subject_values), median(baseline_values)) if has_ratio else 0.0
    if verdict is None:
        if limit is None or not has_ratio:
            verdict = "info"
        else:
            verdict = "met" if row_ratio <= limit else "missed"
    fields = ["TABLE", figure, unit, baseline or "-",
              fig(baseline_values, median), fig(baseline_values, min), fig(baseline_values, max),
              fig(subject_values, median), fig(subject_values, min), fig(subject_values, max),
              "%.2f" % row_ratio if has_ratio else "-", target_text or "-", verdict,
              str(max(len(baseline_values), len(subject_values)))]
    return "\t".join(fields)


def print_skipped(reason):
    print("SKIPPED: " + reason)
    print(table_line(ROW_STARTUP, "ms", [], [], 1.0, "<= 1.0x", verdict="skipped"))
    print(table_line(ROW_PSS, "MiB", [], [], 1.0, "<= 1.0x", verdict="skipped"))


# ---- Processes -----------------------------------------------------------------------------------

def process_table():
    """{pid: (ppid, session id, start time in clock ticks)} of every process readable now."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        # After "pid (comm)": state ppid pgrp session ... (starttime is the 20th of these)
        table[int(name)] = (int(fields[1]), int(fields[3]), int(fields[19]))
    return table


def executable(pid):
    try:
        return os.readlink("/proc/%d/exe" % pid)
    except OSError:
        return ""


def tree_of(root, detached_helpers=False):
    """The pids of root, its descendants, and anything else in its session (start_new_session=True
    made root a session leader, so a child that was re-parented still counts). With
    detached_helpers, also every process started since root from the directory of root's
    executable: Chromium's chrome_crashpad_handler double-forks into a session of its own under
    init. (So a second Chromium started meanwhile by someone else would be counted too.)"""
    table = process_table()
    found = {pid for pid, (_, session, _) in table.items() if session == root}
    if root in table:
        found.add(root)
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _, _) in table.items():
            if ppid in found and pid not in found:
                found.add(pid)
                grew = True
    if detached_helpers and root in table:
        folder = os.path.dirname(executable(root))
        started = table[root][2]
        for pid, (_, _, start) in table.items():
            if pid not in found and start >= started and folder and \
                    os.path.dirname(executable(pid)) == folder:
                found.add(pid)
    return found


def pss_kb(pid):
    """The process's proportional set size in kB (its share of every page it maps), 0 if gone."""
    try:
        with open("/proc/%d/smaps_rollup" % pid) as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def kill_tree(process, detached_helpers=False):
    """SIGKILL to the process's session and everything found in its tree, then reap it."""
    pids = tree_of(process.pid, detached_helpers)
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    process.wait()
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline and any(
            is_alive(pid) for pid in pids if pid != process.pid):
        time.sleep(0.01)


def is_alive(pid):
    try:
        with open("/proc/%d/stat" % pid, "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return False


def quiet_environment(**extra):
    """Ours, without a D-Bus session or a display: both sides start as on a headless machine."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(extra)
    return env


# ---- The beacon listener -------------------------------------------------------------------------

class Beacons:
    """A loopback HTTP listener for the page's beacons (bench.js). On "form" it measures the
    Chromium tree before it answers, so the page cannot move on while it is being measured."""

    def __init__(self):
        self.cond = threading.Condition()
        self.events = []
        self.root_pid = 0  # the Chromium run being measured
        beacons = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                arrived = time.monotonic()
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    data = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    data = {}
                name = self.path.strip("/")
                event = {"name": name, "at": arrived, "data": data}
                if name == "form" and beacons.root_pid:
                    pids = tree_of(beacons.root_pid, detached_helpers=True)
                    event["pss_kb"] = sum(pss_kb(pid) for pid in pids)
                    event["processes"] = len(pids)
                self.send_response(204)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Length", "0")
                self.end_headers()
                with beacons.cond:
                    beacons.events.append(event)
                    beacons.cond.notify_all()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def start_run(self, root_pid):
        with self.cond:
            self.events = []
            self.root_pid = root_pid

    def wait_for(self, name, deadline, process):
        """The event called name, or None when the deadline passed or Chromium exited."""
        with self.cond:
            while True:
                for event in self.events:
                    if event["name"] == name:
                        return event
                left = deadline - time.monotonic()
                if left <= 0 or process.poll() is not None:
                    return None
                self.cond.wait(min(left, 0.1))

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# ---- One run of each side ------------------------------------------------------------------------

class RunFailed(Exception):
    pass


def tail(path, lines=15):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def run_chromium(chromium, page_url, beacons, work):
    """{"ms", "pss_mib", "processes", "how", "profile_ms"} of one Chromium start."""
    profile_dir = tempfile.mkdtemp(prefix="chromium-", dir=work)
    log_path = os.path.join(work, "chromium.log")
    with open(log_path, "wb") as log:
        started = time.monotonic()
        process = subprocess.Popen([chromium, *CHROMIUM_FLAGS, "--user-data-dir=" + profile_dir,
                                    page_url], stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                   env=quiet_environment(), start_new_session=True)
    try:
        beacons.start_run(process.pid)
        form = beacons.wait_for("form", started + CHILD_TIMEOUT, process)
        if form is None:
            raise RunFailed("Chromium sent no 'form' beacon (exit status %s); its log:\n%s"
                            % (process.poll(), tail(log_path)))
        profile = beacons.wait_for("profile", time.monotonic() + CHILD_TIMEOUT, process)
        if profile is None:
            raise RunFailed("Chromium sent no 'profile' beacon; its log:\n%s" % tail(log_path))
    finally:
        kill_tree(process, detached_helpers=True)
        shutil.rmtree(profile_dir, ignore_errors=True)
    data = form["data"]
    ms = (form["at"] - started) * 1000.0
    # "fcp": the first contentful paint came after client.js had run; "next-frame": it came before
    # (the form was drawn but did nothing yet), so the frame after client.js ran counts. The first
    # contentful paint on the driver's clock: the beacon's arrival less the page's own
    # milliseconds from that paint to sending the beacon.
    how = data.get("how", "?")
    fcp_ms = ms - max(float(data["at"]) - float(data["fcp"]), 0.0) if "fcp" in data else ms
    if how == "next-frame":
        how += " (first contentful paint %.1f ms earlier)" % (ms - fcp_ms)
    return {"ms": ms, "fcp_ms": fcp_ms, "pss_mib": form["pss_kb"] / 1024.0,
            "processes": form["processes"], "how": how,
            "profile_ms": float(profile["data"].get("ms", 0.0))}


def run_app(bench_startup, server_url, work):
    """{"ms", "pss_mib", "processes"} of one app start (bench_startup's app child)."""
    settings_dir = tempfile.mkdtemp(prefix="app-", dir=work)
    err_path = os.path.join(work, "app.log")
    painted = None
    with open(err_path, "wb") as err:
        started = time.monotonic()
        process = subprocess.Popen(
            [bench_startup, "--child", "app", server_url,
             os.path.join(settings_dir, "settings.ini")],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
            env=quiet_environment(QT_QPA_PLATFORM="offscreen"), start_new_session=True)
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        buffered = b""
        deadline = started + CHILD_TIMEOUT
        settled = False
        while not settled:
            if not selector.select(max(deadline - time.monotonic(), 0)):
                raise RunFailed("the app child timed out; its stderr:\n" + tail(err_path))
            chunk = os.read(process.stdout.fileno(), 65536)
            now = time.monotonic()
            if not chunk:
                break
            buffered += chunk
            while b"\n" in buffered:
                line, buffered = buffered.split(b"\n", 1)
                words = line.split()
                if words[:1] == [b"painted"] and painted is None:
                    # "painted <VmHWM kB> <ms since main()> <Pss kB>"
                    if len(words) < 4:
                        raise RunFailed("bench_startup prints no Pss: rebuild it (%r)" % line)
                    painted = {"ms": (now - started) * 1000.0, "pss_mib": int(words[3]) / 1024.0,
                               "rss_mib": int(words[1]) / 1024.0, "processes": 1}
                elif words[:1] == [b"settled"]:
                    settled = True
        selector.close()
        if painted is None:
            raise RunFailed("the app child printed no 'painted' line; its stderr:\n"
                            + tail(err_path))
        if process.wait(CHILD_TIMEOUT) != 0:
            raise RunFailed("the app child exited with %s; its stderr:\n%s"
                            % (process.returncode, tail(err_path)))
    finally:
        if process.poll() is None:
            kill_tree(process)
        process.stdout.close()
        shutil.rmtree(settings_dir, ignore_errors=True)
    return painted


# ---- The reference server ------------------------------------------------------------------------

def start_server(state_dir):
    result = subprocess.run([PYTHON, SERVERCTL, "start", "--state-dir", state_dir, "--demo",
                             "--watch-pid", str(os.getpid())],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RunFailed("the reference server did not start (serverctl.py exited %d)"
                        % result.returncode)
    return result.stdout.strip()


def stop_server(state_dir):
    subprocess.run([PYTHON, SERVERCTL, "stop", "--state-dir", state_dir],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


# ---- Main ----------------------------------------------------------------------------------------

def chromium_version(chromium):
    try:
        return subprocess.run([chromium, "--version"], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=30,
                              env=quiet_environment()).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def build_type(bench_startup):
    """CMAKE_BUILD_TYPE of the build directory that holds bench_startup, or "unknown"."""
    cache = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(bench_startup)))), "CMakeCache.txt")
    try:
        with open(cache) as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    return line.split("=", 1)[1].strip() or "(none)"
    except OSError:
        pass
    return "unknown"


def measure(args, chromium):
    web, app = [], []
    with tempfile.TemporaryDirectory(prefix="bench-web-") as work:
        state_dir = os.path.join(work, "server")
        beacons = None
        try:
            server_url = start_server(state_dir)
            beacons = Beacons()
            page_url = "%s/web/?bench=%s&user=alice&password=alice-password-1" % (
                server_url, beacons.url)
            print("chromium: %s (%s)" % (chromium_version(chromium), shutil.which(chromium)))
            print("app: %s --child app (build type %s), QT_QPA_PLATFORM=offscreen"
                  % (args.bench_startup, build_type(args.bench_startup)))
            print("both: no D-Bus session, no display; reference server %s (page %s/web/)"
                  % (server_url, server_url))
            print("runs: %d per side, alternating, after one warm-up pair; load average %s\n"
                  % (args.runs, " ".join(open("/proc/loadavg").read().split()[:3])))
            for pair in range(args.runs + 1):
                order = ("web", "app") if pair % 2 == 0 else ("app", "web")
                for side in order:
                    if side == "web":
                        run = run_chromium(chromium, page_url, beacons, work)
                        detail = "%d processes, %s, profile %.1f ms" % (
                            run["processes"], run["how"], run["profile_ms"])
                    else:
                        run = run_app(args.bench_startup, server_url, work)
                        detail = "1 process, peak RSS %.1f MiB" % run["rss_mib"]
                    label = "warm-up" if pair == 0 else "run %2d" % pair
                    print("%-8s %-3s painted login form %7.1f ms, PSS %6.1f MiB (%s)"
                          % (label, side, run["ms"], run["pss_mib"], detail), flush=True)
                    if pair > 0:
                        (web if side == "web" else app).append(run)
        finally:
            if beacons:
                beacons.close()
            stop_server(state_dir)
    return web, app


def report(web, app):
    web_ms, app_ms = [r["ms"] for r in web], [r["ms"] for r in app]
    web_pss, app_pss = [r["pss_mib"] for r in web], [r["pss_mib"] for r in app]
    print()
    print(table_line(ROW_STARTUP, "ms", web_ms, app_ms, 1.0, "<= 1.0x"))
    print(table_line(ROW_PSS, "MiB", web_pss, app_pss, 1.0, "<= 1.0x"))
    print(table_line(ROW_FCP, "ms", [r["fcp_ms"] for r in web], app_ms))
    print(table_line(ROW_PROFILE, "ms", [r["profile_ms"] for r in web], []))
    print("ratio web_startup=%.2f web_pss=%.2f"
          % (ratio(median(app_ms), median(web_ms)), ratio(median(app_pss), median(web_pss))))


def self_check():
    """Checks the driver's own arithmetic and output without starting anything."""
    problems = []

    def expect(condition, what):
        if not condition:
            problems.append(what)

    expect(median([3.0, 1.0, 2.0]) == 2.0, "median of 3")
    expect(median([4.0, 1.0, 3.0, 2.0]) == 2.0, "median of 4 is the lower middle, as samples.cpp")
    expect(percentile([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 90) == 9.0, "p90 of 10")
    line = table_line(ROW_STARTUP, "ms", [100.0, 300.0, 200.0], [50.0, 70.0, 60.0], 1.0, "<= 1.0x")
    expect(line.split("\t") == ["TABLE", ROW_STARTUP, "ms", BASELINE, "200.00", "100.00", "300.00",
                                "60.00", "50.00", "70.00", "0.30", "<= 1.0x", "met", "3"],
           "a met row: " + line)
    line = table_line(ROW_PSS, "MiB", [10.0], [20.0], 1.0, "<= 1.0x")
    expect(line.split("\t")[10:13] == ["2.00", "<= 1.0x", "missed"], "a missed row: " + line)
    line = table_line(ROW_PROFILE, "ms", [5.0, 7.0], [])
    expect(line.split("\t")[7:] == ["-", "-", "-", "-", "-", "info", "2"], "an info row: " + line)
    out = io.StringIO()
    with redirect_stdout(out):
        print_skipped(SKIP_REASON)
    lines = out.getvalue().splitlines()
    expect(lines[0].startswith("SKIPPED: chromium is not installed"), "skip reason first")
    expect(len(lines) == 3 and all(l.split("\t")[12] == "skipped" and len(l.split("\t")) == 14
                                   for l in lines[1:]), "skipped rows: %r" % lines[1:])
    expect("ratio " not in out.getvalue(), "a skip prints no ratio line")
    own = tree_of(os.getpid())
    expect(os.getpid() in own and pss_kb(os.getpid()) > 0, "this process's tree and Pss")
    for what in problems:
        print("FAIL: " + what)
    print("self-check failed" if problems else "self-check passed")
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    build = os.environ.get("BUILD_DIR") or os.path.join(REPO, "build-bench")
    parser.add_argument("--bench-startup", default=os.path.join(build, "tests", "benchmarks",
                                                                "bench_startup"),
                        help="the bench_startup executable (default: $BUILD_DIR/tests/benchmarks/"
                             "bench_startup, BUILD_DIR defaulting to build-bench/)")
    parser.add_argument("--runs", type=int, default=10, help="counted runs per side (default 10)")
    parser.add_argument("--chromium", default="chromium", help="the browser (default: chromium)")
    parser.add_argument("--self-check", action="store_true",
                        help="check the driver's arithmetic and output format, start nothing")
    args = parser.parse_args()
    if args.self_check:
        return self_check()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    print("bench_web: the app against the seed's web client in headless Chromium")
    chromium = shutil.which(args.chromium)
    if chromium is None:
        print_skipped(SKIP_REASON if args.chromium == "chromium"
                      else "%s is not installed" % args.chromium)
        return 0
    if not os.access(args.bench_startup, os.X_OK):
        print("bench_web: %s is not built (cmake --build <dir> --target bench_startup)"
              % args.bench_startup, file=sys.stderr)
        return 2
    # SIGTERM ends the run like Ctrl+C: the finally blocks stop the server and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        web, app = measure(args, chromium)
    except RunFailed as error:
        print("bench_web: " + str(error), file=sys.stderr)
        return 1
    report(web, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
