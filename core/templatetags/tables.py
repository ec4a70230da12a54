"""Data tables that fit a phone: {% scrolling_table %}<table>…</table>{% endscrolling_table %}.

A table wider than the screen scrolls sideways inside its own box, never the whole page; the box
is a region named by the table's caption (given an id here if it has none) and takes keyboard
focus, so it can be scrolled without a mouse and a screen reader announces what it holds.
"""

import itertools
import re

from django import template

register = template.Library()

CAPTION = re.compile(r"<caption\b([^>]*)>")
ID = re.compile(r'\bid="([^"]+)"')
_numbers = itertools.count(1)


class ScrollingTable(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        caption = CAPTION.search(html)
        if caption is None:
            raise template.TemplateSyntaxError("A scrolling table needs a <caption> to name its region.")
        if named := ID.search(caption[1]):
            ident = named[1]
        else:
            ident = f"table-caption-{next(_numbers)}"
            html = f'{html[: caption.start()]}<caption id="{ident}"{caption[1]}>{html[caption.end() :]}'
        # The table is already rendered (and escaped) by its own template; the id is ours or its own.
        return f'<div class="app-table-scroll" role="region" aria-labelledby="{ident}" tabindex="0">{html}</div>'


@register.tag
def scrolling_table(parser, token):
    nodelist = parser.parse(("endscrolling_table",))
    parser.delete_first_token()
    return ScrollingTable(nodelist)
