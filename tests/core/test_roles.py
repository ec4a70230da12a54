import pytest
from django.contrib.auth.models import Group

from core.roles import ROLES, sync_roles

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_holding_exactly_its_listed_permissions():
    sync_roles()  # strict: fails on any permission that does not exist
    for role in ROLES:
        group = Group.objects.get(name=role.name)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(role.permissions), role.name


def test_the_migration_created_the_seven_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Housing officer",
        "Repairs operative",
        "Contact-centre agent",
        "Scrutiny panel member",
        "Resident",
        "Insight analyst",
        "Administrator",
    }


def test_panel_members_and_residents_cannot_see_special_category_data(personas):
    for slug in ("panel_member", "resident", "insight_analyst", "repairs_operative", "contact_centre_agent"):
        assert not personas[slug].has_perm("engagement.view_special_category"), slug
    assert personas["housing_officer"].has_perm("engagement.view_special_category")
