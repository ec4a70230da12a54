"""Which ways we may reach a resident, in their order: the one rule for invitations and reminders.

Never email or text alone to a resident with no internet, never a channel a current contact
restriction rules out, never a channel we hold no address or number for. With nothing usable in
their preferences (or none recorded), a letter, unless a restriction rules that out too.
"""

from django.db.models import Prefetch

from engagement.models import ContactRestriction, Resident
from surveys.channels import channel_for
from surveys.models import InvitationChannel


def with_reach(residents):
    """Residents again, with everything reachable_channels reads loaded in a few queries."""
    return (
        Resident.objects.filter(pk__in=[r.pk for r in residents])
        .select_related("communication_preference", "contact_details", "household__home")
        .prefetch_related(Prefetch("contact_restrictions", queryset=ContactRestriction.objects.current()))
    )


def ruled_out(resident, channel):
    return any(restriction.rules_out(channel) for restriction in resident.contact_restrictions.all())


def reachable_channels(resident):
    preference = getattr(resident, "communication_preference", None)
    wanted = preference.usable_channels() if preference else []

    def usable(code):
        return not ruled_out(resident, code) and bool(channel_for(code).address(resident))

    channels = [code for code in wanted if code in InvitationChannel.values and usable(code)]
    if not channels and usable(InvitationChannel.LETTER):
        channels = [InvitationChannel.LETTER]
    return channels


def reminder_channel(resident, first):
    """The next channel in the resident's order after `first`; `first` again when there is no other;
    None when no channel may be used any more (a restriction recorded since, say)."""
    channels = reachable_channels(resident)
    if first in channels:
        later = channels[channels.index(first) + 1 :]
        return later[0] if later else first
    return channels[0] if channels else None
