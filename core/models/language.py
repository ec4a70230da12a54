"""The respectful-language check's rules: words that stigmatise residents, and the texts it checks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageRule(models.Model):
    """A phrase to reconsider in notes and complaint responses, with a better way to say it and why.

    The phrase is matched as whole words, ignoring capitals; a space also matches a hyphen, and a
    word ending in * matches any ending ("refus* access" finds "refused access" and "refusing
    access"). The two "unless" lists keep the check to the sense that stigmatises: "refus* access"
    unless preceded by "landlord" or "we" flags "the resident refused access" but not "the
    landlord refused access".
    """

    phrase = models.CharField(max_length=100, unique=True)
    alternative = models.CharField(_("Suggested alternative"), max_length=300)
    why = models.TextField(_("Why it matters"))
    unless_preceded_by = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Comma-separated words. Not flagged when one of them is in the three words before the phrase."),
    )
    unless_followed_by = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Comma-separated words. Not flagged when one of them is in the two words after the phrase."),
    )
    is_active = models.BooleanField(_("In use"), default=True)

    class Meta:
        db_table = "engagement_languagerule"
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase


class LanguageSource(models.TextChoices):
    CONTACT_NOTES = "contact_notes", _("Contact notes")
    COMPLAINT_RESPONSE = "complaint_response", _("Complaint response")
