from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import name_of
from engagement.equality import (
    NOT_ASKED,
    PREFER_NOT_TO_SAY,
    Answer,
    ConsentMethod,
    Ethnicity,
    GenderIdentity,
    Religion,
    Sex,
    SexualOrientation,
    age_band,
)


class EqualityProfile(models.Model):
    """Special-category data about one resident. Seeing it needs a permission; every read is audited.

    Every answer starts as "not asked yet", which is different from "prefer not to say". Answers
    are kept only with a record of consent: when, how the purpose was explained, and by whom.
    """

    resident = models.OneToOneField("engagement.Resident", on_delete=models.CASCADE, related_name="equality")
    ethnicity = models.CharField(max_length=40, choices=Ethnicity.choices, default=NOT_ASKED)
    disability = models.CharField(
        "Disability or long-term condition", max_length=20, choices=Answer.choices, default=NOT_ASKED
    )
    sex = models.CharField(max_length=20, choices=Sex.choices, default=NOT_ASKED)
    gender_identity = models.CharField(max_length=20, choices=GenderIdentity.choices, default=NOT_ASKED)
    sexual_orientation = models.CharField(max_length=20, choices=SexualOrientation.choices, default=NOT_ASKED)
    religion = models.CharField("Religion or belief", max_length=20, choices=Religion.choices, default=NOT_ASKED)
    # A language code (core.languages: en-gb, cy, pl), "prefer_not_to_say", or blank when not asked yet.
    main_language = models.CharField(max_length=60, blank=True, help_text="Blank when not asked yet.")
    interpreter_needed = models.CharField(max_length=20, choices=Answer.choices, default=NOT_ASKED)
    # The date of birth lives on the resident; this says they chose not to give it.
    age_declined = models.BooleanField(_("Prefers not to give their age"), default=False)

    consent_given_on = models.DateField(_("Date consent was given"), null=True, blank=True)
    consent_method = models.CharField(
        _("How the purpose was explained"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    consent_explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Explained by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Blank when the resident read the explanation and answered themselves."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        permissions = [
            ("view_special_category", "Can see special-category equality data (every read is audited)"),
            ("answer_own_equality_questions", "Can give or change their own equality answers from their account"),
        ]

    def __str__(self):
        return f"Equality profile of {self.resident}"

    @property
    def main_language_name(self):
        """The main language in words (it is stored as a code); blank when not asked."""
        if self.main_language == PREFER_NOT_TO_SAY:
            return _("Prefer not to say")
        return name_of(self.main_language) if self.main_language else ""

    @property
    def has_consent(self):
        return self.consent_given_on is not None

    def age_band(self, today=None):
        age = self.resident.age if today is None else self.resident.age_on(today)
        return age_band(age, declined=self.age_declined)
