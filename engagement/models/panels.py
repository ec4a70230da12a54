"""Scrutiny panels: residents who examine the landlord's services, their meetings and their reviews."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned


class AccessArrangement(models.TextChoices):
    """What was put in place so people could take part. Used by meetings and engagement activities."""

    BSL = "bsl", _("British Sign Language interpreter")
    INTERPRETER = "interpreter", _("Spoken-language interpreter")
    STEP_FREE = "step_free", _("Step-free venue")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    LARGE_PRINT = "large_print", _("Papers in large print")
    EASY_READ = "easy_read", _("Papers in easy read")
    PAPERS_EARLY = "papers_early", _("Papers sent a week ahead")
    CAPTIONS = "captions", _("Live captions online")
    TRAVEL = "travel", _("Travel paid or arranged")
    CARE_COSTS = "care_costs", _("Childcare or carer costs paid")
    QUIET_ROOM = "quiet_room", _("Quiet room available")


def arrangement_labels(codes):
    return [AccessArrangement(code).label for code in codes if code in AccessArrangement.values]


class ScrutinyPanel(models.Model):
    name = models.CharField(max_length=120)
    purpose = models.TextField(blank=True)
    set_up_on = models.DateField(_("Set up on"))

    class Meta:
        ordering = ["name"]
        permissions = [
            ("view_every_panel", "Can read the records of every panel (others only read panels they sit on)"),
        ]

    def __str__(self):
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")


class PanelMembershipQuerySet(models.QuerySet):
    def current(self, day):
        """Memberships that had begun and not ended on `day`."""
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day), started_on__lte=day)


class PanelMembership(Revisioned):
    panel = models.ForeignKey(ScrutinyPanel, on_delete=models.CASCADE, related_name="memberships")
    resident = models.ForeignKey("engagement.Resident", on_delete=models.PROTECT, related_name="panel_memberships")
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    started_on = models.DateField(_("Joined on"))
    ended_on = models.DateField(_("Left on"), null=True, blank=True)

    objects = PanelMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["panel", "ended_on", "resident__last_name", "resident__first_name"]
        permissions = [("draw_shortlist", "Can draw a shortlist of residents to invite to a panel")]

    def __str__(self):
        return f"{self.resident} on {self.panel}"

    def is_current_on(self, day):
        return self.started_on <= day and (self.ended_on is None or self.ended_on >= day)

    def clean(self):
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The date they left must be on or after the date they joined")})


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid: in person and online")


class PanelMeeting(Revisioned):
    panel = models.ForeignKey(ScrutinyPanel, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("Date"))
    format = models.CharField(max_length=20, choices=MeetingFormat.choices)
    place = models.CharField(_("Where"), max_length=200, blank=True, help_text=_("Venue, or the online platform."))
    access_arrangements = models.JSONField(default=list, blank=True)
    access_notes = models.TextField(_("Other access arrangements"), blank=True)
    summary = models.TextField(_("What was discussed"), blank=True)
    attendees = models.ManyToManyField(PanelMembership, blank=True, related_name="meetings_attended")

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.panel} meeting on {self.held_on:%d %B %Y}"

    @property
    def arrangement_labels(self):
        return arrangement_labels(self.access_arrangements)


class ScrutinyReview(Revisioned):
    panel = models.ForeignKey(ScrutinyPanel, on_delete=models.CASCADE, related_name="reviews")
    topic = models.CharField(max_length=200)
    scope = models.TextField(_("What the review looks at"))
    started_on = models.DateField(_("Started on"))
    completed_on = models.DateField(_("Completed on"), null=True, blank=True)
    findings = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return self.topic

    @property
    def is_complete(self):
        return self.completed_on is not None


class ReviewEvidence(models.Model):
    """A page of figures the panel looked at: kept as the address of a page inside this service."""

    review = models.ForeignKey(ScrutinyReview, on_delete=models.CASCADE, related_name="evidence")
    label = models.CharField(max_length=200)
    path = models.CharField(
        _("Address of the page"),
        max_length=500,
        help_text=_("The part after the domain, starting with /, for example /insight/dissatisfaction/"),
    )
    note = models.TextField(_("What it showed"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.label

    def clean(self):
        if not self.path.startswith("/") or self.path.startswith("//"):
            raise ValidationError({"path": _("Enter an address inside this service, starting with a single /")})


class Response(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class RecommendationQuerySet(models.QuerySet):
    def answered(self):
        return self.exclude(response="")


class Recommendation(Revisioned):
    """What the panel recommended, and the landlord's answer: "you said, we did"."""

    review = models.ForeignKey(ScrutinyReview, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("Recommendation"))
    response = models.CharField(_("Our response"), max_length=20, choices=Response.choices, blank=True)
    response_reason = models.TextField(
        _("Reason"), blank=True, help_text=_("Needed when it is not accepted, or only partly.")
    )
    responded_on = models.DateField(_("Responded on"), null=True, blank=True)
    action = models.TextField(_("What we will do"), blank=True)
    action_owner = models.CharField(
        _("Who is responsible"), max_length=120, blank=True, help_text=_("A job title, not a person's name.")
    )
    due_on = models.DateField(_("Due by"), null=True, blank=True)
    action_status = models.CharField(
        _("Progress"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def has_response(self):
        return bool(self.response)

    def clean(self):
        errors = {}
        if self.response in (Response.NOT_ACCEPTED, Response.PARTLY_ACCEPTED) and not self.response_reason.strip():
            errors["response_reason"] = _("Enter the reason it was not accepted in full")
        if self.response in (Response.ACCEPTED, Response.PARTLY_ACCEPTED):
            if not self.action.strip():
                errors["action"] = _("Enter what we will do")
            if not self.action_owner.strip():
                errors["action_owner"] = _("Enter who is responsible for the action")
            if self.due_on is None:
                errors["due_on"] = _("Enter the date the action is due by")
        if errors:
            raise ValidationError(errors)


class PanelWritingKind(models.TextChoices):
    FINDING = "finding", _("A finding")
    RECOMMENDATION = "recommendation", _("A recommendation")
    COMMENT = "comment", _("A comment on our response to a recommendation")


class PanelWriting(models.Model):
    """Something a panel member wrote for a review, in their own words: a draft finding, a draft
    recommendation, or a comment on the landlord's response. Kept with who wrote it and when."""

    review = models.ForeignKey(ScrutinyReview, on_delete=models.CASCADE, related_name="panel_writing")
    kind = models.CharField(_("What are you writing?"), max_length=20, choices=PanelWritingKind.choices)
    recommendation = models.ForeignKey(
        Recommendation, null=True, blank=True, on_delete=models.CASCADE, related_name="panel_comments"
    )
    text = models.TextField(_("What the panel member wrote"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    # The writer may change or withdraw it until the panel adopts it (issue 28). A withdrawn draft is
    # kept, with when, but no longer shown on the review.
    changed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # A draft recommendation the panel adopted: the recommendation the landlord must now answer,
    # crediting the member who drafted it.
    adopted_as = models.OneToOneField(
        Recommendation, null=True, blank=True, on_delete=models.SET_NULL, related_name="drafted_from"
    )

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.review}"

    @property
    def is_draft(self):
        """Still the writer's own: neither withdrawn nor adopted by the panel."""
        return self.withdrawn_at is None and self.adopted_as_id is None

    def may_be_changed_by(self, user):
        return self.is_draft and self.written_by_id == user.pk

    @property
    def may_be_adopted(self):
        return self.is_draft and self.kind == PanelWritingKind.RECOMMENDATION
