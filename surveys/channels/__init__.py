"""The one way out to residents: each channel (email, text, letter, call, visit) is a small class
in this package with the interface in base.py."""

from surveys.channels.base import Channel, Message, Outcome, TryAgain
from surveys.channels.email import EmailChannel
from surveys.channels.lists import CallChannel, LetterChannel, VisitChannel
from surveys.channels.text import TextChannel

CHANNELS = {
    channel.code: channel for channel in (EmailChannel(), TextChannel(), LetterChannel(), CallChannel(), VisitChannel())
}


def channel_for(code):
    return CHANNELS[code]


__all__ = ["CHANNELS", "Channel", "Message", "Outcome", "TryAgain", "channel_for"]
