"""Checking and storing the ways to reach a resident: one format for every number, checked emails.

UK numbers are parsed with `phonenumbers` (Google's libphonenumber, kept up to date with Ofcom's
numbering plan) and stored in E.164 ("+447700900123"), so the same number typed as "07700 900123"
or "+44 7700 900123" is one number, and GOV.UK Notify takes it as it is.
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
# Numbers a landline field takes: fixed lines, and the 03 / 056 / VoIP numbers people give as "home".
LANDLINE_TYPES = {
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.VOIP,
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
}


# Ofcom keeps 07700 900000 to 900999 for TV and radio drama: never given to anyone, so libphonenumber
# calls them invalid. They are the demo's and tests' mobiles, so they are taken as mobiles here.
DRAMA_MOBILES = re.compile(r"^\+447700900\d{3}$")


def _is_drama_mobile(number):
    return bool(DRAMA_MOBILES.match(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)))


def _parse(raw):
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(_("Enter a phone number, like 07700 900 982 or 0113 496 0000")) from error
    if not (phonenumbers.is_valid_number(number) or _is_drama_mobile(number)):
        raise ValidationError(_("Enter a real UK phone number, like 07700 900 982 or 0113 496 0000"))
    return number


def mobile_number(raw):
    """'07700 900123' -> '+447700900123'; blank stays blank; anything else is a ValidationError."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    number = _parse(raw)
    if not _is_drama_mobile(number) and phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise ValidationError(_("Enter a mobile number (it starts 07), or put this number under landline"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def landline_number(raw):
    raw = (raw or "").strip()
    if not raw:
        return ""
    number = _parse(raw)
    if phonenumbers.number_type(number) not in LANDLINE_TYPES:
        raise ValidationError(_("Enter a landline number, like 0113 496 0000, or put a mobile under mobile"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_address(raw):
    raw = (raw or "").strip()
    if not raw:
        return ""
    validate_email(raw)
    local, _at, domain = raw.rpartition("@")
    # Domains are not case-sensitive; the part before @ may be, so it is kept as given.
    return f"{local}@{domain.lower()}"


def shown(number):
    """A stored E.164 number as people write it: '+447700900123' -> '07700 900123'."""
    if not number:
        return ""
    try:
        return phonenumbers.format_number(phonenumbers.parse(number, "GB"), phonenumbers.PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        return number
