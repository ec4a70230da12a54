"""Small additions to a page's access declaration (engagement.access), kept on the view."""

from dataclasses import replace


def post_only(view):
    """A page that only takes a form post: the role matrix and the accessibility check do not GET it."""
    view.access = replace(view.access, post_only=True)
    return view


def not_html(view):
    """A CSV or plain-text endpoint: in the role matrix, not in the accessibility check."""
    view.access = replace(view.access, html=False)
    return view
