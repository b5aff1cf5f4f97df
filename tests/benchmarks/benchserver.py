#!/usr/bin/python3
"""A tiny keep-alive HTTP/1.1 server on loopback for the benchmarks.

Django's runserver and a default http.server answer keep-alive requests about 44 ms late (Nagle's
algorithm meets the client's delayed ACK when headers and body go out in two writes), which would
measure the server instead of the client. This one sets TCP_NODELAY and sends every response in
one write, so a request costs about as much as the Python handler itself.

    benchserver.py [--customers N]
                            builds the customer list, prints the port on its first line, then
                            serves until stdin closes or SIGTERM arrives

Endpoints (fixed answers, nothing is stored; every GET needs an Authorization header, else 401):
    GET  /api/profile/      200 customer + ETag: the staff user's with the staff user's token,
                            alice's with any other
    POST /api/login/        200 {token, customer}: username "staff" signs in the staff user
                            (is_staff true, its own token), any other username alice
    POST /api/logout/       204 (401 without an Authorization header)
    GET  /api/customers/?search=&ordering=&page=&page_size=
                            the staff list over N generated customers (--customers, default 0:
                            count 0), paged like DRF's PageNumberPagination: {count, next,
                            previous, results}, page_size 10 by default and at most 100, 404
                            {"detail": "Invalid page."} past the end. search: every word a
                            case-insensitive substring (all of Unicode, like PostgreSQL) of
                            username, email, first_name or last_name; ordering: id, username, email, first_name, last_name,
                            date_joined, "-" for descending, comma-separated (default id)
    GET  /api/customers/<id>/
                            200 customer + ETag; 404 for an unknown id

The list is made to cost little per request, so that a benchmark measures the client: each
customer's JSON is serialised once at start-up (100,000 take about a second), the filtered and
sorted index list of a (search, ordering) pair is kept for later pages and for narrowing the next,
longer search term, and a page's body is the pre-serialised customers joined.
"""

import argparse
import json
import os
import random
import signal
import sys
import threading
import unicodedata
from collections import OrderedDict
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

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
# Support staff, for the benchmarks that drive the Customers page (sign in as "staff").
STAFF_TOKEN = "fedcba9876543210fedcba9876543210fedcba98"
STAFF = dict(CUSTOMER, id=2, username="staff", email="staff@example.org", first_name="Sam",
             last_name="Support", is_staff=True)
STAFF_PROFILE_BODY = json.dumps(STAFF).encode()
STAFF_LOGIN_BODY = json.dumps({"token": STAFF_TOKEN, "customer": STAFF}).encode()
STAFF_ETAG = b'"profile-2"'
NO_CREDENTIALS_BODY = json.dumps(
    {"detail": "Authentication credentials were not provided."}).encode()
NOT_FOUND_BODY = json.dumps({"detail": "Not found."}).encode()
INVALID_PAGE_BODY = json.dumps({"detail": "Invalid page."}).encode()

REASONS = {200: b"OK", 204: b"No Content", 401: b"Unauthorized", 404: b"Not Found", 405: b"Method Not Allowed"}

# Generated customers: a few names of many origins, some not ASCII, for the client's text handling.
FIRST_NAMES = ("Aisha", "Akira", "Alice", "Ana", "Björn", "Carlos", "Chen", "Chidi", "Chloé",
               "David", "Elif", "Emma", "Fatima", "François", "Grace", "Hana", "Ivan", "James",
               "Jana", "José", "Kofi", "Lars", "Łukasz", "Mei", "Mohammed", "Niamh", "Olga",
               "Priya", "Ravi", "Sofía", "Søren", "Thabo", "Yuki", "Zoë")
LAST_NAMES = ("Ahmed", "Baker", "Chen", "Davies", "Dubois", "García", "Gupta", "Hansen", "Ivanova",
              "Jones", "Kim", "Kowalski", "Lee", "Martin", "Mensah", "Müller", "Nguyen", "Nowak",
              "O'Brien", "Okafor", "Ørsted", "Patel", "Rossi", "Sato", "Silva", "Smith",
              "Smith-Jones", "Tanaka", "van der Berg", "Wang", "Wiśniewski", "Yılmaz")
DOMAINS = ("example.com", "example.org", "example.net")
ORDERING_FIELDS = ("id", "username", "email", "first_name", "last_name", "date_joined")
SEARCH_FIELDS = ("username", "email", "first_name", "last_name")
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 10, 100
CACHED_QUERIES = 64  # (search, ordering) index lists kept; with 100,000 customers one is < 1 MB
_FOLD = str.maketrans({"Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ı": "i"})


