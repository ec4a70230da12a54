"""Writing the audit of special-category data. Pages call `record_view`; services call `record_change`."""

from engagement.models import AuditAction, AuditEntry


def record_view(*, user, resident, subject, detail="", path=""):
    return AuditEntry.objects.create(
        user=user, resident=resident, action=AuditAction.VIEWED, subject=subject, detail=detail[:300], path=path[:300]
    )


def record_views(*, user, residents, subject, detail="", path=""):
    """One entry per resident for a list page that shows several residents' data at once."""
    AuditEntry.objects.bulk_create(
        AuditEntry(
            user=user,
            resident=resident,
            action=AuditAction.VIEWED,
            subject=subject,
            detail=detail[:300],
            path=path[:300],
        )
        for resident in residents
    )


def record_change(*, user, resident, subject, action, object_id=None, fields=(), path=""):
    """Names the fields that changed, never their values: the log must not copy the data it guards."""
    detail = ", ".join(fields)
    return AuditEntry.objects.create(
        user=user,
        resident=resident,
        action=action,
        subject=subject,
        object_id=object_id,
        detail=(f"Fields: {detail}" if detail else "")[:300],
        path=path[:300],
    )
