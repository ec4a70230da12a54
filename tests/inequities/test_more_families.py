"""The remaining metric families, benchmarks and signals, on hand-built data where every figure is
known. The period is fixed (the year to 30 June 2026) so working days and Awaab's Law dates are too."""

from datetime import date, time

import pytest
from django.utils import timezone

from inequities.models import Figure, Signal, SignalKind
from repairs.working_days import add_working_days
from tests.engagement.factories import (
    EqualityProfileFactory,
    HomeFactory,
    HouseholdFactory,
    PanelMembershipFactory,
    ResidentFactory,
)
from tests.figures import recompute_over_a_year
from tests.inequities.test_recompute import answer_tp01
from tests.repairs.factories import ComplaintFactory, RepairRequestFactory, at
from tests.surveys.factories import PublishedMeasureFactory, tsm_survey

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 30)
MONDAY = date(2026, 3, 2)  # no bank holiday until Good Friday, 3 April


def figure(snapshot, metric, dimension="disability", group="yes", region="all"):
    return Figure.objects.get(snapshot=snapshot, metric=metric, dimension=dimension, group=group, region=region)


def lead(disabled, **home):
    household = HouseholdFactory(home=HomeFactory(**home)) if home else HouseholdFactory()
    resident = ResidentFactory(household=household, is_lead_tenant=True)
    EqualityProfileFactory(resident=resident, disability=disabled)
    return resident


def local(day, hour=12):
    return timezone.make_aware(timezone.datetime.combine(day, time(hour)))


def test_median_working_days_with_its_order_statistic_interval(exact_figures):
    """Disabled lead tenants' 11 repairs took 2, 4, ..., 22 working days (median 12); others' 11
    took 1 to 11 (median 6). Ranks 2 and 10 of 11 bound each median."""
    for disabled, days in (("yes", range(2, 23, 2)), ("no", range(1, 12))):
        for n in days:
            repair = RepairRequestFactory(
                household=lead(disabled).household,
                reported_at=at(2026, 3, 2),
                status="completed",
                completed_at=local(add_working_days(MONDAY, n)),
            )
            assert repair.working_days_to_complete == n
    snapshot = recompute_over_a_year(today=TODAY)
    median = figure(snapshot, "median_working_days")
    assert median.unit == "working_days"
    assert (median.denominator, median.rate, median.ci_low, median.ci_high) == (11, 12, 4, 20)
    assert median.comparison_rate == 6
    assert median.gap == 6
    # MOVER: 6 -/+ sqrt(8**2 + 4**2)
    assert (round(median.gap_low, 4), round(median.gap_high, 4)) == (-2.9443, 14.9443)
    assert median.significant is False
    everyone = figure(snapshot, "median_working_days", group="all")
    assert (everyone.denominator, everyone.rate) == (22, 8)  # the 11th and 12th of 22 are both 8


def damp_case(disabled, met, reported=MONDAY, hazard="damp_mould"):
    """A significant damp and mould hazard (or another `hazard`): every step on time, or investigated late."""
    investigated = add_working_days(reported, 2 if met else 12)
    return RepairRequestFactory(
        household=lead(disabled).household,
        category="damp_mould",
        hazard=hazard,
        reported_at=local(reported, 9),
        investigated_at=local(investigated),
        summary_sent_on=add_working_days(investigated, 1),
        made_safe_at=local(add_working_days(investigated, 2)),
        preventative_work_started_on=add_working_days(investigated, 3),
    )


def test_awaabs_law_share_counts_only_decided_cases(exact_figures):
    for disabled, met, failed in (("yes", 5, 5), ("no", 15, 5)):
        for n in range(met + failed):
            damp_case(disabled, met=n < met)
    # Investigated on 26 June: its summary is not due until 1 July, so it is not decided yet.
    case = damp_case("yes", met=True, reported=date(2026, 6, 24))
    case.investigated_at = local(date(2026, 6, 26))
    case.summary_sent_on = case.made_safe_at = case.preventative_work_started_on = None
    case.save()
    assert case.awaab_summary_due == date(2026, 7, 1)
    snapshot = recompute_over_a_year(today=TODAY)
    share = figure(snapshot, "awaabs_law_met")
    assert (share.numerator, share.denominator, share.rate, share.comparison_rate) == (5, 10, 0.5, 0.75)
    assert round(share.gap, 4) == -25.0


