"""What a survey asks: the survey, its versions, and each version's questions in order."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned
from core.validators import validate_single_line
from surveys.choices import DONT_KNOW, DONT_KNOW_LABEL, FIXED_CHOICES, AskedOf, QuestionKind, SurveyKind


def _in_language(obj, field, language):
    """The text in `language`, or the English text when that translation is missing or blank."""
    if language and not language.startswith("en"):
        translated = (obj.translations.get(language) or {}).get(field) or ""
        if translated.strip():
            return translated
    return getattr(obj, field)


def _with_landlord(text):
    return text.replace("{landlord}", settings.LANDLORD_NAME)


class Survey(models.Model):
    # Email subjects are made from the title: one line only (issue 24, item 7).
    title = models.CharField(max_length=200, validators=[validate_single_line])
    purpose = models.TextField(help_text=_("Shown to respondents: why we ask and what we do with the answers."))
    kind = models.CharField(max_length=20, choices=SurveyKind.choices)
    # {"cy": {"title": "...", "purpose": "..."}}; any missing text falls back to English.
    translations = models.JSONField(default=dict, blank=True)
    minutes_to_complete = models.PositiveSmallIntegerField(default=10)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # When answers may be given. A survey made to receive last year's migrated answers gets last
    # year's dates; an import refuses a row dated outside them. Blank: no limit that side.
    fieldwork_starts_on = models.DateField(_("Fieldwork starts"), null=True, blank=True)
    fieldwork_ends_on = models.DateField(_("Fieldwork ends"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        starts, ends = self.fieldwork_starts_on, self.fieldwork_ends_on
        if starts and ends and ends < starts:
            raise ValidationError({"fieldwork_ends_on": _("Fieldwork must end on or after the day it starts")})

    def answer_date_problem(self, day):
        """Why answers cannot have been given on `day` (in the future, or outside fieldwork), or None."""
        if day > timezone.localdate():
            return _("%(day)s is in the future.") % {"day": f"{day:%d/%m/%Y}"}
        starts, ends = self.fieldwork_starts_on, self.fieldwork_ends_on
        if (starts and day < starts) or (ends and day > ends):
            if starts and ends:
                period = f"{starts:%d/%m/%Y} to {ends:%d/%m/%Y}"
            else:
                period = f"from {starts:%d/%m/%Y}" if starts else f"until {ends:%d/%m/%Y}"
            return _("%(day)s is outside the survey's fieldwork dates (%(period)s).") % {
                "day": f"{day:%d/%m/%Y}",
                "period": period,
            }
        return None

    def title_in(self, language):
        return _with_landlord(_in_language(self, "title", language))

    def purpose_in(self, language):
        return _with_landlord(_in_language(self, "purpose", language))

    @property
    def shown_title(self):
        """The English title as staff read it, "{landlord}" filled in."""
        return self.title_in("en")

    @property
    def shown_purpose(self):
        return self.purpose_in("en")

    @property
    def is_open(self):
        return self.closed_at is None and self.current_version is not None

    @property
    def current_version(self):
        """The latest published version: the one new responses answer.

        Uses the versions when a list page prefetched them, so the list runs no query a survey."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("versions")
        if prefetched is not None:
            return max((v for v in prefetched if v.published_at is not None), key=lambda v: v.number, default=None)
        return self.versions.filter(published_at__isnull=False).order_by("-number").first()


