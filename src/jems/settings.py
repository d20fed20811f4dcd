"""Django settings, read from environment variables (documented in docs/configuration.md)."""

import os
import sys
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("JEMS_VAR_DIR", Path.cwd() / "var")).resolve()


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("JEMS_DEBUG", False)
TESTING = env_bool("JEMS_TESTING") or "pytest" in sys.modules
DEMO_MODE = env_bool("JEMS_DEMO", False)

SECRET_KEY = env("JEMS_SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or DEMO_MODE or TESTING):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("JEMS_SECRET_KEY must be set outside debug and demo mode.")
    SECRET_KEY = "insecure-local-key-for-debug-demo-and-tests-only"

ALLOWED_HOSTS = [h.strip() for h in env("JEMS_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("JEMS_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
SERVER_URL = env("JEMS_SERVER_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "jems.core",
    "jems.audit",
    "jems.plugins",
    "jems.accounts",
    "jems.calls",
    "jems.programme",
    "jems.programme.logos",
    "jems.priorities",
    "jems.cost_options",
    "jems.nuts",
    "jems.currency",
    "jems.controllers",
    "jems.checklists",
    "jems.calls.form_config",
    "jems.calls.notifications",
    "jems.projects",
    "jems.projects.partners",
    "jems.projects.description",
    "jems.projects.associations",
    "jems.projects.files",
    "jems.projects.workpackages",
    "jems.projects.results",
    "jems.projects.submission",
    "jems.projects.budget",
    "jems.projects.lumpsums",
    "jems.projects.cofinancing",
    "jems.projects.overviews",
    "jems.projects.exports",
    "jems.checklists.instances",
    "jems.projects.assessment",  # demo after the checklist demo, which picks a submitted project
    "jems.notifications",
    "jems.projects.modifications",
    "jems.programme.exports",  # demo after the project demos: its past exports list the demo projects
    "jems.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "jems.programme.middleware.TranslationOverridesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jems.accounts.middleware.IdleSessionMiddleware",
    "jems.api.middleware.ApiAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "jems.urls"
WSGI_APPLICATION = "jems.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jems.core.context_processors.shell",
                "jems.programme.logos.context_processors.header_logo",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("JEMS_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'jems.sqlite3'}",
        conn_max_age=int(env("JEMS_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    try:
        import MySQLdb  # noqa: F401  (mysqlclient, when installed, is preferred)
    except ImportError:
        import pymysql

        pymysql.install_as_MySQLdb()
    DATABASES["default"].setdefault("OPTIONS", {}).update({"charset": "utf8mb4"})
    DATABASES["default"].setdefault("TEST", {}).update({"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20})
    if not env("JEMS_DATABASE_URL") and not TESTING:
        VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded database lives there

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["jems.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

# Sessions: 60 minutes of inactivity end a login (IdleSessionMiddleware audits the expiry).
SESSION_IDLE_TIMEOUT_SECONDS = int(env("JEMS_SESSION_IDLE_TIMEOUT", "3600"))
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_SECONDS * 24
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "JSESSIONID"
SESSION_COOKIE_SECURE = env_bool("JEMS_SECURE_COOKIES", SERVER_URL.startswith("https://"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGIN_BLOCK_ATTEMPTS = 10
LOGIN_BLOCK_MINUTES = 5
REGISTRATION_CONFIRMATION_DAYS = 7
PASSWORD_RESET_HOURS = 24
DEFAULT_PASSWORD_PREFIX = env("JEMS_DEFAULT_PASSWORD_PREFIX", "Jems@2020")

CAPTCHA_ENABLED = env_bool("JEMS_CAPTCHA_ENABLED", True)
MAX_UPLOAD_FILE_SIZE_MB = int(env("JEMS_MAX_FILE_SIZE_MB", "50"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 51 * 1024 * 1024
PDF_FONT_DIR = env("JEMS_PDF_FONT_DIR", "")

HELPDESK_URL = env("JEMS_HELPDESK_URL", "")
HELPDESK_EMAIL = env("JEMS_HELPDESK_EMAIL", "")
ACCESSIBILITY_STATEMENT_URL = env("JEMS_ACCESSIBILITY_STATEMENT_URL", "")
TERMS_PRIVACY_URL = env("JEMS_TERMS_PRIVACY_URL", "")
COMMIT_ID = env("JEMS_COMMIT_ID")
COMMIT_TIME = env("JEMS_COMMIT_TIME")

ADMIN_EMAIL = env("JEMS_ADMIN_EMAIL", "admin@jems.eu")
ADMIN_PASSWORD = env("JEMS_ADMIN_PASSWORD")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("JEMS_TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(env("JEMS_FILE_ROOT", VAR_DIR / "files"))

if env("JEMS_S3_BUCKET"):
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env("JEMS_S3_BUCKET"),
                "endpoint_url": env("JEMS_S3_ENDPOINT"),
                "access_key": env("JEMS_S3_ACCESS_KEY"),
                "secret_key": env("JEMS_S3_SECRET_KEY"),
                "region_name": env("JEMS_S3_REGION"),
            },
        }
    }
else:
    STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

EMAIL_HOST = env("JEMS_SMTP_HOST", "")
EMAIL_PORT = int(env("JEMS_SMTP_PORT", "25"))
EMAIL_HOST_USER = env("JEMS_SMTP_USER", "")
EMAIL_HOST_PASSWORD = env("JEMS_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_bool("JEMS_SMTP_TLS", False)
DEFAULT_FROM_EMAIL = env("JEMS_MAIL_FROM", "jems@localhost")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Programme data sources: a newer NUTS data set (empty: the one shipped with the release) and the
# InforEuro monthly conversion rates ({year} and {month} are filled in).
NUTS_URL = env("JEMS_NUTS_URL", "").strip()
INFOREURO_URL = (env("JEMS_INFOREURO_URL", "").strip()
                 or "https://ec.europa.eu/budg/inforeuro/api/public/monthly-rates?year={year}&month={month}&lang=EN")

CELERY_BROKER_URL = env("JEMS_CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULE = {
    "expire-idle-sessions": {"task": "jems.expire_idle_sessions", "schedule": 300.0},
    # Daily: the task imports only when the current month has no rates yet, so a missed run catches up.
    "import-conversion-rates": {"task": "jems.import_conversion_rates", "schedule": crontab(hour=6, minute=15)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("JEMS_LOG_LEVEL", "WARNING")},
}
