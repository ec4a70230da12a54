"""The shortlist of residents to invite to a panel: random within quotas, never a restricted resident."""

import random
from collections import Counter
from datetime import date

import pytest
from django.urls import reverse

from engagement.models import ShortlistInvitee
from engagement.shortlist import draw, quotas_for, round_without_bias, shortlist_draw
from tests.engagement.factories import (
    CommunicationPreferenceFactory,
    ContactRestrictionFactory,
    PanelMembershipFactory,
    ResidentFactory,
    ScrutinyPanelFactory,
)

TODAY = date(2025, 1, 1)
YOUNG, OLD = date(2003, 6, 1), date(1945, 6, 1)  # 21 and 79 on TODAY
# Draws are repeated with these seeds; expected make-up must hold to within this many people.
SEEDS = range(400)
TOLERANCE = 0.1


def residents(count, born):
    return [ResidentFactory(date_of_birth=born) for _ in range(count)]


@pytest.fixture
def landlord(db):
    """30 young and 30 old residents (4 old ones on the panel), and 20 whose age we were never told."""
    panel = ScrutinyPanelFactory()
    young, old, unknown = residents(30, YOUNG), residents(30, OLD), residents(20, None)
    for member in old[:4]:
        PanelMembershipFactory(panel=panel, resident=member, started_on=date(2020, 1, 1))
    return {"panel": panel, "young": young, "old": old, "unknown": unknown}


def age_of(pk, landlord):
    for band in ("young", "old", "unknown"):
        if pk in {r.pk for r in landlord[band]}:
            return band
    raise AssertionError(pk)


def test_quotas_go_to_the_groups_furthest_below_their_share():
    # Residents 30/30/20; panel 0/4/0; 4 invitations -> a panel of 8 should be 3/3/2.
    # Shortfalls 3, 0 (already 4) and 2 add up to 5, more than 4: share 4 in the ratio 3:2.
    quotas = quotas_for({"young": 30, "old": 30, "unknown": 20}, {"old": 4}, {"young": 30, "old": 26, "unknown": 20}, 4)

    assert quotas == pytest.approx({"young": 2.4, "old": 0.0, "unknown": 1.6})


def test_once_every_shortfall_is_met_the_rest_follow_the_residents():
    quotas = quotas_for({"a": 50, "b": 50}, {"a": 1}, {"a": 40, "b": 40}, 9)

    # A panel of 10 should be 5 and 5: b is short by 5, a by 4; exactly 9.
    assert quotas == pytest.approx({"a": 4.0, "b": 5.0})
    quotas = quotas_for({"a": 50, "b": 50}, {}, {"a": 40, "b": 3}, 10)
    # b has only 3 residents who may be invited: the rest go to a.
    assert quotas == pytest.approx({"a": 7.0, "b": 3.0})


def test_rounding_keeps_the_total_and_on_average_gives_each_group_its_fraction():
    quotas = {"a": 2.4, "b": 1.35, "c": 0.25}
    totals = Counter()
    for seed in SEEDS:
        whole = round_without_bias(quotas, random.Random(seed))
        assert sum(whole.values()) == 4
        assert all(whole[s] in (int(q), int(q) + 1) for s, q in quotas.items())
        totals.update(whole)
    for stratum, quota in quotas.items():
        assert totals[stratum] / len(SEEDS) == pytest.approx(quota, abs=TOLERANCE)


def test_over_many_draws_the_shortlist_follows_the_quotas(landlord):
    made_up = Counter()
    for seed in SEEDS:
        chosen, _quotas = draw(panel=landlord["panel"], characteristics=["age_band"], size=4, seed=seed, today=TODAY)
        assert len(chosen) == 4
        made_up.update(age_of(pk, landlord) for _stratum, pk in chosen)

    expected = {"young": 2.4, "old": 0.0, "unknown": 1.6}
    for band, number in expected.items():
        assert made_up[band] / len(SEEDS) == pytest.approx(number, abs=TOLERANCE), band


def test_within_a_group_every_resident_has_the_same_chance(landlord):
    picked = Counter()
    for seed in SEEDS:
        chosen, _quotas = draw(panel=landlord["panel"], characteristics=["age_band"], size=4, seed=seed, today=TODAY)
        picked.update(pk for _stratum, pk in chosen if age_of(pk, landlord) == "young")

    # 2.4 of 30 young residents a draw: each is picked in 8% of draws, 32 times in 400.
    assert min(picked.values()) > 12 and max(picked.values()) < 56
    assert len(picked) == 30


