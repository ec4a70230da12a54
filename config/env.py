"""Tiny typed readers for settings that come from environment variables."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from exc


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_dates(name, default):
    """A map of names to dates, `name=YYYY-MM-DD` separated by commas (`AWAABS_LAW_HAZARDS=falls=2026-10-27`).
    Each name given replaces the default's date for that name; `name=never` takes it out."""
    from datetime import date

    result = dict(default)
    for item in env_list(name):
        key, _sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not key or not value:
            raise ImproperlyConfigured(f"{name} must be name=YYYY-MM-DD pairs separated by commas; got {item!r}.")
        if value.lower() == "never":
            result.pop(key, None)
            continue
        try:
            result[key] = date.fromisoformat(value)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {key} must have a date as YYYY-MM-DD; got {value!r}.") from exc
    return result
