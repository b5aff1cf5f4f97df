"""Settings of the portal reference server.

This is a TEST server for the desktop client's test suite: the secret key is a fixed public value, the
password hasher is deliberately cheap, and it only listens on loopback. Never deploy it.

Environment switches (see README.md):
  PORTAL_SERVER_DB              SQLite file (default: portal_server.sqlite3 in the temp directory)
  PORTAL_SERVER_ERROR_ENVELOPE  "1": wrap every error in the seed's {"error": true, ...} envelope
  PORTAL_SERVER_AUTH_FIRST      "session": SessionAuthentication first, so auth failures are 403, not 401
  PORTAL_SERVER_LOGIN_RATE      DRF rate such as "3/min" for login and JWT token requests (default: off)
  PORTAL_SERVER_JWT_ACCESS_SECONDS   access token lifetime (default 300)
  PORTAL_SERVER_JWT_ROTATE      "1": refresh returns a new refresh token and blacklists the old one
  PORTAL_SERVER_AUTH            "token": DRF tokens only; "jwt": simplejwt only (default: both)
  PORTAL_SERVER_DJOSER          "0": no Djoser, nothing under /auth/ (a seed server without the account
                                endpoints); default: Djoser's endpoints under /auth/
  PORTAL_SERVER_DJOSER_LOGOUT_ON_PASSWORD_CHANGE  "1": Djoser's LOGOUT_ON_PASSWORD_CHANGE (a password
                                change through /auth/users/set_password/ deletes the DRF token)
  PORTAL_SERVER_MAIL_DIR        where sent e-mail goes, one .eml file per message (set by serverctl.py to
                                <state dir>/mail; default: portal_server_mail in the temp directory)
"""
import os
import tempfile
from datetime import timedelta

env = os.environ.get

SECRET_KEY = "portal-test-server-not-secret-do-not-deploy"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "rest_framework.authtoken",
    "rest_framework_simplejwt.token_blacklist",
    "customers",
]
# Djoser (Debian's python3-djoser) under /auth/, next to the seed's /api/ endpoints.
PORTAL_SERVER_DJOSER = env("PORTAL_SERVER_DJOSER") != "0"
if PORTAL_SERVER_DJOSER:
    INSTALLED_APPS.append("djoser")  # for its e-mail templates
# CommonMiddleware adds Content-Length, which lets runserver keep connections alive.
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "portal_server.urls"
WSGI_APPLICATION = "portal_server.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": env("PORTAL_SERVER_DB") or os.path.join(tempfile.gettempdir(), "portal_server.sqlite3"),
        "OPTIONS": {"timeout": 20},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
AUTH_USER_MODEL = "customers.Customer"
# Cheap hashing keeps logins and seeding fast; a test server only.
PASSWORD_HASHERS = ["customers.hashers.FastPBKDF2PasswordHasher"]
# Django's usual four, checked on registration (both flavours) and on Djoser's password change and
# reset: {"new_password": ["This password is too common."]}.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]

# E-mail (Djoser's password reset) is written to files, one per message, for tests to read.
EMAIL_BACKEND = "customers.mailbackend.OneFilePerMessageBackend"
EMAIL_FILE_PATH = env("PORTAL_SERVER_MAIL_DIR") or os.path.join(tempfile.gettempdir(),
                                                                 "portal_server_mail")
DEFAULT_FROM_EMAIL = "Customer Portal <portal@portal.example>"
SITE_NAME = "Customer Portal"  # DOMAIN is left out: the mail's link uses the request's host:port

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

_auth_classes = {
    "token": ["rest_framework.authentication.TokenAuthentication"],
    "jwt": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
}.get(env("PORTAL_SERVER_AUTH") or "", [
    "rest_framework.authentication.TokenAuthentication",
    "rest_framework_simplejwt.authentication.JWTAuthentication",
])
if env("PORTAL_SERVER_AUTH_FIRST") == "session":
    _auth_classes.insert(0, "rest_framework.authentication.SessionAuthentication")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": _auth_classes,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
    ],
    # None means "no limit": ScopedRateThrottle lets everything through.
    "DEFAULT_THROTTLE_RATES": {"login": env("PORTAL_SERVER_LOGIN_RATE") or None},
}
if env("PORTAL_SERVER_ERROR_ENVELOPE") == "1":
    REST_FRAMEWORK["EXCEPTION_HANDLER"] = "portal_server.exceptions.envelope_exception_handler"

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=int(env("PORTAL_SERVER_JWT_ACCESS_SECONDS") or 300)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    "ROTATE_REFRESH_TOKENS": env("PORTAL_SERVER_JWT_ROTATE") == "1",
    "BLACKLIST_AFTER_ROTATION": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

DJOSER = {
    # The reset mail's link: <protocol>://<host:port>/#/password/reset/confirm/<uid>/<token>
    "PASSWORD_RESET_CONFIRM_URL": "#/password/reset/confirm/{uid}/{token}",
    "LOGOUT_ON_PASSWORD_CHANGE": env("PORTAL_SERVER_DJOSER_LOGOUT_ON_PASSWORD_CHANGE") == "1",
    "SERIALIZERS": {
        "user": "customers.serializers.CustomerSerializer",
        "current_user": "customers.serializers.CustomerSerializer",
        "user_create": "customers.serializers.AccountCreateSerializer",
    },
    "EMAIL": {"password_reset": "customers.emails.PasswordResetEmail"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO"}},
}
