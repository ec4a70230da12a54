"""The representation review's figures in the snapshot: residents, panel members and people who
took part, by each of its equality questions (the dashboards' own figures, counted once).

The review shows shares of known answers, which give away how many answered and so how many did
not: each question's "known" and "missing" answers are wholes made of its groups, stored as figures
in the dimension `answered(question)`, and declared to disclosure control as lines (`LINKS`), as a
deprivation fifth is made of two tenths.
"""

import pandas as pd

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY
from engagement.models import DIMENSIONS as QUESTIONS
from engagement.selectors.equality import GROUPED_QUESTIONS
from inequities import families, metrics
from inequities.dimensions import answered

METRICS = tuple(m.key for m in families.POPULATION.metrics + families.REPRESENTATION_ON_PANELS.metrics)
MISSING_ANSWERS = (PREFER_NOT_TO_SAY, NOT_ASKED)
LINKS = [
    (
        answered(question),
        question,
        {
            "known": [code for code in GROUPED_QUESTIONS[question].values if code not in MISSING_ANSWERS],
            "missing": list(MISSING_ANSWERS),
        },
    )
    for question, _label in QUESTIONS
]


def wholes(figures):
    """For each of the review's questions, metrics and regions: those who answered ("known"), those who
    did not ("missing"), and everyone, as figures in the dimension answered(question)."""
    review = figures[figures["metric"].isin(METRICS) & (figures["group"] != metrics.ALL)]
    if review.empty:
        return figures.iloc[0:0]
    frames = []
    for whole, question, parts in LINKS:
        rows = review[review["dimension"] == question]
        total = rows.groupby(["metric", "region"], as_index=False)["numerator"].sum()
        for name, groups in [*parts.items(), (metrics.ALL, None)]:
            chosen = rows if groups is None else rows[rows["group"].isin(groups)]
            counted = chosen.groupby(["metric", "region"], as_index=False)["numerator"].sum()
            counted = counted.merge(total.rename(columns={"numerator": "denominator"}), on=["metric", "region"])
            frames.append(counted.assign(dimension=whole, group=name))
    found = pd.concat(frames, ignore_index=True)
    return found.assign(rate=found["numerator"] / found["denominator"].where(found["denominator"] > 0), unit="share")
