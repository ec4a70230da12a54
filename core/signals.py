"""Announcements between apps, so that no app has to import another to tell it something."""

from django.dispatch import Signal

# Facts changed (an import, say): the figures read from them are out of date. Sent once per
# change, inside its transaction; a listener that does work should wait for the commit.
facts_changed = Signal()
