import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from surveys.choices import Mode, Tenure


class Response(models.Model):
    """One resident's answers to one survey (for a transactional survey: about one repair).

    The unique constraint is what makes a double submit, a second tab or a resumed link land on the
    same response; the key is the response's idempotency key, carried by every form that writes it.
    """

    survey = models.ForeignKey("surveys.Survey", on_delete=models.PROTECT, related_name="responses")
    version = models.ForeignKey("surveys.SurveyVersion", on_delete=models.PROTECT, related_name="responses")
    resident = models.ForeignKey("engagement.Resident", on_delete=models.PROTECT, related_name="survey_responses")
    repair_reference = models.CharField(max_length=40, blank=True)
    invitation = models.OneToOneField(
        "surveys.Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mode = models.CharField(max_length=20, choices=Mode.choices)
    # A language code for online answers (en-gb, cy); the interpreter's language for phone ones.
    language = models.CharField(max_length=60, default="en-gb")
    # The home's tenure when the response was made: TSM results are reported per tenure.
    tenure = models.CharField(max_length=4, choices=Tenure.choices)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Staff data entry and contractor imports: who keyed it in, when, and from what.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(null=True, blank=True)
    # The day the answers were given, for every mode (set when an online response is submitted):
    # the figures count a response in the period of this date, not of when it was keyed or imported.
    received_on = models.DateField(null=True, blank=True, db_index=True)
    imported_from = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["survey", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "resident", "repair_reference"], name="one_response_per_resident_and_repair"
            )
        ]
        permissions = [("answer_survey", "Can answer surveys as a resident")]

    def __str__(self):
        return f"Response {self.pk} to {self.survey}"

    def save(self, *args, **kwargs):
        if self.received_on is None and self.submitted_at is not None:
            self.received_on = timezone.localdate(self.submitted_at)
        super().save(*args, **kwargs)

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    @property
    def is_by_link(self):
        """Answered online through the resident's own link (or signed in), not keyed in or imported."""
        return self.mode == Mode.ONLINE and self.entered_at is None


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey("surveys.Question", on_delete=models.PROTECT, related_name="answers")
    # A choice value, a number or free text; the values of a multiple-choice answer joined by ";".
    value = models.TextField()
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question.code}={self.value}"

    @property
    def values(self):
        return [part for part in self.value.split(";") if part]


class AnswerChange(models.Model):
    """An answer changed after the response was sent: what it was, what it became, and when.

    A resident may change answers until the survey closes; the response stays the same one, and
    these rows say what changed since it was first sent. A blank new value: the routing no longer
    asks the question, so its answer was dropped."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="changes")
    question = models.ForeignKey("surveys.Question", on_delete=models.PROTECT, related_name="+")
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["response", "changed_at", "pk"]

    def __str__(self):
        return f"{self.question.code}: {self.old_value} -> {self.new_value}"


class SetAsideDraft(models.Model):
    """An online response started but never sent, set aside when the resident's answers arrived
    another way (a paper form, a call, a visit, the agency's file).

    One response per person: the answers that arrived are the response, and this draft is kept only
    as a record of what was typed online. It is no Response, so no figure counts it."""

    survey = models.ForeignKey("surveys.Survey", on_delete=models.CASCADE, related_name="set_aside_drafts")
    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="+")
    repair_reference = models.CharField(max_length=40, blank=True)
    version = models.ForeignKey("surveys.SurveyVersion", on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=60, blank=True)
    started_at = models.DateTimeField()
    # {question code: value} as the draft held them.
    answers = models.JSONField(default=dict, blank=True)
    set_aside_at = models.DateTimeField(default=timezone.now)
    replaced_by = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.SET_NULL, related_name="set_aside_drafts"
    )

    class Meta:
        ordering = ["survey", "set_aside_at", "pk"]

    def __str__(self):
        return f"Online draft by resident {self.resident_id} to {self.survey}, set aside"
