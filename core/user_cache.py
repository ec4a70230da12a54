"""Who is signed in and what they may do, answered from the shared cache (issue 29).

Each request used to read the session row, the user row and (on a guarded page) the user's
permissions from the database. Sessions now live in the cache (`cached_db` engine, settings) and
this backend keeps each user's row, permission sets and role groups in the cache under a per-user
version. Anything that could change what a person may do replaces that version, so the very next
request reads afresh from the database: a deactivated person is refused, a changed password ends
the session (Django compares the password hash kept in the session) and a removed permission is
gone. What replaces the version: the user row saved (any field, is_active and password included) or
deleted, their groups or their own permissions changed, a group's permissions changed (every
member), the group deleted, their two-factor devices saved or deleted, and `revoke(user)` (signing
out everywhere, core/sign_out.py: the entry then holds when, so older sessions are refused).

The version is replaced at once and again when the transaction commits, so a request that read the
old rows between the two cannot leave them cached under the new version.
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

# How long one version's entry lives if nothing replaces it (USER_CACHE_SECONDS). Revocation does
# not wait for this: it replaces the version.
ENTRY = "user-cache:{pk}:{version}"
VERSION = "user-cache:{pk}:version"


def _version(pk):
    version = cache.get(VERSION.format(pk=pk))
    if version is None:
        # Never seen, or evicted: start a new version, so no older entry can be read again.
        cache.add(VERSION.format(pk=pk), uuid.uuid4().hex, None)
        version = cache.get(VERSION.format(pk=pk))
    return version


def version_of(user):
    """The user's current version: it changes whenever what they may do changes (a page cached per
    user, inequities.caching, keys on it so a granted or removed permission shows at once). The
    version this request's user was read under, when it was read from the cache: no second read."""
    return getattr(user, "_cache_version", None) or _version(user.pk)


def _bump_now(pks):
    pks = [pk for pk in pks if pk is not None]
    if pks:
        cache.set_many({VERSION.format(pk=pk): uuid.uuid4().hex for pk in pks}, None)


def bump(pks):
    """Make the next request of each of these users read their row and permissions afresh."""
    pks = list(pks)
    _bump_now(pks)
    transaction.on_commit(lambda: _bump_now(pks))


def revoke(user):
    """Sign-out everywhere's part here: forget what is cached about the person."""
    bump([user.pk])


class CachedModelBackend(ModelBackend):
    """Django's ModelBackend, with get_user and the permission sets read from the cache."""

    def get_user(self, user_id):
        version = _version(user_id)
        key = ENTRY.format(pk=user_id, version=version)
        entry = cache.get(key)
        if entry is None:
            user = _read_user(user_id)
            if user is None or not self.user_can_authenticate(user):
                return None
            entry = {
                "user": user,
                "user_perms": super().get_user_permissions(user),
                "group_perms": super().get_group_permissions(user),
                "groups": [group.name for group in user.groups.all()],
            }
            # The sets were remembered on the object by the calls above: store it without them.
            for name in ("_user_perm_cache", "_group_perm_cache", "_perm_cache"):
                user.__dict__.pop(name, None)
            cache.set(key, entry, settings.USER_CACHE_SECONDS)
        user = _from_entry(entry)
        user._cache_version = version
        return user

    def get_user_permissions(self, user_obj, obj=None):
        _load_cached_permissions(user_obj)
        return super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        _load_cached_permissions(user_obj)
        return super().get_group_permissions(user_obj, obj)

    def get_all_permissions(self, user_obj, obj=None):
        _load_cached_permissions(user_obj)
        return super().get_all_permissions(user_obj, obj)


def _read_user(pk):
    """The user row, with when they last signed out everywhere in the same query (core/sign_out.py)."""
    users = get_user_model()._default_manager.select_related("signed_out_everywhere")
    return users.filter(pk=pk).first()


def _from_entry(entry):
    from core.roles import ROLES

    user = entry["user"]
    # ModelBackend keeps the sets on the user object under these names and reads them from there.
    user._user_perm_cache = set(entry["user_perms"])
    user._group_perm_cache = set(entry["group_perms"])
    names = set(entry["groups"])
    user._main_role = next((role for role in ROLES if role.name in names), None)  # as core.roles.role_of
    return user


def _load_cached_permissions(user):
    """For a user object that did not come through get_user (a form's, a test's): the cached sets,
    when there are any for the current version; otherwise ModelBackend reads the database."""
    if user.pk is None or not user.is_active or user.is_anonymous or hasattr(user, "_user_perm_cache"):
        return
    entry = cache.get(ENTRY.format(pk=user.pk, version=_version(user.pk)))
    if entry is not None:
        user._user_perm_cache = set(entry["user_perms"])
        user._group_perm_cache = set(entry["group_perms"])


# What replaces the version. Registered from CoreConfig.ready.


def _user_changed(sender, instance, **kwargs):
    bump([instance.pk])


def _members(groups):
    return get_user_model().objects.filter(groups__in=groups).values_list("pk", flat=True).distinct()


def _user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not (action.startswith("post_") or action == "pre_clear"):
        return
    if isinstance(instance, Group):  # group.user_set.add(...): the users are in pk_set
        bump(set(pk_set or ()) | set(_members([instance.pk])))
    else:
        bump([instance.pk])


def _group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not (action.startswith("post_") or action == "pre_clear"):
        return
    if isinstance(instance, Group):
        bump(_members([instance.pk]))
    else:  # permission.group_set...: the groups are in pk_set, or (clearing) still linked
        groups = set(pk_set or ()) | set(instance.group_set.values_list("pk", flat=True))
        bump(_members(groups))


def _group_deleted(sender, instance, **kwargs):
    bump(_members([instance.pk]))


def _device_changed(sender, instance, **kwargs):
    bump([instance.user_id])


def connect():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    User = get_user_model()
    post_save.connect(_user_changed, sender=User, dispatch_uid="core.user_cache.user_saved")
    post_delete.connect(_user_changed, sender=User, dispatch_uid="core.user_cache.user_deleted")
    m2m_changed.connect(_user_groups_changed, sender=User.groups.through, dispatch_uid="core.user_cache.groups")
    m2m_changed.connect(
        _user_changed_m2m, sender=User.user_permissions.through, dispatch_uid="core.user_cache.user_perms"
    )
    m2m_changed.connect(
        _group_permissions_changed, sender=Group.permissions.through, dispatch_uid="core.user_cache.group_perms"
    )
    pre_delete.connect(_group_deleted, sender=Group, dispatch_uid="core.user_cache.group_deleted")
    post_save.connect(_device_changed, sender=TOTPDevice, dispatch_uid="core.user_cache.device_saved")
    post_delete.connect(_device_changed, sender=TOTPDevice, dispatch_uid="core.user_cache.device_deleted")


def _user_changed_m2m(sender, instance, action, reverse, pk_set, **kwargs):
    if not (action.startswith("post_") or action == "pre_clear"):
        return
    if reverse:  # permission.user_set...: the users are in pk_set, or (clearing) still linked
        bump(set(pk_set or ()) | set(instance.user_set.values_list("pk", flat=True)))
    else:
        bump([instance.pk])
