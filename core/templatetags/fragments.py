"""{% fragment "name" shown… %}…{% endfragment %}: the enclosed markup cached by what it shows
(core/fragments.py). `shown` is one or more values: the values the markup shows (such as a list of
tuples made by the page's selector) and anything else it depends on, such as a permission that
adds a link. A value missing from the page's context (None) means no caching, not an empty key."""

from django import template

from core.fragments import cached_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, shown, nodelist):
        self.name, self.shown, self.nodelist = name, shown, nodelist

    def render(self, context):
        shown = tuple(value.resolve(context, ignore_failures=True) for value in self.shown)
        if None in shown:
            # A value the page did not give: rendered every time, never under a key that others share.
            return self.nodelist.render(context)
        return cached_fragment(self.name.resolve(context), shown, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError('Use {% fragment "name" shown… %}…{% endfragment %}.')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
