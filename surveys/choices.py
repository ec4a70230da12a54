"""The fixed vocabularies surveys use: question kinds, answer scales and response modes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

DONT_KNOW = "dont_know"


class SurveyKind(models.TextChoices):
    TSM = "tsm", _("Tenant Satisfaction Measures perception survey")
    TRANSACTIONAL = "transactional", _("Transactional survey after a repair")
    PULSE = "pulse", _("Pulse survey (about 5 minutes, one focus)")
    CONSULTATION = "consultation", _("Consultation")


class QuestionKind(models.TextChoices):
    SATISFACTION = "satisfaction", _("Five-point satisfaction scale")
    AGREEMENT = "agreement", _("Five-point agreement scale")
    YES_NO = "yes_no", _("Yes or no")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    FREE_TEXT = "free_text", _("Free text")
    NUMBER = "number", _("Number")


# The fixed scales, best first. Labels are English here; a survey stores its own (translatable) copy.
SATISFACTION_SCALE = [
    ["very_satisfied", "Very satisfied"],
    ["fairly_satisfied", "Fairly satisfied"],
    ["neither", "Neither satisfied nor dissatisfied"],
    ["fairly_dissatisfied", "Fairly dissatisfied"],
    ["very_dissatisfied", "Very dissatisfied"],
]
AGREEMENT_SCALE = [
    ["strongly_agree", "Strongly agree"],
    ["agree", "Agree"],
    ["neither", "Neither agree nor disagree"],
    ["disagree", "Disagree"],
    ["strongly_disagree", "Strongly disagree"],
]
YES_NO = [["yes", "Yes"], ["no", "No"]]
FIXED_CHOICES = {
    QuestionKind.SATISFACTION: SATISFACTION_SCALE,
    QuestionKind.AGREEMENT: AGREEMENT_SCALE,
    QuestionKind.YES_NO: YES_NO,
}
DONT_KNOW_LABEL = "Don't know / not applicable"

# For the TSM: which scale values count as satisfied (top two), neither, dissatisfied (bottom two).
SCALE_GROUPS = {
    "very_satisfied": "satisfied",
    "fairly_satisfied": "satisfied",
    "strongly_agree": "satisfied",
    "agree": "satisfied",
    "neither": "neither",
    "fairly_dissatisfied": "dissatisfied",
    "very_dissatisfied": "dissatisfied",
    "disagree": "dissatisfied",
    "strongly_disagree": "dissatisfied",
}


class AskedOf(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    RENTED = "rented", _("Tenants of rented homes (LCRA) only")
    COMMUNAL_AREAS = "communal_areas", _("Residents whose home has landlord-maintained communal areas")


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")
    PHONE = "phone", _("Phone")
    PHONE_INTERPRETER = "phone_interpreter", _("Phone with an interpreter")
    IN_PERSON = "in_person", _("In person")
    BSL = "bsl", _("British Sign Language")


STAFF_MODES = [choice for choice in Mode.choices if choice[0] != Mode.ONLINE]


class Tenure(models.TextChoices):
    LCRA = "LCRA", _("Rented homes (LCRA)")
    LCHO = "LCHO", _("Shared ownership (LCHO)")
    # The Regulator's measures cover low cost rental and low cost home ownership only.
    LEASEHOLD = "LH", _("Leasehold (outside the TSM)")


TSM_TENURES = (Tenure.LCRA, Tenure.LCHO)


def tenure_of(home):
    if home.is_low_cost_home_ownership:
        return Tenure.LCHO
    return Tenure.LEASEHOLD if home.is_leasehold else Tenure.LCRA
