"""Engagement designed to include: activities that go to residents the panel does not reach."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.panels import arrangement_labels

# The equality questions a representation review compares, in the order pages show them. Each is
# a key of engagement.selectors.equality.GROUPED_QUESTIONS.
DIMENSIONS = [
    ("age_band", _("Age")),
    ("disability", _("Disability or long-term condition")),
    ("ethnic_group", _("Ethnic group")),
    ("sex", _("Sex")),
    ("gender_identity", _("Gender identity")),
    ("sexual_orientation", _("Sexual orientation")),
    ("religion", _("Religion or belief")),
    ("interpreter_needed", _("Needs an interpreter")),
]
DIMENSION_LABELS = dict(DIMENSIONS)


class ActivityKind(models.TextChoices):
    PANEL_MEETING = "panel_meeting", _("Panel meeting")
    DROP_IN = "drop_in", _("Drop-in session")
    COFFEE_MORNING = "coffee_morning", _("Community coffee morning with a partner")
    FAITH_GROUP = "faith_group", _("Faith-group session with a partner")
    BSL_SESSION = "bsl_session", _("British Sign Language session")
    SCHEME_MEETING = "scheme_meeting", _("Meeting in a retirement or supported-living scheme")
    PHONE_CALLS = "phone_calls", _("Round of short phone calls")
    SURVEY_ROUND = "survey_round", _("Survey round")


def kind_labels(codes):
    return [ActivityKind(code).label for code in codes if code in ActivityKind.values]


class EngagementActivity(models.Model):
    kind = models.CharField(_("Kind of activity"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(max_length=200)
    partner = models.CharField(
        _("Partner organisation"),
        max_length=200,
        blank=True,
        help_text=_("For example, a community group or faith centre."),
    )
    held_on = models.DateField(_("Date"))
    place = models.CharField(_("Where"), max_length=200, blank=True)
    region = models.ForeignKey(
        "engagement.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Where the people who took part live. Leave blank if it covered every region."),
    )
    access_arrangements = models.JSONField(default=list, blank=True)
    access_notes = models.TextField(_("Other access arrangements"), blank=True)
    participants = models.ManyToManyField(
        "engagement.Resident",
        blank=True,
        related_name="engagement_activities",
        help_text=_("Only residents who agreed to be named."),
    )
    headcount = models.PositiveIntegerField(
        _("People who took part without being named"),
        default=0,
        help_text=_("Everyone else who took part. You can add what they told us about themselves, without names."),
    )
    themes = models.TextField(_("What we heard"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name_plural = "engagement activities"
        permissions = [("view_representation", "Can see the representation review (counts by group, no names)")]

    def __str__(self):
        return self.title

    @property
    def arrangement_labels(self):
        return arrangement_labels(self.access_arrangements)


class AnonymousCount(models.Model):
    """How many of an activity's unnamed participants gave one answer to one equality question."""

    activity = models.ForeignKey(EngagementActivity, on_delete=models.CASCADE, related_name="anonymous_counts")
    dimension = models.CharField(max_length=30, choices=DIMENSIONS)
    group = models.CharField(max_length=40)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["activity", "dimension", "group"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "dimension", "group"], name="one_count_per_group"),
        ]

    def __str__(self):
        return f"{self.count} × {self.dimension}={self.group}"


class OutreachSuggestion(models.Model):
    """Kinds of activity that reach one group of residents. An administrator keeps this up to date."""

    dimension = models.CharField(max_length=30, choices=DIMENSIONS)
    group = models.CharField(max_length=40, help_text=_("The answer's code, for example 75_plus or yes."))
    activity_kinds = models.JSONField(default=list)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["dimension", "group"]
        constraints = [models.UniqueConstraint(fields=["dimension", "group"], name="one_suggestion_per_group")]

    def __str__(self):
        return f"{self.get_dimension_display()}: {self.group}"

    def clean(self):
        unknown = [code for code in self.activity_kinds if code not in ActivityKind.values]
        if unknown:
            raise ValidationError({"activity_kinds": f"Not kinds of activity: {', '.join(unknown)}"})

    @property
    def kind_labels(self):
        return kind_labels(self.activity_kinds)


class EqualityImpactAssessment(models.Model):
    """An equality impact assessment of how we engage residents: who it may leave out, and what we do."""

    title = models.CharField(max_length=200)
    questions = models.TextField(_("Questions asked"))
    findings = models.TextField(_("What we found"))
    actions = models.TextField(_("What we will do"))
    owner = models.CharField(_("Who is responsible"), max_length=120, help_text=_("A job title."))
    assessed_on = models.DateField(_("Date of the assessment"))
    review_by = models.DateField(_("Review by"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.assessed_on and self.review_by and self.review_by <= self.assessed_on:
            raise ValidationError({"review_by": _("The review date must be after the date of the assessment")})
