"""How far a TSM survey's respondents are like the tenants it set out to hear (summary of approach,
item e), and weighting by raking where the landlord chooses it (item f).

The relevant population is every current lead tenant of a rented (LCRA) or shared ownership (LCHO)
home, the households a TSM survey invites (surveys.sampling.population); respondents are those who
sent answers from such a home. Each is described by the characteristics the landlord holds
(WeightingCharacteristic): age band, ethnic group, disability, region and tenure. "Not asked yet"
and "prefer not to say" are groups of their own: a silence is shown, never dropped.

For each characteristic a chi-square goodness-of-fit test compares the respondents' groups with
the population's shares. Groups where fewer than five respondents are expected are pooled for the
test (the test is unreliable below that); the published table shows groups only where the
disclosure rule allows (surveys.tenant_results.publishable_groups).
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from scipy.stats import chisquare

from engagement.equality import NOT_ASKED, AgeBand, EthnicGroup, age_band_expression, ethnic_group
from engagement.equality import Answer as EqualityAnswer
from engagement.models import SchemeType
from surveys import small_numbers
from surveys.choices import TSM_TENURES, Tenure
from surveys.models import Response, WeightingCharacteristic
from surveys.sampling import population

SIGNIFICANCE = 0.05
FEWEST_EXPECTED = 5
RAKING_ROUNDS = 200
RAKING_TOLERANCE = 1e-9

LABELS = {
    WeightingCharacteristic.AGE_BAND: dict(AgeBand.choices),
    WeightingCharacteristic.ETHNIC_GROUP: dict(EthnicGroup.choices),
    WeightingCharacteristic.DISABILITY: dict(EqualityAnswer.choices),
    WeightingCharacteristic.TENURE: {Tenure.LCRA: Tenure.LCRA.label, Tenure.LCHO: Tenure.LCHO.label},
}


def _rows(queryset, path, day, tenure):
    """Characteristics as group codes, read in one query: the age band by the SQL rule every count
    uses (engagement.equality.age_band_expression), a region by its name."""
    rows = queryset.annotate(band=age_band_expression(path, day)).values_list(
        "pk", "band", f"{path}equality__ethnicity", f"{path}equality__disability",
        f"{path}household__home__region__name", tenure,
    )  # fmt: skip
    return [
        {
            "key": pk,
            WeightingCharacteristic.AGE_BAND: band,
            WeightingCharacteristic.ETHNIC_GROUP: ethnic_group(ethnicity) if ethnicity else NOT_ASKED,
            WeightingCharacteristic.DISABILITY: disability or NOT_ASKED,
            WeightingCharacteristic.REGION: region,
            WeightingCharacteristic.TENURE: Tenure.LCHO
            if kind in (SchemeType.SHARED_OWNERSHIP, Tenure.LCHO)
            else Tenure.LCRA,
        }
        for pk, band, ethnicity, disability, region, kind in rows
    ]


def frames(survey, day):
    """(population, respondents): one row per lead tenant household of the relevant population, and
    one per response sent from a rented or shared ownership home (its tenure as recorded when it
    was sent), each with its characteristics."""
    columns = WeightingCharacteristic.values
    people = pd.DataFrame(_rows(population(survey), "", day, "household__home__scheme_type"), columns=["key", *columns])
    responses = Response.objects.filter(survey=survey, submitted_at__isnull=False, tenure__in=TSM_TENURES)
    answered = pd.DataFrame(_rows(responses, "resident__", day, "tenure"), columns=["key", *columns])
    return people.rename(columns={"key": "resident"}), answered.rename(columns={"key": "response"})


@dataclass
class Assessment:
    characteristic: str
    label: str
    groups: list  # as published: {"name", "population", "respondents", "expected"}, merged small groups last
    respondents: int
    statistic: float | None
    degrees_of_freedom: int
    p_value: float | None

    @property
    def differs(self):
        return self.p_value is not None and self.p_value < SIGNIFICANCE


def group_name(characteristic, code):
    return str(LABELS.get(characteristic, {}).get(code, code))


def _unsafe(row):
    return small_numbers.small_share(row["respondents"], row["population"])


def assess(people, respondents, characteristic):
    """Respondents against the population's shares on one characteristic, with the test.

    The groups are first merged as they will be published (small_numbers.merge_small_groups), and the
    test is run on those, so the statistic tells nobody more than the table does."""
    counts = pd.DataFrame(
        {
            "population": people[characteristic].value_counts(),
            "respondents": respondents[characteristic].value_counts(),
        }
    ).fillna(0)
    counts = counts[counts["population"] > 0].astype(int).sort_values("population", ascending=False)
    rows = [
        {
            "name": group_name(characteristic, code),
            "population": int(row.population),
            "respondents": int(row.respondents),
        }
        for code, row in counts.iterrows()
    ]
    groups = small_numbers.merge_small_groups(rows, _unsafe, str(_("Smaller groups together"))) if rows else []
    answered = sum(row["respondents"] for row in groups)
    everyone = sum(row["population"] for row in groups)
    for row in groups:
        row["expected"] = answered * row["population"] / everyone if everyone else 0.0
        row["population_share"] = row["population"] / everyone if everyone else None
        row["respondent_share"] = row["respondents"] / answered if answered else None
    statistic = p_value = None
    dof = 0
    observed = [row["respondents"] for row in groups]
    expected = [row["expected"] for row in groups]
    # Pool the cells where fewer than five answers are expected (smallest first) until none is left.
    cells = sorted(zip(expected, observed, strict=True), reverse=True)
    while len(cells) > 1 and cells[-1][0] < FEWEST_EXPECTED:
        (e1, o1), (e2, o2) = cells.pop(), cells.pop()
        cells.append((e1 + e2, o1 + o2))
        cells.sort(reverse=True)
    if answered and len(cells) > 1:
        result = chisquare([o for _e, o in cells], [e for e, _o in cells])
        statistic, p_value, dof = float(result.statistic), float(result.pvalue), len(cells) - 1
    label = str(WeightingCharacteristic(characteristic).label)
    return Assessment(characteristic, label, groups, answered, statistic, dof, p_value)


def assessments(people, respondents):
    return [assess(people, respondents, characteristic) for characteristic in WeightingCharacteristic.values]


@dataclass
class Weights:
    characteristics: list
    weights: pd.Series  # by response pk, averaging 1
    rounds: int
    converged: bool
    dropped: dict = field(default_factory=dict)  # characteristic -> population groups no respondent is in

    @property
    def effective_sample_size(self):
        w = self.weights.to_numpy(float)
        return float(w.sum() ** 2 / (w**2).sum()) if len(w) else 0.0


def rake(people, respondents, characteristics):
    """Weights for the respondents so that, characteristic by characteristic, their weighted shares
    match the population's (raking, iterative proportional fitting). A population group with no
    respondent cannot be matched: it is left out and the other groups' shares are scaled up."""
    n = len(respondents)
    weights = np.ones(n)
    targets, dropped = {}, {}
    for characteristic in characteristics:
        shares = people[characteristic].value_counts(normalize=True)
        present = shares[shares.index.isin(respondents[characteristic].unique())]
        dropped[characteristic] = sorted(set(shares.index) - set(present.index))
        targets[characteristic] = present / present.sum() * n if len(present) else present
    rounds, converged = 0, n == 0
    while not converged and rounds < RAKING_ROUNDS:
        rounds += 1
        before = weights.copy()
        for characteristic in characteristics:
            codes = respondents[characteristic].to_numpy()
            totals = pd.Series(weights).groupby(codes).sum()
            factor = (targets[characteristic] / totals).reindex(codes).fillna(1.0).to_numpy()
            weights = weights * factor
        converged = float(np.abs(weights - before).max()) < RAKING_TOLERANCE
    series = pd.Series(weights / weights.mean() if n else weights, index=respondents["response"].to_numpy())
    return Weights(list(characteristics), series, rounds, converged, dropped)
