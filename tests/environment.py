"""Loaded by pytest before Django reads its settings (see `addopts` in pyproject.toml).

Tests run as production does (DEBUG off), but over plain HTTP on a local test server.
"""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-1f8e0b7c5d3a9e2f4b6c8d0a1e3f5b7c9d")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("LANDLORD_NAME", "Northfield Homes")
# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the same
# thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Tests sign in as every role (force_login) to open pages; the tests of compulsory two-factor
# sign-in (tests/security/test_two_factor.py) turn it on for the roles they test. Production's
# default is administrators and analysts (config/settings.py).
os.environ.setdefault("TWO_FACTOR_REQUIRED_ROLES", "")
