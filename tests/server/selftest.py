#!/usr/bin/python3
"""Self-check of the reference server over loopback: /usr/bin/python3 selftest.py (exit 1 on failure).

Starts three servers with serverctl.py (default; envelope + throttle + short JWT + Djoser's logout on
password change; session-first with 500 generated customers and no Djoser), exercises every endpoint
with urllib (the seed's /api/ and Djoser's /auth/, reading the reset e-mail from the state directory;
the seed's web client at /web/), checks seed_customers and the staff list over many customers, and
checks that stopping leaves no process behind, and that a server watching its owner (--watch-pid)
stops by itself when the owner dies without stopping it.
"""
import email
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVERCTL = os.path.join(HERE, "serverctl.py")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
failures = []


def check(condition, what, detail=""):
    if not condition:
        failures.append(what)
        print("FAIL: %s %s" % (what, detail))


class Server:
    def __init__(self, root, name, *env, watch_pid=0, customers=0):
        self.state_dir = os.path.join(root, name)
        started = time.monotonic()
        args = [SERVERCTL, "start", "--state-dir", self.state_dir, "--demo"]
        if customers:
            args += ["--customers", str(customers)]
        if watch_pid:
            args += ["--watch-pid", str(watch_pid)]
        if env:
            args += ["--env", *env]
        self.url = subprocess.run(args, check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
        print("%s server at %s, started in %.2f s" % (name, self.url, time.monotonic() - started))

    def call(self, method, path, body=None, token=None, scheme="Token", headers=None):
        """Returns (status, headers, parsed JSON or raw text)."""
        request = urllib.request.Request(self.url + path, method=method, headers=dict(headers or {}))
        if body is not None:
            request.data = json.dumps(body).encode()
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "%s %s" % (scheme, token))
        try:
            with OPENER.open(request, timeout=10) as response:
                status, reply_headers, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, reply_headers, raw = error.code, error.headers, error.read()
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = raw.decode(errors="replace")
        return status, reply_headers, data

    def manage(self, *args):
        return subprocess.run([SERVERCTL, "exec", "--state-dir", self.state_dir, "--", *args],
                              check=True, stdout=subprocess.PIPE, text=True).stdout.strip()

    def mails(self):
        """The e-mails sent so far, oldest first, as (To, text part) pairs."""
        directory = os.path.join(self.state_dir, "mail")
        names = sorted(n for n in os.listdir(directory) if n.endswith(".eml")) if os.path.isdir(
            directory) else []
        found = []
        for name in names:
            with open(os.path.join(directory, name), "rb") as f:
                message = email.message_from_binary_file(f)
            text = next(part for part in message.walk() if part.get_content_type() == "text/plain")
            found.append((message["To"], text.get_payload(decode=True).decode()))
        return found

    def login(self, username, password):
        status, _, data = self.call("POST", "/api/login/", {"username": username, "password": password})
        assert status == 200, (status, data)
        return data["token"]

    def stop(self):
        pid = int(open(os.path.join(self.state_dir, "server.pid")).read())
        subprocess.run([SERVERCTL, "stop", "--state-dir", self.state_dir], check=True)
        subprocess.run([SERVERCTL, "stop", "--state-dir", self.state_dir], check=True)  # idempotent
        port = self.url.rsplit(":", 1)[1]
        ps = subprocess.run(["ps", "-eo", "pid,stat,args"], stdout=subprocess.PIPE, text=True).stdout
        leftovers = [line for line in ps.splitlines()[1:]
                     if ("runserver 127.0.0.1:%s" % port in line or line.split()[0] == str(pid))
                     and not line.split()[1].startswith("Z")]  # a zombie is dead, awaiting its reaper
        check(not leftovers, "no process left after stop", leftovers)
        check(not os.path.exists(os.path.join(self.state_dir, "server.pid")), "pid file removed")


CUSTOMER_KEYS = {"id", "username", "email", "first_name", "last_name", "birth_date", "is_staff",
                 "date_joined"}


def check_auth_errors(s):
    status, headers, data = s.call("GET", "/api/profile/")
    check(status == 401 and headers["WWW-Authenticate"] == "Token", "no token: 401 + WWW-Authenticate")
    check(data == {"detail": "Authentication credentials were not provided."}, "no token body", data)
    status, headers, data = s.call("GET", "/api/profile/", token="0" * 40)
    check(status == 401 and headers["WWW-Authenticate"] == "Token", "bad token: 401", status)
    check(data == {"detail": "Invalid token."}, "bad token body", data)
    status, _, data = s.call("POST", "/api/login/", {"username": "alice", "password": "wrong"})
    check(status == 400, "bad login: 400", status)
    check(data == {"non_field_errors": ["Unable to log in with provided credentials."]},
          "bad login body", data)
    status, _, data = s.call("POST", "/api/login/", {"username": "alice"})
    check(status == 400 and "password" in data, "login without password: field error", data)