def ascii_slug(name):
    """"Zoë" -> "zoe", "O'Brien" -> "obrien": for usernames and e-mail addresses."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum() or c == "-")


class CustomerList:
    """Customers 1..N as pre-serialised JSON, with the columns to search and to sort by."""

    def __init__(self, count):
        # Start-up time counts (the benchmark waits for the port), hence the plain draws and the
        # precomputed slugs: 100,000 customers take about a second.
        draw = random.Random(1).random  # the same customers every run
        firsts = [(name, ascii_slug(name)) for name in FIRST_NAMES]
        lasts = [(name, ascii_slug(name)) for name in LAST_NAMES]
        joined_until = datetime(2026, 1, 1)
        join_span = 8 * 365 * 86400
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # as DRF's
        self.bodies = []  # each customer's JSON; index i is id i + 1
        self.columns = {field: [] for field in ORDERING_FIELDS if field != "id"}
        self.haystacks = []  # the searched fields, lower case, joined by NUL so no match spans two
        for number in range(1, count + 1):
            first, first_slug = firsts[int(draw() * len(firsts))]
            last, last_slug = lasts[int(draw() * len(lasts))]
            username = "%s.%s%d" % (first_slug, last_slug, number)
            email = "%s@%s" % (username, DOMAINS[int(draw() * len(DOMAINS))])
            birth_date = None if draw() < 0.1 else "%04d-%02d-%02d" % (
                1940 + int(draw() * 67), 1 + int(draw() * 12), 1 + int(draw() * 28))
            # DRF writes a UTC datetime as isoformat() with "Z" for "+00:00".
            date_joined = (joined_until - timedelta(seconds=draw() * join_span)).isoformat() + "Z"
            customer = {"id": number, "username": username, "email": email, "first_name": first,
                        "last_name": last, "birth_date": birth_date, "is_staff": False,
                        "date_joined": date_joined}
            self.bodies.append(encode(customer).encode())
            for field, column in self.columns.items():
                column.append(customer[field])
            self.haystacks.append("\0".join(customer[f] for f in SEARCH_FIELDS).lower())
        self._cache = OrderedDict()
        self._lock = threading.Lock()

    def body(self, customer_id):
        return self.bodies[customer_id - 1] if 1 <= customer_id <= len(self.bodies) else None

    def matching(self, terms, ordering):
        """Indexes of the customers that match every term, in the given order; cached."""
        key = (terms, ordering)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        if terms:
            result = self._filter(self._narrowest(terms, ordering), terms)
        elif ordering == ("id",):
            result = range(len(self.bodies))
        else:
            result = list(range(len(self.bodies)))
            # Least significant field first; Python's sort is stable, also with reverse=True, so
            # ties stay in id order as in a database that walks an index.
            for field in reversed(ordering):
                name = field.lstrip("-")
                # Index i is id i + 1, so the indexes themselves sort by id.
                column = None if name == "id" else self.columns[name].__getitem__
                result.sort(key=column, reverse=field.startswith("-"))
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > CACHED_QUERIES:
                self._cache.popitem(last=False)
        return result

    def _narrowest(self, terms, ordering):
        """The shortest cached list, in this ordering, that holds every match of terms.

        Filtering keeps the order, so a search never sorts. And a customer matching terms also
        matches any term that is part of one of them, so typing "smi" after "sm" filters only the
        matches of "sm".
        """
        best = self.matching((), ordering)
        with self._lock:
            for (cached_terms, cached_ordering), result in self._cache.items():
                if (cached_ordering == ordering and cached_terms and len(result) < len(best)
                        and all(any(c in t for t in terms) for c in cached_terms)):
                    best = result
        return best

    def _filter(self, candidates, terms):
        """The candidates whose haystack holds every term, in the candidates' order."""
        haystacks = self.haystacks
        if len(candidates) < len(haystacks) // 8:
            return [i for i in candidates if all(t in haystacks[i] for t in terms)]
        # Test everyone in id order first: reading the haystacks in memory order is about three
        # times faster than in sort order (10 ms instead of 30 for 100,000).
        if len(terms) == 1:
            term = terms[0]
            hits = [term in haystack for haystack in haystacks]
        else:
            hits = [all(t in haystack for t in terms) for haystack in haystacks]
        return [i for i in candidates if hits[i]]


def search_terms(query):
    """DRF's SearchFilter: words separated by white space or commas, matched case-insensitively."""
    return tuple(query.get("search", "").replace("\0", "").replace(",", " ").lower().split())


def ordering_fields(query):
    """DRF's OrderingFilter: the valid fields of a comma-separated list, else the default (id)."""
    fields = [f.strip() for f in query.get("ordering", "").split(",")]
    return tuple(f for f in fields if f.lstrip("-") in ORDERING_FIELDS) or ("id",)