class SurveyVersion(models.Model):
    """Published versions never change: an edit makes a new version, and answers stay tied to theirs."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["survey", "number"]
        constraints = [models.UniqueConstraint(fields=["survey", "number"], name="one_version_number_per_survey")]

    def __str__(self):
        return f"{self.survey} (version {self.number})"

    @property
    def is_published(self):
        return self.published_at is not None


class Question(Revisioned):
    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    code = models.CharField(
        max_length=30,
        validators=[RegexValidator(r"^[A-Za-z][A-Za-z0-9_]*$", _("Use letters, digits and underscores."))],
        help_text=_("A short code for exports and contractor files, like TP01."),
    )
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.TextField()
    hint = models.TextField(blank=True)
    # [[value, label], ...] for choice questions; filled from the fixed scale for scale questions.
    choices = models.JSONField(default=list, blank=True)
    offer_dont_know = models.BooleanField(
        default=False, help_text=_("Offer 'don't know / not applicable'. The TSM rules forbid it on some measures.")
    )
    required = models.BooleanField(default=True)
    # Routing: ask only when an earlier question had a given answer, and only of some homes.
    asked_if_code = models.CharField(max_length=30, blank=True)
    asked_if_answer = models.CharField(max_length=60, blank=True)
    asked_of = models.CharField(max_length=20, choices=AskedOf.choices, default=AskedOf.EVERYONE)
    tsm_measure = models.CharField(max_length=4, blank=True, help_text=_("The TSM this question measures, like TP01."))
    # {"cy": {"text": "...", "hint": "...", "choices": {"value": "label"}}}
    translations = models.JSONField(default=dict, blank=True)
    # Easy read (issue 27): the question in short sentences, one a line, for residents who asked for
    # easy read (surveys/easy_read.py); `easy_read_of` is the English question it was written for,
    # so a question changed since shows its easy read as needing a check, as a translation goes fuzzy.
    easy_read = models.TextField(blank=True, default="", db_default="")
    easy_read_of = models.TextField(blank=True, default="", db_default="")

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="one_question_code_per_version"),
        ]

    def __str__(self):
        return f"{self.code}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.kind in FIXED_CHOICES and not self.choices:
            self.choices = [list(choice) for choice in FIXED_CHOICES[self.kind]]
        super().save(*args, **kwargs)

    def text_in(self, language):
        return _with_landlord(_in_language(self, "text", language))

    @property
    def shown_text(self):
        """The English question as staff read it, "{landlord}" filled in."""
        return self.text_in("en")

    def hint_in(self, language):
        return _with_landlord(_in_language(self, "hint", language))

    def choices_in(self, language, *, dont_know=None):
        """[(value, label)] in `language`, each label falling back to English on its own."""
        labels = {}
        if language and not language.startswith("en"):
            labels = (self.translations.get(language) or {}).get("choices") or {}
        shown = [(value, (labels.get(value) or "").strip() or label) for value, label in self.choices]
        if self.offer_dont_know if dont_know is None else dont_know:
            shown.append((DONT_KNOW, (labels.get(DONT_KNOW) or "").strip() or DONT_KNOW_LABEL))
        return shown

    @property
    def has_choices(self):
        return self.kind not in (QuestionKind.FREE_TEXT, QuestionKind.NUMBER)

    def parts(self, value):
        """The values a stored answer holds: several only for multiple choice (joined by ";").
        A written answer is one value, semicolons and all."""
        if not value:
            return []
        if self.kind == QuestionKind.MULTIPLE_CHOICE:
            return [part for part in value.split(";") if part]
        return [value]

    def shown_in(self, value, language):
        """The answer as the respondent saw it: each value's label in `language`, or the text itself."""
        labels = dict(self.choices_in(language, dont_know=True)) if self.has_choices else {}
        return [labels.get(part, part) for part in self.parts(value)]


class SampleMethod(models.TextChoices):
    CENSUS = "census", _("Census: every household was invited")
    RANDOM = "random", _("Random sample")
    STRATIFIED = "stratified", _("Stratified random sample")
    QUOTA = "quota", _("Quota sample")


class WeightingCharacteristic(models.TextChoices):
    """What the results can be weighted by, and the representativeness assessment compares: the
    characteristics the landlord holds for every relevant tenant household (the lead tenant's)."""

    AGE_BAND = "age_band", _("Age band")
    ETHNIC_GROUP = "ethnic_group", _("Ethnic group")
    DISABILITY = "disability", _("Disability")
    REGION = "region", _("Region")
    TENURE = "tenure", _("Tenure")


def _no_characteristics():
    return []


class SurveyApproach(Revisioned):
    """How a TSM survey was run: the summary the Regulator asks landlords to publish beside results
    (Survey Requirements, paragraph 35, items a-k).

    Dates, sample size, modes and the representativeness assessment are counted from the survey's
    own invitations and responses; these are the facts only people know."""

    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="approach")
    sample_method = models.CharField(max_length=20, choices=SampleMethod.choices, default=SampleMethod.CENSUS)
    run_by = models.CharField(
        max_length=200, default="In house", help_text=_("Who ran the survey: our own team or a research company.")
    )
    contractor_name = models.CharField(
        _("External contractor"),
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text=_("The research company that collected or analysed the answers. Leave blank if none."),
    )
    weighting = models.TextField(default="None: results are not weighted.", help_text=_("Any weighting applied."))
    weight_by = models.JSONField(
        _("Weight the results by"),
        default=_no_characteristics,
        db_default=[],
        blank=True,
        help_text=_("Up to five characteristics (WeightingCharacteristic); none: the results are not weighted."),
    )
    excluded_rented = models.PositiveIntegerField(_("Rented households left out"), default=0, db_default=0)
    excluded_shared_ownership = models.PositiveIntegerField(
        _("Shared ownership households left out"), default=0, db_default=0
    )
    exclusion_reasons = models.TextField(_("Why they were left out"), blank=True, default="", db_default="")
    shortfall_reason = models.TextField(
        _("Why fewer answered than the Regulator requires"), blank=True, default="", db_default=""
    )
    incentives = models.TextField(blank=True, help_text=_("Any prize draw or reward for taking part."))
    other_notes = models.TextField(
        blank=True, help_text=_("Anything else that affects the results, such as questions left out.")
    )

    def __str__(self):
        return f"Approach of {self.survey}"

    @property
    def weighted(self):
        return bool(self.weight_by)
