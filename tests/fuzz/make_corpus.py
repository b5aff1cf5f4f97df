#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_responses: one file per body shape of the wire contract (API.md).

The files are committed; run this again after changing a seed or the input layout:

    tests/fuzz/make_corpus.py            # rewrites tests/fuzz/corpus/
    tests/fuzz/make_corpus.py --check    # exits 1 when the committed files differ

Layout (fuzz_responses.cpp): status (2 bytes, big-endian), role, content type, transport flags,
retry attempt, retry jitter, Retry-After length n, n bytes of Retry-After, then the body.
"""

import pathlib
import struct
import sys

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"

# Byte values of fuzz_responses.cpp (roleFrom, kContentTypes, kNetworkErrors).
CREDENTIALS, REGISTRATION, LOGOUT, PROFILE, STAFF, AUTHENTICATED, RENEWAL = range(7)
JSON, HTML, NO_TYPE, PROBLEM = range(4)
TIMED_OUT, TOO_LARGE = 0x01, 0x02
UNTRUSTED, NAME_MISMATCH, EXPIRED = 1 << 2, 2 << 2, 3 << 2
REFUSED, CLOSED, CANCELLED, HANDSHAKE, REDIRECT, PROXY_AUTH = (n << 5 for n in range(1, 7))

CUSTOMER = (b'{"id": 7, "username": "alice", "email": "alice@example.com", "first_name": "Alice", '
            b'"last_name": "Anderson", "birth_date": "1990-04-12", "is_staff": false, '
            b'"date_joined": "2024-01-05T09:30:00.123Z"}')
BOB = b'{"id": 8, "username": "bob", "email": "", "first_name": "", "last_name": "", "birth_date": null}'
HTML_PAGE = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>"
JWT_401 = (b'{"detail": "Given token not valid for any token type", "code": "token_not_valid", '
           b'"messages": [{"token_class": "AccessToken", "token_type": "access", '
           b'"message": "Token is invalid or expired"}]}')


def envelope(details, status):
    return (b'{"error": true, "message": "An error occurred", "details": ' + details +
            b', "status_code": ' + str(status).encode() + b"}")


def seed(status, role, body, content=JSON, transport=0, retry_after=b"", attempt=1, jitter=128):
    header = struct.pack(">HBBBbBB", status, role, content, transport, attempt, jitter,
                         len(retry_after))
    return header + retry_after + body


SEEDS = {
    # Success bodies.
    "ok-login-session": seed(200, CREDENTIALS, b'{"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b", "customer": ' + CUSTOMER + b"}"),
    "ok-register-session": seed(201, REGISTRATION, b'{"token": "abc", "customer": ' + BOB + b"}"),
    "ok-jwt-pair": seed(200, CREDENTIALS, b'{"access": "eyJhbGciOiJIUzI1NiJ9.e30.x", "refresh": "eyJhbGciOiJIUzI1NiJ9.e30.y"}'),
    "ok-jwt-refresh": seed(200, RENEWAL, b'{"access": "eyJhbGciOiJIUzI1NiJ9.e30.z"}'),
    "ok-jwt-refresh-rotated": seed(200, RENEWAL, b'{"access": "eyJhbGciOiJIUzI1NiJ9.e30.z", "refresh": "eyJhbGciOiJIUzI1NiJ9.e30.w"}'),
    "ok-djoser-token": seed(200, CREDENTIALS, b'{"auth_token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"}'),
    "ok-profile": seed(200, PROFILE, CUSTOMER),
    "ok-profile-wrapper": seed(200, AUTHENTICATED, b'{"success": true, "message": "Profile updated", "data": ' + CUSTOMER + b"}"),
    "ok-profile-staff-absent": seed(200, PROFILE, b'{"id": 1, "username": "carol"}'),
    "ok-customer-detail": seed(200, STAFF, BOB),
    "ok-customer-page": seed(200, STAFF, b'{"count": 120, "next": "https://portal.example.com/api/customers/?page=2", "previous": null, "results": [' + CUSTOMER + b", " + BOB + b"]}"),
    "ok-customer-page-last": seed(200, STAFF, b'{"count": 2, "next": null, "previous": "https://portal.example.com/api/customers/?page=1", "results": [' + BOB + b"]}"),
    "ok-customer-page-empty": seed(200, STAFF, b'{"count": 0, "next": null, "previous": null, "results": []}'),
    "ok-history": seed(200, STAFF, b'[{"at": "2026-11-29T10:00:00Z", "by": "support", "changes": {"email": ["old@example.com", "new@example.com"], "birth_date": [null, "1990-04-12"]}}, {"at": "2026-11-28T08:00:00.5+01:00", "by": null, "changes": {"first_name": ["", "Al"], "nickname": ["a", "b"]}}]'),
    "ok-history-empty": seed(200, STAFF, b"[]"),
    "ok-logout": seed(200, LOGOUT, b'{"success": true}'),
    "ok-logout-204": seed(204, LOGOUT, b""),
    "ok-204": seed(204, AUTHENTICATED, b""),
    # Shape 1: DRF detail.
    "e1-detail-401": seed(401, AUTHENTICATED, b'{"detail": "Invalid token."}'),
    "e1-detail-401-login": seed(401, CREDENTIALS, b'{"detail": "Authentication credentials were not provided."}'),
    "e1-detail-403": seed(403, STAFF, b'{"detail": "You do not have permission to perform this action."}'),
    "e1-detail-403-profile": seed(403, PROFILE, b'{"detail": "Authentication credentials were not provided."}'),
    "e1-detail-404": seed(404, STAFF, b'{"detail": "Not found."}'),
    "e1-detail-412": seed(412, STAFF, BOB),
    "e1-detail-428": seed(428, STAFF, b'{"detail": "This request needs an If-Match header."}'),
    "e1-detail-429-seconds": seed(429, CREDENTIALS, b'{"detail": "Request was throttled. Expected available in 7 seconds."}', retry_after=b"7"),
    "e1-detail-429-date": seed(429, PROFILE, b'{"detail": "Request was throttled."}', retry_after=b"Fri, 01 Mar 2024 12:00:30 GMT"),
    "e1-detail-429-rfc2822": seed(429, PROFILE, b'{"detail": "Request was throttled."}', retry_after=b"Fri, 1 Mar 2024 13:00:00 +0100", attempt=2),
    "e1-detail-405": seed(405, AUTHENTICATED, b'{"detail": "Method \\"PUT\\" not allowed."}'),
    "e1-detail-long-unicode": seed(503, AUTHENTICATED, b'{"detail": "' + ("Wartung läuft, bitte später 🙂 " * 24).encode() + b'"}'),
    "e1-detail-list": seed(400, AUTHENTICATED, b'{"detail": ["First.", "Second."]}'),
    # Shape 2: serializer field errors.
    "e2-serializer": seed(400, REGISTRATION, b'{"email": ["Enter a valid email address."], "birth_date": ["Birth date cannot be in the future.", "Second."], "non_field_errors": ["Both names are needed."]}'),
    "e2-non-field-login": seed(400, CREDENTIALS, b'{"non_field_errors": ["Unable to log in with provided credentials."]}'),
    "e2-nested": seed(400, AUTHENTICATED, b'{"address": {"city": ["Required."], "zip": "Bad."}, "phones": [{}, {"number": ["Too short."]}], "__all__": ["Clash."]}'),
    "e2-djoser-password": seed(400, AUTHENTICATED, b'{"new_password": ["This password is too short. It must contain at least 8 characters.", "This password is too common."], "current_password": ["Invalid password."]}'),
    "e2-jwt-refresh-missing": seed(400, RENEWAL, b'{"refresh": ["This field is required."]}'),
    "e2-top-level-list": seed(400, AUTHENTICATED, b'["Not allowed now."]'),
    # Shape 3: {"error": "..."}.
    "e3-error-login": seed(401, CREDENTIALS, b'{"error": "Invalid credentials"}'),
    "e3-error-register": seed(400, REGISTRATION, b'{"error": "Username already exists."}'),
    "e3-error-500": seed(500, AUTHENTICATED, b'{"error": "Database down"}'),
    # Shape 4: the seed's envelope around shapes 1, 2, 5 and a string.
    "e4-envelope-detail": seed(401, AUTHENTICATED, envelope(b'{"detail": "Invalid token."}', 401)),
    "e4-envelope-serializer": seed(400, CREDENTIALS, envelope(b'{"email": ["Taken."], "non_field_errors": ["Unable to log in."]}', 400)),
    "e4-envelope-jwt": seed(401, PROFILE, envelope(JWT_401, 401)),
    "e4-envelope-string": seed(503, AUTHENTICATED, envelope(b'"Maintenance."', 503), retry_after=b"120"),
    "e4-envelope-empty": seed(403, STAFF, envelope(b"{}", 403)),
    "e4-update-profile": seed(400, AUTHENTICATED, b'{"error": true, "message": "Validation failed", "details": {"email": ["Enter a valid email address."]}}'),
    "e4-update-profile-500": seed(500, AUTHENTICATED, b'{"error": true, "message": "An unexpected error occurred", "details": "Internal server error"}'),
    # Shape 5: simplejwt.
    "e5-jwt-token-not-valid": seed(401, AUTHENTICATED, JWT_401),
    "e5-jwt-bad-credentials": seed(401, CREDENTIALS, b'{"detail": "No active account found with the given credentials"}'),
    "e5-jwt-refresh-blacklisted": seed(401, RENEWAL, b'{"detail": "Token is blacklisted", "code": "token_not_valid"}'),
    # Shape 6: anything else.
    "e6-html-502": seed(502, AUTHENTICATED, HTML_PAGE, content=HTML),
    "e6-html-200": seed(200, PROFILE, b"<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>", content=HTML),
    "e6-empty-500": seed(500, AUTHENTICATED, b"", content=NO_TYPE),
    "e6-empty-200": seed(200, PROFILE, b""),
    "e6-truncated-400": seed(400, AUTHENTICATED, b'{"email": ["Ent'),
    "e6-truncated-200": seed(200, STAFF, b'{"count": 3, "next": null, "results": [{"id": 1, "user'),
    "e6-json-string": seed(500, AUTHENTICATED, b'"oops"'),
    "e6-scalar-200": seed(200, AUTHENTICATED, b"42"),
    "e6-garbage": seed(200, AUTHENTICATED, b"\x00\xff garbage \xc3\x28", content=NO_TYPE),
    "e6-wrong-types-customer": seed(200, PROFILE, b'{"id": "7", "username": 5, "email": [], "birth_date": "12/04/1990", "is_staff": "no"}'),
    "e6-wrong-types-page": seed(200, STAFF, b'{"count": "2", "next": 2, "results": {"id": 1}}'),
    "e6-wrong-types-history": seed(200, STAFF, b'[{"at": "soon", "by": 3, "changes": {"email": ["a"]}}]'),
    "e6-wrong-types-token": seed(200, CREDENTIALS, b'{"token": 42, "customer": {"id": 1.5, "username": ""}}'),
    "e6-problem-json": seed(422, AUTHENTICATED, b'{"type": "about:blank", "title": "Unprocessable", "status": 422}', content=PROBLEM),
    # No HTTP answer, or one the transport cut short.
    "t-refused": seed(0, AUTHENTICATED, b"", transport=REFUSED),
    "t-timeout": seed(200, PROFILE, b'{"id": 1', transport=TIMED_OUT | CANCELLED),
    "t-too-large": seed(200, STAFF, b"", transport=TOO_LARGE | CANCELLED),
    "t-tls-untrusted": seed(0, CREDENTIALS, b"", transport=UNTRUSTED | CANCELLED),
    "t-tls-name": seed(0, CREDENTIALS, b"", transport=NAME_MISMATCH | HANDSHAKE),
    "t-tls-expired": seed(0, CREDENTIALS, b"", transport=EXPIRED | HANDSHAKE),
    "t-redirect": seed(302, AUTHENTICATED, b"", transport=REDIRECT),
    "t-proxy": seed(407, AUTHENTICATED, b"", transport=PROXY_AUTH),
    "t-cut-off": seed(200, PROFILE, b'{"id": 1, "username": "al', transport=CLOSED),
}


def main():
    check = sys.argv[1:] == ["--check"]
    CORPUS.mkdir(exist_ok=True)
    stale = []
    for name, data in sorted(SEEDS.items()):
        path = CORPUS / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
    extra = sorted(p.name for p in CORPUS.iterdir() if p.name not in SEEDS)
    if check:
        for name in stale + extra:
            print(f"corpus differs from make_corpus.py: {name}", file=sys.stderr)
        return 1 if stale or extra else 0
    for name in extra:
        print(f"not written by this script (left as it is): {name}")
    print(f"{len(SEEDS)} seeds in {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
