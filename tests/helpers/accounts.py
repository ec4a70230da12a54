from django.urls import reverse

from tests.core.factories import PASSWORD


def sign_in(client, username, password=PASSWORD):
    """Post the sign-in form, as a person does (not force_login): lockout and two-factor apply."""
    return client.post(reverse("login"), {"username": username, "password": password})
