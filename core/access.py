"""Every page declares who may see it.

Wrap each view in one of these. The declaration is kept on the view as `.access`, which the
role/page matrix test reads by walking the URL resolver, so a new page is tested without editing
the test.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404


@dataclass(frozen=True)
class Access:
    public: bool = False
    permissions: tuple = ()
    # Pages that only accept a form post (sign out, change language) are not visited by GET.
    post_only: bool = False
    # Machine-readable endpoints (JSON, CSV) are in the role matrix but not the accessibility check.
    html: bool = True

    def allows(self, user):
        if self.public:
            return True
        return user.is_authenticated and user.is_active and user.has_perms(self.permissions)


def public_page(view=None, *, post_only=False, html=True):
    """Anyone may use it, signed in or not."""

    def declare(view):
        view.access = Access(public=True, post_only=post_only, html=html)
        return view

    return declare(view) if view is not None else declare


def page(*permissions, post_only=False, html=True):
    """Signed-in users holding every one of `permissions` (none: any signed-in user).

    `post_only` for a form action that has no page of its own; `html=False` for a download.
    """
    access = Access(permissions=tuple(permissions), post_only=post_only, html=html)

    def declare(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not access.allows(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.access = access
        return guarded

    return declare


# Object rules: which records a page may show a person, beside the page rules above. A page first
# checks the permissions it declares, then narrows what it reads through these.


def sees_only_own_jobs(user):
    """Operatives work their own repair jobs (repairs assigned to them): they may open the
    households of those jobs and no other. Staff who handle every repair, or none, are not narrowed."""
    return user.has_perm("repairs.work_repair_jobs") and not user.has_perm("repairs.view_all_repairs")


def within_own_households(user, records, household="household"):
    """`records` narrowed to the households `user` may open (see `sees_only_own_jobs`).

    `records` is a queryset of households (`household=""`) or of anything with a household
    (`household` names the path to it: "household" for residents and contacts)."""
    if not sees_only_own_jobs(user):
        return records
    path = f"{household}__repairs__operative" if household else "repairs__operative"
    mine = records.model._default_manager.filter(**{path: user}).values("pk")
    return records.filter(pk__in=mine)


def household_record_or_404(user, records, household="household", **lookup):
    """The one record matching `lookup` if `user` may open its household; otherwise 404, as for a
    repair that is not theirs (so nobody learns that it exists)."""
    found = within_own_households(user, records, household).filter(**lookup).first()
    if found is None:
        raise Http404("Nothing found.")
    return found
