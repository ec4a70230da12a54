"""Settings. Every value comes from an environment variable; see the table in README.md."""

from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_dates, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# A development key is allowed only with DEBUG on, so a production server can never run on it.
DEVELOPMENT_SECRET_KEY = "development-only-key-never-used-with-debug-off-8f2c91d0a4e7b3"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random value, or set DEBUG=1 for local development only."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The landlord's own name goes in the header (never the GOV.UK name or crown).
LANDLORD_NAME = env_str("LANDLORD_NAME", "Northfield Homes")
if "\n" in LANDLORD_NAME or "\r" in LANDLORD_NAME:  # it goes into email subjects (issue 24, item 7)
    raise ImproperlyConfigured("LANDLORD_NAME must be one line.")
# The landlord's type as the Regulator of Social Housing records it, for its peers (surveys/peers.py):
# PRP (a housing association) or LA (a council).
LANDLORD_TYPE = env_str("LANDLORD_TYPE", "PRP").upper()
if LANDLORD_TYPE not in ("PRP", "LA"):
    raise ImproperlyConfigured("LANDLORD_TYPE must be PRP (a housing association) or LA (a council).")
SERVICE_NAME = env_str("SERVICE_NAME", "Resident voice and repairs scrutiny")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "engagement",
    "repairs",
    "surveys",
    "inequities",
    "desk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after it: a session begun before its person signed out everywhere is signed out.
    "core.sign_out.SignedOutEverywhereMiddleware",
    # Outside the two-factor pages' redirects, so they carry it too: no-store for anyone signed in.
    "core.middleware.NoStoreWhenSignedInMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.StaffIdleTimeoutMiddleware",
    # After the others, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Innermost, so it sees a view's database errors first: 503 and "try again", not a 500.
    "config.middleware.DatabaseUnavailableMiddleware",
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.layout",
            ],
        },
    },
]

# SQLite in the project folder by default, so the app runs on a laptop with no services.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# SQLite: every transaction takes the write lock when it begins (IMMEDIATE), and a writer waits up to
# DB_SQLITE_TIMEOUT seconds for another to finish. Otherwise a transaction that read first fails at
# once with "database is locked" when it comes to write beside another (issue 24 item 9: 3 of 5
# simultaneous submits answered 503). Test: tests/reliability/test_simultaneous_writers.py.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": env_int("DB_SQLITE_TIMEOUT", 20)}
    )
# PostgreSQL's planner assumes spinning disks (random_page_cost 4) unless told otherwise, and then
# reads all 150,000 households to find one officer's 500 homes (the worklist took 64 ms, 35 ms with
# 1.1). 1.1 is the usual value for SSD or cloud storage; set DB_RANDOM_PAGE_COST to the server's.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={env_str('DB_RANDOM_PAGE_COST', '1.1')}"
    )
# A streaming replica (optional): the recompute's fact queries read from it, everything else from
# the primary, so a page always reads its own writes (core/replica.py; docs/scaling.md).
if DATABASE_REPLICA_URL := env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks every sign-in before Django's own backend does (see "Accounts" below).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with the signed-in user and their permissions read from the cache under
    # a per-user version that every change to them replaces (core/user_cache.py, issue 29).
    "core.user_cache.CachedModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
