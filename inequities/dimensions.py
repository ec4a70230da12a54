"""The characteristics residents are grouped by, as SQL expressions, so grouping happens in the
database. "Prefer not to say" and "not asked yet" are groups of their own in every dimension.

Each expression is built relative to `path`, the lookup from the queryset's model to a Resident
("" for a Resident queryset, "response__resident__" for survey answers, and so on). The home's own
characteristics (type, region, deprivation) are read from the resident's home, or, for facts that
belong to a home (a building-safety check, say), from `home`, the lookup to the Home itself: an
empty home has no resident, but still its type, region and deprivation.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, OuterRef, Value, When
from django.db.models.functions import Cast, Coalesce

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, age_band_expression

NOT_RECORDED = "not_recorded"


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    build: object  # function(path, today) -> expression
    # A dimension whose groups are unions of another's: (that dimension's key, {group: its groups}).
    # Disclosure control needs it: a reader can subtract a shown part from its shown whole.
    made_of: tuple | None = None
    of_home: bool = False  # a characteristic of the home: built from `home` where one is given

    def expression(self, path="", today=None, home=None):
        if self.of_home:
            return self.build(_home_path(path, home))
        return self.build(path, today)


def _answer(field):
    def build(path, today):
        return Coalesce(f"{path}equality__{field}", Value(NOT_ASKED), output_field=CharField())

    return build


def _ethnic_group(path, today):
    field = f"{path}equality__ethnicity"
    whens = [
        When(**{f"{field}__startswith": f"{group}_"}, then=Value(group))
        for group in ("asian", "black", "mixed", "white", "other")
    ]
    whens.append(When(**{field: PREFER_NOT_TO_SAY}, then=Value(PREFER_NOT_TO_SAY)))
    return Case(*whens, default=Value(NOT_ASKED), output_field=CharField())


def _no_internet(path, today):
    field = f"{path}communication_preference__no_internet"
    return Case(
        When(**{field: True}, then=Value("no_internet")),
        When(**{field: False}, then=Value("has_internet")),
        default=Value(NOT_RECORDED),
        output_field=CharField(),
    )


def _support_need(path, today):
    from engagement.models import SupportNeed

    resident = f"{path}pk" if path else "pk"
    current = SupportNeed.objects.filter(resident=OuterRef(resident), ended_on__isnull=True)
    return Case(When(Exists(current), then=Value("yes")), default=Value("no"), output_field=CharField())


def _home_path(path, home=None):
    """The lookup to the Home: `home` where given, else the resident's (`path`) home."""
    return f"{path}household__home__" if home is None else home


def _home(field, default=NOT_RECORDED):
    def build(home):
        return Coalesce(Cast(f"{home}{field}", CharField()), Value(default), output_field=CharField())

    return build


def _imd_quintile(home):
    decile = f"{home}imd_decile"
    whens = [When(**{f"{decile}__in": (2 * q - 1, 2 * q)}, then=Value(str(q))) for q in range(1, 6)]
    return Case(*whens, default=Value(NOT_RECORDED), output_field=CharField())


DIMENSIONS = [
    Dimension("ethnic_group", "Ethnic group", _ethnic_group),
    Dimension("disability", "Disability or long-term condition", _answer("disability")),
    Dimension("age_band", "Age", age_band_expression),
    Dimension("sex", "Sex", _answer("sex")),
    Dimension("interpreter_needed", "Needs an interpreter", _answer("interpreter_needed")),
    Dimension("no_internet", "Internet access", _no_internet),
    Dimension("support_need", "Has a recorded support need", _support_need),
    Dimension("scheme_type", "Type of home", _home("scheme_type"), of_home=True),
    Dimension("region", "Region", _home("region__name"), of_home=True),
    Dimension("imd_decile", "Deprivation tenth (1 = most deprived)", _home("imd_decile"), of_home=True),
    Dimension(
        "imd_quintile",
        "Deprivation fifth (1 = most deprived)",
        _imd_quintile,
        made_of=(
            "imd_decile",
            {**{str(q): (str(2 * q - 1), str(2 * q)) for q in range(1, 6)}, NOT_RECORDED: (NOT_RECORDED,)},
        ),
        of_home=True,
    ),
]
DIMENSIONS_BY_KEY = {d.key: d for d in DIMENSIONS}

# Equality questions only the representation review shows (engagement.models.DIMENSIONS): special
# category, so they group residents, panel members and participants in the snapshot and nothing
# else, and no dashboard, dashboard CSV or figures export publishes them (see published()).
REVIEW_ONLY = [
    Dimension("gender_identity", "Gender identity", _answer("gender_identity")),
    Dimension("sexual_orientation", "Sexual orientation", _answer("sexual_orientation")),
    Dimension("religion", "Religion or belief", _answer("religion")),
]
ANSWERED = ":answered"  # the review's wholes of a question: those who answered ("known") and not ("missing")


def answered(dimension):
    """The review's dimension of wholes for an equality question: "known" and "missing"."""
    return dimension + ANSWERED


REVIEW_ONLY_KEYS = [d.key for d in REVIEW_ONLY]


def published(dimension):
    """Whether the dashboards, their CSVs and the figures export may show this dimension's figures:
    not the review's own questions, nor its wholes (only that page shows them, with its permission)."""
    return dimension not in REVIEW_ONLY_KEYS and not dimension.endswith(ANSWERED)


def region_expression(path="", home=None):
    return Coalesce(f"{_home_path(path, home)}region__name", Value(NOT_RECORDED), output_field=CharField())
