"""A save from a page opened before someone else's save is refused; both changes survive (issue 24 item 3)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.concurrency import StaleEdit, save_unless_changed
from engagement.models import (
    CommunicationPreference,
    ContactDetails,
    ContactRestriction,
    ReasonableAdjustment,
    Resident,
    SupportNeed,
)
from tests.engagement.factories import (
    ContactDetailsFactory,
    ContactRestrictionFactory,
    ReasonableAdjustmentFactory,
    SupportNeedFactory,
)
from tests.stale import assert_refused, post_data, revision_on

pytestmark = pytest.mark.django_db

LONG_AGO = date(2024, 1, 1)


def staff_details(mobile, revision):
    return {
        "revision": revision,
        "email": "",
        "email_source": "",
        "mobile_phone": mobile,
        "mobile_source": "staff",
        "landline_phone": "",
        "landline_source": "",
        "language": "en-gb",
    }


def test_a_stale_staff_page_does_not_put_back_a_residents_old_mobile(client, personas):
    """The reported bug: the staff form, opened before the resident changed their own mobile, put the
    old number back and marked it confirmed today."""
    own = Resident.objects.get(user=personas["resident"])
    ContactDetailsFactory(resident=own, email="", mobile_phone="+447700900111", mobile_confirmed_on=LONG_AGO)
    officer = client
    officer.force_login(personas["contact_centre_agent"])
    url = reverse("contact_details_edit", args=[own.pk])
    read_at = revision_on(officer.get(url))  # the agent opens the page

    from django.test import Client

    resident = Client()
    resident.force_login(personas["resident"])
    mine = revision_on(resident.get(reverse("my_contact_details")))
    saved = resident.post(
        reverse("my_contact_details"),
        {"revision": mine, "email": "", "mobile_phone": "07700 900222", "landline_phone": "", "language": "en-gb"},
    )
    assert saved.status_code == 302

    refused = officer.post(url, staff_details("07700 900111", read_at))
    html = assert_refused(refused, "Mobile number is now saved as: 07700 900222")
    assert 'value="07700 900111"' in html  # the agent's typed value is still in the form
    details = ContactDetails.objects.get(resident=own)
    assert details.mobile_phone == "+447700900222"  # the resident's change stands
    assert details.mobile_source == "resident"
    assert details.mobile_confirmed_on == timezone.localdate()

    # Saving again, deliberately, from the refused page applies the agent's value.
    again = officer.post(url, staff_details("07700 900111", revision_on(refused)))
    assert again.status_code == 302
    assert ContactDetails.objects.get(resident=own).mobile_phone == "+447700900111"


@pytest.mark.parametrize(
    ("factory", "url_name", "model", "first", "second", "field", "shown"),
    [
        (
            SupportNeedFactory,
            "support_need_edit",
            SupportNeed,
            {"description": "Uses a wheelchair; ramp at the front"},
            {"description": "Uses a wheelchair"},
            "description",
            "What the person needs is now saved as: Uses a wheelchair; ramp at the front",
        ),
        (
            ContactRestrictionFactory,
            "restriction_edit",
            ContactRestriction,
            {"details": "Two staff at every visit, booked ahead"},
            {"details": "Two staff at every visit"},
            "details",
            "What is restricted is now saved as: Two staff at every visit, booked ahead",
        ),
    ],
    ids=["support need", "contact restriction"],
)
def test_a_stale_save_of_a_resident_item_is_refused(
    client, personas, factory, url_name, model, first, second, field, shown
):
    item = factory()
    client.force_login(personas["housing_officer"])
    url = reverse(url_name, args=[item.resident_id, item.pk])
    page = client.get(url)
    form_data = _form_data(page)
    # A colleague corrects it in another tab, from the same page.
    colleague = {**form_data, **first}
    assert client.post(url, colleague).status_code == 302
    refused = client.post(url, {**form_data, **second})
    html = assert_refused(refused, shown)
    assert second[field] in html  # what this person typed is kept
    assert getattr(model.objects.get(pk=item.pk), field) == first[field]


def _form_data(page):
    return post_data(page.context["form"])


def test_a_stale_adjustment_step_is_refused(client, personas):
    adjustment = ReasonableAdjustmentFactory()
    client.force_login(personas["housing_officer"])
    url = reverse("adjustment_edit", args=[adjustment.resident_id, adjustment.pk])
    read_at = revision_on(client.get(url))
    review = (timezone.localdate() + timedelta(days=90)).isoformat()
    ReasonableAdjustment.objects.get(pk=adjustment.pk).save()  # someone else saved meanwhile
    refused = client.post(url, {"revision": read_at, "status": adjustment.status, "review_by": review})
    assert_refused(refused)
    assert ReasonableAdjustment.objects.get(pk=adjustment.pk).review_by != date.fromisoformat(review)


def test_two_saves_from_the_same_revision_cannot_both_pass():
    """The check is the UPDATE's WHERE clause, not a read before it: the second finds no row."""
    need = SupportNeedFactory()
    first, second = SupportNeed.objects.get(pk=need.pk), SupportNeed.objects.get(pk=need.pk)
    first.description, second.description = "first", "second"
    save_unless_changed(first, need.revision, ["description"])
    with pytest.raises(StaleEdit) as refused:
        save_unless_changed(second, need.revision, ["description"])
    assert refused.value.changes == [("What the person needs", "first")]
    stored = SupportNeed.objects.get(pk=need.pk)
    assert (stored.description, stored.revision) == ("first", need.revision + 1)
    assert connection.vendor in {"sqlite", "postgresql"}


def test_a_stale_staff_page_does_not_overwrite_a_residents_own_preferences(client, personas):
    own = Resident.objects.get(user=personas["resident"])
    client.force_login(personas["housing_officer"])
    url = reverse("preferences_edit", args=[own.pk])
    read_at = revision_on(client.get(url))  # no preferences yet: revision 0

    from django.test import Client

    resident = Client()
    resident.force_login(personas["resident"])
    mine = {"channel_1": "text", "channel_2": "letter", "channel_3": "", "best_times": "Evenings"}
    assert resident.post(reverse("my_preferences"), {**mine, "revision": read_at}).status_code == 302

    staff = {"channel_1": "letter", "channel_2": "phone", "channel_3": "", "best_times": "Mornings"}
    refused = client.post(url, {**staff, "revision": read_at})
    assert_refused(refused, "is now saved as: Evenings")
    stored = CommunicationPreference.objects.get(resident=own)
    assert (stored.channels, stored.best_times) == (["text", "letter"], "Evenings")