def test_awaabs_law_share_counts_a_later_group_from_its_commencement_day(settings, exact_figures):
    """With falls commencing on 1 March 2026: disabled lead tenants' 10 falls hazards (5 met) count
    beside others' 20 damp and mould cases (15 met); falls reported on 27 February, and hazards of
    the 2027 group, have no clocks and are not counted."""
    settings.AWAABS_LAW_HAZARDS = {
        "damp_mould": date(2025, 10, 27),
        "falls": date(2026, 3, 1),
        "other_hhsrs": date(2027, 10, 27),
    }
    for n in range(10):
        damp_case("yes", met=n < 5, hazard="falls")
    for n in range(20):
        damp_case("no", met=n < 15)
    for hazard, reported in (("falls", date(2026, 2, 27)), ("other_hhsrs", MONDAY)):
        for _ in range(3):
            assert damp_case("yes", met=False, reported=reported, hazard=hazard).awaab_investigation_due is None
    snapshot = recompute_over_a_year(today=TODAY)
    share = figure(snapshot, "awaabs_law_met")
    assert (share.numerator, share.denominator, share.rate, share.comparison_rate) == (5, 10, 0.5, 0.75)


def test_complaints_per_thousand_households_with_byar_intervals(exact_figures):
    """20 disabled lead tenants' households made 6 complaints; 30 others made 5."""
    for disabled, households, complaints in (("yes", 20, 6), ("no", 30, 5)):
        residents = [lead(disabled) for _ in range(households)]
        for n in range(complaints):
            ComplaintFactory(resident=residents[n], received_on=date(2026, 5, 1))
    ComplaintFactory(resident=residents[0], received_on=date(2025, 6, 1))  # before the period
    snapshot = recompute_over_a_year(today=TODAY)
    rate = figure(snapshot, "complaints_per_1000")
    assert rate.unit == "per_1000"
    assert (rate.numerator, rate.denominator, rate.rate) == (6, 20, 300)
    assert rate.comparison_rate == pytest.approx(1000 * 5 / 30)
    # Byar: 6(1 - 1/54 - 1.96/(3*sqrt 6))^3 = 2.1910 complaints, 7(1 - 1/63 + 1.96/(3*sqrt 7))^3 = 13.0598
    assert (round(rate.ci_low, 1), round(rate.ci_high, 1)) == (109.5, 653.0)
    assert round(rate.gap, 2) == 133.33
    assert rate.significant is False


def test_representation_on_the_panel_against_the_population(exact_figures):
    """50 residents, 20 disabled (40%); the panel has 12 members, 5 of them disabled (42%)."""
    residents = [lead("yes") for _ in range(20)] + [lead("no") for _ in range(30)]
    for member in residents[:5] + residents[20:27]:
        PanelMembershipFactory(resident=member, started_on=date(2025, 1, 1))
    PanelMembershipFactory(resident=residents[6], started_on=date(2024, 1, 1), ended_on=date(2025, 1, 1))
    snapshot = recompute_over_a_year(today=TODAY)
    panel = figure(snapshot, "representation_panel")
    assert (panel.numerator, panel.denominator, panel.comparison_rate) == (5, 12, 0.4)
    assert round(panel.gap, 4) == round((5 / 12 - 0.4) * 100, 4)


def test_security_repairs_in_the_most_crime_deprived_areas_raise_a_signal():
    """Crime decile 1: 10 of 20 repairs are windows, doors or fences; elsewhere 5 of 30."""
    for crime_decile, repairs, security in ((1, 20, 10), (6, 30, 5)):
        for n in range(repairs):
            resident = lead("no", crime_decile=crime_decile)
            RepairRequestFactory(
                household=resident.household,
                reported_at=at(2026, 4, 14),
                category=("windows", "doors", "gates_fences")[n % 3] if n < security else "plumbing",
            )
    snapshot = recompute_over_a_year(today=TODAY)
    share = figure(snapshot, "security_repairs", "crime_deprivation", "most_crime_deprived")
    assert (share.numerator, share.denominator, share.comparison_rate) == (10, 20, pytest.approx(5 / 30))
    assert share.significant is True
    signal = Signal.objects.get(snapshot=snapshot, kind=SignalKind.SECURITY_REPAIRS, region="all")
    assert signal.statement == (
        "In our homes, windows, doors, gates and fences were 50% of repairs in the most crime-deprived fifth of "
        "neighbourhoods, against 17% elsewhere (a gap of 33 points, 95% interval 7 to 55)."
    )


