import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from inequities.models import Snapshot
from tests.engagement.factories import EqualityProfileFactory, ResidentFactory
from tests.figures import recompute_over_a_year
from tests.inequities.test_recompute import TODAY, landlord  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
REQUIRED = (
    "metric, dimension, group, region, numerator, denominator, rate, ci_low, ci_high, comparison_rate, gap_pp, "
    "significant, benchmark_rate, benchmark_source, suppressed"
).split(", ")


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_has_the_agreed_columns_and_one_row_per_figure(client, personas, landlord):  # noqa: F811
    snapshot = recompute_over_a_year(today=TODAY)
    client.force_login(personas["insight_analyst"])
    response = client.get(reverse("inequities:figures_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    assert set(REQUIRED) <= set(text.splitlines()[0].split(","))
    exported = rows(text)
    # Every figure but the representation review's own special-category questions and their wholes,
    # which only that page shows (with its permission): those are in the snapshot, not in the file.
    review_only = snapshot.figures.filter(dimension__in=["gender_identity", "sexual_orientation", "religion"])
    wholes = snapshot.figures.filter(dimension__endswith=":answered")
    assert review_only.exists() and wholes.exists()
    assert len(exported) == snapshot.figures.count() - review_only.count() - wholes.count()
    assert not [r for r in exported if r["dimension"] in ("gender_identity", "sexual_orientation", "religion")]
    assert not [r for r in exported if r["dimension"].endswith(":answered")]
    disabled = next(
        r
        for r in exported
        if (r["metric"], r["dimension"], r["group"], r["region"]) == ("tp01_dissatisfied", "disability", "yes", "all")
    )
    # 12 of 30, published rounded to a multiple of 5 (issue 28): the export's numbers are the
    # snapshot's, the rate worked out from the rounded counts.
    stored = snapshot.figures.get(metric="tp01_dissatisfied", dimension="disability", group="yes", region="all")
    assert stored.numerator in (10, 15) and stored.denominator == 30
    assert (disabled["numerator"], disabled["denominator"]) == (f"{stored.numerator:g}", "30")
    assert float(disabled["rate"]) == pytest.approx(stored.numerator / 30)
    assert disabled["suppressed"] == "false"


def test_suppressed_rows_keep_their_labels_and_blank_their_numbers(client, personas, landlord):  # noqa: F811
    for _ in range(2):
        EqualityProfileFactory(resident=ResidentFactory(), disability="prefer_not_to_say")
    recompute_over_a_year(today=TODAY)
    client.force_login(personas["insight_analyst"])
    exported = rows(client.get(reverse("inequities:figures_csv")).content.decode())
    hidden = [r for r in exported if r["suppressed"] == "true" and not r["band"]]
    assert hidden
    for row in hidden:
        assert [row[c] for c in ("numerator", "denominator", "rate", "ci_low", "ci_high", "gap_pp")] == [""] * 6
    # 2 of the residents said "prefer not to say": a share of 1 to 7, shown as a band with its
    # rounded total, and never its count or its rate.
    banded = next(
        r
        for r in exported
        if (r["metric"], r["dimension"], r["group"], r["region"])
        == ("residents", "disability", "prefer_not_to_say", "all")
    )
    assert banded["suppressed"] == "true" and banded["band"] == "fewer"
    assert banded["numerator"] == banded["rate"] == ""
    assert int(banded["denominator"]) % 5 == 0
    assert banded["ci_low"] == banded["ci_high"] == ""  # residents are counted, not sampled: no interval


def test_the_command_writes_the_same_file_as_the_page(client, personas, landlord, tmp_path):  # noqa: F811
    recompute_over_a_year(today=TODAY)
    path = tmp_path / "figures.csv"
    call_command("export_inequities", str(path), stdout=io.StringIO())
    client.force_login(personas["insight_analyst"])
    assert path.read_bytes() == client.get(reverse("inequities:figures_csv")).content


def test_the_command_says_what_to_do_when_there_are_no_figures(tmp_path):
    with pytest.raises(Exception, match="Run `python manage.py recompute_inequities` first"):
        call_command("export_inequities", str(tmp_path / "x.csv"))


def test_an_analyst_can_ask_for_a_recompute(client, personas, tasks_in_process):
    client.force_login(personas["insight_analyst"])
    response = client.post(reverse("inequities:recompute"))
    assert response.status_code == 302
    assert Snapshot.objects.count() == 1
    assert client.get(reverse("inequities:recompute")).status_code == 405
