"""Announcements between apps, so that no app has to import another to tell it something."""

from django.dispatch import Signal

# Facts changed (an import, say): the figures read from them are out of date. Sent once per
# change, inside its transaction; a listener that does work should wait for the commit.
facts_changed = Signal()

# The respectful-language check flagged phrases in a text as it was saved: `flags` is a list of
# (finding, still in the saved text), `text_changed` whether the writer changed it after the first
# flags, `about` names the saved text (contact= or complaint_stage=).
# Sent inside the save's transaction; the desk records each flag.
language_flagged = Signal()
