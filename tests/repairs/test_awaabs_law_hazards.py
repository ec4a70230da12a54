"""Awaab's Law covers hazards group by group: the setting AWAABS_LAW_HAZARDS names each hazard and the
day its clocks commence. A hazard reported before its day has no Awaab's Law clock; one reported on
or after it has the clocks (issue 26)."""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from config.env import env_dates
from repairs.apps import awaabs_law_hazards_are_known
from repairs.clocks import OPEN, awaabs_law_applies
from tests.repairs.factories import RepairRequestFactory, at


def test_the_default_setting_dates_each_group():
    from django.conf import settings

    assert settings.AWAABS_LAW_HAZARDS == {
        "emergency": date(2025, 10, 27),
        "damp_mould": date(2025, 10, 27),
        "excess_cold_heat": date(2026, 10, 27),
        "falls": date(2026, 10, 27),
        "collapse_explosion": date(2026, 10, 27),
        "fire_electrical": date(2026, 10, 27),
        "hygiene": date(2026, 10, 27),
        "food_safety": date(2026, 10, 27),
        "other_hhsrs": date(2027, 10, 27),
    }


@pytest.mark.parametrize(
    ("hazard", "day_before", "first_day"),
    [
        ("emergency", date(2025, 10, 26), date(2025, 10, 27)),
        ("damp_mould", date(2025, 10, 26), date(2025, 10, 27)),
        ("falls", date(2026, 10, 26), date(2026, 10, 27)),
        ("food_safety", date(2026, 10, 26), date(2026, 10, 27)),
        ("other_hhsrs", date(2027, 10, 26), date(2027, 10, 27)),
    ],
)
def test_a_group_is_clocked_from_its_commencement_day(hazard, day_before, first_day):
    assert not awaabs_law_applies(hazard, day_before)
    assert awaabs_law_applies(hazard, first_day)
    assert not awaabs_law_applies("", first_day)


def test_a_falls_hazard_reported_the_day_before_the_2026_group_commences_has_no_clock(db, client, personas):
    repair = RepairRequestFactory(hazard="falls", priority="urgent", reported_at=at(2026, 10, 26, 23, 30))
    assert [str(clock.name) for clock in repair.clocks()] == ["Our target for this priority"]
    assert repair.awaab_investigation_due is None
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("repairs:detail", args=[repair.pk])).content.decode()
    assert (
        "Awaab&#x27;s Law timescales cover this hazard for reports from 27 October 2026. It was reported before "
        "then, so it has no legal clock." in page
    )


def test_a_falls_hazard_reported_on_the_day_has_the_four_clocks(db):
    # Reported Tuesday 27 October 2026: investigation due 10 working days later, Tuesday 10 November.
    repair = RepairRequestFactory(hazard="falls", priority="urgent", reported_at=at(2026, 10, 27, 0, 30))
    _target, investigate, summary, safety, preventative = repair.clocks()
    assert (investigate.due, investigate.status(at(2026, 11, 9))) == (date(2026, 11, 10), OPEN)
    assert (summary.due, safety.due, preventative.due) == (None, None, None)
    assert repair.awaab_investigation_due == date(2026, 11, 10)
    # Investigated Thursday 5 November: summary due Tuesday 10, safety and preventative work Thursday 12.
    repair.investigated_at = at(2026, 11, 5, 10, 0)
    repair.save()
    assert (repair.awaab_summary_due, repair.awaab_safety_due, repair.awaab_preventative_due) == (
        date(2026, 11, 10),
        date(2026, 11, 12),
        date(2026, 11, 12),
    )


def test_every_other_hazard_waits_for_2027_and_an_emergency_of_any_kind_is_clocked_now(db):
    other = RepairRequestFactory(hazard="other_hhsrs", reported_at=at(2026, 12, 1))
    assert len(other.clocks()) == 1
    emergency = RepairRequestFactory(hazard="emergency", priority="emergency", reported_at=at(2026, 12, 1, 8, 0))
    assert [str(clock.name) for clock in emergency.clocks()[1:]] == [
        "Investigate the emergency hazard",
        "Make the home safe",
    ]
    before_the_law = RepairRequestFactory(hazard="damp_mould", reported_at=at(2025, 10, 24))
    assert len(before_the_law.clocks()) == 1 and before_the_law.awaab_investigation_due is None


def test_the_landlord_sets_the_day_in_force(db, settings, monkeypatch):
    monkeypatch.setenv("AWAABS_LAW_HAZARDS", "falls=2026-04-01, other_hhsrs=never")
    settings.AWAABS_LAW_HAZARDS = env_dates(
        "AWAABS_LAW_HAZARDS", {"falls": date(2026, 10, 27), "other_hhsrs": date(2027, 10, 27)}
    )
    assert settings.AWAABS_LAW_HAZARDS == {"falls": date(2026, 4, 1)}
    assert len(RepairRequestFactory(hazard="falls", reported_at=at(2026, 4, 1)).clocks()) == 5
    assert len(RepairRequestFactory(hazard="other_hhsrs", reported_at=at(2030, 1, 1)).clocks()) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("falls", "AWAABS_LAW_HAZARDS must be name=YYYY-MM-DD pairs separated by commas; got 'falls'."),
        ("falls=27/10/2026", "AWAABS_LAW_HAZARDS: falls must have a date as YYYY-MM-DD; got '27/10/2026'."),
    ],
)
def test_a_setting_that_is_not_dates_is_refused(monkeypatch, value, message):
    monkeypatch.setenv("AWAABS_LAW_HAZARDS", value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_dates("AWAABS_LAW_HAZARDS", {})
    assert str(refused.value) == message


def test_a_hazard_the_repairs_do_not_record_fails_the_system_check(settings):
    settings.AWAABS_LAW_HAZARDS = {"damp_mould": date(2025, 10, 27), "mould": date(2025, 10, 27)}
    [error] = awaabs_law_hazards_are_known()
    assert (error.id, error.msg) == (
        "repairs.E001",
        "AWAABS_LAW_HAZARDS names hazards the repairs do not record: mould.",
    )