# The language switch offers a language only when every resident-facing page is translated in it
# (tests/config/test_catalogue_completeness.py checks the catalogue in locale/). Welsh is started in
# locale/cy but far from complete, so it is not offered until it is.
LANGUAGES = [("en-gb", "English")]
# Languages a survey's own text can be translated into (PO files from the builder). A survey is
# offered in one of these only when its text is complete in it; ur and ar are laid out right to left.
SURVEY_LANGUAGES = [
    ("cy", "Cymraeg"),
    ("pl", "Polski"),
    ("ur", "اردو"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("ro", "Română"),
    ("pt", "Português"),
    ("lt", "Lietuvių"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Our own CSS/JS, the Sass build output, and the npm packages we serve ourselves.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("build", BASE_DIR / "assets" / "build"),
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
]
# plotly.js comes from the installed plotly Python package (static/plotly/plotly.min.js), so the
# charts drawn in the browser match the figures the server builds.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "inequities.staticfinders.PlotlyFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / env_str("MEDIA_DIR", "media")
MEDIA_URL = "/media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = "5.8.0"
# crispy-forms-gds styles a widget by its class name: the contact form's staff select is a select.
CRISPY_CLASS_CONVERTERS = {"staffselect": "govuk-select"}

# Celery: with no broker configured, tasks run in-process ("eager") so nothing else is needed.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker that does not answer fails fast (a web request sending a job must not hang).
# visibility_timeout: how long Redis waits before handing a taken, unacknowledged task (its worker
# machine died) to another worker. An hour by default; the recompute takes about 35 s at 150,000
# homes, so a deployment may lower it (bench/cluster.py uses 20 s). Lower than the longest task and
# that task is handed out twice while it runs: the recompute's advisory lock makes the second skip.
# A worker looks for such overdue tasks every CELERY_RESTORE_SWEEP_SECONDS (kombu's own default is
# one real sweep in ten checks ten seconds apart, 100 s, whatever the timeout; bench/cluster.py uses 2).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    "unacked_restore_interval": env_int("CELERY_RESTORE_SWEEP_SECONDS", 100),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TIMEZONE = TIME_ZONE
# Periodic jobs are added here by the apps that own them (see docs/adr/0004-celery-eager-by-default.md).
CELERY_BEAT_SCHEDULE = {}

# Security. HTTPS defaults on whenever DEBUG is off; turn it off only for a plain-HTTP test server.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no page reads the token from the cookie: forms carry it
CSRF_COOKIE_SAMESITE = "Lax"
# The __Host- prefix binds the cookie to this host over HTTPS (no Domain, Path=/, Secure).
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp). Scripts only from our own static files: no inline script,
# no eval. Styles also allow inline because plotly.js writes its own style rules at run time
# (plotly/plotly.js#2355 and #7543); an inline style cannot run script, so script-src stays strict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    }
}
# Permissions-Policy: this service needs none of these browser features.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), fullscreen=(self)"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint's font subsetting logs every glyph table at INFO while making a print pack.
    "loggers": {"fontTools": {"level": "WARNING"}},
}

# Feature settings: each feature adds its own below, every one read from an environment variable
# and listed in the configuration table in README.md.

# Surveys. Email goes through Django's email backend: SMTP to EMAIL_HOST when it is set, else the
# console, so nothing leaves the machine until a mail server is configured. EMAIL_BACKEND may name
# another backend (django-anymail's, for a mail service's API). See docs/sending.md.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"surveys@{LANDLORD_NAME.lower().replace(' ', '')}.example")
# What every invitation, letter and reminder tells residents: the number to call (for help, an
# interpreter or another format) and the address letters come from.
LANDLORD_PHONE = env_str("LANDLORD_PHONE", "0113 496 0000")
LANDLORD_ADDRESS = env_str("LANDLORD_ADDRESS", "Northfield House, 1 Park Row, Leeds LS1 5AB")
# Text messages go through GOV.UK Notify when NOTIFY_API_KEY is set; without it texts wait, unsent.
# NOTIFY_SMS_TEMPLATE_ID is a Notify text template with ((name)), ((survey)), ((link)) and ((phone));
# NOTIFY_CALLBACK_TOKEN is the bearer token Notify sends with delivery receipts (see docs/sending.md).
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY")
NOTIFY_BASE_URL = env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_SMS_TEMPLATE_ID = env_str("NOTIFY_SMS_TEMPLATE_ID")
NOTIFY_CALLBACK_TOKEN = env_str("NOTIFY_CALLBACK_TOKEN")
# Another text-message provider: a class with the methods of surveys.channels.text.NotifyProvider.
SURVEY_TEXT_PROVIDER = env_str("SURVEY_TEXT_PROVIDER", "surveys.channels.text.NotifyProvider")
# Sending jobs: at most SURVEY_SEND_RATE_LIMIT per worker (Celery's form, "10/s", "600/m"), each
# retried up to SURVEY_SEND_RETRIES times when the mail server or Notify is unavailable.
SURVEY_SEND_RATE_LIMIT = env_str("SURVEY_SEND_RATE_LIMIT", "10/s")
SURVEY_SEND_RETRIES = env_int("SURVEY_SEND_RETRIES", 5)
# One reminder, this many days after an invitation went, to residents who have not answered.
SURVEY_REMINDER_DAYS = env_int("SURVEY_REMINDER_DAYS", 14)
CELERY_BEAT_SCHEDULE["surveys-send-reminders"] = {
    "task": "surveys.tasks.send_reminders",
    "schedule": crontab(hour=10, minute=0),
}
CELERY_BEAT_SCHEDULE["surveys-check-text-deliveries"] = {
    "task": "surveys.tasks.check_text_deliveries",
    "schedule": 60 * 15,
}
# How long a personal survey link works, and the address links in invitations start with.
SURVEY_LINK_DAYS = env_int("SURVEY_LINK_DAYS", 42)
SURVEY_LINK_BASE_URL = env_str("SURVEY_LINK_BASE_URL", "http://localhost:8000")
# The transactional survey invites residents whose repair completed within this many days.
SURVEY_AFTER_REPAIR_DAYS = env_int("SURVEY_AFTER_REPAIR_DAYS", 7)
CELERY_BEAT_SCHEDULE["surveys-invite-after-repairs"] = {
    "task": "surveys.tasks.invite_after_repairs",
    "schedule": 60 * 60 * 24,
}

