"""Communication preferences: residents keep their own; nobody else's is within their reach."""

from django.urls import reverse

from engagement.models import CommunicationPreference
from tests.engagement.factories import CommunicationPreferenceFactory, ResidentFactory


def _form(**overrides):
    return {"channel_1": "letter", "channel_2": "phone", "channel_3": "", "best_times": "Mornings", **overrides}


def test_a_resident_sees_and_edits_only_their_own_preferences(client, personas):
    me = personas["resident"].resident
    neighbour = ResidentFactory(first_name="Nina")
    CommunicationPreferenceFactory(resident=neighbour, best_times="Evenings only")
    client.force_login(personas["resident"])

    own = client.get(reverse("my_preferences"))
    saved = client.post(reverse("my_preferences"), _form(formats=["large_print"]))

    assert own.status_code == 200 and "Evenings only" not in own.content.decode()
    assert saved.status_code == 302
    mine = CommunicationPreference.objects.get(resident=me)
    assert (mine.channels, mine.formats, mine.best_times, mine.updated_by) == (
        ["letter", "phone"],
        ["large_print"],
        "Mornings",
        personas["resident"],
    )
    # Another resident's id: every page that takes one refuses, and nothing of theirs changes.
    for name in ("preferences_edit", "resident_detail"):
        url = reverse(name, kwargs={"pk": neighbour.pk})
        assert client.get(url).status_code in (403, 404)
        assert client.post(url, _form(best_times="Hacked")).status_code in (403, 404)
    assert CommunicationPreference.objects.get(resident=neighbour).best_times == "Evenings only"


def test_a_user_with_the_resident_role_but_no_linked_resident_gets_404(client, personas):
    personas["resident"].resident.delete()
    client.force_login(personas["resident"])
    assert client.get(reverse("my_preferences")).status_code == 404


def test_a_resident_with_no_internet_must_choose_a_way_that_does_not_need_it(client, personas):
    client.force_login(personas["resident"])

    response = client.post(reverse("my_preferences"), _form(channel_1="email", channel_2="text", no_internet="on"))

    assert response.context["form"].errors["channel_1"] == [
        "Choose at least one way that does not need the internet: phone, letter or in person"
    ]
    assert "<title>Error: How we contact you" in response.content.decode()


def test_nothing_is_digital_only_for_a_resident_with_no_internet(db):
    preference = CommunicationPreferenceFactory(channels=["email", "letter", "text"], no_internet=True)
    assert preference.usable_channels() == ["letter"]


def test_choosing_the_same_channel_twice_is_refused(client, personas):
    client.force_login(personas["resident"])
    response = client.post(reverse("my_preferences"), _form(channel_2="letter"))
    assert response.context["form"].errors["channel_2"] == ["Choose each way of contacting only once"]


def test_an_officer_changes_a_residents_preferences_from_the_resident_page(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["contact_centre_agent"])

    response = client.post(reverse("preferences_edit", kwargs={"pk": resident.pk}), _form(no_internet="on"))

    assert response.status_code == 302
    preference = CommunicationPreference.objects.get(resident=resident)
    assert preference.no_internet is True
    assert preference.updated_by == personas["contact_centre_agent"]