def page_size_of(query):
    """DRF's PageNumberPagination.get_page_size: a positive integer, capped; else the default."""
    try:
        size = int(query["page_size"])
    except (KeyError, ValueError):
        return DEFAULT_PAGE_SIZE
    return min(size, MAX_PAGE_SIZE) if size > 0 else DEFAULT_PAGE_SIZE


def page_link(base, query, page):
    """DRF's replace_query_param / remove_query_param: the query sorted, page 1 without "page"."""
    items = {key: value for key, value in query.items() if key != "page"}
    if page > 1:
        items["page"] = page
    return base + ("?" + urlencode(sorted(items.items())) if items else "")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # TCP_NODELAY on the accepted socket

    def reply(self, status, body, extra=b""):
        # Status line, headers and body in a single write: see the module comment. A 204 has
        # neither a body nor the headers of one.
        head = (b"HTTP/1.1 %d %s\r\n" % (status, REASONS[status])
                + (b"" if status == 204 else b"Content-Type: application/json\r\n"
                   + b"Content-Length: %d\r\n" % len(body))
                + extra
                + b"\r\n")
        self.wfile.write(head + body)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path != "/api/profile/" and not url.path.startswith("/api/customers/"):
            self.reply(404, NOT_FOUND_BODY)
        elif not self.headers.get("Authorization"):
            self.reply(401, NO_CREDENTIALS_BODY, b"WWW-Authenticate: Token\r\n")
        elif url.path == "/api/profile/":
            if self.headers.get("Authorization").endswith(STAFF_TOKEN):
                self.reply(200, STAFF_PROFILE_BODY, b"ETag: " + STAFF_ETAG + b"\r\n")
            else:
                self.reply(200, PROFILE_BODY, b"ETag: " + ETAG + b"\r\n")
        elif url.path == "/api/customers/":
            self.customer_page(url.query)
        else:
            self.customer(url.path[len("/api/customers/"):])

    def customer_page(self, query_string):
        # Like Django's QueryDict.get: the last of repeated parameters.
        query = {key: values[-1]
                 for key, values in parse_qs(query_string, keep_blank_values=True).items()}
        customers = self.server.customers
        matching = customers.matching(search_terms(query), ordering_fields(query))
        size = page_size_of(query)
        pages = max(1, -(-len(matching) // size))  # an empty list still has page 1
        try:
            page = pages if query.get("page") == "last" else int(query.get("page", 1))
        except ValueError:
            page = 0
        if not 1 <= page <= pages:
            self.reply(404, INVALID_PAGE_BODY)
            return
        base = "http://%s/api/customers/" % (self.headers.get("Host") or "127.0.0.1:%d"
                                             % self.server.server_address[1])
        next_link = json.dumps(page_link(base, query, page + 1) if page < pages else None)
        previous_link = json.dumps(page_link(base, query, page - 1) if page > 1 else None)
        body = (b'{"count":%d,"next":%s,"previous":%s,"results":['
                % (len(matching), next_link.encode(), previous_link.encode())
                + b",".join(customers.bodies[i] for i in matching[(page - 1) * size:page * size])
                + b"]}")
        self.reply(200, body)

    def customer(self, rest):
        digits = rest[:-1] if rest.endswith("/") else ""
        customer_id = int(digits) if digits.isascii() and digits.isdigit() else 0
        body = self.server.customers.body(customer_id)
        if body is None:
            self.reply(404, NOT_FOUND_BODY)
        else:  # nothing ever changes here, so the id makes a valid strong ETag
            self.reply(200, body, b'ETag: "customer-%d"\r\n' % customer_id)

    def do_POST(self):
        body = self.read_body()  # read in any case: keeps the connection usable for the next
        if self.path == "/api/login/":
            self.reply(200, STAFF_LOGIN_BODY if self.login_name(body) == "staff" else LOGIN_BODY)
        elif self.path == "/api/logout/":
            if self.headers.get("Authorization"):
                self.reply(204, b"")
            else:
                self.reply(401, NO_CREDENTIALS_BODY, b"WWW-Authenticate: Token\r\n")
        else:
            self.reply(404, NOT_FOUND_BODY)

    @staticmethod
    def login_name(body):
        """The username of a login request's JSON body, or None."""
        try:
            answer = json.loads(body)
        except ValueError:
            return None
        return answer.get("username") if isinstance(answer, dict) else None

    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        pass  # a line per request on stderr would be part of what is measured


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=0, metavar="N",
                        help="customers in GET /api/customers/ (default 0)")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # Built before the port is printed: once a client has the port, every endpoint is ready.
    server.customers = CustomerList(args.customers)
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
