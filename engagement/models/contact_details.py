from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned


class DetailSource(models.TextChoices):
    RESIDENT = "resident", _("The resident, on their own page")
    STAFF = "staff", _("The resident, told to a member of staff")
    REPRESENTATIVE = "representative", _("Their representative or advocate")
    IMPORT = "import", _("The housing management system (import)")


class ContactDetails(Revisioned):
    """How to reach one resident: an email address, a mobile and a landline, each with where it came
    from and when it was last confirmed. Numbers are stored in E.164 (see engagement/contact_details.py)."""

    resident = models.OneToOneField("engagement.Resident", on_delete=models.CASCADE, related_name="contact_details")
    email = models.EmailField(_("Email address"), blank=True)
    email_source = models.CharField(max_length=20, choices=DetailSource.choices, blank=True)
    email_confirmed_on = models.DateField(null=True, blank=True)
    mobile_phone = models.CharField(_("Mobile number"), max_length=16, blank=True)
    mobile_source = models.CharField(max_length=20, choices=DetailSource.choices, blank=True)
    mobile_confirmed_on = models.DateField(null=True, blank=True)
    landline_phone = models.CharField(_("Landline number"), max_length=16, blank=True)
    landline_source = models.CharField(max_length=20, choices=DetailSource.choices, blank=True)
    landline_confirmed_on = models.DateField(null=True, blank=True)
    # The language of our emails, texts and letters to them (the service's languages).
    language = models.CharField(_("Language for emails, texts and letters"), max_length=10, default="en-gb")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name_plural = "contact details"

    def __str__(self):
        return f"Contact details of {self.resident}"

    def summary_rows(self):
        """(label, value as people write it, where it came from, last confirmed) for each detail."""
        from engagement.contact_details import shown

        return [
            (_("Email address"), self.email, self.get_email_source_display(), self.email_confirmed_on),
            (_("Mobile number"), shown(self.mobile_phone), self.get_mobile_source_display(), self.mobile_confirmed_on),
            (
                _("Landline number"),
                shown(self.landline_phone),
                self.get_landline_source_display(),
                self.landline_confirmed_on,
            ),
        ]

    @property
    def phone(self):
        """The number to call: the landline if there is one, else the mobile."""
        return self.landline_phone or self.mobile_phone
