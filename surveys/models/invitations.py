from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.links import hash_token, new_nonce, token_for, token_matching


class InvitationChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    TEXT = "text", _("Text message")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")
    SIGNED_IN = "signed_in", _("Signed in")


class InvitationQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for invitation in objs:
            invitation.seal()
        return super().bulk_create(objs, *args, **kwargs)


class Invitation(models.Model):
    """One resident asked to answer one survey (for a transactional survey: about one repair).

    The token is the resident's personal link: it opens only their response, and only until it expires.
    Only its hash is stored (see surveys/links.py); `invitation.token` makes the link again.
    """

    survey = models.ForeignKey("surveys.Survey", on_delete=models.CASCADE, related_name="invitations")
    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="survey_invitations")
    repair_reference = models.CharField(max_length=40, blank=True)
    repair_completed_on = models.DateField(null=True, blank=True)
    token_nonce = models.CharField(max_length=40, default=new_nonce, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    channel = models.CharField(max_length=20, choices=InvitationChannel.choices)
    # Copied from the resident's communication preferences when invited (large print, easy read...).
    formats = models.JSONField(default=list, blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)  # a code (core.languages)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "resident"]
        permissions = [
            ("invite_resident", "Can invite the one resident they are with to a survey, by their preference"),
            ("view_survey_link", "Can read one resident's survey link, audited, to help them start"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(token_hash=""), name="invitation_token_hash_set"),
            models.UniqueConstraint(
                fields=["survey", "resident", "repair_reference"], name="one_invitation_per_resident_and_repair"
            ),
        ]

    def __str__(self):
        return f"Invitation of {self.resident} to {self.survey}"

    def save(self, *args, **kwargs):
        self.seal()
        super().save(*args, **kwargs)

    def seal(self):
        """Fix the stored hash of this invitation's link (before its first save)."""
        if not self.token_hash:
            self.token_hash = hash_token(token_for(self.token_nonce))

    @property
    def token(self):
        """The personal link's token, made again from the nonce and the server key (None if the key
        that made it is gone)."""
        return token_matching(self.token_nonce, self.token_hash)