# Repairs: the landlord's own target times for each priority, and the recall window.
REPAIRS_TARGET_EMERGENCY_HOURS = env_int("REPAIRS_TARGET_EMERGENCY_HOURS", 24)
REPAIRS_TARGET_URGENT_WORKING_DAYS = env_int("REPAIRS_TARGET_URGENT_WORKING_DAYS", 5)
REPAIRS_TARGET_ROUTINE_WORKING_DAYS = env_int("REPAIRS_TARGET_ROUTINE_WORKING_DAYS", 20)
# A repair of the same problem (same home, same category) reported within this many days of the
# last one's completion is a recall.
REPAIRS_RECALL_WINDOW_DAYS = env_int("REPAIRS_RECALL_WINDOW_DAYS", 30)
# The largest photo a resident may attach to a repair report, in megabytes.
REPAIRS_PHOTO_MAX_MEGABYTES = env_int("REPAIRS_PHOTO_MAX_MEGABYTES", 5)

# Awaab's Law: the hazards it covers (repairs.choices.Hazard codes) and the day each one's clocks
# commence. A hazard reported on or after its day has the Awaab's Law clocks; before it, or with no
# day here, it has none. Emergency hazards and significant damp and mould are in force from
# 27 October 2025. The later phases (Government draft guidance, June 2025) name only the year
# ("in 2026", "in 2027"): the days below are this product's placeholder, one and two years on from
# the first phase. Set the day in force, once it is laid, as AWAABS_LAW_HAZARDS=falls=2026-10-27,...
# (a hazard named replaces its default day; `hazard=never` takes it out).
AWAABS_LAW_FIRST_PHASE = date(2025, 10, 27)
AWAABS_LAW_2026_GROUP = date(2026, 10, 27)
AWAABS_LAW_2027_GROUP = date(2027, 10, 27)
AWAABS_LAW_HAZARDS = env_dates(
    "AWAABS_LAW_HAZARDS",
    {
        "emergency": AWAABS_LAW_FIRST_PHASE,
        "damp_mould": AWAABS_LAW_FIRST_PHASE,
        "excess_cold_heat": AWAABS_LAW_2026_GROUP,
        "falls": AWAABS_LAW_2026_GROUP,
        "collapse_explosion": AWAABS_LAW_2026_GROUP,
        "fire_electrical": AWAABS_LAW_2026_GROUP,
        "hygiene": AWAABS_LAW_2026_GROUP,
        "food_safety": AWAABS_LAW_2026_GROUP,
        "other_hhsrs": AWAABS_LAW_2027_GROUP,
    },
)

# Silences and inequities: disclosure control. A figure is hidden when its denominator is below
# INEQUITIES_MIN_DENOMINATOR, or its numerator or remainder is between 1 and INEQUITIES_MAX_SMALL.
INEQUITIES_MIN_DENOMINATOR = env_int("INEQUITIES_MIN_DENOMINATOR", 10)
INEQUITIES_MAX_SMALL = env_int("INEQUITIES_MAX_SMALL", 4)
# The dashboards' figures (issue 28, docs/adr/0010-rounding-not-hiding.md): counts of 1 to 7 are
# hidden and every other count is rounded to a multiple of 5, up or down as a keyed hash of where
# the count is decides. The key is derived from INEQUITIES_ROUNDING_KEY (by default SECRET_KEY):
# keep it when SECRET_KEY is rotated, or counts published before and after could be compared.
INEQUITIES_ROUNDING_KEY = env_str("INEQUITIES_ROUNDING_KEY") or SECRET_KEY
# The figures cover the reporting year so far, to the end of the last whole month; the year starts
# on the first of this month (4, April, as the tenant satisfaction measures are reported). Periods
# of one year only grow, a month at a time, so what a reader can subtract is checked in full.
INEQUITIES_YEAR_STARTS_MONTH = env_int("INEQUITIES_YEAR_STARTS_MONTH", 4)
# The figures are recomputed every night (and after imports, and on an analyst's request).
CELERY_BEAT_SCHEDULE["inequities-nightly-recompute"] = {
    "task": "inequities.tasks.recompute",
    "schedule": crontab(hour=2, minute=30),
}

