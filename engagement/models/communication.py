from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned
from core.languages import name_of


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone call")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("Email")
    TEXT = "text", _("Text message")
    IN_PERSON = "in_person", _("In person")


DIGITAL_CHANNELS = {Channel.EMAIL, Channel.TEXT}


class Format(models.TextChoices):
    LARGE_PRINT = "large_print", _("Large print")
    EASY_READ = "easy_read", _("Easy read")
    BRAILLE = "braille", _("Braille")
    AUDIO = "audio", _("Audio")
    BSL = "bsl", _("British Sign Language")


class CommunicationPreference(Revisioned):
    """How one resident wants to hear from us. Every invitation and letter follows it."""

    resident = models.OneToOneField(
        "engagement.Resident", on_delete=models.CASCADE, related_name="communication_preference"
    )
    # Channel codes in the resident's order of preference, most preferred first.
    channels = models.JSONField(default=list, blank=True)
    formats = models.JSONField(default=list, blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)  # a code (core.languages)
    no_internet = models.BooleanField(
        _("No internet access"), default=False, help_text=_("Then nothing is sent to them by email or text only.")
    )
    best_times = models.CharField(max_length=200, blank=True)
    representative_name = models.CharField(_("Representative or advocate"), max_length=120, blank=True)
    representative_contact = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        permissions = [("manage_own_preferences", "Can see and change their own communication preferences")]

    def __str__(self):
        return f"Communication preferences of {self.resident}"

    def usable_channels(self):
        """The preferred channels in order, without digital ones for a resident with no internet."""
        return [c for c in self.channels if not (self.no_internet and c in DIGITAL_CHANNELS)]

    @property
    def interpreter_language_name(self):
        return name_of(self.interpreter_language) if self.interpreter_language else ""

    @property
    def channel_labels(self):
        return [Channel(code).label for code in self.channels if code in Channel.values]

    @property
    def format_labels(self):
        return [Format(code).label for code in self.formats if code in Format.values]