def test_never_a_resident_with_a_current_restriction_nor_anyone_on_a_panel(landlord):
    restricted = {ContactRestrictionFactory(resident=r).resident_id for r in landlord["young"][:10]}
    restricted |= {ContactRestrictionFactory(resident=r).resident_id for r in landlord["unknown"][:5]}
    lifted = ContactRestrictionFactory(resident=landlord["young"][10], ended_on=date(2024, 6, 1)).resident_id
    members = {r.pk for r in landlord["old"][:4]}
    seen = set()
    for seed in SEEDS:
        chosen, _quotas = draw(panel=landlord["panel"], characteristics=["age_band"], size=12, seed=seed, today=TODAY)
        seen |= {pk for _stratum, pk in chosen}

    assert seen.isdisjoint(restricted)
    assert seen.isdisjoint(members)
    assert lifted in seen  # a restriction that has ended no longer stands in the way


def test_children_are_never_invited(db):
    panel = ScrutinyPanelFactory()
    child = ResidentFactory(date_of_birth=date(2010, 1, 1))
    residents(5, YOUNG)

    chosen, _quotas = draw(panel=panel, characteristics=["age_band"], size=20, seed=1, today=TODAY)

    assert len(chosen) == 5
    assert child.pk not in {pk for _s, pk in chosen}


def test_each_invitee_is_contacted_the_way_they_can_use(db, personas):
    panel = ScrutinyPanelFactory()
    offline = CommunicationPreferenceFactory(
        resident__date_of_birth=YOUNG, channels=["email", "text", "letter"], no_internet=True
    ).resident
    email = CommunicationPreferenceFactory(resident__date_of_birth=YOUNG, channels=["email"]).resident
    silent = ResidentFactory(date_of_birth=YOUNG)

    shortlist = shortlist_draw(
        panel=panel, characteristics=["age_band"], size=4, by=personas["housing_officer"], today=TODAY, seed=5
    )

    channels = {i.resident_id: (i.channel, i.channel_from_preference) for i in shortlist.invitees.all()}
    del channels[personas["resident"].resident.pk]  # everyone is drawn: the persona too
    assert channels == {offline.pk: ("letter", True), email.pk: ("email", True), silent.pk: ("letter", False)}
    assert ShortlistInvitee.objects.get(resident=silent).group_label == "Age: 18 to 24"


def test_an_officer_draws_a_shortlist_and_downloads_the_same_list(client, personas, landlord):
    client.force_login(personas["housing_officer"])
    url = reverse("shortlist_start", kwargs={"pk": landlord["panel"].pk})

    response = client.post(url, {"characteristics": ["age_band"], "size": "4"})

    assert response.status_code == 302
    page = client.get(response.url)
    csv_rows = client.get(response.url + "?download=csv").content.decode().splitlines()
    invitees = list(page.context["invitees"])
    assert len(invitees) == 4 and len(csv_rows) == 5
    assert sorted(row.split(",")[0] for row in csv_rows[1:]) == sorted(i.resident.full_name for i in invitees)


def test_the_form_asks_for_at_least_one_characteristic_and_a_size(client, personas, landlord):
    client.force_login(personas["administrator"])
    url = reverse("shortlist_start", kwargs={"pk": landlord["panel"].pk})

    response = client.post(url, {"size": "0"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "characteristics": ["Choose at least one characteristic"],
        "size": ["Invite at least 1 resident"],
    }


def test_the_shortlist_and_its_csv_need_the_special_category_permission(client, personas, landlord):
    client.force_login(personas["housing_officer"])
    response = client.post(
        reverse("shortlist_start", kwargs={"pk": landlord["panel"].pk}), {"characteristics": ["age_band"], "size": "3"}
    )
    client.force_login(personas["administrator"])  # may draw shortlists, but not see equality answers
    assert client.get(response.url).status_code == 403
    assert client.get(response.url + "?download=csv").status_code == 403


def test_every_view_and_download_of_a_shortlist_is_audited_per_resident(client, personas, landlord):
    from engagement.models import AuditEntry

    officer = personas["housing_officer"]
    client.force_login(officer)
    response = client.post(
        reverse("shortlist_start", kwargs={"pk": landlord["panel"].pk}), {"characteristics": ["age_band"], "size": "3"}
    )
    client.get(response.url)
    client.get(response.url + "?download=csv")
    entries = AuditEntry.objects.filter(user=officer, subject="equality_profile")
    assert entries.count() == 6
    assert sum("CSV download" in e.detail for e in entries) == 3
    assert {e.path for e in entries} == {response.url, response.url + "?download=csv"}
