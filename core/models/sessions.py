from django.conf import settings
from django.db import models


class SignOutEverywhere(models.Model):
    """When a person (or an administrator for them) last signed out everywhere: every session that
    began before it is refused on its next request (core/sign_out.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_out_everywhere"
    )
    at = models.DateTimeField()

    def __str__(self):
        return f"{self.user} signed out everywhere at {self.at:%Y-%m-%d %H:%M}"