def check_webclient(s):
    """The seed's web client at /web/ (static files, nothing else from its folder or beyond)."""
    status, headers, page = s.call("GET", "/web/")
    check(status == 200 and headers["Content-Type"].startswith("text/html"), "/web/: the page", status)
    check('<form id="login-form">' in str(page) and 'src="client.js"' in str(page),
          "/web/: the seed's login form")
    status, headers, script = s.call("GET", "/web/client.js")
    check(status == 200 and "javascript" in headers["Content-Type"], "/web/client.js served", status)
    check("class CustomerAPIClient" in str(script) and "window.location.origin + '/api'" in str(script),
          "/web/client.js: the seed's client, on this server")
    check(s.call("GET", "/web/bench.js")[0] == 200, "/web/bench.js served")
    for path in ("/web/nothing.js", "/web/%2e%2e/portal_server/settings.py", "/web/..%2fmanage.py"):
        check(s.call("GET", path)[0] == 404, "%s: 404" % path)


def check_register(s):
    good = {"username": "newbie", "email": "newbie@example.com", "password": "long-enough-1"}
    cases = [
        ({**good, "email": ""}, "email"), ({k: v for k, v in good.items() if k != "email"}, "email"),
        ({**good, "email": "not-an-email"}, "email"), ({**good, "password": "short"}, "password"),
        ({**good, "password": "password1"}, "password"), ({**good, "password": "12345678901"}, "password"),
        ({**good, "password": "newbie-1"}, "password"),  # too similar to the username
        ({**good, "username": "alice"}, "username"), ({**good, "birth_date": "2999-01-01"}, "birth_date"),
        ({**good, "birth_date": "12/04/1990"}, "birth_date"),
    ]
    for body, field in cases:
        status, _, data = s.call("POST", "/api/register/", body)
        check(status == 400 and field in data, "register rejects bad %s" % field, (status, data))
    # A stale token must not matter on register/login.
    status, _, data = s.call("POST", "/api/register/", {**good, "birth_date": "2000-02-29"}, token="0" * 40)
    check(status == 201 and set(data) == {"token", "customer"}, "register 201 {token, customer}", data)
    check(data["customer"]["birth_date"] == "2000-02-29" and not data["customer"]["is_staff"],
          "register customer", data)
    status, _, profile = s.call("GET", "/api/profile/", token=data["token"])
    check(status == 200 and profile["username"] == "newbie", "registered token works", profile)
    status, _, data = s.call("POST", "/api/register/", {**good, "username": "nb2", "password": "password"})
    check(status == 400 and data == {"password": ["This password is too common."]},
          "register: Django's password validators", data)
    mixed = {"username": "alice", "email": "x", "password": "short"}
    status, _, data = s.call("POST", "/api/register/", mixed)
    check(status == 400 and set(data) == {"username", "email", "password"},
          "register: a password error comes with the other fields' errors", data)


def check_profile(s, token):
    status, headers, me = s.call("GET", "/api/profile/", token=token)
    etag = headers["ETag"]
    check(status == 200 and set(me) == CUSTOMER_KEYS, "profile keys", me)
    check(me == {"id": me["id"], "username": "alice", "email": "alice@example.com", "first_name": "Alice",
                 "last_name": "Anderson", "birth_date": "1990-04-12", "is_staff": False,
                 "date_joined": me["date_joined"]}, "alice", me)
    check(me["date_joined"].endswith("Z") and "T" in me["date_joined"], "date_joined ISO, UTC", me)
    check(etag.startswith('"') and etag.endswith('"') and not etag.startswith('W/'), "strong ETag", etag)
    status, headers, data = s.call("PATCH", "/api/profile/", {"first_name": "Alicia"}, token=token)
    check(status == 200 and data["first_name"] == "Alicia" and headers["ETag"] != etag, "PATCH no If-Match")
    status, headers2, data = s.call("PATCH", "/api/profile/", {"last_name": "X"}, token=token,
                                    headers={"If-Match": etag})
    check(status == 412 and data["first_name"] == "Alicia" and data["last_name"] == "Anderson",
          "stale If-Match: 412 + current customer", (status, data))
    check(headers2["ETag"] == headers["ETag"], "412 carries the current ETag")
    read_only = {"id": 99, "username": "x", "is_staff": True, "date_joined": "2000-01-01T00:00:00Z"}
    status, headers3, data = s.call("PUT", "/api/profile/", {"first_name": "Alice", **read_only}, token=token,
                                    headers={"If-Match": headers2["ETag"]})
    check(status == 200 and data == me, "PUT subset with If-Match; read-only fields ignored", data)
    check(headers3["ETag"] == etag, "ETag is a function of the state")
    status, _, data = s.call("PATCH", "/api/profile/", {"email": "nope", "birth_date": "2999-01-01"},
                             token=token)
    check(status == 400 and set(data) == {"email", "birth_date"}, "profile validation 400", data)
    status, _, data = s.call("PATCH", "/api/profile/", {"birth_date": None}, token=token)
    check(status == 200 and data["birth_date"] is None, "birth_date can be cleared", data)
    s.call("PATCH", "/api/profile/", {"birth_date": "1990-04-12"}, token=token)


