"""Reads that may go to a streaming replica (docs/scaling.md, "The deployment shape").

With `DATABASE_REPLICA_URL` set, settings add a `replica` database and this router. Everything
reads from and writes to the primary (`default`), so a page always reads its own writes, except
queries run inside `replica_reads()`: the recompute's heavy fact queries, which read a few seconds
of lag happily and would otherwise take the primary's cores from the pages. Without a replica the
block changes nothing.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_reading_from_replica = ContextVar("reading_from_replica", default=False)


@contextmanager
def replica_reads():
    """Inside the block, reads go to the replica when there is one."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_from_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, copied: an object read from the replica is the primary's row

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA  # the replica copies the primary; it is never migrated itself
