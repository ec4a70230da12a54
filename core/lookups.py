"""`field__among=keys`: one of many integer keys, sent as one parameter.

Django prepares an `__in` list value by value (several calls a key): for the thousand residents of
an officer's patch that cost more than the queries themselves (docs/scaling.md). On PostgreSQL
`__among` is `column = ANY(%s)` with the keys as one array; elsewhere (SQLite) it is `__in`.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject
from django.db.models.lookups import In


class Among(In):
    lookup_name = "among"

    def get_prep_lookup(self):
        return [int(key) for key in self.rhs]

    def as_postgresql(self, compiler, connection):
        if not self.rhs:
            raise EmptyResultSet
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # One text parameter ("{1,2,3}"): psycopg2 adapts a list element by element.
        return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, "{" + ",".join(map(str, self.rhs)) + "}")


# Foreign keys keep their own lookups (Django's related lookups), so they are told of it too.
Field.register_lookup(Among)
ForeignObject.register_lookup(Among)
