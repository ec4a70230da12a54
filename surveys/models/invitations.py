import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    TEXT = "text", _("Text message")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")
    SIGNED_IN = "signed_in", _("Signed in")


def new_token():
    # 32 random bytes from the operating system: unguessable, and safe in a URL.
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """One resident asked to answer one survey (for a transactional survey: about one repair).

    The token is the resident's personal link: it opens only their response, and only until it expires.
    """

    survey = models.ForeignKey("surveys.Survey", on_delete=models.CASCADE, related_name="invitations")
    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="survey_invitations")
    repair_reference = models.CharField(max_length=40, blank=True)
    repair_completed_on = models.DateField(null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    channel = models.CharField(max_length=20, choices=InvitationChannel.choices)
    # Copied from the resident's communication preferences when invited (large print, easy read...).
    formats = models.JSONField(default=list, blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["survey", "resident"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "resident", "repair_reference"], name="one_invitation_per_resident_and_repair"
            )
        ]

    def __str__(self):
        return f"Invitation of {self.resident} to {self.survey}"