def _disabled_answer_less_dissatisfied(answers):
    """Disabled residents: `answers` answers, a quarter dissatisfied, and twice as many invitations
    unanswered; others: `answers` answers, half dissatisfied, every invitation answered."""
    survey = tsm_survey()
    for disabled, dissatisfied, unanswered in (("yes", answers // 4, 2 * answers), ("no", answers // 2, 0)):
        for n in range(answers):
            resident = ResidentFactory()
            EqualityProfileFactory(resident=resident, disability=disabled)
            answer_tp01(survey, resident, "very_dissatisfied" if n < dissatisfied else "very_satisfied")
        for _ in range(unanswered):
            resident = ResidentFactory()
            EqualityProfileFactory(resident=resident, disability=disabled)
            answer_tp01(survey, resident, None, responded=False)
    snapshot = recompute_over_a_year()
    return snapshot, dict(Signal.objects.filter(snapshot=snapshot).values_list("kind", "statement"))


def test_opposite_to_national_and_low_response_signals():
    snapshot, statements = _disabled_answer_less_dissatisfied(60)
    assert statements[SignalKind.OPPOSITE_TO_NATIONAL] == (
        "Disabled residents were less likely than other residents to be dissatisfied with the service overall "
        "(25% against 50%, from 60 answers). Nationally, disabled residents are more often dissatisfied than others."
    )
    assert statements[SignalKind.LOW_RESPONSE] == (
        "Disabled residents answered 33% of the survey invitations sent to them, against 100% for other residents "
        "(180 invitations)."
    )
    low = Signal.objects.get(snapshot=snapshot, kind=SignalKind.LOW_RESPONSE)
    assert (low.metric, low.dimension, low.group, low.region) == ("invitation_response", "disability", "yes", "all")


def test_a_difference_chance_could_give_raises_no_signal():
    """25% against 50% from 20 answers each: the interval of the gap is wide enough to reach zero, so
    the rule's comparison is not clear and no opposite-to-national signal is raised (issue 28)."""
    _snapshot, statements = _disabled_answer_less_dissatisfied(20)
    assert SignalKind.OPPOSITE_TO_NATIONAL not in statements
    assert SignalKind.LOW_RESPONSE in statements  # 33% against 100% of 60 invitations: clear


def test_public_benchmarks_sit_beside_the_matching_figures():
    for value in (0.60, 0.65, 0.72, 0.75, 0.80):  # the Regulator's published TP01 of five landlords
        PublishedMeasureFactory(value=value)
    survey = tsm_survey()
    for n in range(30):
        resident = ResidentFactory()
        EqualityProfileFactory(resident=resident, disability="no", ethnicity="white_british")
        answer_tp01(survey, resident, "very_satisfied" if n < 20 else "very_dissatisfied")
    snapshot = recompute_over_a_year()
    everyone = figure(snapshot, "tp01_satisfied", group="all")
    assert everyone.benchmark_rate == 0.72  # the median of the five
    assert everyone.benchmark_source == (
        "Regulator of Social Housing, TSM 2025 dataset: median of 5 landlords' TP01, rented homes (LCRA)"
    )
    white = figure(snapshot, "tp01_satisfied", "ethnic_group", "white")
    assert white.benchmark_rate == 0.69
    assert "secondary" in white.benchmark_source
    assert figure(snapshot, "tp01_satisfied", group="no").benchmark_rate is None
    region = figure(snapshot, "tp01_satisfied", "region", "Yorkshire and The Humber")
    assert region.benchmark_rate is None  # the survey gives no figure for that region
