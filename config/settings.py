"""Concerto's one settings module, driven by environment variables (see README, "Configuration").

CONCERTO_ENV chooses the defaults: "development" (the default: SQLite, DEBUG, console e-mail) or "production"
(DEBUG off, secure cookies, a required SECRET_KEY and ALLOWED_HOSTS). Every integration (PostgreSQL, Redis,
SMTP) stays off until its variable is set.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from config.media import s3_media_storage
from lib.env import ConfigurationError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

CONCERTO_ENV = env_str("CONCERTO_ENV", "development")
if CONCERTO_ENV not in {"development", "production"}:
    raise ConfigurationError(f"CONCERTO_ENV must be development or production, not {CONCERTO_ENV!r}")
PRODUCTION = CONCERTO_ENV == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ConfigurationError("SECRET_KEY is required when CONCERTO_ENV=production")
    SECRET_KEY = "development-only-insecure-key-never-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigurationError("ALLOWED_HOSTS is required when CONCERTO_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_htmx",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    # Concerto, in the order of the cycle.
    "accounts",
    "core",
    "privacy",
    "partnerships",
    "organizations",
    "cycles",
    "meetings",
    "intention",
    "factors",
    "analysis",
    "offer",
    "coverage",
    "priorities",
    "plan",
    "followup",
    "evaluation",
    "diagnostic",
    "documents",
    "archive",
    "imports",
    "api",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "privacy.middleware.PrivacyNoticeMiddleware",
    "accounts.mfa.SiteAdminMfaMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
# One transaction per user action: a request either saves everything it changed or nothing.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for concurrent web use: the write-ahead log lets readers and one writer work at once; a write
    # transaction takes the write lock when it begins (IMMEDIATE), so a second writer waits up to the busy timeout
    # instead of failing with "database is locked" when a read turns into a write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # The tests' database is a file, not memory: live-server tests (browser journeys, simultaneous writes) then
    # open a connection per request thread as gunicorn's workers do, instead of sharing one. One file per test
    # run, so that two runs at once never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"concerto-test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set (several app processes), local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",  # while Redis is down: no cache, sessions from the database
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

# django-allauth: e-mail login, no public sign-up (people join through an invitation), rate-limited logins.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_RATE_LIMIT", "10/m/ip,5/300s/key"),
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Concerto] "

# Multi-factor authentication: an authenticator app (TOTP) with recovery codes. Optional for everyone, required for
# site administrators (accounts.mfa) and for a partnership's coordinators when its profile says so. Security keys
# (WebAuthn) are off: they need a browser authenticator and an HTTPS origin that this offline set-up cannot test.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Concerto"
# Addresses are set by an invitation or by the site administrator, never changed by their owner (accounts.views).
MFA_ALLOW_UNVERIFIED_EMAIL = True
# A person sees the browsers signed in to their account and signs them out (allauth.usersessions). Each session is
# recorded at sign-in; its activity is not tracked, which would cost a database write on every request.
USERSESSIONS_TRACK_ACTIVITY = False

# E-mail: printed on the console until EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Concerto <concerto@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Scheme and host of the links in e-mails sent outside a request (the reminders' digests).
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

# Task queue (django-tasks): tasks run at once, in the process that enqueues them, unless TASKS_BACKEND=database,
# where they wait in the database for `manage.py db_worker` processes (one or more machines sharing PostgreSQL).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ConfigurationError(f"TASKS_BACKEND must be one of {', '.join(TASKS_BACKENDS)}, not {TASKS_BACKEND!r}")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}

# Whom to tell about a vulnerability of this installation (/.well-known/security.txt, RFC 9116).
SECURITY_CONTACT = env_str("SECURITY_CONTACT")
SECURITY_CONTACT_IS_DEFAULT = not SECURITY_CONTACT
if SECURITY_CONTACT_IS_DEFAULT:
    SECURITY_CONTACT = "mailto:" + DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
SECURITY_POLICY_URL = env_str("SECURITY_POLICY_URL")

# The REST API (api/, docs/dev/api.md): personal tokens or the browser's session, JSON only, paged lists, and the
# OpenAPI schema drf-spectacular writes from the serializers.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Concerto API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"SystemEnum": "core.systems.System", "ClienteleCodeEnum": "offer.models.ClienteleCode"},
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_error_responses"],
}

# Languages: French first, English complete.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
# The second folder keeps Django's own French for the few messages Django REST framework words otherwise.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]
# Dates, times and numbers the way they are written in Québec, in French and in English (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]
# The language chosen with the switch is remembered for a year (the default cookie ends with the browser).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded documents are private: they are served only through views that check membership, never by URL.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Where they are kept: MEDIA_ROOT on this machine's disk (the default), or an S3-compatible object store that
# every app machine shares (docs/dev/deploy-postgresql.md, "Uploaded files on several machines").
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE not in {"filesystem", "s3"}:
    raise ConfigurationError(f"MEDIA_STORAGE must be filesystem or s3, not {MEDIA_STORAGE!r}")
if MEDIA_STORAGE == "s3":
    MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET")
    if not MEDIA_S3_BUCKET:
        raise ConfigurationError("MEDIA_S3_BUCKET is required when MEDIA_STORAGE=s3")
    MEDIA_S3_ADDRESSING_STYLE = env_str("MEDIA_S3_ADDRESSING_STYLE", "auto")
    if MEDIA_S3_ADDRESSING_STYLE not in {"auto", "path", "virtual"}:
        raise ConfigurationError(
            f"MEDIA_S3_ADDRESSING_STYLE must be auto, path or virtual, not {MEDIA_S3_ADDRESSING_STYLE!r}"
        )
    _s3_keys = (env_str("MEDIA_S3_ACCESS_KEY_ID"), env_str("MEDIA_S3_SECRET_ACCESS_KEY"))
    if any(_s3_keys) and not all(_s3_keys):
        raise ConfigurationError("MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together")
    STORAGES["default"] = s3_media_storage(
        bucket=MEDIA_S3_BUCKET,
        endpoint_url=env_str("MEDIA_S3_ENDPOINT_URL"),
        region=env_str("MEDIA_S3_REGION"),
        access_key=_s3_keys[0],
        secret_key=_s3_keys[1],
        prefix=env_str("MEDIA_S3_PREFIX"),
        addressing_style=MEDIA_S3_ADDRESSING_STYLE,
        timeout=env_int("MEDIA_S3_TIMEOUT", 5),
    )
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
# A partnership's archive (archive/): an import refuses one larger than this once uncompressed, or with more
# entries (a zip bomb); the uploaded archive itself goes to a temporary file, not to memory.
ARCHIVE_MAX_BYTES = env_int("ARCHIVE_MAX_BYTES", 4 * 1024 * 1024 * 1024)
ARCHIVE_MAX_ENTRIES = env_int("ARCHIVE_MAX_ENTRIES", 100_000)

SIMPLE_HISTORY_REVERT_DISABLED = True
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy: only the site's own files, no inline script or style. The one nonce is for the styles
# the rich-text editor (Trix) inserts, on the pages that load it (the nonce is sent only where a page uses it).
# Pico's form controls draw their icons with data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the application never uses are off for it and anything it might embed.
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "serial",
    "xr-spatial-tracking",
]
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's and the supervisor's probe, over plain HTTP on loopback
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        # A person's address is the one the proxy appends to X-Forwarded-For. Without it everyone would have the
        # proxy's, and the sign-in limits per address (30 a minute) would hold for the whole installation at once.
        ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
