"""The demo has a year before this one (last year's TSM round and its snapshot), so the trends page
shows real figures for both years, including the management-information measures by group, and the
tenant page and the return to the Regulator have a closed year to show.

Building-safety checks are held as each home's latest check (repairs.models.ComplianceCheck), so a
year gone by recomputed now counts only the checks still on record: the demo's year before has too
few homes with a check not done by then to show BS01-BS05 (the disclosure control hides them), and
its trend starts this year."""

import pytest

from inequities import trends
from inequities.dashboards import trends as trend_page
from surveys import tenant_results, tsm_return

pytestmark = pytest.mark.django_db


def test_trends_show_two_reporting_years_with_a_change(demo_landlord):
    assert "Last year's TSM round:" in demo_landlord
    assert len(trends.reporting_years()) == 2
    for metric in ("tp01_satisfied", "rp02_non_emergency", "rp01_non_decent"):
        years = trend_page.trend(metric, "disability", "proportion").tables[0]
        assert [row.cells[2].endswith("%") for row in years.rows] == [True, True], metric
        assert years.rows[1].cells[5].endswith(("higher", "lower", "no difference")), (metric, years.rows[1].cells)
    cases = trend_page.trend("nm01_asb_cases_per_1000", "disability", "per_1000").tables[0]
    assert len(cases.rows) == 2 and all(row.cells[2] not in ("", "–") for row in cases.rows)


def test_the_tenant_page_and_the_return_have_last_years_figures(demo_landlord):
    """This year's round is still open: the tenant page publishes last year's, closed, round, and the
    return for that year has its perception and management-information fields."""
    survey, previous = tenant_results.latest_and_previous()
    assert previous is None and survey.closed_at is not None
    tp01 = next(r for r in tenant_results.perception_rows(survey) if r["now"].measure == "TP01")
    assert tp01["now"].valid_responses > 0 and tp01["now"].satisfied_rate is not None
    filled = {
        (v.field.table, v.field.our_field): v.value
        for v in tsm_return.values(tsm_return.year_of(survey.closed_at.date()))
        if v.value is not None
    }
    assert any(our_field.startswith("TP01") for _table, our_field in filled)
    assert any(table == "management" and our_field.startswith("RP01") for table, our_field in filled)