def check_staff(s, alice_token, staff_token):
    status, _, data = s.call("GET", "/api/customers/", token=alice_token)
    check(status == 403 and "detail" in data, "non-staff list: 403", (status, data))
    status, _, page = s.call("GET", "/api/customers/?page_size=5", token=staff_token)
    check(status == 200 and set(page) == {"count", "next", "previous", "results"}, "page shape", page)
    check(page["count"] >= 32 and len(page["results"]) == 5 and page["previous"] is None, "paging", page)
    check([c["id"] for c in page["results"]] == sorted(c["id"] for c in page["results"]), "default order id")
    status, _, page2 = s.call("GET", page["next"].replace(s.url, ""), token=staff_token)
    check(status == 200 and page2["results"][0]["id"] > page["results"][-1]["id"], "next page", page2)
    status, _, found = s.call("GET", "/api/customers/?search=smith", token=staff_token)
    check(found["count"] == 3, "search smith finds 3", found)
    status, _, found = s.call("GET", "/api/customers/?search=alice%40example", token=staff_token)
    check(found["count"] == 1 and found["results"][0]["username"] == "alice", "search by email", found)
    status, _, page = s.call("GET", "/api/customers/?ordering=-username&page_size=100", token=staff_token)
    names = [c["username"] for c in page["results"]]
    check(names == sorted(names, reverse=True), "ordering -username")
    status, _, data = s.call("GET", "/api/customers/?page=999", token=staff_token)
    check(status == 404, "page out of range: 404", (status, data))

    alice_id = next(c["id"] for c in page["results"] if c["username"] == "alice")
    path = "/api/customers/%d/" % alice_id
    status, headers, customer = s.call("GET", path, token=staff_token)
    etag = headers["ETag"]
    check(status == 200 and customer["username"] == "alice" and etag, "staff detail + ETag")
    check(s.call("GET", path, token=alice_token)[0] == 403, "non-staff detail: 403")
    check(s.call("GET", "/api/customers/99999/", token=staff_token)[0] == 404, "unknown id: 404")
    status, _, data = s.call("PATCH", path, {"last_name": "B"}, token=staff_token)
    check(status == 428 and set(data) == {"detail"}, "PATCH without If-Match: 428", (status, data))
    check(s.call("PUT", path, {"last_name": "B"}, token=staff_token,
                 headers={"If-Match": etag})[0] == 405, "PUT not allowed")
    s.call("PATCH", "/api/profile/", {"first_name": "Al"}, token=alice_token)  # alice edits herself
    status, headers2, data = s.call("PATCH", path, {"last_name": "B"}, token=staff_token,
                                    headers={"If-Match": etag})
    check(status == 412 and data["first_name"] == "Al" and headers2["ETag"] != etag, "staff 412", data)
    status, _, data = s.call("PATCH", path, {"email": "bad"}, token=staff_token,
                             headers={"If-Match": headers2["ETag"]})
    check(status == 400 and "email" in data, "staff PATCH validation 400", data)
    status, headers3, data = s.call("PATCH", path, {"first_name": "Alice", "last_name": "Brown"},
                                    token=staff_token, headers={"If-Match": headers2["ETag"]})
    check(status == 200 and data["last_name"] == "Brown" and headers3["ETag"] != headers2["ETag"],
          "staff PATCH 200 + new ETag", data)
    check_concurrent_patch(s, path, headers3["ETag"], staff_token)

    status, _, history = s.call("GET", path + "history/", token=staff_token)
    check(status == 200 and isinstance(history, list) and len(history) >= 4, "history list", history)
    check(history[-1]["by"] == "alice" and history[-1]["changes"] == {"first_name": ["Alice", "Alicia"]},
          "oldest entry is alice's self edit", history[-1])
    brown = next(h for h in history if "last_name" in h["changes"])
    check(brown["by"] == "support" and brown["changes"] == {"first_name": ["Al", "Alice"],
                                                           "last_name": ["Anderson", "Brown"]},
          "staff edit in history", brown)
    check([h["at"] for h in history] == sorted((h["at"] for h in history), reverse=True), "newest first")
    check(s.call("GET", path + "history/", token=alice_token)[0] == 403, "non-staff history: 403")


