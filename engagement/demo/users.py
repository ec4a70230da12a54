"""One demo sign-in for each role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from core.roles import ROLES

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (printed for demo sign-ins)
USERNAMES = {
    "housing_officer": "officer",
    "repairs_operative": "operative",
    "contact_centre_agent": "contact",
    "panel_member": "panel",
    "resident": "resident",
    "insight_analyst": "analyst",
    "administrator": "admin",
}


def seed_users(lead_tenant):
    """Create (or reset) the demo users; the resident user is linked to `lead_tenant`."""
    User = get_user_model()
    users = {}
    # Every demo user has the one printed password: hashed once (a second or two of seed_demo went
    # on hashing it seven times), each user still checked by Django's hasher as usual.
    hashed = make_password(DEMO_PASSWORD)
    for role in ROLES:
        username = USERNAMES[role.slug]
        user, _created = User.objects.get_or_create(username=username)
        user.first_name = role.name
        user.is_staff = role.is_staff
        user.password = hashed
        user.save()
        user.groups.set([Group.objects.get(name=role.name)])
        users[role.slug] = user
    if lead_tenant is not None:
        lead_tenant.user = users["resident"]
        lead_tenant.save(update_fields=["user"])
    return users
