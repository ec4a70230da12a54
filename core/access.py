"""Every page declares who may see it.

Wrap each view in one of these. The declaration is kept on the view as `.access`, which the
role/page matrix test reads by walking the URL resolver, so a new page is tested without editing
the test.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


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
