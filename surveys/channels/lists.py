"""Letters, calls and visits: nothing is sent by a job; people work from the print pack
(surveys/print_pack.py), the call list and the visit list."""

from surveys.channels.base import Channel, details_of, postal_address


class LetterChannel(Channel):
    code = "letter"

    def address(self, resident):
        return postal_address(resident)


class CallChannel(Channel):
    code = "phone"

    def address(self, resident):
        details = details_of(resident)
        return details.phone if details else ""


class VisitChannel(Channel):
    code = "in_person"

    def address(self, resident):
        return postal_address(resident)
