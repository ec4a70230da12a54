"""The respectful-language check: words that stigmatise residents, and what it found in use."""

from django.conf import settings
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
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase


class LanguageSource(models.TextChoices):
    CONTACT_NOTES = "contact_notes", _("Contact notes")
    COMPLAINT_RESPONSE = "complaint_response", _("Complaint response")


class LanguageFlag(models.Model):
    """One phrase the check flagged when text was saved, and whether the writer changed the text."""

    source = models.CharField(max_length=30, choices=LanguageSource.choices)
    contact = models.ForeignKey(
        "engagement.Contact", null=True, blank=True, on_delete=models.CASCADE, related_name="language_flags"
    )
    complaint_stage = models.ForeignKey(
        "repairs.ComplaintStage", null=True, blank=True, on_delete=models.CASCADE, related_name="language_flags"
    )
    rule = models.ForeignKey(LanguageRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="flags")
    phrase = models.CharField(max_length=100, help_text=_("The rule's phrase when it flagged, kept if the rule goes."))
    matched_text = models.CharField(max_length=200)
    text_changed = models.BooleanField(_("The writer changed the text after it was flagged"))
    still_in_text = models.BooleanField(_("The phrase is still in the saved text"))
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    flagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-flagged_at", "-pk"]

    def __str__(self):
        return f"{self.phrase!r} in {self.get_source_display().lower()}"
