"""The equality categories we ask about, in the words of the ONS 2021 Census for England and Wales.

"Prefer not to say" is an answer. "Not asked" is a silence. They are kept apart everywhere.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = "prefer_not_to_say"
NOT_ASKED = "not_asked"


class Ethnicity(models.TextChoices):
    ASIAN_BANGLADESHI = "asian_bangladeshi", _("Asian or Asian British: Bangladeshi")
    ASIAN_CHINESE = "asian_chinese", _("Asian or Asian British: Chinese")
    ASIAN_INDIAN = "asian_indian", _("Asian or Asian British: Indian")
    ASIAN_PAKISTANI = "asian_pakistani", _("Asian or Asian British: Pakistani")
    ASIAN_OTHER = "asian_other", _("Asian or Asian British: any other Asian background")
    BLACK_AFRICAN = "black_african", _("Black, Black British, Caribbean or African: African")
    BLACK_CARIBBEAN = "black_caribbean", _("Black, Black British, Caribbean or African: Caribbean")
    BLACK_OTHER = "black_other", _("Black, Black British, Caribbean or African: any other Black background")
    MIXED_WHITE_ASIAN = "mixed_white_asian", _("Mixed or multiple ethnic groups: White and Asian")
    MIXED_WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or multiple ethnic groups: White and Black African"),
    )
    MIXED_WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or multiple ethnic groups: White and Black Caribbean"),
    )
    MIXED_OTHER = "mixed_other", _("Mixed or multiple ethnic groups: any other mixed background")
    WHITE_BRITISH = "white_british", _("White: English, Welsh, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("White: Irish")
    WHITE_GYPSY_TRAVELLER = "white_gypsy_traveller", _("White: Gypsy or Irish Traveller")
    WHITE_ROMA = "white_roma", _("White: Roma")
    WHITE_OTHER = "white_other", _("White: any other White background")
    OTHER_ARAB = "other_arab", _("Other ethnic group: Arab")
    OTHER_ANY = "other_any", _("Other ethnic group: any other ethnic group")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


class EthnicGroup(models.TextChoices):
    """The five high-level groups used for analysis, plus the two kinds of missing answer."""

    ASIAN = "asian", _("Asian or Asian British")
    BLACK = "black", _("Black, Black British, Caribbean or African")
    MIXED = "mixed", _("Mixed or multiple ethnic groups")
    WHITE = "white", _("White")
    OTHER = "other", _("Other ethnic group")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


def ethnic_group(ethnicity):
    """The high-level group for a detailed ONS category (its prefix), keeping the missing kinds apart."""
    if ethnicity in (PREFER_NOT_TO_SAY, NOT_ASKED):
        return ethnicity
    return ethnicity.split("_", 1)[0]


class Answer(models.TextChoices):
    """A yes/no equality question that can also be declined or not yet asked."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


class GenderIdentity(models.TextChoices):
    """ONS 2021: is the gender you identify with the same as your sex registered at birth?"""

    SAME = "same", _("Yes, the same as the sex registered at birth")
    DIFFERENT = "different", _("No, different from the sex registered at birth")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", _("Straight or heterosexual")
    GAY_OR_LESBIAN = "gay_or_lesbian", _("Gay or lesbian")
    BISEXUAL = "bisexual", _("Bisexual")
    OTHER = "other", _("Another sexual orientation")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


class Religion(models.TextChoices):
    NONE = "none", _("No religion")
    CHRISTIAN = "christian", _("Christian")
    BUDDHIST = "buddhist", _("Buddhist")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Any other religion or belief")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


class AgeBand(models.TextChoices):
    """Derived from the date of birth; never stored."""

    UNDER_25 = "18_24", _("18 to 24")
    FROM_25 = "25_34", _("25 to 34")
    FROM_35 = "35_44", _("35 to 44")
    FROM_45 = "45_54", _("45 to 54")
    FROM_55 = "55_64", _("55 to 64")
    FROM_65 = "65_74", _("65 to 74")
    FROM_75 = "75_plus", _("75 and over")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_ASKED_YET = NOT_ASKED, _("Not asked yet")


# (lowest age in the band, band), oldest first.
AGE_BAND_FLOORS = [
    (75, AgeBand.FROM_75),
    (65, AgeBand.FROM_65),
    (55, AgeBand.FROM_55),
    (45, AgeBand.FROM_45),
    (35, AgeBand.FROM_35),
    (25, AgeBand.FROM_25),
    (0, AgeBand.UNDER_25),
]


def age_band(age, declined=False):
    """The band for an age in years; with no date of birth, "prefer not to say" or "not asked"."""
    if age is None:
        return AgeBand(PREFER_NOT_TO_SAY if declined else NOT_ASKED)
    return next(band for floor, band in AGE_BAND_FLOORS if age >= floor)


def age_band_expression(path, today):
    """`age_band` as SQL, so residents are grouped by age band in the database: born after (today
    minus N years) means younger than N. `path` leads from the queryset's model to a Resident ("" for
    residents, "response__resident__" for survey answers); the one expression every count uses."""
    born = f"{path}date_of_birth"
    whens = [
        models.When(
            **{f"{born}__isnull": True, f"{path}equality__age_declined": True}, then=models.Value(PREFER_NOT_TO_SAY)
        ),
        models.When(**{f"{born}__isnull": True}, then=models.Value(NOT_ASKED)),
    ]
    # Pairs of (a band's lowest age, the band just younger), youngest first.
    pairs = list(zip(AGE_BAND_FLOORS, AGE_BAND_FLOORS[1:], strict=False))
    for (floor, _older), (_next, younger) in reversed(pairs):
        whens.append(models.When(**{f"{born}__gt": years_before(today, floor)}, then=models.Value(younger.value)))
    return models.Case(*whens, default=models.Value(AGE_BAND_FLOORS[0][1].value), output_field=models.CharField())


class ConsentMethod(models.TextChoices):
    """How the purpose of the equality questions was explained before they were answered."""

    IN_PERSON = "in_person", _("Explained in person")
    PHONE = "phone", _("Explained on the phone")
    INTERPRETER = "interpreter", _("Explained through an interpreter")
    ONLINE = "online", _("Read the explanation online and answered themselves")
    PAPER = "paper", _("Read the explanation on a paper form")


# Each question on the equality profile: field name -> its choices. Used by the form, the
# resident page and the counting selector, so a new question is added in one place.
QUESTIONS = {
    "ethnicity": Ethnicity,
    "disability": Answer,
    "sex": Sex,
    "gender_identity": GenderIdentity,
    "sexual_orientation": SexualOrientation,
    "religion": Religion,
    "interpreter_needed": Answer,
}


def years_before(day, years):
    """The same day `years` earlier (28 February for 29 February in a year that has none)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