def check_concurrent_patch(s, path, etag, staff_token):
    results = []

    def patch(value):
        results.append(s.call("PATCH", path, {"first_name": value}, token=staff_token,
                              headers={"If-Match": etag})[0])

    threads = [threading.Thread(target=patch, args=("Race%d" % i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check(sorted(results) == [200, 412, 412, 412], "concurrent If-Match: exactly one wins", results)


def check_logout(s, token):
    status, _, data = s.call("POST", "/api/logout/", token=token)
    check(status == 200 and data == {"success": True}, "logout", data)
    check(s.manage("token_exists", token) == "no", "logout deleted the token")
    check(s.call("GET", "/api/profile/", token=token)[0] == 401, "token dead after logout")
    check(s.call("POST", "/api/logout/")[0] == 401, "logout needs auth")
    token = s.login("alice", "alice-password-1")
    check(s.manage("token_exists", token) == "yes", "token_exists yes")
    check(s.manage("delete_token", "alice") == "deleted 1", "delete_token")
    check(s.call("GET", "/api/profile/", token=token)[0] == 401, "deleted token: 401")
    shown = json.loads(s.manage("show_customer", "alice"))
    check(shown["username"] == "alice" and set(shown) == CUSTOMER_KEYS, "show_customer", shown)


def check_jwt(s):
    status, _, data = s.call("POST", "/api/token/", {"username": "alice", "password": "wrong"})
    check(status == 401 and data == {"detail": "No active account found with the given credentials"},
          "JWT bad credentials", data)
    status, _, pair = s.call("POST", "/api/token/", {"username": "alice", "password": "alice-password-1"})
    check(status == 200 and set(pair) == {"access", "refresh"}, "JWT pair", pair)
    status, _, me = s.call("GET", "/api/profile/", token=pair["access"], scheme="Bearer")
    check(status == 200 and me["username"] == "alice", "Bearer access works", me)
    status, _, data = s.call("GET", "/api/profile/", token="not.a.jwt", scheme="Bearer")
    check(status == 401 and data.get("code") == "token_not_valid", "bad JWT: token_not_valid", data)
    status, _, data = s.call("POST", "/api/token/refresh/", {"refresh": pair["refresh"]})
    check(status == 200 and "access" in data, "refresh", data)
    status, _, data = s.call("POST", "/api/token/blacklist/", {"refresh": pair["refresh"]})
    check(status == 200, "blacklist", (status, data))
    status, _, data = s.call("POST", "/api/token/refresh/", {"refresh": pair["refresh"]})
    check(status == 401 and data.get("code") == "token_not_valid", "blacklisted refresh rejected", data)


def check_keep_alive(s, token):
    host, port = s.url.replace("http://", "").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    started = time.monotonic()
    for _ in range(20):
        connection.request("GET", "/api/profile/", headers={"Authorization": "Token " + token})
        response = connection.getresponse()
        response.read()
        check(response.getheader("Connection") != "close", "keep-alive kept")
    per_request = (time.monotonic() - started) / 20
    connection.close()
    check(per_request < 0.02, "keep-alive requests are not delayed by Nagle", "%.3f s" % per_request)


def check_envelope(s):
    status, headers, data = s.call("GET", "/api/profile/", token="0" * 40)
    check(status == 401 and headers["WWW-Authenticate"] == "Token", "envelope: 401 kept")
    check(data == {"error": True, "message": "An error occurred", "details": {"detail": "Invalid token."},
                   "status_code": 401}, "envelope: 401 body", data)
    status, _, data = s.call("POST", "/api/login/", {"username": "alice", "password": "wrong"})
    check(status == 400 and data["details"] == {"non_field_errors": [
        "Unable to log in with provided credentials."]}, "envelope: bad login", data)
    statuses = [s.call("POST", "/api/login/", {"username": "alice", "password": "alice-password-1"})
                for _ in range(3)]  # the bad login above was the first of 3 allowed per minute
    codes = [st for st, _, _ in statuses]
    check(codes == [200, 200, 429], "throttle at 3/min", codes)
    status, headers, data = statuses[-1]
    check(headers["Retry-After"] and headers["Retry-After"].isdigit(), "429 Retry-After", headers)
    check(data["status_code"] == 429 and "detail" in data["details"], "envelope: 429 body", data)
    check(s.call("POST", "/api/token/", {"username": "alice", "password": "x"})[0] == 429,
          "JWT token view shares the login throttle")
    token = s.manage("shell", "-c", "from rest_framework.authtoken.models import Token; "
                     "from customers.models import Customer; "
                     "support = Customer.objects.get(username='support'); "
                     "print(Token.objects.get_or_create(user=support)[0].key)")
    status, _, data = s.call("PATCH", "/api/customers/1/", {"first_name": "x"}, token=token)
    check(status == 428 and data["details"].keys() == {"detail"}, "envelope: 428", data)
    status, _, data = s.call("PATCH", "/api/customers/1/", {"first_name": "x"}, token=token,
                             headers={"If-Match": '"stale"'})
    check(status == 412 and data["username"] == "alice", "412 body stays the bare customer", data)


def check_jwt_expiry(s):
    # PORTAL_SERVER_JWT_ACCESS_SECONDS=1; the throttle of this server is spent, so mint a pair directly.
    pair = json.loads(s.manage("shell", "-c", "import json; from rest_framework_simplejwt.tokens import "
                               "RefreshToken; from customers.models import Customer; "
                               "r = RefreshToken.for_user(Customer.objects.get(username='alice')); "
                               "print(json.dumps({'refresh': str(r), 'access': str(r.access_token)}))"))
    time.sleep(1.5)
    status, _, data = s.call("GET", "/api/profile/", token=pair["access"], scheme="Bearer")
    check(status == 401 and data["details"].get("code") == "token_not_valid", "expired access", data)
    status, _, data = s.call("POST", "/api/token/refresh/", {"refresh": pair["refresh"]})
    check(status == 200 and {"access", "refresh"} <= set(data), "rotating refresh", data)


def check_session_first(s):
    status, headers, data = s.call("GET", "/api/profile/", token="0" * 40)
    check(status == 403 and "WWW-Authenticate" not in headers, "session first: bad token 403", status)
    check(data == {"detail": "Invalid token."}, "session first: body", data)
    check(s.call("GET", "/api/profile/")[0] == 403, "session first: no token 403")
    token = s.login("alice", "alice-password-1")
    check(s.call("GET", "/api/profile/", token=token)[0] == 200, "session first: token still works")


def check_many_customers(s, staff_token):
    """The server was started with --customers 500: the 32 demo accounts and 500 generated ones."""
    customers = []
    path = "/api/customers/?page_size=100"
    while path:
        status, _, page = s.call("GET", path, token=staff_token)
        if status != 200:
            check(False, "list pages over many customers", (status, page))
            return
        if not customers:
            check(page["count"] == 532 and len(page["results"]) == 100, "count 532, pages of 100",
                  (page["count"], len(page["results"])))
        customers += page["results"]
        path = page["next"] and page["next"].replace(s.url, "")
    generated = [c for c in customers if "." in c["username"]]  # demo accounts have no dot
    usernames = {c["username"] for c in generated}
    check(len(customers) == 532 and len(generated) == 500 and len(usernames) == 500,
          "500 generated customers, distinct usernames", (len(customers), len(generated), len(usernames)))
    check(not any(c["is_staff"] for c in generated), "generated customers are not staff")
    check(len({c["last_name"] for c in generated}) > 100 and any(c["birth_date"] is None for c in generated)
          and any(not c["first_name"].isascii() for c in generated), "generated names vary")
    # The server's search must find exactly the customers whose fields contain the term.
    target = next(c for c in generated if c["last_name"].isascii() and len(c["last_name"]) >= 5)
    term = target["last_name"].lower()
    expected = {c["id"] for c in customers
                if any(term in c[f].lower() for f in ("username", "email", "first_name", "last_name"))}
    status, _, found = s.call("GET", "/api/customers/?page_size=100&search=" + urllib.parse.quote(term),
                              token=staff_token)
    check(status == 200 and found["count"] == len(expected) == len(found["results"])
          and {c["id"] for c in found["results"]} == expected and target["id"] in expected,
          "search %r finds exactly the matching customers" % term, (expected, found))
    _, _, by_joined = s.call("GET", "/api/customers/?page_size=100&ordering=-date_joined", token=staff_token)
    ids = [c["id"] for c in by_joined["results"]]
    check(ids != sorted(ids) and ids != sorted(ids, reverse=True), "date_joined order is not id order")
    check(s.manage("seed_customers", "500").startswith("Created 0 customers"), "seed_customers rerun adds 0")
    check(s.manage("seed_customers", "510").startswith("Created 10 customers"), "a larger N adds the rest")


# Djoser's PASSWORD_RESET_CONFIRM_URL after the request's host: .../#/password/reset/confirm/<uid>/<token>
RESET_LINK = re.compile(r"http://127\.0\.0\.1:\d+/#/password/reset/confirm/([\w-]+)/([a-z0-9]+-[a-f0-9]+)\s")


def djoser_login(s, username, password):
    status, _, data = s.call("POST", "/auth/token/login/", {"username": username, "password": password})
    check(status == 200 and set(data) == {"auth_token"}, "Djoser login: 200 {auth_token}", (status, data))
    return data.get("auth_token") if isinstance(data, dict) else None


def check_djoser_login(s):
    status, _, data = s.call("POST", "/auth/token/login/", {"username": "alice", "password": "wrong"})
    check(status == 400 and data == {"non_field_errors": ["Unable to log in with provided credentials."]},
          "Djoser bad login: 400", (status, data))
    token = djoser_login(s, "alice", "alice-password-1")
    check(token == s.login("alice", "alice-password-1"), "Djoser and /api/login/ share the DRF token")
    status, _, me = s.call("GET", "/auth/users/me/", token=token)
    _, _, profile = s.call("GET", "/api/profile/", token=token)
    check(status == 200 and me == profile and set(me) == CUSTOMER_KEYS, "/auth/users/me/ is the profile", me)
    check(s.call("GET", "/auth/users/me/")[0] == 401, "/auth/users/me/ needs auth")
    status, _, data = s.call("POST", "/auth/token/logout/", token=token)
    check(status == 204 and data is None, "Djoser logout: 204, no body", (status, data))
    check(s.manage("token_exists", token) == "no", "Djoser logout deleted the token")
    check(s.call("POST", "/auth/token/logout/", token=token)[0] == 401, "Djoser logout: dead token 401")
    alice = {"username": "alice", "password": "alice-password-1"}
    status, _, pair = s.call("POST", "/auth/jwt/create/", alice)
    check(status == 200 and set(pair) == {"access", "refresh"}, "Djoser JWT create", (status, pair))
    status, _, me = s.call("GET", "/auth/users/me/", token=pair["access"], scheme="Bearer")
    check(status == 200 and me["username"] == "alice", "Djoser JWT access works on /auth/users/me/", me)
    status, _, data = s.call("POST", "/auth/jwt/refresh/", {"refresh": pair["refresh"]})
    check(status == 200 and set(data) == {"access"}, "Djoser JWT refresh", (status, data))
    status, _, data = s.call("POST", "/auth/jwt/create/", {"username": "alice", "password": "wrong"})
    check(status == 401 and data == {"detail": "No active account found with the given credentials"},
          "Djoser JWT bad credentials", (status, data))


def check_djoser_register(s):
    good = {"username": "dj_carol", "email": "dj_carol@example.org", "password": "carol-secret-77"}
    cases = [("common password", {**good, "password": "password"}, "password"),
             ("short password", {**good, "password": "short"}, "password"),
             ("blank email", {**good, "email": ""}, "email"),
             ("no email", {k: v for k, v in good.items() if k != "email"}, "email"),
             ("taken username", {**good, "username": "alice"}, "username"),
             ("future birth date", {**good, "birth_date": "2999-01-01"}, "birth_date")]
    for what, body, field in cases:
        status, _, data = s.call("POST", "/auth/users/", body)
        check(status == 400 and field in data, "Djoser register rejects a " + what, (status, data))
    status, _, data = s.call("POST", "/auth/users/", {**good, "password": "password"})
    check(data == {"password": ["This password is too common."]}, "Djoser register: validator message", data)
    mixed = {"username": "alice", "email": "x", "password": "short"}
    status, _, data = s.call("POST", "/auth/users/", mixed)
    check(status == 400 and set(data) == {"username", "email", "password"}, "Djoser register: all errors",
          data)
    status, _, data = s.call("POST", "/auth/users/", {**good, "birth_date": "1985-01-31", "is_staff": True})
    check(status == 201 and set(data) == CUSTOMER_KEYS, "Djoser register: 201 customer, no token",
          (status, data))
    check(data.get("birth_date") == "1985-01-31" and data.get("is_staff") is False,
          "Djoser register fields", data)
    token = djoser_login(s, "dj_carol", "carol-secret-77")
    status, _, me = s.call("PATCH", "/auth/users/me/", {"first_name": "Carol", "id": 1, "username": "x",
                                                         "is_staff": True}, token=token)
    check(status == 200 and me == {**data, "first_name": "Carol"}, "Djoser PATCH me; read-only ignored", me)
    status, _, errors = s.call("PATCH", "/auth/users/me/", {"email": "nope", "birth_date": "2999-01-01"},
                               token=token)
    check(status == 400 and set(errors) == {"email", "birth_date"}, "Djoser PATCH me validation", errors)
    history = json.loads(s.manage("customer_history", "dj_carol"))
    check([(h["by"], h["changes"]) for h in history] == [("dj_carol", {"first_name": ["", "Carol"]})],
          "Djoser PATCH me is in the staff history", history)
    return token


def check_djoser_set_password(s, token):
    path = "/auth/users/set_password/"

    def change(current, new, token=token):
        return s.call("POST", path, {"current_password": current, "new_password": new}, token=token)

    status, _, data = change("wrong", "carol-other-88")
    check(status == 400 and data == {"current_password": ["Invalid password."]},
          "set_password: wrong current", (status, data))
    status, _, data = change("carol-secret-77", "password")
    check(status == 400 and data == {"new_password": ["This password is too common."]},
          "set_password: too common", (status, data))
    status, _, data = change("carol-secret-77", "12")
    check(status == 400 and len(data.get("new_password", [])) == 3, "set_password: every validator's message",
          (status, data))
    check(s.call("POST", path, {"current_password": "carol-secret-77"}, token=token)[0] == 400,
          "set_password: new_password required")
    check(change("carol-secret-77", "carol-other-88", token=None)[0] == 401, "set_password needs auth")
    status, _, data = change("carol-secret-77", "carol-other-88")
    check(status == 204 and data is None, "set_password: 204", (status, data))
    check(s.call("GET", "/auth/users/me/", token=token)[0] == 200, "token lives on after a password change")
    old = {"username": "dj_carol", "password": "carol-secret-77"}
    check(s.call("POST", "/auth/token/login/", old)[0] == 400, "old password refused after set_password")
    check(s.call("POST", "/api/login/", {"username": "dj_carol", "password": "carol-other-88"})[0] == 200,
          "new password works after set_password")


def check_djoser_reset(s):
    before = len(s.mails())
    status, _, data = s.call("POST", "/auth/users/reset_password/", {"email": "nobody@example.org"})
    check(status == 204 and data is None, "reset unknown address: 204", (status, data))
    check(len(s.mails()) == before, "reset unknown address: no mail")
    check(s.call("POST", "/auth/users/reset_password/", {"email": "not-an-address"})[0] == 400,
          "reset: email must be an address")
    status, _, data = s.call("POST", "/auth/users/reset_password/", {"email": "DJ_Carol@example.org"})
    mails = s.mails()
    check(status == 204 and len(mails) == before + 1 and mails[-1][0] == "dj_carol@example.org",
          "reset known address: 204 and one mail to it", (status, mails[before:]))
    match = RESET_LINK.search(mails[-1][1]) if len(mails) > before else None
    check(match is not None and "dj_carol" in mails[-1][1], "reset mail: link with uid and token", mails[-1:])
    if not match:
        return
    confirm = {"uid": match.group(1), "token": match.group(2)}
    path = "/auth/users/reset_password_confirm/"
    status, _, data = s.call("POST", path, {**confirm, "new_password": "password"})
    check(status == 400 and data == {"new_password": ["This password is too common."]},
          "reset confirm: too common", (status, data))
    status, _, data = s.call("POST", path, {**confirm, "uid": "Zm9v", "new_password": "carol-reset-99"})
    check(status == 400 and data == {"uid": ["Invalid user id or user doesn't exist."]},
          "reset confirm: bad uid", (status, data))
    status, _, data = s.call("POST", path, {**confirm, "token": "abc-123", "new_password": "carol-reset-99"})
    check(status == 400 and data == {"token": ["Invalid token for given user."]}, "reset confirm: bad token",
          (status, data))
    status, _, data = s.call("POST", path, {**confirm, "new_password": "carol-reset-99"})
    check(status == 204 and data is None, "reset confirm: 204", (status, data))
    status, _, data = s.call("POST", path, {**confirm, "new_password": "carol-reset-100"})
    check(status == 400 and data == {"token": ["Invalid token for given user."]}, "reset confirm: used token",
          (status, data))
    check(s.call("POST", "/api/login/", {"username": "dj_carol", "password": "carol-other-88"})[0] == 400,
          "old password refused after the reset")
    djoser_login(s, "dj_carol", "carol-reset-99")
    code = json.loads(s.manage("reset_code", "dj_carol"))  # what the mail would carry now
    check(s.call("POST", path, {**code, "new_password": "carol-reset-101"})[0] == 204, "reset_code works")
    # Two accounts with one address (generated customers share some): a mail to each, not a 500.
    for name in ("dj_twin1", "dj_twin2"):
        s.call("POST", "/auth/users/", {"username": name, "email": "twins@example.org",
                                        "password": "twin-secret-5"})
    before = len(s.mails())
    status, _, _ = s.call("POST", "/auth/users/reset_password/", {"email": "twins@example.org"})
    texts = "".join(text for _, text in s.mails()[before:])
    check(status == 204 and len(s.mails()) == before + 2 and "dj_twin1" in texts and "dj_twin2" in texts,
          "reset: a mail to each account of a shared address", status)


def check_djoser_delete(s):
    s.call("POST", "/auth/users/", {"username": "dj_dave", "email": "dj_dave@example.org",
                                    "password": "dave-secret-55"})
    token = djoser_login(s, "dj_dave", "dave-secret-55")
    check(s.call("DELETE", "/auth/users/me/", {"current_password": "dave-secret-55"})[0] == 401,
          "delete needs auth")
    status, _, data = s.call("DELETE", "/auth/users/me/", {"current_password": "wrong"}, token=token)
    check(status == 400 and data == {"current_password": ["Invalid password."]}, "delete: wrong password",
          (status, data))
    status, _, data = s.call("DELETE", "/auth/users/me/", {}, token=token)
    check(status == 400 and "current_password" in data, "delete: password required", (status, data))
    status, _, data = s.call("DELETE", "/auth/users/me/", {"current_password": "dave-secret-55"}, token=token)
    check(status == 204 and data is None, "delete: 204", (status, data))
    shown = subprocess.run([SERVERCTL, "exec", "--state-dir", s.state_dir, "--", "show_customer", "dj_dave"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    check(shown != 0 and s.manage("token_exists", token) == "no", "delete: the customer and token are gone")
    check(s.call("GET", "/auth/users/me/", token=token)[0] == 401, "delete: token dead")
    dave = {"username": "dj_dave", "password": "dave-secret-55"}
    check(s.call("POST", "/auth/token/login/", dave)[0] == 400, "delete: no sign-in")


AUTH_PATHS = [("POST", "/auth/token/login/"), ("POST", "/auth/token/logout/"), ("POST", "/auth/users/"),
              ("GET", "/auth/users/me/"), ("PATCH", "/auth/users/me/"), ("DELETE", "/auth/users/me/"),
              ("POST", "/auth/users/set_password/"), ("POST", "/auth/users/reset_password/"),
              ("POST", "/auth/users/reset_password_confirm/"), ("POST", "/auth/jwt/create/"),
              ("POST", "/auth/jwt/refresh/"), ("GET", "/auth/")]


def check_without_djoser(s, token):
    """PORTAL_SERVER_DJOSER=0: a seed server without the account endpoints."""
    statuses = {"%s %s" % call: s.call(*call, {}, token=token)[0] for call in AUTH_PATHS}
    check(set(statuses.values()) == {404}, "DJOSER=0: every /auth/ path 404", statuses)
    check(s.call("GET", "/api/profile/", token=token)[0] == 200, "DJOSER=0: /api/ still served")


def check_logout_on_password_change(s):
    """PORTAL_SERVER_DJOSER_LOGOUT_ON_PASSWORD_CHANGE=1; check_envelope spent this server's throttle."""
    check(s.call("POST", "/auth/token/login/", {"username": "customer01", "password": "x"})[0] == 429,
          "Djoser token login shares the login throttle")
    token = s.manage("shell", "-c", "from rest_framework.authtoken.models import Token; "
                     "from customers.models import Customer; "
                     "c = Customer.objects.get(username='customer01'); "
                     "print(Token.objects.get_or_create(user=c)[0].key)")
    status, _, data = s.call("POST", "/auth/users/set_password/", {"current_password": "customer-password-1",
                                                                   "new_password": "customer-new-pw-2"},
                             token=token)
    check(status == 204, "set_password with LOGOUT_ON_PASSWORD_CHANGE: 204", (status, data))
    check(s.manage("token_exists", token) == "no", "LOGOUT_ON_PASSWORD_CHANGE deleted the token")
    check(s.call("GET", "/auth/users/me/", token=token)[0] == 401, "LOGOUT_ON_PASSWORD_CHANGE: token dead")


def running(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def check_owner_watch(root):
    """A server whose owner dies without stopping it (a crashed test) stops by itself."""
    owner = subprocess.Popen(["sleep", "60"])
    w = Server(root, "watched", watch_pid=owner.pid)
    pid = int(open(os.path.join(w.state_dir, "server.pid")).read())
    status, _, _ = w.call("GET", "/api/profile/")
    check(status == 401 and running(pid), "watched server serves while its owner lives", status)
    owner.kill()
    owner.wait()
    deadline = time.monotonic() + 10
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    check(not running(pid), "watched server stops once its owner is gone")
    w.stop()


def main():
    with tempfile.TemporaryDirectory(prefix="portal-selftest-") as root:
        servers = []
        try:
            s = Server(root, "default")
            servers.append(s)
            check_auth_errors(s)
            check_webclient(s)
            check_register(s)
            alice = s.login("alice", "alice-password-1")
            staff = s.login("support", "support-password-1")
            check_profile(s, alice)
            check_staff(s, alice, staff)
            check_keep_alive(s, alice)
            check_jwt(s)
            check_logout(s, alice)
            s.manage("seed_demo")
            check(json.loads(s.manage("show_customer", "alice"))["last_name"] == "Anderson", "reseed resets")
            check_djoser_login(s)
            check_djoser_set_password(s, check_djoser_register(s))
            check_djoser_reset(s)
            check_djoser_delete(s)

            e = Server(root, "envelope", "PORTAL_SERVER_ERROR_ENVELOPE=1", "PORTAL_SERVER_LOGIN_RATE=3/min",
                       "PORTAL_SERVER_JWT_ACCESS_SECONDS=1", "PORTAL_SERVER_JWT_ROTATE=1",
                       "PORTAL_SERVER_DJOSER_LOGOUT_ON_PASSWORD_CHANGE=1")
            servers.append(e)
            check_envelope(e)
            check_jwt_expiry(e)
            check_logout_on_password_change(e)

            p = Server(root, "session", "PORTAL_SERVER_AUTH_FIRST=session", "PORTAL_SERVER_DJOSER=0",
                       customers=500)
            servers.append(p)
            check_session_first(p)
            check_without_djoser(p, p.login("alice", "alice-password-1"))
            check_many_customers(p, p.login("support", "support-password-1"))

            check_owner_watch(root)
        finally:
            for server in servers:
                server.stop()
    print("FAILED: %d check(s)" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
