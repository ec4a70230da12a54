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
