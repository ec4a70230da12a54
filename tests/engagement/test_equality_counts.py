"""The query other features use to count equality answers per group."""

from datetime import date

import pytest

from engagement.selectors.equality import equality_answer_counts
from tests.engagement.factories import EqualityProfileFactory, ResidentFactory


def _counts(question, **kwargs):
    return {code: count for code, _label, count in equality_answer_counts(question, **kwargs)}


def test_prefer_not_to_say_and_not_asked_are_counted_separately(db):
    EqualityProfileFactory.create_batch(2, religion="prefer_not_to_say")
    EqualityProfileFactory(religion="not_asked")
    ResidentFactory.create_batch(2)  # never asked at all: no profile
    EqualityProfileFactory.create_batch(3, religion="muslim")
    EqualityProfileFactory(religion="none")

    counts = _counts("religion")

    assert counts["prefer_not_to_say"] == 2
    assert counts["not_asked"] == 3
    assert counts["muslim"] == 3
    assert counts["none"] == 1
    assert counts["christian"] == 0
    assert sum(counts.values()) == 9


def test_ethnicity_is_grouped_into_the_five_ons_groups_with_both_silences_apart(db):
    EqualityProfileFactory(ethnicity="black_african")
    EqualityProfileFactory(ethnicity="black_caribbean")
    EqualityProfileFactory(ethnicity="mixed_white_asian")
    EqualityProfileFactory(ethnicity="white_roma")
    EqualityProfileFactory(ethnicity="prefer_not_to_say")
    ResidentFactory()

    assert equality_answer_counts("ethnic_group") == [
        ("asian", "Asian or Asian British", 0),
        ("black", "Black, Black British, Caribbean or African", 2),
        ("mixed", "Mixed or multiple ethnic groups", 1),
        ("white", "White", 1),
        ("other", "Other ethnic group", 0),
        ("prefer_not_to_say", "Prefer not to say", 1),
        ("not_asked", "Not asked yet", 1),
    ]


def test_age_bands_come_from_the_date_of_birth(db):
    today = date(2026, 3, 1)
    ResidentFactory(date_of_birth=date(2001, 3, 2))  # 24 tomorrow: 18 to 24
    ResidentFactory(date_of_birth=date(2001, 3, 1))  # 25 today: 25 to 34
    ResidentFactory(date_of_birth=date(1951, 3, 1))  # 75 today: 75 and over
    ResidentFactory(date_of_birth=date(1951, 3, 2))  # 74: 65 to 74
    ResidentFactory(date_of_birth=None)
    EqualityProfileFactory(resident=ResidentFactory(date_of_birth=None), age_declined=True)

    counts = _counts("age_band", today=today)

    assert (counts["18_24"], counts["25_34"], counts["65_74"], counts["75_plus"]) == (1, 1, 1, 1)
    assert (counts["prefer_not_to_say"], counts["not_asked"]) == (1, 1)


def test_the_count_can_be_narrowed_to_some_residents(db):
    counted = EqualityProfileFactory(disability="yes").resident
    EqualityProfileFactory(disability="yes")
    residents = type(counted).objects.filter(pk=counted.pk)
    assert _counts("disability", residents=residents)["yes"] == 1


def test_an_unknown_question_is_refused(db):
    with pytest.raises(ValueError, match="Unknown equality question 'shoe_size'"):
        equality_answer_counts("shoe_size")