# Make every contact count. A prompt answered at a contact with the household within this many
# days is not shown again; residents in an officer's patch with no contact for this many days are
# on the officer's worklist.
CONTACT_PROMPT_REPEAT_DAYS = env_int("CONTACT_PROMPT_REPEAT_DAYS", 90)
CONTACT_NOT_HEARD_DAYS = env_int("CONTACT_NOT_HEARD_DAYS", 180)

# Accounts. Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username, that username is refused for AXES_COOLOFF_MINUTES. Locking by username (not by
# address) stops password guessing spread over many machines, and does not lock a whole office
# that shares one internet address. An administrator can unlock sooner: `manage.py axes_reset_username`.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for locking by address too; we decided against it (above). Its stated risk, rotating
# user agents or cookies, does not apply when neither is a lockout parameter.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.lockout.locked_out"
# Successful sign-ins are not logged by axes: an address kept forever for every sign-in is
# personal data we have no use for. Failed attempts are kept (they drive the lockout).
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # no banner on every management command
# Staff (everyone but residents and panel members) are signed out after this many minutes
# without a page request, on top of the SESSION_COOKIE_AGE limit that applies to everyone.
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)

# Survey links: wrong or unknown links tried from one address, at most this many per window
# (minutes), then the link pages answer 429 until the window passes.
SURVEY_LINK_ATTEMPTS = env_int("SURVEY_LINK_ATTEMPTS", 20)
SURVEY_LINK_ATTEMPT_WINDOW_MINUTES = env_int("SURVEY_LINK_ATTEMPT_WINDOW_MINUTES", 10)

# The cache holds rate-limit counters. In-process by default; set CACHE_URL=redis://... in
# production so every web process shares the same counters.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# With a shared cache (CACHE_URL), sessions are read from it and written through to the database
# (so a cache restart signs nobody out), and each signed-in user's row and permissions are cached
# for USER_CACHE_SECONDS under a version that every change replaces (core/user_cache.py). Without
# one the cache is per process, and a sign-out or a removed permission in one process could not
# reach another's copy: so then nothing about a session or a user is cached.
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if CACHE_URL else "db")
USER_CACHE_SECONDS = env_int("USER_CACHE_SECONDS", 15 * 60 if CACHE_URL else 0)
# Which figures snapshot is the latest, kept in the shared cache so a dashboard answered from the
# cache reads no database (inequities/caching.py); a snapshot saved or deleted forgets it at once.
LATEST_SNAPSHOT_CACHE_SECONDS = env_int("LATEST_SNAPSHOT_CACHE_SECONDS", 30 if CACHE_URL else 0)
# Page fragments cached by what they show (core/fragments.py): how long an unused one is kept; 0
# renders every fragment every time.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)
# ...and how many each process keeps in its own memory in front of that cache (0: none).
FRAGMENT_CACHE_LOCAL_ENTRIES = env_int("FRAGMENT_CACHE_LOCAL_ENTRIES", 2000)

# Data rights. Contact notes older than this many months are blanked by
# `manage.py apply_retention`, also run nightly at 03:15 on beat; 0 keeps them.
CONTACT_NOTE_RETENTION_MONTHS = env_int("CONTACT_NOTE_RETENTION_MONTHS", 72)
CELERY_BEAT_SCHEDULE["desk-apply-retention"] = {
    "task": "desk.tasks.apply_retention",
    "schedule": crontab(hour=3, minute=15),
}
# A file uploaded for import and never confirmed (names, dates of birth, equality answers) is
# deleted this many days after upload, nightly at 03:20 on beat.
IMPORT_BATCH_RETENTION_DAYS = env_int("IMPORT_BATCH_RETENTION_DAYS", 7)
CELERY_BEAT_SCHEDULE["core-delete-unconfirmed-imports"] = {
    "task": "core.tasks.delete_unconfirmed_imports",
    "schedule": crontab(hour=3, minute=20),
}

# Two-factor sign-in (django-otp, TOTP): anyone may turn it on from "Two-factor sign-in",
# staff are offered it on their home page. Once on, every sign-in asks for a code from the app.
OTP_TOTP_ISSUER = LANDLORD_NAME
# Roles (slugs from core/roles.py) for whom two-factor sign-in is compulsory: someone in one of them
# who has no authenticator app set up is sent to set it up before any other page, and cannot turn
# it off. Empty: optional for everyone. Decided at sign-in (core/two_factor.py).
TWO_FACTOR_REQUIRED_ROLES = env_list("TWO_FACTOR_REQUIRED_ROLES", ["administrator", "insight_analyst"])
