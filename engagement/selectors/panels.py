"""Reads for the panel pages. A panel member reads only the panels they sit on; staff read every panel."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from engagement.models import (
    EngagementActivity,
    OutreachSuggestion,
    PanelMeeting,
    PanelMembership,
    PanelWriting,
    Recommendation,
    ScrutinyPanel,
    ScrutinyReview,
)


def panels_for(user, today):
    if user.has_perm("engagement.view_every_panel"):
        return ScrutinyPanel.objects.all()
    resident = getattr(user, "resident", None)
    if resident is None:
        return ScrutinyPanel.objects.none()
    sitting = PanelMembership.objects.current(today).filter(resident=resident).values("panel_id")
    return ScrutinyPanel.objects.filter(pk__in=sitting)


def panel_for(user, today, pk):
    return get_object_or_404(panels_for(user, today), pk=pk)


def meeting_for(user, today, pk):
    return get_object_or_404(
        PanelMeeting.objects.filter(panel__in=panels_for(user, today)).select_related("panel"), pk=pk
    )


def review_for(user, today, pk):
    return get_object_or_404(
        ScrutinyReview.objects.filter(panel__in=panels_for(user, today)).select_related("panel"), pk=pk
    )


def meetings_with_attendance(panel):
    """The panel's meetings, each with how many members attended (a count: never who)."""
    return panel.meetings.annotate(attended=Count("attendees"))


def current_members(panel, today):
    return panel.memberships.current(today).select_related("resident__household__home")


def you_said_we_did():
    """Every recommendation the landlord has answered, by review (newest first). No resident is named."""
    return (
        Recommendation.objects.answered()
        .select_related("review__panel")
        .order_by("-review__started_on", "review_id", "pk")
    )


def activities_in(period_start=None, period_end=None):
    activities = EngagementActivity.objects.select_related("region")
    if period_start:
        activities = activities.filter(held_on__gte=period_start)
    if period_end:
        activities = activities.filter(held_on__lte=period_end)
    return activities.annotate(named=Count("participants"))


def outreach_suggestions():
    return {(s.dimension, s.group): s for s in OutreachSuggestion.objects.all()}


def panel_writing(review, user):
    """What panel members wrote for the review, each with who wrote it in words the viewer may see:
    staff see the member's name; a panel member sees "You" or "A panel member" (never another resident's name).
    Withdrawn drafts are left out; adopted ones stay, marked as adopted."""
    writing = list(
        PanelWriting.objects.filter(review=review, withdrawn_at__isnull=True).select_related(
            "written_by", "recommendation"
        )
    )
    writes = user.has_perm("engagement.add_panelwriting")
    for item in writing:
        item.author = author(item, user)
        item.may_change = writes and item.may_be_changed_by(user)
    return writing


def author(writing, user):
    """Who wrote `writing`, in words `user` may see."""
    if writing.written_by_id == user.pk:
        return _("You")
    if user.has_perm("engagement.view_every_panel"):
        return writing.written_by.get_full_name() or writing.written_by.username
    return _("A panel member")


def drafter(writing, user):
    """Who drafted an adopted recommendation: "you", "a panel member", or for staff the member's name."""
    if writing.written_by_id == user.pk:
        return _("you")
    if user.has_perm("engagement.view_every_panel"):
        return _("%(name)s, a panel member,") % {"name": author(writing, user)}
    return _("a panel member")


def own_draft(user, today, pk):
    """A draft `user` wrote for a review of a panel they may read, and may still change or withdraw."""
    reviews = ScrutinyReview.objects.filter(panel__in=panels_for(user, today))
    return get_object_or_404(
        PanelWriting.objects.filter(
            review__in=reviews, written_by=user, withdrawn_at__isnull=True, adopted_as__isnull=True
        ).select_related("review"),
        pk=pk,
    )


def adoptable_draft(pk):
    """A panel member's draft recommendation the panel may adopt."""
    return get_object_or_404(
        PanelWriting.objects.filter(
            kind="recommendation", withdrawn_at__isnull=True, adopted_as__isnull=True
        ).select_related("review", "written_by"),
        pk=pk,
    )
