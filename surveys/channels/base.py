"""What every way out to residents has in common: a channel says whether it can reach a resident and
sends one message (or, for letters, calls and visits, leaves it for the print pack or a list)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One delivery's words, already in the resident's language."""

    to: str  # the email address, mobile number or postal address, as this channel needs it
    name: str
    language: str
    subject: str
    text: str
    html: str
    link: str
    survey_title: str
    reference: str  # ours, given to providers so their reports can be matched back
    short_text: str = ""  # the whole text message, in the resident's language


@dataclass(frozen=True)
class Outcome:
    status: str  # a DeliveryStatus value
    detail: str = ""
    provider_reference: str = ""


class TryAgain(Exception):  # noqa: N818 - it is an instruction, not an error
    """A passing failure (the mail server is down, Notify is busy): the job tries again later."""


class Channel:
    code = ""
    # True: a background job sends each message (email, text). False: people act on it from the
    # print pack, the call list or the visit list.
    sends_itself = False

    def address(self, resident):
        """Where this channel reaches the resident ('' when we hold nothing it can use)."""
        raise NotImplementedError

    def not_ready(self):
        """Why nothing can be sent this way yet ('' when it can)."""
        return ""

    def send(self, message):
        """Send one message; returns an Outcome or raises TryAgain."""
        raise NotImplementedError(f"{self.code} messages are not sent one by one")

    def check(self, provider_reference):
        """What the provider now says about a sent message (a DeliveryStatus value), or None."""
        return None


def details_of(resident):
    return getattr(resident, "contact_details", None)


def postal_address(resident):
    home = resident.household.home
    lines = [resident.full_name, home.address_line_1, home.address_line_2, home.town, home.postcode]
    return "\n".join(line for line in lines if line)
